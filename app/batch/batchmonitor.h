#pragma once

#include "api/providerprofile.h"
#include "batchinfo.h"
#include "batchplan.h"
#include "batchresults.h"
#include "batchstore.h"
#include "model/apierror.h"
#include "model/imagerequest.h"
#include "model/imageresult.h"
#include "platform/result.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>

class QTimer;

namespace Atelier {

class BatchClient;
class Catalog;
class LibraryStore;

// The studio's batches, without widgets: sends a run of requests as one Batch API batch, follows
// every batch it knows (BatchStore: those of earlier runs too, and the CLI's) until it is final,
// asking less often while nothing changes (10 s doubling to 5 min, back to 10 s on a change), and
// fetches a finished batch's output and error files line by line into the library (through its
// BatchResults), each image with its recipe and {"batch": {"id", "custom_id"}}. What was saved is
// journalled in the store, so fetching again adds nothing; a batch that failed, expired or was
// cancelled says why, and what it finished is kept. Batches atelier-cli submitted are followed,
// and fetched into the library only by fetchNow().
class BatchMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchMonitor)

public:
    // A batch as the studio shows it.
    struct Batch
    {
        BatchRecord record;
        BatchInfo info; // as last retrieved (or remembered from before a restart)
        QString problem; // why it stopped, or why it cannot be asked; empty when all is well
        QStringList failures; // the requests that failed, each with the API's reason
        int savedRequests = 0; // requests whose images are in the library
        bool fetching = false;
        int pollMs = 0; // the interval to the next poll; 0: not polled
        QDateTime nextPollAt; // when it is asked next (invalid: not)

        QString status() const { return info.status.isEmpty() ? record.status : info.status; }
        bool isFinal() const;
        bool isFetched() const { return record.fetchedAt.isValid(); }
    };
    // The API key of a provider a batch went to; empty when none is known.
    using KeyFinder = std::function<QString(const ProviderProfile &)>;

    BatchMonitor(const Catalog *catalog, LibraryStore *library, BatchStore store = BatchStore(),
                 QObject *parent = nullptr);
    ~BatchMonitor() override;

    // The one monitor living under `owner` (the studio makes it a child of its session), or null.
    static BatchMonitor *of(const QObject *owner);

    void setKeyFinder(KeyFinder finder) { m_keyFinder = std::move(finder); }
    // The first interval between polls and the longest (tests use milliseconds).
    void setPollIntervals(int firstMs, int longestMs);
    int firstPollMs() const { return m_firstPollMs; }
    BatchStore store() const { return m_store; }

    // Why `requests` cannot go as a batch to `profile` (a provider without the Batch API, markup
    // edits, edits of models that take no JSON edit), or success.
    static Status canBatch(const Catalog &catalog, const QList<ImageRequest> &requests,
                           const ProviderProfile &profile);
    // The estimate of `requests` sent one by one, and at batch price (half); negative: unknown.
    struct Prices
    {
        double normal = -1;
        double batch = -1;
    };
    static Prices prices(const Catalog &catalog, const QList<ImageRequest> &requests);

    // Sends the requests as one batch (their input images uploaded first); submitted(id) or
    // submitFailed(reason) follows. The first request's options are the shared ones; a request
    // that differs by more than its prompt keeps its own in its entry.
    void submit(const QList<ImageRequest> &requests, const ProviderProfile &profile,
                const QString &apiKey);
    // The same for entries made elsewhere (a prompt list: BatchPlan::readPrompts).
    void submit(const ImageRequest &shared, const QList<BatchEntry> &entries,
                const ProviderProfile &profile, const QString &apiKey);

    // Loads every batch the store remembers and follows those not yet final or not yet fetched.
    void resume(QStringList *warnings = nullptr);

    QList<Batch> batches() const; // the newest first
    const Batch *batch(const QString &id) const;

    // Asks now; a final batch is fetched (again: only what is not saved yet is added).
    void fetchNow(const QString &id);
    void cancel(const QString &id);

Q_SIGNALS:
    void submitted(const QString &id);
    void submitFailed(const QString &reason);
    void batchChanged(const QString &id);
    // After each poll: the state seen and the interval to the next one (0: no more polls).
    void polled(const QString &id, const QString &status, int nextMs);
    // A finished batch was fetched: `summary` says what was saved and what failed, and why.
    void batchFinished(const QString &id, const QString &summary);
    void imageSaved(qint64 libraryId);

private:
    struct Submission;

    Batch &add(BatchRecord record);
    BatchClient *clientFor(Batch &batch);
    void schedule(const QString &id, int ms);
    void poll(const QString &id);
    void onInfo(const QString &id, const BatchInfo &info, const QJsonObject &json);
    void startFetch(const QString &id);
    void finishFetch(const QString &id, BatchResults::Fetch fetch);
    void failFetch(const QString &id, const QString &what, const ApiError &error,
                   const QStringList &failures);
    QString problemOf(const Batch &batch) const;
    void save(Batch &batch);
    void uploadNext(const std::shared_ptr<Submission> &submission);
    void createBatch(const std::shared_ptr<Submission> &submission);

    const Catalog *m_catalog;
    BatchStore m_store;
    KeyFinder m_keyFinder;
    BatchResults *m_results; // a child: fetches finished batches into the library
    int m_firstPollMs = 10000;
    int m_longestPollMs = 300000;
    std::map<QString, Batch> m_batches;
    std::map<QString, std::unique_ptr<BatchClient>> m_clients;
    QHash<QString, QTimer *> m_timers;
    std::unique_ptr<BatchClient> m_submitClient;
    QSet<QString> m_fetchAsked; // Fetch now: fetched once asked, even when fetched before
    bool m_closing = false;
};

} // namespace Atelier
