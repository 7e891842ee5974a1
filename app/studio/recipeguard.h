#pragma once

#include "model/imagerequest.h"

#include <QCoreApplication>
#include <QStringList>

namespace Atelier {

class Catalog;

// A recipe is data from a file (an image's embedded recipe, the library's journal): it may have
// been written by anyone. Before one is restored into the studio or sent again, its input files
// are checked against the library's inputs folder (a recipe naming ~/.ssh/id_rsa as a reference
// image would otherwise upload it), and its texts are cut to what the model takes (a 40 MB
// prompt froze the window in the prompt editor).
class RecipeGuard final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::RecipeGuard)

public:
    // Texts of models the catalog gives no limit for are cut here.
    static constexpr int MaxTextLength = 32000;
    static constexpr int MaxModelNameLength = 256;
    static constexpr int MaxParameterNameLength = 64;

    // The recipe's input files (images, mask, markup) that are not inside `inputsFolder`, links
    // resolved; in the recipe's order, each once.
    static QStringList filesOutside(const ImageRequest &recipe, const QString &inputsFolder);
    // The recipe without those files.
    static ImageRequest withoutFilesOutside(const ImageRequest &recipe,
                                            const QString &inputsFolder);

    // The recipe with its prompt and text values cut to the model's limits (the catalog's
    // maxLength, else MaxTextLength). `shortened` gets a phrase per text that was cut.
    static ImageRequest capped(const ImageRequest &recipe, const Catalog &catalog,
                               QStringList *shortened);

private:
    static bool isInside(const QString &folder, const QString &path);
};

} // namespace Atelier
