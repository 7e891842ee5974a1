// The canvas-first studio: the image takes the window's middle, the gallery is browsed into it,
// the shown image carries its own actions, and the jobs are a compact queue.
#include "canvas/canvaspanel.h"
#include "compose/composepanel.h"
#include "fakeimagesserver.h"
#include "gallery/gallerypanel.h"
#include "jobs/jobpanel.h"
#include "library/librarymodel.h"
#include "library/librarystore.h"
#include "mainwindow.h"
#include "maskpainter/maskpainter.h"
#include "model/parameters.h"
#include "params/parameterpanel.h"
#include "preview/imagepreview.h"
#include "prompt/prompteditor.h"
#include "studio/joblistmodel.h"
#include "studio/studiosession.h"
#include "studio/studiosettings.h"
#include "studiowindow.h"

#include "libraryimages.h"
#include "testsettings.h"
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestStudioLayout : public QObject, public StudioWindowFixture
{
    Q_OBJECT

private:
    // Saves a PNG into the library, as if it had been made, and returns its path.
    QString saveImage(const QString &prompt, const QColor &color)
    {
        if (!saveFilledImage(m_session->library(), prompt, u"gpt-image-2.6-flare"_s, color,
                             QSize(96, 64)))
            return {};
        m_window->gallery()->refresh();
        for (const LibraryImage &image : m_session->library().query({})) {
            if (image.request.prompt == prompt)
                return image.path;
        }
        return {};
    }

    void type(const QString &prompt)
    {
        m_window->promptEditor()->setPrompt(prompt);
        m_window->compose()->refresh();
    }

    QToolButton *jobButton(int row, const QString &name) const
    {
        QTableView *view = m_window->jobPanel()->view();
        QWidget *actions
            = view->indexWidget(view->model()->index(row, JobListModel::ActionsColumn));
        return actions ? actions->findChild<QToolButton *>(name) : nullptr;
    }

    void setStreaming()
    {
        ParameterPanel *parameters = m_window->parameterPanel();
        qobject_cast<QCheckBox *>(parameters->control(Param::Stream))->setChecked(true);
        qobject_cast<QSpinBox *>(parameters->control(Param::PartialImages))->setValue(1);
    }

private Q_SLOTS:
    void initTestCase() { isolateStudio(); }

    void init()
    {
        StudioSettings::windowGeometry.clear();
        const Status started = startStudio(10);
        QVERIFY2(started, qPrintable(started.error()));
        QVERIFY(openWindow(QSize(1400, 900)));
        m_window->parameterPanel()->setModel(u"gpt-image-2.6-flare"_s);
    }

    void cleanup() { closeStudio(); }

    void theImageIsTheHero_data()
    {
        QTest::addColumn<QSize>("window");
        QTest::addColumn<double>("share");
        QTest::newRow("1400x900") << QSize(1400, 900) << 0.40;
        QTest::newRow("1280x720") << QSize(1280, 720) << 0.30;
    }

    // After a generation the image covers a large part of the window; the estimate and Generate
    // stay in sight, in Edit mode too.
    void theImageIsTheHero()
    {
        QFETCH(QSize, window);
        QFETCH(double, share);
        m_window->resize(window);
        m_server->setImageSize(QSize(1024, 1024));
        QSignalSpy ready(m_session.get(), &StudioSession::imageReady);
        type(u"a lighthouse at dusk"_s);
        m_window->generate();
        QVERIFY(ready.wait(10000));
        ImagePreview *preview = m_window->preview();
        QTRY_COMPARE(preview->image().size(), QSize(1024, 1024));
        const QRectF shown = preview->zoomPan().imageRect();
        const double covered = shown.width() * shown.height();
        const double area = double(m_window->width()) * m_window->height();
        QVERIFY2(covered / area >= share,
                 qPrintable(u"%1x%2 in a %5x%6 view of %3x%4"_s.arg(shown.width())
                                .arg(shown.height())
                                .arg(m_window->width())
                                .arg(m_window->height())
                                .arg(preview->width())
                                .arg(preview->height())));
        QVERIFY(!m_window->filmstrip()->isVisible()); // one image: nothing to pick from

        m_window->parameterPanel()->setEndpoint(Endpoint::Edits);
        QApplication::processEvents();
        for (QWidget *widget : {static_cast<QWidget *>(m_window->generateButton()),
                                m_window->findChild<QWidget *>(u"estimate"_s)}) {
            QVERIFY(widget->isVisible());
            const QRect inWindow(widget->mapTo(m_window.get(), QPoint(0, 0)), widget->size());
            QVERIFY2(m_window->rect().contains(inWindow), qPrintable(widget->objectName()));
        }
    }

    void partialsShowTheFilmstrip()
    {
        setStreaming();
        QSignalSpy ready(m_session.get(), &StudioSession::imageReady);
        type(u"a slow harbour"_s);
        m_window->generate();
        QVERIFY(ready.wait(10000));
        QTRY_VERIFY(m_window->filmstrip()->count() > 1);
        QVERIFY(m_window->filmstrip()->isVisible());
    }

    // Selecting a thumbnail shows the image; the arrow keys browse.
    void selectingInTheGalleryShowsTheImage()
    {
        const QString first = saveImage(u"a red fox"_s, Qt::red);
        const QString second = saveImage(u"a green owl"_s, Qt::green);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QListView *view = m_window->gallery()->view();
        QTRY_COMPARE(view->model()->rowCount(), 2);
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        const QString shownFirst = m_window->canvas()->shownPath();
        QVERIFY(shownFirst == first || shownFirst == second);
        QTRY_VERIFY(!m_window->preview()->image().isNull());
        QTest::keyClick(view, Qt::Key_Right);
        QTRY_VERIFY(m_window->canvas()->shownPath() != shownFirst);
        QVERIFY(m_window->canvas()->shownId() > 0);
        QCOMPARE(m_window->centerTabs()->currentIndex(), 0);
    }

    // The shown image's own bar: use it as a reference, favour it, copy it.
    void theShownImageCarriesItsActions()
    {
        const QString path = saveImage(u"a blue whale"_s, Qt::blue);
        QListView *view = m_window->gallery()->view();
        QTRY_COMPARE(view->model()->rowCount(), 1);
        view->setCurrentIndex(view->model()->index(0, 0));
        QTRY_COMPARE(m_window->canvas()->shownPath(), path);
        QTRY_VERIFY(!m_window->preview()->image().isNull());
        auto *bar = m_window->preview()->findChild<QWidget *>(u"imageActions"_s);
        QVERIFY(bar);
        for (QToolButton *button : bar->findChildren<QToolButton *>())
            QVERIFY2(!button->accessibleName().isEmpty() && !button->icon().isNull(),
                     qPrintable(button->objectName()));
        const qint64 id = m_window->canvas()->shownId();
        bar->findChild<QToolButton *>(u"imageFavourite"_s)->click();
        QTRY_VERIFY(m_session->library().image(id)->favourite);
        bar->findChild<QToolButton *>(u"imageReference"_s)->click();
        QCOMPARE(m_window->compose()->referenceCount(), 1);
        QCOMPARE(m_window->currentRequest().images, QStringList {path});
        QGuiApplication::clipboard()->clear();
        bar->findChild<QToolButton *>(u"imageCopy"_s)->click();
        QCOMPARE(QGuiApplication::clipboard()->image().size(), QSize(96, 64));
        bar->findChild<QToolButton *>(u"imageEdit"_s)->click();
        QCOMPARE(m_window->centerTabs()->currentWidget(),
                 static_cast<QWidget *>(m_window->maskPainter()));
    }

    // Each job has its own Cancel; a new job is selected; Esc cancels the newest running one.
    void theQueueActsOnEachJob()
    {
        setStreaming();
        m_server->stallNextStream();
        m_server->stallNextStream();
        type(u"first"_s);
        m_window->generate();
        type(u"second"_s);
        m_window->generate();
        QTRY_COMPARE(m_server->requestCount(), 2);
        QTableView *view = m_window->jobPanel()->view();
        QCOMPARE(view->selectionModel()->selectedRows().value(0).row(), 1);
        QVERIFY(jobButton(0, u"cancelJob"_s)->isVisibleTo(view));
        QVERIFY(!jobButton(0, u"retryJob"_s)->isVisibleTo(view));
        jobButton(0, u"cancelJob"_s)->click();
        QTRY_VERIFY(m_session->queue()->at(0).isDone());
        QVERIFY(!m_session->queue()->at(1).isDone());
        QTRY_VERIFY(jobButton(0, u"retryJob"_s)->isVisibleTo(view));
        auto *summary = m_window->findChild<QLabel *>(u"jobSummary"_s);
        QTRY_COMPARE(summary->text(), u"1 running"_s);
        m_window->findChild<QAction *>(u"actionCancelNewest"_s)->trigger();
        QTRY_VERIFY(m_session->queue()->at(1).isDone());
        QCOMPARE(m_session->queue()->at(1).state, ImageJob::State::Cancelled);
        QTRY_COMPARE(summary->text(), u"Jobs: all done"_s);
    }

    void theViewMenuShowsAndHidesPanels_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("panel");
        QTest::newRow("gallery") << u"actionShowGallery"_s << u"galleryPanel"_s;
        QTest::newRow("jobs") << u"actionShowJobs"_s << u"jobPanel"_s;
        QTest::newRow("compose") << u"actionShowCompose"_s << u"composeColumn"_s;
    }

    void theViewMenuShowsAndHidesPanels()
    {
        QFETCH(QString, action);
        QFETCH(QString, panel);
        auto *toggle = m_window->findChild<QAction *>(action);
        auto *widget = m_window->findChild<QWidget *>(panel);
        QVERIFY(toggle && widget);
        QVERIFY(widget->isVisible());
        const int canvasWidth = m_window->canvas()->width();
        toggle->trigger();
        QVERIFY(!widget->isVisible());
        QTRY_VERIFY(m_window->canvas()->width() >= canvasWidth); // the image gets the room
        toggle->trigger();
        QVERIFY(widget->isVisible());
    }

    void theWindowNeverOpensLargerThanTheScreen()
    {
        // What the panels need fits a 1280x720 screen, with room to spare for longer words.
        QVERIFY2(m_window->minimumSizeHint().width() <= 1100,
                 qPrintable(QString::number(m_window->minimumSizeHint().width())));
        QVERIFY(m_window->minimumSizeHint().height() <= 720);
        const QSize screen = m_window->screen()->availableGeometry().size();
        m_window->resize(screen * 3);
        m_window->close(); // saves its geometry
        m_window.reset();
        m_window = std::make_unique<MainWindow>(m_session.get());
        QVERIFY(m_window->width() <= screen.width());
        QVERIFY(m_window->height() <= screen.height());
    }
};

QTEST_MAIN(TestStudioLayout)
#include "tst_studiolayout.moc"
