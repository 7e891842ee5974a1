#include "retrypolicy.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Atelier {

bool RetryPolicy::isRetryableStatus(int httpStatus)
{
    return httpStatus == 408 || httpStatus == 409 || httpStatus == 429 || httpStatus >= 500;
}

bool RetryPolicy::isRetryableNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::HostNotFoundError:
        return true;
    default:
        return false;
    }
}

std::optional<int> RetryPolicy::serverDelayMs(const QByteArray &retryAfterMs,
                                              const QByteArray &retryAfter, const QDateTime &now)
{
    constexpr double limitMs = 60 * 1000;
    bool ok = false;
    const double milliseconds = retryAfterMs.trimmed().toDouble(&ok);
    if (ok && milliseconds > 0 && milliseconds <= limitMs)
        return int(std::lround(milliseconds));
    const double seconds = retryAfter.trimmed().toDouble(&ok);
    if (ok) {
        if (seconds > 0 && seconds * 1000 <= limitMs)
            return int(std::lround(seconds * 1000));
        return std::nullopt;
    }
    if (!retryAfter.isEmpty()) {
        // An HTTP date, e.g. "Wed, 21 Oct 2026 07:28:00 GMT".
        QString text = QString::fromLatin1(retryAfter.trimmed());
        if (text.endsWith(u" GMT"))
            text.chop(4);
        const QDateTime date = QLocale::c().toDateTime(text, u"ddd, dd MMM yyyy HH:mm:ss"_s);
        if (date.isValid()) {
            QDateTime utc = date;
            utc.setTimeSpec(Qt::UTC);
            const qint64 delta = now.msecsTo(utc);
            if (delta > 0 && delta <= limitMs)
                return int(delta);
        }
    }
    return std::nullopt;
}

int RetryPolicy::backoffMs(int retry, double jitter) const
{
    const double base
        = std::min<double>(maxDelayMs, initialDelayMs * std::pow(2.0, std::max(0, retry - 1)));
    return int(std::lround(base * (1.0 - 0.25 * std::clamp(jitter, 0.0, 1.0))));
}

} // namespace Atelier
