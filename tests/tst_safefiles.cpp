#include "platform/safefiles.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

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
        QString error;
        QVERIFY(SafeFiles::makeFolder(dir.path(), u"link/job-2"_s, &error).isEmpty());
        QVERIFY(error.contains(link));
        QVERIFY(!QFileInfo::exists(target + u"/job-2"_s));
        QVERIFY(SafeFiles::makeFolder(link, u"job-3"_s, &error)
                    .endsWith(u"/job-3"_s)); // the root may be one
        QFile file;
        const QString dangling = dir.filePath(u"dangling"_s);
        QVERIFY(QFile::link(dir.filePath(u"nowhere"_s), dangling));
        QVERIFY(SafeFiles::entryExists(dangling));
        QVERIFY(!SafeFiles::createNew(&file, dangling, &error));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"nowhere"_s)));
        // Only the names asked for go, then the folder when nothing else is left.
        static const QRegularExpression partials(u"^image\\d+-partial\\d+\\.png$"_s);
        QVERIFY(!SafeFiles::removeOwnFolder(target, partials)); // job-1 and job-3 stay
        QVERIFY(!QFileInfo::exists(keep.fileName()));
        QVERIFY(QFileInfo::exists(target + u"/job-1"_s));
    }
};

QTEST_GUILESS_MAIN(TestSafeFiles)
#include "tst_safefiles.moc"
