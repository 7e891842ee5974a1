#include "clifixture.h"

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
#include <QTest>

using namespace AtelierTest;
using namespace Qt::StringLiterals;

// atelier-cli refine as a real process against the fake server's /responses.
class TestCliRefine : public QObject, public CliFixture
{
    Q_OBJECT

public:
    TestCliRefine()
        : CliFixture(u"sk-refine-secret-1717"_s)
    { }

    CliRun cli(const QStringList &arguments, std::function<void(QProcess *)> during = {})
    {
        QStringList all {u"refine"_s};
        all += arguments;
        return runProcess({QStringLiteral(ATELIER_CLI_PATH),
                           all,
                           environment(),
                           m_dir->path(),
                           {},
                           std::move(during),
                           30000,
                           m_key});
    }

    // The id after "conversation: " on standard error; empty when there is none.
    static QString conversationOf(const CliRun &run)
    {
        const QRegularExpressionMatch match
            = QRegularExpression(u"^conversation: (\\S+)$"_s, QRegularExpression::MultilineOption)
                  .match(run.err);
        return match.hasMatch() ? match.captured(1) : QString();
    }

    static QJsonObject recipeOf(const QString &path)
    {
        QImageReader reader(path);
        return QJsonDocument::fromJson(reader.text(u"AtelierRecipe"_s).toUtf8()).object();
    }

    QJsonObject lastBody() const { return m_server->requests().constLast().json; }

    static QJsonObject imageTool(const QJsonObject &body)
    {
        return body.value(u"tools"_s).toArray().first().toObject();
    }

    QStringList imagesIn(const QString &folder) const
    {
        return QDir(m_dir->filePath(folder)).entryList(QDir::Files, QDir::Name);
    }

private Q_SLOTS:
    void init() { QVERIFY(startCli()); }
    void cleanup() { stopCli(); }

    void helpNamesRefine()
    {
        const CliRun help = cli({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const char *text : {"refine --prompt TEXT", "--continue RESPONSE_ID",
                                 "--responses-model MODEL", "--action A"})
            QVERIFY2(help.out.contains(QLatin1String(text)), text);
    }

    // `models` says which image models the tool takes.
    void modelsListTheToolsModels()
    {
        const CliRun run = runProcess({QStringLiteral(ATELIER_CLI_PATH),
                                       {u"models"_s, u"--json"_s},
                                       environment(),
                                       m_dir->path(),
                                       {},
                                       {},
                                       30000,
                                       m_key});
        QCOMPARE(run.exitCode, 0);
        QStringList takes;
        const QJsonArray models
            = QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"models"_s).toArray();
        for (const QJsonValue &model : models) {
            if (model.toObject().value(u"responses_tool"_s).toBool())
                takes.append(model.toObject().value(u"id"_s).toString());
        }
        QVERIFY(takes.contains(u"gpt-image-2.6-sunburst"_s));
        QVERIFY(takes.contains(u"gpt-image-2.5-flare-2026-09-08"_s)); // inherited
        QVERIFY(!takes.contains(u"gpt-image-1.5-2025-12-16"_s)); // not in the SDK's list
        QVERIFY(!takes.contains(u"dall-e-3"_s));
        // Every model the catalog says the tool takes is one the SDK lists.
        for (const QString &model : std::as_const(takes))
            QVERIFY2(FakeResponsesApi::toolModels().contains(model), qPrintable(model));
    }

