#include "compare/comparegriddialog.h"
#include "fakeimagesserver.h"
#include "maskimages.h"
#include "model/parameters.h"
#include "studio/studiosession.h"
#include "studiofixture.h"

#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestCompareGrid : public QObject, public StudioFixture
{
    Q_OBJECT

public:
    // An edit of `count` 64x64 references in `dir`, with a mask over the left half if `masked`.
    static ImageRequest editOf(const QTemporaryDir &dir, int count, bool masked)
    {
        ImageRequest edit;
        edit.endpoint = Endpoint::Edits;
        edit.prompt = u"the fox in the style of the second"_s;
        for (int i = 0; i < count; ++i) {
            QImage image(64, 64, QImage::Format_RGB32);
            image.fill(QColor::fromHsv(i * 60, 200, 200));
            const QString path = dir.filePath(u"reference-%1.png"_s.arg(i));
            if (image.save(path))
                edit.images.append(path);
        }
        if (masked) {
            const QImage mask = leftMask(QSize(64, 64), 32);
            edit.mask = dir.filePath(u"mask.png"_s);
            if (!mask.save(edit.mask))
                edit.mask.clear();
        }
        return edit;
    }

private Q_SLOTS:
    void initTestCase() { isolateStudio(); }
    void cleanup() { stopStudio(); }

    void planLeavesOutWhatCannotExist()
    {
        const Catalog catalog = Catalog::fromJson(Catalog::builtinJson());
        ImageRequest base;
        base.prompt = u"a fox"_s;
        base.setOption(u"stream"_s, true); // dropped: cells are single images
        const CompareGridPlan plan = CompareGridPlan::make(
            catalog, base, {u"gpt-image-1.5"_s, u"dall-e-3"_s}, {u"low"_s, u"hd"_s});
        QCOMPARE(plan.cells.size(), 2);
        QCOMPARE(plan.skipped.size(), 2);
        QVERIFY(plan.skipped.first().contains(u"gpt-image-1.5 × hd left out"_s));
        QCOMPARE(plan.cells.first().request.option(u"quality"_s).toString(), u"low"_s);
        QVERIFY(!plan.cells.first().request.hasOption(u"stream"_s));
    }

    void planOfAnEditSendsEachModelTheEdit_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("quality");
        QTest::addColumn<int>("references");
        QTest::addColumn<bool>("masked");
        QTest::addColumn<QString>("skippedBecause"); // empty: a cell
        // The cell's Size: the base asks for 1536x1024; it follows the square image.
        QTest::addColumn<QString>("size");
        QTest::newRow("two references")
            << u"gpt-image-1.5"_s << u"low"_s << 2 << false << QString() << u"auto"_s;
        QTest::newRow("a size the model lacks follows the image")
            << u"dall-e-2"_s << u"standard"_s << 1 << true << QString() << u"256x256"_s;
        QTest::newRow("two references and a mask")
            << u"gpt-image-2.6-flare"_s << u"low"_s << 2 << true << QString() << u"auto"_s;
        QTest::newRow("a model that only generates")
            << u"dall-e-3"_s << u"hd"_s << 1 << false << u"cannot edit images"_s << QString();
        QTest::newRow("more images than the model takes")
            << u"dall-e-2"_s << u"standard"_s << 2 << false << u"dall-e-2 × standard left out"_s
            << QString();
    }

    void planOfAnEditSendsEachModelTheEdit()
    {
        QFETCH(QString, model);
        QFETCH(QString, quality);
        QFETCH(int, references);
        QFETCH(bool, masked);
        QFETCH(QString, skippedBecause);
        QFETCH(QString, size);
        const Catalog catalog = Catalog::fromJson(Catalog::builtinJson());
        QTemporaryDir files;
        ImageRequest edit = editOf(files, references, masked);
        edit.setOption(Param::Size, u"1536x1024"_s); // what the compose panel's model had
        QCOMPARE(edit.images.size(), references);
        QVERIFY(CompareGridPlan::editsFrom(edit));
        QVERIFY(CompareGridPlan::modelsFor(catalog, edit).contains(model));
        const CompareGridPlan plan = CompareGridPlan::make(catalog, edit, {model}, {quality});
        QVERIFY(plan.edits);
        if (!skippedBecause.isEmpty()) {
            QVERIFY(plan.cells.isEmpty());
            QCOMPARE(plan.skipped.size(), 1);
            QVERIFY2(plan.skipped.first().contains(skippedBecause)
                         && plan.skipped.first().contains(model),
                     qPrintable(plan.skipped.join(u'\n')));
            return;
        }
        QVERIFY2(plan.skipped.isEmpty(), qPrintable(plan.skipped.join(u'\n')));
        QCOMPARE(plan.cells.size(), 1);
        const ImageRequest &cell = plan.cells.first().request;
        QCOMPARE(cell.endpoint, Endpoint::Edits);
        QCOMPARE(cell.model, model);
        QCOMPARE(cell.images, edit.images);
        QCOMPARE(cell.mask, edit.mask);
        QCOMPARE(cell.prompt, edit.prompt);
        QCOMPARE(cell.option(Param::Size).toString(), size);
        QVERIFY(catalog.estimate(cell).available);
        if (model.startsWith(u"gpt-image"_s)) // priced by tokens: the estimate counts the inputs
            QVERIFY(catalog.estimate(cell).inputImageTokens > 0);
    }

    void gridOfAnEditSendsEditsWithTheReferences()
    {
        const Status started = startStudio();
        QVERIFY2(started, qPrintable(started.error()));
        m_server->setImageSize(QSize(64, 64));
        QTemporaryDir files;
        const ImageRequest edit = editOf(files, 2, true);
        CompareGridDialog dialog(m_session.get(), edit, EditContext {0, false});
        const auto *mode = dialog.findChild<QLabel *>(u"compareMode"_s);
        QVERIFY(mode);
        QVERIFY2(mode->text().contains(u"2 reference image"_s)
                     && mode->text().contains(u"reference-1.png"_s)
                     && mode->text().contains(u"mask"_s),
                 qPrintable(mode->text()));
        dialog.setChecked({u"gpt-image-2.6-flare"_s, u"gpt-image-2.6-sunburst"_s, u"dall-e-3"_s},
                          {u"low"_s});
        const QString summary = dialog.summary()->text();
        QVERIFY2(summary.contains(u"2 edit request"_s), qPrintable(summary));
        QVERIFY2(summary.contains(u"dall-e-3 left out: it cannot edit images"_s),
                 qPrintable(summary));
        QVERIFY(dialog.runButton()->isEnabled());
        dialog.runButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 2, 15000);
        for (const RecordedRequest &sent : m_server->requests()) {
            QVERIFY2(sent.path.endsWith(u"/images/edits"_s), qPrintable(sent.path));
            QVERIFY2(sent.violations.isEmpty(), qPrintable(sent.violations.join(u'\n')));
            int images = 0;
            for (const ReceivedPart &part : sent.parts)
                images += part.name.startsWith(u"image"_s) && part.isFile() ? 1 : 0;
            QCOMPARE(images, 2);
            QVERIFY(sent.part(u"mask"_s));
        }
        // Rows follow the models in the catalog's order.
        QTableWidget *grid = dialog.grid();
        QHash<QString, int> rows;
        for (int row = 0; row < grid->rowCount(); ++row)
            rows.insert(grid->verticalHeaderItem(row)->text(), row);
        QCOMPARE(rows.size(), 3);
        for (const QString &model : {u"gpt-image-2.6-flare"_s, u"gpt-image-2.6-sunburst"_s})
            QTRY_VERIFY2_WITH_TIMEOUT(grid->item(rows.value(model), 0)->text().startsWith(u"$"_s),
                                      qPrintable(grid->item(rows.value(model), 0)->text()), 15000);
        QCOMPARE(grid->item(rows.value(u"dall-e-3"_s), 0)->text(), u"—"_s); // it cannot edit
    }

    void withoutReferencesItSaysItComparesGenerationsOnly()
    {
        StudioSession session(Catalog::fromJson(Catalog::builtinJson()));
        ImageRequest base;
        base.endpoint = Endpoint::Edits; // Edits chosen, nothing to edit yet
        base.prompt = u"a lighthouse"_s;
        CompareGridDialog dialog(&session, base);
        const auto *mode = dialog.findChild<QLabel *>(u"compareMode"_s);
        QVERIFY(mode);
        QVERIFY2(mode->text().contains(u"generations only"_s), qPrintable(mode->text()));
        dialog.setChecked({u"gpt-image-2.6-flare"_s}, {u"low"_s});
        QVERIFY(!CompareGridPlan::editsFrom(base));
        const CompareGridPlan plan = dialog.plan();
        QVERIFY2(plan.cells.size() == 1, qPrintable(plan.skipped.join(u'\n')));
        QCOMPARE(plan.cells.first().request.endpoint, Endpoint::Generations);
    }

    void shutDownModelsAreSwappedForTheirReplacementsInOneClick()
    {
        StudioSession session(Catalog::fromJson(Catalog::builtinJson()));
        ProviderProfile openai;
        openai.baseUrl = QUrl(u"http://127.0.0.1:9/v1"_s);
        session.setProvider(openai, u"sk-test"_s);
        ImageRequest base;
        base.prompt = u"a lighthouse"_s;
        CompareGridDialog dialog(&session, base);
        dialog.setChecked({u"gpt-image-1.5"_s, u"dall-e-3"_s, u"gpt-image-2"_s}, {u"low"_s});
        auto *swap = dialog.findChild<QPushButton *>(u"useReplacements"_s);
        QVERIFY(swap);
        QVERIFY(!swap->isHidden());
        QVERIFY2(swap->text().contains(u"gpt-image-1.5 → gpt-image-2.6-sunburst"_s),
                 qPrintable(swap->text()));
        QVERIFY(dialog.findChild<QLabel *>() != nullptr);
        swap->click();
        QVERIFY(swap->isHidden());
        // The grid now sends the replacements: nothing in it would fail at OpenAI.
        const QLabel *summary = dialog.summary();
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(u"2 request"_s), qPrintable(summary->text()));
    }

    void gridFillsWithImagesCostsAndTimes()
    {
        const Status started = startStudio();
        QVERIFY2(started, qPrintable(started.error()));
        ImageRequest base;
        base.prompt = u"a lighthouse"_s;
        CompareGridDialog dialog(m_session.get(), base);
        dialog.setChecked({u"gpt-image-1.5"_s, u"dall-e-3"_s}, {u"low"_s, u"hd"_s});
        QVERIFY(dialog.runButton()->isEnabled());
        dialog.runButton()->click();
        QTableWidget *grid = dialog.grid();
        QCOMPARE(grid->rowCount(), 2);
        QCOMPARE(grid->columnCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(grid->item(0, 0)->text().startsWith(u"$"_s)
                                     && grid->item(1, 1)->text().startsWith(u"$"_s),
                                 15000);
        QVERIFY(!grid->item(0, 0)->icon().isNull());
        QVERIFY(grid->item(0, 0)->text().contains(u" s"_s)); // latency
        QCOMPARE(grid->item(0, 1)->text(), u"—"_s); // gpt-image-1.5 × hd cannot exist
        QCOMPARE(m_server->requestCount(), 3); // two generations and dall-e-3's URL download
        QCOMPARE(m_session->library().count(), 2);
    }
};

QTEST_MAIN(TestCompareGrid)
#include "tst_comparegrid.moc"
