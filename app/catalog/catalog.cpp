#include "catalog.h"

#include "costestimator.h"
#include "model/imagerequest.h"
#include "model/jsonvalues.h"
#include "model/parameters.h"
#include "model/refinerequest.h"
#include "platform/safefiles.h"
#include "requestvalidator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// Merges `over` into `base`, recursing into objects. A null in `over` replaces the value with
// null: nulls must survive merging so that a later stage can read them as "removed".
QJsonObject deepMerge(QJsonObject base, const QJsonObject &over)
{
    for (auto it = over.constBegin(); it != over.constEnd(); ++it) {
        const QJsonValue existing = base.value(it.key());
        if (it.value().isObject() && existing.isObject())
            base.insert(it.key(), deepMerge(existing.toObject(), it.value().toObject()));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}

// The kind of a field inside an object parameter (svg.model, svg.reasoning.effort), which the
// API's parameter list does not name: read from the rule's own shape.
ParameterKind fieldKind(const QJsonObject &json)
{
    if (json.value(u"fields"_s).isObject())
        return ParameterKind::Object;
    if (json.contains(u"values"_s))
        return ParameterKind::Choice;
    if (json.contains(u"min"_s) || json.contains(u"max"_s))
        return ParameterKind::Integer;
    return ParameterKind::Text;
}

ParameterRule parseRule(const QString &name, const QJsonObject &json,
                        std::optional<ParameterKind> kind = std::nullopt)
{
    ParameterRule rule;
    rule.name = name;
    rule.kind = kind.value_or(parameterKind(name));
    rule.defaultValue = json.value(u"default"_s);
    rule.maxLength = json.value(u"maxLength"_s).toInt(0);
    rule.values = stringsOf(json.value(u"values"_s));
    rule.preview = stringsOf(json.value(u"preview"_s));
    rule.minimum = json.value(u"min"_s).toInt(0);
    rule.maximum = json.value(u"max"_s).toInt(0);
    rule.capAt = json.value(u"capAt"_s).toInt(0);
    rule.roundsTo = json.value(u"roundsTo"_s).toInt(0);
    rule.required = json.value(u"required"_s).toBool(false);
    rule.minCount = json.value(u"minCount"_s).toInt(name == Param::Image ? 1 : 0);
    rule.maxCount = json.value(u"maxCount"_s).toInt(1);
    rule.formats = stringsOf(json.value(u"formats"_s));
    rule.maxBytes = json.value(u"maxBytes"_s).toInteger(0);
    rule.square = json.value(u"square"_s).toBool(false);

    const QJsonValue freeValue = json.value(u"free"_s);
    if (freeValue.isObject()) {
        const QJsonObject free = freeValue.toObject();
        FreeSizeRule &size = rule.freeSize;
        size.enabled = true;
        size.multipleOf = std::max(1, free.value(u"multipleOf"_s).toInt(1));
        size.minAspect = free.value(u"minAspect"_s).toDouble(0.0);
        size.maxAspect = free.value(u"maxAspect"_s).toDouble(0.0);
        size.maxEdge = free.value(u"maxEdge"_s).toInt(0);
        size.maxPixels = free.value(u"maxPixels"_s).toInteger(0);
        size.experimentalAbovePixels = free.value(u"experimentalAbovePixels"_s).toInteger(0);
        size.explain = free.value(u"explain"_s).toString();
    }

    const QJsonObject fields = json.value(u"fields"_s).toObject();
    for (auto field = fields.constBegin(); field != fields.constEnd(); ++field) {
        if (field.value().isObject()) {
            const QJsonObject fieldJson = field.value().toObject();
            rule.fields.push_back(parseRule(field.key(), fieldJson, fieldKind(fieldJson)));
        }
    }
    const QJsonObject conflicts = json.value(u"conflicts"_s).toObject();
    for (auto when = conflicts.constBegin(); when != conflicts.constEnd(); ++when)
        rule.conflicts.insert(when.key(), stringsOf(when.value()));

    const QJsonObject requires_ = json.value(u"requires"_s).toObject();
    for (auto when = requires_.constBegin(); when != requires_.constEnd(); ++when) {
        const QJsonObject others = when.value().toObject();
        for (auto other = others.constBegin(); other != others.constEnd(); ++other)
            rule.requirements.append({when.key(), other.key(), other.value().toArray()});
    }
    return rule;
}

CostRules parseCost(const QJsonObject &json, const QJsonObject &tokenTables,
                    const QJsonObject &tokenFormulas)
{
    CostRules cost;
    const QString formulaName = json.value(u"tokenFormula"_s).toString();
    if (!formulaName.isEmpty()) {
        const QJsonObject formula = tokenFormulas.value(formulaName).toObject();
        const QJsonObject factors = formula.value(u"qualityFactors"_s).toObject();
        for (auto it = factors.constBegin(); it != factors.constEnd(); ++it)
            cost.formulaQualityFactors.insert(it.key(), it.value().toInt());
        cost.formulaAreaOffset = formula.value(u"areaOffsetPixels"_s).toInteger(0);
        cost.formulaAreaScale = std::max<qint64>(1, formula.value(u"areaScale"_s).toInteger(1));
        cost.formulaNote = formula.value(u"note"_s).toString();
    }
    const QString tableName = json.value(u"tokenTable"_s).toString();
    if (!tableName.isEmpty()) {
        const QJsonObject table = tokenTables.value(tableName).toObject();
        for (auto quality = table.constBegin(); quality != table.constEnd(); ++quality) {
            if (!quality.value().isObject())
                continue;
            const QJsonObject sizes = quality.value().toObject();
            for (auto size = sizes.constBegin(); size != sizes.constEnd(); ++size)
                cost.tokenTable[quality.key()][size.key()] = size.value().toInt();
        }
    }
    cost.autoQualityAs = json.value(u"autoQualityAs"_s).toString(u"high"_s);
    cost.autoSizeAs = json.value(u"autoSizeAs"_s).toString(u"1024x1024"_s);
    const QJsonObject prices = json.value(u"pricesPerMillion"_s).toObject();
    cost.textInputPerMillion = prices.value(u"textInput"_s).toDouble();
    cost.imageInputPerMillion = prices.value(u"imageInput"_s).toDouble();
    cost.imageOutputPerMillion = prices.value(u"imageOutput"_s).toDouble();
    cost.cachedImageInputPerMillion = prices.value(u"cachedImageInput"_s).toDouble();
    const QJsonObject perImage = json.value(u"perImage"_s).toObject();
    for (auto quality = perImage.constBegin(); quality != perImage.constEnd(); ++quality) {
        const QJsonObject sizes = quality.value().toObject();
        for (auto size = sizes.constBegin(); size != sizes.constEnd(); ++size)
            cost.perImage[quality.key()][size.key()] = size.value().toDouble();
    }
    cost.pricesVerified = json.value(u"pricesVerified"_s).toBool(true);
    return cost;
}

// Builds a ModelSpec from a fully merged model entry; null parameters and endpoints are absent.
ModelSpec buildSpec(const QString &id, const QJsonObject &entry, const QJsonObject &tokenTables,
                    const QJsonObject &tokenFormulas, QStringList *warnings)
{
    ModelSpec spec;
    spec.id = id;
    spec.displayName = entry.value(u"displayName"_s).toString(id);
    spec.family = entry.value(u"family"_s).toString();
    const QJsonObject lifecycle = entry.value(u"lifecycle"_s).toObject();
    spec.lifecycleStatus = lifecycle.value(u"status"_s).toString(u"active"_s);
    spec.lifecycleNote = lifecycle.value(u"note"_s).toString();
    const QString shutdown = lifecycle.value(u"shutdownDate"_s).toString();
    if (!shutdown.isEmpty()) {
        spec.shutdownDate = QDate::fromString(shutdown, Qt::ISODate);
        if (!spec.shutdownDate.isValid())
            warnings->append(Catalog::tr("Model %1 has a shutdown date \"%2\" that is not "
                                         "YYYY-MM-DD; it is ignored.")
                                 .arg(id, shutdown));
    }
    spec.replacement = lifecycle.value(u"replacement"_s).toString();
    spec.responsesTool = entry.value(u"responsesTool"_s).toBool(false);

    const QJsonObject parameters = entry.value(u"parameters"_s).toObject();
    const QJsonObject endpoints = entry.value(u"endpoints"_s).toObject();
    for (auto it = endpoints.constBegin(); it != endpoints.constEnd(); ++it) {
        if (!it.value().isObject())
            continue; // null: the model does not serve this endpoint
        const std::optional<Endpoint> endpoint = endpointFromName(it.key());
        if (!endpoint) {
            warnings->append(Catalog::tr("Model %1 names an unknown endpoint \"%2\"; it is "
                                         "ignored. Use generations, edits or variations.")
                                 .arg(id, it.key()));
            continue;
        }
        const QJsonObject merged = deepMerge(parameters, it.value().toObject());
        QMap<QString, ParameterRule> rules;
        for (auto param = merged.constBegin(); param != merged.constEnd(); ++param) {
            if (!param.value().isObject())
                continue; // null: removed for this endpoint
            if (!isKnownParameter(param.key())) {
                warnings->append(Catalog::tr("Model %1 lists a parameter \"%2\" that the Images "
                                             "API does not have; it is ignored.")
                                     .arg(id, param.key()));
                continue;
            }
            rules.insert(param.key(), parseRule(param.key(), param.value().toObject()));
        }
        spec.endpoints.insert(*endpoint, EndpointRules(std::move(rules)));
    }
    spec.cost = parseCost(entry.value(u"cost"_s).toObject(), tokenTables, tokenFormulas);
    return spec;
}

QJsonObject parseDocument(const QByteArray &data, const QString &name, QStringList *warnings)
{
    if (data.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        warnings->append(Catalog::tr("The model catalog file %1 is not valid JSON (%2 at byte %3); "
                                     "it was ignored. Fix the file or remove it.")
                             .arg(name, error.errorString())
                             .arg(error.offset));
        return {};
    }
    if (!document.isObject()) {
        warnings->append(Catalog::tr("The model catalog file %1 must contain a JSON object with a "
                                     "\"models\" object; it was ignored.")
                             .arg(name));
        return {};
    }
    return document.object();
}

class Resolver
{
public:
    Resolver(QJsonObject entries, QJsonObject templates, QStringList *warnings)
        : m_entries(std::move(entries))
        , m_templates(std::move(templates))
        , m_warnings(warnings)
    { }

    // The entry with its template and parent merged in; empty when it cannot be resolved.
    QJsonObject resolve(const QString &id)
    {
        if (m_done.contains(id))
            return m_done.value(id);
        if (m_visiting.contains(id)) {
            m_warnings->append(Catalog::tr("Model %1 inherits from itself (through \"inherits\"); "
                                           "the loop was cut.")
                                   .arg(id));
            return {};
        }
        m_visiting.insert(id);
        const QJsonObject entry = m_entries.value(id).toObject();
        QJsonObject base;
        const QString templateName = entry.value(u"template"_s).toString();
        if (!templateName.isEmpty()) {
            if (m_templates.contains(templateName))
                base = m_templates.value(templateName).toObject();
            else
                m_warnings->append(
                    Catalog::tr("Model %1 uses an unknown template \"%2\".").arg(id, templateName));
        }
        const QString parent = entry.value(u"inherits"_s).toString();
        if (!parent.isEmpty()) {
            if (m_entries.contains(parent)) {
                QJsonObject inherited = resolve(parent);
                inherited.remove(u"displayName"_s);
                base = deepMerge(base, inherited);
            } else {
                m_warnings->append(Catalog::tr("Model %1 inherits from \"%2\", which the catalog "
                                               "does not know; check the spelling.")
                                       .arg(id, parent));
            }
        }
        QJsonObject resolved = deepMerge(base, entry);
        resolved.remove(u"template"_s);
        resolved.remove(u"inherits"_s);
        m_visiting.remove(id);
        m_done.insert(id, resolved);
        return resolved;
    }

private:
    QJsonObject m_entries;
    QJsonObject m_templates;
    QStringList *m_warnings;
    QSet<QString> m_visiting;
    QHash<QString, QJsonObject> m_done;
};

} // namespace

