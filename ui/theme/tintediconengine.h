#pragma once

#include <QHash>
#include <QIconEngine>
#include <QPixmap>

namespace Atelier {

// A bundled line icon (an SVG drawn in currentColor) rendered in the colour of the palette in
// use when it is painted: it reads on the dark and the light theme alike, and a switch of theme
// needs no new icons. Disabled icons take the palette's disabled text colour.
class TintedIconEngine final : public QIconEngine
{
public:
    explicit TintedIconEngine(const QString &svgPath);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    bool isNull() override { return m_svg.isEmpty(); }

    // The colour an icon is drawn in for `mode`, from the application's palette.
    static QColor colorFor(QIcon::Mode mode);

private:
    QString m_path;
    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache;
};

} // namespace Atelier
