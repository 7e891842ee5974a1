#include "batchmonitor.h"

#include "api/apikeyresolver.h"
#include "batchclient.h"
#include "catalog/catalog.h"
#include "model/parameters.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryFile>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Atelier {

// A batch on its way up: the input images, then the input file, then the batch.
struct BatchMonitor::Submission
{
    BatchRecord record;
    ProviderProfile profile;
    QStringList pendingUploads;
    BatchPlan::FileIds fileIds;
};

bool BatchMonitor::Batch::isFinal() const
{
    BatchInfo seen = info;
    seen.status = status();
    return seen.isFinished();
}

BatchMonitor::BatchMonitor(const Catalog *catalog, LibraryStore *library, BatchStore store,
                           QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_store(std::move(store))
    , m_keyFinder([](const ProviderProfile &profile) {
        const ApiKeyResolver::Lookup found = ApiKeyResolver().find(profile);
        return found && found->has_value() ? (*found)->value : QString();
    })
    , m_results(new BatchResults(catalog, library, m_store, this))
{
    setObjectName(u"batchMonitor"_s);
    connect(m_results, &BatchResults::fetched, this, &BatchMonitor::finishFetch);
    connect(m_results, &BatchResults::failed, this, &BatchMonitor::failFetch);
    connect(m_results, &BatchResults::imageSaved, this, &BatchMonitor::imageSaved);
}

BatchMonitor::~BatchMonitor()
{
    // A client aborts its requests on the way out; their callbacks must not find half a monitor.
    m_closing = true;
    m_submitClient.reset();
    m_clients.clear();
}

BatchMonitor *BatchMonitor::of(const QObject *owner)
{
    return owner ? owner->findChild<BatchMonitor *>(QString(), Qt::FindDirectChildrenOnly)
                 : nullptr;
}

void BatchMonitor::setPollIntervals(int firstMs, int longestMs)
{
    m_firstPollMs = std::max(1, firstMs);
    m_longestPollMs = std::max(m_firstPollMs, longestMs);
}

Status BatchMonitor::canBatch(const Catalog &catalog, const QList<ImageRequest> &requests,
                              const ProviderProfile &profile)
{
    if (const Status supported = BatchClient::checkSupported(profile); !supported)
        return supported;
    if (requests.isEmpty())
        return failure(tr("There is nothing to send."));
    if (requests.size() > BatchPlan::MaximumRequests)
        return failure(tr("A batch takes at most %1 requests.").arg(BatchPlan::MaximumRequests));
    for (const ImageRequest &request : requests) {
        if (request.endpoint == Endpoint::Variations)
            return failure(tr("Variations cannot go in a batch; send them one by one."));
        if (request.endpoint != requests.first().endpoint)
            return failure(tr("A batch sends to one endpoint: generations or edits, not both."));
        if (request.endpoint == Endpoint::Edits) {
            if (!request.markup.isEmpty())
                return failure(tr("A batch sends edits as JSON, which takes no markup; send "
                                  "markup edits one by one."));
            if (catalog.spec(Catalog::effectiveModel(request)).family != u"gpt-image")
                return failure(tr("A batch sends edits as JSON, which only GPT image models "
                                  "take; %1 edits go one by one.")
                                   .arg(Catalog::effectiveModel(request)));
        }
    }
    return success();
}

BatchMonitor::Prices BatchMonitor::prices(const Catalog &catalog,
                                          const QList<ImageRequest> &requests)
{
    Prices prices {0, 0};
    for (const ImageRequest &request : requests) {
        const CostEstimate estimate
            = catalog.estimate(BatchPlan::requestFor(request, request.prompt));
        if (!estimate.available)
            return {};
        prices.normal += estimate.cost;
    }
    prices.batch = prices.normal / 2; // the Batch API's price: half
    return prices;
}

void BatchMonitor::submit(const QList<ImageRequest> &requests, const ProviderProfile &profile,
                          const QString &apiKey)
{
    if (requests.isEmpty()) {
        Q_EMIT submitFailed(tr("There is nothing to send."));
        return;
    }
    ImageRequest shared = BatchPlan::requestFor(requests.first(), QString());
    QList<BatchEntry> entries;
    const int count = int(requests.size());
    for (int i = 0; i < count; ++i) {
        const ImageRequest &request = requests.at(i);
        BatchEntry entry {u"request-%1"_s.arg(i + 1), request.prompt, i + 1, {}};
        if (BatchPlan::requestFor(request, QString()).toJson() != shared.toJson())
            entry.request = BatchPlan::requestFor(request, request.prompt).toJson();
        entries.append(entry);
    }
    submit(shared, entries, profile, apiKey);
}

void BatchMonitor::submit(const ImageRequest &shared, const QList<BatchEntry> &entries,
                          const ProviderProfile &profile, const QString &apiKey)
{
    QList<ImageRequest> requests;
    for (const BatchEntry &entry : entries)
        requests.append(BatchPlan::requestFor(shared, entry));
    if (const Status can = canBatch(*m_catalog, requests, profile); !can) {
        Q_EMIT submitFailed(can.error());
        return;
    }
    if (apiKey.isEmpty()) {
        Q_EMIT submitFailed(tr("No API key for %1: nothing was sent.").arg(profile.name));
        return;
    }
    if (m_submitClient) {
        Q_EMIT submitFailed(tr("Another batch is being sent; send this one when it is up."));
        return;
    }
    auto submission = std::make_shared<Submission>();
    submission->profile = profile;
    BatchRecord &record = submission->record;
    record.submittedAt = QDateTime::currentDateTimeUtc();
    record.provider = profile.toJson();
    record.request = BatchPlan::requestFor(shared, QString());
    record.entries = entries;
    const Prices cost = prices(*m_catalog, requests);
    record.estimatedCost = cost.batch;
    record.normalCost = cost.normal;
    for (const ImageRequest &request : std::as_const(requests)) {
        for (const QString &path : BatchPlan::inputFiles(request)) {
            if (!submission->pendingUploads.contains(path))
                submission->pendingUploads.append(path);
        }
    }
    m_submitClient = std::make_unique<BatchClient>(profile, apiKey);
    uploadNext(submission);
}

void BatchMonitor::uploadNext(const std::shared_ptr<Submission> &submission)
{
    if (submission->pendingUploads.isEmpty()) {
        createBatch(submission);
        return;
    }
    const QString path = submission->pendingUploads.takeFirst();
    m_submitClient->uploadFile(
        path, u"vision"_s,
        [this, submission, path](const QJsonObject &file, const ApiError &error) {
            if (error.isError()) {
                m_submitClient.release()->deleteLater(); // inside its own callback
                Q_EMIT submitFailed(tr("%1 could not be uploaded: %2; nothing was sent as a batch.")
                                        .arg(QDir::toNativeSeparators(path), error.toString()));
                return;
            }
            const QString id = file.value(u"id"_s).toString();
            submission->fileIds.insert(path, id);
            submission->record.uploadedFileIds.append(id);
            uploadNext(submission);
        });
}

void BatchMonitor::createBatch(const std::shared_ptr<Submission> &submission)
{
    const auto giveUp = [this](const QString &reason) {
        m_submitClient.release()->deleteLater();
        Q_EMIT submitFailed(reason);
    };
    // Written line by line into a private temporary file, then streamed up from disk.
    auto file
        = std::make_shared<QTemporaryFile>(QDir::temp().filePath(u"atelier-batch-XXXXXX.jsonl"_s));
    if (!file->open()) {
        giveUp(tr("The batch file cannot be created in %1: %2.")
                   .arg(QDir::toNativeSeparators(QDir::tempPath()), file->errorString()));
        return;
    }
    BatchRecord &record = submission->record;
    const Status written = BatchPlan::writeJsonl(file.get(), record.request, record.entries,
                                                 submission->profile, submission->fileIds);
    if (!written || !file->flush()) {
        giveUp(written ? file->errorString() : written.error());
        return;
    }
    file->close();
    m_submitClient->uploadFile(
        file->fileName(), u"batch"_s,
        [this, submission, file, giveUp](const QJsonObject &uploaded,
                                         const ApiError &error) mutable {
            file.reset();
            if (error.isError()) {
                giveUp(tr("The batch file could not be uploaded: %1").arg(error.toString()));
                return;
            }
            submission->record.inputFileId = uploaded.value(u"id"_s).toString();
            m_submitClient->createBatch(
                submission->record.inputFileId,
                BatchPlan::endpointUrl(submission->record.request.endpoint),
                QJsonObject {{u"source"_s, u"atelier"_s}},
                [this, submission, giveUp](const QJsonObject &created, const ApiError &error) {
                    if (error.isError()) {
                        giveUp(tr("The batch could not be created: %1").arg(error.toString()));
                        return;
                    }
                    m_submitClient.release()->deleteLater();
                    const BatchInfo info = BatchInfo::fromJson(created);
                    BatchRecord record = submission->record;
                    record.id = info.id;
                    record.status = info.status;
                    record.lastSeen = created;
                    Batch &batch = add(record);
                    batch.info = info;
                    save(batch);
                    Q_EMIT batchChanged(info.id); // views list it first
                    Q_EMIT submitted(info.id);
                    schedule(info.id, m_firstPollMs);
                });
        });
}

BatchMonitor::Batch &BatchMonitor::add(BatchRecord record)
{
    const QString id = record.id;
    Batch &batch = m_batches[id];
    batch.record = std::move(record);
    if (!batch.record.lastSeen.isEmpty())
        batch.info = BatchInfo::fromJson(batch.record.lastSeen);
    batch.savedRequests = int(m_store.savedResults(id).size());
    return batch;
}

void BatchMonitor::resume(QStringList *warnings)
{
    QStringList said;
    const QList<BatchRecord> records = m_store.all(&said);
    if (warnings)
        warnings->append(said);
    for (const BatchRecord &record : records) {
        if (m_batches.count(record.id) > 0)
            continue;
        Batch &batch = add(record);
        batch.problem = problemOf(batch);
        Q_EMIT batchChanged(record.id);
        if (!batch.isFetched())
            schedule(record.id, 0); // asked at once: it may have finished meanwhile
    }
}

QList<BatchMonitor::Batch> BatchMonitor::batches() const
{
    QList<Batch> list;
    for (const auto &[id, batch] : m_batches)
        list.append(batch);
    std::sort(list.begin(), list.end(), [](const Batch &a, const Batch &b) {
        return a.record.submittedAt > b.record.submittedAt;
    });
    return list;
}

const BatchMonitor::Batch *BatchMonitor::batch(const QString &id) const
{
    const auto found = m_batches.find(id);
    return found == m_batches.end() ? nullptr : &found->second;
}

BatchClient *BatchMonitor::clientFor(Batch &batch)
{
    auto found = m_clients.find(batch.record.id);
    if (found != m_clients.end())
        return found->second.get();
    const ProviderProfile profile = batch.record.providerProfile();
    if (const Status supported = BatchClient::checkSupported(profile); !supported) {
        batch.problem = supported.error();
        return nullptr;
    }
    const QString key = m_keyFinder(profile);
    if (key.isEmpty()) {
        batch.problem = tr("No API key for %1, where this batch went; set one in the settings "
                           "and choose Fetch now.")
                            .arg(profile.name);
        return nullptr;
    }
    auto client = std::make_unique<BatchClient>(profile, key);
    BatchClient *raw = client.get();
    m_clients.emplace(batch.record.id, std::move(client));
    return raw;
}

void BatchMonitor::schedule(const QString &id, int ms)
{
    QTimer *&timer = m_timers[id];
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, id] { poll(id); });
    }
    timer->start(ms);
    m_batches[id].pollMs = ms;
    m_batches[id].nextPollAt = QDateTime::currentDateTime().addMSecs(ms);
}

