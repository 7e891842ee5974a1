#pragma once

#include <QIcon>

namespace Atelier {

// The icon theme's io.github.atelier_studio.Atelier where one is installed (a theme may
// restyle it), else the SVG compiled into the program, drawn at the usual sizes.
QIcon applicationIcon();

} // namespace Atelier
