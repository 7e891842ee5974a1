#include "imagepreview.h"

#include "checkerboard.h"

#include "imaging/svgimage.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QMovie>
#include <QPaintEvent>
#include <QPainter>
#include <QSvgRenderer>
#include <QWheelEvent>

#include <cmath>

namespace Atelier {

ImagePreview::ImagePreview(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Preview"));
    setFocusPolicy(Qt::WheelFocus);
    setToolTip(tr("Wheel: zoom · F: fit · 1: 100 % · double-click: fit / 100 % · drag: pan"));
    m_message = tr("Images appear here as they arrive.");
}

ImagePreview::~ImagePreview() = default;

void ImagePreview::dropDocument()
{
    if (m_movie) {
        m_movie->stop();
        delete m_movie;
        m_movie = nullptr;
    }
    m_svg.reset();
    m_documentBuffer.close();
    m_documentBytes.clear();
}

bool ImagePreview::setDocument(const QByteArray &bytes, const QString &caption)
{
    if (SvgImage::looksLikeSvg(bytes)) {
        auto renderer = std::make_unique<QSvgRenderer>(bytes);
        const QSize size = renderer->defaultSize();
        if (!renderer->isValid() || size.isEmpty())
            return false;
        dropDocument();
        assign(SvgImage::render(bytes, size), caption, QImage());
        renderer->setAspectRatioMode(Qt::KeepAspectRatio);
        m_svg = std::move(renderer);
        return true;
    }
    if (!bytes.startsWith("GIF8"))
        return false;
    dropDocument();
    m_documentBytes = bytes;
    m_documentBuffer.setBuffer(&m_documentBytes);
    m_documentBuffer.open(QIODevice::ReadOnly);
    auto *movie = new QMovie(&m_documentBuffer, "gif", this);
    if (!movie->isValid()) {
        delete movie;
        dropDocument();
        return false;
    }
    movie->setCacheMode(QMovie::CacheAll);
    movie->jumpToFrame(0);
    assign(movie->currentImage(), caption, QImage());
    m_movie = movie;
    connect(movie, &QMovie::frameChanged, this, [this] {
        m_image = m_movie->currentImage();
        m_display = m_image;
        rescale();
        update();
    });
    if (movie->frameCount() != 1)
        movie->start();
    return true;
}

bool ImagePreview::isPaused() const
{
    return m_movie && m_movie->state() != QMovie::Running;
}

void ImagePreview::setPaused(bool paused)
{
    if (!m_movie)
        return;
    if (m_movie->state() == QMovie::NotRunning)
        m_movie->start();
    m_movie->setPaused(paused);
    update();
}

int ImagePreview::frameCount() const
{
    return m_movie ? m_movie->frameCount() : (m_image.isNull() ? 0 : 1);
}

QString ImagePreview::shownCaption() const
{
    if (!m_movie || m_caption.isEmpty())
        return m_caption;
    const int frames = m_movie->frameCount();
    const QString frame = frames > 0
        ? tr("frame %1 of %2").arg(m_movie->currentFrameNumber() + 1).arg(frames)
        : tr("frame %1").arg(m_movie->currentFrameNumber() + 1);
    return isPaused() ? tr("%1 · %2 · paused (Space plays)").arg(m_caption, frame)
                      : tr("%1 · %2").arg(m_caption, frame);
}

void ImagePreview::setImage(const QImage &image, const QString &caption, const QImage &display)
{
    dropDocument();
    assign(image, caption, display);
}

void ImagePreview::assign(const QImage &image, const QString &caption, const QImage &display)
{
    if (image.size() != m_image.size())
        m_center = QPointF(image.width() / 2.0, image.height() / 2.0);
    m_image = image;
    m_display = display.isNull() ? image : display;
    m_caption = caption;
    m_message.clear();
    rescale();
    update();
}

void ImagePreview::clear(const QString &message)
{
    dropDocument();
    m_image = QImage();
    m_display = QImage();
    m_scaled = QImage();
    m_caption.clear();
    m_message = message;
    update();
}

double ImagePreview::effectiveZoom() const
{
    if (m_zoom > 0 || m_image.isNull())
        return m_zoom;
    const QRect fitted = imageRect();
    return double(fitted.width()) / m_image.width();
}

QPointF ImagePreview::toImage(const QPointF &widgetPoint) const
{
    const double zoom = effectiveZoom();
    if (zoom <= 0)
        return {};
    if (m_zoom <= 0)
        return (widgetPoint - imageRect().topLeft()) / zoom;
    return m_center + (widgetPoint - QRectF(rect()).center()) / zoom;
}

void ImagePreview::setZoom(double zoom, const QPointF &anchor)
{
    if (m_image.isNull())
        return;
    if (zoom > 0) {
        zoom = std::clamp(zoom, 0.05, 32.0);
        // Keep the image point under `anchor` where it is.
        const QPointF widgetAnchor = anchor.isNull() ? QRectF(rect()).center() : anchor;
        const QPointF imageAnchor = toImage(widgetAnchor);
        if (m_zoom <= 0)
            m_center = QPointF(m_image.width() / 2.0, m_image.height() / 2.0);
        m_zoom = zoom;
        m_center = imageAnchor - (widgetAnchor - QRectF(rect()).center()) / zoom;
    } else {
        m_zoom = 0;
        m_center = QPointF(m_image.width() / 2.0, m_image.height() / 2.0);
    }
    update();
}

void ImagePreview::wheelEvent(QWheelEvent *event)
{
    if (m_image.isNull())
        return;
    const double steps = event->angleDelta().y() / 120.0;
    setZoom(effectiveZoom() * std::pow(1.25, steps), event->position());
    event->accept();
}

void ImagePreview::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_F)
        fit();
    else if (event->key() == Qt::Key_1)
        setZoom(1.0);
    else if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal)
        setZoom(effectiveZoom() * 1.25);
    else if (event->key() == Qt::Key_Minus)
        setZoom(effectiveZoom() / 1.25);
    else if (event->key() == Qt::Key_Space && m_movie)
        setPaused(!isPaused());
    else
        QWidget::keyPressEvent(event);
}

