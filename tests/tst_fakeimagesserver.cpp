// The fake Images API itself: its schema (the SDK 7.59's). The other tests trust it to refuse
// what OpenAI refuses.
#include "fakeimagesserver.h"
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
};

QTEST_GUILESS_MAIN(TestFakeImagesServer)
#include "tst_fakeimagesserver.moc"