    // Each option reaches the image_generation tool under the SDK's name, and nothing else
    // changes; the fake server checks every body against the SDK's shapes.
    void requestBody_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QJsonObject>("tool");
        QTest::addColumn<QString>("mainline");
        QTest::addColumn<bool>("stream");
        QTest::newRow("defaults") << QStringList()
                                  << QJsonObject {{u"type"_s, u"image_generation"_s},
                                                  {u"model"_s, u"gpt-image-2.6-sunburst"_s}}
                                  << u"gpt-5.5"_s << false;
        QTest::newRow("models") << QStringList {u"--model"_s, u"gpt-image-2.6-flare"_s,
                                                u"--responses-model"_s, u"gpt-5.2"_s}
                                << QJsonObject {{u"type"_s, u"image_generation"_s},
                                                {u"model"_s, u"gpt-image-2.6-flare"_s}}
                                << u"gpt-5.2"_s << false;
        QTest::newRow("image options") << QStringList {u"--size"_s,
                                                       u"1536x1024"_s,
                                                       u"--quality"_s,
                                                       u"high"_s,
                                                       u"--complexity"_s,
                                                       u"low"_s,
                                                       u"--output-format"_s,
                                                       u"webp"_s,
                                                       u"--output-compression"_s,
                                                       u"80"_s,
                                                       u"--background"_s,
                                                       u"opaque"_s,
                                                       u"--moderation"_s,
                                                       u"low"_s,
                                                       u"--action"_s,
                                                       u"generate"_s}
                                       << QJsonObject {{u"type"_s, u"image_generation"_s},
                                                       {u"model"_s, u"gpt-image-2.6-sunburst"_s},
                                                       {u"size"_s, u"1536x1024"_s},
                                                       {u"quality"_s, u"high"_s},
                                                       {u"complexity"_s, u"low"_s},
                                                       {u"output_format"_s, u"webp"_s},
                                                       {u"output_compression"_s, 80},
                                                       {u"background"_s, u"opaque"_s},
                                                       {u"moderation"_s, u"low"_s},
                                                       {u"action"_s, u"generate"_s}}
                                       << u"gpt-5.5"_s << false;
        QTest::newRow("stream with partials")
            << QStringList {u"--stream"_s, u"--partial-images"_s, u"2"_s}
            << QJsonObject {{u"type"_s, u"image_generation"_s},
                            {u"model"_s, u"gpt-image-2.6-sunburst"_s},
                            {u"partial_images"_s, 2}}
            << u"gpt-5.5"_s << true;
    }

    void requestBody()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QJsonObject, tool);
        QFETCH(QString, mainline);
        QFETCH(bool, stream);
        const CliRun run = cli(QStringList {u"--prompt"_s, u"a fox in the snow"_s} + arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(m_server->requestCount(), 1);
        const RecordedRequest &request = m_server->requests().first();
        QVERIFY2(request.violations.isEmpty(), qPrintable(request.violations.join(u"; "_s)));
        QCOMPARE(request.path, u"/v1/responses"_s);
        const QJsonObject body = request.json;
        QCOMPARE(body.value(u"model"_s).toString(), mainline);
        QCOMPARE(body.value(u"tools"_s).toArray(), QJsonArray {tool});
        QCOMPARE(body.value(u"tool_choice"_s).toObject(),
                 (QJsonObject {{u"type"_s, u"image_generation"_s}}));
        QCOMPARE(body.value(u"stream"_s).toBool(false), stream);
        QVERIFY(!body.contains(u"previous_response_id"_s));
        const QJsonArray input = body.value(u"input"_s).toArray();
        QCOMPARE(input.size(), 1);
        QCOMPARE(input[0].toObject().value(u"role"_s).toString(), u"user"_s);
        QCOMPARE(input[0].toObject().value(u"content"_s).toArray(),
                 (QJsonArray {QJsonObject {{u"type"_s, u"input_text"_s},
                                           {u"text"_s, u"a fox in the snow"_s}}}));
    }

    void inputImagesAreDataUrls()
    {
        const QString png = writePng(u"cat.png"_s, QSize(16, 16));
        QFile file(png);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        const CliRun run
            = cli({u"--prompt"_s, u"put a hat on it"_s, u"--image"_s, png, u"--image"_s, png});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(m_server->requests().first().violations.isEmpty());
        const QJsonArray content
            = lastBody().value(u"input"_s).toArray()[0].toObject().value(u"content"_s).toArray();
        QCOMPARE(content.size(), 3);
        const QJsonObject image {
            {u"type"_s, u"input_image"_s},
            {u"image_url"_s,
             QString(u"data:image/png;base64,"_s + QString::fromLatin1(bytes.toBase64()))},
            {u"detail"_s, u"auto"_s}};
        QCOMPARE(content[1].toObject(), image);
        QCOMPARE(content[2].toObject(), image);
    }

    // The turn prints where it saved the image and the id to continue from; --continue sends
    // that id and only the new instruction, and the recipes carry both ids.
    void conversationContinues()
    {
        const QString png = writePng(u"input-room.png"_s, QSize(16, 16));
        const CliRun first
            = cli({u"--prompt"_s, u"a cosy room"_s, u"--image"_s, png, u"--name"_s, u"room"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QString firstId = conversationOf(first);
        QCOMPARE(firstId, m_server->responsesApi().issued().value(0));
        QCOMPARE(first.out.trimmed(), m_dir->filePath(u"room.png"_s));
        const QJsonObject firstRecipe = recipeOf(m_dir->filePath(u"room.png"_s));
        QCOMPARE(firstRecipe.value(u"response_id"_s).toString(), firstId);
        QVERIFY(!firstRecipe.contains(u"previous_response_id"_s));
        QCOMPARE(firstRecipe.value(u"api"_s).toString(), u"responses"_s);
        QCOMPARE(firstRecipe.value(u"prompt"_s).toString(), u"a cosy room"_s);

        const CliRun second = cli({u"--prompt"_s, u"now make it night"_s, u"--continue"_s, firstId,
                                   u"--name"_s, u"night"_s});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        QCOMPARE(m_server->requestCount(), 2);
        QVERIFY(m_server->requests().last().violations.isEmpty());
        const QJsonObject body = lastBody();
        QCOMPARE(body.value(u"previous_response_id"_s).toString(), firstId);
        // Only the new instruction: the provider has the earlier turns and the room's image.
        QCOMPARE(body.value(u"input"_s).toArray(),
                 (QJsonArray {QJsonObject {
                     {u"role"_s, u"user"_s},
                     {u"content"_s,
                      QJsonArray {QJsonObject {{u"type"_s, u"input_text"_s},
                                               {u"text"_s, u"now make it night"_s}}}}}}));
        const QString secondId = conversationOf(second);
        QVERIFY(!secondId.isEmpty());
        QVERIFY(secondId != firstId);
        QCOMPARE(m_server->responsesApi().previousOf(secondId), firstId);
        const QJsonObject recipe = recipeOf(m_dir->filePath(u"night.png"_s));
        QCOMPARE(recipe.value(u"response_id"_s).toString(), secondId);
        QCOMPARE(recipe.value(u"previous_response_id"_s).toString(), firstId);
        QVERIFY(!recipe.contains(u"images"_s));
        // The cost of the turn, from its usage, like generate's estimate line.
        QVERIFY2(second.err.contains(u"Cost of the image: $"_s), qPrintable(second.err));
        QVERIFY(second.err.contains(u"4160 output tokens"_s));
    }

    void jsonSummary()
    {
        const CliRun first = cli({u"--prompt"_s, u"a lighthouse"_s, u"--json"_s});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QJsonObject summary = QJsonDocument::fromJson(first.out.toUtf8()).object();
        QVERIFY(summary.value(u"ok"_s).toBool());
        const QString id = summary.value(u"response_id"_s).toString();
        QCOMPARE(id, m_server->responsesApi().issued().value(0));
        QCOMPARE(conversationOf(first), id);
        QCOMPARE(summary.value(u"images"_s).toArray().size(), 1);
        QCOMPARE(summary.value(u"model"_s).toString(), u"gpt-image-2.6-sunburst"_s);
        QCOMPARE(summary.value(u"responses_model"_s).toString(), u"gpt-5.5"_s);
        QCOMPARE(summary.value(u"usage"_s).toObject().value(u"input_tokens"_s).toInt(), 120);
        QCOMPARE(summary.value(u"tool_usage"_s)
                     .toObject()
                     .value(u"image_gen"_s)
                     .toObject()
                     .value(u"output_tokens"_s)
                     .toInt(),
                 4160);
        // 10 text and 40 image tokens in, 4160 image tokens out, at gpt-image-2.6's prices.
        QCOMPARE(summary.value(u"image_cost_usd"_s).toDouble(),
                 (10 * 5.0 + 40 * 8.0 + 4160 * 30.0) / 1e6);

        const CliRun second = cli({u"--prompt"_s, u"at dawn"_s, u"--continue"_s, id, u"--json"_s});
        QVERIFY2(second.exitCode == 0, qPrintable(second.err));
        const QJsonObject next = QJsonDocument::fromJson(second.out.toUtf8()).object();
        QCOMPARE(next.value(u"previous_response_id"_s).toString(), id);
        QCOMPARE(next.value(u"response_id"_s).toString(),
                 m_server->responsesApi().issued().value(1));
    }

    // Partial images are files the moment their event has come, before the turn ends; the
    // final image comes from the call's result.
    void streamedPartialsArriveBeforeTheEnd()
    {
        m_server->setEventDelayMs(150);
        bool runningWhenFirstSaved = false;
        bool firstFileThere = false;
        const CliRun run = cli({u"--prompt"_s, u"a fox"_s, u"--stream"_s, u"--partial-images"_s,
                                u"3"_s, u"--name"_s, u"fox"_s},
                               [&](QProcess *process) {
                                   QSignalSpy output(process, &QProcess::readyReadStandardOutput);
                                   if (!output.wait(15000))
                                       return;
                                   runningWhenFirstSaved = process->state() == QProcess::Running;
                                   firstFileThere
                                       = QFile::exists(m_dir->filePath(u"fox-partial-0.png"_s));
                               });
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(runningWhenFirstSaved);
        QVERIFY(firstFileThere);
        QCOMPARE(
            run.out.split(u'\n', Qt::SkipEmptyParts),
            (QStringList {m_dir->filePath(u"fox-partial-0.png"_s),
                          m_dir->filePath(u"fox-partial-1.png"_s),
                          m_dir->filePath(u"fox-partial-2.png"_s), m_dir->filePath(u"fox.png"_s)}));
        QVERIFY(!QImage(m_dir->filePath(u"fox.png"_s)).isNull());
        // The final image is the call's result, not a partial again.
        QFile partial(m_dir->filePath(u"fox-partial-2.png"_s));
        QFile final(m_dir->filePath(u"fox.png"_s));
        QVERIFY(partial.open(QIODevice::ReadOnly) && final.open(QIODevice::ReadOnly));
        QVERIFY(partial.readAll() != final.readAll());
        QVERIFY(!conversationOf(run).isEmpty());
        QCOMPARE(QDir(m_dir->path()).entryList({u"*.part"_s}, QDir::Files | QDir::Hidden),
                 QStringList());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("words");
        const QString moderation = u"rejected as a result of our safety system"_s;
        const QString refusal = u"I can't make that image"_s;
        QTest::newRow("moderation error") << u"something BLOCKED"_s << false << moderation;
        QTest::newRow("moderation error, streamed") << u"something BLOCKED"_s << true << moderation;
        QTest::newRow("refusal output") << u"please REFUSE"_s << false << refusal;
        QTest::newRow("refusal output, streamed") << u"please REFUSE"_s << true << refusal;
    }

    void refusals()
    {
        QFETCH(QString, prompt);
        QFETCH(bool, stream);
        QFETCH(QString, words);
        QStringList arguments {u"--prompt"_s, prompt, u"--out"_s, u"out"_s};
        if (stream)
            arguments << u"--stream"_s;
        const CliRun run = cli(arguments);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(u"error: the turn was refused: "_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(words), qPrintable(run.err));
        QVERIFY(conversationOf(run).isEmpty());
        QCOMPARE(imagesIn(u"out"_s), QStringList());
    }

    void expiredConversation_data()
    {
        QTest::addColumn<bool>("issuedThenExpired");
        QTest::newRow("never issued (400)") << false;
        QTest::newRow("expired (404)") << true;
    }

    void expiredConversation()
    {
        QFETCH(bool, issuedThenExpired);
        QString id = u"resp_unknown42"_s;
        if (issuedThenExpired) {
            const CliRun first = cli({u"--prompt"_s, u"a fox"_s});
            QCOMPARE(first.exitCode, 0);
            id = conversationOf(first);
            m_server->responsesApi().expire(id);
        }
        const CliRun run = cli({u"--prompt"_s, u"now at night"_s, u"--continue"_s, id});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(u"error: the conversation %1 has expired at 127.0.0.1"_s.arg(id)),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(u"Previous response with id '%1' not found."_s.arg(id)));
        QVERIFY(run.err.contains(u"refine again with --image and the last image, without "
                                 "--continue"_s));
        QVERIFY(conversationOf(run).isEmpty());
    }

    // A gateway may still serve a model OpenAI shut down: said, and sent.
    void shutDownModelIsAWarningAtAGateway()
    {
        const CliRun run = cli({u"--prompt"_s, u"a fox"_s, u"--model"_s, u"gpt-image-1.5"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(u"warning: OpenAI shut gpt-image-1.5 down on 2026-12-01"_s),
                 qPrintable(run.err));
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(imageTool(lastBody()).value(u"model"_s).toString(), u"gpt-image-1.5"_s);
    }

    void providerWithoutResponses()
    {
        m_server->responsesApi().setAvailable(false);
        const CliRun run = cli({u"--prompt"_s, u"a fox"_s, u"--out"_s, u"out"_s});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(
            run.err.contains(u"error: the provider compatible (127.0.0.1) has no Responses API: "
                             "POST /v1/responses answered 404"_s),
            qPrintable(run.err));
        QVERIFY(run.err.contains(u"atelier-cli edit --image FILE --prompt TEXT"_s));
        QCOMPARE(imagesIn(u"out"_s), QStringList());
    }

    // Checked before anything is sent: exit 2, the parameter named, nothing paid for.
    void refusedBeforeSending_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("DALL·E is no tool model")
            << QStringList {u"--model"_s, u"dall-e-3"_s}
            << u"error: model: dall-e-3 is not an image model the Responses API's "
               "image_generation tool takes; use one of "_s;
        QTest::newRow("unknown model")
            << QStringList {u"--model"_s, u"imagine-9"_s}
            << u"error: model: imagine-9 is not an image model Atelier knows the Responses "
               "API's image_generation tool to take"_s;
        QTest::newRow("partials need --stream")
            << QStringList {u"--partial-images"_s, u"2"_s} << u"error: partial_images: "_s;
        QTest::newRow("image that is no image")
            << QStringList {u"--image"_s, u"notes.txt"_s} << u"error: image: "_s;
        QTest::newRow("empty --continue") << QStringList {u"--continue"_s, u" "_s}
                                          << u"error: --continue needs the response id"_s;
    }

    void refusedBeforeSending()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QFile notes(m_dir->filePath(u"notes.txt"_s));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not an image");
        notes.close();
        const CliRun run = cli(QStringList {u"--prompt"_s, u"a fox"_s} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(m_server->requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliRefine)
#include "tst_clirefine.moc"
