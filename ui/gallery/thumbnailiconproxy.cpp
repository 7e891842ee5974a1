#include "thumbnailiconproxy.h"

#include "library/librarymodel.h"

#include <QColor>
#include <QImage>
#include <QPixmap>

namespace Atelier {

ThumbnailIconProxy::ThumbnailIconProxy(QObject *parent)
    : QIdentityProxyModel(parent)
{
    // A thumbnail that changed (made, or the image replaced) must not be served stale.
    connect(this, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to, const QList<int> &roles) {
                if (!roles.isEmpty() && !roles.contains(Qt::DecorationRole))
                    return;
                for (int row = from.row(); row <= to.row(); ++row)
                    m_icons.remove(index(row, 0).data(LibraryModel::IdRole).toLongLong());
            });
    connect(this, &QAbstractItemModel::modelReset, this, [this] { m_icons.clear(); });
}

QVariant ThumbnailIconProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DecorationRole)
        return QIdentityProxyModel::data(index, role);
    const qint64 id = index.data(LibraryModel::IdRole).toLongLong();
    if (QIcon *icon = m_icons.object(id))
        return *icon;
    const QImage image = QIdentityProxyModel::data(index, role).value<QImage>();
    if (image.isNull()) {
        // Until the thumbnail is made: a placeholder of its size, so items are laid out right.
        static const QIcon placeholder = [] {
            QPixmap pixmap(LibraryModel::ThumbnailSize, LibraryModel::ThumbnailSize);
            pixmap.fill(QColor(128, 128, 128, 40));
            return QIcon(pixmap);
        }();
        return placeholder;
    }
    auto *icon = new QIcon(QPixmap::fromImage(image));
    const QIcon copy = *icon;
    m_icons.insert(id, icon);
    return copy;
}

} // namespace Atelier
