// The studio's batches: the offer in the confirmation of a run of several requests, and the
// Batches view (View > Batches) with its rows, states and actions, against the fake Batch API.
#include "batch/batchmonitor.h"
#include "batches/batchesview.h"
#include "batches/batchoffer.h"
#include "gallery/gallerypanel.h"
#include "library/librarymodel.h"
#include "mainwindow.h"
#include "messageboxanswer.h"
#include "notices/messagebar.h"
#include "params/parameterpanel.h"
#include "prompt/prompteditor.h"
#include "studiowindow.h"

#include <QAction>
#include <QCheckBox>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestBatchesView : public QObject, public StudioWindowFixture
{
    Q_OBJECT

public:
    BatchMonitor *monitor() const { return BatchMonitor::of(m_session.get()); }
    BatchesView *view() const { return m_window->findChild<BatchesView *>(u"batchesView"_s); }
    QTableWidget *table() const { return view()->table(); }
    QPushButton *button(const QString &name) const
    {
        return view()->findChild<QPushButton *>(name);
    }
    QString cell(int row, int column) const
    {
        QTableWidgetItem *item = table()->item(row, column);
        return item ? item->text() : QString();
    }

    // Calls `answer` with the run confirmation ("confirmRun") once it is shown; `answer` must
    // close it. Watches until the test's window goes.
    void onRunBox(const std::function<void(QMessageBox *)> &answer)
    {
        QObject *context = m_window.get();
        auto *timer = new QTimer(context);
        timer->setInterval(10);
        connect(timer, &QTimer::timeout, context, [timer, answer] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != u"confirmRun"_s)
                return;
            timer->deleteLater();
            answer(box);
        });
        timer->start();
    }

    void describeLowRequests(const QString &prompt)
    {
        ImageRequest recipe = lowRequest(prompt);
        m_window->parameterPanel()->applyRequest(recipe);
        m_window->promptEditor()->setPrompt(prompt);
    }

    static QList<ImageRequest> twoRequests()
    {
        return {lowRequest(u"a red fox"_s), lowRequest(u"a blue fox"_s)};
    }

