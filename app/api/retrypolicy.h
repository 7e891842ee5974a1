#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QNetworkReply>

#include <optional>

namespace Atelier {

// When and how long to wait before trying a failed request again: exponential backoff with
// jitter, like the official SDKs, unless the server says how long (retry-after-ms, Retry-After).
struct RetryPolicy
{
    int maxRetries = 2;
    int initialDelayMs = 500;
    int maxDelayMs = 8000;

    static bool isRetryableStatus(int httpStatus);
    static bool isRetryableNetworkError(QNetworkReply::NetworkError error);
    // The server's requested delay, when it gave a sensible one (0 < delay <= 60 s).
    static std::optional<int> serverDelayMs(const QByteArray &retryAfterMs,
                                            const QByteArray &retryAfter,
                                            const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Delay before retry number `retry` (1 = first retry); `jitter` in [0, 1) shortens it by up
    // to a quarter so clients that failed together do not retry together.
    int backoffMs(int retry, double jitter) const;
};

} // namespace Atelier