void BatchMonitor::poll(const QString &id)
{
    auto found = m_batches.find(id);
    if (found == m_batches.end())
        return;
    Batch &batch = found->second;
    BatchClient *client = clientFor(batch);
    if (!client) {
        batch.pollMs = 0;
        Q_EMIT batchChanged(id);
        return;
    }
    client->retrieveBatch(id, [this, id](const QJsonObject &json, const ApiError &error) {
        auto found = m_batches.find(id);
        if (m_closing || found == m_batches.end())
            return;
        Batch &batch = found->second;
        if (error.isError()) {
            if (error.kind == ApiError::Kind::Cancelled)
                return;
            // Asked again later, less often: the network or the provider may be back.
            batch.problem
                = tr("The batch could not be asked for its state: %1").arg(error.toString());
            const int next = std::min(std::max(batch.pollMs, m_firstPollMs) * 2, m_longestPollMs);
            schedule(id, next);
            Q_EMIT polled(id, batch.status(), next);
            Q_EMIT batchChanged(id);
            return;
        }
        onInfo(id, BatchInfo::fromJson(json), json);
    });
}

void BatchMonitor::onInfo(const QString &id, const BatchInfo &info, const QJsonObject &json)
{
    Batch &batch = m_batches[id];
    const bool changed = info.status != batch.status() || info.completed != batch.info.completed
        || info.failed != batch.info.failed;
    batch.info = info;
    batch.record.status = info.status;
    batch.record.lastSeen = json;
    batch.problem = problemOf(batch);
    save(batch);
    int next = 0;
    if (info.isFinished()) {
        batch.pollMs = 0;
        batch.nextPollAt = QDateTime();
        // A batch of atelier-cli is fetched where its user says (batch fetch --out): here only
        // when asked, so the journal they share does not take its results away from the CLI.
        const bool cli
            = json.value(u"metadata"_s).toObject().value(u"source"_s).toString() == u"atelier-cli";
        const bool asked = m_fetchAsked.remove(id);
        if (((!batch.isFetched() && !cli) || asked) && !batch.fetching)
            startFetch(id);
    } else {
        // Back to the first interval when anything moved; twice as long when nothing did.
        next = changed || batch.pollMs <= 0 ? m_firstPollMs
                                            : std::min(batch.pollMs * 2, m_longestPollMs);
        schedule(id, next);
    }
    Q_EMIT polled(id, info.status, next);
    Q_EMIT batchChanged(id);
}

