#pragma once

#include "model/apierror.h"

#include <QByteArray>
#include <QDateTime>
#include <QNetworkReply>
#include <QString>

#include <optional>

namespace Atelier {

// What is known about one HTTP attempt once its reply has ended: its status, the headers that
// matter, the body (an error body, or the whole answer) and why the job stopped it, if it did.
// Plain data: no socket, no reply object.
struct ReplyFacts
{
    int httpStatus = 0; // 0: no HTTP answer at all
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;
    QByteArray location; // Location
    QByteArray shouldRetry; // x-should-retry
    QByteArray retryAfterMs; // retry-after-ms
    QByteArray retryAfter; // Retry-After
    QByteArray body;
    // The job stopped the reply itself (timeout, too large, cancelled): why, in words.
    ApiError::Kind abortReason = ApiError::Kind::None;
    QString abortMessage;
    // Of the job, not of the reply: the request id to quote, whether any of the stream had
    // arrived, and how many images (partial and final) it delivered.
    QString requestId;
    bool streamStarted = false;
    int imagesReceived = 0;
};

// How an attempt ended: the answer is there to be decoded, or an ApiError that is final or may
// be retried (after the server's Retry-After, when it gave one).
struct ReplyVerdict
{
    enum class Kind { Success, Failed, Retryable };
    Kind kind = Kind::Success;
    ApiError error;
    std::optional<int> serverDelayMs;
};

// Sorts ended replies into success, failure and retryable failure, by the same rules as the
// official SDKs (x-should-retry, retryable statuses and network errors). Pure: a function of
// its arguments, so that every case is a row of a table test.
class ReplyClassifier final
{
public:
    // Whether an answer with this status and Content-Type is a stream of server-sent events.
    static bool isEventStream(int httpStatus, const QByteArray &contentType);
    // `now`: the time a Retry-After date is measured from.
    static ReplyVerdict classify(const ReplyFacts &facts,
                                 const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace Atelier
