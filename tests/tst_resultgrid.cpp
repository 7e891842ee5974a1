// The canvas shows the images of one Generate side by side: each cell streams its own partials,
// a click focuses a cell (its partials in the filmstrip, the actions on it), a double-click opens
// it full-window, a failed cell keeps the others, and one image looks as it always did. The
// images are fed through the signals StudioSession emits; the jobs are real ones whose streams
// the fake server holds open.
#include "canvas/canvaspanel.h"
#include "canvas/resultgrid.h"
#include "fakeimagesserver.h"
#include "gallery/gallerypanel.h"
#include "jobs/jobpanel.h"
#include "library/librarymodel.h"
#include "library/librarystore.h"
#include "mainwindow.h"
#include "model/apierror.h"
#include "model/parameters.h"
#include "preview/imagepreview.h"
#include "studio/studiosession.h"
#include "studio/studiosettings.h"
#include "studiowindow.h"
#include "viewer/imageviewer.h"

#include "libraryimages.h"
#include "testsettings.h"
#include <QApplication>
#include <QEnterEvent>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestResultGrid : public QObject, public AtelierTest::StudioWindowFixture
{
    Q_OBJECT

private:
    const QList<QColor> m_colors {Qt::red, Qt::green, Qt::blue, Qt::yellow, Qt::cyan};

    // One Generate of `n` streamed images: n jobs of one set, their streams held open by the
    // server so that only what the test emits arrives (`stall` false: the server answers).
    QList<JobId> generate(int n, const QString &prompt = u"four lanterns"_s, bool stall = true)
    {
        for (int i = 0; stall && i < n; ++i) {
            ScriptedReply stall;
            stall.kind = ScriptedReply::Kind::StallAfterEvents;
            stall.events = 0;
            m_server->enqueue(stall);
        }
        ImageRequest request;
        request.model = u"gpt-image-1"_s;
        request.prompt = prompt;
        request.setOption(Param::Quality, u"low"_s);
        request.setOption(Param::Size, u"1024x1024"_s);
        request.setOption(Param::Stream, true);
        request.setOption(Param::PartialImages, 2);
        request.setOption(Param::N, n);
        QList<JobId> ids;
        const QList<Violation> errors = m_session->submitAll({request}, &ids);
        if (!errors.isEmpty())
            qWarning() << errors.first().message;
        return ids;
    }

    static ImageResult result(const QColor &color, bool partial, int index,
                              const QString &savedPath = {})
    {
        ImageResult image;
        image.partial = partial;
        image.index = index;
        image.imageIndex = 0;
        image.format = u"png"_s;
        image.image = QImage(64, 64, QImage::Format_RGB32);
        image.image.fill(color);
        image.size = image.image.size();
        image.savedPath = savedPath;
        return image;
    }

    // Saves a final into the library as the session would have, and returns its path.
    QString saveFinal(const QString &prompt, const QColor &color)
    {
        if (!saveFilledImage(m_session->library(), prompt, u"gpt-image-1"_s, color, QSize(64, 64)))
            return {};
        for (const LibraryImage &image : m_session->library().query({})) {
            if (image.request.prompt == prompt)
                return image.path;
        }
        return {};
    }

    ResultGrid *grid() const { return m_window->findChild<ResultGrid *>(u"resultGrid"_s); }

    QList<ResultCell *> cells() const
    {
        QList<ResultCell *> found = grid()->findChildren<ResultCell *>(u"resultCell"_s);
        std::sort(found.begin(), found.end(),
                  [](ResultCell *a, ResultCell *b) { return a->index() < b->index(); });
        return found;
    }

    // The colour in the middle of what the cell shows, as the screen would.
    static QColor shownColor(ResultCell *cell)
    {
        return cell->grab().toImage().pixelColor(cell->imageRect().center());
    }

    // Four cells, each with a partial of its own colour and a final in the library.
    QList<JobId> fourFinished(QStringList *paths)
    {
        const QList<JobId> ids = generate(4);
        for (int i = 0; i < ids.size(); ++i) {
            Q_EMIT m_session->partialImage(ids.at(i), result(m_colors.at(i), true, 0));
            const QString path = saveFinal(u"final %1"_s.arg(i), m_colors.at(i).darker(150));
            paths->append(path);
            Q_EMIT m_session->imageReady(ids.at(i),
                                         result(m_colors.at(i).darker(150), false, 0, path));
        }
        m_window->gallery()->refresh();
        return ids;
    }

private Q_SLOTS:
    void initTestCase() { isolateStudio(); }

    void init()
    {
        StudioSettings::windowGeometry.clear();
        const Status started = startStudio();
        QVERIFY2(started, qPrintable(started.error()));
        m_session->setMaxConcurrentJobs(12);
        QVERIFY(openWindow(QSize(1400, 900)));
    }

    void cleanup() { closeStudio(); }

    void shapes_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QSize>("area");
        QTest::addColumn<QSize>("shape"); // columns x rows
        const QSize wide(1000, 600);
        QTest::newRow("1") << 1 << wide << QSize(1, 1);
        QTest::newRow("2") << 2 << wide << QSize(2, 1);
        QTest::newRow("3") << 3 << wide << QSize(3, 1);
        QTest::newRow("4") << 4 << wide << QSize(2, 2);
        QTest::newRow("5") << 5 << wide << QSize(3, 2);
        QTest::newRow("6") << 6 << wide << QSize(3, 2);
        QTest::newRow("7") << 7 << wide << QSize(4, 2);
        QTest::newRow("8") << 8 << wide << QSize(4, 2);
        QTest::newRow("9") << 9 << wide << QSize(5, 2);
        QTest::newRow("10") << 10 << wide << QSize(5, 2);
        QTest::newRow("2 in a tall room") << 2 << QSize(600, 900) << QSize(1, 2);
        QTest::newRow("3 in a square room") << 3 << QSize(800, 800) << QSize(2, 2);
        QTest::newRow("4 in a strip") << 4 << QSize(1600, 300) << QSize(4, 1);
    }

    // The shape that shows the images largest.
    void shapes()
    {
        QFETCH(int, count);
        QFETCH(QSize, area);
        QFETCH(QSize, shape);
        QCOMPARE(ResultGrid::shapeFor(count, area), shape);
        ResultGrid grid;
        grid.resize(area);
        grid.reset(count);
        QCOMPARE(grid.shape(), shape);
        // Every cell inside the grid, none overlapping another.
        QList<QRect> placed;
        for (ResultCell *cell : grid.findChildren<ResultCell *>(u"resultCell"_s)) {
            QVERIFY(grid.rect().contains(cell->geometry()));
            for (const QRect &other : std::as_const(placed))
                QVERIFY(!other.intersects(cell->geometry()));
            placed.append(cell->geometry());
        }
        QCOMPARE(placed.size(), count);
    }

    void aGenerateOfNShowsNCells_data()
    {
        QTest::addColumn<int>("count");
        for (int n = 1; n <= 10; ++n)
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }

    void aGenerateOfNShowsNCells()
    {
        QFETCH(int, count);
        const QList<JobId> ids = generate(count);
        QCOMPARE(ids.size(), count);
        QCOMPARE(m_window->canvas()->shownSet(), ids.first());
        QCOMPARE(cells().size(), count);
        // One image shows large in the preview, as it always did.
        QCOMPARE(m_window->canvas()->showsGrid(), count > 1);
        QCOMPARE(grid()->isVisible(), count > 1);
        QCOMPARE(m_window->preview()->isVisible(), count == 1);
        if (count > 1)
            QCOMPARE(grid()->shape(), ResultGrid::shapeFor(count, grid()->size()));
    }

    // Each cell shows its own job's partials, then its final.
    void eachCellStreamsItsOwnImages()
    {
        const QList<JobId> ids = generate(4);
        QCOMPARE(cells().size(), 4);
        QCOMPARE(grid()->shape(), QSize(2, 2));
        for (int i = 0; i < 4; ++i)
            Q_EMIT m_session->partialImage(ids.at(i), result(m_colors.at(i), true, 0));
        const QList<ResultCell *> shown = cells();
        for (int i = 0; i < 4; ++i)
            QCOMPARE(shownColor(shown.at(i)), m_colors.at(i));
        // The second partial of the third image goes to its cell only.
        Q_EMIT m_session->partialImage(ids.at(2), result(Qt::magenta, true, 1));
        QCOMPARE(shownColor(shown.at(2)), QColor(Qt::magenta));
        QCOMPARE(shownColor(shown.at(0)), m_colors.at(0));
        QCOMPARE(shownColor(shown.at(3)), m_colors.at(3));
        // The filmstrip holds the focused (first) cell's images.
        QCOMPARE(grid()->focusedIndex(), 0);
        QCOMPARE(m_window->filmstrip()->count(), 1);
        Q_EMIT m_session->imageReady(ids.at(0), result(Qt::darkRed, false, 0));
        QCOMPARE(shownColor(shown.at(0)), QColor(Qt::darkRed));
        QCOMPARE(m_window->filmstrip()->count(), 2);
        QVERIFY(m_window->filmstrip()->isVisible());
    }

    // A click focuses a cell: a frame, its partials in the filmstrip, the actions on its image;
    // the arrow keys move the focus.
    void clickingACellFocusesIt()
    {
        QStringList paths;
        fourFinished(&paths);
        Q_EMIT m_session->partialImage(m_session->queue()->at(2).id, result(Qt::white, true, 1));
        const QList<ResultCell *> shown = cells();
        QTest::mouseClick(shown.at(2), Qt::LeftButton, {}, shown.at(2)->rect().center());
        QCOMPARE(grid()->focusedIndex(), 2);
        QVERIFY(shown.at(2)->isFocused() && !shown.at(0)->isFocused());
        // The focus frame is drawn in the highlight colour, around the cell only.
        const QColor highlight = grid()->palette().color(QPalette::Highlight);
        QCOMPARE(shown.at(2)->grab().toImage().pixelColor(1, shown.at(2)->height() / 2), highlight);
        QVERIFY(shown.at(0)->grab().toImage().pixelColor(1, shown.at(0)->height() / 2)
                != highlight);
        // Its three images (two partials, the final) in the filmstrip; picking one shows it.
        QListWidget *filmstrip = m_window->filmstrip();
        QCOMPARE(filmstrip->count(), 3);
        filmstrip->setCurrentRow(0);
        QCOMPARE(shownColor(shown.at(2)), m_colors.at(2));
        // The actions act on the focused image.
        QCOMPARE(m_window->canvas()->shownPath(), paths.at(2));
        QCOMPARE(m_window->canvas()->shownImage().pixelColor(0, 0), m_colors.at(2));
        auto *bar = grid()->findChild<QWidget *>(u"imageActions"_s);
        QVERIFY(bar);
        // The hover bar shows over the focused cell when the pointer comes in.
        QEnterEvent enter(QPointF(5, 5), QPointF(5, 5), grid()->mapToGlobal(QPointF(5, 5)));
        QApplication::sendEvent(grid(), &enter);
        QVERIFY(bar->isVisible());
        QVERIFY(shown.at(2)->geometry().contains(bar->geometry()));
        QVERIFY(grid()->childAt(bar->geometry().center()) != shown.at(2)); // on top
        const qint64 id = m_session->library().imageAt(paths.at(2))->id;
        bar->findChild<QToolButton *>(u"imageFavourite"_s)->click();
        QTRY_VERIFY(m_session->library().image(id)->favourite);
        // The keyboard: the grid has it after the click.
        QVERIFY(grid()->hasFocus());
        QTest::keyClick(grid(), Qt::Key_Right);
        QCOMPARE(grid()->focusedIndex(), 3);
        QTest::keyClick(grid(), Qt::Key_Up);
        QCOMPARE(grid()->focusedIndex(), 1);
        QTest::keyClick(grid(), Qt::Key_Left);
        QCOMPARE(grid()->focusedIndex(), 0);
        QTest::keyClick(grid(), Qt::Key_Down);
        QCOMPARE(grid()->focusedIndex(), 2);
        QCOMPARE(filmstrip->count(), 3);
        QTest::keyClick(grid(), Qt::Key_Home);
        QCOMPARE(m_window->canvas()->shownPath(), paths.at(0));
        QCOMPARE(filmstrip->count(), 2);
    }

    // A double-click (or Enter) opens the cell full-window; Esc comes back to the grid, on the
    // image the viewer ended on.
    void doubleClickOpensTheViewer()
    {
        QStringList paths;
        fourFinished(&paths);
        QTRY_COMPARE(m_window->libraryModel()->rowCount(), 4);
        const QList<ResultCell *> shown = cells();
        QTest::mouseDClick(shown.at(1), Qt::LeftButton, {}, shown.at(1)->rect().center());
        ImageViewer *viewer = m_window->gallery()->viewer();
        QVERIFY(viewer);
        QTRY_VERIFY(viewer->isVisible());
        QCOMPARE(viewer->imageId(), m_session->library().imageAt(paths.at(1))->id);
        const int row = viewer->row();
        QTest::keyClick(viewer, row + 1 < 4 ? Qt::Key_Right : Qt::Key_Left);
        QVERIFY(viewer->row() != row);
        const qint64 browsed = viewer->imageId();
        QTest::keyClick(viewer, Qt::Key_Escape);
        QTRY_VERIFY(!viewer->isVisible());
        QVERIFY(m_window->canvas()->showsGrid());
        QCOMPARE(m_window->canvas()->shownId(), browsed);
        QTRY_VERIFY(grid()->hasFocus());
        // Enter opens the focused one.
        QTest::keyClick(grid(), Qt::Key_Return);
        QTRY_VERIFY(viewer->isVisible());
        QCOMPARE(viewer->imageId(), browsed);
        QTest::keyClick(viewer, Qt::Key_Escape);
        QTRY_VERIFY(!viewer->isVisible());
    }

    // A job that fails says why in its cell; the others keep their images.
    void aFailedCellKeepsTheOthers()
    {
        const QList<JobId> ids = generate(4);
        for (int i = 0; i < 4; ++i)
            Q_EMIT m_session->partialImage(ids.at(i), result(m_colors.at(i), true, 0));
        ApiError refused = ApiError::make(ApiError::Kind::Api,
                                          u"Your request was rejected by "
                                          u"the safety system."_s);
        refused.code = u"moderation_blocked"_s;
        refused.httpStatus = 400;
        Q_EMIT m_session->jobFailed(ids.at(1), refused);
        const QList<ResultCell *> shown = cells();
        QVERIFY(shown.at(1)->isFailed());
        QCOMPARE(shown.at(1)->failure(), u"Refused"_s);
        QVERIFY(shown.at(1)->toolTip().contains(u"safety system"_s));
        for (int i : {0, 2, 3}) {
            QVERIFY(!shown.at(i)->isFailed());
            QCOMPARE(shownColor(shown.at(i)), m_colors.at(i));
        }
        // The others still stream.
        Q_EMIT m_session->imageReady(ids.at(3), result(Qt::darkBlue, false, 0));
        QCOMPARE(shownColor(shown.at(3)), QColor(Qt::darkBlue));
        QVERIFY(shown.at(1)->isFailed());
        // Cancelling one says so in its cell.
        m_session->cancel(ids.at(2));
        QTRY_VERIFY(shown.at(2)->isFailed());
        QCOMPARE(shown.at(2)->failure(), u"Cancelled"_s);
        QCOMPARE(cells().size(), 4);
    }

    // One image: the preview as it always was, its partials in the filmstrip.
    void oneImageLooksAsBefore()
    {
        const QList<JobId> ids = generate(1);
        QCOMPARE(ids.size(), 1);
        QVERIFY(!m_window->canvas()->showsGrid());
        QCOMPARE(m_window->preview()->image(), QImage());
        Q_EMIT m_session->partialImage(ids.first(), result(Qt::red, true, 0));
        QCOMPARE(m_window->preview()->image().pixelColor(0, 0), QColor(Qt::red));
        QCOMPARE(m_window->preview()->caption(), u"Partial 1"_s);
        Q_EMIT m_session->imageReady(ids.first(), result(Qt::blue, false, 0));
        QCOMPARE(m_window->preview()->image().pixelColor(0, 0), QColor(Qt::blue));
        QCOMPARE(m_window->filmstrip()->count(), 2);
        QVERIFY(!grid()->isVisible());
    }

    // The canvas follows the newest Generate; selecting a job row shows that job's set.
    void aJobRowShowsItsSet()
    {
        m_server->setEventDelayMs(5);
        const QList<JobId> first = generate(4, u"four made"_s, false);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->library().count(), 4, 15000);
        JobQueue *queue = m_session->queue();
        QTRY_VERIFY(queue->job(first.last())->isDone());
        const QList<JobId> second = generate(2, u"two more"_s);
        QCOMPARE(m_window->canvas()->shownSet(), second.first());
        QCOMPARE(cells().size(), 2);
        // Images of the older set no longer land in the grid shown.
        Q_EMIT m_session->partialImage(first.at(0), result(Qt::white, true, 1));
        QCOMPARE(cells().at(0)->frames().size(), 0);
        QTableView *jobs = m_window->jobPanel()->view();
        jobs->selectRow(2); // the third job of the first set
        QCOMPARE(m_window->canvas()->shownSet(), first.first());
        QCOMPARE(cells().size(), 4);
        QCOMPARE(grid()->focusedIndex(), 2);
        // Its finals come back from the library, each in its own job's cell.
        for (int i = 0; i < 4; ++i) {
            const QString saved = queue->job(first.at(i))->savedPaths.value(0);
            QVERIFY(!saved.isEmpty());
            QTRY_COMPARE(cells().at(i)->savedPath(), saved);
            QVERIFY(!cells().at(i)->image().isNull());
        }
        QTRY_COMPARE(m_window->canvas()->shownPath(), queue->job(first.at(2))->savedPaths.value(0));
        jobs->selectRow(5);
        QCOMPARE(m_window->canvas()->shownSet(), second.first());
        QCOMPARE(grid()->focusedIndex(), 1);
    }

    // The result of an edit carries its original: the preview flips to it and compares.
    void anEditShowsItsOriginal()
    {
        const QString original = saveFinal(u"the original"_s, Qt::blue);
        LibraryImage edit;
        edit.request.prompt = u"the edit"_s;
        edit.request.model = u"gpt-image-1"_s;
        edit.request.endpoint = Endpoint::Edits;
        edit.request.images = {original};
        edit.format = u"png"_s;
        QImage pixels(64, 64, QImage::Format_RGB32);
        pixels.fill(Qt::red);
        edit.size = pixels.size();
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        pixels.save(&buffer, "PNG");
        const Result<QString> path
            = LibraryStore::writeFiles(m_session->library().folder(), edit, bytes);
        QVERIFY(path);
        edit.path = *path;
        QVERIFY(m_session->library().add(edit));
        m_window->canvas()->showImageFile(*path, u"the edit"_s);
        ImagePreview *preview = m_window->preview();
        QTRY_VERIFY(preview->hasOriginal());
        QCOMPARE(preview->image().pixelColor(0, 0), QColor(Qt::red));
        auto *bar = preview->findChild<QWidget *>(u"imageActions"_s);
        QVERIFY(bar);
        auto *compare = bar->findChild<QToolButton *>(u"imageCompare"_s);
        QVERIFY(compare && !compare->isHidden());
        QVERIFY(compare->toolTip().contains(u'\\'));
        QVERIFY(!bar->findChild<QWidget *>(u"originalHint"_s)->isHidden());
        compare->click();
        QVERIFY(preview->isComparing());
        // Another image without an original: no Compare.
        const QString plain = saveFinal(u"plain"_s, Qt::green);
        m_window->canvas()->showImageFile(plain, u"plain"_s);
        QVERIFY(!preview->hasOriginal());
        QVERIFY(compare->isHidden());
        QVERIFY(!compare->isChecked());
    }
};

QTEST_MAIN(TestResultGrid)
#include "tst_resultgrid.moc"
