#include "providerprofile.h"

#include <QHostAddress>
#include <QUrlQuery>

#include <iterator>

using namespace Qt::StringLiterals;

namespace Atelier {

QString ProviderProfile::kindName(Kind kind)
{
    static constexpr QStringView names[] = {u"openai", u"azure", u"compatible"}; // Kind's order
    static_assert(std::size(names) == std::size_t(Kind::Compatible) + 1);
    const auto index = std::size_t(kind);
    return index < std::size(names) ? names[index].toString() : QString();
}

std::optional<ProviderProfile::Kind> ProviderProfile::kindFromName(const QString &name)
{
    for (Kind kind : {Kind::OpenAI, Kind::Azure, Kind::Compatible}) {
        if (name.compare(kindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

ProviderProfile ProviderProfile::fromEnvironment(const QProcessEnvironment &environment)
{
    ProviderProfile profile;
    const QString baseUrl = environment.value(u"OPENAI_BASE_URL"_s).trimmed();
    const QString azureEndpoint = environment.value(u"AZURE_OPENAI_ENDPOINT"_s).trimmed();
    if (baseUrl.isEmpty() && !azureEndpoint.isEmpty()) {
        profile.kind = Kind::Azure;
        profile.name = u"azure"_s;
        profile.auth = Auth::ApiKeyHeader;
        profile.baseUrl = QUrl(azureEndpoint);
        const QString version = environment.value(u"OPENAI_API_VERSION"_s).trimmed();
        if (!version.isEmpty())
            profile.azureApiVersion = version;
        profile.azureDeployment = environment.value(u"AZURE_OPENAI_DEPLOYMENT"_s).trimmed();
        return profile;
    }
    if (!baseUrl.isEmpty()) {
        profile.baseUrl = QUrl(baseUrl);
        if (profile.baseUrl.host() != u"api.openai.com") {
            profile.kind = Kind::Compatible;
            profile.name = u"compatible"_s;
        }
    }
    profile.organization = environment.value(u"OPENAI_ORG_ID"_s).trimmed();
    profile.project = environment.value(u"OPENAI_PROJECT_ID"_s).trimmed();
    profile.modelPrefix = environment.value(u"ATELIER_MODEL_PREFIX"_s).trimmed();
    return profile;
}

QString ProviderProfile::apiKeyVariable() const
{
    return kind == Kind::Azure ? u"AZURE_OPENAI_API_KEY"_s : u"OPENAI_API_KEY"_s;
}

QString ProviderProfile::apiKeyFromEnvironment(const QProcessEnvironment &environment) const
{
    return environment.value(apiKeyVariable()).trimmed();
}

QString ProviderProfile::keyAccount() const
{
    if (!keyName.isEmpty())
        return keyName;
    QString host = baseUrl.host().toLower();
    if (baseUrl.port() != -1)
        host += u':' + QString::number(baseUrl.port());
    return name + u'@' + host;
}

QString ProviderProfile::legacyKeyAccount() const
{
    if (!keyName.isEmpty())
        return {};
    const bool defaultOpenAI = kind == Kind::OpenAI && name == u"openai"
        && baseUrl.scheme() == u"https" && baseUrl.host().toLower() == u"api.openai.com"
        && baseUrl.port() == -1;
    return defaultOpenAI || legacyKeyEntry ? name : QString();
}

bool ProviderProfile::isLoopbackHost(const QString &host)
{
    const QString lower = host.toLower();
    if (lower == u"localhost" || lower.endsWith(u".localhost"))
        return true;
    const QHostAddress address(lower.startsWith(u'[') ? lower.mid(1).chopped(1) : lower);
    return !address.isNull() && address.isLoopback();
}

QString ProviderProfile::problem() const
{
    if (!baseUrl.isValid() || baseUrl.host().isEmpty())
        return tr("The base URL \"%1\" is not a valid URL; use one like https://api.openai.com/v1.")
            .arg(baseUrl.toString());
    if (baseUrl.scheme() != u"https" && baseUrl.scheme() != u"http")
        return tr("The base URL \"%1\" must start with https:// (or http:// for a local gateway).")
            .arg(baseUrl.toString());
    if (baseUrl.scheme() == u"http" && !isLoopbackHost(baseUrl.host()) && !allowInsecureHttp)
        return tr("The base URL \"%1\" is plain http:// to another machine: the key and the "
                  "prompts would travel "
                  "unencrypted. Use https://, or allow it explicitly (--allow-insecure-http, or "
                  "the provider's "
                  "setting).")
            .arg(baseUrl.toString());
    return {};
}

QString ProviderProfile::insecureWarning() const
{
    if (baseUrl.scheme() != u"http" || isLoopbackHost(baseUrl.host()))
        return {};
    return tr("requests to %1 are sent unencrypted (plain http://): anyone on the way can read the "
              "key and the "
              "prompts.")
        .arg(baseUrl.host());
}

QUrl ProviderProfile::apiUrl(const QString &path, QUrl::ParsingMode mode) const
{
    QUrl url = baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + u'/' + path, mode);
    return url;
}

QUrl ProviderProfile::endpointUrl(Endpoint endpoint, const QString &model) const
{
    if (kind == Kind::Azure) {
        const QString deployment = azureDeployment.isEmpty() ? model : azureDeployment;
        QUrl url = apiUrl(u"openai/deployments/"_s
                              + QString::fromUtf8(QUrl::toPercentEncoding(deployment)) + u'/'
                              + endpointPath(endpoint),
                          QUrl::StrictMode);
        QUrlQuery query(url);
        query.removeAllQueryItems(u"api-version"_s);
        query.addQueryItem(u"api-version"_s, azureApiVersion);
        url.setQuery(query);
        return url;
    }
    return apiUrl(endpointPath(endpoint));
}

HttpHeaders ProviderProfile::headers(const QString &apiKey) const
{
    HttpHeaders headers;
    if (!apiKey.isEmpty()) {
        if (kind == Kind::Azure || auth == Auth::ApiKeyHeader)
            headers.append({"api-key", apiKey.toUtf8()});
        else
            headers.append({"Authorization", "Bearer " + apiKey.toUtf8()});
    }
    if (kind != Kind::Azure) {
        if (!organization.isEmpty())
            headers.append({"OpenAI-Organization", organization.toUtf8()});
        if (!project.isEmpty())
            headers.append({"OpenAI-Project", project.toUtf8()});
    }
    return headers;
}

QString ProviderProfile::sentModelName(const QString &model) const
{
    if (modelPrefix.isEmpty() || model.isEmpty() || kind == Kind::Azure
        || model.startsWith(modelPrefix))
        return model;
    return modelPrefix + model;
}

QJsonObject ProviderProfile::toJson() const
{
    return QJsonObject {{u"kind"_s, kindName(kind)},
                        {u"name"_s, name},
                        {u"baseUrl"_s, baseUrl.toString()},
                        {u"auth"_s, auth == Auth::ApiKeyHeader ? u"api-key"_s : u"bearer"_s},
                        {u"organization"_s, organization},
                        {u"project"_s, project},
                        {u"azureDeployment"_s, azureDeployment},
                        {u"azureApiVersion"_s, azureApiVersion},
                        {u"modelPrefix"_s, modelPrefix},
                        {u"allowInsecureHttp"_s, allowInsecureHttp},
                        {u"keyBoundToHost"_s, !legacyKeyEntry}};
}

ProviderProfile ProviderProfile::fromJson(const QJsonObject &json)
{
    ProviderProfile profile;
    profile.kind = kindFromName(json.value(u"kind"_s).toString()).value_or(Kind::OpenAI);
    profile.name = json.value(u"name"_s).toString(profile.name);
    profile.baseUrl = QUrl(json.value(u"baseUrl"_s).toString(profile.baseUrl.toString()));
    profile.auth = json.value(u"auth"_s).toString() == u"api-key" || profile.kind == Kind::Azure
        ? Auth::ApiKeyHeader
        : Auth::Bearer;
    profile.organization = json.value(u"organization"_s).toString();
    profile.project = json.value(u"project"_s).toString();
    profile.azureDeployment = json.value(u"azureDeployment"_s).toString();
    profile.azureApiVersion = json.value(u"azureApiVersion"_s).toString(profile.azureApiVersion);
    profile.modelPrefix = json.value(u"modelPrefix"_s).toString();
    profile.allowInsecureHttp = json.value(u"allowInsecureHttp"_s).toBool(false);
    profile.legacyKeyEntry = !json.value(u"keyBoundToHost"_s).toBool(false);
    return profile;
}

bool operator==(const ProviderProfile &a, const ProviderProfile &b)
{
    return a.toJson() == b.toJson();
}

bool ProviderProfile::isSecretHeader(const QByteArray &name)
{
    return name.compare("authorization", Qt::CaseInsensitive) == 0
        || name.compare("api-key", Qt::CaseInsensitive) == 0;
}

} // namespace Atelier