QByteArray Catalog::builtinJson()
{
    QFile file(u":/atelier/models.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString Catalog::defaultOverlayPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return QDir(dir).filePath(u"Atelier/models.json"_s);
}

Catalog Catalog::load()
{
    return load(defaultOverlayPath());
}

Catalog Catalog::load(const QString &overlayPath)
{
    QByteArray overlay;
    QStringList warnings;
    if (!overlayPath.isEmpty() && QFile::exists(overlayPath)) {
        QFile file(overlayPath);
        if (file.open(QIODevice::ReadOnly))
            overlay = file.readAll();
        else
            warnings.append(tr("The model catalog overlay %1 cannot be read (%2); it was ignored.")
                                .arg(overlayPath, file.errorString()));
    }
    Catalog catalog = fromJson(builtinJson(), overlay, overlayPath);
    catalog.m_loadWarnings = warnings + catalog.m_loadWarnings;
    return catalog;
}

Catalog Catalog::fromJson(const QByteArray &builtin, const QByteArray &overlay,
                          const QString &overlayName)
{
    Catalog catalog;
    catalog.m_overlayName = overlayName;
    QStringList *warnings = &catalog.m_loadWarnings;
    QJsonObject root = parseDocument(builtin, tr("(built in)"), warnings);
    const QJsonObject overlayRoot
        = parseDocument(overlay, overlayName.isEmpty() ? tr("(overlay)") : overlayName, warnings);

    // The overlay is merged entry by entry: it adds models or overrides single fields.
    for (const QString &section : {u"models"_s, u"templates"_s, u"tokenTables"_s,
                                   u"tokenFormulas"_s, u"defaults"_s, u"responses"_s}) {
        root.insert(
            section,
            deepMerge(root.value(section).toObject(), overlayRoot.value(section).toObject()));
    }
    if (overlayRoot.contains(u"schemaLimits"_s)) {
        root.insert(u"schemaLimits"_s,
                    deepMerge(root.value(u"schemaLimits"_s).toObject(),
                              overlayRoot.value(u"schemaLimits"_s).toObject()));
    }

    const QJsonObject entries = root.value(u"models"_s).toObject();
    const QJsonObject tokenTables = root.value(u"tokenTables"_s).toObject();
    const QJsonObject tokenFormulas = root.value(u"tokenFormulas"_s).toObject();
    const QJsonObject defaults = root.value(u"defaults"_s).toObject();
    for (auto it = defaults.constBegin(); it != defaults.constEnd(); ++it) {
        if (const std::optional<Endpoint> endpoint = endpointFromName(it.key()))
            catalog.m_defaults.insert(*endpoint, it.value().toString());
    }
    const QJsonObject responses = root.value(u"responses"_s).toObject();
    catalog.m_responsesMainlineModel = responses.value(u"mainlineModel"_s).toString();
    catalog.m_responsesImageModel = responses.value(u"imageModel"_s).toString();
    Resolver resolver(entries, root.value(u"templates"_s).toObject(), warnings);
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
        if (!it.value().isObject())
            continue; // an overlay may remove a model with null
        catalog.m_models.insert(
            it.key(),
            buildSpec(it.key(), resolver.resolve(it.key()), tokenTables, tokenFormulas, warnings));
    }
    catalog.m_schemaLimits = buildSpec(QString(), root.value(u"schemaLimits"_s).toObject(),
                                       tokenTables, tokenFormulas, warnings);
    catalog.m_schemaLimits.known = false;
    return catalog;
}

