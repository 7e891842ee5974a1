// atelier-cli batch submit | status | fetch | cancel, as real processes against the fake
// server's Files and Batches endpoints.
#include "clifixture.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestCliBatch : public QObject, public CliFixture
{
    Q_OBJECT

public:
    TestCliBatch()
        : CliFixture(u"sk-batch-secret-7373"_s)
    { }

private:
    CliRun cli(const QStringList &arguments, std::function<void(QProcess *)> during = {})
    {
        return runProcess({QStringLiteral(ATELIER_CLI_PATH),
                           arguments,
                           environment(),
                           m_dir->path(),
                           {},
                           std::move(during),
                           30000,
                           m_key});
    }

    QString writePrompts(const QByteArray &text)
    {
        const QString path = m_dir->filePath(u"prompts.txt"_s);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(text);
        return path;
    }

    // Submits and returns the batch id printed on standard output.
    QString submit(const QByteArray &prompts, const QStringList &options = {})
    {
        const CliRun run = cli(
            QStringList {u"batch"_s, u"submit"_s, u"--prompts"_s, writePrompts(prompts)} + options);
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        return run.out.trimmed();
    }

    int requestsTo(const QString &path) const
    {
        int count = 0;
        for (const RecordedRequest &request : m_server->requests())
            count += request.path == path ? 1 : 0;
        return count;
    }

    QString configText() const
    {
        QString text;
        QDir folder(m_dir->filePath(u"config/Atelier/batches"_s));
        for (const QString &name : folder.entryList(QDir::Files)) {
            QFile file(folder.filePath(name));
            file.open(QIODevice::ReadOnly);
            text += QString::fromUtf8(file.readAll());
        }
        return text;
    }

    // Asks for the state until the batch has finished with its files.
    void runToEnd(const QString &id)
    {
        for (int i = 0; i < 6; ++i)
            cli({u"batch"_s, u"status"_s, id});
    }

    static QStringList pngs(const QString &folder)
    {
        return QDir(folder).entryList({u"*.png"_s}, QDir::Files, QDir::Name);
    }

private Q_SLOTS:
    void init() { QVERIFY(startCli()); }

    void cleanup() { stopCli(); }

    void submitSendsWhatGenerateWouldSend()
    {
        const QStringList options
            = {u"--quality"_s,        u"low"_s, u"--size"_s, u"1024x1536"_s, u"--stream"_s,
               u"--partial-images"_s, u"2"_s};
        const CliRun run = cli(QStringList {u"batch"_s, u"submit"_s, u"--prompts"_s,
                                            writePrompts("a red fox\n\n  a {cat|dog} in snow\n")}
                               + options);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString id = run.out.trimmed();
        QVERIFY2(id.startsWith(u"batch_"_s), qPrintable(run.out));
        QVERIFY2(run.err.contains(u"never streams"_s), qPrintable(run.err));
        // The estimate at batch price beside the normal one, the first half of the second.
        const QRegularExpressionMatch cost
            = QRegularExpression(u"\\$([0-9.]+) at batch price \\(\\$([0-9.]+) at the normal"_s)
                  .match(run.err);
        QVERIFY2(cost.hasMatch(), qPrintable(run.err));
        QVERIFY(cost.captured(1).toDouble() > 0);
        // Both rounded to four places: the normal price is twice the batch price.
        QVERIFY(qAbs(cost.captured(1).toDouble() * 2 - cost.captured(2).toDouble()) < 0.00015);

        QCOMPARE(requestsTo(u"/v1/files"_s), 1);
        QCOMPARE(requestsTo(u"/v1/batches"_s), 1);
        const RecordedRequest &upload = m_server->requests().at(0);
        QCOMPARE(upload.part(u"purpose"_s)->data, QByteArray("batch"));
        const QJsonObject create = m_server->requests().at(1).json;
        QCOMPARE(create.value(u"endpoint"_s).toString(), u"/v1/images/generations"_s);
        QCOMPARE(create.value(u"completion_window"_s).toString(), u"24h"_s);
        QVERIFY(create.value(u"input_file_id"_s).toString().startsWith(u"file-"_s));

        // One line per prompt, wildcards expanded; each body is generate's, stream fields gone.
        const QList<QByteArray> lines = m_server->batchApi().inputFile(id).trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        const QStringList prompts = {u"a red fox"_s, u"a cat in snow"_s, u"a dog in snow"_s};
        const QStringList ids = {u"line-1"_s, u"line-3-1"_s, u"line-3-2"_s};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject line = QJsonDocument::fromJson(lines.at(i)).object();
            QCOMPARE(line.value(u"custom_id"_s).toString(), ids.at(i));
            QCOMPARE(line.value(u"method"_s).toString(), u"POST"_s);
            QCOMPARE(line.value(u"url"_s).toString(), u"/v1/images/generations"_s);
            const CliRun direct
                = cli(QStringList {u"generate"_s, u"--prompt"_s, prompts.at(i), u"--quality"_s,
                                   u"low"_s, u"--size"_s, u"1024x1536"_s, u"--dry-run"_s});
            QJsonObject expected
                = QJsonDocument::fromJson(direct.out.toUtf8()).object().value(u"json"_s).toObject();
            QCOMPARE(line.value(u"body"_s).toObject(), expected);
            QVERIFY(!line.value(u"body"_s).toObject().contains(u"stream"_s));
        }
        // Remembered in the config folder with its prompts and ids; never the key.
        const QString stored = configText();
        QVERIFY(stored.contains(id));
        QVERIFY(stored.contains(u"a dog in snow"_s));
        QVERIFY(stored.contains(u"line-3-2"_s));
        QVERIFY(!stored.contains(m_key));
    }

    void dryRunPrintsTheInputFile()
    {
        const CliRun run = cli(
            {u"batch"_s, u"submit"_s, u"--prompts"_s, writePrompts("one\ntwo\n"), u"--dry-run"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = run.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(lines.at(1).toUtf8())
                     .object()
                     .value(u"body"_s)
                     .toObject()
                     .value(u"prompt"_s)
                     .toString(),
                 u"two"_s);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void anInvalidLineStopsTheSubmit_data()
    {
        QTest::addColumn<QByteArray>("prompts");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("expected");
        QTest::newRow("prompt too long on line 2")
            << QByteArray("fine\n" + QByteArray(40000, 'x') + "\nfine too\n") << QStringList()
            << u"line 2"_s;
        QTest::newRow("too many expansions on line 1")
            << QByteArray("{a|b|c|d|e|f|g|h|i|j|k} {a|b|c|d|e|f|g|h|i|j|k}\n") << QStringList()
            << u"line 1: The wildcards make 121 prompts"_s;
        QTest::newRow("an option no line may have")
            << QByteArray("fine\n") << QStringList {u"--quality"_s, u"ultra"_s} << u"quality"_s;
        QTest::newRow("empty file") << QByteArray("\n \n") << QStringList() << u"no prompt"_s;
        QTest::newRow("Azure has another Batch API")
            << QByteArray("fine\n")
            << QStringList {u"--provider"_s, u"azure"_s, u"--base-url"_s,
                            u"https://example.openai.azure.com"_s}
            << u"Azure"_s;
    }

    void anInvalidLineStopsTheSubmit()
    {
        QFETCH(QByteArray, prompts);
        QFETCH(QStringList, options);
        QFETCH(QString, expected);
        const CliRun run = cli(
            QStringList {u"batch"_s, u"submit"_s, u"--prompts"_s, writePrompts(prompts)} + options);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QCOMPARE(m_server->requestCount(), 0);
        QVERIFY(configText().isEmpty());
    }

    void statusFollowsTheStates()
    {
        const QString id = submit("a lighthouse\na harbour\n");
        QVERIFY(!id.isEmpty());
        QStringList seen;
        for (int i = 0; i < 4; ++i) {
            const CliRun run = cli({u"batch"_s, u"status"_s, id, u"--json"_s});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            seen.append(
                QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"status"_s).toString());
        }
        QCOMPARE(
            seen,
            (QStringList {u"validating"_s, u"in_progress"_s, u"finalizing"_s, u"completed"_s}));
        const CliRun detail = cli({u"batch"_s, u"status"_s, id});
        QVERIFY2(detail.out.contains(u"completed"_s), qPrintable(detail.out));
        QVERIFY2(detail.out.contains(u"2 completed, 0 failed, 2 in all"_s), qPrintable(detail.out));

        // Without an id: every batch Atelier knows, one line each.
        const QString second = submit("a boat\n");
        const CliRun all = cli({u"batch"_s, u"status"_s});
        QCOMPARE(all.exitCode, 0);
        QVERIFY2(all.out.contains(id) && all.out.contains(second), qPrintable(all.out));
        QVERIFY2(all.out.contains(u"validating"_s), qPrintable(all.out));
    }

    // Two batches at two providers: `status` without an id asks each batch at the provider it
    // went to, as remembered, not every batch at the first one's.
    void statusAsksEachBatchAtItsOwnProvider()
    {
        FakeImagesServer other;
        QVERIFY(other.listen());
        other.setApiKey(m_key);
        const QString here = submit("a lighthouse\n");
        // An edit uploads its image first, so the other server's batch id is not this one's.
        const QString there = submit("a harbour\n",
                                     {u"--base-url"_s, other.baseUrl().toString(), u"--image"_s,
                                      writePng(u"room.png"_s, QSize(64, 64), false)});
        QVERIFY(here.startsWith(u"batch_"_s) && there.startsWith(u"batch_"_s));
        QVERIFY(here != there);
        auto asked = [](const FakeImagesServer &server, const QString &id) {
            int count = 0;
            for (const RecordedRequest &request : server.requests())
                count += request.method == "GET" && request.path == u"/v1/batches/"_s + id;
            return count;
        };

        const CliRun all = cli({u"batch"_s, u"status"_s});
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        QVERIFY2(all.out.contains(here) && all.out.contains(there), qPrintable(all.out));
        QCOMPARE(asked(*m_server, here), 1);
        QCOMPARE(asked(other, there), 1);
        QCOMPARE(asked(*m_server, there), 0);
        QCOMPARE(asked(other, here), 0);
    }

    void fetchSavesImagesWithRecipesAndNamesFailures()
    {
        const QString id = submit("a red fox\na forbidden-subject at dawn\n{one|two} moons\n");
        QVERIFY(!id.isEmpty());
        // Still running: nothing to fetch yet, and it says so.
        const CliRun early = cli({u"batch"_s, u"fetch"_s, id});
        QCOMPARE(early.exitCode, 5);
        QVERIFY2(early.err.contains(u"nothing to fetch yet"_s), qPrintable(early.err));
        runToEnd(id);

        const QString out = m_dir->filePath(u"images"_s);
        const CliRun run = cli({u"batch"_s, u"fetch"_s, id, u"--out"_s, out});
        QCOMPARE(run.exitCode, 3); // one line failed
        const QStringList paths = run.out.trimmed().split(u'\n');
        QCOMPARE(paths.size(), 3);
        QCOMPARE(pngs(out).size(), 3);
        QVERIFY2(run.err.contains(u"line 2 (\"a forbidden-subject at dawn\")"_s),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(u"rejected as a result of our safety system"_s),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(u"moderation_blocked"_s), qPrintable(run.err));

        // Each image carries its recipe: prompt, model, parameters, usage, batch and custom id.
        for (const QString &path : paths) {
            QVERIFY2(QFile::exists(path), qPrintable(path));
            QImageReader reader(path);
            const QJsonObject recipe
                = QJsonDocument::fromJson(reader.text(u"AtelierRecipe"_s).toUtf8()).object();
            QCOMPARE(recipe.value(u"batch_id"_s).toString(), id);
            QVERIFY(recipe.value(u"custom_id"_s).toString().startsWith(u"line-"_s));
            QVERIFY(!recipe.value(u"prompt"_s).toString().isEmpty());
            QCOMPARE(recipe.value(u"model"_s).toString(), u"gpt-image-2.6-flare"_s);
            QCOMPARE(recipe.value(u"usage"_s).toObject().value(u"total_tokens"_s).toInt(), 100);
            QVERIFY(!reader.read().isNull());
        }
        const QJsonObject moons
            = QJsonDocument::fromJson(QImageReader(paths.last()).text(u"AtelierRecipe"_s).toUtf8())
                  .object();
        QCOMPARE(moons.value(u"prompt"_s).toString(), u"two moons"_s);
        QCOMPARE(moons.value(u"custom_id"_s).toString(), u"line-3-2"_s);

        // Fetching again adds nothing (here or in another folder), and still names the failure.
        const CliRun again = cli({u"batch"_s, u"fetch"_s, id, u"--out"_s, out});
        QCOMPARE(again.exitCode, 3);
        QVERIFY2(again.out.trimmed().isEmpty(), qPrintable(again.out));
        QCOMPARE(pngs(out).size(), 3);
        QVERIFY2(again.err.contains(u"3 saved before"_s), qPrintable(again.err));
        const CliRun elsewhere
            = cli({u"batch"_s, u"fetch"_s, id, u"--out"_s, m_dir->filePath(u"other"_s)});
        QVERIFY(pngs(m_dir->filePath(u"other"_s)).isEmpty());
        QCOMPARE(elsewhere.exitCode, 3);
    }

    void everyLineSucceededExitsZero()
    {
        const QString id = submit("a quiet lake\n", {u"--output-format"_s, u"jpeg"_s});
        runToEnd(id);
        const QString out = m_dir->filePath(u"jpegs"_s);
        const CliRun run = cli({u"batch"_s, u"fetch"_s, id, u"--out"_s, out, u"--json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(summary.value(u"saved_now"_s).toInt(), 1);
        const QString path = summary.value(u"results"_s)
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(u"paths"_s)
                                 .toArray()
                                 .at(0)
                                 .toString();
        QVERIFY2(path.endsWith(u".jpg"_s) || path.endsWith(u".jpeg"_s), qPrintable(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("atelier:recipe"));
    }

    void anExpiredBatchKeepsWhatRan()
    {
        m_server->batchApi().setExpireAfter(1);
        const QString id = submit("first\nsecond\nthird\n");
        runToEnd(id);
        const CliRun status = cli({u"batch"_s, u"status"_s, id});
        QVERIFY2(status.out.contains(u"expired"_s), qPrintable(status.out));
        const QString out = m_dir->filePath(u"expired"_s);
        const CliRun run = cli({u"batch"_s, u"fetch"_s, id, u"--out"_s, out});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(pngs(out).size(), 1);
        QVERIFY2(run.err.contains(u"line 2 (\"second\")"_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"line 3 (\"third\")"_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"batch_expired"_s), qPrintable(run.err));
    }

    void aMalformedOutputLineIsReportedAndTheOthersKept()
    {
        m_server->batchApi().setMalformedOutputLine(2);
        const QString id = submit("one\ntwo\nthree\n");
        runToEnd(id);
        const QString out = m_dir->filePath(u"broken"_s);
        const CliRun run = cli({u"batch"_s, u"fetch"_s, id, u"--out"_s, out});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(pngs(out).size(), 2);
        QVERIFY2(run.err.contains(u"line 2 of the output file cannot be read"_s),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(u"the other results are kept"_s), qPrintable(run.err));
    }

    void cancel()
    {
        const QString id = submit("never\nrun\n");
        const CliRun run = cli({u"batch"_s, u"cancel"_s, id});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"cancelling"_s), qPrintable(run.out));
        QCOMPARE(requestsTo(u"/v1/batches/"_s + id + u"/cancel"_s), 1);
        cli({u"batch"_s, u"status"_s, id});
        QCOMPARE(m_server->batchApi().status(id), u"cancelled"_s);
        const CliRun status = cli({u"batch"_s, u"status"_s, id});
        QVERIFY2(status.out.contains(u"cancelled"_s), qPrintable(status.out));
        const CliRun fetch
            = cli({u"batch"_s, u"fetch"_s, id, u"--out"_s, m_dir->filePath(u"none"_s)});
        QCOMPARE(fetch.exitCode, 3);
        QVERIFY2(fetch.err.contains(u"line 1 (\"never\") was not run"_s), qPrintable(fetch.err));
        // A finished batch cannot be cancelled: the API's reason is shown.
        const CliRun late = cli({u"batch"_s, u"cancel"_s, id});
        QCOMPARE(late.exitCode, 3);
        QVERIFY2(late.err.contains(u"Cannot cancel"_s), qPrintable(late.err));
    }

    void aNewRunContinuesARememberedBatch()
    {
        const QString id = submit("a slow sunrise\na slow sunset\n");
        QVERIFY(!id.isEmpty());
        // A run waiting for the batch ends (here: stopped) while the batch is still running...
        const CliRun waiting
            = cli({u"batch"_s, u"fetch"_s, id, u"--wait"_s, u"--poll-interval"_s, u"600"_s},
                  [](QProcess *process) {
                      // Once it has seen the batch running and said it waits.
                      process->setReadChannel(QProcess::StandardError);
                      QTRY_VERIFY_WITH_TIMEOUT(process->peek(65536).contains("waiting"), 10000);
                      ::kill(pid_t(process->processId()), SIGTERM);
                  });
        QCOMPARE(waiting.exitCode, 130);
        QVERIFY2(waiting.err.contains(u"waiting"_s), qPrintable(waiting.err));
        QCOMPARE(m_server->batchApi().status(id), u"in_progress"_s);
        // ... and a new run knows it from the config folder: its state, then its images.
        const CliRun status = cli({u"batch"_s, u"status"_s});
        QVERIFY2(status.out.contains(id), qPrintable(status.out));
        QVERIFY2(status.out.contains(u"in progress"_s), qPrintable(status.out));
        const QString out = m_dir->filePath(u"later"_s);
        const CliRun fetch = cli({u"batch"_s, u"fetch"_s, id, u"--wait"_s, u"--poll-interval"_s,
                                  u"0.01"_s, u"--out"_s, out});
        QVERIFY2(fetch.exitCode == 0, qPrintable(fetch.err));
        QCOMPARE(pngs(out).size(), 2);
    }

    void editsUploadTheirImagesOnce()
    {
        const QString first = writePng(u"room.png"_s, QSize(64, 64), false);
        const QString second = writePng(u"chair.png"_s, QSize(64, 64), false);
        const QString mask = writePng(u"mask.png"_s, QSize(64, 64), true);
        const QString id = submit("paint the wall blue\npaint the wall {red|green}\n",
                                  {u"--image"_s, first, u"--image"_s, second, u"--mask"_s, mask});
        QVERIFY(id.startsWith(u"batch_"_s));
        // Three images up once each (purpose vision), then the input file.
        QStringList purposes;
        QStringList uploaded;
        for (const RecordedRequest &request : m_server->requests()) {
            if (request.path == u"/v1/files") {
                purposes.append(QString::fromUtf8(request.part(u"purpose"_s)->data));
                uploaded.append(request.part(u"file"_s)->fileName);
            }
        }
        QCOMPARE(purposes, (QStringList {u"vision"_s, u"vision"_s, u"vision"_s, u"batch"_s}));
        QCOMPARE(uploaded.mid(0, 3), (QStringList {u"room.png"_s, u"chair.png"_s, u"mask.png"_s}));
        const QList<QByteArray> lines = m_server->batchApi().inputFile(id).trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        for (const QByteArray &text : lines) {
            const QJsonObject line = QJsonDocument::fromJson(text).object();
            QCOMPARE(line.value(u"url"_s).toString(), u"/v1/images/edits"_s);
            const QJsonObject body = line.value(u"body"_s).toObject();
            QCOMPARE(body.value(u"images"_s).toArray(),
                     (QJsonArray {QJsonObject {{u"file_id"_s, u"file-000001"_s}},
                                  QJsonObject {{u"file_id"_s, u"file-000002"_s}}}));
            QCOMPARE(body.value(u"mask"_s).toObject(),
                     (QJsonObject {{u"file_id"_s, u"file-000003"_s}}));
            QCOMPARE(body.value(u"model"_s).toString(), u"gpt-image-2.6-flare"_s);
            QVERIFY(body.value(u"prompt"_s).toString().startsWith(u"paint the wall"_s));
        }
        QCOMPARE(m_server->requests().at(4).json.value(u"endpoint"_s).toString(),
                 u"/v1/images/edits"_s);
        // The fake checks each line as the multipart edit it stands for: all three pass.
        runToEnd(id);
        const QString out = m_dir->filePath(u"edits"_s);
        const CliRun fetch = cli({u"batch"_s, u"fetch"_s, id, u"--out"_s, out});
        QVERIFY2(fetch.exitCode == 0, qPrintable(fetch.err));
        QCOMPARE(pngs(out).size(), 3);
    }

    void editsNeedAGptImageModel()
    {
        const QString square = writePng(u"square.png"_s, QSize(64, 64), false);
        const CliRun run = cli({u"batch"_s, u"submit"_s, u"--prompts"_s, writePrompts("x\n"),
                                u"--image"_s, square, u"--model"_s, u"dall-e-2"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"only GPT image models"_s), qPrintable(run.err));
        const CliRun markup = cli({u"batch"_s, u"submit"_s, u"--prompts"_s, writePrompts("x\n"),
                                   u"--image"_s, square, u"--markup"_s, square});
        QCOMPARE(markup.exitCode, 2);
        QVERIFY2(markup.err.contains(u"--markup is not offered in a batch"_s),
                 qPrintable(markup.err));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void aGatewayWithoutTheBatchApiIsNamed()
    {
        m_server->batchApi().setAvailable(false);
        const CliRun run = cli({u"batch"_s, u"submit"_s, u"--prompts"_s, writePrompts("a fox\n")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(u"HTTP 404"_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"If this provider has no Batch API"_s), qPrintable(run.err));
        QCOMPARE(requestsTo(u"/v1/files"_s), 1);
        QCOMPARE(requestsTo(u"/v1/batches"_s), 0);
        QVERIFY(configText().isEmpty());
    }

    void unknownBatch()
    {
        const CliRun run = cli({u"batch"_s, u"fetch"_s, u"batch_nothere"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"does not know the batch batch_nothere"_s), qPrintable(run.err));
        const CliRun status = cli({u"batch"_s, u"status"_s, u"batch_nothere"_s});
        QCOMPARE(status.exitCode, 3);
        QVERIFY2(status.err.contains(u"No batch found"_s), qPrintable(status.err));
        const CliRun none = cli({u"batch"_s, u"status"_s});
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.contains(u"knows no batches"_s), qPrintable(none.out));
        const CliRun action = cli({u"batch"_s, u"resume"_s});
        QCOMPARE(action.exitCode, 2);
    }

    void helpListsTheBatchCommands()
    {
        const CliRun help = cli({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const char *text :
             {"batch submit --prompts FILE", "batch status [BATCH_ID]", "batch fetch BATCH_ID",
              "batch cancel BATCH_ID", "--prompts", "--wait", "--poll-interval"})
            QVERIFY2(help.out.contains(QString::fromLatin1(text)), text);
    }
};

QTEST_GUILESS_MAIN(TestCliBatch)
#include "tst_clibatch.moc"
