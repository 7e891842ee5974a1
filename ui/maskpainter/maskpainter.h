#pragma once

#include "mask/markupdocument.h"
#include "mask/maskdocument.h"
#include "maskcanvas.h"

#include <QWidget>

class QActionGroup;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QSpinBox;
class QToolBar;

namespace Atelier {

// The mask painter: the canvas with its tools, brush settings, view switch and history. It
// paints on the first reference image of an edit; the window turns the mask into the file the
// API takes when the edit is sent.
class MaskPainter final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaskPainter)

public:
    explicit MaskPainter(QWidget *parent = nullptr);
    ~MaskPainter() override;

    // Opens an image to paint on (the brush is the active tool). Images larger than 3840x2160
    // are shown and painted at that size; the mask is exported at the image's own size.
    Status openImage(const QString &path);
    QString imagePath() const { return m_path; }
    bool hasImage() const { return !m_path.isEmpty(); }
    void close();

    MaskDocument *document() const { return m_document; }
    MarkupDocument *markup() const { return m_markup; }
    bool hasMarkup() const;
    // The markup as the API takes it (a transparent PNG the image's own size), written into
    // `folder` named by its content; returns the path, or why not.
    Result<QString> saveMarkup(const QString &folder) const;
    MaskCanvas *canvas() const { return m_canvas; }
    bool hasMask() const;

    // A mask file: transparent marks the area, or black on white (see MaskDocument).
    Status importMask(const QString &path);
    // The mask as the API takes it, at the image's own size.
    QImage apiMask() const;
    // Writes apiMask() into `folder`, named by its content; returns the path, or why not.
    Result<QString> saveApiMask(const QString &folder) const;

Q_SIGNALS:
    void sendRequested();
    void statusMessage(const QString &text);
    void imageOpened(const QString &path);

private:
    void buildToolBars(QToolBar *bar, QToolBar *brush);
    void buildMarkupBar(QToolBar *bar);
    // The history Undo and Redo act on: the markup's while a Mark tool is chosen.
    QUndoStack *activeHistory() const;
    void showState();
    void feather();

    MaskDocument *m_document;
    MarkupDocument *m_markup;
    MaskCanvas *m_canvas;
    QString m_path;
    QSize m_sourceSize;
    QActionGroup *m_tools = nullptr;
    QSpinBox *m_size = nullptr;
    QSpinBox *m_hardness = nullptr;
    QSlider *m_opacity = nullptr;
    QLabel *m_state = nullptr;
};

} // namespace Atelier