QString BatchMonitor::problemOf(const Batch &batch) const
{
    const QString status = batch.status();
    QStringList reasons;
    for (const BatchInfo::Error &error : batch.info.errors) {
        const QString message
            = error.code.isEmpty() ? error.message : tr("%1 (%2)").arg(error.message, error.code);
        reasons.append(error.line > 0 ? tr("line %1: %2").arg(error.line).arg(message) : message);
    }
    if (status == u"failed")
        return reasons.isEmpty()
            ? tr("The batch failed as a whole; no request was run.")
            : tr("The batch failed as a whole; no request was run: %1").arg(reasons.join(u"; "_s));
    if (status == u"expired")
        return tr("The batch expired: the provider did not run every request within 24 hours; "
                  "what it finished is kept.");
    if (status == u"cancelled" || status == u"cancelling")
        return tr("The batch was cancelled; what it finished is kept.");
    return reasons.join(u"; "_s);
}

void BatchMonitor::fetchNow(const QString &id)
{
    auto found = m_batches.find(id);
    if (found == m_batches.end() || found->second.fetching)
        return;
    Batch &batch = found->second;
    m_clients.erase(id); // a key set meanwhile is used
    batch.problem.clear();
    m_fetchAsked.insert(id);
    schedule(id, 0); // asks first (the files may be new); a final batch is fetched from there
}

