#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Atelier {

// The three Images API operations.
enum class Endpoint { Generations, Edits, Variations };

// "generations", "edits", "variations": the name used in the catalog and on the command line.
QString endpointName(Endpoint endpoint);
std::optional<Endpoint> endpointFromName(QStringView name);
// Path below the provider's base URL, e.g. "images/edits".
QString endpointPath(Endpoint endpoint);
// "generate", "edit", "vary": the verb a person reads in a message.
QString endpointVerb(Endpoint endpoint);
// Every endpoint, in display order.
constexpr Endpoint allEndpoints[] = {Endpoint::Generations, Endpoint::Edits, Endpoint::Variations};

} // namespace Atelier
