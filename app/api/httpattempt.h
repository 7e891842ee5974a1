#pragma once

#include "model/apierror.h"
#include "platform/result.h"
#include "replyclassifier.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Atelier {

struct ClientOptions;
struct HttpRequestSpec;

// One HTTP send of a request and the reading of its reply: timeouts (connect, then idle),
// back-pressure on the network thread's buffer, the size caps, and the facts of the ended reply
// for ReplyClassifier. A stream's bytes are read straight into the stream reader's buffer; any
// other body is gathered. Lives on the thread of its network manager; sends at most once.
class HttpAttempt final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpAttempt)

public:
    // `options` (timeouts, caps) must outlive the attempt; they are read as they are needed.
    HttpAttempt(QNetworkAccessManager *network, const ClientOptions *options,
                QObject *parent = nullptr);
    ~HttpAttempt() override; // a reply still running is aborted, without signals

    // Where a stream's bytes go: room for up to `count` bytes, then how many were read into it
    // (0 or less: none). Set before send().
    struct StreamReader
    {
        std::function<char *(qsizetype count)> prepare;
        std::function<void(qint64 read)> commit;
    };
    void setStreamReader(StreamReader reader) { m_streamReader = std::move(reader); }

    // Posts the request; fails (and sends nothing) when its multipart body cannot be built.
    Status send(const HttpRequestSpec &spec);
    // Stops the reply; finished() follows, and the facts carry `reason` and `message`.
    void abort(ApiError::Kind reason, const QString &message);

    // Not sent, or its reply has ended.
    bool isDone() const { return !m_running; }
    bool isStreaming() const { return m_streaming; }
    int httpStatus() const { return m_httpStatus; }
    // x-request-id, once the headers are in (empty if the server sent none).
    QString requestId() const { return m_requestId; }
    qint64 bytesReceived() const { return m_bytesReceived; }
    // Bytes of a stream have been read.
    bool streamStarted() const { return m_streamStarted; }
    // After finished(): what the reply ended with; takes the body.
    ReplyFacts takeFacts() { return std::move(m_facts); }

Q_SIGNALS:
    // Status and headers are in (httpStatus(), isStreaming(), requestId()).
    void metaDataReceived();
    // The reply ended, after every byte it brought was read; see takeFacts().
    void finished();

private:
    void limitReadBuffer();
    void onMetaData();
    void onReadyRead();
    void consume(QByteArrayView data);
    void onFinished();
    void onTimeout();

    QNetworkAccessManager *m_network;
    const ClientOptions *m_options;
    QPointer<QNetworkReply> m_reply;
    QTimer m_watchdog;
    StreamReader m_streamReader;
    bool m_running = false;
    bool m_streaming = false;
    bool m_streamStarted = false;
    int m_httpStatus = 0;
    qint64 m_bytesReceived = 0;
    QString m_requestId;
    ApiError::Kind m_abortReason = ApiError::Kind::None;
    QString m_abortMessage;
    QByteArray m_body;
    QByteArray m_readBuffer;
    ReplyFacts m_facts;
};

} // namespace Atelier
