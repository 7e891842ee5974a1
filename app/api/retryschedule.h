#pragma once

#include "model/apierror.h"
#include "retrypolicy.h"

#include <optional>

namespace Atelier {

// The retry state of one request: how many attempts were made, and whether one may still be
// made. A failed attempt is retried only when its error is retryable, the policy has retries
// left and nothing of the answer has arrived: once a stream has begun, the images in it are
// paid for, and sending the request again would pay for them twice. Pure state: the caller
// owns the timer and says what the jitter is.
class RetrySchedule final
{
public:
    struct Retry
    {
        int number = 0; // 1: the first retry
        int delayMs = 0;
    };

    // A send begins (the first, or a retry when its delay is over).
    void beginAttempt() { ++m_attempts; }
    int attempts() const { return m_attempts; }

    // The answer has begun to arrive: from now on the request is never sent again.
    void markStreamStarted() { m_streamStarted = true; }
    bool streamStarted() const { return m_streamStarted; }

    // After a failed attempt: the retry to make, or nothing when `error` is final. The server's
    // delay wins over the policy's backoff; `jitter` in [0, 1) (see RetryPolicy::backoffMs).
    std::optional<Retry> retryAfter(const ApiError &error, std::optional<int> serverDelayMs,
                                    const RetryPolicy &policy, double jitter) const;

private:
    int m_attempts = 0;
    bool m_streamStarted = false;
};

} // namespace Atelier
