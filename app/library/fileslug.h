#pragma once

#include <QString>

namespace Atelier {

// "A Fox / in Snow!" -> "a-fox-in-snow": lower case, runs of anything but letters and digits
// as one dash, at most `length` characters, no dash at either end; empty when nothing is left.
QString fileSlug(const QString &text, int length);

// The file name extension for an image format as the API names it: "jpeg" -> "jpg", "" -> "png"
// (the API's default), otherwise the format itself ("png", "webp").
QString imageFileSuffix(const QString &format);

} // namespace Atelier
