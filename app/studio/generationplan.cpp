#include "generationplan.h"

#include "catalog/catalog.h"
#include "editfit.h"
#include "model/parameters.h"
#include "prompttemplate.h"

using namespace Qt::StringLiterals;

namespace Atelier {

GenerationPlan GenerationPlan::make(const Catalog &catalog, const ImageRequest &asked,
                                    const Options &options)
{
    if (asked.endpoint == Endpoint::Variations || !options.expandWildcards)
        return forRequests(catalog, {asked}, options);
    const Result<QStringList> prompts
        = PromptTemplate::expand(PromptTemplate::applyPreset(options.preset, asked.prompt));
    // The user's own words are what is missing, whatever a preset around them says.
    const bool empty = asked.prompt.trimmed().isEmpty();
    if (!prompts) {
        GenerationPlan plan = forRequests(catalog, {asked}, options);
        plan.errors.append({Violation::Severity::Error, u"wildcards"_s, prompts.error()});
        plan.promptMissing = plan.promptMissing || empty;
        return plan;
    }
    QList<ImageRequest> requests;
    for (const QString &prompt : *prompts) {
        ImageRequest one = asked;
        one.prompt = prompt;
        requests.append(one);
    }
    GenerationPlan plan = forRequests(catalog, requests, options);
    plan.promptMissing = plan.promptMissing || empty;
    return plan;
}

GenerationPlan GenerationPlan::forRequests(const Catalog &catalog,
                                           const QList<ImageRequest> &requests,
                                           const Options &options)
{
    GenerationPlan plan;
    bool priced = true;
    for (const ImageRequest &asked : requests) {
        ImageRequest request = asked;
        if (!options.safetyIdentifier.isEmpty() && !request.hasOption(Param::SafetyIdentifier)
            && catalog.allowed(Catalog::effectiveModel(request), request.endpoint,
                               Param::SafetyIdentifier))
            request.setOption(Param::SafetyIdentifier, options.safetyIdentifier);
        const bool empty
            = request.endpoint != Endpoint::Variations && request.prompt.trimmed().isEmpty();
        plan.promptMissing = plan.promptMissing || empty;
        for (const Violation &violation : catalog.validate(request, options.context)) {
            const bool fixable = violation.parameter == Param::Image && !request.images.isEmpty();
            QList<Violation> &into = !violation.isError() ? plan.warnings
                : fixable                                 ? plan.fixable
                                                          : plan.errors;
            if (!into.contains(violation))
                into.append(violation);
        }
        if (const std::optional<EditFit::Mismatch> mismatch
            = EditFit::check(catalog, request, options.keepOutsideMask)) {
            QList<Violation> &into = mismatch->fixable ? plan.fixable : plan.warnings;
            if (!into.contains(mismatch->violation))
                into.append(mismatch->violation);
        }
        const CostEstimate estimate = catalog.estimate(request);
        if (plan.requests.isEmpty())
            plan.each = estimate;
        priced = priced && estimate.available;
        plan.total += estimate.available ? estimate.cost : 0.0;
        const int count = int(request.option(Param::N).toInteger(1));
        if (request.option(Param::Stream).toBool(false) && count > 1) {
            ImageRequest single = request;
            single.clearOption(Param::N);
            for (int i = 0; i < count; ++i)
                plan.sends.append(single);
        } else {
            plan.sends.append(request);
        }
        plan.requests.append(request);
    }
    if (!priced)
        plan.total = 0.0;
    if (plan.errors.isEmpty()) {
        if (std::optional<Violation> over = overBudget(plan.total, options))
            plan.errors.append(*over);
    }
    return plan;
}

std::optional<Violation> GenerationPlan::overBudget(double cost, const Options &options)
{
    if (!(options.budget > 0) || options.committed + cost <= options.budget + 1e-9)
        return std::nullopt;
    return Violation {Violation::Severity::Error, u"budget"_s,
                      tr("This would cost about $%1, taking the session past its budget of $%2 "
                         "($%3 spent or on the way); raise the budget in the settings or wait.")
                          .arg(cost, 0, 'f', 3)
                          .arg(options.budget, 0, 'f', 2)
                          .arg(options.committed, 0, 'f', 3)};
}

QString GenerationPlan::errorText() const
{
    QStringList messages;
    for (const Violation &violation : errors)
        messages.append(violation.message);
    return messages.join(u'\n');
}

} // namespace Atelier
