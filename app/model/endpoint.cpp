#include "endpoint.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Atelier {

QString endpointName(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Generations:
        return u"generations"_s;
    case Endpoint::Edits:
        return u"edits"_s;
    case Endpoint::Variations:
        return u"variations"_s;
    }
    return {};
}

std::optional<Endpoint> endpointFromName(QStringView name)
{
    for (Endpoint endpoint : allEndpoints) {
        if (name == endpointName(endpoint))
            return endpoint;
    }
    return std::nullopt;
}

QString endpointPath(Endpoint endpoint)
{
    return u"images/"_s + endpointName(endpoint);
}

QString endpointVerb(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Generations:
        return QCoreApplication::translate("Atelier::Endpoint", "generate images");
    case Endpoint::Edits:
        return QCoreApplication::translate("Atelier::Endpoint", "edit images");
    case Endpoint::Variations:
        return QCoreApplication::translate("Atelier::Endpoint", "make variations");
    }
    return {};
}

} // namespace Atelier
