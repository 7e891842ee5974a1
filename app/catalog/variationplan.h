#pragma once

#include "model/imagerequest.h"

#include <QCoreApplication>

namespace Atelier {

class Catalog;

// OpenAI retired /images/variations; its SDK says to make a variation as an edit with a GPT
// image model and a prompt. This decides which way a variation goes: at OpenAI as such an edit,
// at a provider that still serves variations (an Azure deployment, a gateway) as before.
class VariationPlan final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::VariationPlan)

public:
    // The prompt a variation sent as an edit carries unless the user writes another.
    static QString defaultPrompt();

    // `variation` is what the user asked for (endpoint Variations, its image, n, size, maybe a
    // model and a prompt); `modelChosen` says whether the user named the model. At OpenAI, and
    // unless the user chose a model that only makes variations, the result is an edit with the
    // catalog's default edit model (or the chosen one) and the prompt; otherwise `variation`
    // itself, minus the prompt the endpoint does not take.
    static ImageRequest plan(const Catalog &catalog, const ImageRequest &variation,
                             bool servedByOpenAI, bool modelChosen);
    // One sentence for the user when plan() turned a variation into an edit.
    static QString explain(const ImageRequest &edit);
};

} // namespace Atelier
