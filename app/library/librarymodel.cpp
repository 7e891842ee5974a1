#include "librarymodel.h"

#include "platform/plaintext.h"
#include "platform/safefiles.h"

#include <QMimeData>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Atelier {

LibraryModel::LibraryModel(LibraryStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    connect(&m_thumbnails, &ThumbnailCache::loaded, this, &LibraryModel::onThumbnailLoaded);
    reload();
}

LibraryModel::~LibraryModel() = default;

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

void LibraryModel::setQuery(const LibraryQuery &query)
{
    m_query = query;
    reload();
}

void LibraryModel::reload()
{
    beginResetModel();
    m_rows = m_store && m_store->isOpen() ? m_store->query(m_query) : QList<LibraryImage>();
    endResetModel();
}

void LibraryModel::libraryChanged()
{
    m_thumbnails.clear();
    reload();
}

int LibraryModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

QString LibraryModel::thumbnailPath(qint64 id) const
{
    return ThumbnailCache::path(m_store->folder(), id);
}

void LibraryModel::onThumbnailLoaded(qint64 id)
{
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole});
    Q_EMIT thumbnailLoaded(id);
}

QVariant LibraryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const LibraryImage &image = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return image.request.prompt.left(60).simplified();
    case Qt::DecorationRole:
        if (const QImage *thumbnail = m_thumbnails.find(image.id))
            return *thumbnail;
        m_thumbnails.request(image.id, image.path, thumbnailPath(image.id));
        return {};
    case Qt::ToolTipRole: {
        QString tip = tr("%1\n%2 · %3×%4 · %5")
                          .arg(image.request.prompt.left(400), image.request.model)
                          .arg(image.size.width())
                          .arg(image.size.height())
                          .arg(QLocale().toString(image.savedAt, QLocale::ShortFormat));
        if (image.edit.contains(u"partial_image_index"_s))
            tip += u'\n'
                + tr("Partial image %1 of a request that did not finish")
                      .arg(image.edit.value(u"partial_image_index"_s).toInt() + 1);
        return PlainText::toolTip(tip); // a recipe's prompt is shown as written, never as markup
    }
    case IdRole:
        return image.id;
    case PathRole:
        return image.path;
    case PromptRole:
        return image.request.prompt;
    case ModelRole:
        return image.request.model;
    case FavouriteRole:
        return image.favourite;
    case RecipeRole:
        return image.request.toJson();
    case SavedAtRole:
        return image.savedAt;
    default:
        return {};
    }
}

Qt::ItemFlags LibraryModel::flags(const QModelIndex &index) const
{
    return QAbstractListModel::flags(index)
        | (index.isValid() ? Qt::ItemIsDragEnabled : Qt::NoItemFlags);
}

QStringList LibraryModel::mimeTypes() const
{
    return {u"text/uri-list"_s};
}

QMimeData *LibraryModel::mimeData(const QModelIndexList &indexes) const
{
    QList<QUrl> urls;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.row() < m_rows.size())
            urls.append(QUrl::fromLocalFile(m_rows.at(index.row()).path));
    }
    auto *mime = new QMimeData;
    mime->setUrls(urls);
    return mime;
}

bool LibraryModel::setFavourite(int row, bool favourite)
{
    if (row < 0 || row >= m_rows.size() || !m_store->setFavourite(m_rows[row].id, favourite))
        return false;
    m_rows[row].favourite = favourite;
    Q_EMIT dataChanged(index(row), index(row), {FavouriteRole});
    return true;
}

int LibraryModel::remove(const QList<int> &rows)
{
    QList<qint64> ids;
    for (int row : rows) {
        if (row >= 0 && row < m_rows.size())
            ids.append(m_rows.at(row).id);
    }
    const int removed = m_store->remove(ids);
    for (qint64 id : std::as_const(ids))
        SafeFiles::removeOwnFile(thumbnailPath(id));
    reload();
    return removed;
}

} // namespace Atelier
