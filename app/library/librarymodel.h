#pragma once

#include "librarystore.h"
#include "thumbnailcache.h"

#include <QAbstractListModel>
#include <QImage>

namespace Atelier {

// The gallery's model: the library images a query selects, newest first, with thumbnails from a
// ThumbnailCache (cached on disk in <library>/.thumbnails, made on worker threads, never on the
// GUI's). Rows are read from the index a page at a time (fetchMore(), which views call as they
// scroll to the end), so opening and searching cost the same in a library of any size:
// rowCount() is the rows read so far, totalCount() all that the query selects.
class LibraryModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        PathRole,
        PromptRole,
        ModelRole,
        FavouriteRole,
        RecipeRole,
        SavedAtRole,
    };

    static constexpr int ThumbnailSize = ThumbnailCache::Size;

    explicit LibraryModel(LibraryStore *store, QObject *parent = nullptr);
    ~LibraryModel() override;

    // Rows read at a time; the first page is read by a new query (and by setPageSize()).
    static constexpr int DefaultPageSize = 200;
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    int rowCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    void fetchMore(const QModelIndex &parent = {}) override;
    // Reads the remaining rows (a view going to the last image).
    void fetchAll();
    // Every image the query selects, read or not (counted in the index when first asked).
    int totalCount() const;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    // The files themselves, so that images can be dragged to a file manager or another app.
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

    // Another query starts at its first page; the same one again is reload().
    void setQuery(const LibraryQuery &query);
    const LibraryQuery &query() const { return m_query; }
    // Runs the query again (after images were added or removed), reading as many rows as were
    // read before, so a view scrolled down keeps its place.
    void reload();
    // The store opened another folder: ids mean other images now, so thumbnails are forgotten.
    void libraryChanged();
    const LibraryImage &imageAt(int row) const { return m_rows.at(row); }
    // The row of an image among those read so far, or -1.
    int rowOf(qint64 id) const;
    // The models that made images in the library (for filters).
    QStringList models() const
    {
        return m_store && m_store->isOpen() ? m_store->models() : QStringList();
    }

    bool setFavourite(int row, bool favourite);
    int remove(const QList<int> &rows);

    QString thumbnailPath(qint64 id) const;
    // ThumbnailCache::load(): any thread but the GUI thread.
    static QImage loadThumbnail(const QString &source, const QString &cached)
    {
        return ThumbnailCache::load(source, cached);
    }

Q_SIGNALS:
    void thumbnailLoaded(qint64 id);

private:
    void onThumbnailLoaded(qint64 id);
    // Reads the first `rows` rows of the query anew.
    void load(int rows);
    // The next `rows` rows after those read.
    QList<LibraryImage> nextRows(int rows) const;

    LibraryStore *m_store;
    LibraryQuery m_query;
    QList<LibraryImage> m_rows;
    int m_pageSize = DefaultPageSize;
    bool m_atEnd = true; // every row the query selects is read
    mutable int m_total = -1; // totalCount(), once counted
    // Asked for thumbnails while the view reads data(): not part of the model's state.
    mutable ThumbnailCache m_thumbnails;
};

} // namespace Atelier
