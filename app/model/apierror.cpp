#include "apierror.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Atelier {

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return u"none"_s;
    case Kind::InvalidRequest:
        return u"invalid_request"_s;
    case Kind::NoApiKey:
        return u"no_api_key"_s;
    case Kind::Api:
        return u"api_error"_s;
    case Kind::Network:
        return u"network_error"_s;
    case Kind::Timeout:
        return u"timeout"_s;
    case Kind::Cancelled:
        return u"cancelled"_s;
    case Kind::InvalidResponse:
        return u"invalid_response"_s;
    case Kind::TooLarge:
        return u"response_too_large"_s;
    case Kind::Decode:
        return u"undecodable_image"_s;
    case Kind::Redirect:
        return u"redirect_refused"_s;
    }
    return {};
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
