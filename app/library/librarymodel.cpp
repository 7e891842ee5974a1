#include "librarymodel.h"

#include "platform/plaintext.h"
#include "platform/safefiles.h"

#include <QMimeData>
#include <QUrl>

#include <algorithm>

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

void LibraryModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
    load(m_pageSize);
}

int LibraryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool LibraryModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd;
}

QList<LibraryImage> LibraryModel::nextRows(int rows) const
{
    if (!m_store || !m_store->isOpen())
        return {};
    LibraryQuery page = m_query;
    if (m_query.limit > 0)
        rows = std::min<qsizetype>(rows, m_query.limit - m_rows.size());
    if (rows <= 0)
        return {};
    page.limit = rows;
    if (!m_rows.isEmpty()) {
        page.afterId = m_rows.last().id;
        page.afterSavedAt = m_rows.last().savedAt;
    }
    return m_store->query(page);
}

void LibraryModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QList<LibraryImage> rows = nextRows(m_pageSize);
    m_atEnd = rows.size() < m_pageSize;
    if (rows.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows.append(rows);
    endInsertRows();
}

void LibraryModel::fetchAll()
{
    while (canFetchMore())
        fetchMore();
}

int LibraryModel::totalCount() const
{
    if (m_atEnd)
        return int(m_rows.size());
    if (m_total < 0) {
        m_total = m_store && m_store->isOpen() ? m_store->count(m_query) : 0;
        if (m_query.limit > 0)
            m_total = std::min(m_total, m_query.limit);
    }
    return m_total;
}

void LibraryModel::setQuery(const LibraryQuery &query)
{
    if (query.selectsSameAs(m_query)) {
        reload();
        return;
    }
    m_query = query;
    load(m_pageSize);
}

void LibraryModel::reload()
{
    // Whole pages, so that a view at the end asks for the next one as before.
    const qsizetype read = m_rows.size();
    load(int(std::max<qsizetype>(1, (read + m_pageSize - 1) / m_pageSize) * m_pageSize));
}

void LibraryModel::load(int rows)
{
    beginResetModel();
    m_rows.clear();
    m_total = -1;
    m_rows = nextRows(rows);
    m_atEnd = m_rows.size() < rows;
    endResetModel();
}

void LibraryModel::libraryChanged()
{
    m_thumbnails.clear();
    load(m_pageSize);
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
