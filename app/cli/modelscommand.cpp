#include "modelscommand.h"

#include "api/modellister.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace Atelier {

ModelsCommand::ModelsCommand(CliContext &cli)
    : m_cli(cli)
{ }

int ModelsCommand::refreshLifecycles(const QCommandLineParser &parser, const QString &overlayPath)
{
    const Result<ProviderProfile> found = m_cli.profile(parser);
    if (!found) {
        m_cli.error(found.error());
        return ExitCode::InvalidInput;
    }
    const ProviderProfile &profile = *found;
    const Result<ApiKey> apiKey
        = CliContext::requireApiKey(ApiKeyResolver().find(profile), profile, profile.name);
    if (!apiKey) {
        m_cli.error(apiKey.error());
        return ExitCode::InvalidInput;
    }
    QNetworkAccessManager network;
    ModelLister lister(&network);
    QEventLoop loop;
    QMap<QString, QDate> dates;
    QStringList listed;
    std::optional<ApiError> failure;
    QObject::connect(&lister, &ModelLister::shutdownDates, &loop,
                     [&dates](const QMap<QString, QDate> &announced) { dates = announced; });
    QObject::connect(&lister, &ModelLister::listed, &loop, [&](const QStringList &ids) {
        listed = ids;
        loop.quit();
    });
    QObject::connect(&lister, &ModelLister::failed, &loop, [&](const ApiError &error) {
        failure = error;
        loop.quit();
    });
    lister.list(profile, apiKey->value);
    if (!failure && listed.isEmpty())
        loop.exec();
    if (failure) {
        m_cli.err() << CliText::tr("error: the provider's model list could not be read: %1")
                           .arg(failure->toString())
                    << Qt::endl;
        return CliContext::exitCodeFor(*failure);
    }
    const Result<QStringList> changed = m_catalog.recordShutdownDates(overlayPath, dates);
    if (!changed) {
        m_cli.error(changed.error());
        return ExitCode::Failure;
    }
    for (const QString &id : *changed) {
        QDate date;
        for (auto it = dates.cbegin(); it != dates.cend(); ++it) {
            if (m_catalog.canonicalId(it.key()) == id)
                date = it.value();
        }
        m_cli.err() << CliText::tr(
                           "%1: the provider announces its shutdown on %2 (recorded in %3).")
                           .arg(id, date.toString(Qt::ISODate), overlayPath)
                    << Qt::endl;
    }
    const QStringList unknown = m_catalog.mapListed(ModelLister::imageModels(listed)).unmapped;
    if (!unknown.isEmpty())
        m_cli.err() << CliText::tr(
                           "The provider also lists image models Atelier does not know: %1. Add "
                           "them to %2 to use them with their rules.")
                           .arg(unknown.join(u", "_s), overlayPath)
                    << Qt::endl;
    return ExitCode::Success;
}

