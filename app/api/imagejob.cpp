#include "imagejob.h"

#include "imageurlpolicy.h"
#include "requestbuilder.h"

#include <QHttpMultiPart>
#include <QNetworkAccessManager>
#include <QRandomGenerator>

#include <chrono>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

constexpr qsizetype MaxErrorBodyBytes = 1024 * 1024;
constexpr qint64 ReadBufferBytes = 1024 * 1024;
constexpr qsizetype ReadSliceBytes = 256 * 1024;
// Of a streamed image, this much is kept for the header check (JPEG's size comes after its
// metadata segments).
constexpr qsizetype StreamedHeadBytes = 256 * 1024;
constexpr int MaxImageRedirects = 5;

} // namespace

ImageJob::ImageJob(ImagesClient *client, quint64 id, const ImageRequest &request)
    : QObject(client)
    , m_client(client)
    , m_id(id)
    , m_request(request)
    , m_network(client->networkAccessManager())
{
    m_clock.start();
    m_watchdog.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_watchdog, &QTimer::timeout, this, &ImageJob::onTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &ImageJob::sendAttempt);
}

ImageJob::~ImageJob()
{
    m_client->forget(m_id);
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    for (const QPointer<QNetworkReply> &download : std::as_const(m_downloads)) {
        if (download) {
            download->disconnect(this);
            download->abort();
            download->deleteLater();
        }
    }
}

void ImageJob::setPersister(Persister persister)
{
    m_persister = persister ? std::make_shared<const Persister>(std::move(persister)) : nullptr;
}

namespace {

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

std::function<void(DecodeOutcome &, const ImageJob::SinkImage *)> ImageJob::finisher() const
{
    // Captures the persister by shared pointer: a task may outlive the job that posted it.
    return [persister = m_persister, requestId = m_requestId](DecodeOutcome &outcome,
                                                              const SinkImage *sunk) {
        if (outcome.what != DecodeOutcome::What::PartialImage
            && outcome.what != DecodeOutcome::What::FinalImage)
            return;
        ImageResult &image = outcome.image;
        image.requestId = requestId;
        // Kept on disk: by the stream sink that took its bytes as they came, else the persister.
        // A sink that failed while writing (its file is gone) leaves the persister to keep the
        // bytes, if they were gathered too.
        if (sunk && sunk->image)
            image.savedPath = sunk->image->commit(image, &image.saveError);
        else if (sunk && (!persister || image.encoded.isEmpty()))
            image.saveError
                = !sunk->error.isEmpty() ? sunk->error : tr("The image could not be saved.");
        else if (persister)
            image.savedPath = (*persister)(image, &image.saveError);
    };
}

void ImageJob::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ImageJob::begin(const QList<Violation> &violations)
{
    if (m_ending)
        return;
    if (hasErrors(violations)) {
        QStringList messages;
        for (const Violation &violation : violations) {
            if (violation.isError())
                messages.append(violation.message);
        }
        fail(ApiError::make(ApiError::Kind::InvalidRequest, messages.join(u' ')));
        return;
    }
    if (!m_client->hasApiKey()) {
        fail(ApiError::make(ApiError::Kind::NoApiKey,
                            tr("No API key is set. Set %1 in the environment, or store a key in "
                               "the keychain (atelier-cli key set).")
                                .arg(m_client->provider().apiKeyVariable())));
        return;
    }
    if (const QString problem = m_client->provider().problem(); !problem.isEmpty()) {
        fail(ApiError::make(ApiError::Kind::InvalidRequest, problem));
        return;
    }
    sendAttempt();
}

void ImageJob::resetAttempt()
{
    m_httpStatus = 0;
    m_bytesReceived = 0;
    m_streaming = false;
    m_body.clear();
    m_sse = SseParser();
    m_arriving.reset();
    m_arrived.reset();
    m_imagesStreamed = false;
    m_abortReason = ApiError::Kind::None;
    m_abortMessage.clear();
}

void ImageJob::sendAttempt()
{
    resetAttempt();
    ++m_attempt;
    setState(State::Sending);
    const HttpRequestSpec spec
        = RequestBuilder::build(m_request, m_client->provider(), m_client->m_apiKey);
    const QNetworkRequest request = RequestBuilder::networkRequest(spec);
    if (spec.multipart) {
        QString error;
        QHttpMultiPart *multiPart = RequestBuilder::createMultiPart(spec, &error);
        if (!multiPart) {
            fail(ApiError::make(ApiError::Kind::InvalidRequest, error));
            return;
        }
        m_reply = m_network->post(request, multiPart);
        multiPart->setParent(m_reply);
    } else {
        m_reply = m_network->post(request, spec.jsonBody());
    }
    m_replyDone = false;
    limitReadBuffer();
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ImageJob::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &ImageJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ImageJob::onReplyFinished);
    auto progress = [this](qint64 done, qint64) {
        if (done > 0)
            m_watchdog.start(m_client->options().idleTimeoutMs);
    };
    connect(m_reply, &QNetworkReply::uploadProgress, this, progress);
    connect(m_reply, &QNetworkReply::downloadProgress, this, progress);
    m_watchdog.start(m_client->options().connectTimeoutMs);
}

