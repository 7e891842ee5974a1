#include "api/modellister.h"
#include "catalog/catalog.h"
#include "fakeimagesserver.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestModelLister : public QObject
{
    Q_OBJECT

private:
    ProviderProfile profile(const FakeImagesServer &server) const
    {
        ProviderProfile profile;
        profile.kind = ProviderProfile::Kind::Compatible;
        profile.baseUrl = server.baseUrl();
        return profile;
    }

private Q_SLOTS:
    void listsTheModelsTheKeyCanUse()
    {
        FakeImagesServer server;
        QVERIFY(server.listen());
        server.setApiKey(u"sk-ok"_s);
        server.setModels({u"gpt-4o"_s, u"gpt-image-1.5"_s, u"acme-image-9"_s, u"dall-e-3"_s});
        QNetworkAccessManager network;
        ModelLister lister(&network);
        QSignalSpy listed(&lister, &ModelLister::listed);
        lister.list(profile(server), u"sk-ok"_s);
        QVERIFY(listed.wait(10000));
        const QStringList ids = listed.first().first().toStringList();
        QCOMPARE(ids,
                 (QStringList {u"acme-image-9"_s, u"dall-e-3"_s, u"gpt-4o"_s, u"gpt-image-1.5"_s}));
        QCOMPARE(ModelLister::imageModels(ids),
                 (QStringList {u"acme-image-9"_s, u"dall-e-3"_s, u"gpt-image-1.5"_s}));
        QCOMPARE(server.requests().first().header("authorization"), QByteArray("Bearer sk-ok"));
    }

    void aWrongKeyIsReportedAsTheApiSaysIt()
    {
        FakeImagesServer server;
        QVERIFY(server.listen());
        server.setApiKey(u"sk-ok"_s);
        QNetworkAccessManager network;
        ModelLister lister(&network);
        QSignalSpy failed(&lister, &ModelLister::failed);
        lister.list(profile(server), u"sk-wrong"_s);
        QVERIFY(failed.wait(10000));
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.httpStatus, 401);
        QCOMPARE(error.code, u"invalid_api_key"_s);
    }

    // A server answering /models with endless bytes (4.6 GB in 8 s was seen) is stopped at the
    // cap, saying so, instead of filling memory.
    void aHugeAnswerIsRefusedAtTheCap()
    {
        FakeImagesServer server;
        QVERIFY(server.listen());
        const QByteArray body
            = "{\"object\":\"list\",\"data\":[" + QByteArray(9 * 1024 * 1024, ' ') + "]}";
        ScriptedReply huge;
        huge.kind = ScriptedReply::Kind::Raw;
        huge.raw = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        server.enqueueModelsReply(huge);
        QNetworkAccessManager network;
        ModelLister lister(&network);
        QSignalSpy failed(&lister, &ModelLister::failed);
        QSignalSpy listed(&lister, &ModelLister::listed);
        lister.list(profile(server), u"sk-ok"_s);
        QVERIFY(failed.wait(20000));
        const ApiError error = failed.first().first().value<ApiError>();
        QCOMPARE(error.kind, ApiError::Kind::TooLarge);
        QVERIFY2(error.message.contains(u"larger than 8 MB"_s), qPrintable(error.message));
        QCOMPARE(listed.count(), 0);
    }

    void azureSaysWhyThereIsNoList()
    {
        QNetworkAccessManager network;
        ModelLister lister(&network);
        QSignalSpy failed(&lister, &ModelLister::failed);
        ProviderProfile azure;
        azure.kind = ProviderProfile::Kind::Azure;
        lister.list(azure, u"key"_s);
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().value<ApiError>().message.contains(u"deployment"_s));
    }

    void unknownImageModelsGoToTheOverlay()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"Atelier/models.json"_s);
        const Status first = Catalog::addToOverlay(path, {u"acme-image-9"_s});
        QVERIFY2(first, qPrintable(first.error()));
        const Status second = Catalog::addToOverlay(path, {u"acme-image-9"_s, u"acme-image-10"_s});
        QVERIFY2(second, qPrintable(second.error()));
        const Catalog catalog = Catalog::load(path);
        QVERIFY2(catalog.loadWarnings().isEmpty(), qPrintable(catalog.loadWarnings().join(u'\n')));
        QVERIFY(catalog.contains(u"acme-image-9"_s) && catalog.contains(u"acme-image-10"_s));
        QVERIFY(catalog.allowed(u"acme-image-9"_s, Endpoint::Edits, u"image"_s)); // GPT image rules
        QVERIFY(
            catalog.spec(u"acme-image-9"_s).lifecycleNote.contains(u"Added from the provider"_s));
        // A broken overlay is not overwritten.
        QFile broken(path);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not json");
        broken.close();
        const Status refused = Catalog::addToOverlay(path, {u"x-image"_s});
        QVERIFY(!refused);
        QVERIFY(refused.error().contains(u"not valid JSON"_s));
    }
};

QTEST_GUILESS_MAIN(TestModelLister)
#include "tst_modellister.moc"
