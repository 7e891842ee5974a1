#include "imagepreview.h"

#include <QPaintEvent>
#include <QPainter>

namespace Atelier {

ImagePreview::ImagePreview(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Preview"));
    m_message = tr("Images appear here as they arrive.");
}

void ImagePreview::setImage(const QImage &image, const QString &caption)
{
    m_image = image;
    m_caption = caption;
    m_message.clear();
    rescale();
    update();
}

void ImagePreview::clear(const QString &message)
{
    m_image = QImage();
    m_scaled = QImage();
    m_caption.clear();
    m_message = message;
    update();
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
    m_scaled = target.isEmpty() ? QImage()
                                : m_image.scaled(target.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

void ImagePreview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    rescale();
}

void ImagePreview::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().window());
    if (m_scaled.isNull()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QRect target = imageRect();
    if (m_image.hasAlphaChannel()) {
        // A checkerboard shows what is transparent.
        QPixmap tile(16, 16);
        tile.fill(Qt::white);
        QPainter tilePainter(&tile);
        tilePainter.fillRect(0, 0, 8, 8, QColor(204, 204, 204));
        tilePainter.fillRect(8, 8, 8, 8, QColor(204, 204, 204));
        painter.fillRect(target.intersected(event->rect()), QBrush(tile));
    }
    painter.drawImage(target.topLeft(), m_scaled);
    if (!m_caption.isEmpty()) {
        const QRect badge = painter.fontMetrics().boundingRect(m_caption).adjusted(-6, -3, 6, 3);
        const QRect placed = badge.translated(target.topLeft() - badge.topLeft() + QPoint(8, 8));
        painter.fillRect(placed, QColor(0, 0, 0, 160));
        painter.setPen(Qt::white);
        painter.drawText(placed, Qt::AlignCenter, m_caption);
    }
}

} // namespace Atelier
