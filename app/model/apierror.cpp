#include "apierror.h"

#include <QStringList>

#include <iterator>

using namespace Qt::StringLiterals;

namespace Atelier {

QString ApiError::kindName(Kind kind)
{
    // In the order of Kind.
    static constexpr QStringView names[] = {u"none",
                                            u"invalid_request",
                                            u"no_api_key",
                                            u"api_error",
                                            u"network_error",
                                            u"timeout",
                                            u"cancelled",
                                            u"invalid_response",
                                            u"response_too_large",
                                            u"undecodable_image",
                                            u"redirect_refused"};
    static_assert(std::size(names) == std::size_t(Kind::Redirect) + 1);
    const auto index = std::size_t(kind);
    return index < std::size(names) ? names[index].toString() : QString();
}

QString ApiError::toString() const
{
    QString text;
    switch (kind) {
    case Kind::Api:
        text = httpStatus > 0
            ? tr("The API refused the request (HTTP %1): %2").arg(httpStatus).arg(message)
            : tr("The API reported an error: %1").arg(message);
        break;
    case Kind::Network:
        text = tr("Network error: %1").arg(message);
        break;
    case Kind::Timeout:
        text = tr("Timed out: %1").arg(message);
        break;
    default:
        text = message;
        break;
    }
    QStringList details;
    if (!type.isEmpty())
        details.append(tr("type %1").arg(type));
    if (!code.isEmpty())
        details.append(tr("code %1").arg(code));
    if (!param.isEmpty())
        details.append(tr("parameter %1").arg(param));
    if (!requestId.isEmpty())
        details.append(tr("request id %1").arg(requestId));
    if (!details.isEmpty())
        text += u" ("_s + details.join(u", "_s) + u')';
    return text;
}

} // namespace Atelier
