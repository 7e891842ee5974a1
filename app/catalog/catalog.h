#pragma once

#include "costestimate.h"
#include "model/violation.h"
#include "modelspec.h"
#include "platform/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QStringList>

#include <optional>

namespace Atelier {

struct ImageRequest;
struct RefineRequest;

// The model catalog: which models exist, what each accepts on each endpoint, and what it costs.
// Loaded from the compiled-in resources/models.json plus an optional user overlay file, so
// adding or correcting a model needs no rebuild.
class Catalog final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::Catalog)

public:
    Catalog() = default;

    // The built-in catalog merged with the user overlay at defaultOverlayPath() (if present).
    static Catalog load();
    // The built-in catalog merged with the overlay file at `overlayPath` (may be empty).
    static Catalog load(const QString &overlayPath);
    static Catalog fromJson(const QByteArray &builtin, const QByteArray &overlay = {},
                            const QString &overlayName = {});
    static QByteArray builtinJson();
    // <config dir>/Atelier/models.json
    static QString defaultOverlayPath();

    // Known model ids, sorted.
    QStringList modelIds() const;
    // Known models that serve `endpoint`, sorted.
    QStringList modelsFor(Endpoint endpoint) const;
    // Whether the catalog knows `model`, under its own id or behind a provider prefix.
    bool contains(const QString &model) const { return !canonicalId(model).isEmpty(); }
    // The catalog id a model name stands for: the name itself when the catalog has it (an
    // overlay entry included), else what follows a provider prefix as gateways spell names
    // ("openai/dall-e-3", "azure/gpt-image-1" -> "dall-e-3", "gpt-image-1") when the catalog has
    // that; empty when it knows neither.
    QString canonicalId(const QString &model) const;
    // A provider's model list mapped onto the catalog: listed name -> catalog id, and the names
    // that map onto nothing.
    struct ListedModels
    {
        QMap<QString, QString> mapped;
        QStringList unmapped;
    };
    ListedModels mapListed(const QStringList &listed) const;
    // The model's spec; for an unknown id, a spec with known == false carrying only the limits
    // of the API schema itself.
    ModelSpec spec(const QString &model) const;
    // The model Atelier uses for `endpoint` when the user names none: the catalog's "defaults"
    // (the overlay may change them), one OpenAI serves.
    QString defaultModel(Endpoint endpoint) const;
    // The built-in catalog's default, for a request that names no model.
    static QString apiDefaultModel(Endpoint endpoint);
    // The model a request will be served by (its own, or the API default).
    static QString effectiveModel(const ImageRequest &request);

    // What the UI may offer: the rule for `parameter`, or nothing when the model does not take
    // it on that endpoint.
    std::optional<ParameterRule> allowed(const QString &model, Endpoint endpoint,
                                         const QString &parameter) const;
    // Every violation in the request, errors first-class, warnings alongside.
    QList<Violation> validate(const ImageRequest &request,
                              const ValidationContext &context = ValidationContext()) const;
    CostEstimate estimate(const ImageRequest &request) const;

    // The Responses API's image_generation tool (refine): the mainline model it runs under and
    // the image model it uses when none is named (the catalog's "responses"), and the image
    // models it takes (each model's "responsesTool").
    QString responsesMainlineModel() const;
    QString responsesImageModel() const;
    QStringList responsesToolModels() const;
    // Every violation in a refine turn: an image model the tool does not take, and the tool
    // fields the model's generation rules refuse.
    QList<Violation> validateRefine(const RefineRequest &request,
                                    const ValidationContext &context = ValidationContext()) const;

    // Adds models to the overlay file at `path` (created if need be), each following the GPT
    // image models' rules until someone corrects it; existing entries are left alone.
    static Status addToOverlay(const QString &path, const QStringList &models);
    // Records in the overlay file at `path` the shutdown dates a provider announced (GET /models
    // shutdown_date) for models whose date differs from this catalog's; the changed ids, or a
    // failure when the file cannot be read or written.
    Result<QStringList> recordShutdownDates(const QString &path,
                                            const QMap<QString, QDate> &dates) const;

    // Problems found while loading (a broken overlay, an unknown parent model); the catalog
    // still works without the broken part.
    const QStringList &loadWarnings() const { return m_loadWarnings; }
    QString overlayName() const { return m_overlayName; }

private:
    QMap<QString, ModelSpec> m_models;
    QMap<Endpoint, QString> m_defaults;
    QString m_responsesMainlineModel;
    QString m_responsesImageModel;
    ModelSpec m_schemaLimits;
    QStringList m_loadWarnings;
    QString m_overlayName;
};

} // namespace Atelier
