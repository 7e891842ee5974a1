#pragma once

#include "model/imagerequest.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Atelier {

class LibraryIndex;

// A request that was sent but never finished (the app was closed or crashed meanwhile).
struct JournaledJob
{
    qint64 id = 0;
    ImageRequest request;
    QDateTime startedAt;
    // What the studio sent it with besides the recipe (the image it edits, what the result
    // keeps): its own JSON, given back as it was recorded.
    QJsonObject context;
    QStringList partialFiles; // partial images it had received, as written (oldest first)
    // The process that runs it (another window on this library, or one that died).
    qint64 ownerPid = 0;
    QString ownerStart;
    QString ownerMachine;
    bool ownerGone = false;
};

// The job journal, in the index's table jobs: a recipe is recorded, with its owner (pid, start
// token, machine), before it is sent and closed when the job ends; entries whose owner is gone
// are what a crash left unfinished. Use from the index's thread.
class JobJournal final
{
public:
    // `index` (open, or opened later) must outlive the journal.
    explicit JobJournal(const LibraryIndex *index)
        : m_index(index)
    { }

    // Records the recipe and its context; returns the entry's id (0: it could not be recorded).
    qint64 start(const ImageRequest &request, const QJsonObject &context = {});
    // Closes the entry and deletes the job's partial images.
    void finish(qint64 jobId);
    // Every entry, whoever runs it.
    QList<JournaledJob> jobs() const;
    // Entries whose process is gone: a job another window runs is never one.
    QList<JournaledJob> unfinishedJobs() const;
    // Takes the unfinished entries over for this process; returns those it got.
    QList<JournaledJob> claimUnfinishedJobs();
    // The ids of all entries (nothing: the journal cannot be read).
    std::optional<QSet<qint64>> ids() const;

private:
    const LibraryIndex *m_index;
};

} // namespace Atelier
