#pragma once

#include <QCache>
#include <QIcon>
#include <QIdentityProxyModel>

namespace Atelier {

// Turns the library model's QImage thumbnails into cached QIcons: the view then scales them to
// its icon size, and no image is converted to a pixmap on every paint.
class ThumbnailIconProxy final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailIconProxy)

public:
    explicit ThumbnailIconProxy(QObject *parent = nullptr);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    mutable QCache<qint64, QIcon> m_icons {2000};
};

} // namespace Atelier
