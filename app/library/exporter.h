#pragma once

#include "libraryimage.h"
#include "platform/result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Atelier {

struct ExportOptions
{
    QString folder;
    // png, jpeg, webp; "original": the file as it was made (a GIF keeps its animation, an SVG its
    // vectors), the recipe embedded where the format has a place for it
    QString format = QStringLiteral("png");
    int quality = 90; // jpeg and webp
    // {date} {time} {model} {prompt} {prompt:N} {size} {id}
    QString nameTemplate = QStringLiteral("{date}-{model}-{prompt:40}");
};

// Writes library images out for sharing, with their recipe embedded in the file (a PNG text
// chunk; in JPEG a comment and an XMP packet; in WebP an XMP chunk) so that Atelier can restore
// it later, and photo tools show the prompt. The recipe holds no secret.
class Exporter final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::Exporter)

public:
    // No colon: Qt splits text keys at one.
    static constexpr const char *RecipeKey = "AtelierRecipe";

    // The file name the template gives, without folder or extension; safe on every file system.
    static QString fileName(const LibraryImage &image, const QString &nameTemplate);
    // Exports one image; returns the path written (never overwriting), or why not.
    static Result<QString> exportImage(const LibraryImage &image, const ExportOptions &options);
    // exportImage() for "original": GIF and SVG as their own bytes, the rest as their format.
    static Result<QString> exportOriginal(const LibraryImage &image, const ExportOptions &options);
    // Where an export goes: the folder (made if need be), the template's name, a free copy
    // number; else why not (the folder cannot be made).
    static Result<QString> exportPath(const LibraryImage &image, const ExportOptions &options,
                                      const QString &extension);
    // The recipe embedded in an image file, when it carries one.
    static std::optional<ImageRequest> readRecipe(const QString &path);
};

} // namespace Atelier
