#include "crashedjob.h"
#include "library/contentfiles.h"
#include "library/libraryindex.h"
#include "library/librarymodel.h"
#include "library/librarystore.h"
#include "libraryimages.h"
#include "platform/leftovers.h"
#include "platform/safefiles.h"
#include "processids.h"

#include <QDir>
#include <QDirIterator>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <utime.h>

using namespace Atelier;

Q_DECLARE_METATYPE(Atelier::ContentFiles::Durability)
Q_DECLARE_METATYPE(Atelier::LibraryStore::IntegrityCheck)
using namespace Qt::StringLiterals;

namespace {

QByteArray pngBytes(const QColor &color)
{
    QImage image(32, 24, QImage::Format_RGB32);
    image.fill(color);
    return ContentFiles::png(image);
}

LibraryImage entry(const QString &prompt, const QString &model)
{
    LibraryImage image;
    image.request.prompt = prompt;
    image.request.model = model;
    image.size = QSize(32, 24);
    image.format = u"png"_s;
    return image;
}

QStringList imageFiles(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, {u"*.png"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

} // namespace

class TestLibraryStore : public QObject
{
    Q_OBJECT

private:
    static qint64 save(LibraryStore &store, const QString &prompt,
                       const QString &model = u"gpt-image-1.5"_s)
    {
        return saveAt(store, prompt, QDateTime(), model);
    }

    // Saved as at `savedAt` (invalid: now).
    // `batch`: the Batch API batch it came from, if any.
    static qint64 saveAt(LibraryStore &store, const QString &prompt, const QDateTime &savedAt,
                         const QString &model = u"gpt-image-1.5"_s, const QString &batch = {})
    {
        LibraryImage image = entry(prompt, model);
        image.savedAt = savedAt;
        if (!batch.isEmpty())
            image.batch = {{u"id"_s, batch}, {u"custom_id"_s, prompt}};
        const Result<QString> path
            = LibraryStore::writeFiles(store.folder(), image, pngBytes(Qt::red));
        if (!path)
            qFatal("%s", qPrintable(path.error()));
        image.path = *path;
        const Result<qint64> id = store.add(image);
        if (!id)
            qFatal("%s", qPrintable(id.error()));
        return *id;
    }

private:
    QTemporaryDir m_scratch;

private Q_SLOTS:
    void initTestCase()
    {
        // Removing moves files to the trash: keep the test's out of the user's trash, and out
        // of the working directory, where Qt puts the trash when it cannot see the mounts.
        qputenv("XDG_DATA_HOME", m_scratch.filePath(u"data"_s).toUtf8());
        QVERIFY(QDir::setCurrent(m_scratch.path()));
    }

    void addQueryAndSearch()
    {
        QTemporaryDir dir;
        LibraryStore store;
        QString error;
        {
            const Status opened = store.open(dir.path());
            QVERIFY2(opened, qPrintable(opened.error()));
        }
        save(store, u"a red fox in the snow"_s);
        save(store, u"a lighthouse at dusk, oil painting"_s, u"dall-e-3"_s);
        const qint64 third = save(store, u"the fox and the lighthouse"_s, u"gpt-image-2"_s);
        QCOMPARE(store.count(), 3);
        QCOMPARE(store.query({}).size(), 3);
        QCOMPARE(store.query({}).first().id, third); // newest first

        auto search = [&](const QString &text) {
            LibraryQuery query;
            query.text = text;
            return store.query(query).size();
        };
        QCOMPARE(search(u"fox"_s), 2);
        QCOMPARE(search(u"lighthouse fox"_s), 1); // every word
        QCOMPARE(search(u"light"_s), 2); // prefixes
        QCOMPARE(search(u"\"unbalanced"_s), 0); // odd input is not an error
        QCOMPARE(search(u"zebra"_s), 0);

        LibraryQuery byModel;
        byModel.model = u"dall-e-3"_s;
        QCOMPARE(store.query(byModel).size(), 1);
        QCOMPARE(store.models(),
                 (QStringList {u"dall-e-3"_s, u"gpt-image-1.5"_s, u"gpt-image-2"_s}));

        QVERIFY(store.setFavourite(third, true));
        LibraryQuery favourites;
        favourites.favouritesOnly = true;
        QCOMPARE(store.query(favourites).size(), 1);
        const std::optional<LibraryImage> image = store.image(third);
        QVERIFY(image);
        QCOMPARE(image->request.prompt, u"the fox and the lighthouse"_s);
        QVERIFY(image->favourite);
        QVERIFY(QFile::exists(image->path));
    }

    void removeDeletesFilesAndRows()
    {
        QTemporaryDir dir;
        LibraryStore store;
        QString error;
        QVERIFY(store.open(dir.path()));
        const qint64 id = save(store, u"to be removed"_s);
        const QString path = store.image(id)->path;
        QCOMPARE(store.remove({id}), 1);
        QCOMPARE(store.count(), 0);
        QVERIFY(!QFile::exists(path));
        LibraryQuery query;
        query.text = u"removed"_s;
        QCOMPARE(store.query(query).size(), 0); // gone from the search index too
    }

    void gifAndSvgImagesStayInTheLibrary()
    {
        QTemporaryDir dir;
        QString error;
        QString svgPath;
        QString orphanGif;
        const QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" "
                               "height=\"8\"><rect width=\"8\" height=\"8\"/></svg>";
        const QByteArray gif("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff,"
                             "\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;",
                             35);
        {
            LibraryStore store;
            QVERIFY(store.open(dir.path()));
            LibraryImage vector = entry(u"a logo"_s, u"gpt-image-2.6-flare"_s);
            vector.format = u"svg"_s;
            const Result<QString> vectorPath
                = LibraryStore::writeFiles(store.folder(), vector, svg);
            vector.path = vectorPath.valueOr(QString());
            QVERIFY2(vector.path.endsWith(u".svg"_s), qPrintable(vector.path + vectorPath.error()));
            QVERIFY(store.add(vector));
            svgPath = vector.path;
            // A GIF written but never indexed (a crash between the two steps).
            LibraryImage animation = entry(u"a bouncing ball"_s, u"gpt-image-2.6-flare"_s);
            animation.format = u"gif"_s;
            const Result<QString> gifPath
                = LibraryStore::writeFiles(store.folder(), animation, gif);
            orphanGif = gifPath.valueOr(QString());
            QVERIFY2(orphanGif.endsWith(u".gif"_s), qPrintable(orphanGif + gifPath.error()));
        }
        // Reopened: the SVG is still indexed, the GIF found and indexed.
        LibraryStore reopened;
        QVERIFY(reopened.open(dir.path()));
        QCOMPARE(reopened.lastRepair().dropped, 0);
        QCOMPARE(reopened.lastRepair().indexed, 1);
        QCOMPARE(reopened.count(), 2);
        QFile file(svgPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), svg);
    }

    void reconcileRepairsBothWays()
    {
        QTemporaryDir dir;
        QString error;
        QString orphan;
        {
            LibraryStore store;
            QVERIFY(store.open(dir.path()));
            save(store, u"kept"_s);
            const qint64 lost = save(store, u"lost file"_s);
            QVERIFY(QFile::remove(store.image(lost)->path));
            // Files written but never indexed (a crash between the two steps).
            LibraryImage image = entry(u"written before a crash"_s, u"gpt-image-1"_s);
            orphan = LibraryStore::writeFiles(store.folder(), image, pngBytes(Qt::blue))
                         .valueOr(QString());
            QVERIFY(!orphan.isEmpty());
        }
        LibraryStore reopened;
        QVERIFY(reopened.open(dir.path()));
        QCOMPARE(reopened.lastRepair().indexed, 1);
        QCOMPARE(reopened.lastRepair().dropped, 1);
        QCOMPARE(reopened.count(), 2);
        LibraryQuery query;
        query.text = u"crash"_s;
        const QList<LibraryImage> found = reopened.query(query);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first().path, orphan);
        QCOMPARE(found.first().request.model, u"gpt-image-1"_s);
    }

