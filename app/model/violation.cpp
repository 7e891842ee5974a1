#include "violation.h"

#include <algorithm>

namespace Atelier {

bool hasErrors(const QList<Violation> &violations)
{
    return std::any_of(violations.cbegin(), violations.cend(),
                       [](const Violation &violation) { return violation.isError(); });
}

} // namespace Atelier
