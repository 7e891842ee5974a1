#include "modelspec.h"

namespace Atelier {

const ParameterRule *EndpointRules::rule(const QString &parameter) const
{
    const auto it = m_rules.constFind(parameter);
    return it == m_rules.cend() ? nullptr : &it.value();
}

const EndpointRules *ModelSpec::rulesFor(Endpoint endpoint) const
{
    const auto it = endpoints.constFind(endpoint);
    return it == endpoints.cend() ? nullptr : &it.value();
}

qint64 ModelSpec::daysUntilShutdown(const QDate &today) const
{
    if (!shutdownDate.isValid() || shutdownDate <= today)
        return -1;
    return today.daysTo(shutdownDate);
}

} // namespace Atelier
