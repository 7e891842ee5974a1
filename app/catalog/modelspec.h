#pragma once

#include "api/endpoint.h"
#include "parameterrule.h"

#include <QHash>
#include <QMap>
#include <QString>

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
    // quality -> size -> price of one image
    QMap<QString, QMap<QString, double>> perImage;
    bool pricesVerified = true;

    bool isTokenBased() const { return !tokenTable.isEmpty(); }
    bool isPerImage() const { return !perImage.isEmpty(); }
};

// The rules one model follows on one endpoint.
class EndpointRules final
{
public:
    EndpointRules() = default;
    explicit EndpointRules(QMap<QString, ParameterRule> rules) : m_rules(std::move(rules)) { }

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
    QString lifecycleNote;
    bool known = true; // false: not in the catalog, only the API schema's own limits apply
    QMap<Endpoint, EndpointRules> endpoints;
    CostRules cost;

    bool serves(Endpoint endpoint) const { return endpoints.contains(endpoint); }
    // nullptr when the model does not serve the endpoint.
    const EndpointRules *rulesFor(Endpoint endpoint) const;
};

} // namespace Atelier
