#include "jobqueue.h"

#include "api/imagesclient.h"
#include "api/providerprofile.h"
#include "library/librarystore.h"
#include "model/parameters.h"
#include "studio/imagekeeper.h"

using namespace Qt::StringLiterals;

namespace Atelier {

QJsonObject journalContext(const EditContext &context, const QString &parentPath)
{
    if (parentPath.isEmpty() && context.edit.isEmpty())
        return {};
    return {{u"parent_path"_s, parentPath},
            {u"keep_outside_mask"_s, context.keepOutsideMask},
            {u"edit"_s, context.edit}};
}

EditContext editContextFromJournal(const QJsonObject &journaled, const LibraryStore &library)
{
    EditContext context;
    if (journaled.isEmpty())
        return context;
    if (const QString parent = journaled.value(u"parent_path"_s).toString(); !parent.isEmpty()) {
        if (const std::optional<LibraryImage> image = library.imageAt(parent))
            context.parentId = image->id;
    }
    context.keepOutsideMask = journaled.value(u"keep_outside_mask"_s).toBool(true);
    context.edit = journaled.value(u"edit"_s).toObject();
    return context;
}

bool Job::isDone() const
{
    return !queued
        && (state == ImageJob::State::Succeeded || state == ImageJob::State::Failed
            || state == ImageJob::State::Cancelled);
}

int Job::imageCount() const
{
    return std::max(1, int(request.option(Param::N).toInteger(1)));
}

JobQueue::JobQueue(ImagesClient *client, LibraryStore *library, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_library(library)
{
    m_ticker.setInterval(200);
    connect(&m_ticker, &QTimer::timeout, this, &JobQueue::tick);
}

const Job *JobQueue::job(JobId id) const
{
    const qsizetype index = indexOf(id);
    return index < 0 ? nullptr : &m_jobs.at(index);
}

JobId JobQueue::enqueue(const ImageRequest &request, const EditContext &context,
                        const CostEstimate &estimate, JobId set)
{
    Job job;
    job.id = JobId(++m_lastId);
    const Job *joined = this->job(set);
    job.set = joined ? joined->set : job.id;
    job.request = request;
    if (request.endpoint != Endpoint::Generations) {
        job.parentId = context.parentId;
        job.keepOutsideMask = context.keepOutsideMask && !request.mask.isEmpty();
        job.edit = context.edit;
    }
    job.queued = true;
    job.estimate = estimate;
    m_index.insert(job.id, m_jobs.size());
    m_jobs.append(job);
    Q_EMIT jobAdded(job.id);
    return job.id;
}

void JobQueue::addSpent(double dollars)
{
    if (!(dollars > 0))
        return;
    m_sessionCost += dollars;
    Q_EMIT sessionCostChanged(m_sessionCost);
}

QList<JobId> JobQueue::setOf(JobId id) const
{
    const Job *member = job(id);
    if (!member)
        return {};
    QList<JobId> jobs;
    // A set's jobs were queued one after another from its first one on.
    for (qsizetype index = indexOf(member->set); index < m_jobs.size(); ++index) {
        if (m_jobs.at(index).set != member->set)
            break;
        jobs.append(m_jobs.at(index).id);
    }
    return jobs;
}

void JobQueue::update(JobId id, const std::function<void(Job &)> &change)
{
    const qsizetype index = indexOf(id);
    if (index < 0)
        return;
    change(m_jobs[index]);
    Q_EMIT jobChanged(id);
}

int JobQueue::runningCount() const
{
    int running = 0;
    for (const Job &job : m_jobs) {
        if (job.exchange && !job.exchange->isDone())
            ++running;
    }
    return running;
}

double JobQueue::pendingCost() const
{
    double cost = 0.0;
    // A queued job that was cancelled never cost anything: it is done, not pending.
    for (const Job &job : m_jobs) {
        const bool finished = job.isDone() || (job.exchange && job.exchange->isDone());
        if (!finished && job.estimate.available)
            cost += job.estimate.cost;
    }
    return cost;
}

void JobQueue::setMaxConcurrent(int count)
{
    m_maxConcurrent = std::max(1, count);
    startQueued();
}

void JobQueue::startQueued()
{
    for (qsizetype index = 0; index < m_jobs.size() && runningCount() < m_maxConcurrent; ++index) {
        if (m_jobs.at(index).queued)
            start(m_jobs.at(index).id);
    }
}

void JobQueue::cancel(JobId id)
{
    const Job *job = this->job(id);
    if (!job)
        return;
    if (ImageJob *exchange = job->exchange) {
        exchange->cancel();
    } else if (job->queued) {
        update(id, [](Job &job) {
            job.queued = false;
            job.state = ImageJob::State::Cancelled;
        });
    }
}

void JobQueue::start(JobId id)
{
    const ImageRequest request = job(id)->request;
    const qint64 parentId = job(id)->parentId;
    ImageJob *exchange = m_client->start(request);
    update(id, [exchange](Job &job) {
        job.exchange = exchange;
        job.queued = false;
    });
    const std::optional<LibraryImage> parent
        = parentId > 0 ? m_library->image(parentId) : std::nullopt;
    const QString parentPath = parent ? parent->path : QString();
    // The recipe is journaled before anything is sent, with what it edits: after a crash it is
    // offered for retry.
    const qint64 journalId = m_library->isOpen()
        ? m_library->journalStart(request, journalContext(job(id)->editContext(), parentPath))
        : 0;
    const QString folder = m_library->folder();
    const QString provider = ProviderProfile::kindName(m_client->provider().kind);
    // On disk before it is shown, on the decode thread: final images into the library, partial
    // ones beside the journal entry until the job ends (recovered into the library after a crash).
    // Streamed ones are written while they arrive.
    if (!folder.isEmpty()) {
        auto keeper = std::make_shared<const ImageKeeper>(
            ImageKeeper {folder, request, provider, journalId, parentPath});
        exchange->setPersister(
            [keeper](const ImageResult &image) { return keeper->keep(image, {}); });
        exchange->setStreamSink(std::make_shared<LibrarySink>(keeper));
    }
    connect(exchange, &ImageJob::stateChanged, this, [this, id](ImageJob::State state) {
        update(id, [state](Job &job) { job.state = state; });
    });
    connect(exchange, &ImageJob::partialImage, this, [this, id](const ImageResult &image) {
        update(id, [](Job &job) { ++job.partials; });
        if (image.savedPath.isEmpty() && !image.saveError.isEmpty())
            Q_EMIT statusMessage(tr("A partial image arrived but could not be kept on disk: %1")
                                     .arg(image.saveError));
        Q_EMIT partialImage(id, image);
    });
    connect(exchange, &ImageJob::imageReady, this, [this, id](const ImageResult &image) {
        update(id, [&image](Job &job) {
            ++job.images;
            if (!image.savedPath.isEmpty())
                job.savedPaths.append(image.savedPath);
        });
        Q_EMIT imageReady(id, image);
    });
    connect(exchange, &ImageJob::usageReported, this, [this, id](const Usage &usage) {
        update(id, [&usage](Job &job) { job.usage = usage; });
    });
    connect(exchange, &ImageJob::failed, this, [this, id](const ApiError &error) {
        update(id, [&error](Job &job) { job.error = error; });
        Q_EMIT jobFailed(id, error);
    });
    connect(exchange, &ImageJob::finished, this, [this, id, exchange, journalId] {
        if (journalId > 0)
            m_library->journalFinish(journalId);
        update(id, [exchange](Job &job) {
            job.state = exchange->state();
            job.elapsedMs = exchange->elapsedMs();
        });
        const Job *job = this->job(id);
        if (exchange->state() == ImageJob::State::Succeeded && job->estimate.available) {
            m_sessionCost += job->estimate.cost;
            Q_EMIT sessionCostChanged(m_sessionCost);
        }
        startQueued();
    });
    m_ticker.start();
}

void JobQueue::tick()
{
    bool running = false;
    for (const Job &job : std::as_const(m_jobs)) {
        ImageJob *exchange = job.exchange;
        if (exchange && !exchange->isDone()) {
            running = true;
            update(job.id, [exchange](Job &job) {
                job.elapsedMs = exchange->elapsedMs();
                job.receivedBytes = exchange->bytesReceived();
            });
        }
    }
    if (!running)
        m_ticker.stop();
}

} // namespace Atelier
