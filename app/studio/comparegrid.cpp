#include "comparegrid.h"

#include "catalog/catalog.h"
#include "model/parameters.h"

using namespace Qt::StringLiterals;

namespace Atelier {

CompareGridPlan CompareGridPlan::make(const Catalog &catalog, const ImageRequest &base,
                                      const QStringList &models, const QStringList &qualities,
                                      const ValidationContext &context)
{
    CompareGridPlan plan;
    plan.models = models;
    plan.qualities = qualities;
    for (int row = 0; row < models.size(); ++row) {
        for (int column = 0; column < qualities.size(); ++column) {
            ImageRequest request;
            request.endpoint = Endpoint::Generations;
            request.model = models.at(row);
            request.prompt = base.prompt;
            // Keep what the base sets where this model takes it; one image, no streaming.
            for (auto it = base.options.cbegin(); it != base.options.cend(); ++it) {
                if (it.key() != Param::N && it.key() != Param::Stream
                    && it.key() != Param::PartialImages
                    && catalog.allowed(request.model, Endpoint::Generations, it.key()))
                    request.setOption(it.key(), it.value());
            }
            request.setOption(Param::Quality, qualities.at(column));
            QStringList problems;
            for (const Violation &violation : catalog.validate(request, context)) {
                if (violation.isError())
                    problems.append(violation.message);
            }
            if (!problems.isEmpty()) {
                plan.skipped.append(
                    QCoreApplication::translate("Atelier::CompareGridPlan", "%1 × %2 left out: %3")
                        .arg(models.at(row), qualities.at(column), problems.join(u' ')));
                continue;
            }
            plan.cells.append({row, column, request});
        }
    }
    return plan;
}

} // namespace Atelier