    // The gallery's model reads a page at a time along the index's order: every image arrives
    // once, newest first (ties of the same moment by id), however the pages fall.
    void modelReadsPagesInTheGalleryOrder_data()
    {
        QTest::addColumn<int>("images");
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<bool>("sameMoment");
        QTest::newRow("empty") << 0 << 3 << false;
        QTest::newRow("less than a page") << 2 << 5 << false;
        QTest::newRow("whole pages") << 6 << 3 << false;
        QTest::newRow("a part page at the end") << 7 << 3 << false;
        QTest::newRow("one row a page") << 4 << 1 << false;
        QTest::newRow("all saved at one moment") << 7 << 3 << true;
    }

    void modelReadsPagesInTheGalleryOrder()
    {
        QFETCH(int, images);
        QFETCH(int, pageSize);
        QFETCH(bool, sameMoment);
        QTemporaryDir dir;
        LibraryStore store;
        QVERIFY(store.open(dir.path()));
        const QDateTime start = QDateTime::currentDateTime().addDays(-3);
        for (int i = 0; i < images; ++i)
            saveAt(store, u"image %1"_s.arg(i), sameMoment ? start : start.addSecs(i));
        QList<qint64> expected;
        for (const LibraryImage &image : store.query({}))
            expected.append(image.id);
        QCOMPARE(expected.size(), images);

        LibraryModel model(&store);
        model.setPageSize(pageSize);
        QCOMPARE(model.rowCount(), std::min(images, pageSize));
        QCOMPARE(model.totalCount(), images);
        QCOMPARE(model.canFetchMore(), images >= pageSize);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        int fetches = 0;
        while (model.canFetchMore()) {
            const int before = model.rowCount();
            model.fetchMore();
            QVERIFY(model.rowCount() - before <= pageSize);
            QVERIFY(++fetches <= images + 1);
        }
        QCOMPARE(inserted.size(), images > pageSize ? (images - 1) / pageSize : 0);
        QList<qint64> read;
        for (int row = 0; row < model.rowCount(); ++row)
            read.append(model.imageAt(row).id);
        QCOMPARE(read, expected);
        QCOMPARE(model.totalCount(), images);
        if (images > 0)
            QCOMPARE(model.rowOf(expected.last()), images - 1);
    }

