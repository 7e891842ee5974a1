#include "maskcanvas.h"

#include "preview/checkerboard.h"
#include "theme/theme.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Atelier {

namespace {

constexpr QRgb Tint = 0xffe0322d; // the overlay's colour: a red that reads on most images

} // namespace

MaskCanvas::MaskCanvas(MaskDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_AcceptTouchEvents);
    setCursor(Qt::CrossCursor);
    m_zoomPan.setFitLimit(ZoomPan::MaximumZoom);
    setToolTip(
        tr("Paint where the image may change. B brush, E eraser, R rectangle, O ellipse, L lasso, "
           "P polygon; "
           "[ and ] brush size; M switches between the tinted mask and what the API will see; "
           "wheel zooms, space-drag or the middle button pans; F fits, 1 shows 100%."));
    connect(m_document, &MaskDocument::changed, this, &MaskCanvas::documentChanged);
    connect(m_document, &MaskDocument::brushChanged, this,
            qOverload<>(&QWidget::update)); // the brush outline
}

void MaskCanvas::setImage(const QImage &image)
{
    m_image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    m_layer = QImage(m_image.size(), QImage::Format_ARGB32_Premultiplied);
    m_path.clear();
    m_dragging = false;
    m_document->reset(m_image.size()); // emits changed(), which builds the layer
    if (m_markup)
        m_markup->reset(m_image.size());
    m_zoomPan.setImageSize(m_image.size());
    fitToWindow();
}

void MaskCanvas::setMarkup(MarkupDocument *markup)
{
    m_markup = markup;
    connect(markup, &MarkupDocument::changed, this,
            [this](const QRect &rect) { update(widgetRectFor(rect)); });
}

void MaskCanvas::setTool(Tool tool)
{
    if (m_tool == tool)
        return;
    m_tool = tool;
    m_path.clear();
    m_dragging = false;
    update();
    Q_EMIT toolChanged(tool);
}

void MaskCanvas::setView(View view)
{
    if (m_view == view)
        return;
    m_view = view;
    rebuildLayers(m_image.rect());
    update();
    Q_EMIT viewChanged(view);
}

void MaskCanvas::setOverlayOpacity(double opacity)
{
    m_overlayOpacity = std::clamp(opacity, 0.0, 1.0);
    if (m_view == View::Overlay) {
        rebuildLayers(m_image.rect());
        update();
    }
}

void MaskCanvas::documentChanged(const QRect &imageRect)
{
    rebuildLayers(imageRect);
    update(widgetRectFor(imageRect));
}

void MaskCanvas::rebuildLayers(const QRect &imageRect)
{
    const QRect rect = imageRect.intersected(m_image.rect());
    if (rect.isEmpty() || m_document->size() != m_image.size())
        return;
    const QImage &coverage = m_document->coverage();
    const int opacity = int(m_overlayOpacity * 256);
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        const uchar *mask = coverage.constScanLine(y);
        const auto *source = reinterpret_cast<const QRgb *>(m_image.constScanLine(y));
        auto *out = reinterpret_cast<QRgb *>(m_layer.scanLine(y));
        if (m_view == View::Overlay) {
            for (int x = rect.left(); x <= rect.right(); ++x) {
                const int alpha = (mask[x] * opacity) >> 8;
                out[x] = qRgba(qRed(Tint) * alpha / 255, qGreen(Tint) * alpha / 255,
                               qBlue(Tint) * alpha / 255, alpha);
            }
        } else {
            for (int x = rect.left(); x <= rect.right(); ++x) {
                const int keep = 255 - mask[x];
                const QRgb p = source[x]; // premultiplied: scale every channel
                out[x] = qRgba(qRed(p) * keep / 255, qGreen(p) * keep / 255, qBlue(p) * keep / 255,
                               qAlpha(p) * keep / 255);
            }
        }
    }
}