void BatchMonitor::cancel(const QString &id)
{
    auto found = m_batches.find(id);
    if (found == m_batches.end() || found->second.isFinal())
        return;
    BatchClient *client = clientFor(found->second);
    if (!client) {
        Q_EMIT batchChanged(id);
        return;
    }
    client->cancelBatch(id, [this, id](const QJsonObject &json, const ApiError &error) {
        auto found = m_batches.find(id);
        if (m_closing || found == m_batches.end() || error.kind == ApiError::Kind::Cancelled)
            return;
        if (error.isError()) {
            found->second.problem
                = tr("The batch could not be cancelled: %1").arg(error.toString());
            Q_EMIT batchChanged(id);
            return;
        }
        found->second.pollMs = 0; // a change: asked again soon
        onInfo(id, BatchInfo::fromJson(json), json);
    });
}

void BatchMonitor::startFetch(const QString &id)
{
    Batch &batch = m_batches[id];
    BatchClient *client = clientFor(batch);
    if (!client) {
        Q_EMIT batchChanged(id);
        return;
    }
    if (batch.status() == u"failed") { // nothing ran: nothing to fetch, the reasons are said
        batch.record.fetchedAt = QDateTime::currentDateTimeUtc();
        save(batch);
        Q_EMIT batchChanged(id);
        Q_EMIT batchFinished(id, batch.problem);
        return;
    }
    batch.fetching = true;
    batch.failures.clear();
    Q_EMIT batchChanged(id);
    m_results->fetch(batch.record, batch.info, client);
}

