// GenerationPlan: what Generate means, for the studio and the CLI alike.
#include "catalog/catalog.h"
#include "model/parameters.h"
#include "studio/generationplan.h"

#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestGenerationPlan : public QObject
{
    Q_OBJECT

private:
    Catalog m_catalog = Catalog::fromJson(Catalog::builtinJson());

    static ImageRequest request(const QString &prompt, const QString &model = u"gpt-image-1"_s)
    {
        ImageRequest request;
        request.model = model;
        request.prompt = prompt;
        request.setOption(Param::Quality, u"low"_s);
        request.setOption(Param::Size, u"1024x1024"_s);
        return request;
    }

private Q_SLOTS:
    void expandsPresetsAndWildcards_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QStringList>("prompts");
        QTest::newRow("plain") << QString() << u"a fox"_s << QStringList {u"a fox"_s};
        QTest::newRow("wildcard") << QString() << u"a {red|blue} fox"_s
                                  << QStringList {u"a red fox"_s, u"a blue fox"_s};
        QTest::newRow("preset") << u"a watercolour of {prompt}"_s << u"a fox"_s
                                << QStringList {u"a watercolour of a fox"_s};
        QTest::newRow("preset with a wildcard") << u"{prompt}, {dawn|dusk}"_s << u"a fox"_s
                                                << QStringList {u"a fox, dawn"_s, u"a fox, dusk"_s};
    }

    void expandsPresetsAndWildcards()
    {
        QFETCH(QString, preset);
        QFETCH(QString, prompt);
        QFETCH(QStringList, prompts);
        GenerationPlan::Options options;
        options.preset = preset;
        const GenerationPlan plan = GenerationPlan::make(m_catalog, request(prompt), options);
        QStringList planned;
        for (const ImageRequest &one : plan.requests)
            planned.append(one.prompt);
        QCOMPARE(planned, prompts);
        QVERIFY2(plan.canSend(), qPrintable(plan.errorText()));
        QCOMPARE(plan.sends.size(), prompts.size());
        QVERIFY(plan.each.available);
        QCOMPARE(plan.total, plan.each.cost * prompts.size());
    }

    void tooManyWildcardsStopThePlan()
    {
        QString prompt;
        for (int i = 0; i < 4; ++i)
            prompt += u"{a|b|c|d} "_s; // 256 prompts
        const GenerationPlan plan = GenerationPlan::make(m_catalog, request(prompt), {});
        QVERIFY(!plan.canSend());
        QCOMPARE(plan.errors.size(), 1);
        QCOMPARE(plan.errors.first().parameter, u"wildcards"_s);
    }

    // An empty editor is "missing", not an error to shout about; a preset around it does not
    // count as the user's words.
    void anEmptyPromptIsMissing_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::newRow("no preset") << QString();
        QTest::newRow("a preset") << u"a watercolour of {prompt}"_s;
    }

    void anEmptyPromptIsMissing()
    {
        QFETCH(QString, preset);
        GenerationPlan::Options options;
        options.preset = preset;
        const GenerationPlan plan = GenerationPlan::make(m_catalog, request(u"  "_s), options);
        QVERIFY(plan.promptMissing);
        QVERIFY(!plan.canSend());
    }

    void streamedImagesAreSplitIntoOneImageRequests_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("sends");
        QTest::newRow("n=3, streamed") << true << 3 << 3;
        QTest::newRow("n=3, not streamed") << false << 3 << 1;
        QTest::newRow("n=1, streamed") << true << 1 << 1;
    }

    void streamedImagesAreSplitIntoOneImageRequests()
    {
        QFETCH(bool, stream);
        QFETCH(int, n);
        QFETCH(int, sends);
        ImageRequest asked = request(u"three foxes"_s);
        asked.setOption(Param::N, n);
        if (stream) {
            asked.setOption(Param::Stream, true);
            asked.setOption(Param::PartialImages, 1);
        }
        const GenerationPlan plan = GenerationPlan::make(m_catalog, asked, {});
        QVERIFY2(plan.canSend(), qPrintable(plan.errorText()));
        QCOMPARE(plan.requests.size(), 1);
        QCOMPARE(plan.sends.size(), sends);
        QCOMPARE(plan.splitsStreams(), sends > 1);
        for (const ImageRequest &one : plan.sends)
            QCOMPARE(one.hasOption(Param::N), !plan.splitsStreams());
    }

    void violationsAreSorted()
    {
        ImageRequest wrong = request(u"a fox"_s);
        wrong.setOption(Param::Quality, u"ultra"_s);
        GenerationPlan plan = GenerationPlan::make(m_catalog, wrong, {});
        QVERIFY(!plan.canSend());
        QVERIFY(!plan.errors.isEmpty());
        QCOMPARE(plan.errors.first().parameter, QString(Param::Quality));
        // An input file the model cannot take is fixable, not refused.
        ImageRequest edit = request(u"make it night"_s);
        edit.endpoint = Endpoint::Edits;
        edit.images = {QFINDTESTDATA("tst_generationplan.cpp")}; // not an image at all
        plan = GenerationPlan::make(m_catalog, edit, {});
        for (const Violation &violation : plan.errors)
            QVERIFY2(violation.parameter != QString(Param::Image), qPrintable(violation.message));
        QVERIFY(!plan.fixable.isEmpty());
    }

    void theSafetyIdentifierGoesWhereTheModelTakesIt()
    {
        GenerationPlan::Options options;
        options.safetyIdentifier = u"user-42"_s;
        const GenerationPlan plan = GenerationPlan::make(
            m_catalog, request(u"a fox"_s, u"gpt-image-2.6-flare"_s), options);
        QCOMPARE(plan.requests.first().option(Param::SafetyIdentifier).toString(), u"user-42"_s);
        ImageRequest own = request(u"a fox"_s, u"gpt-image-2.6-flare"_s);
        own.setOption(Param::SafetyIdentifier, u"their-own"_s);
        QCOMPARE(GenerationPlan::make(m_catalog, own, options)
                     .requests.first()
                     .option(Param::SafetyIdentifier)
                     .toString(),
                 u"their-own"_s);
    }

    void theBudgetIsCheckedForTheWholePlan()
    {
        GenerationPlan::Options options;
        const GenerationPlan free
            = GenerationPlan::make(m_catalog, request(u"a {red|blue} fox"_s), options);
        QVERIFY(free.total > 0);
        options.budget = free.total * 0.75; // room for one, not two
        GenerationPlan plan
            = GenerationPlan::make(m_catalog, request(u"a {red|blue} fox"_s), options);
        QVERIFY(!plan.canSend());
        QCOMPARE(plan.errors.last().parameter, u"budget"_s);
        options.budget = free.total * 2;
        options.committed = free.total * 1.5; // what is already on the way counts
        plan = GenerationPlan::make(m_catalog, request(u"a {red|blue} fox"_s), options);
        QVERIFY(!plan.canSend());
        options.committed = 0;
        QVERIFY(GenerationPlan::make(m_catalog, request(u"a {red|blue} fox"_s), options).canSend());
    }
};

QTEST_GUILESS_MAIN(TestGenerationPlan)
#include "tst_generationplan.moc"
