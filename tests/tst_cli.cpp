#include "cli/imagewriter.h"
#include "clifixture.h"
#include "processids.h"
#include "readonlyfolder.h"

#include "model/imageresult.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestCli : public QObject, public CliFixture
{
    Q_OBJECT

public:
    TestCli()
        : CliFixture(u"sk-cli-secret-4242"_s)
    { }

private:
    // Runs atelier-cli while this test's event loop serves the fake server.
    CliRun cli(const QStringList &arguments, const QProcessEnvironment &env,
               const QByteArray &input = {}, std::function<void(QProcess *)> during = {})
    {
        return runProcess({QStringLiteral(ATELIER_CLI_PATH), arguments, env, m_dir->path(), input,
                           std::move(during), 30000, m_key});
    }

private Q_SLOTS:
    void init() { QVERIFY(startCli()); }

    void cleanup() { stopCli(); }

    void versionAndHelp()
    {
        const CliRun version = cli({u"--version"_s}, environment());
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(u"atelier-cli 0."_s));
        const CliRun help = cli({u"--help"_s}, environment());
        QCOMPARE(help.exitCode, 0);
        for (const char *option : {"--prompt",
                                   "--image",
                                   "--mask",
                                   "--model",
                                   "--n",
                                   "--size",
                                   "--quality",
                                   "--style",
                                   "--background",
                                   "--moderation",
                                   "--output-format",
                                   "--output-compression",
                                   "--response-format",
                                   "--input-fidelity",
                                   "--user",
                                   "--stream",
                                   "--partial-images",
                                   "--out",
                                   "--dry-run",
                                   "--json",
                                   "--provider",
                                   "--base-url",
                                   "--timeout",
                                   "--retries"})
            QVERIFY2(help.out.contains(QString::fromLatin1(option) + u' '), option);
        for (const char *command : {"models", "generate", "edit", "vary", "key set"})
            QVERIFY2(help.out.contains(QString::fromLatin1(command)), command);
        QVERIFY(help.out.contains(u"130"_s));
    }

    void defaultModelIsOneOpenAIServes()
    {
        const CliRun run
            = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--dry-run"_s}, environment());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject body
            = QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"json"_s).toObject();
        QCOMPARE(body.value(u"model"_s).toString(), u"gpt-image-2.6-flare"_s);
        QVERIFY2(!run.err.contains(u"warning"_s), qPrintable(run.err));
    }

    void newParametersOnTheWire()
    {
        const CliRun run
            = cli({u"generate"_s, u"--prompt"_s, u"a logo"_s, u"--output-format"_s, u"svg"_s,
                   u"--svg-model"_s, u"gpt-5.2"_s, u"--svg-reasoning-effort"_s, u"minimal"_s,
                   u"--complexity"_s, u"low"_s, u"--safety-identifier"_s, u"h-1"_s, u"--dry-run"_s},
                  environment());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject body
            = QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"json"_s).toObject();
        QCOMPARE(body.value(u"svg"_s).toObject(),
                 (QJsonObject {{u"model"_s, u"gpt-5.2"_s},
                               {u"reasoning"_s, QJsonObject {{u"effort"_s, u"minimal"_s}}}}));
        QCOMPARE(body.value(u"complexity"_s).toString(), u"low"_s);
        QCOMPARE(body.value(u"safety_identifier"_s).toString(), u"h-1"_s);
        const CliRun empty = cli({u"generate"_s, u"--prompt"_s, u"x"_s, u"--safety-identifier"_s,
                                  QString(), u"--dry-run"_s},
                                 environment());
        QCOMPARE(empty.exitCode, 0);
        QVERIFY(!QJsonDocument::fromJson(empty.out.toUtf8())
                     .object()
                     .value(u"json"_s)
                     .toObject()
                     .contains(u"safety_identifier"_s));
        // The SVG author is required in generations (the SDK): asked for before sending.
        const CliRun noAuthor = cli({u"generate"_s, u"--prompt"_s, u"x"_s, u"--output-format"_s,
                                     u"svg"_s, u"--svg-reasoning-effort"_s, u"low"_s},
                                    environment());
        QCOMPARE(noAuthor.exitCode, 2);
        QVERIFY2(noAuthor.err.contains(u"svg.model"_s), qPrintable(noAuthor.err));
        const CliRun gif = cli({u"generate"_s, u"--prompt"_s, u"a ball"_s, u"--output-format"_s,
                                u"gif"_s, u"--frame-count"_s, u"20"_s, u"--stream"_s},
                               environment());
        QCOMPARE(gif.exitCode, 2);
        QVERIFY2(gif.err.contains(u"frame_count must be between 2 and 16"_s), qPrintable(gif.err));
        QVERIFY2(gif.err.contains(u"stream cannot be used with output_format \"gif\""_s),
                 qPrintable(gif.err));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void markupEditsGoOutAsAFilePart()
    {
        const QString photo = writePng(u"room.png"_s, QSize(16, 16));
        const QString marks = writePng(u"marks.png"_s, QSize(16, 16), true);
        const CliRun run = cli({u"edit"_s, u"--prompt"_s, u"make the circled chair blue"_s,
                                u"--image"_s, photo, u"--markup"_s, marks, u"--dry-run"_s},
                               environment());
        QCOMPARE(run.exitCode, 0);
        QStringList names;
        for (const QJsonValue &part :
             QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"multipart"_s).toArray())
            names.append(part.toObject().value(u"name"_s).toString());
        QCOMPARE(names, (QStringList {u"image"_s, u"markup"_s, u"model"_s, u"prompt"_s}));
        const CliRun both = cli({u"edit"_s, u"--prompt"_s, u"x"_s, u"--image"_s, photo,
                                 u"--markup"_s, marks, u"--mask"_s, marks},
                                environment());
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains(u"Markup and a mask cannot be sent together"_s),
                 qPrintable(both.err));
        const CliRun old = cli({u"edit"_s, u"--model"_s, u"gpt-image-2"_s, u"--prompt"_s, u"x"_s,
                                u"--image"_s, photo, u"--markup"_s, marks},
                               environment());
        QCOMPARE(old.exitCode, 2);
        QVERIFY2(old.err.contains(u"gpt-image-2 takes no markup"_s), qPrintable(old.err));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void varyWithOpenAIIsAnEdit_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("prompt");
        const QString openai = u"openai"_s;
        QTest::newRow("openai") << QStringList {u"--provider"_s, openai} << u"/images/edits"_s
                                << u"gpt-image-2.6-flare"_s << QString();
        QTest::newRow("openai, own prompt")
            << QStringList {u"--provider"_s, openai, u"--prompt"_s, u"same cat, in winter"_s}
            << u"/images/edits"_s << u"gpt-image-2.6-flare"_s << u"same cat, in winter"_s;
        QTest::newRow("openai, chosen GPT model")
            << QStringList {u"--provider"_s, openai, u"--model"_s, u"gpt-image-2.6-sunburst"_s}
            << u"/images/edits"_s << u"gpt-image-2.6-sunburst"_s << QString();
        QTest::newRow("gateway keeps the endpoint")
            << QStringList {u"--provider"_s, u"compatible"_s} << u"/images/variations"_s
            << u"dall-e-2"_s << QString();
    }

    void varyWithOpenAIIsAnEdit()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, path);
        QFETCH(QString, model);
        QFETCH(QString, prompt);
        const QString square = writePng(u"logo.png"_s, QSize(16, 16));
        const CliRun run = cli(QStringList {u"vary"_s, u"--image"_s, square, u"--base-url"_s,
                                            m_server->baseUrl().toString(), u"--dry-run"_s}
                                   + extra,
                               environment());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject request = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY2(request.value(u"url"_s).toString().endsWith(path),
                 qPrintable(request.value(u"url"_s).toString()));
        QHash<QString, QString> values;
        for (const QJsonValue &part : request.value(u"multipart"_s).toArray())
            values.insert(part.toObject().value(u"name"_s).toString(),
                          part.toObject().value(u"value"_s).toString());
        QCOMPARE(values.value(u"model"_s), model);
        if (path.endsWith(u"edits")) {
            QVERIFY(!values.value(u"prompt"_s).isEmpty());
            if (!prompt.isEmpty())
                QCOMPARE(values.value(u"prompt"_s), prompt);
            QVERIFY2(run.err.contains(u"retired the variations endpoint"_s), qPrintable(run.err));
        } else {
            QVERIFY(!values.contains(u"prompt"_s));
        }
        QCOMPARE(m_server->requestCount(), 0);
    }

    void shutDownModelAtOpenAIIsRefusedBeforeSending()
    {
        const CliRun run = cli({u"generate"_s, u"--provider"_s, u"openai"_s, u"--base-url"_s,
                                m_server->baseUrl().toString(), u"--model"_s, u"gpt-image-1.5"_s,
                                u"--prompt"_s, u"a fox"_s},
                               environment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"OpenAI shut gpt-image-1.5 down on 2026-12-01"_s),
                 qPrintable(run.err));
        QVERIFY2(run.err.contains(u"switch to gpt-image-2.6-sunburst"_s), qPrintable(run.err));
        QCOMPARE(m_server->requestCount(), 0);
        // A gateway may still serve it: sent, with a warning.
        const CliRun gateway = cli({u"generate"_s, u"--model"_s, u"gpt-image-1.5"_s, u"--prompt"_s,
                                    u"a fox"_s, u"--dry-run"_s},
                                   environment());
        QCOMPARE(gateway.exitCode, 0);
        QVERIFY2(gateway.err.contains(u"warning: OpenAI shut gpt-image-1.5 down"_s),
                 qPrintable(gateway.err));
    }

    void gatewayNamesGetTheirModelsRules()
    {
        // openai/dall-e-3 is dall-e-3: n 2 is refused before paying, with no "unknown model"
        // warning.
        const CliRun run = cli({u"generate"_s, u"--model"_s, u"openai/dall-e-3"_s, u"--prompt"_s,
                                u"x"_s, u"--n"_s, u"2"_s, u"--dry-run"_s},
                               environment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"openai/dall-e-3 makes one image per request"_s),
                 qPrintable(run.err));
        QVERIFY2(!run.err.contains(u"not in Atelier's model catalog"_s), qPrintable(run.err));
        // The prefix: chosen by its catalog name, sent the gateway's way.
        const CliRun prefixed = cli({u"generate"_s, u"--model-prefix"_s, u"openai/"_s,
                                     u"--prompt"_s, u"x"_s, u"--dry-run"_s},
                                    environment());
        QCOMPARE(prefixed.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(prefixed.out.toUtf8())
                     .object()
                     .value(u"json"_s)
                     .toObject()
                     .value(u"model"_s)
                     .toString(),
                 u"openai/gpt-image-2.6-flare"_s);
        QProcessEnvironment env = environment();
        env.insert(u"ATELIER_MODEL_PREFIX"_s, u"azure/"_s);
        const CliRun fromEnvironment = cli(
            {u"generate"_s, u"--prompt"_s, u"x"_s, u"--model"_s, u"gpt-image-2"_s, u"--dry-run"_s},
            env);
        QCOMPARE(QJsonDocument::fromJson(fromEnvironment.out.toUtf8())
                     .object()
                     .value(u"json"_s)
                     .toObject()
                     .value(u"model"_s)
                     .toString(),
                 u"azure/gpt-image-2"_s);
        const CliRun models = cli({u"models"_s, u"--json"_s}, env);
        QStringList ids;
        for (const QJsonValue &model :
             QJsonDocument::fromJson(models.out.toUtf8()).object().value(u"models"_s).toArray())
            ids.append(model.toObject().value(u"id"_s).toString());
        QVERIFY(ids.contains(u"azure/gpt-image-2.6-flare"_s));
        QVERIFY(!ids.contains(u"gpt-image-2.6-flare"_s));
    }

    void modelsRefreshRecordsAnnouncedShutdowns()
    {
        // The provider announces that gpt-image-2 goes in March, through a gateway's spelling.
        m_server->setModels(QList<ServedModel> {{u"openai/gpt-image-2"_s, QDate(2027, 3, 1)},
                                                {u"gpt-image-2.6-flare"_s, QDate()},
                                                {u"acme-image-9"_s, QDate()}});
        const QString overlay = m_dir->filePath(u"refresh-overlay.json"_s);
        const CliRun refresh
            = cli({u"models"_s, u"--refresh"_s, u"--catalog"_s, overlay}, environment());
        QVERIFY2(refresh.exitCode == 0, qPrintable(refresh.err));
        QVERIFY2(refresh.err.contains(
                     u"gpt-image-2: the provider announces its shutdown on 2027-03-01"_s),
                 qPrintable(refresh.err));
        QVERIFY2(refresh.err.contains(u"acme-image-9"_s),
                 qPrintable(refresh.err)); // named: Atelier does not know it
        QVERIFY(refresh.out.contains(u"shuts down 2027-03-01"_s));
        QFile file(overlay);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject models
            = QJsonDocument::fromJson(file.readAll()).object().value(u"models"_s).toObject();
        QCOMPARE(models.keys(),
                 QStringList {u"gpt-image-2"_s}); // the catalog model, not the gateway's name
        QCOMPARE(models.value(u"gpt-image-2"_s)
                     .toObject()
                     .value(u"lifecycle"_s)
                     .toObject()
                     .value(u"shutdownDate"_s)
                     .toString(),
                 u"2027-03-01"_s);
        // Later runs know it without asking.
        const CliRun later
            = cli({u"models"_s, u"--json"_s, u"--catalog"_s, overlay}, environment());
        bool dated = false;
        for (const QJsonValue &model :
             QJsonDocument::fromJson(later.out.toUtf8()).object().value(u"models"_s).toArray())
            dated = dated
                || (model.toObject().value(u"id"_s).toString() == u"gpt-image-2"
                    && model.toObject().value(u"shutdown_date"_s).toString() == u"2027-03-01");
        QVERIFY(dated);
    }

    void dryRunGeneration()
    {
        const CliRun run = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--model"_s,
                                u"gpt-image-1.5"_s, u"--n"_s, u"2"_s, u"--output-format"_s,
                                u"webp"_s, u"--output-compression"_s, u"70"_s, u"--dry-run"_s},
                               environment());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject request = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(request.value(u"method"_s).toString(), u"POST"_s);
        QCOMPARE(request.value(u"url"_s).toString(),
                 m_server->baseUrl().toString() + u"/images/generations"_s);
        QCOMPARE(request.value(u"headers"_s).toObject().value(u"Authorization"_s).toString(),
                 u"Bearer ***"_s);
        const QJsonObject body = request.value(u"json"_s).toObject();
        QCOMPARE(body.value(u"n"_s).toInt(), 2);
        QCOMPARE(body.value(u"output_compression"_s).toInt(), 70);
        QCOMPARE(body.keys().size(),
                 5); // model, prompt, n, output_format, output_compression: nothing unset
        QCOMPARE(m_server->requestCount(), 0);
    }

    void dryRunMasksCredentialsInTheUrl()
    {
        const CliRun run = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--dry-run"_s,
                                u"--base-url"_s, u"https://user:hunter2@gateway.example/v1"_s},
                               environment());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.out.contains(u"hunter2"_s) && !run.err.contains(u"hunter2"_s),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"user:***@gateway.example"_s), qPrintable(run.out));
    }

    void dryRunEditDescribesMultipart()
    {
        const QString a = writePng(u"a.png"_s, QSize(16, 16));
        const QString b = writePng(u"b.png"_s, QSize(16, 16));
        const QString mask = writePng(u"mask.png"_s, QSize(16, 16), true);
        const CliRun run
            = cli({u"edit"_s, u"--prompt"_s, u"add a hat"_s, u"--image"_s, a, u"--image"_s, b,
                   u"--mask"_s, mask, u"--quality"_s, u"high"_s, u"--dry-run"_s},
                  environment());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject request = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonArray parts = request.value(u"multipart"_s).toArray();
        QCOMPARE(parts.size(), 6);
        QCOMPARE(parts[0].toObject().value(u"name"_s).toString(), u"image[]"_s);
        QCOMPARE(parts[0].toObject().value(u"filename"_s).toString(), u"a.png"_s);
        QCOMPARE(parts[0].toObject().value(u"content_type"_s).toString(), u"image/png"_s);
        QCOMPARE(parts[0].toObject().value(u"bytes"_s).toInteger(), QFileInfo(a).size());
        QCOMPARE(parts[2].toObject().value(u"name"_s).toString(), u"mask"_s);
        QCOMPARE(parts[5].toObject().value(u"value"_s).toString(), u"high"_s);
    }

    void invalidInputPrintsEveryViolation()
    {
        const CliRun run
            = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--model"_s, u"dall-e-3"_s, u"--n"_s,
                   u"3"_s, u"--quality"_s, u"low"_s, u"--stream"_s},
                  environment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"dall-e-3 makes one image per request; set n to 1."_s));
        QVERIFY(run.err.contains(u"quality"_s));
        QVERIFY(run.err.contains(u"stream"_s));
        QVERIFY(run.err.contains(u"Nothing was sent."_s));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void notANumberIsExplained()
    {
        const CliRun run
            = cli({u"generate"_s, u"--prompt"_s, u"x"_s, u"--n"_s, u"two"_s}, environment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"n must be a whole number, not \"two\""_s), qPrintable(run.err));
    }

    void generateWritesFilesAndPrintsPaths()
    {
        const CliRun run = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--n"_s, u"2"_s,
                                u"--out"_s, u"images"_s, u"--name"_s, u"fox"_s},
                               environment());
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].endsWith(u"images/fox-1.png"_s));
        QVERIFY(lines[1].endsWith(u"images/fox-2.png"_s));
        QVERIFY(!QImage(lines[0]).isNull());
        QVERIFY(m_server->requests().first().violations.isEmpty());
        // A second run never overwrites the first one's images.
        const CliRun again = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--out"_s, u"images"_s,
                                  u"--name"_s, u"fox-1"_s},
                                 environment());
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.trimmed().endsWith(u"fox-1-(2).png"_s), qPrintable(again.out));
    }

    void streamWritesPartialsAsTheyArrive()
    {
        m_server->setEventDelayMs(20);
        const CliRun run = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--stream"_s,
                                u"--partial-images"_s, u"3"_s, u"--name"_s, u"fox"_s, u"--json"_s},
                               environment());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(summary.value(u"ok"_s).toBool());
        QCOMPARE(summary.value(u"partials"_s).toArray().size(), 3);
        QCOMPARE(summary.value(u"images"_s).toArray().size(), 1);
        QCOMPARE(summary.value(u"usage"_s).toObject().value(u"total_tokens"_s).toInt(), 100);
        QCOMPARE(summary.value(u"request_ids"_s).toArray().size(), 1);
        for (int i = 0; i < 3; ++i)
            QVERIFY(QFile::exists(m_dir->filePath(u"fox-partial-%1.png"_s.arg(i))));
        QVERIFY(QFile::exists(m_dir->filePath(u"fox.png"_s)));
        // Every file is complete under its own name: no ".part" file is left behind.
        QCOMPARE(QDir(m_dir->path()).entryList({u"*.part"_s}, QDir::Files | QDir::Hidden),
                 QStringList());
    }

    void writerNeverOverwritesAndLeavesNoPartFiles()
    {
        Atelier::ImageWriter writer(m_dir->filePath(u"out"_s), u"shot"_s);
        Atelier::ImageResult image;
        image.format = u"png"_s;
        image.encoded = QByteArray("\x89PNG not really, but bytes to write");
        const Atelier::Result<QString> first = writer.write(image, {});
        QVERIFY2(first, qPrintable(first.error()));
        QCOMPARE(*first, m_dir->filePath(u"out/shot.png"_s));
        QFile written(*first);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), image.encoded);
        // Permissions as any new file gets them (umask), not a temporary file's 0600.
        QFile probe(m_dir->filePath(u"out/probe"_s));
        QVERIFY(probe.open(QIODevice::WriteOnly));
        QCOMPARE(written.permissions(), probe.permissions());
        // Taken names, including one another writer is still writing, are skipped.
        QFile busy(m_dir->filePath(u"out/shot-(2).png.part"_s));
        QVERIFY(busy.open(QIODevice::WriteOnly));
        busy.close();
        QCOMPARE(writer.write(image, {}).valueOr({}), m_dir->filePath(u"out/shot-(3).png"_s));
        image.format = u"jpeg"_s;
        QCOMPARE(writer.write(image, u"-partial-0"_s).valueOr({}),
                 m_dir->filePath(u"out/shot-partial-0.jpg"_s));
        QCOMPARE(QDir(m_dir->filePath(u"out"_s)).entryList({u"*.part"_s}, QDir::Files),
                 QStringList {u"shot-(2).png.part"_s});
    }

    // Big streamed images go to their files slice by slice (no image is held whole): the files
    // are the images, and no hidden ".part" file stays behind, also when a stream breaks off.
    void bigStreamedImagesAreWrittenAsTheyArrive()
    {
        m_server->setNoiseImages(true);
        m_server->setImageSize(QSize(512, 512));
        const CliRun run = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--stream"_s,
                                u"--partial-images"_s, u"2"_s, u"--name"_s, u"big"_s, u"--json"_s},
                               environment());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonObject image = summary.value(u"images"_s).toArray().first().toObject();
        QCOMPARE(image.value(u"width"_s).toInt(), 512);
        QCOMPARE(image.value(u"format"_s).toString(), u"png"_s);
        for (const QString &name : {u"big-partial-0.png"_s, u"big-partial-1.png"_s, u"big.png"_s})
            QCOMPARE(QImage(m_dir->filePath(name)).size(), QSize(512, 512));
        QCOMPARE(QDir(m_dir->path()).entryList({u"*.part"_s}, QDir::Files | QDir::Hidden),
                 QStringList());

        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::Raw;
        reply.raw
            = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"
              "event: image_generation.completed\ndata: "
              "{\"type\":\"image_generation.completed\",\"b64_json\":\""
            + QByteArray(400000, 'A');
        m_server->enqueue(reply);
        const CliRun broken = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--stream"_s,
                                   u"--partial-images"_s, u"1"_s, u"--name"_s, u"cut"_s},
                                  environment());
        QVERIFY(broken.exitCode != 0);
        QVERIFY2(broken.err.contains(u"broke off"_s), qPrintable(broken.err));
        QCOMPARE(QDir(m_dir->path()).entryList({u"cut*"_s, u".cut*"_s}, QDir::Files | QDir::Hidden),
                 QStringList());
    }

    void writerRemovesWhatKilledRunsLeft()
    {
        // A run killed mid-image leaves its hidden .part; the next run's first streamed image
        // removes it, unless its process still runs. Files that only look alike stay: a user's
        // ".notes-<pid>-<n>.part" (the name earlier versions made, so any file could match),
        // and a link named exactly like a leftover, whose target must survive.
        const QString out = m_dir->filePath(u"leftovers"_s);
        QVERIFY(QDir().mkpath(out));
        const AtelierTest::ProcessIds pids;
        QVERIFY(pids.isValid());
        const QString token = u"0123456789abcdef"_s;
        const QString dead
            = u".atelier-20261122-101010-a-fox.atelier-%1-3-%2.part"_s.arg(pids.gone()).arg(token);
        const QString alive = u".shot.atelier-%1-1-%2.part"_s.arg(pids.running()).arg(token);
        const QString link = u".planted.atelier-%1-2-%2.part"_s.arg(pids.gone()).arg(token);
        const QStringList others
            = {u"notes-%1-3.part"_s.arg(pids.gone()), u".notes-%1-3.part"_s.arg(pids.gone()),
               u".atelier-20261122-101010-a-fox-%1-3.part"_s.arg(pids.gone()), u".config"_s,
               u"photo.png.part"_s};
        for (const QString &name : QStringList {dead, alive} + others) {
            QFile file(QDir(out).filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        const QString victim = m_dir->filePath(u"victim.txt"_s);
        {
            QFile file(victim);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write("precious") == 8);
        }
        QVERIFY(QFile::link(victim, QDir(out).filePath(link)));
        const auto writer = std::make_shared<Atelier::ImageWriter>(out, u"shot"_s);
        const auto sink = Atelier::ImageWriter::streamSink(
            writer, [](const Atelier::ImageResult &) { return QString(); });
        {
            const auto stream = sink->begin();
            QVERIFY2(stream && *stream, qPrintable(stream.error()));
        }
        QVERIFY(!QFileInfo::exists(QDir(out).filePath(dead)));
        QVERIFY(QFileInfo::exists(QDir(out).filePath(alive)));
        for (const QString &name : others)
            QVERIFY2(QFileInfo::exists(QDir(out).filePath(name)), qPrintable(name));
        QVERIFY(QFileInfo(QDir(out).filePath(link)).isSymLink());
        QFile kept(victim);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("precious"));
    }

    void streamedFileNeverWritesThroughALink()
    {
        // The hidden file of a streamed image has a name no one can guess, and is created
        // exclusively: a link under any name in the folder is never written through.
        const QString out = m_dir->filePath(u"links"_s);
        QVERIFY(QDir().mkpath(out));
        const QString victim = m_dir->filePath(u"bashrc"_s);
        {
            QFile file(victim);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write("export PATH") == 11);
        }
        QVERIFY(QFile::link(victim, QDir(out).filePath(u"shot.png"_s)));
        QVERIFY(QFile::link(victim, QDir(out).filePath(u"shot-2.png.part"_s)));
        const auto writer = std::make_shared<Atelier::ImageWriter>(out, u"shot"_s);
        const auto sink = Atelier::ImageWriter::streamSink(
            writer, [](const Atelier::ImageResult &) { return QString(); });
        auto stream = sink->begin();
        QVERIFY2(stream && *stream, qPrintable(stream.error()));
        QVERIFY((*stream)->write("PNG bytes"));
        Atelier::ImageResult image;
        image.format = u"png"_s;
        const Atelier::Result<Atelier::ImageJob::Kept> placed = (*stream)->commit(image);
        QVERIFY2(placed && !placed->path.isEmpty(), qPrintable(placed.error()));
        QVERIFY(placed->path != QDir(out).filePath(u"shot.png"_s)); // the link's name is taken
        Atelier::ImageResult second;
        second.format = u"png"_s;
        second.encoded = "more PNG bytes";
        QVERIFY(writer->write(second, u"-2"_s));
        QFile kept(victim);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("export PATH"));
    }

    void writerStreamsUnderTheSameNames()
    {
        const auto writer
            = std::make_shared<Atelier::ImageWriter>(m_dir->filePath(u"out"_s), u"shot"_s);
        const auto sink = Atelier::ImageWriter::streamSink(
            writer, [](const Atelier::ImageResult &) { return QString(); });
        Atelier::ImageResult image;
        image.format = u"png"_s;
        QVERIFY(QDir().mkpath(m_dir->filePath(u"out"_s)));
        QFile taken(m_dir->filePath(u"out/shot.png"_s));
        QVERIFY(taken.open(QIODevice::WriteOnly));
        taken.close();
        {
            auto begun = sink->begin();
            QVERIFY2(begun && *begun, qPrintable(begun.error()));
            Atelier::ImageJob::StreamSink::Writer &stream = **begun;
            QVERIFY(stream.write("abc"));
            QVERIFY(stream.write("def"));
            QCOMPARE(QDir(m_dir->filePath(u"out"_s))
                         .entryList({u".shot.atelier-*.part"_s}, QDir::Files | QDir::Hidden)
                         .size(),
                     1);
            QCOMPARE(stream.commit(image).valueOr({}).path, m_dir->filePath(u"out/shot-(2).png"_s));
        }
        QFile written(m_dir->filePath(u"out/shot-(2).png"_s));
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), QByteArray("abcdef"));
        QFile probe(m_dir->filePath(u"out/probe"_s));
        QVERIFY(probe.open(QIODevice::WriteOnly));
        QCOMPARE(written.permissions(), probe.permissions());
        {
            auto abandoned = sink->begin();
            QVERIFY(abandoned && *abandoned);
            QVERIFY((*abandoned)->write("xyz"));
        }
        QCOMPARE(
            QDir(m_dir->filePath(u"out"_s)).entryList({u"*.part"_s}, QDir::Files | QDir::Hidden),
            QStringList());
    }

    void writerNamesAFolderItCannotCreate()
    {
        QFile blocker(m_dir->filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        Atelier::ImageWriter writer(m_dir->filePath(u"file/sub"_s), u"shot"_s);
        Atelier::ImageResult image;
        image.encoded = "bytes";
        const Atelier::Result<QString> written = writer.write(image, {});
        QVERIFY(!written);
        const QString &error = written.error();
        QVERIFY2(error.contains(m_dir->filePath(u"file/sub"_s)) && error.contains(u"--out"_s),
                 qPrintable(error));
    }

    // A paid request is never sent when its images would have nowhere to go.
    void unusableOutFolderIsRefusedBeforeSending_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("a file") << u"file"_s;
        QTest::newRow("under a file") << u"under a file"_s;
        QTest::newRow("read-only folder") << u"read-only"_s;
    }

    void unusableOutFolderIsRefusedBeforeSending()
    {
        QFETCH(QString, kind);
        QFile blocker(m_dir->filePath(u"taken"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QString out;
        QString named; // the path the message must name
        QString reason;
        if (kind == u"file") {
            out = named = blocker.fileName();
            reason = u"Not a directory"_s;
        } else if (kind == u"under a file") {
            out = m_dir->filePath(u"taken/images/today"_s);
            named = blocker.fileName();
            reason = u"Not a directory"_s;
        } else {
            out = named = AtelierTest::readOnlyFolder(m_dir->path());
            if (out.isEmpty())
                QSKIP("no read-only folder can be made here");
            reason = u"Permission denied"_s;
        }
        for (const QStringList &command :
             {QStringList {u"generate"_s, u"--prompt"_s, u"a fox"_s},
              QStringList {u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--stream"_s},
              QStringList {u"vary"_s, u"--image"_s, writePng(u"square.png"_s, QSize(16, 16))}}) {
            const CliRun run = cli(command + QStringList {u"--out"_s, out}, environment());
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(named) && run.err.contains(reason)
                         && run.err.contains(u"--out"_s) && run.err.contains(u"Nothing was sent"_s),
                     qPrintable(run.err));
        }
        QCOMPARE(m_server->requestCount(), 0);
        QVERIFY(QFileInfo(blocker.fileName()).isFile());
    }

    void outFolderIsMadeAndHoldsOnlyTheImages()
    {
        const QString out = m_dir->filePath(u"new/deeper"_s);
        const CliRun run = cli(
            {u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--out"_s, out, u"--name"_s, u"fox"_s},
            environment());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList {u"fox.png"_s}); // the probe left nothing
    }

    // A write the system refuses says why (here a file size limit: "File too large"), for whole
    // and for streamed images alike.
    void failedWriteSaysTheSystemsReason_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("whole") << false;
        QTest::newRow("streamed") << true;
    }

    void failedWriteSaysTheSystemsReason()
    {
        QFETCH(bool, stream);
        m_server->setImageSize(QSize(256, 256));
        m_server->setNoiseImages(true); // about 200 KB of PNG
        QProcess process;
        process.setProcessEnvironment(environment());
        process.setWorkingDirectory(m_dir->path());
        process.setChildProcessModifier([] {
            // Files may not grow past 16 KiB: writes past it fail with EFBIG (SIGXFSZ ignored).
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit {16 * 1024, 16 * 1024};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
        QStringList arguments {u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--name"_s, u"fox"_s};
        if (stream)
            arguments << u"--stream"_s;
        process.start(QStringLiteral(ATELIER_CLI_PATH), arguments);
        QVERIFY(process.waitForStarted());
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(30000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(err.contains(u"File too large"_s) && !err.contains(u"Unknown error"_s),
                 qPrintable(err));
        QCOMPARE(m_server->requestCount(), 1);
        QVERIFY(!QFileInfo::exists(m_dir->filePath(u"fox.png"_s)));
    }

    // A folder where an image belongs is called a folder, not a missing file.
    void folderGivenAsAnImageIsSaidToBeOne_data()
    {
        QTest::addColumn<QString>("option");
        QTest::newRow("--image") << u"--image"_s;
        QTest::newRow("--mask") << u"--mask"_s;
    }

    void folderGivenAsAnImageIsSaidToBeOne()
    {
        QFETCH(QString, option);
        const QString folder = m_dir->filePath(u"photos"_s);
        QVERIFY(QDir().mkpath(folder));
        const QString photo = writePng(u"photo.png"_s, QSize(16, 16));
        const QStringList arguments = option == u"--image"
            ? QStringList {u"edit"_s, u"--prompt"_s, u"x"_s, u"--image"_s, folder}
            : QStringList {u"edit"_s, u"--prompt"_s, u"x"_s, u"--image"_s,
                           photo,     u"--mask"_s,   folder};
        const CliRun run = cli(arguments, environment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"photos"_s) && run.err.contains(u"is a folder"_s)
                     && !run.err.contains(u"does not exist"_s),
                 qPrintable(run.err));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void editAgainstTheServer()
    {
        const QString a = writePng(u"a.png"_s, QSize(16, 16));
        const QString mask = writePng(u"mask.png"_s, QSize(16, 16), true);
        const CliRun run = cli({u"edit"_s, u"--prompt"_s, u"add a hat"_s, u"--image"_s, a,
                                u"--mask"_s, mask, u"--name"_s, u"hat"_s},
                               environment());
        QCOMPARE(run.exitCode, 0);
        const RecordedRequest &sent = m_server->requests().first();
        QVERIFY2(sent.violations.isEmpty(), qPrintable(sent.violations.join(u"; "_s)));
        QCOMPARE(sent.partNames(), (QStringList {u"image"_s, u"mask"_s, u"model"_s, u"prompt"_s}));
    }

    void varyDownloadsUrls()
    {
        const QString a = writePng(u"square.png"_s, QSize(16, 16));
        const CliRun run = cli({u"vary"_s, u"--image"_s, a, u"--n"_s, u"2"_s, u"--name"_s, u"v"_s},
                               environment());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QFile::exists(m_dir->filePath(u"v-1.png"_s)));
        QVERIFY(QFile::exists(m_dir->filePath(u"v-2.png"_s)));
    }

    void apiErrorExitsWith3()
    {
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::Error;
        reply.status = 400;
        reply.body
            = R"({"error":{"message":"Billing hard limit has been reached.","type":"invalid_request_error","code":"billing_hard_limit_reached"}})";
        m_server->enqueue(reply);
        const CliRun run = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s}, environment());
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains(u"Billing hard limit has been reached."_s));
        QVERIFY(run.err.contains(u"request id req_"_s));
    }

    void networkFailureExitsWith4()
    {
        QProcessEnvironment env = environment();
        {
            FakeImagesServer closed;
            QVERIFY(closed.listen());
            env.insert(u"OPENAI_BASE_URL"_s, closed.baseUrl().toString());
        }
        const CliRun run
            = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--retries"_s, u"0"_s}, env);
        QCOMPARE(run.exitCode, 4);
        QVERIFY(run.err.contains(u"Network error"_s));
    }

    void missingKeySaysWhereToGetOne()
    {
        const CliRun run = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s}, environment(false));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"OPENAI_API_KEY"_s));
        QVERIFY(run.err.contains(u"atelier-cli key set"_s));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void interruptKeepsPartials()
    {
        ScriptedReply reply;
        reply.kind = ScriptedReply::Kind::StallAfterEvents;
        reply.events = 2;
        m_server->enqueue(reply);
        const CliRun run
            = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--stream"_s, u"--partial-images"_s,
                   u"3"_s, u"--name"_s, u"cut"_s},
                  environment(), {}, [this](QProcess *process) {
                      QTRY_VERIFY_WITH_TIMEOUT(
                          QFile::exists(m_dir->filePath(u"cut-partial-1.png"_s)), 10000);
                      ::kill(pid_t(process->processId()), SIGINT);
                  });
        QCOMPARE(run.exitCode, 130);
        QVERIFY(QFile::exists(m_dir->filePath(u"cut-partial-0.png"_s)));
        QVERIFY(QFile::exists(m_dir->filePath(u"cut-partial-1.png"_s)));
    }

    void modelsListsTheCatalog()
    {
        const CliRun table = cli({u"models"_s}, environment());
        QCOMPARE(table.exitCode, 0);
        for (const char *model :
             {"dall-e-2", "dall-e-3", "gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5",
              "gpt-image-2", "gpt-image-2-2026-04-21", "chatgpt-image-latest",
              "gpt-image-2.5-flare", "gpt-image-2.5-sunburst", "gpt-image-2.6-flare",
              "gpt-image-2.6-sunburst"})
            QVERIFY2(table.out.contains(QString::fromLatin1(model)), model);
        const CliRun json = cli({u"models"_s, u"--json"_s}, environment());
        const QJsonArray models
            = QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"models"_s).toArray();
        QCOMPARE(models.size(), 15);
    }

    void overlayAddsAGatewayModel()
    {
        const QString overlay = m_dir->filePath(u"overlay.json"_s);
        QFile file(overlay);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"models":{"openai/dall-e-3":{"inherits":"dall-e-3"}}})");
        file.close();
        const CliRun run = cli({u"generate"_s, u"--catalog"_s, overlay, u"--model"_s,
                                u"openai/dall-e-3"_s, u"--prompt"_s, u"x"_s, u"--n"_s, u"2"_s},
                               environment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"openai/dall-e-3 makes one image per request"_s));
        const CliRun unknown = cli(
            {u"generate"_s, u"--model"_s, u"acme/image-9"_s, u"--prompt"_s, u"x"_s, u"--dry-run"_s},
            environment());
        QCOMPARE(unknown.exitCode, 0);
        QVERIFY(unknown.err.contains(u"not in Atelier's model catalog"_s));
    }

    void aForeignBaseUrlNeverGetsTheOpenAIKeyEntry_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("entry");
        QTest::newRow("default") << QStringList() << u"\"openai@"_s;
        QTest::newRow("another host")
            << QStringList {u"--base-url"_s, u"https://other.example/v1"_s}
            << u"\"openai@other.example\""_s;
        QTest::newRow("named explicitly")
            << QStringList {u"--base-url"_s, u"https://other.example/v1"_s, u"--key-name"_s,
                            u"openai"_s}
            << u"\"openai\""_s;
    }

    // The keychain entry a run reads (and `key set` writes) is the one of its host: the OpenAI
    // entry ("openai@api.openai.com", or "openai" of earlier versions) only for api.openai.com,
    // or when --key-name names it. Here no keychain runs, so `key status` names the entry.
    void aForeignBaseUrlNeverGetsTheOpenAIKeyEntry()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, entry);
        QProcessEnvironment env = environment(false);
        env.remove(u"OPENAI_BASE_URL"_s);
        const CliRun status = cli(QStringList {u"key"_s, u"status"_s} + arguments, env);
        QCOMPARE(status.exitCode, 1);
        QVERIFY2(status.out.contains(entry), qPrintable(status.out));
    }

    void nameWithAFolderIsRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("up") << u"../x"_s;
        QTest::newRow("a folder") << u"sub/x"_s;
        QTest::newRow("absolute") << u"/tmp/x"_s;
        QTest::newRow("dot dot") << u".."_s;
        QTest::newRow("hidden") << u".bashrc"_s;
        QTest::newRow("backslash") << u"a\\b"_s;
    }

    void nameWithAFolderIsRefused()
    {
        QFETCH(QString, name);
        const QString out = m_dir->filePath(u"out"_s);
        const CliRun run
            = cli({u"generate"_s, u"--prompt"_s, u"a fox"_s, u"--out"_s, out, u"--name"_s, name},
                  environment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"--name"_s) && run.err.contains(u"--out"_s),
                 qPrintable(run.err));
        QCOMPARE(m_server->requestCount(), 0);
        QVERIFY(!QFileInfo::exists(m_dir->filePath(u"x.png"_s)));
        QVERIFY(!QFileInfo::exists(out));
    }

    void plainHttpToAnotherMachineIsRefused()
    {
        // Refused before any connection, with what to do instead.
        const QStringList generate = {u"generate"_s,
                                      u"--prompt"_s,
                                      u"a fox"_s,
                                      u"--base-url"_s,
                                      u"http://gateway.invalid/v1"_s,
                                      u"--retries"_s,
                                      u"0"_s};
        const CliRun refused = cli(generate, environment());
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(u"http://"_s)
                     && refused.err.contains(u"--allow-insecure-http"_s),
                 qPrintable(refused.err));
        // Allowed explicitly: warned (and here the name does not resolve).
        const CliRun allowed
            = cli(generate + QStringList {u"--allow-insecure-http"_s}, environment());
        QCOMPARE(allowed.exitCode, 4);
        QVERIFY2(allowed.err.contains(u"warning: "_s) && allowed.err.contains(u"unencrypted"_s),
                 qPrintable(allowed.err));
        // This machine's own gateway needs no opt-in (the fake server is one).
        QCOMPARE(m_server->requestCount(), 0);
    }

    void keySetFailsFastWithoutASecretService()
    {
        const CliRun run = cli({u"key"_s, u"set"_s}, environment(false), "sk-typed-in-key\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"could not be stored"_s), qPrintable(run.err));
        QVERIFY(run.err.contains(u"OPENAI_API_KEY"_s));
        QVERIFY(!run.err.contains(u"sk-typed-in-key"_s) && !run.out.contains(u"sk-typed-in-key"_s));
        const CliRun status = cli({u"key"_s, u"status"_s}, environment());
        QCOMPARE(status.exitCode, 0);
        QVERIFY(status.out.contains(u"OPENAI_API_KEY"_s));
    }

    void unknownCommandAndOption()
    {
        QCOMPARE(cli({u"paint"_s}, environment()).exitCode, 2);
        const CliRun run
            = cli({u"generate"_s, u"--prompt"_s, u"x"_s, u"--colour"_s, u"red"_s}, environment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"colour"_s));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
