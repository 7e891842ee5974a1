#include "gallery/gallerypanel.h"
#include "library/librarymodel.h"
#include "library/librarystore.h"
#include "libraryimages.h"
#include "messageboxanswer.h"
#include "preview/imagepreview.h"
#include "testsettings.h"
#include "viewer/imageviewer.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestImageViewer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LibraryStore> m_store;
    std::unique_ptr<LibraryModel> m_model;
    std::unique_ptr<QWidget> m_window;
    GalleryPanel *m_gallery = nullptr;
    const QList<QColor> m_colors {Qt::red, Qt::green, Qt::blue};

    void save(const QString &prompt, const QString &model, const QColor &color)
    {
        const Status saved
            = AtelierTest::saveFilledImage(*m_store, prompt, model, color, QSize(400, 200));
        QVERIFY2(saved, qPrintable(saved.error()));
    }

    // The colour of the image the viewer shows (its centre pixel).
    static QColor shownColor(const ImageViewer *viewer)
    {
        const QImage image = viewer->preview()->image();
        return image.isNull() ? QColor() : image.pixelColor(image.width() / 2, image.height() / 2);
    }

    // The colour the model's row was made in (newest first: the last saved is row 0).
    QColor colorOfRow(int row) const
    {
        const QString prompt = m_model->imageAt(row).request.prompt;
        for (const QColor &color : m_colors) {
            if (prompt.contains(color.name()))
                return color;
        }
        return {};
    }

    // Opens the viewer on `row` with Space in the gallery; waits until the image is shown.
    ImageViewer *openOn(int row)
    {
        QListView *view = m_gallery->view();
        view->setFocus();
        view->setCurrentIndex(view->model()->index(row, 0));
        QTest::keyClick(view, Qt::Key_Space);
        ImageViewer *viewer = m_gallery->viewer();
        if (viewer && !QTest::qWaitFor([&] { return shownColor(viewer) == colorOfRow(row); }))
            return nullptr;
        return viewer;
    }

    // Answers the delete confirmation with `button` once it is shown.
    void answerDelete(QMessageBox::StandardButton button, bool *asked)
    {
        AtelierTest::answerMessageBox(this, u"confirmDelete"_s, button,
                                      [asked](QMessageBox *) { *asked = true; });
    }

