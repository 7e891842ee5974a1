// Desktop integration and packaging: the launcher entry, the AppStream metadata, the icons, the
// manual pages, what `cmake --install` lays out, and the programs' behaviour as a desktop
// starts them (--help without a display, a clean exit on SIGTERM).

#include "studioprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

const QString AppId = u"io.github.atelier_studio.Atelier"_s;
const QString SourceDir = QStringLiteral(ATELIER_SOURCE_DIR);
const QString BinaryDir = QStringLiteral(ATELIER_BINARY_DIR);

QString packagingFile(const QString &name)
{
    return SourceDir + u"/packaging/"_s + name;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// How a program ran: its exit code (-1: it did not start, crashed or hung) and what it wrote to
// standard output and error, together.
struct Ran
{
    int exitCode = -1;
    QString output;
};

Ran run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

// Runs a validator of the packaging files that configuring found at `path` (empty: it did not;
// the failure then says which package of packaging/build-depends.txt brings `tool`).
Ran validate(const QString &path, const QString &tool, const QString &package,
             const QStringList &arguments)
{
    if (path.isEmpty())
        return {-1,
                u"%1 is missing: install %2 (packaging/build-depends.txt lists it)"_s.arg(tool,
                                                                                          package)};
    return run(path, arguments);
}

// The keys of a .desktop file's [Desktop Entry] group.
QMap<QString, QString> desktopEntry(const QString &path)
{
    QMap<QString, QString> keys;
    const QStringList lines = QString::fromUtf8(readAll(path)).split(u'\n');
    for (const QString &line : lines) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0 && !line.startsWith(u'#'))
            keys.insert(line.left(equals), line.mid(equals + 1));
    }
    return keys;
}

} // namespace

