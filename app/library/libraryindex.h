#pragma once

#include "libraryimage.h"
#include "libraryquery.h"

#include "platform/result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Atelier {

// The library's SQLite index (<folder>/library.sqlite3): one row per image with full-text search
// over prompts, and the table the job journal (JobJournal) keeps its entries in. The files are
// the truth: reconcile() makes the index agree with them. Use from one thread.
class LibraryIndex final
{
    // Its messages are those the store has always shown: the same translation context.
    Q_DECLARE_TR_FUNCTIONS(Atelier::LibraryStore)
    Q_DISABLE_COPY_MOVE(LibraryIndex)

public:
    LibraryIndex();
    ~LibraryIndex();

    static QString fileName();

    enum class State { Ready, Damaged, Failed };
    struct Opened
    {
        State state = State::Failed;
        QString error; // what failed (Damaged, Failed)
        QString damage; // what is wrong with a damaged index, in a few words
    };
    // How much open() checks: every page of the index (Pages: O(its size), a third of a second
    // at 100,000 images), or only what it reads anyway — that it is a database, its tables and
    // columns, its size against its header (Structure: the same at any size), leaving the pages
    // to findDamage().
    enum class Check { Pages, Structure };
    // Opens (and makes or updates the tables of) the index of the library in `folder`.
    Opened open(const QString &folder, Check check = Check::Pages);
    // Reads every page of the index of the library in `folder` on a connection of its own (so
    // any thread may call it, while the index is in use): what is wrong with it, in a few words,
    // or nothing when it is sound or could not be read for another reason (busy, gone).
    static std::optional<QString> findDamage(const QString &folder);
    void close();
    bool isOpen() const;
    QSqlDatabase database() const;
    const QString &folder() const { return m_folder; }
    QString relative(const QString &path) const;
    QString absolute(const QString &path) const;

    // Indexes an image whose files are written; returns its id.
    Result<qint64> add(const LibraryImage &image);
    QList<LibraryImage> query(const LibraryQuery &query) const;
    std::optional<LibraryImage> image(qint64 id) const;
    std::optional<LibraryImage> imageAt(const QString &path) const;
    QList<LibraryImage> lineage(qint64 id) const;
    QList<LibraryImage> children(qint64 id) const;
    int count() const;
    // How many images the query selects (its limit and paging aside).
    int count(const LibraryQuery &query) const;
    QStringList models() const;
    bool setFavourite(qint64 id, bool favourite);
    // Drops the rows; returns the images that were dropped.
    QList<LibraryImage> remove(const QList<qint64> &ids);

    struct Reconciled
    {
        int indexed = 0; // files indexed that were missing
        int dropped = 0; // rows dropped whose files were gone
    };
    // Makes the index agree with the images and recipes on disk.
    Reconciled reconcile();

private:
    // Fills in what went wrong, if anything.
    State openTables(Opened &opened, Check check);

    QString m_folder;
    QString m_connection;
};

} // namespace Atelier
