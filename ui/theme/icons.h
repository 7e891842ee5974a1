#pragma once

#include <QIcon>

namespace Atelier::Icons {

// The studio's action icons: the desktop theme's icon where it has one, otherwise a bundled
// 24 px line icon (resources/icons/actions) drawn in the palette's text colour.
QIcon generate();
QIcon editMask();
QIcon markup();
QIcon vary();
// Refine in conversation: what to change, said in words.
QIcon refine();
QIcon reference();
QIcon favourite();
QIcon copy();
QIcon exportImage();
QIcon remove();
QIcon zoomFit();
QIcon zoom100();
// Before / after: the original beside the result.
QIcon compare();
QIcon cancel();
QIcon retry();
QIcon settings();

// The bundled icon alone (`name`: the file's base name in resources/icons/actions).
QIcon bundled(const QString &name);

} // namespace Atelier::Icons
