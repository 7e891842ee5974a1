#include "api/providerprofile.h"

#include <QJsonObject>
#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

// Which keychain entry a profile's key comes from, and which base URLs are refused: a key
// stored for one host never goes to another (the proof: --base-url elsewhere sent the
// OpenAI key there).
class TestProviderProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyEntryFollowsTheHost_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<QString>("keyName");
        QTest::addColumn<bool>("savedByEarlierVersion");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("legacy"); // the earlier entry that may be taken over
        QTest::newRow("default") << u"openai"_s << u"https://api.openai.com/v1"_s << QString()
                                 << false << u"openai@api.openai.com"_s << u"openai"_s;
        QTest::newRow("another host") << u"openai"_s << u"https://other.example/v1"_s << QString()
                                      << false << u"openai@other.example"_s << QString();
        QTest::newRow("same name, http")
            << u"openai"_s << u"http://api.openai.com/v1"_s << QString() << false
            << u"openai@api.openai.com"_s << QString();
        QTest::newRow("another port")
            << u"openai"_s << u"https://api.openai.com:8443/v1"_s << QString() << false
            << u"openai@api.openai.com:8443"_s << QString();
        QTest::newRow("upper case host")
            << u"compatible"_s << u"https://Gateway.Example/v1"_s << QString() << false
            << u"compatible@gateway.example"_s << QString();
        QTest::newRow("named explicitly") << u"openai"_s << u"https://other.example/v1"_s
                                          << u"openai"_s << false << u"openai"_s << QString();
        QTest::newRow("saved profile of an earlier version")
            << u"work"_s << u"https://gateway.example/v1"_s << QString() << true
            << u"work@gateway.example"_s << u"work"_s;
        QTest::newRow("saved profile") << u"work"_s << u"https://gateway.example/v1"_s << QString()
                                       << false << u"work@gateway.example"_s << QString();
    }

    void keyEntryFollowsTheHost()
    {
        QFETCH(QString, name);
        QFETCH(QString, baseUrl);
        QFETCH(QString, keyName);
        QFETCH(bool, savedByEarlierVersion);
        QFETCH(QString, account);
        QFETCH(QString, legacy);
        ProviderProfile profile;
        profile.name = name;
        profile.kind
            = name == u"openai" ? ProviderProfile::Kind::OpenAI : ProviderProfile::Kind::Compatible;
        profile.baseUrl = QUrl(baseUrl);
        profile.keyName = keyName;
        profile.legacyKeyEntry = savedByEarlierVersion;
        QCOMPARE(profile.keyAccount(), account);
        QCOMPARE(profile.legacyKeyAccount(), legacy);
    }

    void earlierSavedProfilesAreRecognised()
    {
        // Saved without the marker: an earlier version's, whose key is under its name alone.
        ProviderProfile old
            = ProviderProfile::fromJson(QJsonObject {{u"name"_s, u"work"_s},
                                                     {u"kind"_s, u"compatible"_s},
                                                     {u"baseUrl"_s, u"https://g.example/v1"_s}});
        QVERIFY(old.legacyKeyEntry);
        old.legacyKeyEntry = false;
        const ProviderProfile again = ProviderProfile::fromJson(old.toJson());
        QVERIFY(!again.legacyKeyEntry);
        QCOMPARE(again, old);
    }

    void plainHttpOnlyToThisMachine_data()
    {
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<bool>("optIn");
        QTest::addColumn<bool>("warned");
        QTest::newRow("https") << u"https://gateway.example/v1"_s << true << false << false;
        QTest::newRow("loopback") << u"http://127.0.0.1:8080/v1"_s << true << false << false;
        QTest::newRow("loopback v6") << u"http://[::1]:8080/v1"_s << true << false << false;
        QTest::newRow("localhost") << u"http://localhost:8080/v1"_s << true << false << false;
        QTest::newRow("another machine")
            << u"http://gateway.example/v1"_s << false << false << true;
        QTest::newRow("private address") << u"http://192.168.1.20/v1"_s << false << false << true;
        QTest::newRow("looks local")
            << u"http://127.0.0.1.example.com/v1"_s << false << false << true;
        QTest::newRow("opted in") << u"http://gateway.example/v1"_s << true << true << true;
    }

    void plainHttpOnlyToThisMachine()
    {
        QFETCH(QString, baseUrl);
        QFETCH(bool, allowed);
        QFETCH(bool, optIn);
        QFETCH(bool, warned);
        ProviderProfile profile;
        profile.baseUrl = QUrl(baseUrl);
        profile.allowInsecureHttp = optIn;
        QCOMPARE(profile.problem().isEmpty(), allowed);
        if (!allowed)
            QVERIFY2(profile.problem().contains(u"http://"_s), qPrintable(profile.problem()));
        QCOMPARE(!profile.insecureWarning().isEmpty(), warned);
    }
};

QTEST_GUILESS_MAIN(TestProviderProfile)
#include "tst_providerprofile.moc"
