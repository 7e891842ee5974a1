#pragma once

#include "model/endpoint.h"
#include "parameterrule.h"

#include <QDate>
#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Atelier {

// How a model is billed, for estimates. Prices are per million tokens (GPT image models) or per
// image (DALL·E); both are editable through the user overlay.
struct CostRules
{
    // quality -> size -> output image tokens
    QMap<QString, QMap<QString, int>> tokenTable;
    QString autoQualityAs; // quality assumed for "auto"
    QString autoSizeAs; // size assumed for "auto"
    double textInputPerMillion = 0;
    double imageInputPerMillion = 0;
    double imageOutputPerMillion = 0;
    double cachedImageInputPerMillion = 0; // shown, not estimated: caching is the server's choice
    // quality -> size -> price of one image
    QMap<QString, QMap<QString, double>> perImage;
    bool pricesVerified = true;
    // Output tokens from a formula (gpt-image-2 and later: no published table), an estimate:
    // ceil(q * shortFactor * (areaOffset + w*h) / areaScale), shortFactor from the aspect.
    QMap<QString, int> formulaQualityFactors; // quality -> factor; empty: no formula
    qint64 formulaAreaOffset = 0;
    qint64 formulaAreaScale = 1;
    QString formulaNote;

    bool hasTokenFormula() const { return !formulaQualityFactors.isEmpty(); }
    bool isTokenBased() const { return !tokenTable.isEmpty() || hasTokenFormula(); }
    bool isPerImage() const { return !perImage.isEmpty(); }
};

// The rules one model follows on one endpoint.
class EndpointRules final
{
public:
    EndpointRules() = default;
    explicit EndpointRules(QMap<QString, ParameterRule> rules)
        : m_rules(std::move(rules))
    { }

    bool supports(const QString &parameter) const { return m_rules.contains(parameter); }
    // The rule, or nullptr when the model does not take the parameter on this endpoint.
    const ParameterRule *rule(const QString &parameter) const;
    QStringList parameters() const { return m_rules.keys(); }

private:
    QMap<QString, ParameterRule> m_rules;
};

// Everything the catalog knows about one model.
struct ModelSpec
{
    QString id;
    QString displayName;
    QString family;
    QString lifecycleStatus; // active, deprecated, retired
    QString lifecycleNote; // as the catalog file has it (English for the built-in one)
    QDate shutdownDate; // the day OpenAI stops (or stopped) serving it; null: none announced
    QString replacement; // the model OpenAI names instead; empty: none
    bool known = true; // false: not in the catalog, only the API schema's own limits apply
    // The Responses API's image_generation tool takes it as its `model` (refine).
    bool responsesTool = false;
    QMap<Endpoint, EndpointRules> endpoints;
    CostRules cost;

    bool serves(Endpoint endpoint) const { return endpoints.contains(endpoint); }
    // Whether OpenAI no longer serves it on `today` (Azure deployments and gateways may).
    bool isShutDown(const QDate &today) const
    {
        return shutdownDate.isValid() && shutdownDate <= today;
    }
    // Days until the shutdown, when it is announced and still ahead; -1 otherwise.
    qint64 daysUntilShutdown(const QDate &today) const;
    // nullptr when the model does not serve the endpoint.
    const EndpointRules *rulesFor(Endpoint endpoint) const;
    // lifecycleNote in the user's language, for what a person reads (a note of the built-in
    // catalog is translated; one of a user overlay is shown as written).
    QString lifecycleNoteText() const;
    // The built-in catalog's notes, as translated (for the check that none is missing).
    static QStringList translatableNotes();
};

} // namespace Atelier
