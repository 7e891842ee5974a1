#pragma once

#include "jobjournal.h"
#include "libraryimage.h"
#include "libraryindex.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Atelier {

// The library: image files in a folder (each with its .json recipe), indexed in SQLite with
// full-text search over prompts. Files are written first, atomically; the index follows. On
// open, the two are reconciled, so after a crash at any moment they agree again.
// Use from one thread (the GUI's); writeFiles() may run on any thread.
// A facade over its parts: LibraryFiles (where files go), LibraryIndex (the SQLite index) and
// JobJournal (the jobs in flight).
class LibraryStore final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::LibraryStore)
    Q_DISABLE_COPY_MOVE(LibraryStore)

public:
    LibraryStore();
    ~LibraryStore();

    // What open() checks of the index: every page (OnOpen: O(its size), a third of a second at
    // 100,000 images), or only what it reads anyway (Later: the same at any size), leaving the
    // pages to findDamage() and rebuild() — the studio's start, so the gallery shows at once.
    // Either way a damaged index found is kept aside and made anew from the files.
    enum class IntegrityCheck { OnOpen, Later };
    Status open(const QString &folder, IntegrityCheck check = IntegrityCheck::OnOpen);
    void close();
    bool isOpen() const;
    QString folder() const { return m_folder; }

    // Writes the image and its recipe into <folder>/<yyyy-MM>/ (never overwriting); returns the
    // image path. Thread-safe; touches no database.
    static Result<QString> writeFiles(const QString &folder, const LibraryImage &image,
                                      const QByteArray &bytes);
    // An image whose bytes are arriving is written to a file of its own in <folder>/.incoming/
    // (this names one; no two processes collide), then moved into place whole: as writeFiles()
    // and writePartial() do, with the bytes already in `incoming`. Files left there by a process
    // that died are removed when the library opens. Thread-safe; touch no database.
    static Result<QString> incomingPath(const QString &folder);
    static Result<QString> keepFiles(const QString &folder, const LibraryImage &image,
                                     const QString &incoming);
    static Result<QString> keepPartial(const QString &folder, qint64 jobId,
                                       const ImageResult &image, const QString &incoming);
    // Indexes an image whose files are written; returns its id.
    Result<qint64> add(const LibraryImage &image);

    QList<LibraryImage> query(const LibraryQuery &query) const;
    std::optional<LibraryImage> image(qint64 id) const;
    // The library image stored at `path`, if that file is one.
    std::optional<LibraryImage> imageAt(const QString &path) const;
    // Where an image came from: its ancestors, oldest first, ending with the image itself.
    QList<LibraryImage> lineage(qint64 id) const;
    // The edits and variations made from an image.
    QList<LibraryImage> children(qint64 id) const;
    int count() const;
    // How many images the query selects (its limit and paging aside).
    int count(const LibraryQuery &query) const;
    QStringList models() const;
    bool setFavourite(qint64 id, bool favourite);
    // Removes from the index, and moves the files to the trash folder unless `keepFiles`.
    int remove(const QList<qint64> &ids, bool keepFiles = false);

    // The job journal: a recipe is recorded before it is sent and closed when the job ends.
    // `context`: what JournaledJob::context gives back.
    qint64 journalStart(const ImageRequest &request, const QJsonObject &context = {});
    // Closes the entry and deletes the job's partial images (they were shown while it ran).
    void journalFinish(qint64 jobId);
    // Every entry, whoever runs it.
    QList<JournaledJob> journaledJobs() const;
    // Entries whose process is gone (it was closed or crashed meanwhile): a job another window
    // runs is never one.
    QList<JournaledJob> unfinishedJobs() const;
    // Takes the unfinished entries over for this process, so no other window offers, recovers or
    // sends them too; returns those it got.
    QList<JournaledJob> claimUnfinishedJobs();
    // A partial image of a running job, kept in <folder>/.partials/job-<id>/ until the job ends,
    // so a crash loses nothing that was received. Thread-safe; touches no database.
    static Result<QString> writePartial(const QString &folder, qint64 jobId,
                                        const ImageResult &image);
    // After a crash: moves an unfinished job's partial images into the library, each with the
    // job's recipe and edit {"partial_image_index": i}: how many were kept, and why the rest
    // were not (they stay where they are; the next start tries again).
    struct Recovered
    {
        int kept = 0;
        Status status;
    };
    Recovered recoverPartials(const JournaledJob &job);

    // What open() repaired: files indexed that were missing, rows dropped whose files were gone.
    // When the index was damaged (not a database, failed its check, tables of another program),
    // it is kept under `movedAside` and made anew from the files: `rebuilt`.
    struct Repair
    {
        int indexed = 0;
        int dropped = 0;
        bool rebuilt = false;
        QString movedAside;
        QString damage; // what was wrong with it
    };
    Repair lastRepair() const { return m_repair; }
    // Makes index and files agree (open() calls it).
    Repair reconcile();
    // Reads every page of the index of the library in `folder`: what is wrong with it, or
    // nothing. Thread-safe, on a connection of its own: for a worker thread while the library is
    // in use (after open() with IntegrityCheck::Later).
    static std::optional<QString> findDamage(const QString &folder);
    // The open index was found damaged (findDamage()): it is kept aside and made anew from the
    // files, as open() does; lastRepair() says so.
    Status rebuild(const QString &damage);

private:
    // Moves the damaged index aside, makes a new one and fills it from the files.
    Status rebuildIndex(const QString &damage);
    // What every open ends with: reconcile, sweep what crashed processes left.
    void finishOpen();

    QString m_folder;
    LibraryIndex m_index;
    JobJournal m_journal {&m_index};
    Repair m_repair;
};

} // namespace Atelier
