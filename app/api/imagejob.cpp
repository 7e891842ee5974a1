#include "imagejob.h"

#include "httpattempt.h"
#include "imagedownload.h"
#include "replyclassifier.h"
#include "requestbuilder.h"
#include "streamingest.h"

#include <QNetworkAccessManager>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// Where the image was kept, or why not, as the image tells it.
void noteKept(ImageResult &image, const Result<ImageJob::Kept> &kept)
{
    if (kept) {
        image.savedPath = kept->path;
        image.saveError = kept->note;
    } else {
        image.saveError = kept.error();
    }
}

// Keeps what decoded, on the decode thread: captures the persister by shared pointer, since a
// task may outlive the job that posted it.
StreamIngest::Keep keeper(std::shared_ptr<const ImageJob::Persister> persister, QString requestId)
{
    return [persister = std::move(persister),
            requestId = std::move(requestId)](DecodeOutcome &outcome, const SinkTransfer *sunk) {
        if (outcome.what != DecodeOutcome::What::PartialImage
            && outcome.what != DecodeOutcome::What::FinalImage)
            return;
        ImageResult &image = outcome.image;
        image.requestId = requestId;
        // Kept on disk: by the stream sink that took its bytes as they came, else the persister.
        // A sink that failed while writing (its file is gone) leaves the persister to keep the
        // bytes, if they were gathered too.
        if (sunk && sunk->writer)
            noteKept(image, sunk->writer->commit(image));
        else if (sunk && (!persister || image.encoded.isEmpty()))
            image.saveError = !sunk->error.isEmpty()
                ? sunk->error
                : QCoreApplication::translate("Atelier::ImageJob", "The image could not be saved.");
        else if (persister)
            noteKept(image, (*persister)(image));
    };
}

} // namespace

ImageJob::ImageJob(ImagesClient *client, quint64 id, const ImageRequest &request)
    : QObject(client)
    , m_client(client)
    , m_id(id)
    , m_request(request)
    , m_network(client->networkAccessManager())
{
    m_clock.start();
    m_ingest = std::make_unique<StreamIngest>(
        &client->options(),
        [this](StreamIngest::Work work, bool delivers) { post(std::move(work), delivers); },
        [this] { return keeper(m_persister, m_requestId); });
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ImageJob::sendAttempt);
}

ImageJob::~ImageJob()
{
    m_client->forget(m_id);
    // Their replies go now, before the parts of the job they report to.
    delete m_attempt.data();
    for (const QPointer<ImageDownload> &download : std::as_const(m_downloads))
        delete download.data();
}

void ImageJob::setPersister(Persister persister)
{
    m_persister = persister ? std::make_shared<const Persister>(std::move(persister)) : nullptr;
}

qint64 ImageJob::bytesReceived() const
{
    return m_attempt ? m_attempt->bytesReceived() : 0;
}

bool ImageJob::isStreaming() const
{
    return m_attempt && m_attempt->isStreaming();
}

bool ImageJob::isReplyDone() const
{
    return !m_attempt || m_attempt->isDone();
}

