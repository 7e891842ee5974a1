#include "modelswitch.h"

#include "catalog.h"

namespace Atelier {

ModelSwitch ModelSwitch::to(const Catalog &catalog, const ImageRequest &request,
                            const QString &model)
{
    ModelSwitch result;
    result.request = request;
    result.request.model = model;
    for (auto it = request.options.cbegin(); it != request.options.cend(); ++it) {
        const std::optional<ParameterRule> rule
            = catalog.allowed(model, request.endpoint, it.key());
        const bool kept = rule
            && (rule->kind != ParameterKind::Choice || !it.value().isString()
                || rule->values.contains(it.value().toString()) || rule->freeSize.enabled);
        if (!kept) {
            result.request.clearOption(it.key());
            result.dropped.append(it.key());
        }
    }
    if (!request.markup.isEmpty()
        && !catalog.allowed(model, request.endpoint, QStringLiteral("markup"))) {
        result.request.markup.clear();
        result.dropped.append(QStringLiteral("markup"));
    }
    return result;
}

QString ModelSwitch::replacementFor(const Catalog &catalog, const ImageRequest &request,
                                    const QDate &today)
{
    const ModelSpec spec = catalog.spec(Catalog::effectiveModel(request));
    if (!spec.known || !spec.isShutDown(today) || spec.replacement.isEmpty()
        || !catalog.contains(spec.replacement))
        return {};
    return spec.replacement;
}

} // namespace Atelier
