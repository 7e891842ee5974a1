#include "zoompan.h"

#include <algorithm>
#include <cmath>

namespace Atelier {

void ZoomPan::setImageSize(const QSize &size)
{
    if (size == m_imageSize)
        return;
    m_imageSize = size;
    fit();
}

void ZoomPan::setViewSize(const QSize &size)
{
    m_viewSize = size;
    if (!isFitting())
        clampCenter();
}

QRect ZoomPan::fittedRect() const
{
    if (m_imageSize.isEmpty() || m_viewSize.isEmpty())
        return {};
    QSize size = m_imageSize;
    const QSizeF limit = QSizeF(m_imageSize) * m_fitLimit;
    size.scale(m_viewSize.boundedTo(limit.toSize()), Qt::KeepAspectRatio);
    QRect target(QPoint(), size);
    target.moveCenter(QRect(QPoint(), m_viewSize).center());
    return target;
}

double ZoomPan::scale() const
{
    if (!isFitting())
        return m_zoom;
    const QRect fitted = fittedRect();
    return fitted.isEmpty() ? 0.0 : double(fitted.width()) / m_imageSize.width();
}

QPointF ZoomPan::viewCenter() const
{
    return QPointF(m_viewSize.width() / 2.0, m_viewSize.height() / 2.0);
}

QPointF ZoomPan::imageCenter() const
{
    return QPointF(m_imageSize.width() / 2.0, m_imageSize.height() / 2.0);
}

QPointF ZoomPan::center() const
{
    return isFitting() ? toImage(viewCenter()) : m_center;
}

QPointF ZoomPan::toImage(const QPointF &widgetPoint) const
{
    const double shown = scale();
    if (shown <= 0)
        return {};
    if (isFitting())
        return (widgetPoint - QPointF(fittedRect().topLeft())) / shown;
    return m_center + (widgetPoint - viewCenter()) / shown;
}

QPointF ZoomPan::toWidget(const QPointF &imagePoint) const
{
    const double shown = scale();
    if (isFitting())
        return QPointF(fittedRect().topLeft()) + imagePoint * shown;
    return viewCenter() + (imagePoint - m_center) * shown;
}

QRectF ZoomPan::toWidget(const QRectF &imageRect) const
{
    return QRectF(toWidget(imageRect.topLeft()), toWidget(imageRect.bottomRight()));
}

QRectF ZoomPan::imageRect() const
{
    if (isFitting())
        return QRectF(fittedRect());
    return toWidget(QRectF(QPointF(), QSizeF(m_imageSize)));
}

void ZoomPan::fit()
{
    m_zoom = 0.0;
    m_center = imageCenter();
}

void ZoomPan::setZoom(double zoom)
{
    setZoom(zoom, viewCenter());
}

void ZoomPan::setZoom(double zoom, const QPointF &anchor)
{
    if (m_imageSize.isEmpty())
        return;
    if (zoom <= 0) {
        fit();
        return;
    }
    const QPointF imageAnchor = scale() > 0 ? toImage(anchor) : imageCenter();
    m_zoom = std::clamp(zoom, MinimumZoom, MaximumZoom);
    m_center = imageAnchor - (anchor - viewCenter()) / m_zoom;
    clampCenter();
}

void ZoomPan::zoomBy(double steps)
{
    zoomBy(steps, viewCenter());
}

void ZoomPan::zoomBy(double steps, const QPointF &anchor)
{
    const double from = scale();
    if (from > 0 && steps != 0.0)
        setZoom(from * std::pow(WheelStep, steps), anchor);
}

void ZoomPan::panBy(const QPointF &delta)
{
    if (m_imageSize.isEmpty())
        return;
    if (isFitting()) {
        const double fitted = scale();
        if (fitted <= 0)
            return;
        setZoom(fitted);
    }
    m_center -= delta / m_zoom;
    clampCenter();
}

void ZoomPan::clampCenter()
{
    // The centre may lie up to a quarter of the view beyond the image's edge: at least a quarter
    // of the view stays on the image, so it cannot be lost off-screen.
    if (m_zoom <= 0)
        return;
    const double marginX = m_viewSize.width() * 0.25 / m_zoom;
    const double marginY = m_viewSize.height() * 0.25 / m_zoom;
    m_center.setX(std::clamp(m_center.x(), -marginX, m_imageSize.width() + marginX));
    m_center.setY(std::clamp(m_center.y(), -marginY, m_imageSize.height() + marginY));
}

} // namespace Atelier
