#include "api/imagejob.h"
#include "api/imagesclient.h"
#include "catalog/catalog.h"
#include "fakeimagesserver.h"
#include "model/imagerequest.h"
#include "model/parameters.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    QList<ImageResult> partials;
    QList<ImageResult> images;
    QList<ApiError> errors;
    QList<int> retryDelays;
    QList<Usage> usages;
    bool succeeded = false;
    bool finished = false;
};

// Keeps streamed images in memory, and what became of each. Written on the job's thread (the
// CLI's way) or on the decode thread (decoding while receiving): read it through records().
class MemorySink final : public ImageJob::StreamSink
{
public:
    struct Record
    {
        QByteArray bytes;
        QString committedAs; // the ImageResult's description at commit
        bool discarded = false;
    };
    qsizetype failAfterBytes = -1; // a write that would pass this fails

    QList<Record> records() const
    {
        const QMutexLocker locker(&m_shared->mutex);
        return m_shared->records;
    }

    Result<std::unique_ptr<Writer>> begin() override
    {
        const QMutexLocker locker(&m_shared->mutex);
        m_shared->records.append(Record());
        return std::unique_ptr<Writer>(
            std::make_unique<Entry>(m_shared, m_shared->records.size() - 1, failAfterBytes));
    }

private:
    struct Shared
    {
        mutable QMutex mutex;
        QList<Record> records;
    };
    std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();

    class Entry final : public Writer
    {
    public:
        Entry(std::shared_ptr<Shared> shared, qsizetype index, qsizetype failAfter)
            : m_shared(std::move(shared))
            , m_index(index)
            , m_failAfter(failAfter)
        { }
        ~Entry() override
        {
            const QMutexLocker locker(&m_shared->mutex);
            if (!m_committed)
                m_shared->records[m_index].discarded = true;
        }
        Status write(QByteArrayView bytes) override
        {
            const QMutexLocker locker(&m_shared->mutex);
            Record &record = m_shared->records[m_index];
            if (m_failAfter >= 0 && record.bytes.size() + bytes.size() > m_failAfter)
                return failure(u"the disk is full"_s);
            record.bytes.append(bytes);
            return success();
        }
        Result<ImageJob::Kept> commit(const ImageResult &image) override
        {
            const QMutexLocker locker(&m_shared->mutex);
            m_committed = true;
            const QString name = u"%1-%2-%3x%4"_s.arg(image.partial ? u"partial"_s : u"final"_s)
                                     .arg(image.index)
                                     .arg(image.size.width())
                                     .arg(image.size.height());
            m_shared->records[m_index].committedAs = name;
            return ImageJob::Kept {u"memory:"_s + name};
        }

    private:
        std::shared_ptr<Shared> m_shared;
        qsizetype m_index;
        qsizetype m_failAfter;
        bool m_committed = false;
    };
};

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (char c : bytes) {
        crc ^= quint8(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A PNG signature, a header claiming width x height and a first data chunk, then filler.
QByteArray pngHeaderClaiming(quint32 width, quint32 height, int filler)
{
    auto be32 = [](quint32 value) {
        const char bytes[4] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
        return QByteArray(bytes, 4);
    };
    const QByteArray ihdr
        = "IHDR" + be32(width) + be32(height) + QByteArray("\x08\x02\x00\x00\x00", 5);
    const QByteArray idat
        = QByteArray("IDAT", 4) + QByteArray("\x78\x9c\x03\x00\x00\x00\x00\x01", 8);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + be32(13) + ihdr + be32(crc32(ihdr)) + be32(8) + idat
        + be32(crc32(idat)) + QByteArray(filler, '\0');
}

QByteArray rawStream(const QByteArray &events)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
        + events;
}

} // namespace

Q_DECLARE_METATYPE(Atelier::ProviderProfile::Kind)
Q_DECLARE_METATYPE(Atelier::Violation::Severity)

class TestImagesClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeImagesServer> m_server;
    std::unique_ptr<ImagesClient> m_client;
    QTemporaryDir m_dir;

    ProviderProfile profile() const
    {
        ProviderProfile profile;
        profile.kind = ProviderProfile::Kind::Compatible;
        profile.baseUrl = m_server->baseUrl();
        return profile;
    }

    Run run(const ImageRequest &request, std::function<void(ImageJob *)> during = {})
    {
        Run result;
        ImageJob *job = m_client->start(request);
        connect(job, &ImageJob::partialImage, this,
                [&](const ImageResult &image) { result.partials.append(image); });
        connect(job, &ImageJob::imageReady, this,
                [&](const ImageResult &image) { result.images.append(image); });
        connect(job, &ImageJob::failed, this,
                [&](const ApiError &error) { result.errors.append(error); });
        connect(job, &ImageJob::retrying, this,
                [&](int, int delay, const ApiError &) { result.retryDelays.append(delay); });
        connect(job, &ImageJob::usageReported, this,
                [&](const Usage &usage) { result.usages.append(usage); });
        connect(job, &ImageJob::succeeded, this, [&] { result.succeeded = true; });
        connect(job, &ImageJob::finished, this, [&] { result.finished = true; });
        if (during)
            during(job);
        if (!result.finished)
            (void)QTest::qWaitFor([&result] { return result.finished; }, 20000);
        if (!result.finished)
            qWarning("the job did not finish within 20 s");
        delete job;
        return result;
    }

    static ImageRequest generation(const QString &model, const QString &optionsJson = {})
    {
        ImageRequest request;
        request.model = model;
        request.prompt = u"a lighthouse at dusk"_s;
        if (!optionsJson.isEmpty()) {
            const QJsonObject options = QJsonDocument::fromJson(optionsJson.toUtf8()).object();
            for (auto it = options.constBegin(); it != options.constEnd(); ++it)
                request.setOption(it.key(), it.value());
        }
        return request;
    }

    QString writePng(const QString &name, const QSize &size, bool alpha = false)
    {
        QImage image(size, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        image.fill(alpha ? QColor(0, 0, 0, 0) : QColor(Qt::darkGreen));
        const QString path = m_dir.filePath(name);
        image.save(path, "PNG");
        return path;
    }

    void setDecodePixels(bool decodePixels)
    {
        ClientOptions options = m_client->options();
        options.decode.decodePixels = decodePixels;
        m_client->setOptions(options);
    }

    // The stream sink tests' setup for the row's decodePixels and burst (the whole answer written
    // at once): big noise images, that arrive in slices, and a sink for them.
    std::shared_ptr<MemorySink> bigImagesForASink()
    {
        QFETCH(bool, decodePixels);
        QFETCH(bool, burst);
        setDecodePixels(decodePixels);
        m_server->setBurst(burst);
        m_server->setNoiseImages(true);
        m_server->setImageSize(QSize(512, 512));
        return std::make_shared<MemorySink>();
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeImagesServer>();
        QVERIFY(m_server->listen());
        m_server->setApiKey(u"sk-test-123"_s);
        m_client = std::make_unique<ImagesClient>(
            [catalog = Catalog::fromJson(Catalog::builtinJson())](
                const ImageRequest &request, const ValidationContext &context) {
                return catalog.validate(request, context);
            });
        m_client->setProvider(profile(), u"sk-test-123"_s);
        ClientOptions options;
        options.retry.initialDelayMs = 5;
        options.retry.maxDelayMs = 20;
        m_client->setOptions(options);
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
    }

    void generationSendsOnlyWhatIsSet()
    {
        const Run result = run(generation(
            u"gpt-image-1.5"_s, u"{\"n\":2,\"size\":\"1024x1536\",\"quality\":\"low\"}"_s));
        QVERIFY2(result.succeeded,
                 result.errors.isEmpty() ? "" : qPrintable(result.errors.first().toString()));
        QCOMPARE(result.images.size(), 2);
        QCOMPARE(result.images[0].format, u"png"_s);
        QCOMPARE(result.images[0].size, QSize(64, 64));
        QVERIFY(!result.images[0].image.isNull());
        QCOMPARE(result.images[1].index, 1);
        QCOMPARE(result.usages.size(), 1);
        QCOMPARE(result.usages[0].totalTokens, 100);
        QCOMPARE(m_server->requestCount(), 1);
        const RecordedRequest &sent = m_server->requests().first();
        QCOMPARE(sent.path, u"/v1/images/generations"_s);
        QVERIFY2(sent.violations.isEmpty(), qPrintable(sent.violations.join(u"; "_s)));
        QStringList keys = sent.json.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList {u"model"_s, u"n"_s, u"prompt"_s, u"quality"_s, u"size"_s}));
        QCOMPARE(sent.header("authorization"), QByteArray("Bearer sk-test-123"));
        QVERIFY(sent.header("user-agent").startsWith("Atelier/"));
    }

    void streamingDeliversPartialsInOrder()
    {
        m_server->setEventDelayMs(15);
        const Run result
            = run(generation(u"gpt-image-1"_s, u"{\"stream\":true,\"partial_images\":3}"_s));
        QVERIFY(result.succeeded);
        QCOMPARE(result.partials.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(result.partials[i].index, i);
            QVERIFY(result.partials[i].partial);
            QVERIFY(!result.partials[i].image.isNull());
        }
        QCOMPARE(result.images.size(), 1);
        QVERIFY(!result.images[0].partial);
        QCOMPARE(result.usages.size(), 1);
        QCOMPARE(m_server->requests().first().json.value(u"stream"_s).toBool(), true);
    }

    void editIsMultipartWithStreamedFiles()
    {
        const QString first = writePng(u"first.png"_s, QSize(32, 32));
        const QString second = writePng(u"second.png"_s, QSize(48, 32));
        const QString mask = writePng(u"mask.png"_s, QSize(32, 32), true);
        ImageRequest request
            = generation(u"gpt-image-1.5"_s,
                         u"{\"input_fidelity\":\"high\",\"stream\":true,\"partial_images\":1}"_s);
        request.endpoint = Endpoint::Edits;
        request.images = {first, second};
        request.mask = mask;
        const Run result = run(request);
        QVERIFY2(result.succeeded,
                 result.errors.isEmpty() ? "" : qPrintable(result.errors.first().toString()));
        QCOMPARE(result.partials.size(), 1);
        QCOMPARE(result.images.size(), 1);
        const RecordedRequest &sent = m_server->requests().first();
        QVERIFY2(sent.violations.isEmpty(), qPrintable(sent.violations.join(u"; "_s)));
        QCOMPARE(sent.path, u"/v1/images/edits"_s);
        QCOMPARE(sent.partNames(),
                 (QStringList {u"image[]"_s, u"image[]"_s, u"mask"_s, u"model"_s, u"prompt"_s,
                               u"input_fidelity"_s, u"partial_images"_s, u"stream"_s}));
        QFile file(first);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(sent.parts[0].data, file.readAll());
        QCOMPARE(sent.parts[0].fileName, u"first.png"_s);
        QCOMPARE(sent.parts[0].contentType, u"image/png"_s);
        QCOMPARE(sent.part(u"stream"_s)->data, QByteArray("true"));
    }

    void singleImageUsesPlainName()
    {
        ImageRequest request = generation(
            u"dall-e-2"_s, u"{\"response_format\":\"b64_json\",\"size\":\"256x256\"}"_s);
        request.endpoint = Endpoint::Edits;
        request.images = {writePng(u"square.png"_s, QSize(32, 32))};
        const Run result = run(request);
        QVERIFY(result.succeeded);
        QCOMPARE(m_server->requests().first().partNames().first(), u"image"_s);
    }

    void variationUrlsAreDownloadedWithoutTheKey()
    {
        ImageRequest request;
        request.endpoint = Endpoint::Variations;
        request.model = u"dall-e-2"_s;
        request.images = {writePng(u"variation.png"_s, QSize(32, 32))};
        request.setOption(Param::N, 2);
        const Run result = run(request);
        QVERIFY2(result.succeeded,
                 result.errors.isEmpty() ? "" : qPrintable(result.errors.first().toString()));
        QCOMPARE(result.images.size(), 2);
        QVERIFY(result.images[0].sourceUrl.isValid());
        QCOMPARE(m_server->requestCount(), 3);
        QVERIFY(m_server->requests()[0].violations.isEmpty());
        for (int i = 1; i < 3; ++i) {
            QCOMPARE(m_server->requests()[i].method, QByteArray("GET"));
            QVERIFY(m_server->requests()[i].header("authorization").isEmpty());
        }
    }

    // An answer is untrusted: image URLs that name a local file, this machine or the local
    // network are never fetched (nor is plain http elsewhere); only the API's own address and
    // public https hosts are.
    void imageUrlsOutsideTheApiAreNotFetched_data()
    {
        QTest::addColumn<QString>(
            "url"); // {photo}: a PNG that exists; {other}: another local server
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("a local file") << u"file://{photo}"_s << u"not on the web"_s;
        QTest::newRow("a missing local file")
            << u"file:///nowhere/photo.png"_s << u"not on the web"_s;
        QTest::newRow("loopback, another port") << u"{other}/files/1.png"_s << u"http address"_s;
        QTest::newRow("https to loopback")
            << u"https://127.0.0.2/photo.png"_s << u"local network"_s;
        QTest::newRow("https to localhost")
            << u"https://localhost/photo.png"_s << u"local network"_s;
        QTest::newRow("https, decimal loopback")
            << u"https://2130706433/photo.png"_s << u"local network"_s;
        QTest::newRow("https to a private network")
            << u"https://192.168.1.1/photo.png"_s << u"local network"_s;
        QTest::newRow("https to cloud metadata")
            << u"https://169.254.169.254/latest"_s << u"local network"_s;
        QTest::newRow("https to IPv6 loopback")
            << u"https://[::1]/photo.png"_s << u"local network"_s;
        QTest::newRow("https to IPv6 unique local")
            << u"https://[fd00::5]/photo.png"_s << u"local network"_s;
        QTest::newRow("plain http to a public host")
            << u"http://example.com/photo.png"_s << u"http address"_s;
    }

    void imageUrlsOutsideTheApiAreNotFetched()
    {
        QFETCH(QString, url);
        QFETCH(QString, messagePart);
        FakeImagesServer other;
        QVERIFY(other.listen());
        other.setApiKey(QString());
        url.replace(u"{photo}"_s, writePng(u"photo.png"_s, QSize(16, 16)));
        url.replace(u"{other}"_s, u"http://127.0.0.1:%1"_s.arg(other.port()));
        ScriptedReply answer;
        answer.kind = ScriptedReply::Kind::Error; // a 200 with the body below
        answer.status = 200;
        answer.body
            = QJsonDocument(QJsonObject {{u"created"_s, 1},
                                         {u"data"_s, QJsonArray {QJsonObject {{u"url"_s, url}}}}})
                  .toJson(QJsonDocument::Compact);
        m_server->enqueue(answer);
        int persisted = 0;
        const Run result = run(generation(u"dall-e-3"_s, u"{\"response_format\":\"url\"}"_s),
                               [&](ImageJob *job) {
                                   job->setPersister([&persisted](const ImageResult &) {
                                       ++persisted;
                                       return ImageJob::Kept {u"saved.png"_s};
                                   });
                               });
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().kind, ApiError::Kind::InvalidResponse);
        QVERIFY2(result.errors.first().message.contains(messagePart),
                 qPrintable(result.errors.first().message));
        QVERIFY(
            !result.errors.first().message.contains(u"photo.png"_s)); // nothing about what is there
        QVERIFY(result.images.isEmpty());
        QCOMPARE(persisted, 0);
        QCOMPARE(other.requestCount(), 0);
        QCOMPARE(m_server->requestCount(), 1);
    }

    // An image URL at the API's own address that redirects elsewhere: the redirect is checked
    // like the URL, and not followed.
    void imageRedirectsAreCheckedToo()
    {
        FakeImagesServer other;
        QVERIFY(other.listen());
        other.setApiKey(QString());
        m_server->setApiKey(QString()); // the image GET carries no key
        ScriptedReply answer;
        answer.kind = ScriptedReply::Kind::Error;
        answer.status = 200;
        const QString moved = m_server->baseUrl().toString() + u"/moved.png"_s;
        answer.body = "{\"created\":1,\"data\":[{\"url\":\"" + moved.toUtf8() + "\"}]}";
        m_server->enqueue(answer);
        ScriptedReply redirect;
        redirect.kind = ScriptedReply::Kind::Redirect;
        redirect.location = QUrl(u"http://127.0.0.1:%1/files/1.png"_s.arg(other.port()));
        m_server->enqueue(redirect);
        const Run result = run(generation(u"dall-e-3"_s, u"{\"response_format\":\"url\"}"_s));
        QCOMPARE(m_server->requestCount(), 2); // the answer, and the GET that was redirected
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.first().message.contains(u"http address"_s),
                 qPrintable(result.errors.first().message));
        QVERIFY(result.images.isEmpty());
        QCOMPARE(other.requestCount(), 0);
    }

    void revisedPromptIsKept()
    {
        const Run result = run(generation(u"dall-e-3"_s, u"{\"response_format\":\"b64_json\"}"_s));
        QVERIFY(result.succeeded);
        QCOMPARE(result.images.first().revisedPrompt, u"Revised: a lighthouse at dusk"_s);
    }

    void apiErrorReachesCaller()
    {
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::Error;
        reply.status = 400;
        reply.body
            = R"({"error":{"message":"Your prompt was flagged.","type":"invalid_request_error","param":"prompt","code":"content_policy_violation"}})";
        m_server->enqueue(reply);
        const Run result = run(generation(u"gpt-image-1"_s));
        QCOMPARE(result.errors.size(), 1);
        const ApiError &error = result.errors.first();
        QCOMPARE(error.kind, ApiError::Kind::Api);
        QCOMPARE(error.httpStatus, 400);
        QCOMPARE(error.param, u"prompt"_s);
        QCOMPARE(error.code, u"content_policy_violation"_s);
        QVERIFY(error.requestId.startsWith(u"req_"_s));
        QVERIFY(error.toString().contains(u"Your prompt was flagged."_s));
        QCOMPARE(m_server->requestCount(), 1); // 400 is not retried
    }

    void wrongKeyIsAnApiError()
    {
        m_client->setProvider(profile(), u"sk-wrong"_s);
        const Run result = run(generation(u"gpt-image-1"_s));
        QCOMPARE(result.errors.first().httpStatus, 401);
        QCOMPARE(result.errors.first().code, u"invalid_api_key"_s);
        QVERIFY(!result.errors.first().toString().contains(u"sk-wrong"_s));
    }

    void retriesHonourRetryAfter_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("delay");
        QTest::newRow("429 retry-after-ms")
            << 429 << QByteArray("retry-after-ms") << QByteArray("30") << 30;
        QTest::newRow("503 retry-after")
            << 503 << QByteArray("retry-after") << QByteArray("0.04") << 40;
        QTest::newRow("408 backoff") << 408 << QByteArray("x-other") << QByteArray("1") << -1;
        QTest::newRow("409 backoff") << 409 << QByteArray("x-other") << QByteArray("1") << -1;
        QTest::newRow("500 backoff") << 500 << QByteArray("x-other") << QByteArray("1") << -1;
    }

    void retriesHonourRetryAfter()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(int, delay);
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::Error;
        reply.status = status;
        reply.body = R"({"error":{"message":"try later","type":"server_error"}})";
        reply.headers = {{header, value}};
        m_server->enqueue(reply);
        const Run result = run(generation(u"gpt-image-1"_s));
        QVERIFY(result.succeeded);
        QCOMPARE(m_server->requestCount(), 2);
        QCOMPARE(result.retryDelays.size(), 1);
        if (delay >= 0)
            QCOMPARE(result.retryDelays.first(), delay);
        else
            QVERIFY(result.retryDelays.first() >= 3 && result.retryDelays.first() <= 5);
    }

    void shouldRetryHeaderWins()
    {
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::Error;
        reply.status = 500;
        reply.body = R"({"error":{"message":"no"}})";
        reply.headers = {{"x-should-retry", "false"}};
        m_server->enqueue(reply);
        const Run result = run(generation(u"gpt-image-1"_s));
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void retriesStopAtTheLimit()
    {
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::Error;
        reply.status = 502;
        reply.body = "<html>Bad gateway</html>";
        for (int i = 0; i < 5; ++i)
            m_server->enqueue(reply);
        const Run result = run(generation(u"gpt-image-1"_s));
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().httpStatus, 502);
        QCOMPARE(m_server->requestCount(), 3); // one try and two retries
        QCOMPARE(result.retryDelays.size(), 2);
    }

    void connectionRefusedIsRetriedThenFails()
    {
        ProviderProfile closed = profile();
        {
            FakeImagesServer probe;
            QVERIFY(probe.listen());
            closed.baseUrl = probe.baseUrl();
        } // the port is closed again: nothing listens there now
        m_client->setProvider(closed, u"sk-test-123"_s);
        const Run result = run(generation(u"gpt-image-1"_s));
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().kind, ApiError::Kind::Network);
        QCOMPARE(result.retryDelays.size(), 2);
    }

    void resetMidStreamKeepsPartialsAndDoesNotRetry()
    {
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::ResetAfterEvents;
        reply.events = 2;
        m_server->enqueue(reply);
        m_server->setEventDelayMs(10);
        const Run result
            = run(generation(u"gpt-image-1"_s, u"{\"stream\":true,\"partial_images\":3}"_s));
        QCOMPARE(result.partials.size(), 2);
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().kind, ApiError::Kind::Network);
        QVERIFY(result.errors.first().message.contains(u"already received are kept"_s));
        QCOMPARE(m_server->requestCount(), 1);
    }

    void timeoutNamesTheFigureThatApplied_data()
    {
        QTest::addColumn<int>("connectMs");
        QTest::addColumn<int>("idleMs");
        QTest::addColumn<QString>("said");
        // The request goes out, then nothing comes back: the idle timeout applies.
        QTest::newRow("idle 1 s, connect 30 s") << 30000 << 1000 << u"nothing for 1 second"_s;
        QTest::newRow("idle 2 s, connect 60 s") << 60000 << 2000 << u"nothing for 2 second"_s;
    }

    void timeoutNamesTheFigureThatApplied()
    {
        QFETCH(int, connectMs);
        QFETCH(int, idleMs);
        QFETCH(QString, said);
        // A server that takes the request and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = silent.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
            held.append(socket);
        });
        ProviderProfile profile;
        profile.kind = ProviderProfile::Kind::Compatible;
        profile.baseUrl = QUrl(u"http://127.0.0.1:%1/v1"_s.arg(silent.serverPort()));
        m_client->setProvider(profile, u"sk-test"_s);
        ClientOptions options = m_client->options();
        options.connectTimeoutMs = connectMs;
        options.idleTimeoutMs = idleMs;
        options.retry.maxRetries = 0;
        m_client->setOptions(options);
        const Run result = run(generation(u"gpt-image-2.6-flare"_s, u"{}"_s));
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().kind, ApiError::Kind::Timeout);
        QVERIFY2(result.errors.first().message.contains(said),
                 qPrintable(result.errors.first().message));
    }

    void stalledStreamTimesOut()
    {
        ClientOptions options = m_client->options();
        options.idleTimeoutMs = 300;
        m_client->setOptions(options);
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::StallAfterEvents;
        reply.events = 1;
        m_server->enqueue(reply);
        const Run result
            = run(generation(u"gpt-image-1"_s, u"{\"stream\":true,\"partial_images\":2}"_s));
        QCOMPARE(result.partials.size(), 1);
        QCOMPARE(result.errors.first().kind, ApiError::Kind::Timeout);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void cancelKeepsWhatArrived()
    {
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::StallAfterEvents;
        reply.events = 2;
        m_server->enqueue(reply);
        int partials = 0;
        const Run result
            = run(generation(u"gpt-image-1"_s, u"{\"stream\":true,\"partial_images\":3}"_s),
                  [&](ImageJob *job) {
                      connect(job, &ImageJob::partialImage, job, [&partials, job] {
                          if (++partials == 2)
                              job->cancel();
                      });
                  });
        QCOMPARE(result.partials.size(), 2);
        QCOMPARE(result.errors.first().kind, ApiError::Kind::Cancelled);
    }

    // With a stream sink, big images are handed over slice by slice as they arrive; each still
    // has its header checked and is described as usual, and the bytes are exactly the image's.
    // The sink's two ways: the CLI's (no pixels; written on the job's thread, nothing gathered)
    // and the studio's (decoded and gathered while written, on the decode thread).
    void streamSinkTakesImagesAsTheyArrive_data()
    {
        QTest::addColumn<bool>("decodePixels");
        QTest::addColumn<bool>("burst"); // the whole answer written at once
        QTest::newRow("header only (CLI)") << false << false;
        QTest::newRow("decoded while received (studio)") << true << false;
        QTest::newRow("header only (CLI), burst") << false << true;
        QTest::newRow("decoded while received (studio), burst") << true << true;
    }

    void streamSinkTakesImagesAsTheyArrive()
    {
        QFETCH(bool, decodePixels);
        auto sink = bigImagesForASink();
        int persisted = 0;
        const Run result
            = run(generation(u"gpt-image-1"_s, u"{\"stream\":true,\"partial_images\":2}"_s),
                  [&](ImageJob *job) {
                      job->setStreamSink(sink);
                      job->setPersister([&persisted](const ImageResult &) {
                          ++persisted;
                          return ImageJob::Kept {u"persisted"_s};
                      });
                  });
        QVERIFY2(result.succeeded,
                 result.errors.isEmpty() ? "" : qPrintable(result.errors.first().toString()));
        QCOMPARE(result.partials.size(), 2);
        QCOMPARE(result.images.size(), 1);
        QCOMPARE(persisted, 0);
        const QList<MemorySink::Record> records = sink->records();
        QCOMPARE(records.size(), 3);
        const QStringList names
            = {u"partial-0-512x512"_s, u"partial-1-512x512"_s, u"final-0-512x512"_s};
        const QList<ImageResult> images = result.partials + result.images;
        for (int i = 0; i < 3; ++i) {
            const MemorySink::Record &record = records.at(i);
            QCOMPARE(record.committedAs, names[i]);
            QVERIFY(!record.discarded);
            QCOMPARE(images[i].savedPath, u"memory:"_s + names[i]);
            QCOMPARE(images[i].format, u"png"_s);
            QCOMPARE(images[i].size, QSize(512, 512));
            const QImage decoded = QImage::fromData(record.bytes, "PNG");
            QCOMPARE(decoded.size(), QSize(512, 512));
            if (decodePixels) {
                QCOMPARE(images[i].encoded, record.bytes);
                QVERIFY(images[i].image == decoded);
            } else {
                QVERIFY(images[i].encoded.isEmpty());
                QVERIFY(images[i].image.isNull());
            }
        }
        // The same request without a sink delivers the same bytes whole.
        const Run whole
            = run(generation(u"gpt-image-1"_s, u"{\"stream\":true,\"partial_images\":2}"_s));
        QCOMPARE(whole.partials.size(), 2);
        QCOMPARE(whole.partials[1].encoded, records.at(1).bytes);
        QCOMPARE(whole.images[0].encoded, records.at(2).bytes);
    }

    void decodingWhileReceivingGivesTheSameImages_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << u"png"_s;
        QTest::newRow("jpeg (decoded whole at the end)") << u"jpeg"_s;
        QTest::newRow("webp (decoded whole at the end)") << u"webp"_s;
    }

    void decodingWhileReceivingGivesTheSameImages()
    {
        QFETCH(QString, format);
        m_server->setNoiseImages(true);
        m_server->setImageSize(QSize(640, 480));
        const ImageRequest request = generation(
            u"gpt-image-1"_s,
            u"{\"stream\":true,\"partial_images\":3,\"output_format\":\"%1\"}"_s.arg(format));
        QList<Run> runs;
        for (const bool whileReceiving : {true, false}) {
            ClientOptions options = m_client->options();
            options.decodeWhileReceiving = whileReceiving;
            options.decode.previewSize = QSize(300, 300);
            options.decode.thumbnailEdge = 64;
            m_client->setOptions(options);
            runs.append(run(request));
            QVERIFY(runs.last().succeeded);
            QCOMPARE(runs.last().partials.size(), 3);
            QCOMPARE(runs.last().images.size(), 1);
        }
        const QList<ImageResult> streamed = runs[0].partials + runs[0].images;
        const QList<ImageResult> gathered = runs[1].partials + runs[1].images;
        for (int i = 0; i < streamed.size(); ++i) {
            QCOMPARE(streamed[i].format, format);
            QCOMPARE(streamed[i].encoded, gathered[i].encoded);
            QCOMPARE(streamed[i].size, QSize(640, 480));
            QVERIFY(!streamed[i].image.isNull());
            QVERIFY(streamed[i].image == gathered[i].image);
            QVERIFY(streamed[i].preview == gathered[i].preview);
            QCOMPARE(streamed[i].preview.size(), QSize(300, 225));
            QVERIFY(streamed[i].thumbnail == gathered[i].thumbnail);
            QCOMPARE(streamed[i].index, gathered[i].index);
            QCOMPARE(streamed[i].partial, gathered[i].partial);
            QVERIFY(streamed[i].receivedAtNs > 0);
        }
        QCOMPARE(runs[0].usages.size(), 1);
    }

    void damagedStreamedImages_data()
    {
        QTest::addColumn<bool>("whileReceiving");
        QTest::addColumn<QByteArray>("image");
        QTest::addColumn<QString>("messagePart");
        QImage picture(300, 200, QImage::Format_RGB32);
        picture.fill(Qt::darkCyan);
        QByteArray png;
        {
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            picture.save(&buffer, "PNG");
        }
        QByteArray badCrc = png;
        badCrc[badCrc.indexOf("IDAT") + 10] = char(badCrc.at(badCrc.indexOf("IDAT") + 10) ^ 0x55);
        for (const bool whileReceiving : {true, false}) {
            const char *mode = whileReceiving ? "while receiving" : "gathered";
            QTest::addRow("%s: damaged image data", mode)
                << whileReceiving << badCrc << u"damaged image"_s;
            QTest::addRow("%s: cut short", mode)
                << whileReceiving << png.first(png.size() / 2) << u"damaged image"_s;
            QTest::addRow("%s: not an image", mode)
                << whileReceiving << QByteArray(5000, 'x') << u"not an image"_s;
            QTest::addRow("%s: absurd dimensions", mode)
                << whileReceiving << pngHeaderClaiming(100000, 100000, 300000)
                << u"100000x100000"_s;
        }
    }

    void damagedStreamedImages()
    {
        QFETCH(bool, whileReceiving);
        QFETCH(QByteArray, image);
        QFETCH(QString, messagePart);
        ClientOptions options = m_client->options();
        options.decodeWhileReceiving = whileReceiving;
        m_client->setOptions(options);
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::Raw;
        reply.raw = rawStream("event: image_generation.completed\ndata: "
                              "{\"type\":\"image_generation.completed\",\"b64_json\":\""
                              + image.toBase64() + "\"}\n\n");
        m_server->enqueue(reply);
        const Run result
            = run(generation(u"gpt-image-1"_s, u"{\"stream\":true,\"partial_images\":1}"_s));
        QVERIFY(!result.succeeded);
        QVERIFY(result.images.isEmpty());
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.first().message.contains(messagePart),
                 qPrintable(result.errors.first().message));
    }

    void streamSinkFailuresAreReported_data() { streamSinkTakesImagesAsTheyArrive_data(); }

    void streamSinkFailuresAreReported()
    {
        QFETCH(bool, decodePixels);
        auto sink = bigImagesForASink();
        sink->failAfterBytes = 100000;
        const Run result
            = run(generation(u"gpt-image-1"_s, u"{\"stream\":true,\"partial_images\":1}"_s),
                  [&](ImageJob *job) { job->setStreamSink(sink); });
        QVERIFY(result.succeeded); // the images arrived; keeping them failed
        QCOMPARE(result.partials.size(), 1);
        QCOMPARE(result.images.size(), 1);
        QVERIFY(result.images[0].savedPath.isEmpty());
        QCOMPARE(result.images[0].saveError, u"the disk is full"_s);
        QCOMPARE(result.images[0].image.isNull(), !decodePixels); // shown all the same
        QCOMPARE(sink->records().size(), 2);
        QVERIFY(sink->records().at(0).discarded && sink->records().at(1).discarded);
    }

    void failedSinkLeavesTheBytesToThePersister()
    {
        // Decoding while receiving gathers the bytes too: a sink that fails while writing (a
        // full disk for a moment, a folder gone) does not lose the image; the persister keeps it.
        m_server->setNoiseImages(true);
        m_server->setImageSize(QSize(512, 512));
        auto sink = std::make_shared<MemorySink>();
        sink->failAfterBytes = 100000;
        QList<QByteArray> persisted;
        QMutex mutex;
        const Run result
            = run(generation(u"gpt-image-1"_s, u"{\"stream\":true,\"partial_images\":1}"_s),
                  [&](ImageJob *job) {
                      job->setStreamSink(sink);
                      job->setPersister([&](const ImageResult &image) {
                          const QMutexLocker locker(&mutex);
                          persisted.append(image.encoded);
                          return ImageJob::Kept {u"persisted"_s};
                      });
                  });
        QVERIFY(result.succeeded);
        QCOMPARE(result.images.size(), 1);
        QCOMPARE(result.images[0].savedPath, u"persisted"_s);
        QVERIFY(result.images[0].saveError.isEmpty());
        QCOMPARE(persisted.size(), 2);
        QCOMPARE(persisted.last(), result.images[0].encoded);
        QTRY_VERIFY(sink->records().at(1).discarded);
    }

    void streamSinkBrokenImages_data()
    {
        QTest::addColumn<bool>("decodePixels");
        QTest::addColumn<QByteArray>("events");
        QTest::addColumn<QString>("messagePart");
        const QByteArray head = "event: image_generation.completed\ndata: "
                                "{\"type\":\"image_generation.completed\",\"b64_json\":\"";
        for (const bool decodePixels : {false, true})
            QTest::addRow("%s: not base64", decodePixels ? "decoded" : "header only")
                << decodePixels << head + QByteArray(300000, 'A') + "!AAA\"}\n\n"
                << u"not base64"_s;
        for (const bool decodePixels : {false, true})
            QTest::addRow("%s: broken off", decodePixels ? "decoded" : "header only")
                << decodePixels << head + QByteArray(300000, 'A')
                << u"not base64, or it broke off"_s;
        for (const bool decodePixels : {false, true})
            QTest::addRow("%s: not an image", decodePixels ? "decoded" : "header only")
                << decodePixels << head + QByteArray(300000, 'A') + "\"}\n\n"
                << u"not an image"_s;
        for (const bool decodePixels : {false, true})
            QTest::addRow("%s: absurd dimensions", decodePixels ? "decoded" : "header only")
                << decodePixels
                << head + pngHeaderClaiming(100000, 100000, 300000).toBase64() + "\"}\n\n"
                << u"100000x100000"_s;
    }

    void streamSinkBrokenImages()
    {
        QFETCH(bool, decodePixels);
        QFETCH(QByteArray, events);
        QFETCH(QString, messagePart);
        setDecodePixels(decodePixels);
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::Raw;
        reply.raw = rawStream(events);
        m_server->enqueue(reply);
        auto sink = std::make_shared<MemorySink>();
        const Run result
            = run(generation(u"gpt-image-1"_s, u"{\"stream\":true,\"partial_images\":1}"_s),
                  [&](ImageJob *job) { job->setStreamSink(sink); });
        QVERIFY(!result.succeeded);
        QVERIFY(result.images.isEmpty());
        QVERIFY(!result.errors.isEmpty());
        QVERIFY2(result.errors.first().message.contains(messagePart),
                 qPrintable(result.errors.first().message));
        QCOMPARE(sink->records().size(), 1);
        QTRY_VERIFY(sink->records().at(0).discarded); // by the decode thread, once done with it
    }

    void streamedEventOverTheCapIsRefused_data()
    {
        QTest::addColumn<bool>("withSink");
        QTest::addColumn<bool>("whileReceiving");
        QTest::newRow("gathered") << false << false;
        QTest::newRow("decoded while received") << false << true;
        QTest::newRow("streamed to a sink (CLI)") << true << false;
        QTest::newRow("streamed to a sink, decoded (studio)") << true << true;
    }

    void streamedEventOverTheCapIsRefused()
    {
        QFETCH(bool, withSink);
        QFETCH(bool, whileReceiving);
        ClientOptions options = m_client->options();
        options.maxEventBytes = 200000;
        options.decodeWhileReceiving = whileReceiving;
        options.decode.decodePixels = !withSink || whileReceiving;
        m_client->setOptions(options);
        m_server->setNoiseImages(true);
        m_server->setImageSize(QSize(512, 512));
        auto sink = std::make_shared<MemorySink>();
        const Run result
            = run(generation(u"gpt-image-1"_s, u"{\"stream\":true,\"partial_images\":1}"_s),
                  [&](ImageJob *job) {
                      if (withSink)
                          job->setStreamSink(sink);
                  });
        QVERIFY(!result.succeeded);
        QVERIFY(result.partials.isEmpty());
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().kind, ApiError::Kind::TooLarge);
        if (withSink) {
            QCOMPARE(sink->records().size(), 1);
            QTRY_VERIFY(sink->records().at(0).discarded);
        }
    }

    void brokenResponses_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<int>("errorKind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("malformed stream")
            << int(ScriptedReply::Kind::MalformedStream) << true
            << int(ApiError::Kind::InvalidResponse) << u"not valid JSON"_s;
        QTest::newRow("stream without final image")
            << int(ScriptedReply::Kind::StreamWithoutCompleted) << true
            << int(ApiError::Kind::InvalidResponse) << u"ended before the final image"_s;
        QTest::newRow("corrupt image") << int(ScriptedReply::Kind::CorruptImage) << false
                                       << int(ApiError::Kind::Decode) << u"not an image"_s;
        QTest::newRow("damaged pixels") << int(ScriptedReply::Kind::DamagedPixels) << false
                                        << int(ApiError::Kind::Decode) << u"damaged image"_s;
        QTest::newRow("absurd dimensions") << int(ScriptedReply::Kind::HugeImage) << false
                                           << int(ApiError::Kind::Decode) << u"100000x100000"_s;
    }

    void brokenResponses()
    {
        QFETCH(int, kind);
        QFETCH(bool, stream);
        QFETCH(int, errorKind);
        QFETCH(QString, messagePart);
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind(kind);
        reply.events = 1;
        m_server->enqueue(reply);
        const Run result = run(generation(
            u"gpt-image-1"_s, stream ? u"{\"stream\":true,\"partial_images\":1}"_s : QString()));
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(int(result.errors.first().kind), errorKind);
        QVERIFY2(result.errors.first().message.contains(messagePart),
                 qPrintable(result.errors.first().message));
        QVERIFY(!result.succeeded);
    }

    void oversizedResponseIsRefused()
    {
        ClientOptions options = m_client->options();
        options.maxResponseBytes = 1000;
        m_client->setOptions(options);
        m_server->setImageSize(QSize(256, 256));
        m_server->setNoiseImages(true);
        const Run result = run(generation(u"gpt-image-1"_s));
        QCOMPARE(result.errors.first().kind, ApiError::Kind::TooLarge);
        QCOMPARE(m_server->requestCount(), 1);
    }

    void redirectToAnotherHostIsNotFollowed()
    {
        FakeImagesServer other;
        QVERIFY(other.listen());
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::Redirect;
        reply.location = QUrl(other.baseUrl().toString() + u"/images/generations"_s);
        m_server->enqueue(reply);
        const Run result = run(generation(u"gpt-image-1"_s));
        QCOMPARE(result.errors.size(), 1);
        QCOMPARE(result.errors.first().kind, ApiError::Kind::Redirect);
        QCOMPARE(other.requestCount(), 0); // the key never reached the other host
    }

    void invalidRequestIsNeverSent()
    {
        const Run result = run(generation(u"dall-e-3"_s, u"{\"n\":3}"_s));
        QCOMPARE(result.errors.first().kind, ApiError::Kind::InvalidRequest);
        QVERIFY(result.errors.first().message.contains(u"set n to 1"_s));
        QCOMPARE(m_server->requestCount(), 0);
    }

    // The client asks the caller's check about every request, telling it where the request
    // would go; an error stops the request, a warning does not.
    void everyRequestIsCheckedForItsProvider_data()
    {
        QTest::addColumn<ProviderProfile::Kind>("kind");
        QTest::addColumn<Violation::Severity>("severity");
        QTest::addColumn<bool>("sent");
        QTest::newRow("compatible, error")
            << ProviderProfile::Kind::Compatible << Violation::Severity::Error << false;
        QTest::newRow("openai, error")
            << ProviderProfile::Kind::OpenAI << Violation::Severity::Error << false;
        QTest::newRow("openai, warning")
            << ProviderProfile::Kind::OpenAI << Violation::Severity::Warning << true;
    }

    void everyRequestIsCheckedForItsProvider()
    {
        QFETCH(ProviderProfile::Kind, kind);
        QFETCH(Violation::Severity, severity);
        QFETCH(bool, sent);
        QList<ValidationContext> asked;
        m_client = std::make_unique<ImagesClient>(
            [&asked, severity](const ImageRequest &request, const ValidationContext &context) {
                asked.append(context);
                return QList<Violation> {
                    {severity, u"quality"_s, u"%1 is not for this test"_s.arg(request.model)}};
            });
        ProviderProfile provider = profile();
        provider.kind = kind;
        m_client->setProvider(provider, u"sk-test-123"_s);
        const Run result = run(generation(u"gpt-image-1"_s));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().servedByOpenAI, kind == ProviderProfile::Kind::OpenAI);
        QCOMPARE(asked.first().today, QDate::currentDate());
        QCOMPARE(m_server->requestCount(), sent ? 1 : 0);
        if (!sent) {
            QCOMPARE(result.errors.size(), 1);
            QCOMPARE(result.errors.first().kind, ApiError::Kind::InvalidRequest);
            QVERIFY(result.errors.first().message.contains(u"gpt-image-1 is not for this test"_s));
        }
    }

    void missingKeySaysWhereToGetOne()
    {
        m_client->setProvider(profile(), QString());
        const Run result = run(generation(u"gpt-image-1"_s));
        QCOMPARE(result.errors.first().kind, ApiError::Kind::NoApiKey);
        QVERIFY(result.errors.first().message.contains(u"OPENAI_API_KEY"_s));
        QVERIFY(result.errors.first().message.contains(u"keychain"_s));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void azureUsesDeploymentUrlAndApiKeyHeader()
    {
        ProviderProfile azure;
        azure.kind = ProviderProfile::Kind::Azure;
        azure.baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port()));
        azure.azureApiVersion = u"2025-04-01-preview"_s;
        m_client->setProvider(azure, u"sk-test-123"_s);
        const Run result = run(generation(u"gpt-image-1"_s));
        QVERIFY(result.succeeded);
        const RecordedRequest &sent = m_server->requests().first();
        QCOMPARE(sent.path, u"/openai/deployments/gpt-image-1/images/generations"_s);
        QCOMPARE(sent.query, u"api-version=2025-04-01-preview"_s);
        QCOMPARE(sent.header("api-key"), QByteArray("sk-test-123"));
        QVERIFY(sent.header("authorization").isEmpty());
    }

    void deletingAJobMidStreamIsSafe()
    {
        m_server->setEventDelayMs(20);
        ImageJob *job = m_client->start(
            generation(u"gpt-image-1"_s, u"{\"stream\":true,\"partial_images\":3}"_s));
        QSignalSpy partial(job, &ImageJob::partialImage);
        QVERIFY(partial.wait(5000));
        delete job;
        QTest::qWait(100); // late decode results for the deleted job must be dropped quietly
        QCOMPARE(m_server->requestCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestImagesClient)
#include "tst_imagesclient.moc"
