#pragma once

#include "mask/markupdocument.h"
#include "mask/maskdocument.h"
#include "viewer/zoompan.h"

#include <QImage>
#include <QPointer>
#include <QPolygonF>
#include <QWidget>

namespace Atelier {

// The image being edited with its mask over it: paint with the mouse or a pen, zoom (wheel,
// pinch, fit, 100%) and pan (space-drag or the middle button). Only dirty rectangles are
// repainted, and paintEvent draws only the part of the image under event->rect().
class MaskCanvas final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaskCanvas)

public:
    // The mask's tools, then the markup's (marks in a colour on a layer of their own).
    enum class Tool {
        Brush,
        Eraser,
        Rectangle,
        Ellipse,
        Lasso,
        Polygon,
        MarkPen,
        MarkArrow,
        MarkEllipse,
        MarkBox
    };
    static bool isMarkupTool(Tool tool) { return tool >= Tool::MarkPen; }
    enum class View { Overlay, Result }; // tinted mask, or the transparent image the API sees

    explicit MaskCanvas(MaskDocument *document, QWidget *parent = nullptr);

    // The image to paint on; the document (and the markup) is reset to its size.
    void setImage(const QImage &image);
    // The markup layer drawn with the Mark tools, shown over the image.
    void setMarkup(MarkupDocument *markup);
    const QImage &image() const { return m_image; }

    void setTool(Tool tool);
    Tool tool() const { return m_tool; }
    // Shapes take away from the mask instead of adding (Alt does the same while held).
    void setSubtract(bool subtract) { m_subtract = subtract; }
    bool subtract() const { return m_subtract; }
    void setView(View view);
    View view() const { return m_view; }
    void setOverlayOpacity(double opacity); // 0..1

    // Screen pixels per image pixel as shown (fitting or not).
    double zoom() const { return m_zoomPan.scale(); }
    void setZoom(double zoom, const QPointF &anchor = QPointF(-1, -1));
    void fitToWindow();
    void actualSize();
    bool isFitting() const { return m_zoomPan.isFitting(); }
    // Image coordinates of a widget position, and back.
    QPointF toImage(const QPointF &widgetPosition) const
    {
        return m_zoomPan.toImage(widgetPosition);
    }
    QPointF toWidget(const QPointF &imagePosition) const
    {
        return m_zoomPan.toWidget(imagePosition);
    }
    const ZoomPan &zoomPan() const { return m_zoomPan; }

    QSize sizeHint() const override { return {640, 480}; }

Q_SIGNALS:
    void zoomChanged(double zoom);
    void toolChanged(Atelier::MaskCanvas::Tool tool);
    void viewChanged(Atelier::MaskCanvas::View view);
    // Ctrl+Return: the user wants the edit sent.
    void sendRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void documentChanged(const QRect &imageRect);
    void rebuildLayers(const QRect &imageRect);
    QRect widgetRectFor(const QRectF &imageRect) const;
    MaskDocument::Mode shapeMode(Qt::KeyboardModifiers modifiers) const;
    void finishPolygon();
    void updateCursorOutline(const QPointF &position);

    QPointer<MaskDocument> m_document;
    QPointer<MarkupDocument> m_markup;
    QImage m_image; // ARGB32_Premultiplied
    QImage m_layer; // what is drawn over/instead of the image, per view; same size
    Tool m_tool = Tool::Brush;
    View m_view = View::Overlay;
    bool m_subtract = false;
    double m_overlayOpacity = 0.5;

    ZoomPan m_zoomPan;

    bool m_spaceHeld = false;
    bool m_panning = false;
    QPointF m_panFrom;

    bool m_dragging = false;
    QPointF m_dragStart; // image coordinates
    QPointF m_dragNow;
    QPolygonF m_path; // lasso points, or the polygon so far
    QPointF m_cursor {-1, -1}; // widget coordinates, for the brush outline
};

} // namespace Atelier