class TestDesktop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void desktopEntryValidates()
    {
        const Ran ran = validate(QStringLiteral(DESKTOP_FILE_VALIDATE), u"desktop-file-validate"_s,
                                 u"desktop-file-utils"_s, {packagingFile(AppId + u".desktop"_s)});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.output));
        QVERIFY2(ran.output.trimmed().isEmpty(), qPrintable(ran.output)); // not even a hint
    }

    void desktopEntryOpensImagesInTheStudio()
    {
        const QMap<QString, QString> entry = desktopEntry(packagingFile(AppId + u".desktop"_s));
        QCOMPARE(entry.value(u"Exec"_s), u"atelier %F"_s);
        QCOMPARE(entry.value(u"Icon"_s), AppId);
        QCOMPARE(entry.value(u"Name"_s), u"Atelier"_s);
        QVERIFY(!entry.value(u"GenericName"_s).isEmpty());
        QVERIFY(!entry.value(u"Comment"_s).isEmpty());
        QVERIFY(entry.value(u"Categories"_s).split(u';').contains(u"Graphics"_s));
        const QStringList types = entry.value(u"MimeType"_s).split(u';', Qt::SkipEmptyParts);
        for (const QString &type : {u"image/png"_s, u"image/jpeg"_s, u"image/webp"_s})
            QVERIFY2(types.contains(type), qPrintable(type));
    }

    void metainfoValidates()
    {
        const Ran ran
            = validate(QStringLiteral(APPSTREAMCLI), u"appstreamcli"_s, u"appstream"_s,
                       {u"validate"_s, u"--no-net"_s, packagingFile(AppId + u".metainfo.xml"_s)});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.output));
    }

    // The metadata names this version, launches this desktop entry, and shows screenshots
    // that exist in the repository.
    void metainfoMatchesTheProject()
    {
        const QString metainfo
            = QString::fromUtf8(readAll(packagingFile(AppId + u".metainfo.xml"_s)));
        QVERIFY(metainfo.contains(u"<id>"_s + AppId + u"</id>"_s));
        QVERIFY(metainfo.contains(u"<launchable type=\"desktop-id\">"_s + AppId
                                  + u".desktop</launchable>"_s));
        QVERIFY2(metainfo.contains(u"<release version=\"" ATELIER_VERSION "\""_s),
                 "add a <release> for this version to the metainfo file");
        QVERIFY(metainfo.contains(u"<content_rating type=\"oars-1.1\""_s));
        static const QRegularExpression screenshot(
            u"/packaging/screenshots/([\\w.-]+\\.png)</image>"_s);
        int screenshots = 0;
        for (const QRegularExpressionMatch &match : screenshot.globalMatch(metainfo)) {
            const QImage image(packagingFile(u"screenshots/"_s + match.captured(1)));
            QVERIFY2(!image.isNull(),
                     qPrintable(match.captured(1) + u" is not in packaging/screenshots"_s));
            ++screenshots;
        }
        QVERIFY(screenshots >= 1);
    }

    void iconIsDrawnAtEverySize_data()
    {
        QTest::addColumn<int>("size");
        for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
            QTest::addRow("%dx%d", size, size) << size;
    }

    void iconIsDrawnAtEverySize()
    {
        QFETCH(int, size);
        const QImage icon(BinaryDir + u"/packaging/icons/%1x%1/"_s.arg(size) + AppId + u".png"_s);
        QVERIFY(!icon.isNull());
        QCOMPARE(icon.size(), QSize(size, size));
        QVERIFY(icon.hasAlphaChannel());
        QCOMPARE(qAlpha(icon.pixel(0, 0)), 0); // rounded corners
        QCOMPARE(qAlpha(icon.pixel(size / 2, size / 2)), 255);
    }

    // Every option a program's --help lists is described in its manual page.
    void manPageDescribesEveryOption_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("page");
        QTest::newRow("atelier-cli") << QStringLiteral(ATELIER_CLI_PATH) << u"atelier-cli.1"_s;
        QTest::newRow("atelier") << QStringLiteral(ATELIER_GUI_PATH) << u"atelier.1"_s;
    }

    void manPageDescribesEveryOption()
    {
        QFETCH(QString, program);
        QFETCH(QString, page);
        const Ran ran = run(program, {u"--help"_s});
        QCOMPARE(ran.exitCode, 0);
        const QString &help = ran.output;
        QString manual = QString::fromUtf8(readAll(BinaryDir + u"/packaging/man/"_s + page));
        QVERIFY2(!manual.isEmpty(), qPrintable(page));
        QVERIFY2(manual.contains(u".TH "_s) && !manual.contains(u"@PROJECT_VERSION@"_s),
                 "not configured");
        manual.replace(u"\\-"_s, u"-"_s);
        static const QRegularExpression option(u"(?<![\\w-])--[a-z][a-z-]*"_s);
        QStringList missing;
        int options = 0;
        for (const QRegularExpressionMatch &match : option.globalMatch(help)) {
            ++options;
            if (!manual.contains(match.captured()))
                missing.append(match.captured());
        }
        QVERIFY(options >= 3);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(page + u" does not describe "_s + missing.join(u", "_s)));
        QVERIFY(QFile::exists(BinaryDir + u"/packaging/man/"_s + page + u".gz"_s));
    }

    // A desktop may ask for the version without a display; so may a package check.
    void helpAndVersionNeedNoDisplay()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
            environment.remove(name);
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        const Ran version = run(QStringLiteral(ATELIER_GUI_PATH), {u"--version"_s}, environment);
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.output.trimmed(), u"Atelier " ATELIER_VERSION ""_s);
        const Ran help = run(QStringLiteral(ATELIER_GUI_PATH), {u"--help"_s}, environment);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.output.contains(u"--edit <file>"_s), qPrintable(help.output));
        const Ran cli = run(QStringLiteral(ATELIER_CLI_PATH), {u"--version"_s}, environment);
        QCOMPARE(cli.exitCode, 0);
        QVERIFY(cli.output.contains(u"" ATELIER_VERSION ""_s));
    }

    void installLaysOutEveryFile()
    {
        QTemporaryDir prefix;
        const Ran installed = run(QStringLiteral(CMAKE_COMMAND_PATH),
                                  {u"--install"_s, BinaryDir, u"--prefix"_s, prefix.path()});
        QVERIFY2(installed.exitCode == 0, qPrintable(installed.output));
        QStringList expected = {
            u"bin/atelier"_s,
            u"bin/atelier-cli"_s,
            u"share/applications/"_s + AppId + u".desktop"_s,
            u"share/metainfo/"_s + AppId + u".metainfo.xml"_s,
            u"share/icons/hicolor/scalable/apps/"_s + AppId + u".svg"_s,
            u"share/man/man1/atelier.1.gz"_s,
            u"share/man/man1/atelier-cli.1.gz"_s,
            u"share/doc/atelier/README.md"_s,
        };
        for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
            expected.append(u"share/icons/hicolor/%1x%1/apps/"_s.arg(size) + AppId + u".png"_s);
        for (const QString &file : std::as_const(expected))
            QVERIFY2(QFile::exists(prefix.filePath(file)),
                     qPrintable(file + u" was not installed"_s));
        QVERIFY(QFileInfo(prefix.filePath(u"bin/atelier"_s)).isExecutable());

        // Nothing else (a stray test program or static library would end up in the package).
        QStringList unexpected;
        QDirIterator it(prefix.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = QDir(prefix.path()).relativeFilePath(it.next());
            if (!expected.contains(file))
                unexpected.append(file);
        }
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(u", "_s)));
    }

    // Logging out or `kill`: the studio closes as if the user had quit (its settings saved)
    // and exits 0; with no key, while the welcome dialog is open, too.
    void studioQuitsCleanlyOnSignal_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::addColumn<bool>("withKey");
        QTest::newRow("SIGTERM") << int(SIGTERM) << true;
        QTest::newRow("SIGINT") << int(SIGINT) << true;
        QTest::newRow("SIGHUP") << int(SIGHUP) << true;
        QTest::newRow("SIGTERM, welcome dialog open") << int(SIGTERM) << false;
    }

    void studioQuitsCleanlyOnSignal()
    {
        QFETCH(int, signalNumber);
        QFETCH(bool, withKey);
        QTemporaryDir home;
        QProcess studio;
        studio.setProcessEnvironment(AtelierTest::studioProcessEnvironment(home.path(), withKey));
        studio.setProcessChannelMode(QProcess::MergedChannels);
        studio.start(QStringLiteral(ATELIER_GUI_PATH), {u"--prompt"_s, u"a quiet harbour"_s});
        QVERIFY(studio.waitForStarted());
        // The library index exists once the studio has set up its signal handling and is
        // building the window.
        const QString index = home.filePath(u"Pictures/Atelier/library.sqlite3"_s);
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(index) || studio.state() == QProcess::NotRunning,
                                 60000);
        QVERIFY2(studio.state() == QProcess::Running, studio.readAll().constData());
        QCOMPARE(::kill(pid_t(studio.processId()), signalNumber), 0);
        QVERIFY(studio.waitForFinished(60000));
        const QString problem
            = AtelierTest::studioProcessEndProblem(studio, studio.readAll(), home.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestDesktop)
#include "tst_desktop.moc"
