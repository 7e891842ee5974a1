#pragma once

#include "api/imagejob.h"
#include "catalog/costestimate.h"
#include "model/apierror.h"
#include "model/imagerequest.h"
#include "model/imageresult.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Atelier {

class ImagesClient;
class LibraryStore;

// A job's name for as long as the session runs: handed out once, never reused, and not a row
// of any view (views come and go, sort and filter; the id stays).
class JobId
{
public:
    constexpr JobId() = default;
    constexpr explicit JobId(quint64 value)
        : m_value(value)
    { }
    constexpr bool isValid() const { return m_value != 0; }
    constexpr quint64 value() const { return m_value; }
    friend constexpr bool operator==(JobId a, JobId b) { return a.m_value == b.m_value; }
    friend constexpr bool operator!=(JobId a, JobId b) { return a.m_value != b.m_value; }
    friend size_t qHash(JobId id, size_t seed = 0) { return ::qHash(id.m_value, seed); }

private:
    quint64 m_value = 0;
};

// What an edit or variation carries besides its recipe.
struct EditContext
{
    EditContext() = default;
    EditContext(qint64 parent, bool keepOutside = true, QJsonObject facts = {})
        : parentId(parent)
        , keepOutsideMask(keepOutside)
        , edit(std::move(facts))
    { }

    qint64 parentId = 0; // the library image being edited (0: a file from outside the library)
    bool keepOutsideMask = true; // composite the original back outside the mask
    // What the library image keeps besides its recipe (LibraryImage::edit): a refine turn's
    // marker ({"refine": {...}}) and the like.
    QJsonObject edit;
};

// How the job journal keeps an edit context (JournaledJob::context): the edited image by its
// path, which an index made anew keeps (ids it does not). Empty for a plain generation.
QJsonObject journalContext(const EditContext &context, const QString &parentPath);
// The context back, the edited image as `library` now names it (0: it is gone). An entry
// journaled without one gets the default context.
EditContext editContextFromJournal(const QJsonObject &journaled, const LibraryStore &library);

// One request of the session: what was asked, where it stands, what it cost.
struct Job
{
    JobId id;
    ImageRequest request;
    QPointer<ImageJob> exchange; // the HTTP exchange, once started
    bool queued = false; // waiting for a free slot (see JobQueue::setMaxConcurrent)
    ImageJob::State state = ImageJob::State::Sending;
    ApiError error;
    qint64 elapsedMs = 0;
    qint64 receivedBytes = 0; // of the answer, while it arrives
    int partials = 0;
    int images = 0;
    CostEstimate estimate;
    Usage usage;
    QStringList savedPaths;
    // Edits and variations: the library image the first input came from (0: none), and
    // whether the pixels outside the mask are put back onto the model's output.
    qint64 parentId = 0;
    bool keepOutsideMask = false;
    QJsonObject edit; // kept in its library images' edit facts (EditContext::edit)
    // The jobs of one Generate are a set (a streamed n > 1 request goes out as n one-image jobs,
    // wildcards as one job per prompt): named by its first job's id, the job's own when alone.
    JobId set;

    bool isDone() const;
    // How many images the job asks for (its n).
    int imageCount() const;
    EditContext editContext() const { return {parentId, keepOutsideMask, edit}; }
};

// The session's jobs, in the order they were sent: how many run at once (the rest wait, in
// order), the journal entry each gets before anything is sent (offered again after a crash),
// where their images are kept as they arrive, and what they cost. Everything it reports names
// the job by its JobId.
class JobQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobQueue)

public:
    JobQueue(ImagesClient *client, LibraryStore *library, QObject *parent = nullptr);

    // Queues the request (validated and archived by the caller) and starts what has a slot.
    // `set`: a job already queued whose set this one joins (none: it starts a set).
    JobId enqueue(const ImageRequest &request, const EditContext &context,
                  const CostEstimate &estimate, JobId set = {});
    // Starts queued jobs while fewer than maxConcurrent() run.
    void startQueued();
    // Cancels a running job, or takes a queued one out of the queue.
    void cancel(JobId id);

    qsizetype count() const { return m_jobs.size(); }
    // The jobs in the order they were sent.
    const Job &at(qsizetype index) const { return m_jobs.at(index); }
    // The job, or nullptr for an id this queue never gave out.
    const Job *job(JobId id) const;
    qsizetype indexOf(JobId id) const { return m_index.value(id, -1); }
    JobId newest() const { return m_jobs.isEmpty() ? JobId() : m_jobs.constLast().id; }
    // The jobs of the set `id` belongs to, in the order they were sent (empty: an unknown id).
    QList<JobId> setOf(JobId id) const;

    void setMaxConcurrent(int count);
    int maxConcurrent() const { return m_maxConcurrent; }
    int runningCount() const;
    // What the jobs that succeeded cost, and what those on the way will (estimates).
    double sessionCost() const { return m_sessionCost; }
    double pendingCost() const;
    // Adds what was spent outside the queue (a refine turn over the Responses API) to
    // sessionCost(), so that the session's total and its budget count it.
    void addSpent(double dollars);

Q_SIGNALS:
    void jobAdded(Atelier::JobId id);
    void jobChanged(Atelier::JobId id);
    void partialImage(Atelier::JobId id, const Atelier::ImageResult &image);
    void imageReady(Atelier::JobId id, const Atelier::ImageResult &image);
    void jobFailed(Atelier::JobId id, const Atelier::ApiError &error);
    void sessionCostChanged(double cost);
    void statusMessage(const QString &text);

private:
    void start(JobId id);
    void update(JobId id, const std::function<void(Job &)> &change);
    void tick();

    ImagesClient *m_client;
    LibraryStore *m_library;
    QList<Job> m_jobs;
    QHash<JobId, qsizetype> m_index;
    quint64 m_lastId = 0;
    int m_maxConcurrent = 4;
    double m_sessionCost = 0.0;
    QTimer m_ticker;
};

} // namespace Atelier

Q_DECLARE_METATYPE(Atelier::JobId)