private Q_SLOTS:
    void initTestCase()
    {
        AtelierTest::isolateSettings(m_config.path());
        // Deleting moves files to the trash: keep them out of the user's trash, and out of the
        // working directory, where Qt puts the trash when it cannot see the mounts.
        const QString data = m_config.filePath(u"data"_s);
        QVERIFY(QDir().mkpath(data));
        qputenv("XDG_DATA_HOME", data.toUtf8());
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<LibraryStore>();
        const Status opened = m_store->open(m_dir->path());
        QVERIFY2(opened, qPrintable(opened.error()));
        for (const QColor &color : m_colors)
            save(u"a %1 field at noon"_s.arg(color.name()), u"gpt-image-2"_s, color);
        m_model = std::make_unique<LibraryModel>(m_store.get());
        m_window = std::make_unique<QWidget>();
        auto *layout = new QVBoxLayout(m_window.get());
        auto *sidebar = new QLabel(u"the rest of the window"_s);
        layout->addWidget(sidebar);
        m_gallery = new GalleryPanel(m_model.get());
        layout->addWidget(m_gallery);
        m_window->resize(900, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(m_model->rowCount(), 3);
    }

    void cleanup()
    {
        m_window.reset();
        m_model.reset();
        m_store.reset();
        m_dir.reset();
    }

    void opensFromTheGalleryOverTheWindow_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("Space") << u"space"_s;
        QTest::newRow("Enter") << u"enter"_s;
        QTest::newRow("double-click") << u"double-click"_s;
    }

    void opensFromTheGalleryOverTheWindow()
    {
        QFETCH(QString, how);
        QListView *view = m_gallery->view();
        view->setFocus();
        const QModelIndex second = view->model()->index(1, 0);
        view->setCurrentIndex(second);
        if (how == u"space")
            QTest::keyClick(view, Qt::Key_Space);
        else if (how == u"enter")
            QTest::keyClick(view, Qt::Key_Return);
        else {
            // A click, then the second click's double-click event, as a mouse sends them.
            const QPoint at = view->visualRect(second).center();
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
            QMouseEvent press(QEvent::MouseButtonPress, at, view->viewport()->mapToGlobal(at),
                              Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(view->viewport(), &press);
            QMouseEvent twice(QEvent::MouseButtonDblClick, at, view->viewport()->mapToGlobal(at),
                              Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(view->viewport(), &twice);
        }
        ImageViewer *viewer = m_gallery->viewer();
        QVERIFY(viewer);
        QVERIFY(viewer->isVisible());
        QCOMPARE(viewer->objectName(), u"imageViewer"_s);
        QCOMPARE(viewer->row(), 1);
        QCOMPARE(viewer->geometry(), m_window->rect()); // the whole window, not the gallery
        QTRY_COMPARE(shownColor(viewer), colorOfRow(1));
        // The ground around the image is a neutral dark grey.
        const QImage shown = viewer->preview()->grab().toImage();
        const QColor ground = shown.pixelColor(2, 2);
        QVERIFY(ground.lightness() < 60);
        QCOMPARE(ground.red(), ground.blue());
        QVERIFY(viewer->hasFocus());
    }

    // The gallery reads its rows a page at a time: the viewer reads on as it steps past them,
    // and counts every image, not only those read.
    void browsesWithTheArrowsAndClosesOnTheRowItEndedOn_data()
    {
        QTest::addColumn<int>("pageSize");
        QTest::newRow("all in one page") << int(LibraryModel::DefaultPageSize);
        QTest::newRow("a row a page") << 1;
    }

    void browsesWithTheArrowsAndClosesOnTheRowItEndedOn()
    {
        QFETCH(int, pageSize);
        m_model->setPageSize(pageSize);
        ImageViewer *viewer = openOn(0);
        QVERIFY(viewer);
        QSignalSpy changed(viewer, &ImageViewer::currentChanged);
        QSignalSpy closed(viewer, &ImageViewer::closed);
        const struct
        {
            Qt::Key key;
            int row;
        } steps[] = {{Qt::Key_Right, 1}, {Qt::Key_Right, 2}, {Qt::Key_Right, 2},
                     {Qt::Key_Home, 0},  {Qt::Key_End, 2},   {Qt::Key_Left, 1}};
        for (const auto &step : steps) {
            QTest::keyClick(viewer, step.key);
            QCOMPARE(viewer->row(), step.row);
            QTRY_COMPARE(shownColor(viewer), colorOfRow(step.row));
            QCOMPARE(viewer->findChild<QLabel *>(u"viewerPosition"_s)->text(),
                     u"%1 of 3"_s.arg(step.row + 1));
        }
        QCOMPARE(changed.count(), 5); // Right at the end moves nowhere
        QTest::keyClick(viewer, Qt::Key_Escape);
        QCOMPARE(closed.count(), 1);
        QCOMPARE(closed.first().first().toInt(), 1);
        QVERIFY(!viewer->isVisible());
        QCOMPARE(m_gallery->view()->currentIndex().row(), 1); // the gallery selects it
        QVERIFY(m_gallery->view()->hasFocus());
    }

    void zoomsWithKeysAndWheel()
    {
        ImageViewer *viewer = openOn(0);
        QVERIFY(viewer);
        ImagePreview *preview = viewer->preview();
        QCOMPARE(preview->zoom(), 0.0); // fits
        const double fitted = preview->zoomPan().scale();
        QTest::keyClick(viewer, Qt::Key_Plus);
        QCOMPARE(preview->zoom(), fitted * 1.25);
        QTest::keyClick(viewer, Qt::Key_1);
        QCOMPARE(preview->zoom(), 1.0);
        auto *zoom = viewer->findChild<QLabel *>(u"viewerZoom"_s);
        QCOMPARE(zoom->text(), u"100 %"_s);
        QTest::keyClick(viewer, Qt::Key_Minus);
        QCOMPARE(preview->zoom(), 1.0 / 1.25);
        QTest::keyClick(viewer, Qt::Key_0);
        QCOMPARE(preview->zoom(), 0.0);
        QVERIFY(zoom->text().startsWith(u"Fit"_s));
        const QPointF pointer(100, 100);
        const QPointF under = preview->zoomPan().toImage(pointer);
        QWheelEvent wheel(pointer, preview->mapToGlobal(pointer), {}, QPoint(0, 240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(preview, &wheel);
        QCOMPARE(preview->zoom(), fitted * 1.25 * 1.25);
        const QPointF still = preview->zoomPan().toImage(pointer);
        QVERIFY(qAbs(still.x() - under.x()) < 1e-6 && qAbs(still.y() - under.y()) < 1e-6);
        // A click on the image leaves the keys with the viewer.
        QTest::mouseClick(preview, Qt::LeftButton, {}, QPoint(50, 50));
        QVERIFY(viewer->hasFocus());
        QTest::keyClick(viewer, Qt::Key_Right);
        QCOMPARE(viewer->row(), 1);
    }

    void favouriteWithF()
    {
        ImageViewer *viewer = openOn(2);
        QVERIFY(viewer);
        auto *star = viewer->findChild<QToolButton *>(u"viewerFavourite"_s);
        QVERIFY(star);
        QVERIFY(!star->isChecked());
        QTest::keyClick(viewer, Qt::Key_F);
        QVERIFY(m_model->imageAt(2).favourite);
        QVERIFY(m_store->image(m_model->imageAt(2).id)->favourite); // in the library too
        QVERIFY(star->isChecked());
        QCOMPARE(viewer->preview()->zoom(), 0.0); // F is not "fit" here
        QTest::keyClick(viewer, Qt::Key_F);
        QVERIFY(!m_model->imageAt(2).favourite);
        QVERIFY(!star->isChecked());
        star->click();
        QVERIFY(m_model->imageAt(2).favourite);
    }

    void deleteAsksThenMovesToTheTrash()
    {
        // A window shortcut on Delete must not act behind the viewer.
        auto *windowDelete = new QAction(m_window.get());
        windowDelete->setShortcut(QKeySequence::Delete);
        m_window->addAction(windowDelete);
        QSignalSpy windowAction(windowDelete, &QAction::triggered);

        ImageViewer *viewer = openOn(1);
        QVERIFY(viewer);
        const LibraryImage doomed = m_model->imageAt(1);
        bool asked = false;
        answerDelete(QMessageBox::No, &asked);
        QTest::keyClick(viewer, Qt::Key_Delete);
        QVERIFY(asked);
        QCOMPARE(m_model->rowCount(), 3);
        QVERIFY(QFile::exists(doomed.path));

        asked = false;
        answerDelete(QMessageBox::Yes, &asked);
        QTest::keyClick(viewer, Qt::Key_Delete);
        QVERIFY(asked);
        QCOMPARE(m_model->rowCount(), 2);
        QVERIFY(!QFile::exists(doomed.path)); // moved to the library's trash
        QVERIFY(!m_store->image(doomed.id));
        QCOMPARE(windowAction.count(), 0);
        // The image that took its row is shown.
        QVERIFY(viewer->isVisible());
        QCOMPARE(viewer->row(), 1);
        QTRY_COMPARE(shownColor(viewer), colorOfRow(1));
        QCOMPARE(viewer->findChild<QLabel *>(u"viewerPosition"_s)->text(), u"2 of 2"_s);
    }

    void deletingTheLastImageCloses()
    {
        ImageViewer *viewer = openOn(0);
        QVERIFY(viewer);
        QSignalSpy closed(viewer, &ImageViewer::closed);
        for (int left = 3; left > 0; --left) {
            bool asked = false;
            answerDelete(QMessageBox::Yes, &asked);
            QTest::keyClick(viewer, Qt::Key_Delete);
            QVERIFY(asked);
            QCOMPARE(m_model->rowCount(), left - 1);
        }
        QCOMPARE(closed.count(), 1);
        QCOMPARE(closed.first().first().toInt(), -1);
        QVERIFY(!viewer->isVisible());
    }

    void copiesTheImage()
    {
        ImageViewer *viewer = openOn(2);
        QVERIFY(viewer);
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(viewer, Qt::Key_C, Qt::ControlModifier);
        const QImage copied = QGuiApplication::clipboard()->image();
        QCOMPARE(copied.size(), QSize(400, 200));
        QCOMPARE(copied.pixelColor(10, 10), colorOfRow(2));
    }

    void captionSaysPromptAndModel()
    {
        ImageViewer *viewer = openOn(0);
        QVERIFY(viewer);
        const QString expected = m_model->imageAt(0).request.prompt + u" · gpt-image-2"_s;
        QCOMPARE(viewer->caption(), expected);
        auto *caption = viewer->findChild<QLabel *>(u"viewerCaption"_s);
        QCOMPARE(caption->toolTip(), expected);
        QVERIFY(caption->font().pointSizeF() < viewer->font().pointSizeF()); // small
        QVERIFY(caption->text().startsWith(u"a #"_s));
    }

    void followsTheWindowsSize()
    {
        ImageViewer *viewer = openOn(0);
        QVERIFY(viewer);
        m_window->resize(700, 500);
        QTRY_COMPARE(viewer->geometry(), m_window->rect());
    }
};

QTEST_MAIN(TestImageViewer)
#include "tst_imageviewer.moc"
