#pragma once

#include "api/providerprofile.h"
#include "batchfetcher.h"
#include "model/apierror.h"
#include "platform/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>

#include <functional>

class QNetworkReply;

namespace Atelier {

// The Files and Batches endpoints (the SDK's files.d.ts and batches.d.ts): upload a file,
// create, retrieve and cancel a batch, download a file's content line by line. Holds the key in
// memory only; every call answers through its callback once, on the thread of the client.
class BatchClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchClient)

public:
    // The object the API answered (a FileObject or a Batch), or the error.
    using Answer = std::function<void(const QJsonObject &object, const ApiError &error)>;
    using Done = std::function<void(const ApiError &error)>;

    BatchClient(const ProviderProfile &profile, const QString &apiKey, QObject *parent = nullptr);
    ~BatchClient() override;

    // Fails, with one sentence why, when the provider has no Batch API Atelier can use
    // (Azure's Batch API takes deployments and files of its own kind).
    static Status checkSupported(const ProviderProfile &profile);

    // Gives up on a request whose server sends nothing for this long (default 300 s).
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }
    void setMaxRetries(int retries) { m_maxRetries = retries; }

    // POST /files (multipart: purpose, file), the file streamed from disk.
    void uploadFile(const QString &path, const QString &purpose, Answer answer);
    // POST /batches {input_file_id, endpoint, completion_window: "24h", metadata}.
    void createBatch(const QString &inputFileId, const QString &endpoint,
                     const QJsonObject &metadata, Answer answer);
    // GET /batches/{id}
    void retrieveBatch(const QString &batchId, Answer answer);
    // POST /batches/{id}/cancel
    void cancelBatch(const QString &batchId, Answer answer);
    // GET /files/{id}/content, handed to `line` one line at a time as it arrives.
    void downloadLines(const QString &fileId, BatchFetcher::LineHandler line, Done done);

    // Stops every request; their callbacks report Cancelled.
    void cancelAll();

private:
    QNetworkRequest request(const QString &path, const QByteArray &accept) const;
    void sendJson(const QByteArray &verb, const QString &path, const QByteArray &body,
                  Answer answer, int attempt = 0);
    void finishJson(QNetworkReply *reply, Answer answer, const std::function<void()> &retry,
                    int attempt);

    QNetworkAccessManager m_network;
    ProviderProfile m_profile;
    QString m_apiKey;
    int m_idleTimeoutMs = 300000;
    int m_maxRetries = 2;
    bool m_cancelled = false;
};

} // namespace Atelier