namespace {

struct OverlayText
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::Catalog)
};

// The overlay file's root object (empty when there is no file yet).
Result<QJsonObject> readOverlay(const QString &path)
{
    QFile existing(path);
    if (!existing.exists())
        return QJsonObject();
    if (!existing.open(QIODevice::ReadOnly))
        return failure(OverlayText::tr("%1 cannot be read: %2.").arg(path, existing.errorString()),
                       path);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(existing.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return failure(
            OverlayText::tr("%1 is not valid JSON; fix it before adding models to it.").arg(path),
            path);
    return document.object();
}

Status writeOverlay(const QString &path, const QJsonObject &root)
{
    if (const Status made = SafeFiles::makePath(QFileInfo(path).path()); !made)
        return failure(OverlayText::tr("%1 cannot be written: %2.").arg(path, made.error()), path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0
        || !file.commit())
        return failure(OverlayText::tr("%1 cannot be written: %2.")
                           .arg(path, SafeFiles::failureReason(file, 0)),
                       path);
    return success();
}

} // namespace

Result<QStringList> Catalog::recordShutdownDates(const QString &path,
                                                 const QMap<QString, QDate> &dates) const
{
    // A gateway's name ("openai/gpt-image-2") dates the catalog model it stands for.
    QStringList changed;
    QMap<QString, QDate> byId;
    for (auto it = dates.cbegin(); it != dates.cend(); ++it) {
        const QString id = canonicalId(it.key());
        if (!id.isEmpty() && spec(id).shutdownDate != it.value() && !changed.contains(id)) {
            changed.append(id);
            byId.insert(id, it.value());
        }
    }
    if (changed.isEmpty())
        return changed;
    Result<QJsonObject> root = readOverlay(path);
    if (!root)
        return root.failure();
    QJsonObject entries = root->value(u"models"_s).toObject();
    for (const QString &id : std::as_const(changed)) {
        QJsonObject entry = entries.value(id).toObject();
        QJsonObject lifecycle = entry.value(u"lifecycle"_s).toObject();
        lifecycle.insert(u"shutdownDate"_s, byId.value(id).toString(Qt::ISODate));
        entry.insert(u"lifecycle"_s, lifecycle);
        entries.insert(id, entry);
    }
    root->insert(u"models"_s, entries);
    if (const Status written = writeOverlay(path, *root); !written)
        return written.failure();
    return changed;
}

