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
// switch between the two; drag to pan.
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

Q_SIGNALS:
    // The view was resized: images sized for it are shown without scaling.
    void viewSizeChanged(const QSize &size);
    // Screen pixels per image pixel changed (fitting included).
    void zoomChanged(double scale);
    void fileShown(const QString &path);
    void fileFailed(const QString &path, const QString &error);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    void rescale();
    void viewMoved();
    // The zoom and pan, told the widget's size first (a hidden widget gets no resize event).
    ZoomPan &synced() const;
    void dropDocument();
    void assign(const QImage &image, const QString &caption, const QImage &display);
    QString shownCaption() const;

    QImage m_image;
    QImage m_display;
    QImage m_scaled; // cached at the widget's size: painting only blits
    QString m_caption;
    QString m_message;
    mutable ZoomPan m_view;
    double m_shownScale = 0.0; // what zoomChanged last said
    quint64 m_fileLoads = 0; // showFile(): only the newest one is shown
    QPoint m_dragFrom;
    // setDocument(): the bytes, and what plays or draws them.
    QByteArray m_documentBytes;
    QBuffer m_documentBuffer;
    QMovie *m_movie = nullptr;
    std::unique_ptr<QSvgRenderer> m_svg;
};

} // namespace Atelier
