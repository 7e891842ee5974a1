#include "retryschedule.h"

namespace Atelier {

std::optional<RetrySchedule::Retry> RetrySchedule::retryAfter(const ApiError &error,
                                                              std::optional<int> serverDelayMs,
                                                              const RetryPolicy &policy,
                                                              double jitter) const
{
    const int retry = m_attempts; // the retry this would be: 1 after the first attempt
    if (!error.retryable || m_streamStarted || retry > policy.maxRetries)
        return std::nullopt;
    return Retry {retry, serverDelayMs.value_or(policy.backoffMs(retry, jitter))};
}

} // namespace Atelier
