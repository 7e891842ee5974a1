#include "gallery/comparedialog.h"
#include "gallery/gallerypanel.h"
#include "library/librarymodel.h"
#include "library/librarystore.h"

#include <QBuffer>
#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestGalleryPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    LibraryStore m_store;

    void save(const QString &prompt, const QString &model, const QColor &color)
    {
        QImage image(300, 200, QImage::Format_RGB32);
        image.fill(color);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        LibraryImage entry;
        entry.request.prompt = prompt;
        entry.request.model = model;
        entry.size = image.size();
        entry.format = u"png"_s;
        const Result<QString> path = LibraryStore::writeFiles(m_store.folder(), entry, bytes);
        QVERIFY2(path, qPrintable(path.error()));
        entry.path = *path;
        const Result<qint64> id = m_store.add(entry);
        QVERIFY2(id, qPrintable(id.error()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
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
};

QTEST_MAIN(TestGalleryPanel)
#include "tst_gallerypanel.moc"
