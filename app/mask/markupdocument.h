#pragma once

#include <QColor>
#include <QImage>
#include <QObject>
#include <QPainterPath>
#include <QRect>
#include <QUndoStack>

namespace Atelier {

// Marks drawn over an image to edit, sent as the edit's "markup" (gpt-image-2.5 and later): a
// transparent layer the image's size with arrows, circles, boxes and freehand lines in a colour
// that show where and what to change. Every mark is one undo step. No widgets.
class MarkupDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarkupDocument)

public:
    enum class Shape { Arrow, Ellipse, Box };

    explicit MarkupDocument(QObject *parent = nullptr);
    ~MarkupDocument() override;

    // A new, empty layer of `size` (the image's size); the history is cleared.
    void reset(const QSize &size);
    QSize size() const { return m_layer.size(); }
    // ARGB32_Premultiplied, transparent where nothing is drawn.
    const QImage &layer() const { return m_layer; }
    bool isEmpty() const;
    QUndoStack *undoStack() { return &m_undo; }

    void setColor(const QColor &color);
    QColor color() const { return m_color; }
    // Line width in image pixels.
    void setLineWidth(double width);
    double lineWidth() const { return m_lineWidth; }

    // A freehand line: one undo step from begin to end.
    void beginStroke(const QPointF &position);
    void strokeTo(const QPointF &position);
    void endStroke();
    bool isStroking() const { return m_stroking; }
    // An arrow from `from` pointing at `to`; an ellipse or a box in the rectangle they span.
    void drawShape(Shape shape, const QPointF &from, const QPointF &to);
    void clear();

    // The outline a shape would have (for the canvas to show while dragging).
    static QPainterPath shapePath(Shape shape, const QPointF &from, const QPointF &to,
                                  double lineWidth);
    // The layer as the API takes it: a PNG-ready image at `size` (the first image's own size).
    QImage apiMarkup(const QSize &size) const;

    // For MarkupEditCommand only.
    void restore(const QRect &rect, const QImage &pixels);

Q_SIGNALS:
    // Pixels inside `rect` (image coordinates) changed.
    void changed(const QRect &rect);

private:
    // Draws `path` (stroked, round joins) into the layer and pushes one undo step for it.
    void draw(const QPainterPath &path, const QString &text);
    void record(const QString &text, const QRect &rect, const QImage &before);

    QImage m_layer;
    QUndoStack m_undo;
    QColor m_color {255, 59, 48};
    double m_lineWidth = 8.0;

    bool m_stroking = false;
    QPainterPath m_stroke;
    QImage m_strokeBase; // the layer when the stroke began
};

} // namespace Atelier
