// The fake Images API itself: its schema (the SDK 7.59's), its per-model rules, its GIF and SVG
// answers and its models list. The other tests trust it to refuse what OpenAI refuses.
#include "fakeimagesserver.h"
#include "fakemodelrules.h"
#include "gifencoder.h"
#include "openapivalidator.h"

#include <QBuffer>
#include <QHttpMultiPart>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMovie>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace AtelierTest;
using namespace Qt::StringLiterals;

namespace {

struct Answer
{
    int status = 0;
    QJsonObject json;
};

QByteArray pngBytes(const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// "name=value" text fields and "@name" PNG file parts.
QList<ReceivedPart> form(const QStringList &fields)
{
    QList<ReceivedPart> parts;
    for (const QString &field : fields) {
        ReceivedPart part;
        if (field.startsWith(u'@')) {
            part.name = field.mid(1);
            part.fileName = u"file.png"_s;
            part.contentType = u"image/png"_s;
            part.data = pngBytes(QSize(8, 8));
        } else {
            part.name = field.section(u'=', 0, 0);
            part.data = field.section(u'=', 1).toUtf8();
        }
        parts.append(part);
    }
    return parts;
}

} // namespace

class TestFakeImagesServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeImagesServer> m_server;
    QNetworkAccessManager m_network;

    Answer send(QNetworkReply *reply)
    {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.json = QJsonDocument::fromJson(reply->readAll()).object();
        reply->deleteLater();
        return answer;
    }

    QNetworkRequest request(const QString &path) const
    {
        QNetworkRequest request(QUrl(m_server->baseUrl().toString() + path));
        request.setRawHeader("Authorization", "Bearer sk-test");
        return request;
    }

    Answer generate(const QJsonObject &body)
    {
        QNetworkRequest post = request(u"/images/generations"_s);
        post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return send(m_network.post(post, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    }

    Answer edit(const QList<ReceivedPart> &parts)
    {
        auto *multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        for (const ReceivedPart &received : parts) {
            QHttpPart part;
            QByteArray disposition = "form-data; name=\"" + received.name.toUtf8() + '"';
            if (received.isFile()) {
                disposition += "; filename=\"" + received.fileName.toUtf8() + '"';
                part.setHeader(QNetworkRequest::ContentTypeHeader, received.contentType.toUtf8());
            }
            part.setRawHeader("Content-Disposition", disposition);
            part.setBody(received.data);
            multiPart->append(part);
        }
        QNetworkReply *reply = m_network.post(request(u"/images/edits"_s), multiPart);
        multiPart->setParent(reply);
        return send(reply);
    }

    Answer get(const QString &path) { return send(m_network.get(request(path))); }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeImagesServer>();
        QVERIFY(m_server->listen());
    }

    void cleanup() { m_server.reset(); }

    void generationSchema_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("problem"); // empty: valid

        QTest::newRow("new parameters")
            << uR"({"prompt":"p","model":"m","quality":"xhigh","complexity":"high","output_format":"gif","frame_count":16,"frame_duration_ms":250,"safety_identifier":"u1"})"_s
            << QString();
        QTest::newRow("svg object")
            << uR"({"prompt":"p","output_format":"svg","svg":{"model":"gpt-5","reasoning":{"effort":"minimal"}}})"_s
            << QString();
        QTest::newRow("nulls are omitted")
            << uR"({"prompt":"p","complexity":null,"svg":null,"frame_count":null,"safety_identifier":null})"_s
            << QString();
        QTest::newRow("quality max") << uR"({"prompt":"p","quality":"max"})"_s << QString();
        QTest::newRow("quality ultra")
            << uR"({"prompt":"p","quality":"ultra"})"_s << u"quality: 'ultra'"_s;
        QTest::newRow("complexity extreme")
            << uR"({"prompt":"p","complexity":"extreme"})"_s << u"complexity: 'extreme'"_s;
        QTest::newRow("gif is a format")
            << uR"({"prompt":"p","output_format":"bmp"})"_s << u"output_format: 'bmp'"_s;
        QTest::newRow("one frame")
            << uR"({"prompt":"p","frame_count":1})"_s << u"frame_count must be between 2 and 16"_s;
        QTest::newRow("17 frames")
            << uR"({"prompt":"p","frame_count":17})"_s << u"frame_count must be between 2 and 16"_s;
        QTest::newRow("frame duration as text") << uR"({"prompt":"p","frame_duration_ms":"200"})"_s
                                                << u"frame_duration_ms must be an integer"_s;
        QTest::newRow("frame duration fraction") << uR"({"prompt":"p","frame_duration_ms":12.5})"_s
                                                 << u"frame_duration_ms must be an integer"_s;
        QTest::newRow("svg as text")
            << uR"({"prompt":"p","svg":"gpt-5"})"_s << u"svg must be an object"_s;
        QTest::newRow("svg without model")
            << uR"({"prompt":"p","svg":{"reasoning":{"effort":"low"}}})"_s
            << u"svg.model is required"_s;
        QTest::newRow("svg effort")
            << uR"({"prompt":"p","svg":{"model":"m","reasoning":{"effort":"huge"}}})"_s
            << u"svg.reasoning.effort: 'huge'"_s;
        QTest::newRow("svg unknown member")
            << uR"({"prompt":"p","svg":{"model":"m","temperature":1}})"_s
            << u"unknown field 'svg.temperature'"_s;
        QTest::newRow("markup is an edit's")
            << uR"({"prompt":"p","markup":"x"})"_s << u"unknown field 'markup'"_s;
        QTest::newRow("input_fidelity is an edit's")
            << uR"({"prompt":"p","input_fidelity":"low"})"_s << u"unknown field 'input_fidelity'"_s;
        QTest::newRow("user is not nullable")
            << uR"({"prompt":"p","user":null})"_s << u"user must not be null"_s;
    }

