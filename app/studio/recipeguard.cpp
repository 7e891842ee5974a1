#include "recipeguard.h"

#include "catalog/catalog.h"
#include "model/parameters.h"
#include "platform/safefiles.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Atelier {

bool RecipeGuard::isInside(const QString &folder, const QString &path)
{
    if (folder.isEmpty() || path.isEmpty() || !SafeFiles::isInside(folder, path))
        return false;
    // What is read is what a link names: that must be inside too (the folder itself may be a
    // link, as the library folder may).
    const QFileInfo file(path);
    if (!file.exists())
        return true; // nothing there to read
    const QString canonicalFolder = QFileInfo(folder).canonicalFilePath();
    return !canonicalFolder.isEmpty()
        && SafeFiles::isInside(canonicalFolder, file.canonicalFilePath());
}

QStringList RecipeGuard::filesOutside(const ImageRequest &recipe, const QString &inputsFolder)
{
    QStringList outside;
    QStringList files = recipe.images;
    files << recipe.mask << recipe.markup;
    for (const QString &file : std::as_const(files)) {
        if (!file.isEmpty() && !outside.contains(file) && !isInside(inputsFolder, file))
            outside.append(file);
    }
    return outside;
}

ImageRequest RecipeGuard::withoutFilesOutside(const ImageRequest &recipe,
                                              const QString &inputsFolder)
{
    ImageRequest kept = recipe;
    kept.images.clear();
    for (const QString &image : recipe.images) {
        if (isInside(inputsFolder, image))
            kept.images.append(image);
    }
    if (!isInside(inputsFolder, kept.mask))
        kept.mask.clear();
    if (!isInside(inputsFolder, kept.markup))
        kept.markup.clear();
    return kept;
}

ImageRequest RecipeGuard::capped(const ImageRequest &recipe, const Catalog &catalog,
                                 QStringList *shortened)
{
    ImageRequest capped = recipe;
    if (capped.model.size() > MaxModelNameLength) {
        capped.model.truncate(MaxModelNameLength);
        if (shortened)
            shortened->append(tr("the model's name (to %1 characters)").arg(MaxModelNameLength));
    }
    const auto limitOf = [&](const QString &parameter) {
        const std::optional<ParameterRule> rule
            = catalog.allowed(capped.model, capped.endpoint, parameter);
        return rule && rule->maxLength > 0 ? std::min(rule->maxLength, MaxTextLength)
                                           : MaxTextLength;
    };
    if (const int limit = limitOf(Param::Prompt); capped.prompt.size() > limit) {
        capped.prompt.truncate(limit);
        if (shortened)
            shortened->append(tr("the prompt (to %1 characters)").arg(limit));
    }
    for (auto it = capped.options.begin(); it != capped.options.end();) {
        if (it.key().size() > MaxParameterNameLength) {
            // No parameter has such a name: dropped, not shown.
            it = capped.options.erase(it);
            if (shortened)
                shortened->append(tr("a parameter with a name no model takes (left out)"));
            continue;
        }
        if (!it.value().isString()) {
            ++it;
            continue;
        }
        const int limit = limitOf(it.key());
        if (it.value().toString().size() > limit) {
            it.value() = it.value().toString().left(limit);
            if (shortened)
                shortened->append(tr("%1 (to %2 characters)").arg(it.key()).arg(limit));
        }
        ++it;
    }
    return capped;
}

} // namespace Atelier