Status Catalog::addToOverlay(const QString &path, const QStringList &models)
{
    const Result<QJsonObject> existingRoot = readOverlay(path);
    if (!existingRoot)
        return existingRoot.failure();
    QJsonObject root = *existingRoot;
    QJsonObject entries = root.value(u"models"_s).toObject();
    for (const QString &model : models) {
        if (entries.contains(model))
            continue;
        entries.insert(
            model,
            QJsonObject {
                {u"template"_s, u"gpt-image"_s},
                {u"lifecycle"_s,
                 QJsonObject {
                     {u"status"_s, u"active"_s},
                     {u"note"_s,
                      tr("Added from the provider's model list; its rules are assumed to be "
                         "those of the GPT image models. Correct them in %1.")
                          .arg(path)}}},
            });
    }
    root.insert(u"models"_s, entries);
    return writeOverlay(path, root);
}

QStringList Catalog::modelIds() const
{
    return m_models.keys();
}

QStringList Catalog::modelsFor(Endpoint endpoint) const
{
    QStringList ids;
    for (const ModelSpec &spec : m_models) {
        if (spec.serves(endpoint))
            ids.append(spec.id);
    }
    return ids;
}

QString Catalog::canonicalId(const QString &model) const
{
    QString name = model;
    while (!name.isEmpty()) {
        if (m_models.contains(name))
            return name;
        const qsizetype slash = name.indexOf(u'/');
        if (slash <= 0)
            return {};
        name = name.mid(slash + 1);
    }
    return {};
}

