#include "replyclassifier.h"

#include "responseparser.h"
#include "retrypolicy.h"

#include <QCoreApplication>

namespace Atelier {

namespace {

ReplyVerdict verdict(ApiError error, std::optional<int> serverDelayMs = std::nullopt)
{
    ReplyVerdict result;
    result.kind = error.retryable ? ReplyVerdict::Kind::Retryable : ReplyVerdict::Kind::Failed;
    result.error = std::move(error);
    result.serverDelayMs = serverDelayMs;
    return result;
}

} // namespace

bool ReplyClassifier::isEventStream(int httpStatus, const QByteArray &contentType)
{
    return httpStatus >= 200 && httpStatus < 300
        && contentType.trimmed().toLower().startsWith("text/event-stream");
}

// The messages keep the translation context of ImageJob, whose failures they describe.
ReplyVerdict ReplyClassifier::classify(const ReplyFacts &facts, const QDateTime &now)
{
    const int status = facts.httpStatus;
    if (facts.abortReason != ApiError::Kind::None) {
        ApiError error = ApiError::make(facts.abortReason, facts.abortMessage);
        error.requestId = facts.requestId;
        error.retryable = facts.abortReason == ApiError::Kind::Timeout;
        return verdict(std::move(error));
    }
    if (status >= 300 && status < 400) {
        const QString location = QString::fromLatin1(facts.location);
        ApiError error = ApiError::make(
            ApiError::Kind::Redirect,
            QCoreApplication::translate(
                "Atelier::ImageJob",
                "The server redirected the request to %1. Atelier follows redirects only to the "
                "same host, so the API key never goes elsewhere; use the final address as the "
                "base URL.")
                .arg(location.isEmpty()
                         ? QCoreApplication::translate("Atelier::ImageJob", "another address")
                         : location));
        error.httpStatus = status;
        error.requestId = facts.requestId;
        return verdict(std::move(error));
    }
    if (status >= 400) {
        ApiError error = ResponseParser::parseErrorBody(status, facts.body, facts.requestId);
        error.retryable = facts.shouldRetry == "true"
            || (facts.shouldRetry != "false" && RetryPolicy::isRetryableStatus(status));
        return verdict(std::move(error),
                       RetryPolicy::serverDelayMs(facts.retryAfterMs, facts.retryAfter, now));
    }
    if (facts.networkError != QNetworkReply::NoError || status == 0) {
        const bool redirect = facts.networkError == QNetworkReply::InsecureRedirectError
            || facts.networkError == QNetworkReply::TooManyRedirectsError;
        ApiError error = ApiError::make(
            redirect ? ApiError::Kind::Redirect : ApiError::Kind::Network, facts.networkErrorText);
        if (facts.streamStarted) {
            error.message = QCoreApplication::translate(
                                "Atelier::ImageJob",
                                "the connection broke during the stream (%1); the %2 image(s) "
                                "already received are kept")
                                .arg(facts.networkErrorText)
                                .arg(facts.imagesReceived);
        }
        error.requestId = facts.requestId;
        error.retryable = !redirect && RetryPolicy::isRetryableNetworkError(facts.networkError);
        return verdict(std::move(error));
    }
    return {};
}

} // namespace Atelier
