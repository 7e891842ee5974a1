#include "refinejob.h"

#include "base64.h"
#include "httpattempt.h"
#include "imagedecoder.h"
#include "replyclassifier.h"
#include "requestbuilder.h"
#include "responseparser.h"
#include "responsesrequestbuilder.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Atelier {

RefineJob::RefineJob(QNetworkAccessManager *network, const ProviderProfile &profile, QString apiKey,
                     const ClientOptions &options, RefineRequest request, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_profile(profile)
    , m_apiKey(std::move(apiKey))
    , m_options(options)
    , m_request(std::move(request))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RefineJob::sendAttempt);
}

RefineJob::~RefineJob()
{
    delete m_attempt.data(); // its reply goes before the parts of the job it reports to
}

RefineJob::Failure RefineJob::classify(const ApiError &error, bool continuing)
{
    if (error.kind != ApiError::Kind::Api)
        return Failure::Other;
    if (error.code == u"moderation_blocked" || error.code == u"content_policy_violation"
        || error.type == u"refusal")
        return Failure::Refused;
    if (continuing
        && (error.param == u"previous_response_id" || error.code == u"previous_response_not_found"
            || error.message.contains(u"previous response"_s, Qt::CaseInsensitive)))
        return Failure::ConversationGone;
    if (error.httpStatus == 404 && error.code != u"model_not_found")
        return Failure::NoResponsesApi;
    return Failure::Other;
}

void RefineJob::start()
{
    if (m_apiKey.isEmpty()) {
        fail(ApiError::make(ApiError::Kind::NoApiKey,
                            tr("No API key is set. Set %1 in the environment, or store a key in "
                               "the keychain (atelier-cli key set).")
                                .arg(m_profile.apiKeyVariable())));
        finish();
        return;
    }
    if (const QString problem = m_profile.problem(); !problem.isEmpty()) {
        fail(ApiError::make(ApiError::Kind::InvalidRequest, problem));
        finish();
        return;
    }
    sendAttempt();
}

void RefineJob::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    m_retryTimer.stop();
    if (m_attempt && !m_attempt->isDone()) {
        m_attempt->abort(ApiError::Kind::Cancelled, tr("cancelled"));
        return; // finished() of the attempt ends the job
    }
    fail(ApiError::make(ApiError::Kind::Cancelled, tr("cancelled")));
    finish();
}

void RefineJob::sendAttempt()
{
    if (m_attempt)
        m_attempt->deleteLater();
    m_sse = SseParser();
    m_retry.beginAttempt();
    const Result<HttpRequestSpec> spec
        = ResponsesRequestBuilder::build(m_request, m_profile, m_apiKey);
    if (!spec) {
        fail(ApiError::make(ApiError::Kind::InvalidRequest, spec.error()));
        finish();
        return;
    }
    m_attempt = new HttpAttempt(m_network, &m_options, this);
    m_attempt->setStreamReader({[this](qsizetype count) { return m_sse.prepareAppend(count); },
                                [this](qint64 read) {
                                    const QList<SseEvent> events
                                        = m_sse.commitAppend(qsizetype(std::max<qint64>(read, 0)));
                                    for (const SseEvent &event : events)
                                        handle(ResponsesParser::parseEvent(event));
                                    if (m_sse.pendingBytes() > m_options.maxEventBytes)
                                        m_attempt->abort(
                                            ApiError::Kind::TooLarge,
                                            tr("a streamed event is larger than %1 MB")
                                                .arg(m_options.maxEventBytes / (1024 * 1024)));
                                }});
    connect(m_attempt, &HttpAttempt::finished, this, &RefineJob::onAttemptFinished);
    if (const Status sent = m_attempt->send(*spec); !sent) {
        fail(ApiError::make(ApiError::Kind::InvalidRequest, sent.error()));
        finish();
    }
}

