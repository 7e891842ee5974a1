#pragma once

#include "imagedecoder.h"
#include "model/violation.h"
#include "providerprofile.h"
#include "retrypolicy.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkAccessManager;
class QThread;

namespace Atelier {

class ImageJob;
struct ImageRequest;

struct ClientOptions
{
    int connectTimeoutMs = 30'000; // until the first byte moves
    int idleTimeoutMs = 300'000; // between bytes; a non-streamed image can take minutes
    RetryPolicy retry;
    qint64 maxResponseBytes = 512LL * 1024 * 1024;
    qint64 maxEventBytes = 128LL * 1024 * 1024;
    DecodeLimits decode;
    // Streamed images: decode each one's bytes while they arrive (on the decode thread), instead
    // of the whole event once it is complete. Off: for comparisons.
    bool decodeWhileReceiving = true;
};

// What the client asks about every request before it sends it: each rule it breaks for the
// provider it would go to (the caller's Catalog::validate). Requests with an error are not sent.
using RequestCheck = std::function<QList<Violation>(const ImageRequest &request,
                                                    const ValidationContext &context)>;

// Sends Images API requests on one QNetworkAccessManager and hands back an ImageJob per request.
// Decoding runs on worker threads the client owns.
class ImagesClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagesClient)

public:
    explicit ImagesClient(RequestCheck check, QObject *parent = nullptr);
    ~ImagesClient() override;

    void setProvider(const ProviderProfile &profile, const QString &apiKey);
    const ProviderProfile &provider() const { return m_profile; }
    bool hasApiKey() const { return !m_apiKey.isEmpty(); }
    void setOptions(const ClientOptions &options) { m_options = options; }
    const ClientOptions &options() const { return m_options; }
    QNetworkAccessManager *networkAccessManager() const { return m_network; }

    // Starts the request. The job is a child of the client; invalid requests and a missing key
    // fail asynchronously through the job's failed() signal, so callers handle one path.
    ImageJob *start(const ImageRequest &request);

private:
    friend class ImageJob;
    struct Worker
    {
        QThread *thread = nullptr;
        ImageDecoder *decoder = nullptr;
    };
    // Runs `work` on the job's decode thread; `work` reports through deliver().
    void post(quint64 jobId, std::function<void(const ImageDecoder::Deliver &)> work);
    void deliver(quint64 jobId, DecodeOutcome outcome);
    void forget(quint64 jobId);

    RequestCheck m_check;
    ProviderProfile m_profile;
    QString m_apiKey;
    ClientOptions m_options;
    QNetworkAccessManager *m_network = nullptr;
    QList<Worker> m_workers;
    QHash<quint64, QPointer<ImageJob>> m_jobs;
    quint64 m_nextJobId = 1;
};

} // namespace Atelier