    void generationSchema()
    {
        QFETCH(QString, body);
        QFETCH(QString, problem);
        const QStringList problems
            = OpenApiValidator::validateGeneration(QJsonDocument::fromJson(body.toUtf8()).object());
        if (problem.isEmpty())
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
        else
            QVERIFY2(problems.join(u"; "_s).contains(problem), qPrintable(problems.join(u"; "_s)));
    }

    void editSchema_data()
    {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("problem");

        QTest::newRow("new fields") << QStringList {u"@image[]"_s,
                                                    u"@image[]"_s,
                                                    u"@markup"_s,
                                                    u"prompt=p"_s,
                                                    u"complexity=low"_s,
                                                    u"quality=max"_s,
                                                    u"output_format=svg"_s,
                                                    u"svg[model]=gpt-5"_s,
                                                    u"svg[reasoning][effort]=high"_s,
                                                    u"safety_identifier=u1"_s,
                                                    u"frame_count=3"_s,
                                                    u"frame_duration_ms=100"_s}
                                    << QString();
        QTest::newRow("svg as one field")
            << QStringList {u"@image"_s, u"prompt=p"_s, uR"(svg={"model":"m"})"_s}
            << u"unknown field 'svg'"_s;
        QTest::newRow("svg effort")
            << QStringList {u"@image"_s, u"prompt=p"_s, u"svg[reasoning][effort]=lots"_s}
            << u"svg[reasoning][effort]: 'lots'"_s;
        QTest::newRow("svg member") << QStringList {u"@image"_s, u"prompt=p"_s, u"svg[author]=m"_s}
                                    << u"unknown field 'svg[author]'"_s;
        QTest::newRow("markup as text")
            << QStringList {u"@image"_s, u"prompt=p"_s, u"markup=circle"_s}
            << u"markup must be a file upload"_s;
        QTest::newRow("frame count text")
            << QStringList {u"@image"_s, u"prompt=p"_s, u"frame_count=many"_s}
            << u"frame_count must be an integer"_s;
        QTest::newRow("no hd for edits")
            << QStringList {u"@image"_s, u"prompt=p"_s, u"quality=hd"_s} << u"quality: 'hd'"_s;
        QTest::newRow("two markups")
            << QStringList {u"@image"_s, u"prompt=p"_s, u"@markup"_s, u"@markup"_s}
            << u"field 'markup' appears twice"_s;
    }

    void editSchema()
    {
        QFETCH(QStringList, fields);
        QFETCH(QString, problem);
        const QStringList problems = OpenApiValidator::validateEdit(form(fields));
        if (problem.isEmpty())
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
        else
            QVERIFY2(problems.join(u"; "_s).contains(problem), qPrintable(problems.join(u"; "_s)));
    }

