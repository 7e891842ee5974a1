#include "appicon.h"

#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

using namespace Qt::StringLiterals;

namespace Atelier {

QIcon applicationIcon()
{
    const QString name = u"io.github.atelier_studio.Atelier"_s;
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    QSvgRenderer renderer(u":/icons/%1.svg"_s.arg(name));
    QIcon icon;
    if (!renderer.isValid())
        return icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace Atelier