void ImageJob::limitReadBuffer()
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

void ImageJob::onMetaData()
{
    m_watchdog.start(m_client->options().idleTimeoutMs);
    // And now at the latest (see limitReadBuffer()).
    m_reply->setReadBufferSize(ReadBufferBytes);
    m_httpStatus = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray requestId = m_reply->rawHeader("x-request-id");
    if (!requestId.isEmpty())
        m_requestId = QString::fromLatin1(requestId);
    const QByteArray contentType
        = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    m_streaming = m_httpStatus >= 200 && m_httpStatus < 300
        && contentType.trimmed().toLower().startsWith("text/event-stream");
    // Streamed images are taken as they arrive: decoded on the way, and/or kept by the stream
    // sink.
    const ClientOptions &options = m_client->options();
    m_imagesStreamed = m_streaming
        && (options.decode.decodePixels ? options.decodeWhileReceiving : m_streamSink != nullptr);
    if (m_imagesStreamed)
        m_sse.setBase64Sink([this](SseParser::SinkEvent what, QByteArrayView bytes) {
            onStreamedBytes(what, bytes);
        });
    if (m_httpStatus >= 200 && m_httpStatus < 300)
        setState(State::Receiving);
}

void ImageJob::abortReply(ApiError::Kind reason, const QString &message)
{
    m_abortReason = reason;
    m_abortMessage = message;
    if (m_reply)
        m_reply->abort(); // emits finished(), handled in onReplyFinished
}

void ImageJob::onTimeout()
{
    // The figure of the timer that ran out: the connect timeout until the request is on its way,
    // the idle timeout from then on (--timeout 3 is reported as 3 seconds, not the connect 30).
    const int seconds = std::max(1, m_watchdog.interval() / 1000);
    abortReply(ApiError::Kind::Timeout,
               tr("the server sent nothing for %n second(s)", nullptr, seconds));
}

