#include "apikeyresolver.h"

#include "keystore.h"
#include "providerprofile.h"

namespace Atelier {

ApiKeyResolver::ApiKeyResolver(int keychainTimeoutMs)
    : ApiKeyResolver(QProcessEnvironment::systemEnvironment(),
                     [keychainTimeoutMs](const ProviderProfile &profile) {
                         return KeyStore::readFor(profile, keychainTimeoutMs);
                     })
{ }

ApiKeyResolver::ApiKeyResolver(QProcessEnvironment environment, Keychain keychain)
    : m_environment(std::move(environment))
    , m_keychain(std::move(keychain))
{ }

ApiKeyResolver::Lookup ApiKeyResolver::find(const ProviderProfile &profile, Search search) const
{
    if (search == Search::EnvironmentThenKeychain) {
        if (QString key = profile.apiKeyFromEnvironment(m_environment); !key.isEmpty())
            return std::optional<ApiKey>(
                ApiKey {std::move(key), ApiKey::Source::Environment, profile.apiKeyVariable()});
    }
    const Result<std::optional<QString>> stored = m_keychain(profile);
    if (!stored)
        return stored.failure();
    if (!stored->has_value())
        return std::optional<ApiKey>();
    return std::optional<ApiKey>(ApiKey {**stored, ApiKey::Source::Keychain, profile.keyAccount()});
}

QString ApiKeyResolver::describe(const ApiKey &key)
{
    return key.source == ApiKey::Source::Environment
        ? tr("the environment variable %1").arg(key.origin)
        : tr("the keychain entry \"%1\"").arg(key.origin);
}

QString ApiKeyResolver::describeMissing(const Lookup &lookup, const QString &account)
{
    return lookup ? tr("the keychain has no entry \"%1\"").arg(account)
                  : tr("the keychain cannot be used: %1").arg(lookup.error());
}

} // namespace Atelier
