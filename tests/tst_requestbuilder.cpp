#include "api/providerprofile.h"
#include "api/requestbuilder.h"
#include "model/imagerequest.h"
#include "model/parameters.h"

#include <QBuffer>
#include <QHttpMultiPart>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestRequestBuilder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writePng(const QString &name)
    {
        QImage image(8, 8, QImage::Format_RGB32);
        image.fill(Qt::red);
        const QString path = m_dir.filePath(name);
        image.save(path, "PNG");
        return path;
    }

private Q_SLOTS:
    void generationJsonBytes()
    {
        ImageRequest request;
        request.model = u"gpt-image-1"_s;
        request.prompt = u"a \"quoted\" cat"_s;
        request.setOption(Param::N, 2);
        request.setOption(Param::Stream, true);
        request.setOption(Param::PartialImages, 1);
        const HttpRequestSpec spec = RequestBuilder::build(request, ProviderProfile(), u"sk-1"_s);
        QVERIFY(!spec.multipart);
        QCOMPARE(spec.url, QUrl(u"https://api.openai.com/v1/images/generations"_s));
        QCOMPARE(spec.jsonBody(),
                 QByteArray("{\"model\":\"gpt-image-1\",\"n\":2,\"partial_images\":1,\"prompt\":"
                            "\"a \\\"quoted\\\" cat\",\"stream\":true}"));
        const QNetworkRequest network = RequestBuilder::networkRequest(spec);
        QCOMPARE(network.rawHeader("Authorization"), QByteArray("Bearer sk-1"));
        QCOMPARE(network.rawHeader("Accept"), QByteArray("text/event-stream"));
        QCOMPARE(network.header(QNetworkRequest::ContentTypeHeader).toByteArray(),
                 QByteArray("application/json"));
        QCOMPARE(network.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
                 int(QNetworkRequest::SameOriginRedirectPolicy));
    }

    void noModelMeansNoModelField()
    {
        ImageRequest request;
        request.prompt = u"x"_s;
        const HttpRequestSpec spec = RequestBuilder::build(request, ProviderProfile(), u"k"_s);
        QCOMPARE(spec.json.keys(), QStringList {u"prompt"_s});
    }

    void nestedObjectsInJsonAndForms()
    {
        const QJsonObject svg {{u"model"_s, u"gpt-5.2"_s},
                               {u"reasoning"_s, QJsonObject {{u"effort"_s, u"low"_s}}}};
        ImageRequest generation;
        generation.model = u"gpt-image-2.6-flare"_s;
        generation.prompt = u"a logo"_s;
        generation.setOption(Param::OutputFormat, u"svg"_s);
        generation.setOption(Param::Svg, svg);
        generation.setOption(Param::Complexity, u"high"_s);
        generation.setOption(Param::SafetyIdentifier, u"user-hash"_s);
        const HttpRequestSpec json = RequestBuilder::build(generation, ProviderProfile(), u"k"_s);
        QCOMPARE(
            json.jsonBody(),
            QByteArray(
                R"({"complexity":"high","model":"gpt-image-2.6-flare","output_format":"svg","prompt":"a logo","safety_identifier":"user-hash","svg":{"model":"gpt-5.2","reasoning":{"effort":"low"}}})"));

        ImageRequest edit = generation;
        edit.endpoint = Endpoint::Edits;
        edit.images = {writePng(u"photo.png"_s)};
        edit.markup = writePng(u"marks.png"_s);
        const HttpRequestSpec form = RequestBuilder::build(edit, ProviderProfile(), u"k"_s);
        QStringList fields;
        for (const MultipartField &field : form.fields)
            fields.append(field.name + u'=' + (field.isFile() ? field.fileName : field.value));
        QCOMPARE(
            fields,
            (QStringList {u"image=photo.png"_s, u"markup=marks.png"_s,
                          u"model=gpt-image-2.6-flare"_s, u"prompt=a logo"_s, u"complexity=high"_s,
                          u"output_format=svg"_s, u"safety_identifier=user-hash"_s,
                          u"svg[model]=gpt-5.2"_s, u"svg[reasoning][effort]=low"_s}));
        QCOMPARE(form.fields[1].contentType, u"image/png"_s);
        // A null field is the API's default: not sent.
        ImageRequest unset = edit;
        unset.setOption(Param::Svg,
                        QJsonObject {{u"model"_s, u"m"_s},
                                     {u"reasoning"_s, QJsonObject {{u"effort"_s, QJsonValue()}}}});
        QStringList names;
        for (const MultipartField &field :
             RequestBuilder::build(unset, ProviderProfile(), u"k"_s).fields)
            names.append(field.name);
        QVERIFY(names.contains(u"svg[model]"_s));
        QVERIFY(!names.contains(u"svg[reasoning][effort]"_s));
    }

    void modelPrefixGoesOnTheWire()
    {
        ProviderProfile gateway;
        gateway.kind = ProviderProfile::Kind::Compatible;
        gateway.baseUrl = QUrl(u"https://gateway.example/v1"_s);
        gateway.modelPrefix = u"openai/"_s;
        ImageRequest request;
        request.model = u"gpt-image-2.6-flare"_s;
        request.prompt = u"x"_s;
        QCOMPARE(RequestBuilder::build(request, gateway, u"k"_s).json.value(u"model"_s).toString(),
                 u"openai/gpt-image-2.6-flare"_s);
        request.model = u"openai/gpt-image-2"_s; // already spelled the gateway's way: not doubled
        QCOMPARE(RequestBuilder::build(request, gateway, u"k"_s).json.value(u"model"_s).toString(),
                 u"openai/gpt-image-2"_s);
        request.endpoint = Endpoint::Edits;
        request.model = u"gpt-image-2.6-sunburst"_s;
        request.images = {writePng(u"in.png"_s)};
        QString model;
        for (const MultipartField &field : RequestBuilder::build(request, gateway, u"k"_s).fields) {
            if (field.name == u"model")
                model = field.value;
        }
        QCOMPARE(model, u"openai/gpt-image-2.6-sunburst"_s);
        // Profiles keep it.
        QCOMPARE(ProviderProfile::fromJson(gateway.toJson()).modelPrefix, u"openai/"_s);
    }

    void multipartFieldsAndBytes()
    {
        ImageRequest request;
        request.endpoint = Endpoint::Edits;
        request.model = u"gpt-image-1.5"_s;
        request.prompt = u"make it snow"_s;
        request.images = {writePng(u"one.png"_s), writePng(u"two.png"_s)};
        request.mask = writePng(u"mask.png"_s);
        request.setOption(Param::N, 3);
        request.setOption(Param::Stream, false);
        const HttpRequestSpec spec = RequestBuilder::build(request, ProviderProfile(), u"k"_s);
        QVERIFY(spec.multipart);
        QStringList names;
        for (const MultipartField &field : spec.fields)
            names.append(field.name);
        QCOMPARE(names,
                 (QStringList {u"image[]"_s, u"image[]"_s, u"mask"_s, u"model"_s, u"prompt"_s,
                               u"n"_s, u"stream"_s}));
        QCOMPARE(spec.fields[5].value, u"3"_s);
        QCOMPARE(spec.fields[6].value, u"false"_s);

        const Result<QHttpMultiPart *> built = RequestBuilder::createMultiPart(spec);
        QVERIFY2(built, qPrintable(built.error()));
        std::unique_ptr<QHttpMultiPart> multiPart(*built);
        // Every file part is an open QFile read while sending, not a copy in memory; the bytes on
        // the wire are checked against the files by tst_imagesclient's fake server.
        QVERIFY(!multiPart->boundary().isEmpty());
        const QList<QFile *> files = multiPart->findChildren<QFile *>();
        QCOMPARE(files.size(), 3);
        for (QFile *file : files)
            QVERIFY(file->isOpen());
    }

    void singleImageIsImage()
    {
        ImageRequest request;
        request.endpoint = Endpoint::Variations;
        request.model = u"dall-e-2"_s;
        request.images = {writePng(u"v.png"_s)};
        const HttpRequestSpec spec = RequestBuilder::build(request, ProviderProfile(), u"k"_s);
        QCOMPARE(spec.fields.first().name, u"image"_s);
        QCOMPARE(spec.fields.first().fileName, u"v.png"_s);
        QCOMPARE(spec.fields.first().contentType, u"image/png"_s);
        for (const MultipartField &field : spec.fields)
            QVERIFY(field.name != u"prompt"); // variations take no prompt
    }

    void missingFileFailsClearly()
    {
        ImageRequest request;
        request.endpoint = Endpoint::Edits;
        request.prompt = u"x"_s;
        request.images = {m_dir.filePath(u"gone.png"_s)};
        const HttpRequestSpec spec = RequestBuilder::build(request, ProviderProfile(), u"k"_s);
        const Result<QHttpMultiPart *> built = RequestBuilder::createMultiPart(spec);
        QVERIFY(!built);
        QVERIFY(built.error().contains(u"gone.png"_s));
    }

    void describeMasksSecrets_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("shown");
        QTest::newRow("openai") << int(ProviderProfile::Kind::OpenAI) << u"Authorization"_s
                                << u"Bearer ***"_s;
        QTest::newRow("azure") << int(ProviderProfile::Kind::Azure) << u"api-key"_s << u"***"_s;
    }

    void describeMasksSecrets()
    {
        QFETCH(int, kind);
        QFETCH(QString, header);
        QFETCH(QString, shown);
        ProviderProfile profile;
        profile.kind = ProviderProfile::Kind(kind);
        profile.organization = u"org-1"_s;
        ImageRequest request;
        request.model = u"gpt-image-1"_s;
        request.prompt = u"x"_s;
        const QJsonObject description
            = RequestBuilder::build(request, profile, u"sk-very-secret"_s).describe();
        QCOMPARE(description.value(u"headers"_s).toObject().value(header).toString(), shown);
        QVERIFY(!QJsonDocument(description).toJson().contains("sk-very-secret"));
    }

    void providerUrls_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("deployment");
        QTest::addColumn<QString>("expected");
        QTest::newRow("openai") << int(ProviderProfile::Kind::OpenAI)
                                << u"https://api.openai.com/v1"_s << QString()
                                << u"https://api.openai.com/v1/images/edits"_s;
        QTest::newRow("trailing slash")
            << int(ProviderProfile::Kind::Compatible) << u"https://gw.example/openai/v1/"_s
            << QString() << u"https://gw.example/openai/v1/images/edits"_s;
        QTest::newRow("azure model as deployment")
            << int(ProviderProfile::Kind::Azure) << u"https://res.openai.azure.com"_s << QString()
            << u"https://res.openai.azure.com/openai/deployments/gpt-image-1/images/edits?api-version=2025-04-01-preview"_s;
        QTest::newRow("azure named deployment")
            << int(ProviderProfile::Kind::Azure) << u"https://res.openai.azure.com/"_s
            << u"my images"_s
            << u"https://res.openai.azure.com/openai/deployments/my%20images/images/edits?api-version=2025-04-01-preview"_s;
    }

    void providerUrls()
    {
        QFETCH(int, kind);
        QFETCH(QString, base);
        QFETCH(QString, deployment);
        QFETCH(QString, expected);
        ProviderProfile profile;
        profile.kind = ProviderProfile::Kind(kind);
        profile.baseUrl = QUrl(base);
        profile.azureDeployment = deployment;
        QCOMPARE(
            profile.endpointUrl(Endpoint::Edits, u"gpt-image-1"_s).toString(QUrl::FullyEncoded),
            expected);
    }

    void environmentLikeTheSdks()
    {
        QProcessEnvironment env;
        env.insert(u"OPENAI_BASE_URL"_s, u"https://gateway.example/v1"_s);
        env.insert(u"OPENAI_ORG_ID"_s, u"org-9"_s);
        env.insert(u"OPENAI_PROJECT_ID"_s, u"proj-3"_s);
        env.insert(u"OPENAI_API_KEY"_s, u"sk-env"_s);
        const ProviderProfile profile = ProviderProfile::fromEnvironment(env);
        QCOMPARE(profile.kind, ProviderProfile::Kind::Compatible);
        QCOMPARE(profile.baseUrl, QUrl(u"https://gateway.example/v1"_s));
        QCOMPARE(profile.apiKeyFromEnvironment(env), u"sk-env"_s);
        const HttpHeaders headers = profile.headers(u"sk-env"_s);
        QVERIFY(
            headers.contains(qMakePair(QByteArray("OpenAI-Organization"), QByteArray("org-9"))));
        QVERIFY(headers.contains(qMakePair(QByteArray("OpenAI-Project"), QByteArray("proj-3"))));

        QProcessEnvironment azureEnv;
        azureEnv.insert(u"AZURE_OPENAI_ENDPOINT"_s, u"https://res.openai.azure.com"_s);
        azureEnv.insert(u"AZURE_OPENAI_API_KEY"_s, u"az-key"_s);
        azureEnv.insert(u"OPENAI_API_VERSION"_s, u"2025-06-01"_s);
        const ProviderProfile azure = ProviderProfile::fromEnvironment(azureEnv);
        QCOMPARE(azure.kind, ProviderProfile::Kind::Azure);
        QCOMPARE(azure.azureApiVersion, u"2025-06-01"_s);
        QCOMPARE(azure.apiKeyFromEnvironment(azureEnv), u"az-key"_s);
        QVERIFY(azure.headers(u"az-key"_s)
                    .contains(qMakePair(QByteArray("api-key"), QByteArray("az-key"))));

        const ProviderProfile plain = ProviderProfile::fromEnvironment(QProcessEnvironment());
        QCOMPARE(plain.kind, ProviderProfile::Kind::OpenAI);
        QCOMPARE(plain.baseUrl, QUrl(u"https://api.openai.com/v1"_s));
    }

    void profilesRoundTripWithoutSecrets()
    {
        ProviderProfile azure;
        azure.kind = ProviderProfile::Kind::Azure;
        azure.name = u"work"_s;
        azure.baseUrl = QUrl(u"https://res.openai.azure.com"_s);
        azure.auth = ProviderProfile::Auth::ApiKeyHeader;
        azure.azureDeployment = u"images"_s;
        azure.azureApiVersion = u"2025-06-01"_s;
        const QJsonObject json = azure.toJson();
        QCOMPARE(ProviderProfile::fromJson(json), azure);
        QVERIFY(!QJsonDocument(json).toJson().contains("key\":")); // never a key field
        ProviderProfile gateway;
        gateway.kind = ProviderProfile::Kind::Compatible;
        gateway.name = u"gateway"_s;
        gateway.baseUrl = QUrl(u"https://gw.example/v1"_s);
        gateway.organization = u"org-1"_s;
        QCOMPARE(ProviderProfile::fromJson(gateway.toJson()), gateway);
    }

    void badBaseUrlIsExplained()
    {
        ProviderProfile profile;
        profile.baseUrl = QUrl(u"ftp://example.com"_s);
        QVERIFY(profile.problem().contains(u"https://"_s));
        profile.baseUrl = QUrl(u"not a url"_s);
        QVERIFY(!profile.problem().isEmpty());
    }

    void recipeRoundTrip()
    {
        ImageRequest request;
        request.endpoint = Endpoint::Edits;
        request.model = u"gpt-image-2"_s;
        request.prompt = u"x"_s;
        request.images = {u"/a.png"_s, u"/b.png"_s};
        request.mask = u"/m.png"_s;
        request.setOption(Param::Size, u"1536x864"_s);
        request.setOption(Param::N, 2);
        QCOMPARE(ImageRequest::fromJson(request.toJson()), request);
    }
};

QTEST_GUILESS_MAIN(TestRequestBuilder)
#include "tst_requestbuilder.moc"
