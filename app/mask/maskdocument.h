#pragma once

#include <QImage>
#include <QObject>
#include <QPolygonF>
#include <QRect>
#include <QUndoStack>

#include "platform/result.h"

namespace Atelier {

// The mask painted over an image to edit: one coverage value per pixel (0 = keep, 255 = the
// model may change it), every change undoable. No widgets: the painter widget calls these and
// repaints what `changed` names.
class MaskDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaskDocument)

public:
    // Shapes and strokes either add to the area to change or take away from it (the eraser).
    enum class Mode { Add, Subtract };

    explicit MaskDocument(QObject *parent = nullptr);
    ~MaskDocument() override;

    // A new, empty mask of `size` (the image's size); the history is cleared.
    void reset(const QSize &size);
    QSize size() const { return m_coverage.size(); }
    // Format_Alpha8; 255 where the model may change the image.
    const QImage &coverage() const { return m_coverage; }
    bool isEmpty() const;
    // Share of pixels the model may change, 0..1 (partly covered pixels count partly).
    double coveredFraction() const;
    QUndoStack *undoStack() { return &m_undo; }

    // Brush and eraser. `diameter` in image pixels; hardness 1 = a crisp edge, 0 = soft all
    // the way from the centre.
    void setBrushDiameter(double diameter);
    double brushDiameter() const { return m_brushDiameter; }
    void setBrushHardness(double hardness);
    double brushHardness() const { return m_brushHardness; }
    // One stroke is one undo step. Overlapping parts of a stroke do not build up: a soft brush
    // dragged back and forth stays as soft as a single pass.
    void beginStroke(const QPointF &position, Mode mode);
    void strokeTo(const QPointF &position);
    void endStroke();
    bool isStroking() const { return m_stroking; }

    void fillRectangle(const QRectF &rect, Mode mode);
    void fillEllipse(const QRectF &rect, Mode mode);
    void fillPolygon(const QPolygonF &polygon, Mode mode); // lasso and polygon tools
    void fillAll();
    void clear();
    void invert();
    // Grows (grow > 0) or shrinks (grow < 0) the area by that many pixels, then softens its
    // edge over about `blur` pixels.
    void feather(int grow, int blur);

    // A mask file: transparent pixels mark the area to change (what the API takes); a file
    // without transparency is read as black and white, black marking the area (as the image
    // generation guide converts one). Another size is scaled to this one: the value is then a
    // note that says so (empty when nothing was scaled); else why the mask was not taken.
    Result<QString> importMask(const QImage &image);
    // What the API expects: RGBA at the image's size, alpha 0 where the model may change it and
    // opaque elsewhere (partly transparent along soft edges).
    QImage apiMask() const;

    // The undo history's compressed size, and the cap past which the oldest steps are dropped.
    qint64 historyBytes() const { return m_historyBytes; }
    void setHistoryLimit(qint64 bytes);
    qint64 historyLimit() const { return m_historyLimit; }

    // For MaskEditCommand only: puts back a rectangle's compressed pixels; then says what changed.
    void restorePixels(const QRect &rect, const QByteArray &compressed);
    void announceChange(const QRect &rect);

Q_SIGNALS:
    // Pixels inside `rect` (image coordinates) changed.
    void changed(const QRect &rect);
    // The brush's diameter or hardness changed (from a shortcut, a field or code).
    void brushChanged();

private:
    void paintSegment(const QPointF &from, const QPointF &to);
    void applyShape(const QRect &bounds, const QImage &shape, Mode mode, const QString &text);
    // Pushes one undo step for `rect`, whose earlier pixels are `before`.
    void record(const QString &text, const QRect &rect, const QImage &before);
    void trimHistory();
    qint64 coveredSum() const;

    QImage m_coverage;
    QUndoStack m_undo;
    double m_brushDiameter = 48.0;
    double m_brushHardness = 0.8;

    bool m_stroking = false;
    Mode m_strokeMode = Mode::Add;
    QPointF m_lastPoint;
    QImage m_strokeBase; // the mask when the stroke began
    QImage m_strokeBuffer; // the stroke's own coverage, combined with the base by max/min
    QRect m_strokeRect;

    mutable qint64 m_coveredSum = -1; // sum of all coverage values; -1 until asked after a change
    qint64 m_historyBytes = 0;
    qint64 m_historyLimit = 96LL * 1024 * 1024;
};

} // namespace Atelier