void RefineJob::onAttemptFinished()
{
    if (m_attempt->streamStarted())
        m_retry.markStreamStarted();
    if (m_requestId.isEmpty())
        m_requestId = m_attempt->requestId();
    ReplyFacts facts = m_attempt->takeFacts();
    facts.requestId = m_requestId;
    facts.streamStarted = m_retry.streamStarted();
    facts.imagesReceived = m_partials + m_images;
    const ReplyVerdict verdict = ReplyClassifier::classify(facts);
    if (m_cancelled) {
        fail(ApiError::make(ApiError::Kind::Cancelled, tr("cancelled")));
        finish();
        return;
    }
    if (verdict.kind == ReplyVerdict::Kind::Retryable && !m_error.isError()) {
        const double jitter = QRandomGenerator::global()->generateDouble();
        if (const std::optional<RetrySchedule::Retry> retry
            = m_retry.retryAfter(verdict.error, verdict.serverDelayMs, m_options.retry, jitter)) {
            Q_EMIT retrying(retry->number, retry->delayMs, verdict.error);
            m_retryTimer.start(retry->delayMs);
            return;
        }
    }
    if (verdict.kind != ReplyVerdict::Kind::Success) {
        fail(verdict.error);
        finish();
        return;
    }
    if (m_attempt->isStreaming()) {
        for (const SseEvent &event : m_sse.finish())
            handle(ResponsesParser::parseEvent(event));
        if (!m_error.isError() && !m_sawCompleted)
            fail(ApiError::make(ApiError::Kind::InvalidResponse,
                                tr("the stream ended before the response was completed")));
    } else {
        ResponsesTurn turn = ResponsesParser::parseResponse(std::move(facts.body));
        if (turn.error.kind == ApiError::Kind::InvalidResponse)
            fail(turn.error);
        else
            handleTurn(turn);
    }
    finish();
}

void RefineJob::handle(const ResponsesEvent &event)
{
    if (m_error.isError())
        return; // after an error, the rest of the stream is not used
    using Type = ResponsesEvent::Type;
    switch (event.type) {
    case Type::Created:
    case Type::InProgress:
        if (!event.turn.id.isEmpty() && m_responseId.isEmpty()) {
            m_responseId = event.turn.id;
            Q_EMIT responseIdKnown(m_responseId);
        }
        return;
    case Type::PartialImage:
        deliverImage(event.image, true);
        return;
    case Type::ImageDone:
        deliverImage(event.image, false);
        return;
    case Type::Completed:
        m_sawCompleted = true;
        handleTurn(event.turn);
        return;
    case Type::Error:
        fail(event.error);
        return;
    case Type::ImageCallInProgress:
    case Type::ImageCallGenerating:
    case Type::ImageCallCompleted:
    case Type::Other:
        return;
    }
}

void RefineJob::handleTurn(const ResponsesTurn &turn)
{
    if (!turn.id.isEmpty() && turn.id != m_responseId) {
        m_responseId = turn.id;
        Q_EMIT responseIdKnown(m_responseId);
    }
    if (turn.usage.isValid()) {
        m_usage = turn.usage;
        Q_EMIT usageReported(m_usage);
    }
    if (turn.error.isError()) {
        fail(turn.error);
        return;
    }
    // A streamed turn's final image came with output_item.done; the completed response repeats
    // it, and is used only when that event never came.
    if (m_images == 0) {
        for (const ResponsesImage &image : turn.images) {
            if (!deliverImage(image, false))
                return;
        }
    }
    if (m_images > 0)
        return;
    if (!turn.refusal.isEmpty()) {
        ApiError refused = ApiError::make(ApiError::Kind::Api, turn.refusal);
        refused.type = u"refusal"_s;
        fail(refused);
        return;
    }
    fail(ApiError::make(ApiError::Kind::InvalidResponse,
                        turn.status == u"completed" || turn.status.isEmpty()
                            ? tr("the response has no image (the model did not call the image "
                                 "tool)")
                            : tr("the response ended %1 without an image").arg(turn.status)));
}

bool RefineJob::deliverImage(const ResponsesImage &answer, bool partial)
{
    QByteArray bytes = answer.base64;
    if (!decodeBase64InPlace(bytes)) {
        fail(ApiError::make(ApiError::Kind::Decode, tr("the image is not valid base64")));
        return false;
    }
    ImageResult image;
    image.partial = partial;
    image.index = partial ? answer.partialIndex : m_images;
    image.imageIndex = m_images;
    image.revisedPrompt = answer.revisedPrompt;
    image.echoedSize = answer.size;
    image.echoedQuality = answer.quality;
    image.echoedBackground = answer.background;
    image.echoedOutputFormat = answer.outputFormat;
    image.requestId = m_requestId;
    ApiError error;
    if (!ImageDecoder::decodeImage(std::move(bytes), m_options.decode, &image, &error)) {
        fail(error);
        return false;
    }
    if (partial) {
        ++m_partials;
        Q_EMIT partialImage(image);
    } else {
        ++m_images;
        Q_EMIT imageReady(image);
    }
    return true;
}

void RefineJob::fail(ApiError error)
{
    if (m_error.isError())
        return;
    if (error.requestId.isEmpty())
        error.requestId = m_requestId;
    m_error = error;
    Q_EMIT failed(m_error);
}

void RefineJob::finish()
{
    if (m_done)
        return;
    m_done = true;
    if (!m_error.isError())
        Q_EMIT succeeded();
    Q_EMIT finished();
}

} // namespace Atelier
