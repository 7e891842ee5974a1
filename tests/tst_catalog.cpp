#include "catalog/catalog.h"
#include "catalog/costestimator.h"
#include "catalog/modelswitch.h"
#include "model/imagerequest.h"
#include "model/parameters.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

namespace {

QJsonObject parseObject(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

ImageRequest makeRequest(const QString &endpoint, const QString &model, const QString &prompt,
                         const QString &optionsJson)
{
    ImageRequest request;
    request.endpoint = endpointFromName(endpoint).value();
    request.model = model;
    request.prompt = prompt;
    const QJsonObject options = parseObject(optionsJson);
    for (auto it = options.constBegin(); it != options.constEnd(); ++it)
        request.setOption(it.key(), it.value());
    return request;
}

QStringList errorParameters(const QList<Violation> &violations)
{
    QStringList parameters;
    for (const Violation &violation : violations) {
        if (violation.isError())
            parameters.append(violation.parameter);
    }
    parameters.sort();
    return parameters;
}

QString allMessages(const QList<Violation> &violations)
{
    QStringList messages;
    for (const Violation &violation : violations)
        messages.append(violation.message);
    return messages.join(u'\n');
}

// The parameters of December 2026 (gpt-image-2.5 and 2.6), valid and invalid, per model.
void newParameterRows()
{
    const QString gen = u"generations"_s;
    const QString edits = u"edits"_s;
    const QString p = u"a lighthouse"_s;
    const QStringList none;
    const QStringList models25
        = {u"gpt-image-2.5-flare"_s, u"gpt-image-2.5-flare-2026-09-08"_s,
           u"gpt-image-2.5-sunburst"_s, u"gpt-image-2.5-sunburst-2026-09-08"_s};
    const QStringList models26 = {u"gpt-image-2.6-flare"_s, u"gpt-image-2.6-sunburst"_s};
    for (const QString &m : models25 + models26) {
        const bool is26 = models26.contains(m);
        auto named = [&](const char *what) -> QTestData & {
            return QTest::newRow(qPrintable(m + u' ' + QString::fromLatin1(what)));
        };
        named("valid")
            << gen << m << p
            << u"{\"n\":4,\"size\":\"1536x1024\",\"quality\":\"high\",\"background\":\"transparent\",\"moderation\":\"low\",\"output_format\":\"webp\",\"output_compression\":80,\"stream\":true,\"partial_images\":3,\"safety_identifier\":\"hash-1\"}"_s
            << none << QString();
        named("user still accepted")
            << gen << m << p << u"{\"user\":\"u1\"}"_s << none << QString();
        named("quality xhigh") << gen << m << p << u"{\"quality\":\"xhigh\"}"_s
                               << (is26 ? QStringList {u"quality"_s} : none) << QString();
        named("quality max") << gen << m << p << u"{\"quality\":\"max\"}"_s
                             << (is26 ? QStringList {u"quality"_s} : none) << QString();
        named("quality hd") << gen << m << p << u"{\"quality\":\"hd\"}"_s
                            << QStringList {u"quality"_s} << QString();
        // Free sizes: the SDK lists gpt-image-2 and the 2.5 models, not 2.6.
        named("free size") << gen << m << p << u"{\"size\":\"1536x864\"}"_s
                           << (is26 ? QStringList {u"size"_s} : none) << QString();
        named("edit input_fidelity") << edits << m << p << u"{\"input_fidelity\":\"low\"}"_s
                                     << QStringList {u"image"_s, u"input_fidelity"_s} << QString();
        named("complexity") << gen << m << p << u"{\"complexity\":\"high\"}"_s
                            << (is26 ? none : QStringList {u"complexity"_s}) << QString();
        named("gif")
            << gen << m << p
            << u"{\"output_format\":\"gif\",\"frame_count\":16,\"frame_duration_ms\":120}"_s
            << (is26 ? none
                     : QStringList {u"frame_count"_s, u"frame_duration_ms"_s, u"output_format"_s})
            << QString();
        named("svg")
            << gen << m << p
            << u"{\"output_format\":\"svg\",\"svg\":{\"model\":\"gpt-5.2\",\"reasoning\":{\"effort\":\"low\"}}}"_s
            << (is26 ? none : QStringList {u"output_format"_s, u"svg"_s}) << QString();
        named("not a parameter") << gen << m << p << u"{\"markup\":\"x.png\"}"_s
                                 << QStringList {u"markup"_s} << u"no parameter"_s;
        if (!is26)
            continue;
        named("complexity bad") << gen << m << p << u"{\"complexity\":\"extreme\"}"_s
                                << QStringList {u"complexity"_s}
                                << u"use one of: low, medium, high"_s;
        named("edit complexity") << edits << m << p << u"{\"complexity\":\"low\"}"_s
                                 << QStringList {u"image"_s} << QString();
        named("gif defaults") << gen << m << p << u"{\"output_format\":\"gif\"}"_s << none
                              << QString();
        named("gif stream") << gen << m << p << u"{\"output_format\":\"gif\",\"stream\":true}"_s
                            << QStringList {u"stream"_s}
                            << u"stream cannot be used with output_format \"gif\""_s;
        named("gif stream off") << gen << m << p
                                << u"{\"output_format\":\"gif\",\"stream\":false}"_s << none
                                << QString();
        named("gif partial")
            << gen << m << p
            << u"{\"output_format\":\"gif\",\"stream\":true,\"partial_images\":2}"_s
            << QStringList {u"partial_images"_s, u"stream"_s} << QString();
        named("gif compression") << gen << m << p
                                 << u"{\"output_format\":\"gif\",\"output_compression\":50}"_s
                                 << QStringList {u"output_compression"_s, u"output_compression"_s}
                                 << QString();
        named("frame_count 17") << gen << m << p
                                << u"{\"output_format\":\"gif\",\"frame_count\":17}"_s
                                << QStringList {u"frame_count"_s} << u"between 2 and 16"_s;
        named("frame_count 1") << gen << m << p
                               << u"{\"output_format\":\"gif\",\"frame_count\":1}"_s
                               << QStringList {u"frame_count"_s} << QString();
        named("frame_count without gif")
            << gen << m << p << u"{\"frame_count\":4}"_s << QStringList {u"frame_count"_s}
            << u"only applies when output_format is gif"_s;
        named("frame_duration without gif")
            << gen << m << p << u"{\"output_format\":\"png\",\"frame_duration_ms\":100}"_s
            << QStringList {u"frame_duration_ms"_s} << QString();
        named("frame_duration negative")
            << gen << m << p << u"{\"output_format\":\"gif\",\"frame_duration_ms\":-10}"_s
            << QStringList {u"frame_duration_ms"_s} << QString();
        // The API rounds to 10 ms and caps at 655350 ms: said, not refused (the SDK's words).
        named("frame_duration capped")
            << gen << m << p << u"{\"output_format\":\"gif\",\"frame_duration_ms\":900000}"_s
            << none << u"capped at 655350"_s;
        named("frame_duration rounded")
            << gen << m << p << u"{\"output_format\":\"gif\",\"frame_duration_ms\":105}"_s << none
            << u"rounded to the nearest multiple of 10"_s;
        // svg.model is required in generations, optional in edits (the SDK).
        named("svg effort without model")
            << gen << m << p
            << u"{\"output_format\":\"svg\",\"svg\":{\"reasoning\":{\"effort\":\"low\"}}}"_s
            << QStringList {u"svg.model"_s} << u"svg needs model"_s;
        named("edit svg effort without model")
            << edits << m << p
            << u"{\"output_format\":\"svg\",\"svg\":{\"reasoning\":{\"effort\":\"low\"}}}"_s
            << QStringList {u"image"_s} << QString();
        named("svg plain") << gen << m << p << u"{\"output_format\":\"svg\"}"_s << none
                           << QString();
        named("svg n 2") << gen << m << p << u"{\"output_format\":\"svg\",\"n\":2}"_s
                         << QStringList {u"output_format"_s} << u"needs n to be 1"_s;
        named("svg stream") << gen << m << p << u"{\"output_format\":\"svg\",\"stream\":true}"_s
                            << QStringList {u"stream"_s} << QString();
        named("svg compression") << gen << m << p
                                 << u"{\"output_format\":\"svg\",\"output_compression\":10}"_s
                                 << QStringList {u"output_compression"_s, u"output_compression"_s}
                                 << QString();
        named("svg object without svg")
            << gen << m << p << u"{\"svg\":{\"model\":\"gpt-5.2\"}}"_s << QStringList {u"svg"_s}
            << u"only applies when output_format is svg"_s;
        named("svg effort bad")
            << gen << m << p
            << u"{\"output_format\":\"svg\",\"svg\":{\"model\":\"m\",\"reasoning\":{\"effort\":\"huge\"}}}"_s
            << QStringList {u"svg.reasoning.effort"_s}
            << u"none, minimal, low, medium, high, xhigh, max"_s;
        named("svg unknown field")
            << gen << m << p
            << u"{\"output_format\":\"svg\",\"svg\":{\"model\":\"m\",\"colour\":\"red\"}}"_s
            << QStringList {u"svg.colour"_s} << u"no field \"colour\""_s;
        named("svg not object") << gen << m << p
                                << u"{\"output_format\":\"svg\",\"svg\":\"gpt-5.2\"}"_s
                                << QStringList {u"svg"_s} << u"must be an object"_s;
        named("svg model not text")
            << gen << m << p << u"{\"output_format\":\"svg\",\"svg\":{\"model\":5}}"_s
            << QStringList {u"svg.model"_s} << QString();
        named("svg null effort")
            << gen << m << p
            << u"{\"output_format\":\"svg\",\"svg\":{\"model\":\"m\",\"reasoning\":{\"effort\":null}}}"_s
            << none << QString();
        named("edit gif") << edits << m << p << u"{\"output_format\":\"gif\"}"_s
                          << QStringList {u"image"_s} << QString();
    }
    QTest::newRow("gpt-image-2 complexity")
        << gen << u"gpt-image-2"_s << p << u"{\"complexity\":\"low\"}"_s
        << QStringList {u"complexity"_s} << u"gpt-image-2.6-flare, gpt-image-2.6-sunburst do"_s;
    QTest::newRow("gpt-image-2 xhigh")
        << gen << u"gpt-image-2"_s << p << u"{\"quality\":\"xhigh\"}"_s
        << QStringList {u"quality"_s} << QString();
    QTest::newRow("gpt-image-2 edit input_fidelity")
        << edits << u"gpt-image-2"_s << p << u"{\"input_fidelity\":\"high\"}"_s
        << QStringList {u"image"_s, u"input_fidelity"_s} << QString();
    QTest::newRow("dall-e-3 safety_identifier")
        << gen << u"dall-e-3"_s << p << u"{\"safety_identifier\":\"x\"}"_s
        << QStringList {u"safety_identifier"_s} << QString();
    QTest::newRow("unknown model gif")
        << gen << u"acme-image"_s << p
        << u"{\"output_format\":\"gif\",\"frame_count\":4,\"complexity\":\"low\",\"quality\":\"max\"}"_s
        << none << QString();
}

} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_catalog = Catalog::fromJson(Catalog::builtinJson());
        QVERIFY2(m_catalog.loadWarnings().isEmpty(),
                 qPrintable(m_catalog.loadWarnings().join(u'\n')));
        QVERIFY(m_dir.isValid());
    }

    // Every note the built-in catalog has on a model is in the table the translations are made
    // from (ModelSpec::translatableNotes()), so none stays English in another language; a note
    // of the user's own (an overlay) is shown as written.
    void everyModelNoteIsTranslatable()
    {
        const QStringList translatable = ModelSpec::translatableNotes();
        QStringList ids = m_catalog.modelIds();
        ids.append(u"not-in-the-catalog"_s); // the schema's limits: a note of its own
        int notes = 0;
        for (const QString &id : std::as_const(ids)) {
            const ModelSpec spec = m_catalog.spec(id);
            if (spec.lifecycleNote.isEmpty())
                continue;
            ++notes;
            QVERIFY2(translatable.contains(spec.lifecycleNote),
                     qPrintable(id + u": "_s + spec.lifecycleNote));
            QCOMPARE(spec.lifecycleNoteText(), spec.lifecycleNote); // no translator installed
        }
        QVERIFY(notes >= 10);
        ModelSpec own;
        own.lifecycleNote = u"A note of my own."_s;
        QCOMPARE(own.lifecycleNoteText(), own.lifecycleNote);
    }

    void coversEveryModel()
    {
        const QStringList expected = {u"chatgpt-image-latest"_s,
                                      u"dall-e-2"_s,
                                      u"dall-e-3"_s,
                                      u"gpt-image-1"_s,
                                      u"gpt-image-1-mini"_s,
                                      u"gpt-image-1.5"_s,
                                      u"gpt-image-1.5-2025-12-16"_s,
                                      u"gpt-image-2"_s,
                                      u"gpt-image-2-2026-04-21"_s,
                                      u"gpt-image-2.5-flare"_s,
                                      u"gpt-image-2.5-flare-2026-09-08"_s,
                                      u"gpt-image-2.5-sunburst"_s,
                                      u"gpt-image-2.5-sunburst-2026-09-08"_s,
                                      u"gpt-image-2.6-flare"_s,
                                      u"gpt-image-2.6-sunburst"_s};
        QCOMPARE(m_catalog.modelIds(), expected);
        QCOMPARE(m_catalog.modelsFor(Endpoint::Variations), QStringList {u"dall-e-2"_s});
        QVERIFY(!m_catalog.modelsFor(Endpoint::Edits).contains(u"dall-e-3"_s));
        QVERIFY(m_catalog.modelsFor(Endpoint::Edits).contains(u"chatgpt-image-latest"_s));
        QVERIFY(!m_catalog.modelsFor(Endpoint::Generations).contains(u"chatgpt-image-latest"_s));
    }

    void allowed_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<bool>("supported");
        QTest::addColumn<QStringList>("values");

        const QStringList gptSizes = {u"auto"_s, u"1024x1024"_s, u"1536x1024"_s, u"1024x1536"_s};
        QTest::newRow("dall-e-2 sizes") << u"dall-e-2"_s << u"generations"_s << u"size"_s << true
                                        << QStringList {u"256x256"_s, u"512x512"_s, u"1024x1024"_s};
        QTest::newRow("dall-e-2 no style")
            << u"dall-e-2"_s << u"generations"_s << u"style"_s << false << QStringList {};
        QTest::newRow("dall-e-2 no stream")
            << u"dall-e-2"_s << u"generations"_s << u"stream"_s << false << QStringList {};
        QTest::newRow("dall-e-2 variation no prompt")
            << u"dall-e-2"_s << u"variations"_s << u"prompt"_s << false << QStringList {};
        QTest::newRow("dall-e-2 variation response_format")
            << u"dall-e-2"_s << u"variations"_s << u"response_format"_s << true
            << QStringList {u"url"_s, u"b64_json"_s};
        QTest::newRow("dall-e-3 sizes")
            << u"dall-e-3"_s << u"generations"_s << u"size"_s << true
            << QStringList {u"1024x1024"_s, u"1792x1024"_s, u"1024x1792"_s};
        QTest::newRow("dall-e-3 quality") << u"dall-e-3"_s << u"generations"_s << u"quality"_s
                                          << true << QStringList {u"standard"_s, u"hd"_s};
        QTest::newRow("dall-e-3 style") << u"dall-e-3"_s << u"generations"_s << u"style"_s << true
                                        << QStringList {u"vivid"_s, u"natural"_s};
        QTest::newRow("dall-e-3 no background")
            << u"dall-e-3"_s << u"generations"_s << u"background"_s << false << QStringList {};
        QTest::newRow("gpt-image-1 sizes")
            << u"gpt-image-1"_s << u"generations"_s << u"size"_s << true << gptSizes;
        QTest::newRow("gpt-image-1 no response_format")
            << u"gpt-image-1"_s << u"generations"_s << u"response_format"_s << false
            << QStringList {};
        QTest::newRow("gpt-image-1 no style")
            << u"gpt-image-1"_s << u"generations"_s << u"style"_s << false << QStringList {};
        QTest::newRow("gpt-image-1 moderation")
            << u"gpt-image-1"_s << u"generations"_s << u"moderation"_s << true
            << QStringList {u"auto"_s, u"low"_s};
        QTest::newRow("gpt-image-1 edit no moderation")
            << u"gpt-image-1"_s << u"edits"_s << u"moderation"_s << false << QStringList {};
        QTest::newRow("gpt-image-1 edit input_fidelity")
            << u"gpt-image-1"_s << u"edits"_s << u"input_fidelity"_s << true
            << QStringList {u"low"_s, u"high"_s};
        QTest::newRow("gpt-image-1 generate no input_fidelity")
            << u"gpt-image-1"_s << u"generations"_s << u"input_fidelity"_s << false
            << QStringList {};
        // The SDK: "gpt-image-1-mini supports only low"; "for gpt-image-2, omit this parameter".
        QTest::newRow("gpt-image-1-mini input_fidelity low only")
            << u"gpt-image-1-mini"_s << u"edits"_s << u"input_fidelity"_s << true
            << QStringList {u"low"_s};
        QTest::newRow("gpt-image-1.5 input_fidelity")
            << u"gpt-image-1.5"_s << u"edits"_s << u"input_fidelity"_s << true
            << QStringList {u"low"_s, u"high"_s};
        QTest::newRow("gpt-image-1.5 output_format")
            << u"gpt-image-1.5"_s << u"generations"_s << u"output_format"_s << true
            << QStringList {u"png"_s, u"jpeg"_s, u"webp"_s};
        QTest::newRow("gpt-image-1.5 no variations")
            << u"gpt-image-1.5"_s << u"variations"_s << u"n"_s << false << QStringList {};
        QTest::newRow("gpt-image-2 sizes")
            << u"gpt-image-2"_s << u"generations"_s << u"size"_s << true << gptSizes;
        QTest::newRow("gpt-image-2 no input_fidelity")
            << u"gpt-image-2"_s << u"edits"_s << u"input_fidelity"_s << false << QStringList {};
        QTest::newRow("gpt-image-2 snapshot inherits")
            << u"gpt-image-2-2026-04-21"_s << u"edits"_s << u"input_fidelity"_s << false
            << QStringList {};
        const QStringList qualities25
            = {u"auto"_s, u"low"_s, u"medium"_s, u"high"_s, u"xhigh"_s, u"max"_s};
        const QStringList qualities = {u"auto"_s, u"low"_s, u"medium"_s, u"high"_s};
        const QStringList formats26 = {u"png"_s, u"jpeg"_s, u"webp"_s, u"gif"_s, u"svg"_s};
        for (const char *model : {"gpt-image-2.5-flare", "gpt-image-2.5-flare-2026-09-08",
                                  "gpt-image-2.5-sunburst", "gpt-image-2.5-sunburst-2026-09-08"}) {
            const QString m = QString::fromLatin1(model);
            for (const QString &endpoint : {u"generations"_s, u"edits"_s}) {
                QTest::newRow(qPrintable(m + u' ' + endpoint + u" quality"_s))
                    << m << endpoint << u"quality"_s << true << qualities25;
                QTest::newRow(qPrintable(m + u' ' + endpoint + u" no complexity"_s))
                    << m << endpoint << u"complexity"_s << false << QStringList {};
                QTest::newRow(qPrintable(m + u' ' + endpoint + u" no input_fidelity"_s))
                    << m << endpoint << u"input_fidelity"_s << false << QStringList {};
                QTest::newRow(qPrintable(m + u' ' + endpoint + u" safety_identifier"_s))
                    << m << endpoint << u"safety_identifier"_s << true << QStringList {};
                QTest::newRow(qPrintable(m + u' ' + endpoint + u" formats"_s))
                    << m << endpoint << u"output_format"_s << true
                    << QStringList {u"png"_s, u"jpeg"_s, u"webp"_s};
            }
            QTest::newRow(qPrintable(m + u" edits markup"_s))
                << m << u"edits"_s << u"markup"_s << true << QStringList {};
            QTest::newRow(qPrintable(m + u" generations no markup"_s))
                << m << u"generations"_s << u"markup"_s << false << QStringList {};
        }
        for (const char *model : {"gpt-image-2.6-flare", "gpt-image-2.6-sunburst"}) {
            const QString m = QString::fromLatin1(model);
            for (const QString &endpoint : {u"generations"_s, u"edits"_s}) {
                // The SDK names xhigh and max only for the 2.5 models.
                QTest::newRow(qPrintable(m + u' ' + endpoint + u" quality"_s))
                    << m << endpoint << u"quality"_s << true << qualities;
                QTest::newRow(qPrintable(m + u' ' + endpoint + u" complexity"_s))
                    << m << endpoint << u"complexity"_s << true
                    << QStringList {u"low"_s, u"medium"_s, u"high"_s};
                QTest::newRow(qPrintable(m + u' ' + endpoint + u" formats"_s))
                    << m << endpoint << u"output_format"_s << true << formats26;
                QTest::newRow(qPrintable(m + u' ' + endpoint + u" frame_count"_s))
                    << m << endpoint << u"frame_count"_s << true << QStringList {};
                QTest::newRow(qPrintable(m + u' ' + endpoint + u" svg"_s))
                    << m << endpoint << u"svg"_s << true << QStringList {};
                QTest::newRow(qPrintable(m + u' ' + endpoint + u" no input_fidelity"_s))
                    << m << endpoint << u"input_fidelity"_s << false << QStringList {};
            }
            QTest::newRow(qPrintable(m + u" edits markup"_s))
                << m << u"edits"_s << u"markup"_s << true << QStringList {};
            QTest::newRow(qPrintable(m + u" no variations"_s))
                << m << u"variations"_s << u"n"_s << false << QStringList {};
        }
        QTest::newRow("gpt-image-2 no markup")
            << u"gpt-image-2"_s << u"edits"_s << u"markup"_s << false << QStringList {};
        QTest::newRow("gpt-image-1.5 no xhigh")
            << u"gpt-image-1.5"_s << u"generations"_s << u"quality"_s << true << qualities;
        QTest::newRow("chatgpt-image-latest edits")
            << u"chatgpt-image-latest"_s << u"edits"_s << u"quality"_s << true
            << QStringList {u"auto"_s, u"low"_s, u"medium"_s, u"high"_s};
        QTest::newRow("chatgpt-image-latest no generations")
            << u"chatgpt-image-latest"_s << u"generations"_s << u"quality"_s << false
            << QStringList {};
    }

    void allowed()
    {
        QFETCH(QString, model);
        QFETCH(QString, endpoint);
        QFETCH(QString, parameter);
        QFETCH(bool, supported);
        QFETCH(QStringList, values);
        const std::optional<ParameterRule> rule
            = m_catalog.allowed(model, *endpointFromName(endpoint), parameter);
        QCOMPARE(rule.has_value(), supported);
        if (rule)
            QCOMPARE(rule->values, values);
    }

    void freeSizeRuleOnlyOnGptImage2()
    {
        QVERIFY(m_catalog.allowed(u"gpt-image-2"_s, Endpoint::Generations, u"size"_s)
                    ->freeSize.enabled);
        QVERIFY(m_catalog.allowed(u"gpt-image-2-2026-04-21"_s, Endpoint::Edits, u"size"_s)
                    ->freeSize.enabled);
        QVERIFY(!m_catalog.allowed(u"gpt-image-1.5"_s, Endpoint::Generations, u"size"_s)
                     ->freeSize.enabled);
    }

    void inputRules()
    {
        const auto gptImage = m_catalog.allowed(u"gpt-image-1.5"_s, Endpoint::Edits, u"image"_s);
        QVERIFY(gptImage);
        QCOMPARE(gptImage->maxCount, 16);
        QCOMPARE(gptImage->maxBytes, 50LL * 1024 * 1024);
        QCOMPARE(gptImage->formats, (QStringList {u"png"_s, u"webp"_s, u"jpeg"_s}));
        const auto dalle = m_catalog.allowed(u"dall-e-2"_s, Endpoint::Edits, u"image"_s);
        QCOMPARE(dalle->maxCount, 1);
        QVERIFY(dalle->square);
        QCOMPARE(dalle->formats, QStringList {u"png"_s});
        const auto mask = m_catalog.allowed(u"gpt-image-1"_s, Endpoint::Edits, u"mask"_s);
        QCOMPARE(mask->maxBytes, 4LL * 1024 * 1024);
        QVERIFY(!m_catalog.allowed(u"gpt-image-1"_s, Endpoint::Generations, u"image"_s));
    }

    void validate_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("options");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<QString>("messagePart");

        const QString gen = u"generations"_s;
        const QString p = u"a cat"_s;
        const QStringList none;
        auto row = [](const char *name) -> QTestData & {
            return QTest::newRow(name);
        };

        // dall-e-2
        row("d2 valid")
            << gen << u"dall-e-2"_s << p
            << u"{\"n\":10,\"size\":\"256x256\",\"response_format\":\"b64_json\",\"quality\":\"standard\",\"user\":\"u1\"}"_s
            << none << QString();
        row("d2 n 11") << gen << u"dall-e-2"_s << p << u"{\"n\":11}"_s << QStringList {u"n"_s}
                       << u"set n between 1 and 10"_s;
        row("d2 n 0") << gen << u"dall-e-2"_s << p << u"{\"n\":0}"_s << QStringList {u"n"_s}
                      << QString();
        row("d2 n fraction") << gen << u"dall-e-2"_s << p << u"{\"n\":1.5}"_s
                             << QStringList {u"n"_s} << u"whole number"_s;
        row("d2 size 1792") << gen << u"dall-e-2"_s << p << u"{\"size\":\"1792x1024\"}"_s
                            << QStringList {u"size"_s} << u"256x256, 512x512, 1024x1024"_s;
        row("d2 quality hd") << gen << u"dall-e-2"_s << p << u"{\"quality\":\"hd\"}"_s
                             << QStringList {u"quality"_s} << QString();
        row("d2 style") << gen << u"dall-e-2"_s << p << u"{\"style\":\"vivid\"}"_s
                        << QStringList {u"style"_s} << u"dall-e-3 do"_s;
        row("d2 stream") << gen << u"dall-e-2"_s << p << u"{\"stream\":true}"_s
                         << QStringList {u"stream"_s} << QString();
        row("d2 background") << gen << u"dall-e-2"_s << p << u"{\"background\":\"opaque\"}"_s
                             << QStringList {u"background"_s} << QString();
        row("d2 output_format") << gen << u"dall-e-2"_s << p << u"{\"output_format\":\"png\"}"_s
                                << QStringList {u"output_format"_s} << QString();
        row("d2 moderation") << gen << u"dall-e-2"_s << p << u"{\"moderation\":\"low\"}"_s
                             << QStringList {u"moderation"_s} << QString();
        row("d2 prompt too long") << gen << u"dall-e-2"_s << QString(1001, u'x') << u"{}"_s
                                  << QStringList {u"prompt"_s}
                                  << u"at most 1000; shorten it by 1"_s;
        row("d2 prompt at limit") << gen << u"dall-e-2"_s << QString(1000, u'x') << u"{}"_s << none
                                  << QString();
        row("d2 variation prompt")
            << u"variations"_s << u"dall-e-2"_s << p << u"{}"_s
            << QStringList {u"image"_s, u"prompt"_s} << u"Variations take no prompt"_s;
        row("d2 variation quality")
            << u"variations"_s << u"dall-e-2"_s << QString() << u"{\"quality\":\"standard\"}"_s
            << QStringList {u"image"_s, u"quality"_s} << QString();
        // dall-e-3
        row("d3 valid")
            << gen << u"dall-e-3"_s << p
            << u"{\"n\":1,\"size\":\"1792x1024\",\"quality\":\"hd\",\"style\":\"natural\",\"response_format\":\"url\"}"_s
            << none << QString();
        row("d3 n 2") << gen << u"dall-e-3"_s << p << u"{\"n\":2}"_s << QStringList {u"n"_s}
                      << u"dall-e-3 makes one image per request; set n to 1"_s;
        row("d3 size 512") << gen << u"dall-e-3"_s << p << u"{\"size\":\"512x512\"}"_s
                           << QStringList {u"size"_s} << QString();
        row("d3 quality low") << gen << u"dall-e-3"_s << p << u"{\"quality\":\"low\"}"_s
                              << QStringList {u"quality"_s} << u"standard, hd"_s;
        row("d3 style bad") << gen << u"dall-e-3"_s << p << u"{\"style\":\"moody\"}"_s
                            << QStringList {u"style"_s} << QString();
        row("d3 prompt 4001") << gen << u"dall-e-3"_s << QString(4001, u'x') << u"{}"_s
                              << QStringList {u"prompt"_s} << QString();
        row("d3 edits") << u"edits"_s << u"dall-e-3"_s << p << u"{}"_s << QStringList {u"model"_s}
                        << u"dall-e-3 cannot edit images"_s;
        row("d3 variations") << u"variations"_s << u"dall-e-3"_s << QString() << u"{}"_s
                             << QStringList {u"model"_s} << u"dall-e-2"_s;
        row("d3 output_compression")
            << gen << u"dall-e-3"_s << p << u"{\"output_compression\":50}"_s
            << QStringList {u"output_compression"_s} << QString();
        // GPT image models: the shared rules, per model
        for (const char *model : {"gpt-image-1", "gpt-image-1-mini", "gpt-image-1.5", "gpt-image-2",
                                  "gpt-image-2-2026-04-21"}) {
            const QString m = QString::fromLatin1(model);
            auto named = [&](const char *what) -> QTestData & {
                return QTest::newRow(qPrintable(m + u' ' + QString::fromLatin1(what)));
            };
            named("valid")
                << gen << m << p
                << u"{\"n\":4,\"size\":\"1536x1024\",\"quality\":\"high\",\"background\":\"transparent\",\"moderation\":\"low\",\"output_format\":\"webp\",\"output_compression\":80,\"stream\":true,\"partial_images\":3,\"user\":\"x\"}"_s
                << none << QString();
            named("prompt 32000") << gen << m << QString(32000, u'y') << u"{}"_s << none
                                  << QString();
            named("prompt 32001") << gen << m << QString(32001, u'y') << u"{}"_s
                                  << QStringList {u"prompt"_s} << QString();
            named("empty prompt") << gen << m << u"   "_s << u"{}"_s << QStringList {u"prompt"_s}
                                  << u"The prompt is empty"_s;
            named("n 11") << gen << m << p << u"{\"n\":11}"_s << QStringList {u"n"_s} << QString();
            named("quality hd") << gen << m << p << u"{\"quality\":\"hd\"}"_s
                                << QStringList {u"quality"_s} << u"auto, low, medium, high"_s;
            named("style") << gen << m << p << u"{\"style\":\"vivid\"}"_s
                           << QStringList {u"style"_s} << QString();
            named("response_format") << gen << m << p << u"{\"response_format\":\"url\"}"_s
                                     << QStringList {u"response_format"_s} << QString();
            // 1792x1024 is a valid free size on gpt-image-2, not on the others.
            named("size 1792") << gen << m << p << u"{\"size\":\"1792x1024\"}"_s
                               << (m.startsWith(u"gpt-image-2") ? none : QStringList {u"size"_s})
                               << QString();
            named("transparent jpeg")
                << gen << m << p << u"{\"background\":\"transparent\",\"output_format\":\"jpeg\"}"_s
                << QStringList {u"background"_s}
                << u"needs output_format to be png or webp, but it is jpeg"_s;
            named("transparent default png")
                << gen << m << p << u"{\"background\":\"transparent\"}"_s << none << QString();
            named("compression png")
                << gen << m << p << u"{\"output_compression\":50,\"output_format\":\"png\"}"_s
                << QStringList {u"output_compression"_s}
                << u"only applies when output_format is jpeg or webp"_s;
            named("compression default png")
                << gen << m << p << u"{\"output_compression\":50}"_s
                << QStringList {u"output_compression"_s} << u"png by default"_s;
            named("compression 101")
                << gen << m << p << u"{\"output_compression\":101,\"output_format\":\"jpeg\"}"_s
                << QStringList {u"output_compression"_s} << u"between 0 and 100"_s;
            named("partial 4") << gen << m << p << u"{\"stream\":true,\"partial_images\":4}"_s
                               << QStringList {u"partial_images"_s} << QString();
            named("partial no stream") << gen << m << p << u"{\"partial_images\":2}"_s
                                       << QStringList {u"partial_images"_s} << u"stream"_s;
            named("stream not bool") << gen << m << p << u"{\"stream\":\"yes\"}"_s
                                     << QStringList {u"stream"_s} << u"true or false"_s;
            named("moderation high") << gen << m << p << u"{\"moderation\":\"high\"}"_s
                                     << QStringList {u"moderation"_s} << QString();
            named("edit moderation") << u"edits"_s << m << p << u"{\"moderation\":\"low\"}"_s
                                     << QStringList {u"image"_s, u"moderation"_s} << QString();
            named("variations") << u"variations"_s << m << QString() << u"{}"_s
                                << QStringList {u"model"_s} << QString();
            named("unknown parameter") << gen << m << p << u"{\"seed\":3}"_s
                                       << QStringList {u"seed"_s} << u"no parameter \"seed\""_s;
            named("generation input_fidelity")
                << gen << m << p << u"{\"input_fidelity\":\"high\"}"_s
                << QStringList {u"input_fidelity"_s} << QString();
        }
        // gpt-image-2 free sizes
        for (const char *model : {"gpt-image-2", "gpt-image-2-2026-04-21"}) {
            const QString m = QString::fromLatin1(model);
            auto named = [&](const char *what) -> QTestData & {
                return QTest::newRow(qPrintable(m + u' ' + QString::fromLatin1(what)));
            };
            named("1536x864") << gen << m << p << u"{\"size\":\"1536x864\"}"_s << none << QString();
            named("3840x2160") << gen << m << p << u"{\"size\":\"3840x2160\"}"_s << none
                               << QString();
            named("2160x3840") << gen << m << p << u"{\"size\":\"2160x3840\"}"_s << none
                               << QString();
            named("not multiple of 16")
                << gen << m << p << u"{\"size\":\"1000x1000\"}"_s << QStringList {u"size"_s}
                << u"nearest valid size is 1008x1008"_s;
            named("aspect 4:1") << gen << m << p << u"{\"size\":\"2048x512\"}"_s
                                << QStringList {u"size"_s} << u"between 1:3 and 3:1"_s;
            named("aspect 3:1 ok")
                << gen << m << p << u"{\"size\":\"2304x768\"}"_s << none << QString();
            named("too large") << gen << m << p << u"{\"size\":\"3840x2176\"}"_s
                               << QStringList {u"size"_s} << u"too large"_s;
            named("edge too long") << gen << m << p << u"{\"size\":\"3856x1920\"}"_s
                                   << QStringList {u"size"_s} << QString();
            named("garbage") << gen << m << p << u"{\"size\":\"big\"}"_s << QStringList {u"size"_s}
                             << u"not WIDTHxHEIGHT"_s;
            named("edit free size") << u"edits"_s << m << p << u"{\"size\":\"1536x864\"}"_s
                                    << QStringList {u"image"_s} << QString();
        }
        row("gpt-image-1.5 no free size")
            << gen << u"gpt-image-1.5"_s << p << u"{\"size\":\"1536x864\"}"_s
            << QStringList {u"size"_s} << QString();
        row("mini input_fidelity")
            << u"edits"_s << u"gpt-image-1-mini"_s << p << u"{\"input_fidelity\":\"high\"}"_s
            << QStringList {u"image"_s, u"input_fidelity"_s} << u"use one of: low"_s;
        row("chatgpt-image-latest generate") << gen << u"chatgpt-image-latest"_s << p << u"{}"_s
                                             << QStringList {u"model"_s} << QString();
        // Unknown models get only the schema's limits.
        row("unknown valid")
            << gen << u"my-gateway-model"_s << p
            << u"{\"size\":\"777x333\",\"style\":\"vivid\",\"quality\":\"hd\",\"n\":10}"_s << none
            << QString();
        row("unknown n 11") << gen << u"my-gateway-model"_s << p << u"{\"n\":11}"_s
                            << QStringList {u"n"_s} << QString();
        row("unknown partial 4") << gen << u"my-gateway-model"_s << p << u"{\"partial_images\":4}"_s
                                 << QStringList {u"partial_images"_s} << QString();
        row("unknown prompt 32001") << gen << u"my-gateway-model"_s << QString(32001, u'z')
                                    << u"{}"_s << QStringList {u"prompt"_s} << QString();
        row("unknown edit style") << u"edits"_s << u"my-gateway-model"_s << p
                                  << u"{\"style\":\"vivid\"}"_s
                                  << QStringList {u"image"_s, u"style"_s} << QString();
        row("unknown variation size")
            << u"variations"_s << u"my-gateway-model"_s << QString()
            << u"{\"size\":\"1536x1024\"}"_s << QStringList {u"image"_s, u"size"_s} << QString();
        // No model: the catalog's default, one OpenAI serves.
        row("default model style")
            << gen << QString() << p << u"{\"style\":\"vivid\"}"_s << QStringList {u"style"_s}
            << u"gpt-image-2.6-flare does not support style"_s;
        newParameterRows();
    }

    void validate()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, model);
        QFETCH(QString, prompt);
        QFETCH(QString, options);
        QFETCH(QStringList, errors);
        QFETCH(QString, messagePart);
        const ImageRequest request = makeRequest(endpoint, model, prompt, options);
        const QList<Violation> violations = m_catalog.validate(request);
        QCOMPARE(errorParameters(violations), errors);
        if (!messagePart.isEmpty())
            QVERIFY2(allMessages(violations).contains(messagePart),
                     qPrintable(allMessages(violations)));
        for (const Violation &violation : violations)
            QVERIFY2(!violation.message.isEmpty() && violation.message.endsWith(u'.'),
                     qPrintable(violation.message));
    }

    void warnings()
    {
        auto warningText = [this](const ImageRequest &request) {
            QStringList texts;
            for (const Violation &violation : m_catalog.validate(request)) {
                if (!violation.isError())
                    texts.append(violation.message);
            }
            return texts.join(u'\n');
        };
        QVERIFY(warningText(makeRequest(u"generations"_s, u"dall-e-3"_s, u"x"_s, u"{}"_s))
                    .contains(u"2026-05-12"_s));
        QVERIFY(warningText(makeRequest(u"generations"_s, u"acme-image"_s, u"x"_s, u"{}"_s))
                    .contains(u"not in Atelier's model catalog"_s));
        QVERIFY(warningText(makeRequest(u"generations"_s, u"gpt-image-2"_s, u"x"_s,
                                        u"{\"size\":\"3840x2160\"}"_s))
                    .contains(u"experimental"_s));
        QVERIFY(warningText(makeRequest(u"generations"_s, u"gpt-image-2"_s, u"x"_s,
                                        u"{\"background\":\"transparent\"}"_s))
                    .contains(u"preview"_s));
        QVERIFY(
            warningText(makeRequest(u"generations"_s, u"gpt-image-2.6-flare"_s, u"x"_s, u"{}"_s))
                .isEmpty());
        // Away from OpenAI a shut-down model is only a warning: a gateway may still serve it.
        QVERIFY(warningText(makeRequest(u"generations"_s, u"gpt-image-1.5"_s, u"x"_s, u"{}"_s))
                    .contains(u"gpt-image-2.6-sunburst"_s));
    }

    void shutDownModelsAtOpenAI_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("replacement");
        QTest::newRow("gpt-image-1.5") << u"gpt-image-1.5"_s << u"gpt-image-2.6-sunburst"_s;
        QTest::newRow("gpt-image-1.5 snapshot")
            << u"gpt-image-1.5-2025-12-16"_s << u"gpt-image-2.6-sunburst"_s;
        QTest::newRow("gpt-image-1-mini") << u"gpt-image-1-mini"_s << u"gpt-image-2.6-flare"_s;
        QTest::newRow("chatgpt-image-latest")
            << u"chatgpt-image-latest"_s << u"gpt-image-2.6-sunburst"_s;
        QTest::newRow("gpt-image-1") << u"gpt-image-1"_s << u"gpt-image-2.5-sunburst"_s;
        QTest::newRow("dall-e-3") << u"dall-e-3"_s << u"gpt-image-2.6-sunburst"_s;
        QTest::newRow("dall-e-2") << u"dall-e-2"_s << u"gpt-image-2.6-flare"_s;
    }

    void shutDownModelsAtOpenAI()
    {
        QFETCH(QString, model);
        QFETCH(QString, replacement);
        const ModelSpec spec = m_catalog.spec(model);
        QCOMPARE(spec.replacement, replacement);
        QVERIFY(m_catalog.contains(replacement));
        QVERIFY(!m_catalog.spec(replacement).isShutDown(QDate(2026, 12, 1)));
        const Endpoint endpoint
            = spec.serves(Endpoint::Generations) ? Endpoint::Generations : Endpoint::Edits;
        ImageRequest request = makeRequest(endpointName(endpoint), model, u"x"_s, u"{}"_s);
        // At OpenAI: refused before paying, naming the replacement.
        const QList<Violation> atOpenAI
            = m_catalog.validate(request, ValidationContext {true, QDate(2026, 12, 1)});
        QVERIFY(errorParameters(atOpenAI).contains(u"model"_s));
        QVERIFY2(allMessages(atOpenAI).contains(u"switch to "_s + replacement),
                 qPrintable(allMessages(atOpenAI)));
        // At a gateway: a warning only.
        const QList<Violation> elsewhere
            = m_catalog.validate(request, ValidationContext {false, QDate(2026, 12, 1)});
        QVERIFY(!errorParameters(elsewhere).contains(u"model"_s));
        QVERIFY(allMessages(elsewhere).contains(replacement));
        // The day before a shutdown it is still served, with a warning.
        const QDate before = spec.shutdownDate.addDays(-1);
        const QList<Violation> dayBefore
            = m_catalog.validate(request, ValidationContext {true, before});
        QVERIFY(!errorParameters(dayBefore).contains(u"model"_s));
        QVERIFY2(allMessages(dayBefore).contains(u"in 1 day"_s),
                 qPrintable(allMessages(dayBefore)));
    }

    void servedModelsAreNotFlagged()
    {
        for (const QString &model : m_catalog.modelIds()) {
            const ModelSpec spec = m_catalog.spec(model);
            if (spec.shutdownDate.isValid())
                continue;
            QVERIFY2(model.startsWith(u"gpt-image-2"_s), qPrintable(model));
            const Endpoint endpoint
                = spec.serves(Endpoint::Generations) ? Endpoint::Generations : Endpoint::Edits;
            const QList<Violation> violations
                = m_catalog.validate(makeRequest(endpointName(endpoint), model, u"x"_s, u"{}"_s),
                                     ValidationContext {true, QDate(2026, 12, 1)});
            QVERIFY2(!errorParameters(violations).contains(u"model"_s),
                     qPrintable(allMessages(violations)));
        }
        QCOMPARE(m_catalog.defaultModel(Endpoint::Generations), u"gpt-image-2.6-flare"_s);
        QCOMPARE(m_catalog.defaultModel(Endpoint::Edits), u"gpt-image-2.6-flare"_s);
        QCOMPARE(Catalog::apiDefaultModel(Endpoint::Generations), u"gpt-image-2.6-flare"_s);
    }

    void overlayCanChangeLifecycleAndDefaults()
    {
        const QByteArray overlay = R"({
            "defaults": { "generations": "gpt-image-2.6-sunburst" },
            "models": { "gpt-image-2.6-flare": { "lifecycle": { "shutdownDate": "2026-12-20", "replacement": "gpt-image-2.6-sunburst" } } }
        })";
        const Catalog catalog = Catalog::fromJson(Catalog::builtinJson(), overlay, u"overlay"_s);
        QVERIFY2(catalog.loadWarnings().isEmpty(), qPrintable(catalog.loadWarnings().join(u'\n')));
        QCOMPARE(catalog.defaultModel(Endpoint::Generations), u"gpt-image-2.6-sunburst"_s);
        QCOMPARE(catalog.defaultModel(Endpoint::Edits), u"gpt-image-2.6-flare"_s);
        const QList<Violation> soon = catalog.validate(
            makeRequest(u"generations"_s, u"gpt-image-2.6-flare"_s, u"x"_s, u"{}"_s),
            ValidationContext {true, QDate(2026, 12, 1)});
        QVERIFY(!hasErrors(soon));
        QVERIFY2(allMessages(soon).contains(u"2026-12-20 (in 19 day"_s),
                 qPrintable(allMessages(soon)));
        QVERIFY2(allMessages(soon).contains(u"gpt-image-2.6-sunburst replaces it"_s),
                 qPrintable(allMessages(soon)));
        const Catalog broken = Catalog::fromJson(
            Catalog::builtinJson(),
            R"({"models":{"gpt-image-2":{"lifecycle":{"shutdownDate":"soon"}}}})", u"o"_s);
        QVERIFY(broken.loadWarnings().join(u'\n').contains(u"YYYY-MM-DD"_s));
    }

    void estimatesSayTheyAreEstimates()
    {
        const CostEstimate formula
            = m_catalog.estimate(makeRequest(u"generations"_s, u"gpt-image-2.6-flare"_s, u"x"_s,
                                             u"{\"quality\":\"low\",\"size\":\"1024x1024\"}"_s));
        QVERIFY(formula.tokensEstimated);
        QVERIFY(formula.assumptions.join(u' ').contains(u"estimated"_s));
        QVERIFY(formula.pricesVerified);
        QVERIFY(
            !m_catalog
                 .estimate(makeRequest(u"generations"_s, u"gpt-image-2.5-flare"_s, u"x"_s, u"{}"_s))
                 .pricesVerified);
        const CostEstimate table
            = m_catalog.estimate(makeRequest(u"generations"_s, u"gpt-image-1"_s, u"x"_s,
                                             u"{\"quality\":\"low\",\"size\":\"1024x1024\"}"_s));
        QVERIFY(!table.tokensEstimated);
        const CostEstimate xhigh = m_catalog.estimate(makeRequest(
            u"generations"_s, u"gpt-image-2.5-sunburst"_s, u"x"_s, u"{\"quality\":\"max\"}"_s));
        QVERIFY2(xhigh.assumptions.join(u' ').contains(u"at least"_s),
                 qPrintable(xhigh.assumptions.join(u' ')));
        const CostEstimate svg = m_catalog.estimate(makeRequest(
            u"generations"_s, u"gpt-image-2.6-flare"_s, u"x"_s, u"{\"output_format\":\"svg\"}"_s));
        QVERIFY(svg.assumptions.join(u' ').contains(u"svg_usage"_s));
        QCOMPARE(m_catalog.spec(u"gpt-image-2.6-flare"_s).cost.cachedImageInputPerMillion, 2.0);
        QCOMPARE(m_catalog.spec(u"gpt-image-2.6-sunburst"_s).cost.imageOutputPerMillion, 30.0);
        QCOMPARE(m_catalog.spec(u"gpt-image-2.6-sunburst"_s).cost.imageInputPerMillion, 8.0);
    }

    void readmeOverlayAddsTheNextModel()
    {
        // The example in README.md's "The model catalog": keep the two the same.
        const QByteArray overlay = R"({
  "defaults": { "generations": "gpt-image-2.7-flare", "edits": "gpt-image-2.7-flare" },
  "models": {
    "gpt-image-2.7-flare": { "inherits": "gpt-image-2.6-flare", "displayName": "GPT Image 2.7 flare" },
    "gpt-image-2": { "lifecycle": { "shutdownDate": "2027-03-01", "replacement": "gpt-image-2.7-flare" } }
  }
})";
        const Catalog catalog = Catalog::fromJson(Catalog::builtinJson(), overlay, u"readme"_s);
        QVERIFY2(catalog.loadWarnings().isEmpty(), qPrintable(catalog.loadWarnings().join(u'\n')));
        QCOMPARE(catalog.defaultModel(Endpoint::Generations), u"gpt-image-2.7-flare"_s);
        QVERIFY(catalog.allowed(u"gpt-image-2.7-flare"_s, Endpoint::Generations, u"complexity"_s));
        QVERIFY(catalog.allowed(u"gpt-image-2.7-flare"_s, Endpoint::Edits, u"markup"_s));
        QCOMPARE(catalog.spec(u"gpt-image-2"_s).shutdownDate, QDate(2027, 3, 1));
        QVERIFY(!hasErrors(catalog.validate(makeRequest(u"generations"_s, u"gpt-image-2.7-flare"_s,
                                                        u"x"_s, u"{\"output_format\":\"gif\"}"_s),
                                            ValidationContext {true, QDate(2026, 12, 1)})));
    }

    void providerPrefixedNames_data()
    {
        QTest::addColumn<QString>("model");
        for (const QString &id : m_catalog.modelIds()) {
            for (const QString &prefix : {u"openai/"_s, u"azure/"_s, u"vendor/openai/"_s})
                QTest::newRow(qPrintable(prefix + id)) << QString(prefix + id);
        }
    }

    void providerPrefixedNames()
    {
        QFETCH(QString, model);
        const QString id = model.section(u'/', -1);
        QCOMPARE(m_catalog.canonicalId(model), id);
        QVERIFY(m_catalog.contains(model));
        const ModelSpec spec = m_catalog.spec(model);
        QVERIFY(spec.known);
        QCOMPARE(spec.id, model);
        QCOMPARE(spec.lifecycleStatus, m_catalog.spec(id).lifecycleStatus);
        QCOMPARE(spec.replacement, m_catalog.spec(id).replacement);
        QCOMPARE(spec.cost.imageOutputPerMillion, m_catalog.spec(id).cost.imageOutputPerMillion);
        for (Endpoint endpoint : allEndpoints) {
            QCOMPARE(spec.serves(endpoint), m_catalog.spec(id).serves(endpoint));
            for (const QString &parameter : allParameters()) {
                const auto mine = m_catalog.allowed(model, endpoint, parameter);
                const auto theirs = m_catalog.allowed(id, endpoint, parameter);
                QCOMPARE(mine.has_value(), theirs.has_value());
                if (mine)
                    QCOMPARE(mine->values, theirs->values);
            }
        }
        // No "not in the catalog" warning; the rules speak of the name as given.
        const Endpoint endpoint
            = spec.serves(Endpoint::Generations) ? Endpoint::Generations : Endpoint::Edits;
        const QList<Violation> violations
            = m_catalog.validate(makeRequest(endpointName(endpoint), model, u"x"_s, u"{}"_s));
        QVERIFY2(!allMessages(violations).contains(u"not in Atelier's model catalog"_s),
                 qPrintable(allMessages(violations)));
    }

    void providerPrefixedRules()
    {
        const QString gen = u"generations"_s;
        QList<Violation> v
            = m_catalog.validate(makeRequest(gen, u"openai/dall-e-3"_s, u"x"_s, u"{\"n\":2}"_s));
        QCOMPARE(errorParameters(v), QStringList {u"n"_s});
        QVERIFY(
            allMessages(v).contains(u"openai/dall-e-3 makes one image per request; set n to 1"_s));
        v = m_catalog.validate(
            makeRequest(gen, u"openai/gpt-image-2"_s, u"x"_s, u"{\"size\":\"1000x1000\"}"_s));
        QCOMPARE(errorParameters(v), QStringList {u"size"_s});
        v = m_catalog.validate(
            makeRequest(gen, u"openai/gpt-image-2"_s, u"x"_s, u"{\"size\":\"1536x864\"}"_s));
        QVERIFY(!hasErrors(v));
        v = m_catalog.validate(
            makeRequest(gen, u"openai/gpt-image-2.6-flare"_s, u"x"_s,
                        u"{\"complexity\":\"high\",\"output_format\":\"gif\"}"_s));
        QVERIFY2(!hasErrors(v), qPrintable(allMessages(v)));
        v = m_catalog.validate(makeRequest(gen, u"openai/gpt-image-2.5-flare"_s, u"x"_s,
                                           u"{\"complexity\":\"high\"}"_s));
        QCOMPARE(errorParameters(v), QStringList {u"complexity"_s});
        // What the catalog does not know stays unknown, with the warning.
        QVERIFY(!m_catalog.contains(u"openai/gpt-9"_s));
        QVERIFY(!m_catalog.contains(u"/dall-e-3"_s));
        QVERIFY(
            allMessages(m_catalog.validate(makeRequest(gen, u"openai/gpt-9"_s, u"x"_s, u"{}"_s)))
                .contains(u"not in Atelier's model catalog"_s));
        // An explicit overlay entry wins over the mapping.
        const Catalog overlaid = Catalog::fromJson(
            Catalog::builtinJson(),
            R"({"models":{"openai/dall-e-3":{"inherits":"dall-e-3","parameters":{"n":{"max":2}}}}})",
            u"o"_s);
        QVERIFY(!hasErrors(
            overlaid.validate(makeRequest(gen, u"openai/dall-e-3"_s, u"x"_s, u"{\"n\":2}"_s))));
    }

    void aGatewaysListMapsOntoTheCatalog()
    {
        const Catalog::ListedModels listed = m_catalog.mapListed(
            {u"openai/gpt-image-2.6-flare"_s, u"azure/gpt-image-1"_s, u"gpt-image-2"_s,
             u"openai/dall-e-3"_s, u"stability/sdxl"_s, u"acme-image-1"_s});
        QCOMPARE(listed.mapped.value(u"openai/gpt-image-2.6-flare"_s), u"gpt-image-2.6-flare"_s);
        QCOMPARE(listed.mapped.value(u"azure/gpt-image-1"_s), u"gpt-image-1"_s);
        QCOMPARE(listed.mapped.value(u"gpt-image-2"_s), u"gpt-image-2"_s);
        QCOMPARE(listed.mapped.size(), 4);
        QCOMPARE(listed.unmapped, (QStringList {u"stability/sdxl"_s, u"acme-image-1"_s}));
    }

    void switchingToTheReplacementSaysWhatIsLeftOut()
    {
        ImageRequest edit = makeRequest(
            u"edits"_s, u"gpt-image-1.5"_s, u"x"_s,
            u"{\"input_fidelity\":\"high\",\"quality\":\"medium\",\"size\":\"1536x1024\"}"_s);
        QCOMPARE(ModelSwitch::replacementFor(m_catalog, edit, QDate(2026, 12, 1)),
                 u"gpt-image-2.6-sunburst"_s);
        QVERIFY(
            ModelSwitch::replacementFor(m_catalog, edit, QDate(2026, 11, 30)).isEmpty()); // not yet
        const ModelSwitch moved = ModelSwitch::to(m_catalog, edit, u"gpt-image-2.6-sunburst"_s);
        QCOMPARE(moved.dropped, QStringList {u"input_fidelity"_s});
        QCOMPARE(moved.request.option(Param::Quality).toString(), u"medium"_s);
        QCOMPARE(moved.request.model, u"gpt-image-2.6-sunburst"_s);
        QVERIFY(!hasErrors(
                    m_catalog.validate(moved.request, ValidationContext {true, QDate(2026, 12, 1)}))
                || moved.request.images.isEmpty());
        const ImageRequest dalle = makeRequest(
            u"generations"_s, u"dall-e-3"_s, u"x"_s,
            u"{\"style\":\"natural\",\"quality\":\"hd\",\"size\":\"1792x1024\",\"n\":1}"_s);
        const ModelSwitch fromDalle = ModelSwitch::to(
            m_catalog, dalle, ModelSwitch::replacementFor(m_catalog, dalle, QDate(2026, 12, 1)));
        QCOMPARE(fromDalle.dropped, (QStringList {u"quality"_s, u"size"_s, u"style"_s}));
        QVERIFY(!hasErrors(
            m_catalog.validate(fromDalle.request, ValidationContext {true, QDate(2026, 12, 1)})));
        QVERIFY(ModelSwitch::replacementFor(
                    m_catalog, makeRequest(u"generations"_s, u"gpt-image-2"_s, u"x"_s, u"{}"_s),
                    QDate(2026, 12, 1))
                    .isEmpty());
    }

    void overlay()
    {
        const QByteArray overlay = R"({
            "models": {
                "openai/dall-e-3": { "inherits": "dall-e-3", "lifecycle": { "status": "active", "note": "" } },
                "gpt-image-1.5": { "parameters": { "n": { "max": 4 } },
                                   "cost": { "pricesPerMillion": { "imageOutput": 100.0 } } },
                "my-model": { "template": "gpt-image", "displayName": "Mine" }
            }
        })";
        const Catalog catalog
            = Catalog::fromJson(Catalog::builtinJson(), overlay, u"test-overlay"_s);
        QVERIFY2(catalog.loadWarnings().isEmpty(), qPrintable(catalog.loadWarnings().join(u'\n')));
        QVERIFY(catalog.contains(u"openai/dall-e-3"_s));
        ImageRequest request
            = makeRequest(u"generations"_s, u"openai/dall-e-3"_s, u"x"_s, u"{\"n\":2}"_s);
        QCOMPARE(errorParameters(catalog.validate(request)), QStringList {u"n"_s});
        QVERIFY(allMessages(catalog.validate(request))
                    .contains(u"openai/dall-e-3 makes one image per request"_s));
        QCOMPARE(catalog.spec(u"openai/dall-e-3"_s).displayName, u"openai/dall-e-3"_s);
        // A single overridden field leaves the rest of the model alone.
        QCOMPARE(catalog.allowed(u"gpt-image-1.5"_s, Endpoint::Generations, u"n"_s)->maximum, 4);
        QCOMPARE(catalog.allowed(u"gpt-image-1.5"_s, Endpoint::Generations, u"n"_s)->minimum, 1);
        QCOMPARE(catalog.spec(u"gpt-image-1.5"_s).cost.imageOutputPerMillion, 100.0);
        QCOMPARE(catalog.spec(u"gpt-image-1.5"_s).cost.textInputPerMillion, 5.0);
        QVERIFY(catalog.allowed(u"my-model"_s, Endpoint::Edits, u"image"_s));
        QCOMPARE(catalog.spec(u"my-model"_s).displayName, u"Mine"_s);
    }

    void overlayFileOnDisk()
    {
        const QString path = m_dir.filePath(u"models.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"models": {"acme/gpt-image-1": {"inherits": "gpt-image-1"}}})");
        file.close();
        const Catalog catalog = Catalog::load(path);
        QVERIFY(catalog.contains(u"acme/gpt-image-1"_s));
        QVERIFY(catalog.contains(u"dall-e-2"_s));
    }

    void brokenOverlayKeepsBuiltin_data()
    {
        QTest::addColumn<QByteArray>("overlay");
        QTest::addColumn<QString>("warningPart");
        QTest::newRow("not json") << QByteArray("{ models: ") << u"not valid JSON"_s;
        QTest::newRow("array") << QByteArray("[1,2]") << u"must contain a JSON object"_s;
        QTest::newRow("unknown parent")
            << QByteArray(R"({"models":{"x":{"inherits":"dall-e-9"}}})") << u"does not know"_s;
        QTest::newRow("cycle") << QByteArray(
            R"({"models":{"a":{"inherits":"b"},"b":{"inherits":"a"}}})")
                               << u"inherits from itself"_s;
        QTest::newRow("unknown parameter") << QByteArray(
            R"({"models":{"x":{"parameters":{"seed":{}},"endpoints":{"generations":{}}}}})")
                                           << u"\"seed\""_s;
        QTest::newRow("unknown endpoint")
            << QByteArray(R"({"models":{"x":{"endpoints":{"upscale":{}}}}})")
            << u"unknown endpoint"_s;
    }

    void brokenOverlayKeepsBuiltin()
    {
        QFETCH(QByteArray, overlay);
        QFETCH(QString, warningPart);
        const Catalog catalog = Catalog::fromJson(Catalog::builtinJson(), overlay, u"user.json"_s);
        QVERIFY2(catalog.loadWarnings().join(u'\n').contains(warningPart),
                 qPrintable(catalog.loadWarnings().join(u'\n')));
        QCOMPARE(catalog.modelsFor(Endpoint::Variations), QStringList {u"dall-e-2"_s});
    }

    void estimate_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("options");
        QTest::addColumn<bool>("available");
        QTest::addColumn<qint64>("outputTokens");
        QTest::addColumn<double>("cost");

        QTest::newRow("gpt-image-1 high portrait")
            << u"generations"_s << u"gpt-image-1"_s
            << u"{\"quality\":\"high\",\"size\":\"1024x1536\"}"_s << true << qint64(6240)
            << (6240 * 40.0 + 2 * 5.0) / 1e6;
        QTest::newRow("gpt-image-1 low square n3")
            << u"generations"_s << u"gpt-image-1"_s
            << u"{\"quality\":\"low\",\"size\":\"1024x1024\",\"n\":3}"_s << true << qint64(3 * 272)
            << (3 * 272 * 40.0 + 2 * 5.0) / 1e6;
        QTest::newRow("gpt-image-1.5 medium landscape")
            << u"generations"_s << u"gpt-image-1.5"_s
            << u"{\"quality\":\"medium\",\"size\":\"1536x1024\"}"_s << true << qint64(1568)
            << (1568 * 32.0 + 2 * 5.0) / 1e6;
        QTest::newRow("mini auto is high square")
            << u"generations"_s << u"gpt-image-1-mini"_s << u"{}"_s << true << qint64(4160)
            << (4160 * 8.0 + 2 * 2.0) / 1e6;
        // gpt-image-2 and later: the community formula (OpenAI's calculator; 1024x1024 high is
        // 7024).
        QTest::newRow("gpt-image-2 free size")
            << u"generations"_s << u"gpt-image-2"_s
            << u"{\"quality\":\"low\",\"size\":\"2048x2048\"}"_s << true << qint64(397)
            << (397 * 30.0 + 2 * 5.0) / 1e6;
        QTest::newRow("gpt-image-2 high square")
            << u"generations"_s << u"gpt-image-2"_s
            << u"{\"quality\":\"high\",\"size\":\"1024x1024\"}"_s << true << qint64(7024)
            << (7024 * 30.0 + 2 * 5.0) / 1e6;
        QTest::newRow("2.6 flare default")
            << u"generations"_s << u"gpt-image-2.6-flare"_s << u"{}"_s << true << qint64(7024)
            << (7024 * 30.0 + 2 * 5.0) / 1e6;
        QTest::newRow("2.6 sunburst medium wide n2")
            << u"generations"_s << u"gpt-image-2.6-sunburst"_s
            << u"{\"quality\":\"medium\",\"size\":\"1536x1024\",\"n\":2}"_s << true
            << qint64(2 * 1372) << (2 * 1372 * 30.0 + 2 * 5.0) / 1e6;
        QTest::newRow("2.5 xhigh counted as high")
            << u"generations"_s << u"gpt-image-2.5-flare"_s
            << u"{\"quality\":\"xhigh\",\"size\":\"1024x1024\"}"_s << true << qint64(7024)
            << (7024 * 30.0 + 2 * 5.0) / 1e6;
        QTest::newRow("dall-e-3 hd wide")
            << u"generations"_s << u"dall-e-3"_s << u"{\"quality\":\"hd\",\"size\":\"1792x1024\"}"_s
            << true << qint64(0) << 0.12;
        QTest::newRow("dall-e-3 default")
            << u"generations"_s << u"dall-e-3"_s << u"{}"_s << true << qint64(0) << 0.04;
        QTest::newRow("dall-e-2 n5 512")
            << u"generations"_s << u"dall-e-2"_s << u"{\"n\":5,\"size\":\"512x512\"}"_s << true
            << qint64(0) << 5 * 0.018;
        QTest::newRow("unknown model")
            << u"generations"_s << u"acme"_s << u"{}"_s << false << qint64(0) << 0.0;
    }

    void estimate()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, model);
        QFETCH(QString, options);
        QFETCH(bool, available);
        QFETCH(qint64, outputTokens);
        QFETCH(double, cost);
        const CostEstimate estimate
            = m_catalog.estimate(makeRequest(endpoint, model, u"a cat"_s, options));
        QCOMPARE(estimate.available, available);
        QCOMPARE(estimate.outputTokens, outputTokens);
        QVERIFY2(qAbs(estimate.cost - cost) < 1e-9,
                 qPrintable(QString::number(estimate.cost, 'g', 12)));
    }

    void estimateCountsInputImages()
    {
        const QString image = writeImage(u"ref.png"_s, QSize(1024, 1024), QImage::Format_RGB32);
        ImageRequest request = makeRequest(u"edits"_s, u"gpt-image-1"_s, u"x"_s,
                                           u"{\"quality\":\"low\",\"size\":\"1024x1024\"}"_s);
        request.images = {image, image};
        const CostEstimate estimate = m_catalog.estimate(request);
        QCOMPARE(estimate.inputImageTokens, 2 * CostEstimator::imageInputTokens(QSize(1024, 1024)));
        QVERIFY(estimate.inputImageTokens > 0);
    }

    void inputFiles_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QStringList>("images");
        QTest::addColumn<QString>("mask");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<QString>("messagePart");

        const QString png = writeImage(u"square.png"_s, QSize(64, 64), QImage::Format_RGB32);
        const QString wide = writeImage(u"wide.png"_s, QSize(96, 64), QImage::Format_RGB32);
        const QString jpeg
            = writeImage(u"photo.jpg"_s, QSize(64, 64), QImage::Format_RGB32, "JPEG");
        const QString bmp = writeImage(u"paint.bmp"_s, QSize(64, 64), QImage::Format_RGB32, "BMP");
        const QString disguised
            = writeImage(u"really-jpeg.png"_s, QSize(64, 64), QImage::Format_RGB32, "JPEG");
        const QString mask = writeImage(u"mask.png"_s, QSize(64, 64), QImage::Format_ARGB32);
        const QString smallMask
            = writeImage(u"mask-small.png"_s, QSize(32, 32), QImage::Format_ARGB32);
        const QString opaqueMask
            = writeImage(u"mask-opaque.png"_s, QSize(64, 64), QImage::Format_RGB32);
        const QString big = writeImage(u"big.png"_s, QSize(64, 64), QImage::Format_RGB32);
        padFile(big, 4 * 1024 * 1024);
        const QString notImage = m_dir.filePath(u"notes.png"_s);
        {
            QFile f(notImage);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("hello");
        }
        const QString missing = m_dir.filePath(u"missing.png"_s);
        const QString folder = m_dir.filePath(u"a-folder.png"_s); // a folder, named like a file
        QVERIFY(QDir().mkpath(folder));
        QStringList sixteen, seventeen;
        for (int i = 0; i < 17; ++i) {
            if (i < 16)
                sixteen.append(png);
            seventeen.append(png);
        }
        const QStringList none;
        const QString edits = u"edits"_s;

        QTest::newRow("gpt png+jpeg+mask")
            << u"gpt-image-1.5"_s << edits << QStringList {png, jpeg} << mask << none << QString();
        QTest::newRow("gpt 16 images")
            << u"gpt-image-1.5"_s << edits << sixteen << QString() << none << QString();
        QTest::newRow("gpt 17 images") << u"gpt-image-1.5"_s << edits << seventeen << QString()
                                       << QStringList {u"image"_s} << u"at most 16 input images"_s;
        QTest::newRow("gpt no image") << u"gpt-image-1.5"_s << edits << QStringList {} << QString()
                                      << QStringList {u"image"_s} << u"An input image is needed"_s;
        QTest::newRow("gpt bmp") << u"gpt-image-1.5"_s << edits << QStringList {bmp} << QString()
                                 << QStringList {u"image"_s}
                                 << u"is BMP, but gpt-image-1.5 accepts PNG or WEBP or JPEG"_s;
        QTest::newRow("gpt missing")
            << u"gpt-image-1.5"_s << edits << QStringList {missing} << QString()
            << QStringList {u"image"_s} << u"does not exist"_s;
        QTest::newRow("gpt image is a folder")
            << u"gpt-image-1.5"_s << edits << QStringList {folder} << QString()
            << QStringList {u"image"_s} << u"a-folder.png cannot be used: it is a folder"_s;
        QTest::newRow("gpt mask is a folder")
            << u"gpt-image-1.5"_s << edits << QStringList {png} << folder << QStringList {u"mask"_s}
            << u"The mask a-folder.png cannot be used: it is a folder"_s;
        QTest::newRow("gpt not an image")
            << u"gpt-image-1.5"_s << edits << QStringList {notImage} << QString()
            << QStringList {u"image"_s} << u"not an image"_s;
        QTest::newRow("gpt mask small") << u"gpt-image-1.5"_s << edits << QStringList {png}
                                        << smallMask << QStringList {u"mask"_s} << u"same size"_s;
        QTest::newRow("gpt mask opaque")
            << u"gpt-image-1.5"_s << edits << QStringList {png} << opaqueMask
            << QStringList {u"mask"_s} << u"no alpha channel"_s;
        QTest::newRow("gpt mask jpeg") << u"gpt-image-1.5"_s << edits << QStringList {png} << jpeg
                                       << QStringList {u"mask"_s, u"mask"_s} << u"is JPEG"_s;
        QTest::newRow("gpt generations images")
            << u"gpt-image-1.5"_s << u"generations"_s << QStringList {png} << QString()
            << QStringList {u"image"_s} << u"switch to an edit"_s;
        QTest::newRow("d2 square png")
            << u"dall-e-2"_s << edits << QStringList {png} << mask << none << QString();
        QTest::newRow("d2 two images")
            << u"dall-e-2"_s << edits << QStringList {png, png} << QString()
            << QStringList {u"image"_s} << u"takes one input image"_s;
        QTest::newRow("d2 not square") << u"dall-e-2"_s << edits << QStringList {wide} << QString()
                                       << QStringList {u"image"_s} << u"needs a square image"_s;
        QTest::newRow("d2 jpeg") << u"dall-e-2"_s << edits << QStringList {jpeg} << QString()
                                 << QStringList {u"image"_s} << u"is JPEG"_s;
        QTest::newRow("d2 disguised jpeg") << u"dall-e-2"_s << edits << QStringList {disguised}
                                           << QString() << QStringList {u"image"_s} << u"is JPEG"_s;
        QTest::newRow("d2 over 4 MB") << u"dall-e-2"_s << edits << QStringList {big} << QString()
                                      << QStringList {u"image"_s} << u"under 4.0 MB"_s;
        QTest::newRow("d2 variation") << u"dall-e-2"_s << u"variations"_s << QStringList {png}
                                      << QString() << none << QString();
        QTest::newRow("d2 variation mask") << u"dall-e-2"_s << u"variations"_s << QStringList {png}
                                           << mask << QStringList {u"mask"_s} << u"takes no mask"_s;
        QTest::newRow("d2 variation wide") << u"dall-e-2"_s << u"variations"_s << QStringList {wide}
                                           << QString() << QStringList {u"image"_s} << QString();
    }

    void inputFiles()
    {
        QFETCH(QString, model);
        QFETCH(QString, endpoint);
        QFETCH(QStringList, images);
        QFETCH(QString, mask);
        QFETCH(QStringList, errors);
        QFETCH(QString, messagePart);
        ImageRequest request = makeRequest(
            endpoint, model, endpoint == u"variations" ? QString() : u"a cat"_s, u"{}"_s);
        request.images = images;
        request.mask = mask;
        const QList<Violation> violations = m_catalog.validate(request);
        QCOMPARE(errorParameters(violations), errors);
        if (!messagePart.isEmpty())
            QVERIFY2(allMessages(violations).contains(messagePart),
                     qPrintable(allMessages(violations)));
    }

private:
    QString writeImage(const QString &name, const QSize &size, QImage::Format format,
                       const char *fileFormat = "PNG")
    {
        QImage image(size, format);
        image.fill(format == QImage::Format_ARGB32 ? Qt::transparent : Qt::darkCyan);
        const QString path = m_dir.filePath(name);
        if (!image.save(path, fileFormat))
            qFatal("cannot write test image");
        return path;
    }

    static void padFile(const QString &path, qint64 extra)
    {
        QFile file(path);
        if (!file.open(QIODevice::Append))
            qFatal("cannot pad test image");
        file.write(QByteArray(extra, '\0'));
    }

    Catalog m_catalog;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