QRect MaskCanvas::widgetRectFor(const QRectF &imageRect) const
{
    const QRectF mapped(toWidget(imageRect.topLeft()),
                        toWidget(imageRect.bottomRight() + QPointF(1, 1)));
    return mapped.toAlignedRect().adjusted(-2, -2, 2, 2);
}

void MaskCanvas::setZoom(double level, const QPointF &anchor)
{
    const QPointF pivot = anchor.x() < 0 ? QRectF(rect()).center() : anchor;
    m_zoomPan.setZoom(std::clamp(level, ZoomPan::MinimumZoom, ZoomPan::MaximumZoom), pivot);
    update();
    Q_EMIT zoomChanged(zoom());
}

void MaskCanvas::fitToWindow()
{
    m_zoomPan.fit();
    update();
    if (!m_image.isNull() && width() > 0 && height() > 0)
        Q_EMIT zoomChanged(zoom());
}

void MaskCanvas::actualSize()
{
    setZoom(1.0);
}

void MaskCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_zoomPan.setViewSize(size());
    if (m_zoomPan.isFitting())
        fitToWindow();
}

void MaskCanvas::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    const QRect exposed = event->rect();
    painter.fillRect(exposed, Theme::imageGround());
    if (m_image.isNull()) {
        painter.setPen(Theme::imageGroundText());
        painter.drawText(
            rect(), Qt::AlignCenter | Qt::TextWordWrap,
            tr("Open an image to paint a mask on: Edit an image… in the File menu, Edit in the "
               "gallery's menu, or drop a file here."));
        return;
    }
    const double zoom = m_zoomPan.scale();
    const QRectF target = m_zoomPan.imageRect().intersected(QRectF(exposed));
    if (!target.isEmpty() && zoom > 0) {
        const QRectF source(toImage(target.topLeft()), target.size() / zoom);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, zoom < 1.0);
        if (m_view == View::Result) {
            painter.fillRect(target, checkerboard());
            painter.drawImage(target, m_layer, source);
        } else {
            painter.drawImage(target, m_image, source);
            painter.drawImage(target, m_layer, source);
            if (m_markup && m_markup->size() == m_image.size())
                painter.drawImage(target, m_markup->layer(), source);
        }
    }
    if (m_markup && m_dragging && isMarkupTool(m_tool)) {
        // The mark as it will be drawn, in its colour.
        const auto shape = m_tool == Tool::MarkArrow ? MarkupDocument::Shape::Arrow
            : m_tool == Tool::MarkEllipse            ? MarkupDocument::Shape::Ellipse
                                                     : MarkupDocument::Shape::Box;
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.translate(toWidget(QPointF(0, 0)));
        painter.scale(zoom, zoom);
        painter.setPen(QPen(m_markup->color(), m_markup->lineWidth(), Qt::SolidLine, Qt::RoundCap,
                            Qt::RoundJoin));
        painter.drawPath(
            MarkupDocument::shapePath(shape, m_dragStart, m_dragNow, m_markup->lineWidth()));
        painter.restore();
    }

    // What the current tool is about to do.
    painter.setRenderHint(QPainter::Antialiasing);
    QPen outline(Qt::white, 1.5, Qt::DashLine);
    painter.setPen(outline);
    painter.setBrush(Qt::NoBrush);
    if (m_dragging && (m_tool == Tool::Rectangle || m_tool == Tool::Ellipse)) {
        const QRectF box = QRectF(toWidget(m_dragStart), toWidget(m_dragNow)).normalized();
        if (m_tool == Tool::Rectangle)
            painter.drawRect(box);
        else
            painter.drawEllipse(box);
    }
    if (!m_path.isEmpty()) {
        QPolygonF shown;
        for (const QPointF &point : std::as_const(m_path))
            shown.append(toWidget(point));
        if (m_tool == Tool::Polygon && m_cursor.x() >= 0)
            shown.append(m_cursor);
        painter.drawPolyline(shown);
    }
    if ((m_tool == Tool::Brush || m_tool == Tool::Eraser) && m_cursor.x() >= 0 && !m_panning) {
        const double radius = m_document->brushDiameter() * zoom / 2.0;
        painter.setPen(QPen(Qt::black, 1.0));
        painter.drawEllipse(m_cursor, radius + 1, radius + 1);
        painter.setPen(QPen(Qt::white, 1.0));
        painter.drawEllipse(m_cursor, radius, radius);
    }
}

