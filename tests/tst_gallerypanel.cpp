#include "gallery/comparedialog.h"
#include "gallery/gallerypanel.h"
#include "gallery/galleryview.h"
#include "gallery/thumbnaildelegate.h"
#include "library/librarymodel.h"
#include "library/librarystore.h"
#include "libraryimages.h"
#include "studio/studiosettings.h"
#include "testsettings.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestGalleryPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    LibraryStore m_store;

    // Pixels of `image` inside `area` within `tolerance` of `color` in every channel.
    static int pixelsNear(const QImage &image, const QRect &area, const QColor &color,
                          int tolerance = 24)
    {
        int count = 0;
        const QRect inside = area.intersected(image.rect());
        for (int y = inside.top(); y <= inside.bottom(); ++y) {
            for (int x = inside.left(); x <= inside.right(); ++x) {
                const QColor at = image.pixelColor(x, y);
                if (qAbs(at.red() - color.red()) <= tolerance
                    && qAbs(at.green() - color.green()) <= tolerance
                    && qAbs(at.blue() - color.blue()) <= tolerance)
                    ++count;
            }
        }
        return count;
    }

    void save(const QString &prompt, const QString &model, const QColor &color)
    {
        const Status saved
            = AtelierTest::saveFilledImage(m_store, prompt, model, color, QSize(300, 200));
        QVERIFY2(saved, qPrintable(saved.error()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        AtelierTest::isolateSettings(m_config.path());
        QVERIFY(m_store.open(m_dir.path()));
        save(u"a red fox in the snow"_s, u"gpt-image-1.5"_s, Qt::red);
        save(u"a lighthouse at dusk"_s, u"dall-e-3"_s, Qt::blue);
        save(u"fox cubs playing"_s, u"gpt-image-2"_s, Qt::green);
    }

    void searchFilterAndFavourites()
    {
        LibraryModel model(&m_store);
        GalleryPanel panel(&model);
        QCOMPARE(model.rowCount(), 3);
        QTest::keyClicks(panel.searchField(), u"fox"_s);
        QTRY_COMPARE(model.rowCount(), 2); // after the search debounce
        panel.searchField()->clear();
        QTRY_COMPARE(model.rowCount(), 3);

        // Every image here was saved today.
        panel.dateFilter()->setCurrentIndex(1);
        Q_EMIT panel.dateFilter()->activated(1);
        QCOMPARE(model.rowCount(), 3);
        LibraryQuery older;
        older.to = QDateTime::currentDateTime().addDays(-1);
        QCOMPARE(m_store.query(older).size(), 0);
        panel.dateFilter()->setCurrentIndex(0);
        Q_EMIT panel.dateFilter()->activated(0);

        auto *filter = panel.findChild<QComboBox *>();
        QVERIFY(filter);
        QCOMPARE(filter->count(), 4); // all models + three
        filter->setCurrentIndex(filter->findData(u"dall-e-3"_s));
        Q_EMIT filter->activated(filter->currentIndex());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), LibraryModel::PromptRole).toString(),
                 u"a lighthouse at dusk"_s);
        filter->setCurrentIndex(0);
        Q_EMIT filter->activated(0);

        QVERIFY(model.setFavourite(0, true));
        auto *favourites = panel.findChild<QToolButton *>();
        favourites->setChecked(true);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.data(model.index(0), LibraryModel::FavouriteRole).toBool());
        favourites->setChecked(false);
    }

    // A large library is read a page at a time: the gallery shows the first rows, scrolling to
    // the end reads the next, and a search finds an image that was not read yet.
    void scrollingReadsTheNextPages_data()
    {
        QTest::addColumn<int>("images");
        QTest::addColumn<int>("pageSize");
        QTest::newRow("pages of 4") << 60 << 4;
        QTest::newRow("pages of 25") << 60 << 25;
    }

    void scrollingReadsTheNextPages()
    {
        QFETCH(int, images);
        QFETCH(int, pageSize);
        QTemporaryDir dir;
        LibraryStore store;
        QVERIFY(store.open(dir.path()));
        for (int i = 0; i < images; ++i) {
            const Status saved = AtelierTest::saveFilledImage(
                store, i == 0 ? u"the oldest, a zebra"_s : u"a lighthouse %1"_s.arg(i),
                u"gpt-image-2"_s, Qt::darkCyan, QSize(16, 16));
            QVERIFY2(saved, qPrintable(saved.error()));
        }
        LibraryModel model(&store);
        model.setPageSize(pageSize);
        GalleryPanel panel(&model);
        panel.setThumbnailSize(96);
        panel.resize(500, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QListView *view = panel.view();
        // The view reads pages until it is filled, and not the whole library.
        QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
        QVERIFY(model.rowCount() >= pageSize);
        QVERIFY2(model.rowCount() < images, qPrintable(QString::number(model.rowCount())));
        QCOMPARE(model.rowCount() % pageSize, 0);
        QScrollBar *bar = view->verticalScrollBar();
        for (int read = model.rowCount(); read < images; read = model.rowCount()) {
            // The rows read last are laid out (the view does that later): then to the end.
            QTRY_VERIFY(bar->maximum() > bar->value());
            bar->setValue(bar->maximum());
            QTRY_VERIFY(model.rowCount() > read);
        }
        QCOMPARE(model.rowCount(), images);
        QCOMPARE(model.imageAt(images - 1).request.prompt, u"the oldest, a zebra"_s);

        model.libraryChanged(); // starts again at the first page

        QTRY_VERIFY(model.rowCount() < images);
        QTest::keyClicks(panel.searchField(), u"zebra"_s);
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(model.imageAt(0).request.prompt, u"the oldest, a zebra"_s);
    }

    void compareShowsBothRecipes()
    {
        LibraryModel model(&m_store);
        CompareDialog dialog(model.imageAt(0), model.imageAt(1));
        QTableWidget *table = dialog.table();
        QVERIFY(table->rowCount() >= 4);
        QCOMPARE(table->item(1, 0)->text(), u"Model"_s);
        QVERIFY(table->item(1, 1)->font().bold()); // the two models differ
        QCOMPARE(table->item(0, 0)->text(), u"Mode"_s);
        QVERIFY(!table->item(0, 1)->font().bold()); // both generations
    }

    void thumbnailsAreMadeOffTheGuiThreadAndCached()
    {
        LibraryModel model(&m_store);
        const QModelIndex first = model.index(0);
        QVERIFY(model.data(first, Qt::DecorationRole).isNull()); // not yet: requested
        QTRY_VERIFY(!model.data(first, Qt::DecorationRole).value<QImage>().isNull());
        const QImage thumbnail = model.data(first, Qt::DecorationRole).value<QImage>();
        QVERIFY(thumbnail.width() <= LibraryModel::ThumbnailSize
                && thumbnail.height() <= LibraryModel::ThumbnailSize);
        QVERIFY(QFile::exists(
            model.thumbnailPath(model.data(first, LibraryModel::IdRole).toLongLong())));
    }

    void currentImageChangedFollowsSelectionAndArrows()
    {
        LibraryModel model(&m_store);
        GalleryPanel panel(&model);
        panel.resize(900, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy current(&panel, &GalleryPanel::currentImageChanged);
        QListView *view = panel.view();
        QCOMPARE(view->objectName(), u"galleryView"_s);
        view->setFocus();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(view->model()->index(0, 0)).center());
        QCOMPARE(current.count(), 1);
        QCOMPARE(current.last().at(0).toString(), model.imageAt(0).path);
        QCOMPARE(current.last().at(1).toInt(), 0);
        QCOMPARE(current.last().at(2).toLongLong(), model.imageAt(0).id);
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(current.count(), 2);
        QCOMPARE(current.last().at(0).toString(), model.imageAt(1).path);
        QCOMPARE(current.last().at(1).toInt(), 1);
        QCOMPARE(current.last().at(2).toLongLong(), model.imageAt(1).id);
        QTest::keyClick(view, Qt::Key_End);
        QCOMPARE(current.last().at(1).toInt(), 2);
    }

    // F, Ctrl+C and Delete act on the selected thumbnails as they do in the viewer; the menu
    // shows the keys.
    void keysActOnTheSelectedThumbnails()
    {
        LibraryModel model(&m_store);
        GalleryPanel panel(&model);
        panel.resize(900, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QListView *view = panel.view();
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        for (int row = 0; row < 3; ++row)
            QVERIFY(model.setFavourite(row, false));
        view->setCurrentIndex(view->model()->index(1, 0));
        QTest::keyClick(view, Qt::Key_F);
        QTRY_VERIFY(model.imageAt(1).favourite);
        QVERIFY(!model.imageAt(0).favourite);
        QTest::keyClick(view, Qt::Key_F);
        QTRY_VERIFY(!model.imageAt(1).favourite);
        // Two selected, one a favourite: both become favourites.
        QVERIFY(model.setFavourite(0, true));
        view->selectionModel()->select(view->model()->index(0, 0), QItemSelectionModel::Select);
        QCOMPARE(view->selectionModel()->selectedIndexes().size(), 2);
        QTest::keyClick(view, Qt::Key_F);
        QTRY_VERIFY(model.imageAt(0).favourite && model.imageAt(1).favourite);
        QVERIFY(!model.imageAt(2).favourite);

        QGuiApplication::clipboard()->clear();
        view->setCurrentIndex(view->model()->index(2, 0));
        QTest::keySequence(view, QKeySequence::Copy);
        QTRY_VERIFY(!QGuiApplication::clipboard()->image().isNull());
        QCOMPARE(QGuiApplication::clipboard()->image().size(), QSize(300, 200));

        // Delete asks first; No keeps the image.
        QString asked;
        QTimer::singleShot(0, this, [&asked] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(widget);
                    box && box->objectName() == u"confirmDelete"_s) {
                    asked = box->text();
                    box->reject();
                }
            }
        });
        QTest::keyClick(view, Qt::Key_Delete);
        QTRY_VERIFY(!asked.isEmpty());
        QCOMPARE(model.rowCount(), 3);
        for (const char *name : {"galleryFavourite", "galleryCopy", "galleryDelete"}) {
            auto *action = panel.findChild<QAction *>(QString::fromLatin1(name));
            QVERIFY2(action && !action->shortcut().isEmpty(), name);
        }
    }

    void thumbnailSizeIsAdjustableAndRemembered()
    {
        StudioSettings::thumbnailSize.clear();
        LibraryModel model(&m_store);
        {
            GalleryPanel panel(&model);
            QListView *view = panel.view();
            auto *slider = panel.findChild<QSlider *>(u"thumbnailSize"_s);
            QVERIFY(slider);
            QCOMPARE(view->iconSize(), QSize(128, 128)); // the default
            slider->setValue(160);
            QCOMPARE(view->iconSize(), QSize(160, 160));
            QVERIFY(view->gridSize().width() > 160);
            // Ctrl+wheel over the thumbnails: a notch is one step of the slider.
            const QPointF at(20, 20);
            QWheelEvent larger(at, view->viewport()->mapToGlobal(at), {}, QPoint(0, 120),
                               Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(view->viewport(), &larger);
            QCOMPARE(view->iconSize(), QSize(176, 176));
            QCOMPARE(slider->value(), 176);
            QWheelEvent smaller(at, view->viewport()->mapToGlobal(at), {}, QPoint(0, -360),
                                Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(view->viewport(), &smaller);
            QCOMPARE(view->iconSize(), QSize(128, 128));
            panel.setThumbnailSize(1000); // never larger than the thumbnails are made
            QCOMPARE(view->iconSize().width(), LibraryModel::ThumbnailSize);
            panel.setThumbnailSize(96);
        }
        GalleryPanel again(&model);
        QCOMPARE(again.view()->iconSize(), QSize(96, 96));
        QCOMPARE(again.findChild<QSlider *>(u"thumbnailSize"_s)->value(), 96);
    }

    void favouritesAndSelectionAreDrawnOnTheThumbnails()
    {
        LibraryModel model(&m_store);
        GalleryPanel panel(&model);
        panel.setThumbnailSize(128);
        panel.resize(900, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QListView *view = panel.view();
        for (int row = 0; row < 3; ++row) {
            QTRY_VERIFY(!model.data(model.index(row), Qt::DecorationRole).isNull());
            QVERIFY(model.setFavourite(row, row == 1));
        }
        view->setCurrentIndex(view->model()->index(0, 0));
        view->clearFocus();
        const QImage shown = view->viewport()->grab().toImage();
        const QColor highlight = view->palette().color(QPalette::Highlight);
        const QColor star = ThumbnailDelegate::starColor();
        const auto item = [&](int row) {
            return view->visualRect(view->model()->index(row, 0));
        };
        QVERIFY(pixelsNear(shown, item(1), star, 10) > 20); // the favourite's star
        QCOMPARE(pixelsNear(shown, item(0), star, 10), 0);
        QCOMPARE(pixelsNear(shown, item(2), star, 10), 0);
        QVERIFY(pixelsNear(shown, item(0), highlight, 6) > 100); // the selected one's frame
        QCOMPARE(pixelsNear(shown, item(1), highlight, 6), 0);
        QCOMPARE(pixelsNear(shown, item(2), highlight, 6), 0);
        QVERIFY(model.setFavourite(1, false));
    }

    void emptyStatesSayWhatToDo()
    {
        QTemporaryDir emptyFolder;
        LibraryStore empty;
        const Status opened = empty.open(emptyFolder.path());
        QVERIFY2(opened, qPrintable(opened.error()));
        LibraryModel nothing(&empty);
        GalleryPanel fresh(&nothing);
        fresh.resize(600, 300);
        fresh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fresh));
        auto *view = fresh.findChild<GalleryView *>(u"galleryView"_s);
        QVERIFY(view->emptyText().startsWith(u"Your images will appear here"_s));
        // The sentence is painted in the middle of the view.
        const QImage painted = view->viewport()->grab().toImage();
        const QColor ground = painted.pixelColor(2, 2);
        const QRect middle(painted.width() / 4, painted.height() / 3, painted.width() / 2,
                           painted.height() / 3);
        QVERIFY(pixelsNear(painted, middle, ground, 2) < middle.width() * middle.height());

        LibraryModel model(&m_store);
        GalleryPanel panel(&model);
        auto *search = panel.findChild<GalleryView *>(u"galleryView"_s);
        QTest::keyClicks(panel.searchField(), u"zebra"_s);
        QTRY_COMPARE(model.rowCount(), 0);
        QCOMPARE(search->emptyText(), u"No images match 'zebra'"_s);
        panel.searchField()->clear();
        QTRY_COMPARE(model.rowCount(), 3);
        for (int row = 0; row < 3; ++row)
            QVERIFY(model.setFavourite(row, false));
        auto *favourites = panel.findChild<QToolButton *>(u"favouritesOnly"_s);
        favourites->setChecked(true);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(search->emptyText().startsWith(u"No favourites yet"_s));
        favourites->setChecked(false);
    }
};

QTEST_MAIN(TestGalleryPanel)
#include "tst_gallerypanel.moc"
