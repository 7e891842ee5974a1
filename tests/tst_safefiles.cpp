#include "library/contentfiles.h"
#include "platform/safefiles.h"
#include "readonlyfolder.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestSafeFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isInside_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("inside");
        QTest::newRow("a name") << u"image.png"_s << true;
        QTest::newRow("a subfolder") << u"2026-01/image.png"_s << true;
        QTest::newRow("up") << u"../image.png"_s << false;
        QTest::newRow("up and back") << u"../out/image.png"_s << true;
        QTest::newRow("up twice") << u"a/../../x"_s << false;
        QTest::newRow("absolute elsewhere") << u"/etc/passwd"_s << false;
        QTest::newRow("the folder itself") << u"."_s << false;
        QTest::newRow("a sibling with the same start") << u"../out-other/x"_s << false;
    }

    void isInside()
    {
        QFETCH(QString, path);
        QFETCH(bool, inside);
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"out"_s);
        QCOMPARE(SafeFiles::isInside(folder, path), inside);
    }

    void linksAreNeitherFollowedNorRemoved()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(u"target"_s);
        QVERIFY(QDir().mkpath(target + u"/job-1"_s));
        QFile keep(target + u"/image0-partial0.png"_s);
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.close();
        const QString link = dir.filePath(u"link"_s);
        QVERIFY(QFile::link(target, link));
        QVERIFY(!SafeFiles::isOwnFolder(link));
        QVERIFY(SafeFiles::isOwnFolder(target));
        QVERIFY(!SafeFiles::isOwnFile(link));
        static const QRegularExpression all(u".*"_s);
        QVERIFY(!SafeFiles::removeOwnFolder(link, all));
        QVERIFY(QFileInfo::exists(keep.fileName()));
        const Result<QString> throughLink = SafeFiles::makeFolder(dir.path(), u"link/job-2"_s);
        QVERIFY(!throughLink);
        QVERIFY(throughLink.error().contains(link));
        QCOMPARE(throughLink.failure().subject, link);
        QVERIFY(!QFileInfo::exists(target + u"/job-2"_s));
        QVERIFY(SafeFiles::makeFolder(link, u"job-3"_s)
                    .valueOr(QString())
                    .endsWith(u"/job-3"_s)); // the root may be one
        QFile file;
        const QString dangling = dir.filePath(u"dangling"_s);
        QVERIFY(QFile::link(dir.filePath(u"nowhere"_s), dangling));
        QVERIFY(SafeFiles::entryExists(dangling));
        const Status created = SafeFiles::createNew(&file, dangling);
        QVERIFY(!created);
        QVERIFY2(created.error().contains(dangling), qPrintable(created.error()));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"nowhere"_s)));
        // Only the names asked for go, then the folder when nothing else is left.
        static const QRegularExpression partials(u"^image\\d+-partial\\d+\\.png$"_s);
        QVERIFY(!SafeFiles::removeOwnFolder(target, partials)); // job-1 and job-3 stay
        QVERIFY(!QFileInfo::exists(keep.fileName()));
        QVERIFY(QFileInfo::exists(target + u"/job-1"_s));
    }

    void makePathNamesWhatIsInTheWay()
    {
        QTemporaryDir dir;
        QVERIFY(SafeFiles::makePath(dir.filePath(u"a/b/c"_s)));
        QVERIFY(QFileInfo(dir.filePath(u"a/b/c"_s)).isDir());
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        for (const QString &folder :
             {dir.filePath(u"file"_s), dir.filePath(u"file/sub/deeper"_s)}) {
            const Status made = SafeFiles::makePath(folder);
            QVERIFY(!made);
            const QString &reason = made.error();
            QCOMPARE(made.failure().subject, blocker.fileName());
            QVERIFY2(reason.contains(blocker.fileName()) && reason.contains(u"not a folder"_s)
                         && reason.contains(SafeFiles::systemReason(ENOTDIR)),
                     qPrintable(reason));
        }
    }

    void probeSaysWhyNothingCanBeWritten()
    {
        QTemporaryDir dir;
        QVERIFY(SafeFiles::probeWritable(dir.path()));
        QVERIFY(QDir(dir.path())
                    .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                    .isEmpty()); // the probe is gone
        const QString readOnly = AtelierTest::readOnlyFolder(dir.path());
        if (readOnly.isEmpty())
            QSKIP("no read-only folder can be made here");
        const Status probed = SafeFiles::probeWritable(readOnly);
        QVERIFY(!probed);
        QCOMPARE(probed.error(), SafeFiles::systemReason(EACCES));
    }

    // A refused write says the system's reason, never Qt's "Unknown error".
    void failedWritesSayTheSystemsReason()
    {
        QTemporaryDir dir;
        const QString readOnly = AtelierTest::readOnlyFolder(dir.path());
        if (readOnly.isEmpty())
            QSKIP("no read-only folder can be made here");
        const QString target = QDir(readOnly).filePath(u"image.png"_s);
        const Status refused = ContentFiles::writeAtomically(target, "bytes");
        QVERIFY(!refused);
        QString error = refused.error();
        QVERIFY2(error.contains(target) && error.contains(SafeFiles::systemReason(EACCES))
                     && !error.contains(u"Unknown error"_s),
                 qPrintable(error));
        const Result<QString> stored
            = ContentFiles::store(QDir(readOnly).filePath(u"inputs"_s), "bytes", u"png"_s);
        QVERIFY(!stored);
        error = stored.error();
        // Creating the folder is refused: EACCES, or EPERM in sysfs.
        QVERIFY2(error.contains(SafeFiles::systemReason(EACCES))
                     || error.contains(SafeFiles::systemReason(EPERM)),
                 qPrintable(error));
        // A full disk: /dev/full refuses every write with ENOSPC.
        QFile full(u"/dev/full"_s);
        if (!full.open(QIODevice::WriteOnly))
            QSKIP("no /dev/full here");
        const bool written = full.write(QByteArray(100, 'x')) == 100 && full.flush();
        QVERIFY(!written);
        const QString reason = SafeFiles::failureReason(full, 0);
        QCOMPARE(reason, SafeFiles::systemReason(ENOSPC));
        QVERIFY(reason.contains(u"No space left on device"_s)); // glibc's words, in English
        // A failed call of the system's own (an fsync) is reported with its errno.
        QFile untouched(dir.filePath(u"untouched"_s));
        QCOMPARE(SafeFiles::failureReason(untouched, EIO), SafeFiles::systemReason(EIO));
        QVERIFY(!SafeFiles::failureReason(untouched, 0).contains(u"Unknown error"_s));
    }
};

QTEST_GUILESS_MAIN(TestSafeFiles)
#include "tst_safefiles.moc"
