#include "tintediconengine.h"

#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Atelier {

TintedIconEngine::TintedIconEngine(const QString &svgPath)
    : m_path(svgPath)
{
    QFile file(svgPath);
    if (file.open(QIODevice::ReadOnly))
        m_svg = file.readAll();
}

QColor TintedIconEngine::colorFor(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::ButtonText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::ButtonText);
}

QPixmap TintedIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                                       qreal scale)
{
    Q_UNUSED(state)
    const QSize pixels = (QSizeF(size) * scale).toSize();
    if (pixels.isEmpty() || m_svg.isEmpty())
        return {};
    const QColor color = colorFor(mode);
    const QString cacheKey
        = u"%1x%2 %3"_s.arg(pixels.width()).arg(pixels.height()).arg(color.name(QColor::HexArgb));
    if (const auto cached = m_cache.constFind(cacheKey); cached != m_cache.constEnd())
        return *cached;
    QByteArray tinted = m_svg;
    tinted.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(tinted);
    QPixmap pixmap(pixels);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setOpacity(color.alphaF());
        renderer.render(&painter, QRectF(QPointF(), QSizeF(pixels)));
    }
    pixmap.setDevicePixelRatio(scale);
    if (m_cache.size() > 64)
        m_cache.clear(); // a handful of sizes and colours are ever used
    m_cache.insert(cacheKey, pixmap);
    return pixmap;
}

QPixmap TintedIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

void TintedIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                             QIcon::State state)
{
    const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
}

QSize TintedIconEngine::actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    Q_UNUSED(mode)
    Q_UNUSED(state)
    const int edge = std::min(size.width(), size.height());
    return {edge, edge}; // square line icons, drawn at any size
}

QIconEngine *TintedIconEngine::clone() const
{
    return new TintedIconEngine(*this);
}

QString TintedIconEngine::key() const
{
    return u"AtelierTintedIconEngine"_s;
}

} // namespace Atelier