void BatchMonitor::failFetch(const QString &id, const QString &what, const ApiError &error,
                             const QStringList &failures)
{
    if (m_closing)
        return;
    Batch &batch = m_batches[id];
    batch.fetching = false;
    batch.problem = tr("%1: %2. Choose Fetch now to try again; what was saved stays.")
                        .arg(what, error.toString());
    batch.failures = failures;
    Q_EMIT batchChanged(id);
}

void BatchMonitor::finishFetch(const QString &id, BatchResults::Fetch fetch)
{
    if (m_closing)
        return;
    Batch &batch = m_batches[id];
    // Requests neither file answered: an expired or cancelled batch never ran them.
    int notRun = 0;
    for (const BatchEntry &entry : std::as_const(batch.record.entries)) {
        if (!fetch.seen.contains(entry.customId) && !fetch.saved.contains(entry.customId))
            ++notRun;
    }
    if (notRun > 0)
        fetch.failures.append(tr("%n request(s) were not run: the batch is %1.", nullptr, notRun)
                                  .arg(BatchInfo::statusText(batch.status())));
    batch.fetching = false;
    batch.failures = fetch.failures;
    batch.savedRequests = int(fetch.saved.size());
    batch.record.fetchedAt = QDateTime::currentDateTimeUtc();
    if (fetch.savedNow > 0 || batch.record.actualCost < 0)
        batch.record.actualCost = fetch.costKnown
            ? std::max(0.0, batch.record.actualCost) + fetch.cost
            : batch.record.actualCost;
    save(batch);
    const int total = int(batch.record.entries.size());
    QString summary = tr("Batch %1 is %2: %3 of %4 request(s) are in the gallery.")
                          .arg(id, BatchInfo::statusText(batch.status()))
                          .arg(batch.savedRequests)
                          .arg(total);
    if (!batch.problem.isEmpty())
        summary += u' ' + batch.problem;
    if (!batch.failures.isEmpty())
        summary += u' ' + tr("%n request(s) failed.", nullptr, int(batch.failures.size()));
    Q_EMIT batchChanged(id);
    Q_EMIT batchFinished(id, summary);
}

void BatchMonitor::save(Batch &batch)
{
    // The store is where a restart finds the batch: that it cannot keep it is said.
    if (const Status saved = m_store.save(batch.record); !saved)
        batch.problem = saved.error();
}

} // namespace Atelier