void ImageJob::onReadyRead()
{
    // Read in fixed slices, straight into the SSE parser when streaming: no allocation per
    // readyRead and no intermediate copy, however much the network thread has buffered.
    while (m_reply && m_reply->bytesAvailable() > 0 && m_abortReason == ApiError::Kind::None) {
        if (m_streaming) {
            char *room = m_sse.prepareAppend(ReadSliceBytes);
            const qint64 read = m_reply->read(room, ReadSliceBytes);
            m_streamStarted = m_streamStarted || read > 0;
            m_bytesReceived += std::max<qint64>(read, 0);
            dispatchEvents(m_sse.commitAppend(read));
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

// Error bodies and whole (non-streamed) answers; streams go straight into the SSE parser.
void ImageJob::consume(QByteArrayView data)
{
    if (m_httpStatus < 200 || m_httpStatus >= 300) {
        if (m_body.size() < MaxErrorBodyBytes)
            m_body.append(
                data.first(std::min<qsizetype>(data.size(), MaxErrorBodyBytes - m_body.size())));
        return;
    }
    const ClientOptions &options = m_client->options();
    m_body.append(data);
    if (m_body.size() > options.maxResponseBytes)
        abortReply(ApiError::Kind::TooLarge,
                   tr("The answer is larger than %1 MB, more than Atelier accepts; it was "
                      "refused.")
                       .arg(options.maxResponseBytes / (1024 * 1024)));
}

void ImageJob::onStreamedBytes(SseParser::SinkEvent what, QByteArrayView bytes)
{
    switch (what) {
    case SseParser::SinkEvent::Begin: {
        m_arriving = std::make_shared<ArrivingImage>();
        const DecodeLimits &limits = m_client->options().decode;
        if (limits.decodePixels)
            m_arriving->pixels.emplace(limits);
        if (m_streamSink)
            m_arriving->sink.image = m_streamSink->begin(&m_arriving->sink.error);
        break;
    }
    case SseParser::SinkEvent::Bytes:
        if (!m_arriving)
            break;
        if (m_arriving->pixels) {
            // Each piece goes to the job's decode thread, in order.
            m_client->post(m_id,
                           [arriving = m_arriving, piece = QByteArray(bytes.data(), bytes.size())](
                               const ImageDecoder::Deliver &) {
                               arriving->pixels->append(piece);
                               arriving->sink.write(piece);
                           });
            break;
        }
        if (m_arriving->head.size() < StreamedHeadBytes)
            m_arriving->head.append(
                bytes.first(std::min(bytes.size(), StreamedHeadBytes - m_arriving->head.size())));
        m_arriving->sink.write(bytes);
        break;
    case SseParser::SinkEvent::End:
        if (m_arriving && m_arriving->pixels)
            m_arriving->pixels->markComplete();
        m_arrived = std::exchange(m_arriving, {});
        break;
    case SseParser::SinkEvent::Abort:
        m_arriving.reset();
        break;
    }
}

void ImageJob::dispatchEvents(QList<SseEvent> events)
{
    const ClientOptions &options = m_client->options();
    for (SseEvent &event : events) {
        ++m_pendingDecodes;
        const DecodeLimits limits = options.decode;
        if (event.streamFailed || event.streamedBytes >= 0) {
            // The image's bytes were taken as they came (onStreamedBytes): what is left is the
            // event's JSON, and the image's pixels (decoded on this same thread, by the tasks
            // before this one) or its header; then the sink keeps the file.
            std::shared_ptr<ArrivingImage> arrived = std::exchange(m_arrived, {});
            m_client->post(m_id,
                           [type = event.type, payload = std::exchange(event.data, {}), limits,
                            failed = event.streamFailed || !arrived, arrived,
                            withSink = m_streamSink != nullptr, receivedAt = monotonicNs(),
                            finish = finisher()](const ImageDecoder::Deliver &deliver) mutable {
                               const qint64 decodeStart = monotonicNs();
                               DecodeOutcome outcome = failed ? ImageDecoder::streamFailure(type)
                                   : arrived->pixels
                                   ? ImageDecoder::decodeStreamedImage(type, std::move(payload),
                                                                       *arrived->pixels, limits)
                                   : ImageDecoder::decodeStreamedEvent(type, std::move(payload),
                                                                       arrived->head, limits);
                               outcome.image.receivedAtNs = receivedAt;
                               outcome.image.decodeNs = monotonicNs() - decodeStart;
                               finish(outcome, withSink && arrived ? &arrived->sink : nullptr);
                               arrived.reset(); // an uncommitted sink file goes now
                               deliver(std::move(outcome));
                           });
            continue;
        }
        // Moved, not shared: the decoder then works on the event text in place.
        m_client->post(m_id,
                       [type = event.type, payload = std::exchange(event.data, {}), limits,
                        receivedAt = monotonicNs(),
                        finish = finisher()](const ImageDecoder::Deliver &deliver) mutable {
                           const qint64 decodeStart = monotonicNs();
                           DecodeOutcome outcome
                               = ImageDecoder::decodeEvent(type, std::move(payload), limits);
                           outcome.image.receivedAtNs = receivedAt;
                           outcome.image.decodeNs = monotonicNs() - decodeStart;
                           finish(outcome, nullptr);
                           deliver(std::move(outcome));
                       });
    }
    if (m_sse.pendingBytes() > options.maxEventBytes)
        abortReply(ApiError::Kind::TooLarge,
                   tr("A streamed event is larger than %1 MB, more than Atelier accepts; the "
                      "stream was stopped.")
                       .arg(options.maxEventBytes / (1024 * 1024)));
}

void ImageJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_watchdog.stop();
    m_reply = nullptr;
    m_replyDone = true;
    reply->deleteLater();
    if (reply->bytesAvailable() > 0 && m_abortReason == ApiError::Kind::None) {
        m_reply = reply;
        onReadyRead();
        m_reply = nullptr;
    }
    // An image still arriving when the reply ended never will: its sink file goes.
    m_arriving.reset();
    if (m_httpStatus == 0)
        m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_requestId.isEmpty())
        m_requestId = QString::fromLatin1(reply->rawHeader("x-request-id"));

    if (m_ending) {
        // Failed or cancelled while the reply ran: deliver what is pending, then finish.
        finishIfIdle();
        return;
    }
    if (m_abortReason != ApiError::Kind::None) {
        ApiError error = ApiError::make(m_abortReason, m_abortMessage);
        error.requestId = m_requestId;
        error.retryable = m_abortReason == ApiError::Kind::Timeout;
        retryOrFail(error, std::nullopt);
        return;
    }

    const QNetworkReply::NetworkError networkError = reply->error();
    if (m_httpStatus >= 300 && m_httpStatus < 400) {
        const QString location = QString::fromLatin1(reply->rawHeader("Location"));
        ApiError error = ApiError::make(
            ApiError::Kind::Redirect,
            tr("The server redirected the request to %1. Atelier follows redirects only to the "
               "same host, so the API key never goes elsewhere; use the final address as the "
               "base URL.")
                .arg(location.isEmpty() ? tr("another address") : location));
        error.httpStatus = m_httpStatus;
        error.requestId = m_requestId;
        fail(error);
        return;
    }
    if (m_httpStatus >= 400) {
        ApiError error = ResponseParser::parseErrorBody(m_httpStatus, m_body, m_requestId);
        const QByteArray shouldRetry = reply->rawHeader("x-should-retry");
        error.retryable = shouldRetry == "true"
            || (shouldRetry != "false" && RetryPolicy::isRetryableStatus(m_httpStatus));
        retryOrFail(error,
                    RetryPolicy::serverDelayMs(reply->rawHeader("retry-after-ms"),
                                               reply->rawHeader("retry-after")));
        return;
    }
    if (networkError != QNetworkReply::NoError || m_httpStatus == 0) {
        const bool redirect = networkError == QNetworkReply::InsecureRedirectError
            || networkError == QNetworkReply::TooManyRedirectsError;
        ApiError error = ApiError::make(
            redirect ? ApiError::Kind::Redirect : ApiError::Kind::Network, reply->errorString());
        if (m_streamStarted) {
            error.message = tr("the connection broke during the stream (%1); the %2 image(s) "
                               "already received are kept")
                                .arg(reply->errorString())
                                .arg(m_partialCount + m_imageCount);
        }
        error.requestId = m_requestId;
        error.retryable = !redirect && RetryPolicy::isRetryableNetworkError(networkError);
        retryOrFail(error, std::nullopt);
        return;
    }

    const DecodeLimits limits = m_client->options().decode;
    if (m_streaming) {
        dispatchEvents(m_sse.finish());
        finishIfIdle();
        return;
    }
    ++m_pendingDecodes;
    m_client->post(m_id,
                   [body = std::exchange(m_body, {}), limits,
                    finish = finisher()](const ImageDecoder::Deliver &deliver) mutable {
                       ImageDecoder::decodeResponse(std::move(body), limits,
                                                    [&](DecodeOutcome outcome) {
                                                        finish(outcome, nullptr);
                                                        deliver(std::move(outcome));
                                                    });
                   });
}

void ImageJob::handleOutcome(DecodeOutcome outcome)
{
    if (outcome.lastOfTask)
        --m_pendingDecodes;
    switch (outcome.what) {
    case DecodeOutcome::What::PartialImage: {
        ImageResult image = std::move(outcome.image);
        image.imageIndex = m_imageCount;
        ++m_partialCount;
        Q_EMIT partialImage(image);
        recycle(std::move(image.encoded));
        break;
    }
    case DecodeOutcome::What::FinalImage: {
        ImageResult image = std::move(outcome.image);
        if (m_streaming) {
            image.index = m_imageCount;
            image.imageIndex = m_imageCount;
            m_sawCompleted = true;
            if (outcome.usage.isValid()) {
                m_usage = outcome.usage;
                Q_EMIT usageReported(m_usage);
            }
        }
        ++m_imageCount;
        Q_EMIT imageReady(image);
        recycle(std::move(image.encoded));
        break;
    }
    case DecodeOutcome::What::UrlToDownload:
        startDownload(outcome.image);
        break;
    case DecodeOutcome::What::ResponseDone:
        m_sawCompleted = true;
        if (outcome.usage.isValid()) {
            m_usage = outcome.usage;
            Q_EMIT usageReported(m_usage);
        }
        break;
    case DecodeOutcome::What::Error: {
        ApiError error = outcome.error;
        error.requestId = m_requestId;
        fail(error);
        break;
    }
    case DecodeOutcome::What::Ignored:
        break;
    }
    finishIfIdle();
}

void ImageJob::recycle(QByteArray bytes)
{
    // A streamed image's bytes live in the buffer its event arrived in (decoded in place): if no
    // receiver kept them, that memory takes the next event. (Images taken as they arrive never
    // were in the parser's buffers.)
    if (m_streaming && !m_replyDone && !m_imagesStreamed)
        m_sse.recycle(std::move(bytes));
}

void ImageJob::startDownload(const ImageResult &image)
{
    if (m_ending)
        return;
    // The answer is untrusted: a URL naming a local file or a machine on the user's network is
    // refused before anything is fetched, so the error says the same whatever is there.
    const QUrl baseUrl = m_client->provider().baseUrl;
    if (const QString refusal = ImageUrlPolicy::refusal(image.sourceUrl, baseUrl);
        !refusal.isEmpty()) {
        ApiError error = ApiError::make(ApiError::Kind::InvalidResponse, refusal);
        error.requestId = m_requestId;
        fail(error);
        return;
    }
    // A plain request: the image host gets no Authorization header.
    QNetworkRequest request(image.sourceUrl);
    request.setRawHeader("User-Agent", RequestBuilder::userAgent());
    // Each redirect is checked like the URL itself (below).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(MaxImageRedirects);
    request.setTransferTimeout(m_client->options().idleTimeoutMs);
    QNetworkReply *reply = m_network->get(request);
    m_downloads.append(reply);
    // Why the download was stopped, when it was: said instead of Qt's "Operation canceled".
    auto stopped = std::make_shared<ApiError>();
    connect(reply, &QNetworkReply::redirected, this, [reply, baseUrl, stopped](const QUrl &target) {
        if (const QString refusal = ImageUrlPolicy::refusal(target, baseUrl); !refusal.isEmpty()) {
            *stopped = ApiError::make(ApiError::Kind::InvalidResponse, refusal);
            reply->abort();
            return;
        }
        Q_EMIT reply->redirectAllowed();
    });
    const qint64 cap = m_client->options().maxResponseBytes;
    connect(reply, &QNetworkReply::downloadProgress, this,
            [reply, cap, stopped](qint64 received, qint64) {
                if (received > cap && !stopped->isError()) {
                    *stopped = ApiError::make(
                        ApiError::Kind::TooLarge,
                        tr("The image is larger than %1 MB, more than Atelier accepts; it was "
                           "refused.")
                            .arg(cap / (1024 * 1024)));
                    reply->abort();
                }
            });
    connect(reply, &QNetworkReply::finished, this, [this, reply, image, stopped] {
        reply->deleteLater();
        m_downloads.removeAll(reply);
        if (stopped->isError() || reply->error() != QNetworkReply::NoError
            || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 400) {
            ApiError error = stopped->isError()
                ? *stopped
                : ApiError::make(
                    ApiError::Kind::Network,
                    tr("The image at %1 could not be downloaded: %2. Image URLs "
                       "expire after 60 minutes.")
                        .arg(image.sourceUrl.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo),
                             reply->errorString()));
            error.requestId = m_requestId;
            fail(error);
            finishIfIdle();
            return;
        }
        const DecodeLimits limits = m_client->options().decode;
        ++m_pendingDecodes;
        m_client->post(m_id,
                       [bytes = reply->readAll(), image, limits,
                        finish = finisher()](const ImageDecoder::Deliver &deliver) mutable {
                           DecodeOutcome outcome;
                           outcome.image = image;
                           outcome.what = ImageDecoder::decodeImage(std::move(bytes), limits,
                                                                    &outcome.image, &outcome.error)
                               ? DecodeOutcome::What::FinalImage
                               : DecodeOutcome::What::Error;
                           finish(outcome, nullptr);
                           deliver(std::move(outcome));
                       });
    });
}

