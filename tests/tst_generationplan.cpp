// GenerationPlan: what Generate means, for the studio and the CLI alike.
#include "catalog/catalog.h"
#include "model/parameters.h"
#include "studio/editfit.h"
#include "studio/generationplan.h"

#include <QImage>
#include <QTemporaryDir>
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

    // A PNG of `size` in `dir`, for an edit.
    static QString photo(const QTemporaryDir &dir, QSize size)
    {
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        const QString path
            = dir.filePath(u"photo-%1x%2.png"_s.arg(size.width()).arg(size.height()));
        return image.save(path) ? path : QString();
    }

    static ImageRequest edit(const QString &image, const QString &size,
                             const QString &model = u"gpt-image-1"_s)
    {
        ImageRequest edit = request(u"make it night"_s, model);
        edit.endpoint = Endpoint::Edits;
        edit.images = {image};
        if (size.isEmpty())
            edit.clearOption(Param::Size);
        else
            edit.setOption(Param::Size, size);
        return edit;
    }

private Q_SLOTS:
    void theEditSizeFitsTheFirstImage_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QSize>("input");
        QTest::addColumn<QString>("fitting");
        // The model's own sizes: the image's own, else the nearest shape (auto keeps it).
        QTest::newRow("square photo") << u"gpt-image-1"_s << QSize(1024, 1024) << u"1024x1024"_s;
        QTest::newRow("3:2") << u"gpt-image-1"_s << QSize(1536, 1024) << u"1536x1024"_s;
        QTest::newRow("2:3") << u"gpt-image-1"_s << QSize(1024, 1536) << u"1024x1536"_s;
        QTest::newRow("3:2 large: auto keeps it")
            << u"gpt-image-1"_s << QSize(3000, 2000) << u"auto"_s;
        QTest::newRow("16:9: nearest shape")
            << u"gpt-image-1"_s << QSize(1920, 1080) << u"1536x1024"_s;
        QTest::newRow("9:16: nearest shape")
            << u"gpt-image-1"_s << QSize(1080, 1920) << u"1024x1536"_s;
        QTest::newRow("tiny square: auto") << u"gpt-image-1"_s << QSize(64, 64) << u"auto"_s;
        QTest::newRow("huge square: auto") << u"gpt-image-1"_s << QSize(8000, 8000) << u"auto"_s;
        // Fixed sizes, all squares: the largest up to the image's area, else the smallest.
        QTest::newRow("dall-e-2 square 512") << u"dall-e-2"_s << QSize(512, 512) << u"512x512"_s;
        QTest::newRow("dall-e-2 3:2") << u"dall-e-2"_s << QSize(1536, 1024) << u"1024x1024"_s;
        QTest::newRow("dall-e-2 600") << u"dall-e-2"_s << QSize(600, 600) << u"512x512"_s;
        QTest::newRow("dall-e-2 tiny") << u"dall-e-2"_s << QSize(100, 100) << u"256x256"_s;
        QTest::newRow("dall-e-2 huge") << u"dall-e-2"_s << QSize(6000, 6000) << u"1024x1024"_s;
        // Free sizes: the image's own, or scaled into the limits in multiples of 16.
        QTest::newRow("free: own size") << u"gpt-image-2"_s << QSize(1920, 1088) << u"1920x1088"_s;
        QTest::newRow("free: 16:9 not in 16s")
            << u"gpt-image-2"_s << QSize(1920, 1080) << u"1904x1072"_s;
        QTest::newRow("free: huge 3:2") << u"gpt-image-2"_s << QSize(6000, 4000) << u"2336x1552"_s;
        QTest::newRow("free: tiny") << u"gpt-image-2"_s << QSize(100, 100) << u"96x96"_s;
        QTest::newRow("free: too wide for it")
            << u"gpt-image-2"_s << QSize(4000, 1000) << u"1536x1024"_s;
    }

    void theEditSizeFitsTheFirstImage()
    {
        QFETCH(QString, model);
        QFETCH(QSize, input);
        QFETCH(QString, fitting);
        QCOMPARE(EditFit::fittingSize(m_catalog, model, Endpoint::Edits, input), fitting);
        // What it finds is what the model takes.
        ImageRequest asked = edit(QString(), fitting, model);
        asked.images.clear();
        for (const Violation &violation : m_catalog.validate(asked))
            QVERIFY2(violation.parameter != QString(Param::Size), qPrintable(violation.message));
    }

    void theEditSizeIsReadFromTheFile()
    {
        QTemporaryDir dir;
        const QString square = photo(dir, QSize(512, 512));
        QCOMPARE(EditFit::fittingSize(m_catalog, edit(square, u"1024x1536"_s)), u"auto"_s);
        QCOMPARE(EditFit::fittingSize(m_catalog, edit(square, {}, u"dall-e-2"_s)), u"512x512"_s);
        ImageRequest generation = edit(square, {});
        generation.endpoint = Endpoint::Generations;
        QCOMPARE(EditFit::fittingSize(m_catalog, generation), QString());
        QCOMPARE(EditFit::fittingSize(m_catalog, edit(dir.filePath(u"gone.png"_s), {})), QString());
    }

    void aSizeOfAnotherShapeIsSaidBeforeSending_data()
    {
        QTest::addColumn<QSize>("input");
        QTest::addColumn<QString>("size");
        QTest::addColumn<bool>("keepOutside");
        QTest::addColumn<bool>("mask");
        QTest::addColumn<QString>("fixable"); // the message, empty: none
        QTest::addColumn<QString>("warning"); // the message, empty: none
        QTest::addColumn<QString>("fixedSize");
        const QString keep = u"The image to edit is 1024×1024 but Size is 1024×1536: the result "
                             u"would come back in another shape and the pixels outside the mask "
                             u"could not be kept. Size follows the image: 1024×1024."_s;
        const QString say = u"The image to edit is 1024×1024 but Size is 1024×1536: the result "
                            u"will come back in another shape. Choose 1024×1024 to keep the "
                            u"image's shape."_s;
        QTest::newRow("keep outside: fixable") << QSize(1024, 1024) << u"1024x1536"_s << true
                                               << false << keep << QString() << u"1024x1024"_s;
        QTest::newRow("a mask: fixable") << QSize(1024, 1024) << u"1024x1536"_s << false << true
                                         << keep << QString() << u"1024x1024"_s;
        QTest::newRow("neither: a warning") << QSize(1024, 1024) << u"1024x1536"_s << false << false
                                            << QString() << say << u"1024x1536"_s;
        QTest::newRow("same shape, smaller") << QSize(2048, 3072) << u"1024x1536"_s << true << true
                                             << QString() << QString() << u"1024x1536"_s;
        QTest::newRow("unset") << QSize(1024, 1024) << QString() << true << true << QString()
                               << QString() << QString();
        QTest::newRow("auto") << QSize(1024, 1024) << u"auto"_s << true << true << QString()
                              << QString() << u"auto"_s;
        QTest::newRow("no size of its shape")
            << QSize(1920, 1080) << u"1024x1024"_s << true << true << QString()
            << u"The image to edit is 1920×1080, a shape gpt-image-1 does not offer: the result "
               u"comes back at 1024×1024 and the pixels outside the mask cannot be kept; crop the "
               u"image to the shape of 1536×1024 to keep them."_s
            << u"1024x1024"_s;
    }

    void aSizeOfAnotherShapeIsSaidBeforeSending()
    {
        QFETCH(QSize, input);
        QFETCH(QString, size);
        QFETCH(bool, keepOutside);
        QFETCH(bool, mask);
        QFETCH(QString, fixable);
        QFETCH(QString, warning);
        QFETCH(QString, fixedSize);
        QTemporaryDir dir;
        ImageRequest asked = edit(photo(dir, input), size);
        if (mask)
            asked.mask = photo(dir, input);
        GenerationPlan::Options options;
        options.keepOutsideMask = keepOutside;
        const GenerationPlan plan = GenerationPlan::make(m_catalog, asked, options);
        const auto sizeMessages = [](const QList<Violation> &violations) {
            QStringList messages;
            for (const Violation &violation : violations) {
                if (violation.parameter == QString(Param::Size))
                    messages.append(violation.message);
            }
            return messages;
        };
        QCOMPARE(sizeMessages(plan.errors), QStringList());
        QCOMPARE(sizeMessages(plan.fixable).join(u'\n'), fixable);
        QCOMPARE(sizeMessages(plan.warnings).join(u'\n'), warning);
        // The fix: Size follows the image, and the plan has nothing more to say about it.
        const ImageRequest fixed = EditFit::fitted(m_catalog, asked, keepOutside);
        QCOMPARE(fixed.option(Param::Size).toString(), fixedSize);
        if (!fixable.isEmpty()) {
            const GenerationPlan again = GenerationPlan::make(m_catalog, fixed, options);
            QCOMPARE(sizeMessages(again.fixable), QStringList());
            QCOMPARE(sizeMessages(again.warnings), QStringList());
        }
    }

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