    void modelRules_data()
    {
        QTest::addColumn<QString>("body"); // a generation; "edit:" and form fields for an edit
        QTest::addColumn<QString>("problem");

        QTest::newRow("xhigh on 2.5")
            << uR"({"model":"gpt-image-2.5-flare","quality":"xhigh"})"_s << QString();
        QTest::newRow("max on a 2.5 snapshot")
            << uR"({"model":"gpt-image-2.5-sunburst-2026-09-08","quality":"max"})"_s << QString();
        QTest::newRow("xhigh on 2.6")
            << uR"({"model":"gpt-image-2.6-sunburst","quality":"xhigh"})"_s
            << u"quality 'xhigh' is only supported by the gpt-image-2.5"_s;
        QTest::newRow("max on 2") << uR"({"model":"gpt-image-2","quality":"max"})"_s
                                  << u"quality 'max'"_s;
        QTest::newRow("complexity on 2.6")
            << uR"({"model":"gpt-image-2.6-flare","complexity":"high"})"_s << QString();
        QTest::newRow("complexity on 2.5")
            << uR"({"model":"gpt-image-2.5-flare","complexity":"high"})"_s
            << u"complexity is only supported by the gpt-image-2.6"_s;
        QTest::newRow("gif on 2.6")
            << uR"({"model":"gpt-image-2.6-flare","output_format":"gif","frame_count":4,"frame_duration_ms":120})"_s
            << QString();
        QTest::newRow("gif on 2.5")
            << uR"({"model":"gpt-image-2.5-flare","output_format":"gif"})"_s
            << u"output_format 'gif' is only supported by the gpt-image-2.6"_s;
        QTest::newRow("svg on 2")
            << uR"({"model":"gpt-image-2","output_format":"svg"})"_s
            << u"output_format 'svg' is only supported by the gpt-image-2.6"_s;
        QTest::newRow("frames without gif")
            << uR"({"model":"gpt-image-2.6-flare","frame_count":4})"_s
            << u"frame_count is only supported with output_format=gif"_s;
        QTest::newRow("frame delay with png")
            << uR"({"model":"gpt-image-2.6-flare","output_format":"png","frame_duration_ms":100})"_s
            << u"frame_duration_ms is only supported with output_format=gif"_s;
        QTest::newRow("gif stream")
            << uR"({"model":"gpt-image-2.6-flare","output_format":"gif","stream":true})"_s
            << u"GIF output does not support streaming"_s;
        QTest::newRow("gif stream false")
            << uR"({"model":"gpt-image-2.6-flare","output_format":"gif","stream":false})"_s
            << QString();
        QTest::newRow("gif partials")
            << uR"({"model":"gpt-image-2.6-flare","output_format":"gif","partial_images":0})"_s
            << u"GIF output does not support partial_images"_s;
        QTest::newRow("gif compression")
            << uR"({"model":"gpt-image-2.6-flare","output_format":"gif","output_compression":50})"_s
            << u"GIF output does not support output_compression"_s;
        QTest::newRow("gif mask")
            << u"edit:@image,@mask,prompt=p,model=gpt-image-2.6-flare,output_format=gif"_s
            << u"GIF output does not support a mask"_s;
        QTest::newRow("svg n 2")
            << uR"({"model":"gpt-image-2.6-flare","output_format":"svg","n":2})"_s
            << u"SVG output requires n=1"_s;
        QTest::newRow("svg n 1")
            << uR"({"model":"gpt-image-2.6-flare","output_format":"svg","n":1,"svg":{"model":"gpt-5"}})"_s
            << QString();
        QTest::newRow("svg stream")
            << uR"({"model":"gpt-image-2.6-flare","output_format":"svg","stream":true})"_s
            << u"SVG output does not support streaming"_s;
        QTest::newRow("svg partials")
            << uR"({"model":"gpt-image-2.6-flare","output_format":"svg","partial_images":1})"_s
            << u"SVG output does not support partial_images"_s;
        QTest::newRow("svg compression")
            << uR"({"model":"gpt-image-2.6-flare","output_format":"svg","output_compression":80})"_s
            << u"SVG output does not support output_compression"_s;
        QTest::newRow("svg object with png")
            << uR"({"model":"gpt-image-2.6-flare","svg":{"model":"gpt-5"}})"_s
            << u"svg requires output_format=svg"_s;
        QTest::newRow("svg fields with png")
            << u"edit:@image,prompt=p,model=gpt-image-2.6-flare,svg[model]=gpt-5"_s
            << u"svg requires output_format=svg"_s;
        QTest::newRow("markup on 2.6")
            << u"edit:@image,@markup,prompt=p,model=gpt-image-2.6-flare"_s << QString();
        QTest::newRow("markup on 2.5")
            << u"edit:@image,@markup,prompt=p,model=gpt-image-2.5-sunburst"_s << QString();
        QTest::newRow("markup on 2") << u"edit:@image,@markup,prompt=p,model=gpt-image-2"_s
                                     << u"markup is only supported by the gpt-image-2.5 and 2.6"_s;
        QTest::newRow("markup with mask")
            << u"edit:@image,@markup,@mask,prompt=p,model=gpt-image-2.6-flare"_s
            << u"markup cannot be combined with mask"_s;
        QTest::newRow("input_fidelity on 2")
            << u"edit:@image,prompt=p,model=gpt-image-2,input_fidelity=low"_s
            << u"input_fidelity is not supported by gpt-image-2"_s;
        QTest::newRow("input_fidelity on 2.6")
            << u"edit:@image,prompt=p,model=gpt-image-2.6-sunburst,input_fidelity=high"_s
            << u"input_fidelity is not supported"_s;
        QTest::newRow("input_fidelity on 1.5")
            << u"edit:@image,prompt=p,model=gpt-image-1.5,input_fidelity=high"_s << QString();
    }

