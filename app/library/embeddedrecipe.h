#pragma once

#include <QByteArray>
#include <QString>

namespace Atelier::EmbeddedRecipe {

// The file bytes with the recipe inside, without decoding or re-encoding the image: a PNG gets
// iTXt chunks (the recipe under Exporter::RecipeKey, the prompt as Description) after its
// header, JPEG, WebP, GIF and SVG the XMP packet the exporter writes. Returns `file` unchanged
// when it is not a file of `format` that can carry it.
QByteArray embed(const QByteArray &file, const QString &format, const QString &prompt,
                 const QByteArray &recipeJson);

// A PNG with an iTXt chunk (UTF-8 text, uncompressed) inserted after IHDR; empty when `png`
// is not a PNG.
QByteArray withPngText(const QByteArray &png, const QByteArray &keyword, const QString &text);

} // namespace Atelier::EmbeddedRecipe
