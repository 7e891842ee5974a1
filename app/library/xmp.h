#pragma once

#include <QByteArray>
#include <QString>

namespace Atelier::Xmp {

// An XMP packet (what photo tools read): the prompt as dc:description, Atelier as the creator
// tool, and the recipe JSON as atelier:recipe.
QByteArray packet(const QString &prompt, const QByteArray &recipeJson, const QString &creatorTool);

// Puts the packet into an encoded JPEG (an APP1 segment after SOI/JFIF) or WebP (the "XMP "
// chunk, replacing one already there; a simple VP8/VP8L file becomes the extended VP8X layout,
// alpha kept). Returns the new file bytes, or empty when the bytes are not a file of that kind
// or the packet does not fit the format.
QByteArray embedInJpeg(const QByteArray &jpeg, const QByteArray &packet);
QByteArray embedInWebp(const QByteArray &webp, const QByteArray &packet);
// GIF: the XMP application extension ("XMP DataXMP", with its magic trailer) after the global
// colour table. SVG: a <metadata> element first in the root <svg> element.
QByteArray embedInGif(const QByteArray &gif, const QByteArray &packet);
QByteArray embedInSvg(const QByteArray &svg, const QByteArray &packet);

// The atelier:recipe JSON of the XMP packet in a file's bytes, or empty.
QByteArray recipeFrom(const QByteArray &fileBytes);

} // namespace Atelier::Xmp