    void modelRules()
    {
        QFETCH(QString, body);
        QFETCH(QString, problem);
        const FakeModelRules::Request request = body.startsWith(u"edit:")
            ? FakeModelRules::Request::fromParts(form(body.mid(5).split(u',')))
            : FakeModelRules::Request::fromJson(QJsonDocument::fromJson(body.toUtf8()).object());
        const QStringList problems = FakeModelRules::violations(request);
        if (problem.isEmpty())
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
        else
            QVERIFY2(problems.join(u"; "_s).contains(problem), qPrintable(problems.join(u"; "_s)));
    }

    // Over HTTP: a rule broken is a 400 naming it, like the API's own refusals.
    void ruleViolationIsA400()
    {
        const Answer answer = generate({{u"prompt"_s, u"p"_s},
                                        {u"model"_s, u"gpt-image-2.5-flare"_s},
                                        {u"output_format"_s, u"gif"_s}});
        QCOMPARE(answer.status, 400);
        const QJsonObject error = answer.json.value(u"error"_s).toObject();
        QCOMPARE(error.value(u"type"_s).toString(), u"invalid_request_error"_s);
        QVERIFY(error.value(u"message"_s)
                    .toString()
                    .contains(u"output_format 'gif' is only supported by the gpt-image-2.6"_s));
    }

    void shutDownModelIsNotFound_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("status");