int ModelsCommand::run(const QCommandLineParser &parser)
{
    const QString overlayPath = CliContext::overlayPath(parser);
    m_catalog = m_cli.loadCatalog(parser);
    if (parser.isSet(u"refresh"_s)) {
        if (const int code = refreshLifecycles(parser, overlayPath); code != ExitCode::Success)
            return code;
        m_catalog = Catalog::load(overlayPath);
    }
    // On a gateway that names models by provider, the names as it spells them.
    const QString prefix = parser.isSet(u"model-prefix"_s)
        ? parser.value(u"model-prefix"_s).trimmed()
        : qEnvironmentVariable("ATELIER_MODEL_PREFIX").trimmed();
    ProviderProfile naming;
    naming.kind = ProviderProfile::Kind::Compatible;
    naming.modelPrefix = prefix;
    const QDate today = QDate::currentDate();
    auto statusOf = [&today](const ModelSpec &spec) {
        if (spec.isShutDown(today))
            return spec.replacement.isEmpty()
                ? CliText::tr("shut down %1").arg(spec.shutdownDate.toString(Qt::ISODate))
                : CliText::tr("shut down %1, use %2")
                      .arg(spec.shutdownDate.toString(Qt::ISODate), spec.replacement);
        if (spec.daysUntilShutdown(today) >= 0)
            return CliText::tr("shuts down %1").arg(spec.shutdownDate.toString(Qt::ISODate));
        return spec.lifecycleStatus;
    };
    if (parser.isSet(u"json"_s)) {
        QJsonArray models;
        for (const QString &id : m_catalog.modelIds()) {
            const ModelSpec spec = m_catalog.spec(id);
            QJsonObject endpoints;
            for (Endpoint endpoint : allEndpoints) {
                const EndpointRules *rules = spec.rulesFor(endpoint);
                if (!rules)
                    continue;
                QJsonObject parameters;
                for (const QString &name : rules->parameters()) {
                    const ParameterRule *rule = rules->rule(name);
                    QJsonObject ruleJson;
                    if (!rule->values.isEmpty())
                        ruleJson.insert(u"values"_s, QJsonArray::fromStringList(rule->values));
                    if (rule->kind == ParameterKind::Integer) {
                        ruleJson.insert(u"min"_s, rule->minimum);
                        ruleJson.insert(u"max"_s, rule->maximum);
                    }
                    if (rule->maxLength > 0)
                        ruleJson.insert(u"maxLength"_s, rule->maxLength);
                    if (rule->kind == ParameterKind::Files) {
                        ruleJson.insert(u"maxCount"_s, rule->maxCount);
                        ruleJson.insert(u"formats"_s, QJsonArray::fromStringList(rule->formats));
                        ruleJson.insert(u"maxBytes"_s, rule->maxBytes);
                        if (rule->square)
                            ruleJson.insert(u"square"_s, true);
                    }
                    if (rule->freeSize.enabled)
                        ruleJson.insert(u"free"_s, rule->freeSize.explain);
                    if (!rule->defaultValue.isUndefined() && !rule->defaultValue.isNull())
                        ruleJson.insert(u"default"_s, rule->defaultValue);
                    parameters.insert(name, ruleJson);
                }
                endpoints.insert(endpointName(endpoint), parameters);
            }
            QJsonObject model {
                {u"id"_s, naming.sentModelName(id)}, {u"name"_s, spec.displayName},
                {u"status"_s, spec.lifecycleStatus}, {u"available"_s, !spec.isShutDown(today)},
                {u"note"_s, spec.lifecycleNote},     {u"endpoints"_s, endpoints}};
            if (spec.shutdownDate.isValid())
                model.insert(u"shutdown_date"_s, spec.shutdownDate.toString(Qt::ISODate));
            if (!spec.replacement.isEmpty())
                model.insert(u"replacement"_s, spec.replacement);
            if (spec.responsesTool)
                model.insert(u"responses_tool"_s, true);
            models.append(model);
        }
        m_cli.out()
            << QJsonDocument(QJsonObject {{u"models"_s, models}}).toJson(QJsonDocument::Indented);
        m_cli.out().flush();
        return ExitCode::Success;
    }
    m_cli.out() << QString(CliText::tr("MODEL")).leftJustified(34)
                << QString(CliText::tr("ENDPOINTS")).leftJustified(32) << CliText::tr("STATUS")
                << "\n";
    for (const QString &id : m_catalog.modelIds()) {
        const ModelSpec spec = m_catalog.spec(id);
        QStringList endpoints;
        for (Endpoint endpoint : allEndpoints) {
            if (spec.serves(endpoint))
                endpoints.append(endpointName(endpoint));
        }
        if (spec.responsesTool)
            endpoints.append(u"responses"_s); // the image tool of refine takes it
        m_cli.out() << naming.sentModelName(id).leftJustified(34)
                    << endpoints.join(u", "_s).leftJustified(32) << statusOf(spec) << "\n";
        if (!spec.lifecycleNote.isEmpty())
            m_cli.out() << "    " << spec.lifecycleNoteText() << "\n";
    }
    m_cli.out().flush();
    return ExitCode::Success;
}

} // namespace Atelier