private Q_SLOTS:
    void initTestCase() { isolateStudio(); }

    void init()
    {
        QDir(BatchStore::defaultDirectory()).removeRecursively(); // no batch of another test
        const Status started = startStudio();
        QVERIFY2(started, qPrintable(started.error()));
        QVERIFY(openWindow());
        QVERIFY(monitor());
        monitor()->setPollIntervals(10, 40);
    }

    void cleanup()
    {
        closeStudio();
        QDir(BatchStore::defaultDirectory()).removeRecursively();
    }

    void severalPromptsOfferABatchWithBothPrices()
    {
        describeLowRequests(u"a {red|blue} fox"_s);
        QString offer;
        bool enabled = false;
        onRunBox([&](QMessageBox *box) {
            auto *batch = box->findChild<QPushButton *>(u"sendAsBatch"_s);
            offer = batch ? batch->text() : u"(none)"_s;
            enabled = batch && batch->isEnabled();
            box->button(QMessageBox::Cancel)->click();
        });
        m_window->generateButton()->click();
        const BatchMonitor::Prices prices
            = BatchMonitor::prices(m_session->catalog(), twoRequests());
        QVERIFY(prices.batch > 0);
        QCOMPARE(offer,
                 u"Send as a batch — %1 instead of %2, results within 24 hours"_s.arg(
                     BatchOffer::money(prices.batch), BatchOffer::money(prices.normal)));
        QCOMPARE(offer, u"Send as a batch — $0.011 instead of $0.022, results within 24 hours"_s);
        QVERIFY(enabled);
        QCOMPARE(m_session->jobs()->rowCount(), 0); // cancelled: nothing went
        QCOMPARE(monitor()->batches().size(), 0);
    }

    void aSingleRequestIsSentWithoutTheOffer()
    {
        describeLowRequests(u"a fox"_s);
        bool asked = false;
        onRunBox([&](QMessageBox *box) {
            asked = true;
            box->button(QMessageBox::Cancel)->click();
        });
        m_window->generateButton()->click();
        QVERIFY(!asked);
        QCOMPARE(m_session->jobs()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->library().count(), 1, 10000);
        QVERIFY(!asked);
    }

    void aStreamedRunOffersTheBatchBesideGenerate()
    {
        ImageRequest recipe = lowRequest(u"a fox"_s);
        recipe.setOption(Param::N, 3);
        recipe.setOption(Param::Stream, true);
        m_window->parameterPanel()->applyRequest(recipe);
        m_window->promptEditor()->setPrompt(u"a fox"_s);
        auto *choice = m_window->findChild<QCheckBox *>(u"batchChoice"_s);
        QVERIFY(choice);
        QTRY_VERIFY(choice->isVisible());
        QVERIFY(choice->isEnabled());
        QVERIFY(!choice->isChecked());
        const BatchMonitor::Prices prices = BatchMonitor::prices(m_session->catalog(), {recipe});
        QVERIFY(prices.batch > 0);
        QCOMPARE(choice->text(),
                 u"Send as a batch — %1 instead of %2,\nresults within 24 hours"_s.arg(
                     BatchOffer::money(prices.batch), BatchOffer::money(prices.normal)));
        bool asked = false;
        onRunBox([&](QMessageBox *box) {
            asked = true;
            box->button(QMessageBox::Cancel)->click();
        });
        // Not chosen: the three images stream at once, nothing asked.
        m_window->generateButton()->click();
        QCOMPARE(m_session->jobs()->rowCount(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->library().count(), 3, 10000);
        QCOMPARE(monitor()->batches().size(), 0);
        // Chosen: one batch and no job, still nothing asked; the next run is asked anew.
        choice->setChecked(true);
        QSignalSpy submitted(monitor(), &BatchMonitor::submitted);
        QSignalSpy refused(monitor(), &BatchMonitor::submitFailed);
        m_window->generateButton()->click();
        QVERIFY2(submitted.wait(10000),
                 refused.isEmpty() ? "" : qPrintable(refused.first().first().toString()));
        QCOMPARE(m_session->jobs()->rowCount(), 3);
        QCOMPARE(monitor()->batches().size(), 1);
        QVERIFY(!choice->isChecked());
        QVERIFY(!asked);
        // One image is one request: no batch on offer.
        recipe.setOption(Param::N, 1);
        m_window->parameterPanel()->applyRequest(recipe);
        QTRY_VERIFY(!choice->isVisible());
    }

    void aProviderWithoutABatchApiSaysWhy()
    {
        ProviderProfile azure;
        azure.kind = ProviderProfile::Kind::Azure;
        azure.baseUrl = m_server->baseUrl();
        azure.name = u"azure"_s;
        m_session->setProvider(azure, u"sk-test"_s);
        std::unique_ptr<QMessageBox> box(
            BatchOffer::makeBox(m_window.get(), m_session.get(), twoRequests(), u"t"_s, u"q"_s));
        auto *batch = box->findChild<QPushButton *>(u"sendAsBatch"_s);
        QVERIFY(batch);
        QVERIFY(!batch->isEnabled());
        QVERIFY2(batch->toolTip().contains(u"Azure"_s), qPrintable(batch->toolTip()));
        // A session the studio does not follow batches for: no offer at all.
        std::unique_ptr<StudioSession> bare = newSession();
        std::unique_ptr<QMessageBox> plain(
            BatchOffer::makeBox(nullptr, bare.get(), twoRequests(), u"t"_s, u"q"_s));
        QVERIFY(!plain->findChild<QPushButton *>(u"sendAsBatch"_s));
        QVERIFY(plain->button(QMessageBox::Yes));
    }

    void aBatchRunsFromTheOfferIntoTheGallery()
    {
        QAction *show = m_window->findChild<QAction *>(u"actionShowBatches"_s);
        QVERIFY(show);
        QVERIFY(m_window->findChild<QAction *>(u"actionOpenPromptList"_s));
        describeLowRequests(u"a {red|blue} fox"_s);
        onRunBox(
            [](QMessageBox *box) { box->findChild<QPushButton *>(u"sendAsBatch"_s)->click(); });
        QSignalSpy submitted(monitor(), &BatchMonitor::submitted);
        QSignalSpy refused(monitor(), &BatchMonitor::submitFailed);
        QSignalSpy finished(monitor(), &BatchMonitor::batchFinished);
        m_window->generateButton()->click();
        QVERIFY2(submitted.wait(10000),
                 refused.isEmpty() ? "" : qPrintable(refused.first().first().toString()));
        QCOMPARE(m_session->jobs()->rowCount(), 0); // nothing went one by one
        QVERIFY(view()->isVisible()); // the view opens on the new batch
        QVERIFY(show->isChecked());
        QCOMPARE(table()->rowCount(), 1);
        QCOMPARE(view()->currentBatch(), submitted.first().first().toString());
        QVERIFY(cell(0, BatchesView::BatchColumn).contains(u"a red fox"_s));
        const QString estimate
            = BatchOffer::money(BatchMonitor::prices(m_session->catalog(), twoRequests()).batch);
        QCOMPARE(cell(0, BatchesView::CostColumn), u"~"_s + estimate);
        QVERIFY(finished.wait(10000));
        QCOMPARE(cell(0, BatchesView::StateColumn), u"in the gallery"_s);
        QCOMPARE(cell(0, BatchesView::RequestsColumn), u"2/0/2"_s);
        QVERIFY(cell(0, BatchesView::CostColumn).endsWith(u"(estimated %1)"_s.arg(estimate)));
        QCOMPARE(m_session->library().count(), 2);
        // No desktop and no tray here: the status line says it.
        QTRY_VERIFY(
            m_window->findChild<MessageBar *>()->currentMessage().contains(u"a batch is done"_s));
        QVERIFY(!button(u"batchCancel"_s)->isEnabled());
        QVERIFY(button(u"batchFetch"_s)->isEnabled());
        QVERIFY(button(u"batchShowInGallery"_s)->isEnabled());
        QTRY_COMPARE(m_window->gallery()->model()->rowCount(), 2);
        // An image of no batch, sent now: the gallery shows the batch's two apart from it.
        describeLowRequests(u"a green fox"_s);
        m_window->generateButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->library().count(), 3, 10000);
        QTRY_COMPARE(m_window->gallery()->model()->rowCount(), 3);
        auto *batchFilter = m_window->gallery()->findChild<QToolButton *>(u"batchFilter"_s);
        QVERIFY(batchFilter);
        QVERIFY(batchFilter->isHidden());
        button(u"batchShowInGallery"_s)->click();
        QCOMPARE(m_window->gallery()->shownBatch(), submitted.first().first().toString());
        QCOMPARE(m_window->gallery()->model()->rowCount(), 2);
        QVERIFY(!batchFilter->isHidden());
        QVERIFY2(batchFilter->text().contains(u"a red fox"_s), qPrintable(batchFilter->text()));
        QCOMPARE(m_window->gallery()->view()->selectionModel()->selectedIndexes().size(), 2);
        batchFilter->click(); // every image again
        QVERIFY(batchFilter->isHidden());
        QVERIFY(m_window->gallery()->shownBatch().isEmpty());
        QCOMPARE(m_window->gallery()->model()->rowCount(), 3);
        // Fetch now again: nothing is added twice.
        finished.clear();
        button(u"batchFetch"_s)->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_session->library().count(), 3);
    }

    void theViewShowsStatesAndCancels()
    {
        m_server->batchApi().setStepMs(600000); // stays validating until cancelled
        QSignalSpy submitted(monitor(), &BatchMonitor::submitted);
        monitor()->submit(twoRequests(), m_session->client()->provider(), u"sk-test"_s);
        QVERIFY(submitted.wait(10000));
        // The new batch opened the view; View > Batches closes and opens it.
        QAction *show = m_window->findChild<QAction *>(u"actionShowBatches"_s);
        QVERIFY(show->isChecked());
        show->trigger();
        QVERIFY(!view()->isVisible());
        show->trigger();
        QVERIFY(view()->isVisible());
        QCOMPARE(table()->rowCount(), 1);
        QCOMPARE(cell(0, BatchesView::StateColumn), u"validating"_s);
        QCOMPARE(cell(0, BatchesView::RequestsColumn), u"0/0/2"_s);
        QVERIFY(!cell(0, BatchesView::CreatedColumn).isEmpty());
        QVERIFY(button(u"batchCancel"_s)->isEnabled());
        QVERIFY(!button(u"batchShowInGallery"_s)->isEnabled());
        button(u"batchCancel"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(cell(0, BatchesView::StateColumn), u"cancelling"_s, 10000);
        QTRY_VERIFY(!button(u"batchCancel"_s)->isEnabled());
        QVERIFY(view()->findChild<QLabel *>(u"batchDetail"_s)->text().contains(u"cancelled"_s));
    }
};

QTEST_MAIN(TestBatchesView)
#include "tst_batchesview.moc"