        QTest::newRow("gpt-image-1.5 on its day")
            << u"gpt-image-1.5"_s << QDate(2026, 12, 1) << 404;
        QTest::newRow("gpt-image-1.5 the day before")
            << u"gpt-image-1.5"_s << QDate(2026, 11, 30) << 200;
        QTest::newRow("gpt-image-1.5 snapshot")
            << u"gpt-image-1.5-2025-12-16"_s << QDate(2026, 12, 1) << 404;
        QTest::newRow("gpt-image-1-mini") << u"gpt-image-1-mini"_s << QDate(2026, 12, 1) << 404;
        QTest::newRow("chatgpt-image-latest")
            << u"chatgpt-image-latest"_s << QDate(2026, 12, 1) << 404;
        QTest::newRow("gpt-image-1") << u"gpt-image-1"_s << QDate(2026, 12, 1) << 404;
        QTest::newRow("gpt-image-1 in October") << u"gpt-image-1"_s << QDate(2026, 10, 22) << 200;
        QTest::newRow("dall-e-3") << u"dall-e-3"_s << QDate(2026, 12, 1) << 404;
        QTest::newRow("gpt-image-2") << u"gpt-image-2"_s << QDate(2026, 12, 1) << 200;
        QTest::newRow("gpt-image-2.6-sunburst")
            << u"gpt-image-2.6-sunburst"_s << QDate(2026, 12, 1) << 200;
    }

    void shutDownModelIsNotFound()
    {
        QFETCH(QString, model);
        QFETCH(QDate, today);
        QFETCH(int, status);
        m_server->setModels(FakeModelRules::openAiModels());
        m_server->setToday(today);
        const Answer answer = generate({{u"prompt"_s, u"p"_s}, {u"model"_s, model}});
        QCOMPARE(answer.status, status);
        if (status == 404) {
            // Byte for byte what OpenAI answers.
            const QJsonObject expected
                = QJsonDocument::fromJson(
                      u"{\"error\":{\"message\":\"The model `%1` does not exist or you do not have "
                      u"access to it.\","
                      "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}"_s
                          .arg(model)
                          .toUtf8())
                      .object();
            QCOMPARE(answer.json, expected);
        }
    }

    void shutDownModelIsNotFoundForEdits()
    {
        m_server->setModels(FakeModelRules::openAiModels());
        const Answer answer = edit(form({u"@image"_s, u"prompt=p"_s, u"model=gpt-image-1-mini"_s}));
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.json.value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"model_not_found"_s);
    }

    void modelsListShutdownDates()
    {
        m_server->setModels(FakeModelRules::openAiModels());
        const Answer list = get(u"/models"_s);
        QCOMPARE(list.status, 200);
        QHash<QString, QJsonValue> dates;
        for (const QJsonValue &model : list.json.value(u"data"_s).toArray())
            dates.insert(model[u"id"_s].toString(), model[u"shutdown_date"_s]);
        QCOMPARE(dates.value(u"gpt-image-1.5"_s).toString(), u"2026-12-01"_s);
        QCOMPARE(dates.value(u"gpt-image-1"_s).toString(), u"2026-10-23"_s);
        QCOMPARE(dates.value(u"dall-e-2"_s).toString(), u"2026-05-12"_s);
        QVERIFY(dates.contains(u"gpt-image-2.6-flare"_s));
        QVERIFY(dates.value(u"gpt-image-2.6-flare"_s).isNull()); // listed, no shutdown: null

        const Answer one = get(u"/models/gpt-image-1-mini"_s);
        QCOMPARE(one.status, 200);
        QCOMPARE(one.json.value(u"shutdown_date"_s).toString(), u"2026-12-01"_s);
        QCOMPARE(get(u"/models/gpt-image-9"_s).status, 404);

        // Plain ids still work, without dates, and are then served.
        m_server->setModels(QStringList {u"acme-image"_s, u"gpt-image-1"_s});
        const QJsonArray plain = get(u"/models"_s).json.value(u"data"_s).toArray();
        QCOMPARE(plain.size(), 2);
        QVERIFY(plain[1][u"shutdown_date"_s].isNull());
        QCOMPARE(generate({{u"prompt"_s, u"p"_s}, {u"model"_s, u"gpt-image-1"_s}}).status, 200);
    }

    void gifEncoderIsReadByQt_data()
    {
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<int>("expectedDelayMs");
        QTest::addColumn<QSize>("size");

        QTest::newRow("2 frames") << 2 << 200 << 200 << QSize(16, 16);
        QTest::newRow("16 frames, rounded delay") << 16 << 124 << 120 << QSize(40, 24);
        QTest::newRow("more pixels than one clear run") << 3 << 75 << 80 << QSize(300, 7);
        QTest::newRow("odd size") << 5 << 20 << 20 << QSize(33, 17);
        // As browsers do, Qt shows frames of 10 ms or less for 100 ms; the file says 10 ms.
        QTest::newRow("10 ms") << 2 << 10 << 100 << QSize(4, 4);
    }

    void gifEncoderIsReadByQt()
    {
        QFETCH(int, frames);
        QFETCH(int, delayMs);
        QFETCH(int, expectedDelayMs);
        QFETCH(QSize, size);
        QList<QImage> images;
        for (int i = 0; i < frames; ++i) {
            QImage image(size, QImage::Format_RGB32);
            image.fill(i % 2 ? QColor(255, 0, 0) : QColor(0, 0, 255));
            image.setPixel(0, 0, qRgb(0, 255, 0));
            images.append(image);
        }
        QByteArray gif = GifEncoder::encode(images, delayMs);
        QVERIFY(gif.startsWith("GIF89a"));

        QBuffer buffer(&gif);
        QImageReader reader(&buffer, "gif");
        QVERIFY(reader.supportsAnimation());
        QCOMPARE(reader.imageCount(), frames);
        for (int i = 0; i < frames; ++i) {
            const QImage frame = reader.read();
            QVERIFY2(!frame.isNull(), qPrintable(reader.errorString()));
            QCOMPARE(frame.size(), size);
            // The palette's cube holds these colours exactly.
            QCOMPARE(QColor(frame.pixel(size.width() - 1, size.height() - 1)),
                     i % 2 ? QColor(255, 0, 0) : QColor(0, 0, 255));
            QCOMPARE(QColor(frame.pixel(0, 0)), QColor(0, 255, 0));
            QCOMPARE(reader.nextImageDelay(), expectedDelayMs);
        }
        QBuffer again(&gif);
        QMovie movie(&again, "gif");
        QVERIFY(movie.isValid());
        QCOMPARE(movie.frameCount(), frames);
    }

    void answersAnimatedGif_data()
    {
        QTest::addColumn<QJsonObject>("options");
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("delayMs");

        QTest::newRow("defaults: 9 frames, 200 ms") << QJsonObject() << 9 << 200;
        QTest::newRow("4 frames, 120 ms")
            << QJsonObject {{u"frame_count"_s, 4}, {u"frame_duration_ms"_s, 120}} << 4 << 120;
    }

    void answersAnimatedGif()
    {
        QFETCH(QJsonObject, options);
        QFETCH(int, frames);
        QFETCH(int, delayMs);
        QJsonObject body = options;
        body.insert(u"prompt"_s, u"a flag in the wind"_s);
        body.insert(u"model"_s, u"gpt-image-2.6-flare"_s);
        body.insert(u"output_format"_s, u"gif"_s);
        const Answer answer = generate(body);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value(u"output_format"_s).toString(), u"gif"_s);
        QByteArray gif = QByteArray::fromBase64(
            answer.json[u"data"_s][0][u"b64_json"_s].toString().toLatin1());
        QVERIFY(gif.startsWith("GIF89a"));
        QBuffer buffer(&gif);
        QImageReader reader(&buffer, "gif");
        QCOMPARE(reader.imageCount(), frames);
        QVERIFY(!reader.read().isNull());
        QCOMPARE(reader.nextImageDelay(), delayMs);
    }

    void answersSvgWithItsUsage()
    {
        const Answer answer
            = generate({{u"prompt"_s, u"a logo"_s},
                        {u"model"_s, u"gpt-image-2.6-sunburst"_s},
                        {u"output_format"_s, u"svg"_s},
                        {u"svg"_s,
                         QJsonObject {{u"model"_s, u"gpt-5.1"_s},
                                      {u"reasoning"_s, QJsonObject {{u"effort"_s, u"low"_s}}}}},
                        {u"safety_identifier"_s, u"user-7f3a"_s}});
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value(u"output_format"_s).toString(), u"svg"_s);
        QCOMPARE(answer.json.value(u"safety_identifier"_s).toString(), u"user-7f3a"_s);
        const QByteArray svg = QByteArray::fromBase64(
            answer.json[u"data"_s][0][u"b64_json"_s].toString().toLatin1());
        QVERIFY(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        QBuffer buffer;
        buffer.setData(svg);
        QImageReader reader(&buffer, "svg");
        QCOMPARE(reader.read().size(), QSize(64, 64));
        const QJsonObject usage = answer.json.value(u"svg_usage"_s).toObject();
        QCOMPARE(QStringList(usage.keys()),
                 (QStringList {u"input_tokens"_s, u"model"_s, u"output_tokens"_s,
                               u"reasoning_tokens"_s, u"total_tokens"_s}));
        QCOMPARE(usage.value(u"model"_s).toString(), u"gpt-5.1"_s);
        QCOMPARE(usage.value(u"total_tokens"_s).toInt(),
                 usage.value(u"input_tokens"_s).toInt() + usage.value(u"output_tokens"_s).toInt());
        QVERIFY(answer.json.contains(u"usage"_s)); // the image model's own usage stays beside it

        const Answer edited = edit(form({u"@image"_s, u"prompt=p"_s, u"model=gpt-image-2.6-flare"_s,
                                         u"output_format=svg"_s, u"svg[model]=gpt-5-mini"_s}));
        QCOMPARE(edited.status, 200);
        QCOMPARE(edited.json[u"svg_usage"_s][u"model"_s].toString(), u"gpt-5-mini"_s);
    }
};

QTEST_GUILESS_MAIN(TestFakeImagesServer)
#include "tst_fakeimagesserver.moc"
