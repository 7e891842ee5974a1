#include "markupdocument.h"

#include "markupeditcommand.h"

#include <QPainter>

namespace Atelier {

MarkupDocument::MarkupDocument(QObject *parent)
    : QObject(parent)
{ }

MarkupDocument::~MarkupDocument() = default;

void MarkupDocument::reset(const QSize &size)
{
    m_undo.clear();
    m_stroking = false;
    m_layer = size.isEmpty() ? QImage() : QImage(size, QImage::Format_ARGB32_Premultiplied);
    if (!m_layer.isNull())
        m_layer.fill(Qt::transparent);
    Q_EMIT changed(QRect(QPoint(), size));
}

bool MarkupDocument::isEmpty() const
{
    for (int y = 0; y < m_layer.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(m_layer.constScanLine(y));
        for (int x = 0; x < m_layer.width(); ++x) {
            if (qAlpha(line[x]) != 0)
                return false;
        }
    }
    return true;
}

void MarkupDocument::setColor(const QColor &color)
{
    if (color.isValid())
        m_color = color;
}

void MarkupDocument::setLineWidth(double width)
{
    m_lineWidth = std::clamp(width, 1.0, 400.0);
}

void MarkupDocument::beginStroke(const QPointF &position)
{
    if (m_layer.isNull())
        return;
    m_stroking = true;
    m_strokeBase = m_layer;
    m_stroke = QPainterPath(position);
    m_stroke.lineTo(position + QPointF(0.01, 0.0)); // a click leaves a dot
    strokeTo(position);
}

void MarkupDocument::strokeTo(const QPointF &position)
{
    if (!m_stroking)
        return;
    const QPointF last = m_stroke.currentPosition();
    m_stroke.lineTo(position);
    // Drawn segment by segment while the pointer moves; round caps join them smoothly.
    QPainter painter(&m_layer);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(m_color, m_lineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawLine(last, position);
    painter.end();
    const double margin = m_lineWidth / 2 + 2;
    Q_EMIT changed(QRectF(last, position)
                       .normalized()
                       .adjusted(-margin, -margin, margin, margin)
                       .toAlignedRect());
}

void MarkupDocument::endStroke()
{
    if (!m_stroking)
        return;
    m_stroking = false;
    const double margin = m_lineWidth / 2 + 2;
    const QRect rect = m_stroke.boundingRect()
                           .adjusted(-margin, -margin, margin, margin)
                           .toAlignedRect()
                           .intersected(m_layer.rect());
    record(tr("Markup line"), rect, m_strokeBase.copy(rect));
    m_strokeBase = QImage();
}

QPainterPath MarkupDocument::shapePath(Shape shape, const QPointF &from, const QPointF &to,
                                       double lineWidth)
{
    QPainterPath path;
    switch (shape) {
    case Shape::Box:
        path.addRect(QRectF(from, to).normalized());
        break;
    case Shape::Ellipse:
        path.addEllipse(QRectF(from, to).normalized());
        break;
    case Shape::Arrow: {
        path.moveTo(from);
        path.lineTo(to);
        // The head: two strokes back from the tip, sized to the line.
        const QLineF line(to, from);
        if (line.length() < 1.0)
            break;
        const double head
            = std::max(lineWidth * 3.0, std::min(line.length() / 3.0, lineWidth * 6.0));
        for (const double turn : {-28.0, 28.0}) {
            QLineF side = line;
            side.setAngle(line.angle() + turn);
            side.setLength(head);
            path.moveTo(to);
            path.lineTo(side.p2());
        }
        break;
    }
    }
    return path;
}

void MarkupDocument::drawShape(Shape shape, const QPointF &from, const QPointF &to)
{
    if (m_layer.isNull())
        return;
    static const char *const names[]
        = {QT_TR_NOOP("Markup arrow"), QT_TR_NOOP("Markup circle"), QT_TR_NOOP("Markup box")};
    draw(shapePath(shape, from, to, m_lineWidth), tr(names[int(shape)]));
}

void MarkupDocument::draw(const QPainterPath &path, const QString &text)
{
    const double margin = m_lineWidth / 2 + 2;
    const QRect rect = path.boundingRect()
                           .adjusted(-margin, -margin, margin, margin)
                           .toAlignedRect()
                           .intersected(m_layer.rect());
    if (rect.isEmpty())
        return;
    const QImage before = m_layer.copy(rect);
    QPainter painter(&m_layer);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(m_color, m_lineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    painter.end();
    record(text, rect, before);
    Q_EMIT changed(rect);
}

void MarkupDocument::clear()
{
    if (m_layer.isNull() || isEmpty())
        return;
    const QImage before = m_layer;
    m_layer.fill(Qt::transparent);
    record(tr("Clear markup"), m_layer.rect(), before);
    Q_EMIT changed(m_layer.rect());
}

void MarkupDocument::record(const QString &text, const QRect &rect, const QImage &before)
{
    if (rect.isEmpty())
        return;
    m_undo.push(new MarkupEditCommand(this, text, rect, before, m_layer.copy(rect)));
}

void MarkupDocument::restore(const QRect &rect, const QImage &pixels)
{
    QPainter painter(&m_layer);
    painter.setCompositionMode(QPainter::CompositionMode_Source);
    painter.drawImage(rect.topLeft(), pixels);
    painter.end();
    Q_EMIT changed(rect);
}

QImage MarkupDocument::apiMarkup(const QSize &size) const
{
    QImage image = m_layer.convertToFormat(QImage::Format_ARGB32);
    if (!size.isEmpty() && image.size() != size)
        image = image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return image;
}

} // namespace Atelier
