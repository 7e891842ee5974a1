#include "checkerboard.h"

#include <QPainter>
#include <QPixmap>

namespace Atelier {

QBrush checkerboard()
{
    static const QPixmap tile = [] {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::white);
        QPainter painter(&pixmap);
        painter.fillRect(0, 0, 8, 8, QColor(204, 204, 204));
        painter.fillRect(8, 8, 8, 8, QColor(204, 204, 204));
        return pixmap;
    }();
    return QBrush(tile);
}

} // namespace Atelier
