#pragma once

#include <QBrush>

namespace Atelier {

// The brush painted under transparent pixels, so that transparency shows.
QBrush checkerboard();

} // namespace Atelier
