#pragma once

#include "librarystore.h"
#include "thumbnailcache.h"

#include <QAbstractListModel>
#include <QImage>

namespace Atelier {

// The gallery's model: the library images a query selects, newest first, with thumbnails from a
// ThumbnailCache (cached on disk in <library>/.thumbnails, made on worker threads, never on the
// GUI's).
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

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    // The files themselves, so that images can be dragged to a file manager or another app.
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

    void setQuery(const LibraryQuery &query);
    const LibraryQuery &query() const { return m_query; }
    // Runs the query again (after images were added or removed).
    void reload();
    // The store opened another folder: ids mean other images now, so thumbnails are forgotten.
    void libraryChanged();
    const LibraryImage &imageAt(int row) const { return m_rows.at(row); }
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

    LibraryStore *m_store;
    LibraryQuery m_query;
    QList<LibraryImage> m_rows;
    // Asked for thumbnails while the view reads data(): not part of the model's state.
    mutable ThumbnailCache m_thumbnails;
};

} // namespace Atelier
