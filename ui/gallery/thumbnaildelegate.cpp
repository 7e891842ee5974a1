#include "thumbnaildelegate.h"

#include "library/librarymodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>
#include <QtMath>

namespace Atelier {

namespace {

constexpr int Padding = 6;
constexpr int CaptionLines = 2;

QPainterPath starPath(const QRectF &box)
{
    QPainterPath path;
    const QPointF centre = box.center();
    const double outer = box.width() / 2.0;
    const double inner = outer * 0.45;
    for (int point = 0; point < 10; ++point) {
        const double radius = point % 2 == 0 ? outer : inner;
        const double angle = qDegreesToRadians(-90.0 + point * 36.0);
        const QPointF at = centre + QPointF(std::cos(angle), std::sin(angle)) * radius;
        if (point == 0)
            path.moveTo(at);
        else
            path.lineTo(at);
    }
    path.closeSubpath();
    return path;
}

} // namespace

ThumbnailDelegate::ThumbnailDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QRect ThumbnailDelegate::thumbnailRect(const QRect &item, const QSize &iconSize)
{
    return QRect(item.left() + (item.width() - iconSize.width()) / 2, item.top() + Padding,
                 iconSize.width(), iconSize.height());
}

QRect ThumbnailDelegate::starRect(const QRect &thumbnail)
{
    const int edge = std::clamp(thumbnail.width() / 6, 14, 26);
    return QRect(thumbnail.right() - edge - 3, thumbnail.top() + 4, edge, edge);
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    Q_UNUSED(index)
    const QSize icon = option.decorationSize;
    return {icon.width() + 2 * Padding,
            icon.height() + 2 * Padding + CaptionLines * option.fontMetrics.height() + Padding};
}

void ThumbnailDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRect item = option.rect.adjusted(2, 2, -2, -2);
    if (selected) {
        QColor backdrop = palette.color(QPalette::Highlight);
        backdrop.setAlpha(60);
        painter->setPen(Qt::NoPen);
        painter->setBrush(backdrop);
        painter->drawRoundedRect(item, 6, 6);
    } else if (option.state & QStyle::State_MouseOver) {
        QColor hover = palette.color(QPalette::Text);
        hover.setAlpha(22);
        painter->setPen(Qt::NoPen);
        painter->setBrush(hover);
        painter->drawRoundedRect(item, 6, 6);
    }

    // The thumbnail, its aspect kept, centred in the icon square.
    const QRect box = thumbnailRect(option.rect, option.decorationSize);
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    QRect shown = box;
    if (!icon.isNull()) {
        const QSize natural
            = icon.actualSize(QSize(LibraryModel::ThumbnailSize, LibraryModel::ThumbnailSize));
        QSize fitted
            = natural.isEmpty() ? box.size() : natural.scaled(box.size(), Qt::KeepAspectRatio);
        shown = QRect(QPoint(), fitted);
        shown.moveCenter(box.center());
        icon.paint(painter, shown);
    }
    if (selected) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(shown).adjusted(-1.5, -1.5, 1.5, 1.5), 3, 3);
    }
    if (option.state & QStyle::State_HasFocus) {
        QPen focus(palette.color(QPalette::Text), 1, Qt::DotLine);
        painter->setPen(focus);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(item).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    }
    if (index.data(LibraryModel::FavouriteRole).toBool()) {
        // A gold star with a dark edge: it reads on light and dark images alike.
        const QPainterPath star = starPath(QRectF(starRect(shown)));
        painter->setPen(QPen(QColor(0, 0, 0, 170), 1.5));
        painter->setBrush(starColor());
        painter->drawPath(star);
    }

    // The prompt, in two lines at most, the second shortened with an ellipsis.
    const QString text = index.data(Qt::DisplayRole).toString().simplified();
    if (!text.isEmpty()) {
        const QFontMetrics &metrics = option.fontMetrics;
        const int width = item.width() - 4;
        painter->setPen(palette.color(selected ? QPalette::Text : QPalette::PlaceholderText));
        QTextLayout layout(text, option.font);
        layout.beginLayout();
        int top = box.bottom() + Padding;
        for (int line = 0; line < CaptionLines; ++line) {
            QTextLine laid = layout.createLine();
            if (!laid.isValid())
                break;
            laid.setLineWidth(width);
            const QString shown = line == CaptionLines - 1
                ? metrics.elidedText(text.mid(laid.textStart()), Qt::ElideRight, width)
                : text.mid(laid.textStart(), laid.textLength()).trimmed();
            painter->drawText(QRect(item.left() + 2, top, width, metrics.height()),
                              Qt::AlignHCenter | Qt::AlignTop, shown);
            top += metrics.height();
        }
        layout.endLayout();
    }
    painter->restore();
}

} // namespace Atelier
