// atelier-cli against the fake server with the December-2026 outputs and lifecycle: GIF and SVG
// files as the server sent them, svg_usage in the summary, and shut-down models refused before
// sending (OpenAI) or answered 404 by the server (a gateway).
#include "clirunner.h"
#include "fakeimagesserver.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMovie>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace AtelierTest;
using namespace Qt::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCliOutputs : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeImagesServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    const QString m_key = u"sk-cli-outputs-77"_s;

    // atelier-cli at the fake server as `provider` (openai or compatible), while this test's
    // event loop serves it.
    CliRun cli(const QString &provider, const QStringList &arguments)
    {
        const QStringList all = QStringList {arguments.first(), u"--provider"_s, provider,
                                             u"--base-url"_s, m_server->baseUrl().toString()}
            + arguments.mid(1);
        return runProcess({QStringLiteral(ATELIER_CLI_PATH),
                           all,
                           cliEnvironment(m_dir->path(), m_key),
                           m_dir->path(),
                           {},
                           {},
                           30000,
                           m_key});
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<FakeImagesServer>();
        m_server->setModels(FakeModelRules::openAiModels());
        m_server->setApiKey(m_key);
        QVERIFY(m_server->listen());
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void savesTheServersGif_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("delayMs");

        QTest::newRow("4 frames") << QStringList {u"--frame-count"_s, u"4"_s} << 4 << 200;
        QTest::newRow("16 frames, 150 ms")
            << QStringList {u"--frame-count"_s, u"16"_s, u"--frame-duration-ms"_s, u"150"_s} << 16
            << 150;
    }

    void savesTheServersGif()
    {
        QFETCH(QStringList, options);
        QFETCH(int, frames);
        QFETCH(int, delayMs);
        const CliRun run = cli(u"openai"_s,
                               QStringList {u"generate"_s, u"--prompt"_s, u"a flag in the wind"_s,
                                            u"--output-format"_s, u"gif"_s, u"--name"_s, u"flag"_s}
                                   + options);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->requests().first().json.value(u"model"_s).toString(),
                 u"gpt-image-2.6-flare"_s); // the default
        const QString path = run.out.trimmed();
        QCOMPARE(path, m_dir->filePath(u"flag.gif"_s));
        QByteArray saved = readAll(path);
        QCOMPARE(
            saved,
            m_server->gifBytes(QSize(64, 64), frames, delayMs, 0)); // the server's bytes, untouched
        QBuffer buffer(&saved);
        QImageReader reader(&buffer);
        QCOMPARE(reader.format(), QByteArray("gif"));
        QCOMPARE(reader.imageCount(), frames);
        QVERIFY(!reader.read().isNull());
        QCOMPARE(reader.nextImageDelay(), delayMs);
        QBuffer again(&saved);
        QMovie movie(&again);
        QCOMPARE(movie.frameCount(), frames);
        QVERIFY(movie.jumpToFrame(frames - 1));
    }

    void savesSvgAndReportsItsUsage()
    {
        const CliRun run
            = cli(u"openai"_s,
                  {u"generate"_s, u"--prompt"_s, u"a fox logo"_s, u"--output-format"_s, u"svg"_s,
                   u"--svg-model"_s, u"gpt-5-mini"_s, u"--svg-reasoning-effort"_s, u"low"_s,
                   u"--name"_s, u"fox"_s, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject sent = m_server->requests().first().json;
        QCOMPARE(sent.value(u"svg"_s).toObject(),
                 (QJsonObject {{u"model"_s, u"gpt-5-mini"_s},
                               {u"reasoning"_s, QJsonObject {{u"effort"_s, u"low"_s}}}}));
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(summary.value(u"ok"_s).toBool());
        const QJsonObject image = summary.value(u"images"_s).toArray().first().toObject();
        QCOMPARE(image.value(u"path"_s).toString(), m_dir->filePath(u"fox.svg"_s));
        QCOMPARE(image.value(u"format"_s).toString(), u"svg"_s);
        QCOMPARE(readAll(m_dir->filePath(u"fox.svg"_s)),
                 FakeImagesServer::svgBytes(QSize(64, 64), 0));
        const QJsonObject usage = summary.value(u"svg_usage"_s).toObject();
        QCOMPARE(usage.value(u"model"_s).toString(), u"gpt-5-mini"_s);
        QCOMPARE(usage.value(u"input_tokens"_s).toInt(), 320);
        QCOMPARE(usage.value(u"output_tokens"_s).toInt(), 900);
        QCOMPARE(usage.value(u"reasoning_tokens"_s).toInt(), 400);
        QCOMPARE(usage.value(u"total_tokens"_s).toInt(), 1220);
    }

    // At a gateway Atelier lets a retired model through with a warning: what the server says
    // then reaches the user as it said it.
    void gatewayAnswersShutDownModelNotFound_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("gpt-image-1.5") << u"gpt-image-1.5"_s;
        QTest::newRow("gpt-image-1") << u"gpt-image-1"_s;
        QTest::newRow("dall-e-3") << u"dall-e-3"_s;
    }

    void gatewayAnswersShutDownModelNotFound()
    {
        QFETCH(QString, model);
        const CliRun run = cli(u"compatible"_s,
                               {u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--model"_s, model,
                                u"--retries"_s, u"0"_s});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(m_server->requestCount(), 1);
        QVERIFY2(run.err.contains(u"warning: "_s), qPrintable(run.err));
        QVERIFY2(
            run.err.contains(
                u"The model `%1` does not exist or you do not have access to it."_s.arg(model)),
            qPrintable(run.err));
        QVERIFY(run.err.contains(u"request id req_"_s));
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList());
    }

    void openAiRefusesShutDownModelBeforeSending()
    {
        const CliRun run
            = cli(u"openai"_s,
                  {u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--model"_s, u"gpt-image-1.5"_s});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(m_server->requestCount(), 0);
        QVERIFY2(run.err.contains(u"gpt-image-2.6-sunburst"_s), qPrintable(run.err));
        QVERIFY(run.err.contains(u"Nothing was sent."_s));
    }
};

QTEST_GUILESS_MAIN(TestCliOutputs)
#include "tst_clioutputs.moc"
