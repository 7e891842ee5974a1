#include "variationplan.h"

#include "catalog.h"
#include "model/parameters.h"

using namespace Qt::StringLiterals;

namespace Atelier {

QString VariationPlan::defaultPrompt()
{
    // Sent to the model, so not translated: the same recipe gives the same request everywhere.
    return u"Make a variation of this image: keep its subject, composition, colours and style, "
           "and change the details."_s;
}

ImageRequest VariationPlan::plan(const Catalog &catalog, const ImageRequest &variation,
                                 bool servedByOpenAI, bool modelChosen)
{
    ImageRequest request = variation;
    const bool chosenMakesOnlyVariations = modelChosen && !request.model.isEmpty()
        && catalog.spec(request.model).serves(Endpoint::Variations)
        && !catalog.spec(request.model).serves(Endpoint::Edits);
    if (!servedByOpenAI || chosenMakesOnlyVariations) {
        request.endpoint = Endpoint::Variations;
        request.prompt.clear();
        if (!modelChosen)
            request.model = catalog.defaultModel(Endpoint::Variations);
        return request;
    }
    request.endpoint = Endpoint::Edits;
    if (!modelChosen || request.model.isEmpty()
        || !catalog.spec(request.model).serves(Endpoint::Edits))
        request.model = catalog.defaultModel(Endpoint::Edits);
    if (request.prompt.trimmed().isEmpty())
        request.prompt = defaultPrompt();
    // What dall-e-2's variations took and GPT image edits do not.
    request.clearOption(Param::ResponseFormat);
    request.images = request.images.mid(0, 1);
    return request;
}

QString VariationPlan::explain(const ImageRequest &edit)
{
    return tr("OpenAI retired the variations endpoint, so this variation is sent as an edit with "
              "%1 and the prompt \"%2\".")
        .arg(edit.model, edit.prompt);
}

} // namespace Atelier
