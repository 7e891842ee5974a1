#include "endpoint.h"

#include <QCoreApplication>

#include <iterator>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// In the order of Endpoint.
constexpr QStringView names[] = {u"generations", u"edits", u"variations"};
constexpr const char *verbs[] = {QT_TRANSLATE_NOOP("Atelier::Endpoint", "generate images"),
                                 QT_TRANSLATE_NOOP("Atelier::Endpoint", "edit images"),
                                 QT_TRANSLATE_NOOP("Atelier::Endpoint", "make variations")};
static_assert(std::size(names) == std::size(allEndpoints)
              && std::size(verbs) == std::size(allEndpoints));

} // namespace

QString endpointName(Endpoint endpoint)
{
    const auto index = std::size_t(endpoint);
    return index < std::size(names) ? names[index].toString() : QString();
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
    const auto index = std::size_t(endpoint);
    return index < std::size(verbs) ? QCoreApplication::translate("Atelier::Endpoint", verbs[index])
                                    : QString();
}

} // namespace Atelier
