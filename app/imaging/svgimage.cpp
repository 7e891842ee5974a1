#include "svgimage.h"

#include <QPainter>
#include <QSvgRenderer>

namespace Atelier::SvgImage {

bool looksLikeSvg(QByteArrayView bytes)
{
    QByteArrayView rest = bytes.first(std::min<qsizetype>(bytes.size(), 4096));
    if (rest.startsWith("\xEF\xBB\xBF"))
        rest = rest.sliced(3);
    while (!rest.isEmpty()) {
        rest = rest.trimmed();
        if (rest.startsWith("<svg"))
            return rest.size() > 4
                && (rest.at(4) == ' ' || rest.at(4) == '>' || rest.at(4) == '\n'
                    || rest.at(4) == '\t' || rest.at(4) == '\r');
        QByteArrayView close;
        if (rest.startsWith("<?"))
            close = "?>";
        else if (rest.startsWith("<!--"))
            close = "-->";
        else if (rest.startsWith("<!"))
            close = ">";
        else
            return false;
        const qsizetype end = rest.indexOf(close);
        if (end < 0)
            return false;
        rest = rest.sliced(end + close.size());
    }
    return false;
}

QSize defaultSize(const QByteArray &svg)
{
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return {};
    return renderer.defaultSize();
}

QImage render(const QByteArray &svg, const QSize &size)
{
    QSvgRenderer renderer(svg);
    if (!renderer.isValid() || size.isEmpty())
        return {};
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return {};
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.setAspectRatioMode(Qt::KeepAspectRatio);
    renderer.render(&painter);
    painter.end();
    return image;
}

} // namespace Atelier::SvgImage