void ImagePreview::mousePressEvent(QMouseEvent *event)
{
    m_dragFrom = event->position().toPoint();
    setFocus();
}

void ImagePreview::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & (Qt::LeftButton | Qt::MiddleButton)) || m_image.isNull())
        return;
    if (m_zoom <= 0)
        setZoom(effectiveZoom()); // start panning from what is shown
    const QPoint now = event->position().toPoint();
    m_center -= QPointF(now - m_dragFrom) / m_zoom;
    m_dragFrom = now;
    update();
}

void ImagePreview::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_zoom > 0)
        fit();
    else
        setZoom(1.0, event->position());
}

QRect ImagePreview::imageRect() const
{
    if (m_image.isNull())
        return {};
    QSize size = m_image.size();
    size.scale(rect().size().boundedTo(m_image.size() * 4), Qt::KeepAspectRatio);
    QRect target(QPoint(), size);
    target.moveCenter(rect().center());
    return target;
}

void ImagePreview::rescale()
{
    const QRect target = imageRect();
    if (target.isEmpty())
        m_scaled = QImage();
    else if (m_display.size() == target.size())
        m_scaled = m_display; // made at this size off the GUI thread
    else
        m_scaled = m_display.scaled(target.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

void ImagePreview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rescale();
    Q_EMIT viewSizeChanged(size());
}

void ImagePreview::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().window());
    if (m_image.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    QRect target = imageRect();
    if (m_zoom > 0) {
        const QPointF topLeft = QRectF(rect()).center() - m_center * m_zoom;
        target = QRectF(topLeft, QSizeF(m_image.size()) * m_zoom).toAlignedRect();
    }
    if (m_image.hasAlphaChannel()) {
        // A checkerboard shows what is transparent.
        painter.fillRect(target.intersected(event->rect()), checkerboard());
    }
    if (m_svg) {
        // Vectors: drawn at the size shown, sharp at any zoom.
        painter.save();
        painter.setClipRect(event->rect());
        m_svg->render(&painter, QRectF(target));
        painter.restore();
    } else if (m_zoom > 0) {
        // Only what is visible, straight from the full image.
        painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom < 1.0);
        const QRectF visible = QRectF(event->rect()).intersected(target);
        const QRectF source((visible.topLeft() - target.topLeft()) / m_zoom,
                            visible.size() / m_zoom);
        painter.drawImage(visible, m_image, source);
    } else {
        painter.drawImage(target.topLeft(), m_scaled);
    }
    // The caption is shortened to fit over the image (or the view when zoomed), the zoom kept.
    const QFontMetrics metrics = painter.fontMetrics();
    const int room = (m_zoom > 0 ? width() : target.width()) - 16 - 12;
    const int percent = qRound(m_zoom * 100);
    const int suffix
        = m_zoom > 0 ? metrics.horizontalAdvance(tr("%1 · %2 %").arg(QString()).arg(percent)) : 0;
    const QString fullCaption = shownCaption();
    const QString caption
        = metrics.elidedText(fullCaption, Qt::ElideRight, std::max(room - suffix, 0));
    const QString badgeText = fullCaption.isEmpty() ? QString()
        : m_zoom > 0                                ? tr("%1 · %2 %").arg(caption).arg(percent)
                                                    : caption;
    if (!badgeText.isEmpty()) {
        const QRect badge = painter.fontMetrics().boundingRect(badgeText).adjusted(-6, -3, 6, 3);
        const QRect placed = badge.translated(QPoint(8, 8) - badge.topLeft()
                                              + (m_zoom > 0 ? QPoint() : target.topLeft()));
        painter.fillRect(placed, QColor(0, 0, 0, 160));
        painter.setPen(Qt::white);
        painter.drawText(placed, Qt::AlignCenter, badgeText);
    }
}

} // namespace Atelier
