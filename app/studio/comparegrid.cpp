#include "comparegrid.h"

#include "catalog/catalog.h"
#include "editfit.h"
#include "model/parameters.h"

using namespace Qt::StringLiterals;

namespace Atelier {

bool CompareGridPlan::editsFrom(const ImageRequest &base)
{
    return base.endpoint == Endpoint::Edits && !base.images.isEmpty();
}

QStringList CompareGridPlan::modelsFor(const Catalog &catalog, const ImageRequest &base)
{
    QStringList models = catalog.modelsFor(Endpoint::Generations);
    if (editsFrom(base)) {
        for (const QString &model : catalog.modelsFor(Endpoint::Edits)) {
            if (!models.contains(model))
                models.append(model);
        }
    }
    return models;
}

QStringList CompareGridPlan::qualitiesFor(const Catalog &catalog, const ImageRequest &base)
{
    const Endpoint endpoint = editsFrom(base) ? Endpoint::Edits : Endpoint::Generations;
    QStringList qualities;
    for (const QString &model : modelsFor(catalog, base)) {
        if (const auto rule = catalog.allowed(model, endpoint, Param::Quality)) {
            for (const QString &value : rule->values) {
                if (!qualities.contains(value))
                    qualities.append(value);
            }
        }
    }
    return qualities;
}

CompareGridPlan CompareGridPlan::make(const Catalog &catalog, const ImageRequest &base,
                                      const QStringList &models, const QStringList &qualities,
                                      const ValidationContext &context, bool keepOutsideMask)
{
    CompareGridPlan plan;
    plan.models = models;
    plan.qualities = qualities;
    plan.edits = editsFrom(base);
    const Endpoint endpoint = plan.edits ? Endpoint::Edits : Endpoint::Generations;
    for (int row = 0; row < models.size(); ++row) {
        const QString &model = models.at(row);
        if (plan.edits && !catalog.spec(model).rulesFor(Endpoint::Edits)) {
            // One sentence for the model rather than one per quality.
            plan.skipped.append(tr("%1 left out: it cannot edit images.").arg(model));
            continue;
        }
        for (int column = 0; column < qualities.size(); ++column) {
            ImageRequest request;
            request.endpoint = endpoint;
            request.model = model;
            request.prompt = base.prompt;
            if (plan.edits) {
                request.images = base.images;
                request.mask = base.mask;
                request.markup = base.markup;
                request.inputNames = base.inputNames;
            }
            // Keep what the base sets where this model takes it; one image, no streaming.
            for (auto it = base.options.cbegin(); it != base.options.cend(); ++it) {
                if (it.key() != Param::N && it.key() != Param::Stream
                    && it.key() != Param::PartialImages
                    && catalog.allowed(request.model, endpoint, it.key()))
                    request.setOption(it.key(), it.value());
            }
            request.setOption(Param::Quality, qualities.at(column));
            if (plan.edits) {
                // A Size this model does not offer (the compose panel's model had it) follows
                // the first image, as opening it for this model would have set it.
                const auto sizes = catalog.allowed(model, endpoint, Param::Size);
                const QString size = request.option(Param::Size).toString();
                const QString fitting = EditFit::fittingSize(catalog, request);
                if (sizes && !sizes->freeSize.enabled && !size.isEmpty()
                    && !sizes->values.contains(size) && !fitting.isEmpty())
                    request.setOption(Param::Size, fitting);
                // The result keeps the image's shape where this model needs that.
                request = EditFit::fitted(catalog, request, keepOutsideMask);
            }
            QStringList problems;
            for (const Violation &violation : catalog.validate(request, context)) {
                if (violation.isError())
                    problems.append(violation.message);
            }
            if (plan.edits) {
                if (const std::optional<EditFit::Mismatch> mismatch
                    = EditFit::check(catalog, request, keepOutsideMask);
                    mismatch && mismatch->fixable)
                    problems.append(mismatch->violation.message);
            }
            if (!problems.isEmpty()) {
                plan.skipped.append(tr("%1 × %2 left out: %3")
                                        .arg(model, qualities.at(column), problems.join(u' ')));
                continue;
            }
            plan.cells.append({row, column, request});
        }
    }
    return plan;
}

} // namespace Atelier
