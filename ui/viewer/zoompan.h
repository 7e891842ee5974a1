#pragma once

#include <QPointF>
#include <QRect>
#include <QRectF>
#include <QSize>

namespace Atelier {

// The zoom and pan of one image shown in one view, shared by the preview, the viewer and the
// mask canvas: a zoom level (0 fits the view), the image point at the view's centre, and the
// mapping between image and widget coordinates. Zooming keeps the image point under the anchor
// where it is; panning stops with at least a quarter of the view on the image.
class ZoomPan final
{
public:
    static constexpr double MinimumZoom = 0.02;
    static constexpr double MaximumZoom = 32.0;
    static constexpr double WheelStep = 1.25; // one wheel notch, one + or -

    // A new image size fits it again; the same size keeps the zoom and the centre.
    void setImageSize(const QSize &size);
    QSize imageSize() const { return m_imageSize; }
    void setViewSize(const QSize &size);
    QSize viewSize() const { return m_viewSize; }
    // Fitting enlarges a small image at most this much (the preview: 4; the mask canvas: 32).
    void setFitLimit(double limit) { m_fitLimit = limit; }

    // 0 while fitting; otherwise screen pixels per image pixel.
    double zoom() const { return m_zoom; }
    bool isFitting() const { return m_zoom <= 0; }
    // Screen pixels per image pixel as shown, fitting or not (0 without an image or view).
    double scale() const;

    void fit();
    // Zooms to `zoom` (clamped to MinimumZoom..MaximumZoom; 0 fits), keeping the image point
    // under `anchor` (widget coordinates; the view's centre when not given) where it is.
    void setZoom(double zoom, const QPointF &anchor);
    void setZoom(double zoom);
    // `steps` wheel notches (120 units of angleDelta each; negative zooms out) around `anchor`.
    void zoomBy(double steps, const QPointF &anchor);
    void zoomBy(double steps);
    // Moves the image by `delta` widget pixels; from fitting, zooms to the fitted scale first.
    void panBy(const QPointF &delta);

    // The image point at the view's centre.
    QPointF center() const;
    QPointF toImage(const QPointF &widgetPoint) const;
    QPointF toWidget(const QPointF &imagePoint) const;
    QRectF toWidget(const QRectF &imageRect) const;
    // Where the whole image is drawn, in widget coordinates.
    QRectF imageRect() const;
    // The fitted image's rectangle in whole pixels, centred (what a view-sized copy is made for).
    QRect fittedRect() const;

private:
    QPointF viewCenter() const;
    QPointF imageCenter() const;
    void clampCenter();

    QSize m_imageSize;
    QSize m_viewSize;
    double m_fitLimit = 4.0;
    double m_zoom = 0.0;
    QPointF m_center; // image coordinates at the view's centre while zoomed
};

} // namespace Atelier
