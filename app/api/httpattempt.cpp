#include "httpattempt.h"

#include "imagesclient.h"
#include "requestbuilder.h"

#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Atelier {

namespace {

constexpr qsizetype MaxErrorBodyBytes = 1024 * 1024;
constexpr qint64 ReadBufferBytes = 1024 * 1024;
constexpr qsizetype ReadSliceBytes = 256 * 1024;

} // namespace

HttpAttempt::HttpAttempt(QNetworkAccessManager *network, const ClientOptions *options,
                         QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_options(options)
{
    m_watchdog.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, &HttpAttempt::onTimeout);
}

HttpAttempt::~HttpAttempt()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

Status HttpAttempt::send(const HttpRequestSpec &spec)
{
    const QNetworkRequest request = RequestBuilder::networkRequest(spec);
    if (spec.multipart) {
        const Result<QHttpMultiPart *> built = RequestBuilder::createMultiPart(spec);
        if (!built)
            return built.failure();
        QHttpMultiPart *multiPart = *built;
        m_reply = m_network->post(request, multiPart);
        multiPart->setParent(m_reply);
    } else {
        m_reply = m_network->post(request, spec.jsonBody());
    }
    m_running = true;
    limitReadBuffer();
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpAttempt::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpAttempt::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpAttempt::onFinished);
    auto progress = [this](qint64 done, qint64) {
        if (done > 0)
            m_watchdog.start(m_options->idleTimeoutMs);
    };
    connect(m_reply, &QNetworkReply::uploadProgress, this, progress);
    connect(m_reply, &QNetworkReply::downloadProgress, this, progress);
    m_watchdog.start(m_options->connectTimeoutMs);
    return success();
}

void HttpAttempt::limitReadBuffer()
{
    // Back-pressure: the network thread buffers at most this much before we read it, so a fast
    // server cannot fill memory with a whole response. Qt's HTTP thread ignores a limit that
    // arrives before it has created its side of the reply, which happens on the event loop after
    // post() (posted before this call), so the limit is set again then, and once the request is
    // out: it must be in place before the first bytes of the answer are read. A server that sends
    // the whole answer at once (a fast link, a buffering proxy) otherwise has it all read into
    // memory, megabytes ahead of this thread, while the limit is on its way.
    QPointer<QNetworkReply> reply = m_reply;
    QMetaObject::invokeMethod(
        this,
        [reply] {
            if (reply)
                reply->setReadBufferSize(ReadBufferBytes);
        },
        Qt::QueuedConnection);
    connect(m_reply, &QNetworkReply::requestSent, this, [reply] {
        if (reply)
            reply->setReadBufferSize(ReadBufferBytes);
    });
}

void HttpAttempt::onMetaData()
{
    // A reply that finished (an abort, a cancel) may still have signals on their way.
    if (!m_reply)
        return;
    m_watchdog.start(m_options->idleTimeoutMs);
    // And now at the latest (see limitReadBuffer()).
    m_reply->setReadBufferSize(ReadBufferBytes);
    m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray requestId = m_reply->rawHeader("x-request-id");
    if (!requestId.isEmpty())
        m_requestId = QString::fromLatin1(requestId);
    m_streaming = ReplyClassifier::isEventStream(
        m_httpStatus, m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray());
    Q_EMIT metaDataReceived();
}

void HttpAttempt::abort(ApiError::Kind reason, const QString &message)
{
    m_abortReason = reason;
    m_abortMessage = message;
    if (m_reply) {
        m_watchdog.stop();
        m_reply->abort(); // emits finished(), handled in onFinished
    }
}

void HttpAttempt::onTimeout()
{
    // The figure of the timer that ran out: the connect timeout until the request is on its way,
    // the idle timeout from then on (--timeout 3 is reported as 3 seconds, not the connect 30).
    const int seconds = std::max(1, m_watchdog.interval() / 1000);
    abort(ApiError::Kind::Timeout,
          QCoreApplication::translate(
              "Atelier::ImageJob", "the server sent nothing for %n second(s)", nullptr, seconds));
}

void HttpAttempt::onReadyRead()
{
    // Read in fixed slices, straight into the stream reader when streaming: no allocation per
    // readyRead and no intermediate copy, however much the network thread has buffered.
    while (m_reply && m_reply->bytesAvailable() > 0 && m_abortReason == ApiError::Kind::None) {
        if (m_streaming) {
            char *room = m_streamReader.prepare(ReadSliceBytes);
            const qint64 read = m_reply->read(room, ReadSliceBytes);
            m_streamStarted = m_streamStarted || read > 0;
            m_bytesReceived += std::max<qint64>(read, 0);
            m_streamReader.commit(read);
            if (read <= 0)
                break;
            continue;
        }
        if (m_readBuffer.size() != ReadSliceBytes)
            m_readBuffer.resize(ReadSliceBytes);
        const qint64 read = m_reply->read(m_readBuffer.data(), ReadSliceBytes);
        if (read <= 0)
            break;
        m_bytesReceived += read;
        consume(QByteArrayView(m_readBuffer.constData(), read));
    }
}

// Error bodies and whole (non-streamed) answers; streams go to the stream reader.
void HttpAttempt::consume(QByteArrayView data)
{
    if (m_httpStatus < 200 || m_httpStatus >= 300) {
        if (m_body.size() < MaxErrorBodyBytes)
            m_body.append(
                data.first(std::min<qsizetype>(data.size(), MaxErrorBodyBytes - m_body.size())));
        return;
    }
    m_body.append(data);
    if (m_body.size() > m_options->maxResponseBytes)
        abort(ApiError::Kind::TooLarge,
              QCoreApplication::translate("Atelier::ImageJob",
                                          "The answer is larger than %1 MB, more than Atelier "
                                          "accepts; it was refused.")
                  .arg(m_options->maxResponseBytes / (1024 * 1024)));
}

void HttpAttempt::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_watchdog.stop();
    m_reply = nullptr;
    m_running = false;
    reply->disconnect(this); // nothing it still sends is for this attempt
    reply->deleteLater();
    if (reply->bytesAvailable() > 0 && m_abortReason == ApiError::Kind::None) {
        m_reply = reply;
        onReadyRead();
        m_reply = nullptr;
    }
    if (m_httpStatus == 0)
        m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_requestId.isEmpty())
        m_requestId = QString::fromLatin1(reply->rawHeader("x-request-id"));

    m_facts = ReplyFacts();
    m_facts.httpStatus = m_httpStatus;
    m_facts.networkError = reply->error();
    m_facts.networkErrorText = reply->errorString();
    m_facts.location = reply->rawHeader("Location");
    m_facts.shouldRetry = reply->rawHeader("x-should-retry");
    m_facts.retryAfterMs = reply->rawHeader("retry-after-ms");
    m_facts.retryAfter = reply->rawHeader("retry-after");
    m_facts.body = std::exchange(m_body, {});
    m_facts.abortReason = m_abortReason;
    m_facts.abortMessage = m_abortMessage;
    m_facts.requestId = m_requestId;
    m_facts.streamStarted = m_streamStarted;
    Q_EMIT finished();
}

} // namespace Atelier
