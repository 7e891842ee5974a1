#pragma once

#include "viewer/zoompan.h"

#include <QBuffer>
#include <QImage>
#include <QWidget>

#include <memory>

class QMovie;
class QSvgRenderer;

namespace Atelier {

// Shows one image as large as fits, aspect kept, over a checkerboard where it is transparent,
// with a caption ("Partial 2 of 3", "Final"). Streamed partials replace each other here as they
// arrive. Zoom with the wheel (around the pointer), F to fit, 1 for 100 %, double-click to
// switch between the two; drag to pan. An edit's result can carry its original: holding
// backslash (\) shows the original instead, and Compare shows the original left of a wipe line
// the user drags and the result right of it (zoom and pan act on both).
class ImagePreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagePreview)

public:
    explicit ImagePreview(QWidget *parent = nullptr);
    ~ImagePreview() override;

    // `display`, when given, is a smaller copy of `image` made off the GUI thread: fitting the
    // view scales it instead of the full image; zooming in uses the full image.
    void setImage(const QImage &image, const QString &caption, const QImage &display = {});
    void clear(const QString &message = {});
    // Reads an image file off the GUI thread and shows it (a GIF plays, an SVG is drawn from
    // its vectors); when several are asked for quickly, only the last is shown. fileShown or
    // fileFailed says how it went.
    void showFile(const QString &path, const QString &caption);
    // An image file's bytes shown as what they are: an animated GIF plays (Space pauses and
    // resumes), an SVG is drawn from its vectors at every zoom. Other formats: false (use
    // setImage).
    bool setDocument(const QByteArray &bytes, const QString &caption);
    bool isAnimated() const { return m_movie != nullptr; }
    bool isVector() const { return m_svg != nullptr; }
    bool isPaused() const;
    void setPaused(bool paused);
    int frameCount() const;
    const QImage &image() const { return m_image; }
    QString caption() const { return m_caption; }

    QSize sizeHint() const override { return {640, 480}; }

    // 0: fit the widget; otherwise screen pixels per image pixel.
    double zoom() const { return synced().zoom(); }
    void setZoom(double zoom, const QPointF &anchor = {});
    void fit() { setZoom(0); }
    // Zooms in (positive) or out by wheel notches, around the view's centre.
    void zoomBy(double steps);
    // The image point at the widget's centre (panning moves it).
    QPointF center() const { return synced().center(); }
    const ZoomPan &zoomPan() const { return synced(); }

    // The image the shown one was made from (an edit's input), drawn in the shown image's place
    // (scaled to it if its size differs). Read off the GUI thread; originalChanged says when it
    // is there. Showing another image drops it.
    void setOriginalFile(const QString &path);
    void setOriginal(const QImage &original);
    bool hasOriginal() const { return !m_original.isNull(); }
    const QImage &original() const { return m_original; }
    // The original instead of the image, while backslash is held.
    bool isShowingOriginal() const { return m_showingOriginal && hasOriginal(); }
    void setShowingOriginal(bool showing);
    // The wipe: the original left of the line, the image right of it.
    bool isComparing() const { return m_comparing && hasOriginal(); }
    void setComparing(bool comparing);
    // Where the line is, as a share of the widget's width (0.5: the middle).
    double wipePosition() const { return m_wipe; }
    void setWipePosition(double position);
    int wipeX() const { return qRound(m_wipe * width()); }

Q_SIGNALS:
    // The view was resized: images sized for it are shown without scaling.
    void viewSizeChanged(const QSize &size);
    // Screen pixels per image pixel changed (fitting included).
    void zoomChanged(double scale);
    void fileShown(const QString &path);
    void fileFailed(const QString &path, const QString &error);
    // An original arrived for the image shown, or was dropped with it.
    void originalChanged(bool hasOriginal);
    void comparingChanged(bool comparing);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void rescale();
    void viewMoved();
    // The zoom and pan, told the widget's size first (a hidden widget gets no resize event).
    ZoomPan &synced() const;
    void dropDocument();
    void assign(const QImage &image, const QString &caption, const QImage &display);
    QString shownCaption() const;
    void dropOriginal();
    void describe();
    // `full` (the image or its original) in `target`, only inside `clip`; `scaled` is its copy
    // at the fitted size.
    void paintPicture(QPainter &painter, const QImage &full, const QImage &scaled,
                      const QRect &target, const QRect &clip) const;

    QImage m_image;
    QImage m_display;
    QImage m_scaled; // cached at the widget's size: painting only blits
    QString m_caption;
    QString m_message;
    mutable ZoomPan m_view;
    double m_shownScale = 0.0; // what zoomChanged last said
    quint64 m_fileLoads = 0; // showFile(): only the newest one is shown
    QPoint m_dragFrom;
    QImage m_original;
    QImage m_originalScaled;
    quint64 m_originalLoads = 0; // setOriginalFile(): only the newest one is shown
    bool m_showingOriginal = false;
    bool m_comparing = false;
    bool m_draggingWipe = false;
    double m_wipe = 0.5;
    // setDocument(): the bytes, and what plays or draws them.
    QByteArray m_documentBytes;
    QBuffer m_documentBuffer;
    QMovie *m_movie = nullptr;
    std::unique_ptr<QSvgRenderer> m_svg;
};

} // namespace Atelier
