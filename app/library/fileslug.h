#pragma once

#include <QString>

namespace Atelier {

// The text as valid Unicode: a lone surrogate (half of a UTF-16 pair) becomes U+FFFD. Regular
// expressions give up on invalid text and leave it unchanged, so every file name made from text
// goes through this first.
QString validUnicode(const QString &text);

// A file name (no folder) from any text: folder separators, "..", control characters and those
// file systems refuse become "-", no leading dot, at most `length` characters; empty when
// nothing is left. The one place names are made from text a user or a recipe gave.
QString safeFileName(const QString &text, int length = 200);

// "A Fox / in Snow!" -> "a-fox-in-snow": lower case, runs of anything but letters and digits
// as one dash, at most `length` characters, no dash at either end; empty when nothing is left.
QString fileSlug(const QString &text, int length);

// The file name extension for an image format as the API names it: "jpeg" -> "jpg", "" -> "png"
// (the API's default), otherwise the format itself ("png", "webp").
QString imageFileSuffix(const QString &format);

} // namespace Atelier
