// Where an API key comes from, for the CLI and the studio alike: the provider's environment
// variable first, then the keychain entry of its host; and what is said when there is none.
// The keys here are fakes, and still never printed: comparisons go through QVERIFY, which does
// not show the values.
#include "api/apikeyresolver.h"
#include "api/providerprofile.h"
#include "cli/clicontext.h"

#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

namespace {

const QString EnvironmentKey = u"sk-from-the-environment-4242"_s;
const QString KeychainKey = u"sk-from-the-keychain-1717"_s;

ProviderProfile profileOf(ProviderProfile::Kind kind)
{
    ProviderProfile profile;
    profile.kind = kind;
    profile.name = ProviderProfile::kindName(kind);
    if (kind == ProviderProfile::Kind::Azure) {
        profile.auth = ProviderProfile::Auth::ApiKeyHeader;
        profile.baseUrl = QUrl(u"https://studio.openai.azure.com"_s);
        profile.azureDeployment = u"images"_s;
    }
    return profile;
}

} // namespace

class TestApiKeyResolver : public QObject
{
    Q_OBJECT

private:
    int m_keychainAsked = 0;

    // A keychain that holds `key` (empty: no entry), or fails with `reason`.
    ApiKeyResolver::Keychain keychain(const QString &key, const QString &reason = {})
    {
        return [this, key, reason](const ProviderProfile &) -> Result<std::optional<QString>> {
            ++m_keychainAsked;
            if (!reason.isEmpty())
                return failure(reason);
            return key.isEmpty() ? std::nullopt : std::optional<QString>(key);
        };
    }

    static QProcessEnvironment environmentWith(const QString &variable, const QString &value)
    {
        QProcessEnvironment environment;
        if (!variable.isEmpty())
            environment.insert(variable, value);
        return environment;
    }

private Q_SLOTS:
    void init() { m_keychainAsked = 0; }

    void theEnvironmentWins_data()
    {
        QTest::addColumn<ProviderProfile::Kind>("kind");
        QTest::addColumn<QString>("variable");
        QTest::newRow("OpenAI") << ProviderProfile::Kind::OpenAI << u"OPENAI_API_KEY"_s;
        QTest::newRow("Azure") << ProviderProfile::Kind::Azure << u"AZURE_OPENAI_API_KEY"_s;
    }

    void theEnvironmentWins()
    {
        QFETCH(ProviderProfile::Kind, kind);
        QFETCH(QString, variable);
        const ApiKeyResolver resolver(environmentWith(variable, EnvironmentKey),
                                      keychain(KeychainKey));
        const ApiKeyResolver::Lookup found = resolver.find(profileOf(kind));
        QVERIFY(found && found->has_value());
        QVERIFY2((*found)->value == EnvironmentKey, "not the environment's key");
        QCOMPARE((*found)->source, ApiKey::Source::Environment);
        QCOMPARE(ApiKeyResolver::describe(**found), u"the environment variable "_s + variable);
        QCOMPARE(m_keychainAsked, 0); // the keychain is not even asked
    }

    void anotherProvidersVariableIsNotUsed()
    {
        // Azure's key is AZURE_OPENAI_API_KEY; OPENAI_API_KEY is OpenAI's and stays there.
        const ApiKeyResolver resolver(environmentWith(u"OPENAI_API_KEY"_s, EnvironmentKey),
                                      keychain(KeychainKey));
        const ApiKeyResolver::Lookup found = resolver.find(profileOf(ProviderProfile::Kind::Azure));
        QVERIFY(found && found->has_value());
        QVERIFY2((*found)->value == KeychainKey, "not the keychain's key");
    }

    void theKeychainIsTheFallback()
    {
        const ProviderProfile profile = profileOf(ProviderProfile::Kind::OpenAI);
        const ApiKeyResolver resolver(environmentWith({}, {}), keychain(KeychainKey));
        const ApiKeyResolver::Lookup found = resolver.find(profile);
        QVERIFY(found && found->has_value());
        QVERIFY2((*found)->value == KeychainKey, "not the keychain's key");
        QCOMPARE((*found)->source, ApiKey::Source::Keychain);
        QCOMPARE((*found)->origin, profile.keyAccount());
        QCOMPARE(ApiKeyResolver::describe(**found),
                 u"the keychain entry \"openai@api.openai.com\""_s);
        QCOMPARE(m_keychainAsked, 1);
    }

    void keychainOnlyIgnoresTheEnvironment()
    {
        // A studio profile: its key is the one stored for it, whatever the environment holds.
        const ApiKeyResolver resolver(environmentWith(u"OPENAI_API_KEY"_s, EnvironmentKey),
                                      keychain(KeychainKey));
        const ApiKeyResolver::Lookup found = resolver.find(profileOf(ProviderProfile::Kind::OpenAI),
                                                           ApiKeyResolver::Search::KeychainOnly);
        QVERIFY(found && found->has_value());
        QVERIFY2((*found)->value == KeychainKey, "not the keychain's key");
    }

    void nothingFoundSaysWhereItLookedAndWhatToDo()
    {
        const ProviderProfile profile = profileOf(ProviderProfile::Kind::OpenAI);
        const ApiKeyResolver resolver(environmentWith({}, {}), keychain({}));
        const ApiKeyResolver::Lookup found = resolver.find(profile);
        QVERIFY(found); // nothing is there: not a failure of the keychain
        QVERIFY(!found->has_value());
        QCOMPARE(ApiKeyResolver::describeMissing(found, profile.keyAccount()),
                 u"the keychain has no entry \"openai@api.openai.com\""_s);
        const Result<ApiKey> required
            = CliContext::requireApiKey(found, profile, profile.keyAccount());
        QVERIFY(!required);
        QCOMPARE(
            required.error(),
            u"no API key found: the keychain has no entry \"openai@api.openai.com\". Set "
            u"OPENAI_API_KEY in the environment, or store a key with 'atelier-cli key set'."_s);
    }

    void aKeychainThatCannotBeAskedIsNamed()
    {
        const ProviderProfile profile = profileOf(ProviderProfile::Kind::OpenAI);
        const ApiKeyResolver resolver(environmentWith({}, {}),
                                      keychain({}, u"no secret service is running"_s));
        const ApiKeyResolver::Lookup found = resolver.find(profile);
        QVERIFY(!found);
        QCOMPARE(found.error(), u"no secret service is running"_s);
        QCOMPARE(ApiKeyResolver::describeMissing(found, profile.keyAccount()),
                 u"the keychain cannot be used: no secret service is running"_s);
        // The environment still wins over a keychain that does not work.
        const ApiKeyResolver withVariable(environmentWith(u"OPENAI_API_KEY"_s, EnvironmentKey),
                                          keychain({}, u"no secret service is running"_s));
        const ApiKeyResolver::Lookup fromEnvironment = withVariable.find(profile);
        QVERIFY(fromEnvironment && fromEnvironment->has_value());
    }
};

QTEST_GUILESS_MAIN(TestApiKeyResolver)
#include "tst_apikeyresolver.moc"