void ImageJob::post(std::function<void(const ImageDecoder::Deliver &)> work, bool delivers)
{
    if (delivers)
        ++m_pendingDecodes;
    m_client->post(m_id, std::move(work));
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

void ImageJob::sendAttempt()
{
    if (m_attempt)
        m_attempt->deleteLater(); // it has ended: a retry, or nothing was sent
    m_ingest->reset();
    m_retry.beginAttempt();
    setState(State::Sending);
    const HttpRequestSpec spec
        = RequestBuilder::build(m_request, m_client->provider(), m_client->m_apiKey);
    m_attempt = new HttpAttempt(m_network, &m_client->options(), this);
    m_attempt->setStreamReader({[this](qsizetype count) { return m_ingest->prepareAppend(count); },
                                [this](qint64 read) {
                                    if (const Status within = m_ingest->commitAppend(read); !within)
                                        m_attempt->abort(ApiError::Kind::TooLarge, within.error());
                                }});
    connect(m_attempt, &HttpAttempt::metaDataReceived, this, &ImageJob::onMetaData);
    connect(m_attempt, &HttpAttempt::finished, this, &ImageJob::onAttemptFinished);
    if (const Status sent = m_attempt->send(spec); !sent)
        fail(ApiError::make(ApiError::Kind::InvalidRequest, sent.error()));
}

void ImageJob::onMetaData()
{
    if (!m_attempt->requestId().isEmpty())
        m_requestId = m_attempt->requestId();
    // Streamed images are taken as they arrive: decoded on the way, and/or kept by the stream
    // sink.
    const ClientOptions &options = m_client->options();
    if (m_attempt->isStreaming()
        && (options.decode.decodePixels ? options.decodeWhileReceiving : m_streamSink != nullptr))
        m_ingest->takeImagesAsTheyArrive(m_streamSink);
    const int status = m_attempt->httpStatus();
    if (status >= 200 && status < 300)
        setState(State::Receiving);
}

void ImageJob::onAttemptFinished()
{
    // An image still arriving when the reply ended never will: its sink file goes.
    m_ingest->dropArriving();
    if (m_attempt->streamStarted())
        m_retry.markStreamStarted();
    if (m_requestId.isEmpty())
        m_requestId = m_attempt->requestId();
    ReplyFacts facts = m_attempt->takeFacts();

    if (m_ending) {
        // Failed or cancelled while the reply ran: deliver what is pending, then finish.
        finishIfIdle();
        return;
    }
    facts.requestId = m_requestId;
    facts.streamStarted = m_retry.streamStarted();
    facts.imagesReceived = m_partialCount + m_imageCount;
    const ReplyVerdict verdict = ReplyClassifier::classify(facts);
    if (verdict.kind != ReplyVerdict::Kind::Success) {
        retryOrFail(verdict.error, verdict.serverDelayMs);
        return;
    }
    if (m_attempt->isStreaming()) {
        m_ingest->finish();
        finishIfIdle();
        return;
    }
    post([body = std::exchange(facts.body, {}), limits = m_client->options().decode,
          keep = keeper(m_persister, m_requestId)](const ImageDecoder::Deliver &deliver) mutable {
        ImageDecoder::decodeResponse(std::move(body), limits, [&](DecodeOutcome outcome) {
            keep(outcome, nullptr);
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
        if (isStreaming()) {
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
    // While the stream runs, a delivered image's bytes may go back to the parser's buffers.
    if (isStreaming() && !isReplyDone())
        m_ingest->recycle(std::move(bytes));
}

void ImageJob::startDownload(const ImageResult &image)
{
    if (m_ending)
        return;
    auto *download = new ImageDownload(m_network, image, m_client->provider().baseUrl, this);
    const ClientOptions &options = m_client->options();
    if (const Status started = download->start(options.idleTimeoutMs, options.maxResponseBytes);
        !started) {
        delete download;
        ApiError error = ApiError::make(ApiError::Kind::InvalidResponse, started.error());
        error.requestId = m_requestId;
        fail(error);
        return;
    }
    m_downloads.append(download);
    connect(download, &ImageDownload::finished, this,
            [this, download] { onDownloadFinished(download); });
}

void ImageJob::onDownloadFinished(ImageDownload *download)
{
    download->deleteLater();
    m_downloads.removeAll(download);
    if (download->error().isError()) {
        ApiError error = download->error();
        error.requestId = m_requestId;
        fail(error);
        finishIfIdle();
        return;
    }
    post([bytes = download->takeBytes(), image = download->image(),
          limits = m_client->options().decode,
          keep = keeper(m_persister, m_requestId)](const ImageDecoder::Deliver &deliver) mutable {
        DecodeOutcome outcome;
        outcome.image = image;
        outcome.what
            = ImageDecoder::decodeImage(std::move(bytes), limits, &outcome.image, &outcome.error)
            ? DecodeOutcome::What::FinalImage
            : DecodeOutcome::What::Error;
        keep(outcome, nullptr);
        deliver(std::move(outcome));
    });
}

void ImageJob::retryOrFail(const ApiError &error, std::optional<int> serverDelayMs)
{
    const double jitter = QRandomGenerator::global()->generateDouble();
    const std::optional<RetrySchedule::Retry> retry
        = m_retry.retryAfter(error, serverDelayMs, m_client->options().retry, jitter);
    if (!retry || m_ending) {
        fail(error);
        return;
    }
    setState(State::WaitingToRetry);
    Q_EMIT retrying(retry->number, retry->delayMs, error);
    m_retryTimer.start(retry->delayMs);
}

void ImageJob::stopTransfers(ApiError::Kind reason, const QString &message)
{
    m_retryTimer.stop();
    if (m_attempt && !m_attempt->isDone())
        m_attempt->abort(reason, message);
    for (const QPointer<ImageDownload> &download : std::as_const(m_downloads)) {
        if (download)
            download->abort();
    }
}

void ImageJob::fail(const ApiError &error)
{
    if (m_ending) {
        finishIfIdle();
        return;
    }
    m_ending = true;
    m_error = error;
    stopTransfers(error.kind, error.message);
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
    stopTransfers(ApiError::Kind::Cancelled, error.message);
    finishIfIdle();
}

void ImageJob::finishIfIdle()
{
    if (isDone() || m_pendingDecodes > 0 || !isReplyDone() || !m_downloads.isEmpty())
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