void MaskCanvas::updateCursorOutline(const QPointF &position)
{
    const double radius = m_document->brushDiameter() * zoom() / 2.0 + 3;
    const auto around = [radius](const QPointF &centre) {
        return QRectF(centre - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius))
            .toAlignedRect();
    };
    if (m_cursor.x() >= 0)
        update(around(m_cursor));
    m_cursor = position;
    if (m_cursor.x() >= 0)
        update(around(m_cursor));
}

MaskDocument::Mode MaskCanvas::shapeMode(Qt::KeyboardModifiers modifiers) const
{
    const bool subtract = m_subtract != bool(modifiers & Qt::AltModifier);
    return subtract ? MaskDocument::Mode::Subtract : MaskDocument::Mode::Add;
}

void MaskCanvas::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panFrom = event->position();
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() != Qt::LeftButton || m_image.isNull())
        return;
    const QPointF at = toImage(event->position());
    switch (m_tool) {
    case Tool::MarkPen:
        if (m_markup)
            m_markup->beginStroke(at);
        break;
    case Tool::MarkArrow:
    case Tool::MarkEllipse:
    case Tool::MarkBox:
        m_dragging = m_markup != nullptr;
        m_dragStart = m_dragNow = at;
        break;
    case Tool::Brush:
    case Tool::Eraser: {
        const bool erase = (m_tool == Tool::Eraser) != bool(event->modifiers() & Qt::AltModifier);
        m_document->beginStroke(at, erase ? MaskDocument::Mode::Subtract : MaskDocument::Mode::Add);
        break;
    }
    case Tool::Rectangle:
    case Tool::Ellipse:
        m_dragging = true;
        m_dragStart = m_dragNow = at;
        break;
    case Tool::Lasso:
        m_path = QPolygonF({at});
        break;
    case Tool::Polygon:
        m_path.append(at);
        update();
        break;
    }
}

void MaskCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_zoomPan.panBy(event->position() - m_panFrom);
        m_panFrom = event->position();
        update();
        return;
    }
    updateCursorOutline(event->position());
    const QPointF at = toImage(event->position());
    if (m_markup && m_markup->isStroking()) {
        m_markup->strokeTo(at);
    } else if (m_document->isStroking()) {
        m_document->strokeTo(at);
    } else if (m_dragging && isMarkupTool(m_tool)) {
        m_dragNow = at;
        update(); // an arrow's head reaches past the dragged box
    } else if (m_dragging) {
        const QRect before = widgetRectFor(QRectF(m_dragStart, m_dragNow).normalized());
        m_dragNow = at;
        update(before | widgetRectFor(QRectF(m_dragStart, m_dragNow).normalized()));
    } else if (m_tool == Tool::Lasso && (event->buttons() & Qt::LeftButton) && !m_path.isEmpty()) {
        const QRect before = widgetRectFor(QRectF(m_path.constLast(), at).normalized());
        m_path.append(at);
        update(before);
    } else if (m_tool == Tool::Polygon && !m_path.isEmpty()) {
        update();
    }
}

void MaskCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::CrossCursor);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    if (m_markup && m_markup->isStroking()) {
        m_markup->endStroke();
    } else if (m_document->isStroking()) {
        m_document->endStroke();
    } else if (m_dragging && isMarkupTool(m_tool)) {
        m_dragging = false;
        const auto shape = m_tool == Tool::MarkArrow ? MarkupDocument::Shape::Arrow
            : m_tool == Tool::MarkEllipse            ? MarkupDocument::Shape::Ellipse
                                                     : MarkupDocument::Shape::Box;
        if (m_markup && QLineF(m_dragStart, toImage(event->position())).length() >= 2.0)
            m_markup->drawShape(shape, m_dragStart, toImage(event->position()));
        update();
    } else if (m_dragging) {
        m_dragging = false;
        const QRectF box = QRectF(m_dragStart, toImage(event->position())).normalized();
        if (m_tool == Tool::Rectangle)
            m_document->fillRectangle(box, shapeMode(event->modifiers()));
        else
            m_document->fillEllipse(box, shapeMode(event->modifiers()));
        update();
    } else if (m_tool == Tool::Lasso && m_path.size() > 2) {
        const QPolygonF lasso = m_path;
        m_path.clear();
        m_document->fillPolygon(lasso, shapeMode(event->modifiers()));
        update();
    } else if (m_tool == Tool::Lasso) {
        m_path.clear();
    }
}

void MaskCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_tool == Tool::Polygon && event->button() == Qt::LeftButton)
        finishPolygon();
    else
        QWidget::mouseDoubleClickEvent(event);
}

void MaskCanvas::finishPolygon()
{
    const QPolygonF polygon = m_path;
    m_path.clear();
    if (polygon.size() > 2)
        m_document->fillPolygon(polygon, shapeMode(QGuiApplication::keyboardModifiers()));
    update();
}

void MaskCanvas::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0) {
        event->ignore();
        return;
    }
    m_zoomPan.zoomBy(steps, event->position());
    update();
    Q_EMIT zoomChanged(zoom());
    event->accept();
}

bool MaskCanvas::event(QEvent *event)
{
    // Esc first drops a shape being drawn; only then is it the window's (cancel the newest job).
    if (event->type() == QEvent::ShortcutOverride
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape
        && (!m_path.isEmpty() || m_dragging)) {
        event->accept();
        return true;
    }
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            setZoom(zoom() * (1.0 + gesture->value()), gesture->position());
            return true;
        }
    }
    return QWidget::event(event);
}

void MaskCanvas::keyPressEvent(QKeyEvent *event)
{
    const bool control = event->modifiers() & Qt::ControlModifier;
    if (control && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        Q_EMIT sendRequested();
        return;
    }
    if (control) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            setCursor(Qt::OpenHandCursor);
        }
        return;
    case Qt::Key_BracketLeft:
        m_document->setBrushDiameter(std::max(1.0, std::round(m_document->brushDiameter() / 1.2)));
        return;
    case Qt::Key_BracketRight:
        m_document->setBrushDiameter(std::round(m_document->brushDiameter() * 1.2) + 1);
        return;
    case Qt::Key_B:
        setTool(Tool::Brush);
        return;
    case Qt::Key_E:
        setTool(Tool::Eraser);
        return;
    case Qt::Key_R:
        setTool(Tool::Rectangle);
        return;
    case Qt::Key_O:
        setTool(Tool::Ellipse);
        return;
    case Qt::Key_L:
        setTool(Tool::Lasso);
        return;
    case Qt::Key_P:
        setTool(Tool::Polygon);
        return;
    case Qt::Key_M:
        setView(m_view == View::Overlay ? View::Result : View::Overlay);
        return;
    case Qt::Key_F:
        fitToWindow();
        return;
    case Qt::Key_1:
        actualSize();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_tool == Tool::Polygon) {
            finishPolygon();
            return;
        }
        break;
    case Qt::Key_Escape:
        if (!m_path.isEmpty() || m_dragging) {
            m_path.clear();
            m_dragging = false;
            update();
            return;
        }
        break;
    case Qt::Key_Backspace:
        if (m_tool == Tool::Polygon && !m_path.isEmpty()) {
            m_path.removeLast();
            update();
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void MaskCanvas::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        if (!m_panning)
            setCursor(Qt::CrossCursor);
        return;
    }
    QWidget::keyReleaseEvent(event);
}

void MaskCanvas::leaveEvent(QEvent *event)
{
    updateCursorOutline(QPointF(-1, -1));
    QWidget::leaveEvent(event);
}

} // namespace Atelier
