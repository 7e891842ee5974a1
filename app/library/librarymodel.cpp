#include "librarymodel.h"

#include "contentfiles.h"

#include "imaging/imagefile.h"
#include "platform/plaintext.h"
#include "platform/safefiles.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Atelier {

LibraryModel::LibraryModel(LibraryStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    reload();
}

LibraryModel::~LibraryModel()
{
    // Thumbnail tasks call back into this model: none may outlive it.
    m_pool.clear();
    m_pool.waitForDone();
}

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
    m_pool.waitForDone();
    ++m_generation;
    m_thumbnails.clear();
    m_loading.clear();
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
    return QDir(m_store->folder()).filePath(u".thumbnails/%1.jpg"_s.arg(id));
}

QImage LibraryModel::loadThumbnail(const QString &source, const QString &cached)
{
    QImage thumbnail;
    // Only a file Atelier wrote: a link planted there is neither read nor written through.
    const QFileInfo cachedInfo(cached);
    if (SafeFiles::isOwnFile(cached)
        && cachedInfo.lastModified() >= QFileInfo(source).lastModified())
        thumbnail.load(cached);
    if (!thumbnail.isNull())
        return thumbnail;
    thumbnail = ImageFile::read(source, nullptr, QSize(ThumbnailSize, ThumbnailSize));
    if (thumbnail.isNull())
        return thumbnail;
    thumbnail = thumbnail.scaled(ThumbnailSize, ThumbnailSize, Qt::KeepAspectRatio,
                                 Qt::SmoothTransformation);
    const QFileInfo folder(cachedInfo.path());
    QString error;
    QByteArray encoded;
    QBuffer buffer(&encoded);
    if (SafeFiles::makeFolder(folder.path(), folder.fileName()).ok()
        && buffer.open(QIODevice::WriteOnly)
        && thumbnail.convertToFormat(QImage::Format_RGB32).save(&buffer, "JPEG", 85)) {
        // A new file renamed over the name: a link there is replaced, never written through.
        ContentFiles::writeAtomically(cached, encoded, &error, ContentFiles::Durability::Transient);
    }
    return thumbnail;
}

void LibraryModel::requestThumbnail(const LibraryImage &image) const
{
    if (m_loading.contains(image.id))
        return;
    m_loading.insert(image.id);
    const QString source = image.path;
    const QString cached = thumbnailPath(image.id);
    const qint64 id = image.id;
    auto *self = const_cast<LibraryModel *>(this);
    const quint64 generation = m_generation;
    m_pool.start([self, id, source, cached, generation] {
        const QImage thumbnail = loadThumbnail(source, cached);
        // The model waits for this pool before it dies, so it is alive here.
        QMetaObject::invokeMethod(
            self,
            [self, id, thumbnail, generation] {
                if (generation != self->m_generation)
                    return; // made for the library open before
                self->m_loading.remove(id);
                if (thumbnail.isNull())
                    return;
                self->m_thumbnails.insert(id, new QImage(thumbnail));
                const int row = self->rowOf(id);
                if (row >= 0)
                    Q_EMIT self->dataChanged(self->index(row), self->index(row),
                                             {Qt::DecorationRole});
                Q_EMIT self->thumbnailLoaded(id);
            },
            Qt::QueuedConnection);
    });
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
        if (const QImage *thumbnail = m_thumbnails.object(image.id))
            return *thumbnail;
        requestThumbnail(image);
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