Catalog::ListedModels Catalog::mapListed(const QStringList &listed) const
{
    ListedModels result;
    for (const QString &name : listed) {
        const QString id = canonicalId(name);
        if (id.isEmpty())
            result.unmapped.append(name);
        else
            result.mapped.insert(name, id);
    }
    return result;
}

ModelSpec Catalog::spec(const QString &model) const
{
    const auto it = m_models.constFind(model);
    if (it != m_models.cend())
        return it.value();
    if (const QString id = canonicalId(model); !id.isEmpty()) {
        // A gateway's name for a known model: that model's rules under the gateway's name.
        ModelSpec mapped = m_models.value(id);
        mapped.id = model;
        return mapped;
    }
    ModelSpec unknown = m_schemaLimits;
    unknown.id = model;
    unknown.displayName = model;
    unknown.known = false;
    return unknown;
}

QString Catalog::apiDefaultModel(Endpoint endpoint)
{
    // The built-in catalog's defaults: the API has none worth relying on (the official SDK says
    // "specify a model explicitly"), so Atelier always names one.
    static const Catalog builtin = fromJson(builtinJson());
    return builtin.defaultModel(endpoint);
}

QString Catalog::defaultModel(Endpoint endpoint) const
{
    const QString model = m_defaults.value(endpoint);
    if (!model.isEmpty())
        return model;
    return endpoint == Endpoint::Variations ? u"dall-e-2"_s : u"gpt-image-2.6-flare"_s;
}

