#pragma once

#include "endpoint.h"

#include <QByteArray>
#include <QJsonObject>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace Atelier {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Where requests go and how they authenticate: OpenAI itself, an Azure OpenAI resource, or any
// OpenAI-compatible gateway. Holds no secret: the key is passed in when a request is built.
struct ProviderProfile
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::ProviderProfile)

public:
    enum class Kind { OpenAI, Azure, Compatible };
    enum class Auth { Bearer, ApiKeyHeader };

    Kind kind = Kind::OpenAI;
    QString name = QStringLiteral("openai"); // the profile's name; also its keychain account
    QUrl baseUrl = QUrl(QStringLiteral("https://api.openai.com/v1"));
    Auth auth = Auth::Bearer;
    QString organization; // OpenAI-Organization
    QString project; // OpenAI-Project
    QString azureDeployment; // empty: the request's model names the deployment
    QString azureApiVersion = QStringLiteral("2025-04-01-preview");
    // Put before every model name sent, as gateways that name models by provider expect
    // ("openai/" -> "openai/gpt-image-2.6-flare"); a name that has it already is sent as it is.
    QString modelPrefix;

    // The model name as this provider wants it on the wire.
    QString sentModelName(const QString &model) const;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);

    // The profile the official SDKs would use in this environment: OPENAI_BASE_URL,
    // OPENAI_ORG_ID, OPENAI_PROJECT_ID; AZURE_OPENAI_ENDPOINT and OPENAI_API_VERSION for Azure.
    static ProviderProfile fromEnvironment(
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // The environment variable that holds this profile's key (OPENAI_API_KEY or
    // AZURE_OPENAI_API_KEY), and its value.
    QString apiKeyVariable() const;
    QString apiKeyFromEnvironment(
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment()) const;

    // Empty when usable, else what is wrong with the profile in one sentence.
    QString problem() const;
    QUrl endpointUrl(Endpoint endpoint, const QString &model) const;
    // The base URL with `path` ("models", "images/edits") appended; StrictMode when `path`
    // is already percent-encoded.
    QUrl apiUrl(const QString &path, QUrl::ParsingMode mode = QUrl::TolerantMode) const;
    // Authentication and account headers for a request carrying `apiKey`.
    HttpHeaders headers(const QString &apiKey) const;
    // Header names whose values are secrets (never printed).
    static bool isSecretHeader(const QByteArray &name);

    // Saved profiles (no key in them: keys live in the keychain under the profile's name).
    QJsonObject toJson() const;
    static ProviderProfile fromJson(const QJsonObject &json);
    friend bool operator==(const ProviderProfile &a, const ProviderProfile &b);
};

} // namespace Atelier
