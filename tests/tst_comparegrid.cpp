#include "compare/comparegriddialog.h"
#include "fakeimagesserver.h"
#include "studio/studiosession.h"

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestCompareGrid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
        const auto *summary = dialog.findChildren<QLabel *>().value(1);
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(u"2 request"_s), qPrintable(summary->text()));
    }

    void gridFillsWithImagesCostsAndTimes()
    {
        FakeImagesServer server;
        QVERIFY(server.listen());
        QTemporaryDir library;
        StudioSession session(Catalog::fromJson(Catalog::builtinJson()));
        ProviderProfile profile;
        profile.kind = ProviderProfile::Kind::Compatible;
        profile.baseUrl = server.baseUrl();
        session.setProvider(profile, u"sk-test"_s);
        QVERIFY(session.openLibrary(library.path()));
        ImageRequest base;
        base.prompt = u"a lighthouse"_s;
        CompareGridDialog dialog(&session, base);
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
        QCOMPARE(server.requestCount(), 3); // two generations and dall-e-3's URL download
        QCOMPARE(session.library().count(), 2);
    }
};

QTEST_MAIN(TestCompareGrid)
#include "tst_comparegrid.moc"