QString Catalog::effectiveModel(const ImageRequest &request)
{
    return request.model.isEmpty() ? apiDefaultModel(request.endpoint) : request.model;
}

std::optional<ParameterRule> Catalog::allowed(const QString &model, Endpoint endpoint,
                                              const QString &parameter) const
{
    const ModelSpec modelSpec = spec(model);
    const EndpointRules *rules = modelSpec.rulesFor(endpoint);
    if (!rules)
        return std::nullopt;
    const ParameterRule *rule = rules->rule(parameter);
    if (!rule)
        return std::nullopt;
    return *rule;
}

QList<Violation> Catalog::validate(const ImageRequest &request,
                                   const ValidationContext &context) const
{
    return RequestValidator(*this).validate(request, context);
}

CostEstimate Catalog::estimate(const ImageRequest &request) const
{
    return CostEstimator(*this).estimate(request);
}

QString Catalog::responsesMainlineModel() const
{
    return m_responsesMainlineModel.isEmpty() ? u"gpt-5.5"_s : m_responsesMainlineModel;
}

QString Catalog::responsesImageModel() const
{
    return m_responsesImageModel.isEmpty() ? u"gpt-image-2.6-sunburst"_s : m_responsesImageModel;
}

QStringList Catalog::responsesToolModels() const
{
    QStringList models;
    for (auto it = m_models.cbegin(); it != m_models.cend(); ++it) {
        if (it.value().responsesTool)
            models.append(it.key());
    }
    return models;
}

QList<Violation> Catalog::validateRefine(const RefineRequest &request,
                                         const ValidationContext &context) const
{
    QList<Violation> violations;
    const QString model
        = request.imageModel().isEmpty() ? responsesImageModel() : request.imageModel();
    const ModelSpec modelSpec = spec(model);
    if (!modelSpec.responsesTool) {
        // The models still served first: a shut-down one is no advice.
        QStringList offered;
        for (const QString &id : responsesToolModels()) {
            if (!m_models.value(id).isShutDown(context.today))
                offered.append(id);
        }
        violations.append(
            {Violation::Severity::Error, u"model"_s,
             modelSpec.known
                 ? tr("%1 is not an image model the Responses API's image_generation tool takes; "
                      "use one of %2.")
                       .arg(model, offered.join(u", "_s))
                 : tr("%1 is not an image model Atelier knows the Responses API's "
                      "image_generation tool to take; use one of %2, or add it to %3 with "
                      "\"responsesTool\": true.")
                       .arg(model, offered.join(u", "_s), defaultOverlayPath())});
        return violations;
    }
    if (request.responsesModel.trimmed().isEmpty())
        violations.append({Violation::Severity::Error, u"responses_model"_s,
                           tr("the mainline model is empty; name one with --responses-model "
                              "(default %1).")
                               .arg(responsesMainlineModel())});
    if (request.prompt.trimmed().isEmpty())
        violations.append({Violation::Severity::Error, u"prompt"_s,
                           tr("the instruction is empty; say what to make or change with "
                              "--prompt.")});
    // The tool takes the Images API's parameters under their own names: the model's rules for
    // a generation say which values fit (the instruction and images travel in the input).
    ImageRequest images;
    images.endpoint = Endpoint::Generations;
    images.model = model;
    images.prompt = request.prompt.isEmpty() ? u"-"_s : request.prompt;
    for (auto it = request.tool.cbegin(); it != request.tool.cend(); ++it) {
        if (it.key() != u"model" && it.key() != u"action")
            images.setOption(it.key(), it.value());
    }
    if (request.stream)
        images.setOption(u"stream"_s, true);
    for (const Violation &violation : validate(images, context)) {
        if (violation.parameter != u"prompt" || !request.prompt.trimmed().isEmpty())
            violations.append(violation);
    }
    return violations;
}

} // namespace Atelier
