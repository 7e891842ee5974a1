#pragma once

#include "platform/result.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>

#include <functional>
#include <optional>

namespace Atelier {

struct ProviderProfile;

// An API key and where it came from. The value is a secret: never print, log or write it.
struct ApiKey
{
    enum class Source { Environment, Keychain };
    QString value;
    Source source = Source::Environment;
    QString origin; // the environment variable or the keychain entry it was read from
};

// Finds the API key of a provider profile, the one way the CLI and the studio both use: the
// profile's environment variable (ProviderProfile::apiKeyVariable(): OPENAI_API_KEY, or
// AZURE_OPENAI_API_KEY for Azure), then the keychain entry of its host (KeyStore::readFor, which
// takes over an earlier version's entry). Never prints, logs or stores the key.
class ApiKeyResolver final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::ApiKeyResolver)

public:
    using Lookup = Result<std::optional<ApiKey>>;
    // The keychain: a key, an empty optional for no entry, or why it could not be asked.
    using Keychain = std::function<Result<std::optional<QString>>(const ProviderProfile &)>;
    enum class Search { EnvironmentThenKeychain, KeychainOnly };

    // The process environment and the desktop keychain (KeyStore::readFor, at most
    // `keychainTimeoutMs`).
    explicit ApiKeyResolver(int keychainTimeoutMs = 5000);
    // Another environment and keychain (tests).
    ApiKeyResolver(QProcessEnvironment environment, Keychain keychain);

    // The key; ok and empty when no place searched holds one; a failure (the keychain's reason)
    // when the keychain was needed and could not be asked.
    Lookup find(const ProviderProfile &profile,
                Search search = Search::EnvironmentThenKeychain) const;

    // Where a key came from: "the environment variable OPENAI_API_KEY", "the keychain entry
    // "openai@api.openai.com"".
    static QString describe(const ApiKey &key);
    // Where a key was looked for and not found: "the keychain has no entry "…"", or "the
    // keychain cannot be used: …". `account` is the entry the sentence names.
    static QString describeMissing(const Lookup &lookup, const QString &account);

private:
    QProcessEnvironment m_environment;
    Keychain m_keychain;
};

} // namespace Atelier