    // A search, a model, the favourites or a batch select from the whole library, not from the rows
    // read so far, and the selection is read a page at a time too.
    void filtersFindImagesBeyondTheFirstPage_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("prompt search") << u"text"_s;
        QTest::newRow("model") << u"model"_s;
        QTest::newRow("favourites") << u"favourites"_s;
        QTest::newRow("search and favourites") << u"text+favourites"_s;
        QTest::newRow("batch") << u"batch"_s;
    }

    void filtersFindImagesBeyondTheFirstPage()
    {
        QFETCH(QString, filter);
        QTemporaryDir dir;
        LibraryStore store;
        QVERIFY(store.open(dir.path()));
        const QDateTime start = QDateTime::currentDateTime().addDays(-3);
        // The two oldest images are the ones selected: last in the gallery's order.
        QList<qint64> chosen;
        for (int i = 0; i < 2; ++i) {
            chosen.prepend(saveAt(store, u"a zebra crossing %1"_s.arg(i), start.addSecs(i),
                                  u"dall-e-3"_s, u"batch_zebra"_s));
            QVERIFY(store.setFavourite(chosen.first(), true));
        }
        for (int i = 2; i < 12; ++i) // one of another batch: only the batch's own are chosen
            saveAt(store, u"a lighthouse at dusk %1"_s.arg(i), start.addSecs(i), u"gpt-image-1.5"_s,
                   i == 5 ? u"batch_other"_s : QString());

        LibraryModel model(&store);
        model.setPageSize(1);
        QCOMPARE(model.rowOf(chosen.first()), -1); // not read yet
        QCOMPARE(model.totalCount(), 12);
        LibraryQuery query;
        if (filter.contains(u"text"_s))
            query.text = u"zebra"_s;
        if (filter == u"model"_s)
            query.model = u"dall-e-3"_s;
        if (filter.contains(u"favourites"_s))
            query.favouritesOnly = true;
        if (filter == u"batch"_s)
            query.batch = u"batch_zebra"_s;
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.totalCount(), 2);
        QCOMPARE(model.imageAt(0).id, chosen.first());
        QVERIFY(model.canFetchMore());
        model.fetchMore();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.imageAt(1).id, chosen.last());
        model.fetchAll();
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.canFetchMore());
        // The filter still applies to what changes: a favourite taken back leaves the selection.
        if (query.favouritesOnly) {
            QVERIFY(model.setFavourite(0, false));
            model.reload();
            QCOMPARE(model.rowCount(), 1);
            QCOMPARE(model.imageAt(0).id, chosen.last());
        }
    }

    // Reading again (a new image, a removal) keeps as many rows as were read, so the view keeps
    // its place; another query starts again at its first page.
    void reloadKeepsTheRowsRead()
    {
        QTemporaryDir dir;
        LibraryStore store;
        QVERIFY(store.open(dir.path()));
        const QDateTime start = QDateTime::currentDateTime().addDays(-3);
        for (int i = 0; i < 10; ++i)
            saveAt(store, u"image %1"_s.arg(i), start.addSecs(i));
        LibraryModel model(&store);
        model.setPageSize(3);
        model.fetchMore();
        QCOMPARE(model.rowCount(), 6);
        const qint64 deep = model.imageAt(4).id;
        saveAt(store, u"a new one"_s, QDateTime());
        model.setQuery(model.query()); // what the gallery does when an image was saved
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.rowOf(deep), 5); // one row down
        QVERIFY(model.canFetchMore());
        QCOMPARE(model.totalCount(), 11);
        LibraryQuery search;
        search.text = u"image"_s;
        model.setQuery(search);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.totalCount(), 10);
    }

    // Libraries made before paging get the index the pages are read along when they open.
    void anOlderIndexGetsTheGalleryOrderIndex()
    {
        QTemporaryDir dir;
        {
            LibraryStore store;
            QVERIFY(store.open(dir.path()));
            save(store, u"made by an older version"_s);
        }
        const auto indexes = [&dir] {
            QStringList names;
            const QString connection = u"inspect-indexes"_s;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
                db.setDatabaseName(dir.filePath(LibraryIndex::fileName()));
                if (db.open()) {
                    QSqlQuery query(u"SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                    "name LIKE 'images_saved%' ORDER BY name"_s,
                                    db);
                    while (query.next())
                        names.append(query.value(0).toString());
                }
            }
            QSqlDatabase::removeDatabase(connection);
            return names;
        };
        const auto run = [&dir](const QStringList &statements) {
            const QString connection = u"older-index"_s;
            bool done = true;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
                db.setDatabaseName(dir.filePath(LibraryIndex::fileName()));
                done = db.open();
                for (const QString &statement : statements)
                    done = done && QSqlQuery(db).exec(statement);
            }
            QSqlDatabase::removeDatabase(connection);
            return done;
        };
        QCOMPARE(indexes(), QStringList {u"images_saved_id"_s});
        QVERIFY(run({u"DROP INDEX images_saved_id"_s,
                     u"CREATE INDEX images_saved ON images(saved_at DESC)"_s}));
        QCOMPARE(indexes(), QStringList {u"images_saved"_s});
        LibraryStore reopened;
        QVERIFY(reopened.open(dir.path()));
        QVERIFY(!reopened.lastRepair().rebuilt);
        QCOMPARE(indexes(), QStringList {u"images_saved_id"_s});
        QCOMPARE(reopened.count(), 1);
    }

    // Opening reads only the folders whose entries changed since the last open (their times
    // moved), so it costs the same in a library of any size; what changed is still found.
    void reconcileReadsOnlyChangedFolders_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<int>("indexed");
        QTest::addColumn<int>("dropped");
        QTest::newRow("nothing") << u"nothing"_s << 0 << 0;
        QTest::newRow("an image written before a crash") << u"added"_s << 1 << 0;
        QTest::newRow("an image deleted") << u"removed"_s << 0 << 1;
        QTest::newRow("a month folder deleted") << u"folder removed"_s << 0 << 2;
        // The folder's time set back by hand: it is not read, so the file is not seen (the
        // proof that unchanged folders are skipped).
        QTest::newRow("a file planted with the time set back") << u"planted"_s << 0 << 0;
    }

    void reconcileReadsOnlyChangedFolders()
    {
        QFETCH(QString, change);
        QFETCH(int, indexed);
        QFETCH(int, dropped);
        QTemporaryDir dir;
        const QDateTime old = QDateTime::currentDateTime().addDays(-70);
        QString oldFolder;
        QString oldImage;
        const auto setBack = [](const QString &folder) {
            const qint64 hourAgo = QDateTime::currentSecsSinceEpoch() - 3600;
            struct utimbuf times = {hourAgo, hourAgo};
            return ::utime(QFile::encodeName(folder).constData(), &times) == 0;
        };
        {
            LibraryStore store;
            QVERIFY(store.open(dir.path()));
            save(store, u"this month"_s);
            saveAt(store, u"long ago"_s, old);
            oldImage = store.image(saveAt(store, u"long ago too"_s, old.addSecs(1)))->path;
            oldFolder = QFileInfo(oldImage).path();
        }
        const QStringList folders = QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(folders.size(), 2);
        for (const QString &folder : folders)
            QVERIFY(setBack(dir.filePath(folder)));
        {
            LibraryStore store; // finds every folder as it is: nothing to repair
            QVERIFY(store.open(dir.path()));
            QCOMPARE(store.lastRepair().indexed, 0);
            QCOMPARE(store.lastRepair().dropped, 0);
        }
        if (change == u"added"_s || change == u"planted"_s) {
            LibraryImage image = entry(u"written before a crash"_s, u"gpt-image-1"_s);
            image.savedAt = old;
            const QString orphan = LibraryStore::writeFiles(dir.path(), image, pngBytes(Qt::blue))
                                       .valueOr(QString());
            QCOMPARE(QFileInfo(orphan).path(), oldFolder);
            if (change == u"planted"_s)
                QVERIFY(setBack(oldFolder));
        } else if (change == u"removed"_s) {
            QVERIFY(QFile::remove(oldImage));
        } else if (change == u"folder removed"_s) {
            QVERIFY(QDir(oldFolder).removeRecursively());
        }
        LibraryStore reopened;
        QVERIFY(reopened.open(dir.path()));
        QCOMPARE(reopened.lastRepair().indexed, indexed);
        QCOMPARE(reopened.lastRepair().dropped, dropped);
        QCOMPARE(reopened.count(), 3 + indexed - dropped);
    }

    // Only folders inside the library that are hidden (.trash, .partials…) are not the
    // library's images: a library kept under a hidden folder (the fallback library lives in
    // ~/.local/share) keeps its images when it opens again.
    void aLibraryUnderAHiddenFolderKeepsItsImages()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u".local/share/library"_s);
        {
            LibraryStore store;
            QVERIFY(store.open(folder));
            save(store, u"kept"_s);
        }
        LibraryStore reopened;
        QVERIFY(reopened.open(folder));
        QCOMPARE(reopened.lastRepair().dropped, 0);
        QCOMPARE(reopened.count(), 1);
    }

    // The files are the truth: an index that is not a database, is cut short, or was made by
    // another program is kept aside under a dated name and made anew from the images and their
    // recipes, lineage and favourites included; nothing is lost and the library stays usable.
    // Checked on open, or (the studio's start) only the structure on open and every page after
    // the first paint: damage to the structure is found on open either way, a damaged page by
    // findDamage(), and rebuild() makes the index anew as opening does.
    void aDamagedIndexIsRebuiltFromTheFiles_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<LibraryStore::IntegrityCheck>("check");
        const std::pair<const char *, LibraryStore::IntegrityCheck> checks[] = {
            {"on open", LibraryStore::IntegrityCheck::OnOpen},
            {"later", LibraryStore::IntegrityCheck::Later},
        };
        for (const auto &[name, check] : checks) {
            QTest::addRow("garbage, %s", name) << u"garbage"_s << check;
            QTest::addRow("truncated, %s", name) << u"truncated"_s << check;
            QTest::addRow("foreign schema, %s", name) << u"foreign"_s << check;
            QTest::addRow("tables dropped, %s", name) << u"dropped"_s << check;
            QTest::addRow("a damaged page, %s", name) << u"page"_s << check;
        }
    }

    void aDamagedIndexIsRebuiltFromTheFiles()
    {
        QFETCH(QString, damage);
        QFETCH(LibraryStore::IntegrityCheck, check);
        QTemporaryDir dir;
        QString error;
        QString childPath;
        {
            LibraryStore store;
            QVERIFY(store.open(dir.path()));
            const qint64 parent = save(store, u"a red fox"_s);
            QVERIFY(store.setFavourite(parent, true));
            LibraryImage child = entry(u"the fox at night"_s, u"gpt-image-2"_s);
            child.parentPath = store.image(parent)->path;
            child.parentId = parent;
            child.path = LibraryStore::writeFiles(store.folder(), child, pngBytes(Qt::blue))
                             .valueOr(QString());
            QVERIFY(store.add(child));
            childPath = child.path;
            for (int i = 0; i < 40; ++i) // enough pages for a cut to land inside the tables
                save(store, u"filler %1 "_s.arg(i) + QString(200, u'x'));
        }
        const QString index = dir.filePath(u"library.sqlite3"_s);
        QFile file(index);
        if (damage == u"garbage") {
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QByteArray(64 * 1024, '\x5a'));
        } else if (damage == u"truncated") {
            const qint64 size = file.size();
            QVERIFY(size > 8192);
            QVERIFY(file.resize(size / 2));
        } else if (damage == u"page") {
            // The page of an index on the images (read by neither open nor reconcile).
            QVERIFY(AtelierTest::damagePage(index, u"images_model"_s));
        } else {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damage"_s);
            db.setDatabaseName(index);
            QVERIFY(db.open());
            QSqlQuery query(db);
            if (damage == u"foreign") {
                QVERIFY(query.exec(u"DROP TABLE images"_s));
                QVERIFY(query.exec(u"CREATE TABLE images(id INTEGER PRIMARY KEY, name TEXT)"_s));
            } else {
                QVERIFY(query.exec(u"DROP TABLE images"_s));
                QVERIFY(query.exec(u"DROP TABLE jobs"_s));
            }
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(u"damage"_s);
        }
        file.close();
        const QByteArray damagedBytes = [&index] {
            QFile f(index);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        LibraryStore store;
        {
            const Status opened = store.open(dir.path(), check);
            QVERIFY2(opened, qPrintable(opened.error()));
        }
        if (damage == u"page" && check == LibraryStore::IntegrityCheck::Later) {
            QVERIFY(!store.lastRepair().rebuilt); // not read yet
            const std::optional<QString> found = LibraryStore::findDamage(dir.path());
            QVERIFY(found);
            QVERIFY(!found->isEmpty());
            const Status rebuilt = store.rebuild(*found);
            QVERIFY2(rebuilt, qPrintable(rebuilt.error()));
        }
        QVERIFY(!LibraryStore::findDamage(dir.path())); // the new index is sound
        QCOMPARE(store.count(), 42);
        QCOMPARE(store.lastRepair().indexed, 42);
        {
            QVERIFY(store.lastRepair().rebuilt);
            QVERIFY(!store.lastRepair().damage.isEmpty());
            const QString aside = store.lastRepair().movedAside;
            QVERIFY2(QFileInfo(aside).fileName().startsWith(u"library.sqlite3.damaged-"_s),
                     qPrintable(aside));
            QFile kept(aside);
            QVERIFY(kept.open(QIODevice::ReadOnly));
            if (check == LibraryStore::IntegrityCheck::OnOpen || damage != u"page")
                QCOMPARE(kept.readAll(), damagedBytes); // kept as it was
            else
                QVERIFY(kept.size() > 0); // kept as it was used until the check found the damage
        }
        const std::optional<LibraryImage> child = store.imageAt(childPath);
        QVERIFY(child);
        const QList<LibraryImage> chain = store.lineage(child->id);
        QCOMPARE(chain.size(), 2);
        QCOMPARE(chain.first().request.prompt, u"a red fox"_s);
        QVERIFY(chain.first().favourite);
        LibraryQuery favourites;
        favourites.favouritesOnly = true;
        QCOMPARE(store.query(favourites).size(), 1);
        // And it works as an index again: new images, the journal.
        save(store, u"after the repair"_s);
        QCOMPARE(store.count(), 43);
        ImageRequest request;
        request.prompt = u"journaled"_s;
        QVERIFY(store.journalStart(request) > 0);
    }

    // The index is rebuilt from the files alone (the database was lost): edits still know the
    // image they came from, also when the child is found before its parent.
    void lineageSurvivesRebuildingTheIndex()
    {
        QTemporaryDir dir;
        QString error;
        QString grandchildPath;
        {
            LibraryStore store;
            QVERIFY(store.open(dir.path()));
            LibraryImage child = entry(u"an edit of an edit"_s, u"gpt-image-1"_s);
            LibraryImage parent = entry(u"an edit"_s, u"gpt-image-1"_s);
            LibraryImage root = entry(u"the original"_s, u"gpt-image-1"_s);
            // Saved in reverse order (the files are met in whatever order the folder lists them).
            root.savedAt = QDateTime(QDate(2026, 11, 3), QTime(12, 0));
            parent.savedAt = QDateTime(QDate(2026, 11, 2), QTime(12, 0));
            child.savedAt = QDateTime(QDate(2026, 11, 1), QTime(12, 0));
            root.path = LibraryStore::writeFiles(store.folder(), root, pngBytes(Qt::red))
                            .valueOr(QString());
            parent.parentPath = root.path;
            parent.path = LibraryStore::writeFiles(store.folder(), parent, pngBytes(Qt::green))
                              .valueOr(QString());
            child.parentPath = parent.path;
            const Result<QString> written
                = LibraryStore::writeFiles(store.folder(), child, pngBytes(Qt::blue));
            QVERIFY2(written, qPrintable(written.error()));
            grandchildPath = *written;
        }
        QVERIFY(QFile::remove(dir.filePath(u"library.sqlite3"_s)));
        LibraryStore rebuilt;
        QVERIFY(rebuilt.open(dir.path()));
        QCOMPARE(rebuilt.lastRepair().indexed, 3);
        const std::optional<LibraryImage> grandchild = rebuilt.imageAt(grandchildPath);
        QVERIFY(grandchild);
        QStringList prompts;
        for (const LibraryImage &image : rebuilt.lineage(grandchild->id))
            prompts.append(image.request.prompt);
        QCOMPARE(prompts, (QStringList {u"the original"_s, u"an edit"_s, u"an edit of an edit"_s}));
        // The recipe names the parent relative to the library: the folder may move.
        QFile recipe(QFileInfo(grandchildPath)
                         .dir()
                         .filePath(QFileInfo(grandchildPath).completeBaseName() + u".json"_s));
        QVERIFY(recipe.open(QIODevice::ReadOnly));
        QVERIFY(!QJsonDocument::fromJson(recipe.readAll())
                     .object()
                     .value(u"parent"_s)
                     .toString()
                     .startsWith(u'/'));
    }

    // A request is "unfinished" only when the process that sent it is gone: the jobs of a
    // running process (this one, another window) are its own.
    void journalListsUnfinishedJobs()
    {
        QTemporaryDir dir;
        QString error;
        ImageRequest request;
        request.prompt = u"interrupted"_s;
        request.model = u"gpt-image-2"_s;
        QVERIFY(Testing::journalOfACrashedProcess(dir.path(), request) > 0);
        LibraryStore store;
        QVERIFY(store.open(dir.path()));
        ImageRequest running = request;
        running.prompt = u"running here"_s;
        const qint64 mine = store.journalStart(running);
        const qint64 done = store.journalStart(request);
        store.journalFinish(done);
        QCOMPARE(store.journaledJobs().size(), 2);
        const QList<JournaledJob> jobs = store.unfinishedJobs();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().request.prompt, u"interrupted"_s);
        QVERIFY(jobs.first().ownerGone);
        QCOMPARE(store.journaledJobs().last().id, mine);
        QVERIFY(!store.journaledJobs().last().ownerGone);
        // Claimed, it is this process's: no other window finds it unfinished any more.
        const QList<JournaledJob> claimed = store.claimUnfinishedJobs();
        QCOMPARE(claimed.size(), 1);
        QVERIFY(store.unfinishedJobs().isEmpty());
        LibraryStore other;
        QVERIFY(other.open(dir.path()));
        QVERIFY(other.claimUnfinishedJobs().isEmpty());
        store.journalFinish(claimed.first().id);
        store.journalFinish(mine);
        QVERIFY(store.journaledJobs().isEmpty());
    }

    // What the studio journals beside a recipe (the edited image, what its result keeps) comes
    // back as it went in, also from an index made before the journal kept it (the column is
    // added; its entries have none).
    void journalKeepsTheContextOfAJob()
    {
        QTemporaryDir dir;
        {
            LibraryStore older;
            QVERIFY(older.open(dir.path()));
            ImageRequest journaled;
            journaled.prompt = u"older"_s;
            QVERIFY(older.journalStart(journaled) > 0);
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"older"_s);
            db.setDatabaseName(QDir(dir.path()).filePath(LibraryIndex::fileName()));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY2(query.exec(u"ALTER TABLE jobs DROP COLUMN context"_s),
                     qPrintable(query.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"older"_s);
        ImageRequest request;
        request.prompt = u"an edit"_s;
        const QJsonObject context {{u"parent_path"_s, u"/library/a.png"_s},
                                   {u"edit"_s, QJsonObject {{u"refine"_s, QJsonObject()}}}};
        LibraryStore store;
        QVERIFY(store.open(dir.path()));
        const qint64 id = store.journalStart(request, context);
        QVERIFY(id > 0);
        const QList<JournaledJob> jobs = store.journaledJobs();
        QCOMPARE(jobs.size(), 2);
        QCOMPARE(jobs.at(0).request.prompt, u"older"_s);
        QVERIFY(jobs.at(0).context.isEmpty());
        QCOMPARE(jobs.at(1).id, id);
        QCOMPARE(jobs.at(1).context, context);
    }

    // An entry whose pid runs again, but as another process (the pid was reused), is unfinished.
    void reusedProcessIdsDoNotHideUnfinishedJobs()
    {
        QVERIFY(ownerIsGone(0, {}, {}));
        const qint64 self = QCoreApplication::applicationPid();
        QVERIFY(!ownerIsGone(self, processStartToken(self), machineName()));
        QVERIFY(ownerIsGone(self, u"another-boot/123"_s, machineName()));
        QVERIFY(!ownerIsGone(self, processStartToken(self), u"another-computer"_s));
        QVERIFY(!processStartToken(self).isEmpty());
    }

    void partialsOfClosedJobsAreSwept()
    {
        // A crash between closing a journal entry and removing its partials folder leaves the
        // folder: the next open removes it (its job finished); a new job whose id comes back
        // never finds another job's partials.
        QTemporaryDir dir;
        auto leftover = [&dir](qint64 id) {
            const QString folder = dir.filePath(u".partials/job-%1"_s.arg(id));
            QDir().mkpath(folder);
            QFile file(folder + u"/image0-partial0.png"_s);
            return file.open(QIODevice::WriteOnly)
                && file.write(ContentFiles::png(QImage(4, 4, QImage::Format_RGB32))) > 0;
        };
        QVERIFY(leftover(1));
        QVERIFY(leftover(77));
        QString error;
        {
            LibraryStore store;
            {
                const Status opened = store.open(dir.path());
                QVERIFY2(opened, qPrintable(opened.error()));
            }
            QVERIFY(!QFileInfo::exists(dir.filePath(u".partials/job-77"_s)));
            QVERIFY(!QFileInfo::exists(dir.filePath(u".partials/job-1"_s)));
            QVERIFY(store.journaledJobs().isEmpty());

            QVERIFY(leftover(1)); // appears while the library is open (another process, say)
            ImageRequest request;
            request.prompt = u"new job"_s;
            const qint64 id = store.journalStart(request);
            QCOMPARE(id, 1);
            QCOMPARE(store.journaledJobs().size(), 1);
            QVERIFY(store.journaledJobs().first().partialFiles.isEmpty()); // not the old job's
        }
        // A job still journaled keeps its partials across an open.
        {
            LibraryStore store;
            QVERIFY(store.open(dir.path()));
            QVERIFY(leftover(1));
            QVERIFY(store.open(dir.path()));
            QCOMPARE(store.journaledJobs().first().partialFiles.size(), 1);
        }
    }

    void imagesWrittenAsTheyArriveAreMovedIntoPlace()
    {
        QTemporaryDir dir;
        QString error;
        LibraryStore store;
        QVERIFY(store.open(dir.path()));
        const QByteArray bytes = pngBytes(Qt::blue);
        const auto incoming = [&] {
            const QString path = LibraryStore::incomingPath(dir.path()).valueOr(QString());
            QFile file(path);
            if (!path.startsWith(dir.filePath(u".incoming/"_s))
                || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
                || file.write(bytes) != bytes.size())
                return QString();
            return path;
        };
        // A final image: under the name writeFiles() gives, with its recipe.
        const QString first = incoming();
        const QString second = incoming();
        QVERIFY(!first.isEmpty() && !second.isEmpty() && first != second);
        const LibraryImage image = entry(u"a kite"_s, u"gpt-image-1"_s);
        const Result<QString> keptFiles = LibraryStore::keepFiles(dir.path(), image, first);
        QVERIFY2(keptFiles, qPrintable(keptFiles.error()));
        const QString kept = *keptFiles;
        QVERIFY(!QFileInfo::exists(first));
        QVERIFY(kept.endsWith(u"-a-kite.png"_s));
        QFile file(kept);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), bytes);
        QVERIFY(QFileInfo::exists(kept.chopped(4) + u".json"_s));
        const QString written
            = LibraryStore::writeFiles(dir.path(), image, bytes).valueOr(QString());
        QCOMPARE(written, kept.chopped(4) + u"-2.png"_s); // the same naming, never overwriting
        // A partial one: beside its job's journal entry.
        ImageResult partial;
        partial.partial = true;
        partial.index = 1;
        partial.format = u"png"_s;
        const QString partialPath
            = LibraryStore::keepPartial(dir.path(), 5, partial, second).valueOr(QString());
        QVERIFY(partialPath.endsWith(u".partials/job-5/image0-partial1.png"_s));
        QVERIFY(!QFileInfo::exists(second));
        // A file that is not there: a message, and no recipe left without its image.
        const int before = int(QDir(QFileInfo(kept).path()).entryList(QDir::Files).size());
        const Result<QString> gone
            = LibraryStore::keepFiles(dir.path(), image, dir.filePath(u".incoming/gone.part"_s));
        QVERIFY(!gone);
        QVERIFY(!gone.error().isEmpty());
        QCOMPARE(QDir(QFileInfo(kept).path()).entryList(QDir::Files).size(), before);
        ContentFiles::waitForDeferredSyncs();
    }

    void incomingFilesOfDeadProcessesAreSwept()
    {
        QTemporaryDir dir;
        const QDir incoming(dir.filePath(u".incoming"_s));
        QVERIFY(incoming.mkpath(u"."_s));
        // A process that has ended, this one, and one that runs (another window, say).
        const AtelierTest::ProcessIds pids;
        QVERIFY(pids.isValid());
        const QStringList names = {u"%1-1.part"_s.arg(pids.gone()),
                                   u"%1-7.part"_s.arg(QCoreApplication::applicationPid()),
                                   u"%1-2.part"_s.arg(pids.running())};
        for (const QString &name : names) {
            QFile file(incoming.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        LibraryStore store;
        QString error;
        QVERIFY(store.open(dir.path()));
        QStringList left = incoming.entryList(QDir::Files);
        QStringList expected = {names[1], names[2]};
        left.sort();
        expected.sort();
        QCOMPARE(left, expected);
    }

    // A link planted in one of the library's own folders (the proof: .partials/job-7 ->
    // ~/Documents emptied the documents at the next start): whatever it points to survives,
    // with files named exactly as Atelier's own.
    void plantedLinksAreNeverFollowed_data()
    {
        QTest::addColumn<QString>("link"); // inside the library, pointing at the victim folder
        QTest::addColumn<QString>("inside"); // a file in the victim folder named like Atelier's
        QTest::newRow("a job's partials") << u".partials/job-7"_s << u"image0-partial0.png"_s;
        QTest::newRow("the partials folder") << u".partials"_s << u"job-7/image0-partial0.png"_s;
        QTest::newRow("the incoming folder") << u".incoming"_s << u"%1-1.part"_s;
        QTest::newRow("a file in incoming") << u".incoming/%1-1.part"_s << QString();
    }

    void plantedLinksAreNeverFollowed()
    {
        QFETCH(QString, link);
        QFETCH(QString, inside);
        const AtelierTest::ProcessIds pids;
        QVERIFY(pids.isValid());
        link = link.arg(pids.gone());
        QTemporaryDir home;
        const QString victim = home.filePath(u"Documents"_s);
        QVERIFY(QDir().mkpath(victim));
        QStringList precious = {QDir(victim).filePath(u"letter.txt"_s)};
        if (!inside.isEmpty())
            precious.append(QDir(victim).filePath(inside.arg(pids.gone())));
        for (const QString &path : std::as_const(precious)) {
            QVERIFY(QDir().mkpath(QFileInfo(path).path()));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write("mine") == 4);
        }
        const QString library = home.filePath(u"Pictures/Atelier"_s);
        QVERIFY(QDir().mkpath(QFileInfo(QDir(library).filePath(link)).path()));
        // A link to the folder, or (for a file name) to the letter.
        QVERIFY(QFile::link(inside.isEmpty() ? precious.first() : victim,
                            QDir(library).filePath(link)));
        QString error;
        {
            LibraryStore store;
            {
                const Status opened = store.open(library);
                QVERIFY2(opened, qPrintable(opened.error()));
            }
            // A job whose id names the planted folder starts and ends.
            ImageRequest request;
            request.prompt = u"a fox"_s;
            for (int i = 0; i < 8; ++i)
                store.journalFinish(store.journalStart(request));
            ImageResult partial;
            partial.format = u"png"_s;
            partial.encoded = pngBytes(Qt::green);
            (void)LibraryStore::writePartial(library, 7,
                                             partial); // refused or beside, never inside
            store.journalFinish(7);
        }
        for (const QString &path : std::as_const(precious)) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            QCOMPARE(file.readAll(), QByteArray("mine"));
        }
        QStringList top = {u"letter.txt"_s};
        if (!inside.isEmpty())
            top.append(inside.arg(pids.gone()).section(u'/', 0, 0));
        top.sort();
        QCOMPARE(QDir(victim).entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name), top);
    }

    void writesReplaceLinksInsteadOfFollowingThem()
    {
        QTemporaryDir home;
        const QString victim = home.filePath(u"bashrc"_s);
        auto plant = [&] {
            QFile file(victim);
            return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                && file.write("export PATH") == 11;
        };
        auto untouched = [&] {
            QFile file(victim);
            return file.open(QIODevice::ReadOnly) && file.readAll() == "export PATH";
        };
        QVERIFY(plant());
        const QString library = home.filePath(u"library"_s);
        LibraryStore store;
        QVERIFY(store.open(library));
        const qint64 id = save(store, u"a red kite"_s);
        // A thumbnail (the proof: .thumbnails/1.jpg -> ~/.bashrc became a JPEG).
        LibraryModel model(&store);
        const QString cached = model.thumbnailPath(id);
        QVERIFY(QDir().mkpath(QFileInfo(cached).path()));
        QVERIFY(QFile::link(victim, cached));
        QVERIFY(!LibraryModel::loadThumbnail(store.image(id)->path, cached).isNull());
        QVERIFY(untouched());
        QVERIFY(SafeFiles::isOwnFile(cached)); // the link was replaced by the thumbnail
        // The thumbnails folder itself a link: nothing is written into its target.
        const QString folderVictim = home.filePath(u"elsewhere"_s);
        QVERIFY(QDir().mkpath(folderVictim));
        QVERIFY(QDir(QFileInfo(cached).path()).removeRecursively());
        QVERIFY(QFile::link(folderVictim, QFileInfo(cached).path()));
        QVERIFY(!LibraryModel::loadThumbnail(store.image(id)->path, cached).isNull());
        QVERIFY(QDir(folderVictim).isEmpty());
        // A file written atomically whose name is a link.
        for (const auto durability :
             {ContentFiles::Durability::Synced, ContentFiles::Durability::Transient}) {
            const QString path = home.filePath(u"recipe.json"_s);
            QFile::remove(path);
            QVERIFY(QFile::link(victim, path));
            const Status written = ContentFiles::writeAtomically(path, "{}", durability);
            QVERIFY2(written, qPrintable(written.error()));
            QVERIFY(untouched());
            QVERIFY(SafeFiles::isOwnFile(path));
        }
        // A month folder that is a link: the image is refused, nothing lands in the target.
        LibraryImage image = entry(u"a kite"_s, u"gpt-image-1"_s);
        image.savedAt = QDateTime(QDate(2031, 1, 2), QTime(3, 4));
        QVERIFY(QFile::link(folderVictim, QDir(library).filePath(u"2031-01"_s)));
        const Result<QString> refused = LibraryStore::writeFiles(library, image, pngBytes(Qt::red));
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(u"link"_s), qPrintable(refused.error()));
        QVERIFY(QDir(folderVictim).isEmpty());
        ContentFiles::waitForDeferredSyncs();
    }

    void writeAtomically_data()
    {
        QTest::addColumn<ContentFiles::Durability>("durability");
        QTest::newRow("synced") << ContentFiles::Durability::Synced;
        QTest::newRow("deferred") << ContentFiles::Durability::Deferred;
        QTest::newRow("transient") << ContentFiles::Durability::Transient;
    }

    void writeAtomically()
    {
        QFETCH(ContentFiles::Durability, durability);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"image.png"_s);
        QVERIFY(ContentFiles::writeAtomically(path, "first", durability));
        QVERIFY(ContentFiles::writeAtomically(path, "second, longer", durability)); // replaces
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("second, longer"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList {u"image.png"_s}); // no .part left
        // A folder that is not there: a message naming the file, and nothing written.
        const QString missing = dir.filePath(u"gone/image.png"_s);
        const Status refused = ContentFiles::writeAtomically(missing, "bytes", durability);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(missing), qPrintable(refused.error()));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"gone"_s)));
        ContentFiles::waitForDeferredSyncs(); // returns once the flushes are done
    }

    void killedWhileSavingLosesNothing()
    {
        QTemporaryDir dir;
        QRandomGenerator random(2026);
        int arriving = 0; // killed while being written into .incoming (the next open removes them)
        for (int round = 0; round < 25; ++round) {
            QProcess writer;
            writer.start(QStringLiteral(LIBRARY_WRITER_PATH), {dir.path()});
            QVERIFY(writer.waitForStarted());
            QVERIFY(writer.waitForReadyRead(10000)); // "ready": the library is open
            // "saved": one image is in (on a loaded machine that can take longer than the wait
            // below); then somewhere in the middle of a later save.
            while (!writer.readAll().contains("saved"))
                QVERIFY(writer.waitForReadyRead(10000));
            QTest::qWait(int(random.bounded(5, 60)));
            ::kill(pid_t(writer.processId()), SIGKILL);
            QVERIFY(writer.waitForFinished(10000));
            arriving += int(QDir(dir.filePath(u".incoming"_s)).entryList(QDir::Files).size());
        }
        LibraryStore store;
        QString error;
        {
            const Status opened = store.open(dir.path());
            QVERIFY2(opened, qPrintable(opened.error()));
        }
        qInfo("%d image(s) were killed while being written into .incoming", arriving);
        // Partial images of the jobs killed mid-stream move into the library, as the studio does.
        int recovered = 0;
        for (const JournaledJob &job : store.unfinishedJobs()) {
            for (const QString &partial : job.partialFiles)
                QVERIFY2(!QImage(partial).isNull(), qPrintable(partial)); // none half-written
            const LibraryStore::Recovered kept = store.recoverPartials(job);
            recovered += kept.kept;
            QVERIFY2(kept.status, qPrintable(kept.status.error()));
        }
        QDirIterator left(dir.filePath(u".partials"_s), QDir::Files | QDir::Hidden,
                          QDirIterator::Subdirectories);
        QVERIFY2(!left.hasNext(), qPrintable(left.hasNext() ? left.next() : QString()));
        // Images killed while being written into .incoming went when the library opened.
        QCOMPARE(QDir(dir.filePath(u".incoming"_s)).entryList(QDir::Files | QDir::Hidden),
                 QStringList());
        qInfo("%d partial image(s) of killed jobs recovered", recovered);
        const QStringList files = imageFiles(dir.path());
        QVERIFY(files.size() >= 25); // at least the one each round waited for
        // The index and the files agree: every image has a row, every row has its image...
        QCOMPARE(store.count(), files.size());
        QSet<QString> indexed;
        for (const LibraryImage &image : store.query({}))
            indexed.insert(image.path);
        for (const QString &file : files)
            QVERIFY2(indexed.contains(file), qPrintable(file));
        // ...and no image was left half-written.
        for (const QString &file : files)
            QVERIFY2(!QImage(file).isNull(), qPrintable(file));
        // Jobs killed mid-save are listed for retry.
        QVERIFY(store.unfinishedJobs().size() <= 25);
    }
};

QTEST_GUILESS_MAIN(TestLibraryStore)
#include "tst_librarystore.moc"