void ImageJob::retryOrFail(ApiError error, std::optional<int> serverDelayMs)
{
    const RetryPolicy &policy = m_client->options().retry;
    const int retry = m_attempt; // the retry this would be: 1 after the first attempt
    if (!error.retryable || m_streamStarted || m_ending || retry > policy.maxRetries) {
        fail(error);
        return;
    }
    const int delay = serverDelayMs.value_or(
        policy.backoffMs(retry, QRandomGenerator::global()->generateDouble()));
    setState(State::WaitingToRetry);
    Q_EMIT retrying(retry, delay, error);
    m_retryTimer.start(delay);
}

void ImageJob::fail(const ApiError &error)
{
    if (m_ending) {
        finishIfIdle();
        return;
    }
    m_ending = true;
    m_error = error;
    m_retryTimer.stop();
    if (m_reply)
        abortReply(error.kind, error.message);
    for (const QPointer<QNetworkReply> &download : std::as_const(m_downloads)) {
        if (download)
            download->abort();
    }
    finishIfIdle();
}

void ImageJob::cancel()
{
    if (isDone() || m_ending)
        return;
    ApiError error = ApiError::make(ApiError::Kind::Cancelled,
                                    tr("Cancelled; the images already received are kept."));
    error.requestId = m_requestId;
    m_ending = true;
    m_error = error;
    m_retryTimer.stop();
    m_watchdog.stop();
    if (m_reply)
        abortReply(ApiError::Kind::Cancelled, error.message);
    for (const QPointer<QNetworkReply> &download : std::as_const(m_downloads)) {
        if (download)
            download->abort();
    }
    finishIfIdle();
}

void ImageJob::finishIfIdle()
{
    if (isDone() || m_pendingDecodes > 0 || !m_replyDone || !m_downloads.isEmpty())
        return;
    if (m_retryTimer.isActive())
        return;
    if (!m_ending && !m_sawCompleted) {
        // The stream closed cleanly but the final image never came.
        ApiError error = ApiError::make(
            ApiError::Kind::InvalidResponse,
            tr("The stream ended before the final image arrived; the %1 partial image(s) "
               "received are kept.")
                .arg(m_partialCount));
        error.requestId = m_requestId;
        m_ending = true;
        m_error = error;
    }
    if (m_ending) {
        setState(m_error.kind == ApiError::Kind::Cancelled ? State::Cancelled : State::Failed);
        Q_EMIT failed(m_error);
    } else {
        setState(State::Succeeded);
        Q_EMIT succeeded();
    }
    Q_EMIT finished();
}

} // namespace Atelier
