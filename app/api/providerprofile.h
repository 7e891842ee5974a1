#pragma once

#include "model/endpoint.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
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
    // Plain http:// to a host other than this machine: refused unless the user opted in (the key
    // and every prompt then travel unencrypted; insecureWarning() says so every time).
    bool allowInsecureHttp = false;
    // The keychain entry named explicitly (atelier-cli --key-name): used whatever the base URL.
    // Empty: the entry of this profile's name and host (keyAccount()).
    QString keyName;
    // Saved by a version that kept the key under the profile's name alone: that entry was the
    // one this profile's host received, so it is taken over once (see legacyKeyAccount()).
    bool legacyKeyEntry = false;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);

    // The profile the official SDKs would use in this environment: OPENAI_BASE_URL,
    // OPENAI_ORG_ID, OPENAI_PROJECT_ID; AZURE_OPENAI_ENDPOINT and OPENAI_API_VERSION for Azure.
    static ProviderProfile fromEnvironment(const QProcessEnvironment &environment
                                           = QProcessEnvironment::systemEnvironment());
    // The environment variable that holds this profile's key (OPENAI_API_KEY or
    // AZURE_OPENAI_API_KEY), and its value.
    QString apiKeyVariable() const;
    QString apiKeyFromEnvironment(const QProcessEnvironment &environment
                                  = QProcessEnvironment::systemEnvironment()) const;

    // The keychain entry of this profile's key: "<name>@<host>" ("openai@api.openai.com"), so a
    // key is only ever sent to the host it was stored for; or keyName when one is given.
    QString keyAccount() const;
    // An entry of an earlier version (the profile's name alone) that may be taken over for
    // keyAccount(): the default "openai" one for api.openai.com, and that of a saved profile
    // (legacyKeyEntry); empty otherwise: such an entry never goes to another host.
    QString legacyKeyAccount() const;
    // "localhost", 127.0.0.0/8, ::1.
    static bool isLoopbackHost(const QString &host);

    // Empty when usable, else what is wrong with the profile in one sentence.
    QString problem() const;
    // A warning to show on every use when the profile sends in clear (allowInsecureHttp).
    QString insecureWarning() const;
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
