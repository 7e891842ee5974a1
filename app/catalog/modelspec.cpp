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

} // namespace Atelier
