#pragma once

#include <QStyledItemDelegate>

namespace Atelier {

// Paints a gallery item: the thumbnail at the view's icon size with its aspect kept, a clear
// frame in the highlight colour when it is selected, a star on favourites, and the prompt in
// two short lines under it.
class ThumbnailDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailDelegate)

public:
    explicit ThumbnailDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The star's colour, and where the star and the thumbnail are drawn in an item's rectangle.
    static QColor starColor() { return QColor(255, 196, 40); }
    static QRect thumbnailRect(const QRect &item, const QSize &iconSize);
    static QRect starRect(const QRect &thumbnail);
};

} // namespace Atelier
