// Signals end the studio whatever dialog is open: logging out, `kill` or Ctrl+C while a question,
// the settings, an export or a file dialog is up. Each row starts the studio as a real process
// (studio-process: `atelier`'s own start), waits until the dialog is open, sends SIGTERM and
// requires a clean exit with the settings saved and the journal as the user left it.

#include "crashedjob.h"
#include "library/librarystore.h"
#include "libraryimages.h"
#include "model/imagerequest.h"
#include "studioprocess.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestShutdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signalEndsTheStudioWhateverDialogIsOpen_data()
    {
        QTest::addColumn<QString>("open"); // ATELIER_TEST_OPEN
        QTest::addColumn<QString>("dialog"); // what studio-process announces
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("withKey");
        QTest::addColumn<QString>("library"); // what the library holds before the start
        QTest::addColumn<int>("journaledAfter"); // unfinished requests left for the next start
        QTest::newRow("welcome (first start without a key)")
            << QString() << u"welcome"_s << QStringList() << false << QString() << 0;
        QTest::newRow("unfinished requests offered")
            << QString() << u"unfinishedRequests"_s << QStringList() << true << u"crashed"_s << 1;
        QTest::newRow("outside files question")
            << u"consent"_s << u"outsideFilesQuestion"_s << QStringList() << true
            << u"crashed with an outside file"_s << 1;
        QTest::newRow("start-up error (cannot edit)")
            << QString() << u"cannotEdit"_s << QStringList {u"/nonexistent/picture.png"_s} << true
            << QString() << 0;
        QTest::newRow("settings") << u"actionSettings"_s << u"Atelier::SettingsDialog"_s
                                  << QStringList() << true << QString() << 0;
        QTest::newRow("compare grid") << u"actionCompareGrid"_s << u"Atelier::CompareGridDialog"_s
                                      << QStringList() << true << QString() << 0;
        QTest::newRow("prompt history") << u"actionPromptHistory"_s << u"Atelier::HistoryDialog"_s
                                        << QStringList() << true << QString() << 0;
        QTest::newRow("open image (file dialog)")
            << u"actionOpenImage"_s << u"QFileDialog"_s << QStringList() << true << QString() << 0;
        QTest::newRow("export") << u"export"_s << u"Atelier::ExportDialog"_s << QStringList()
                                << true << u"one image"_s << 0;
    }

    void signalEndsTheStudioWhateverDialogIsOpen()
    {
        QFETCH(QString, open);
        QFETCH(QString, dialog);
        QFETCH(QStringList, arguments);
        QFETCH(bool, withKey);
        QFETCH(QString, library);
        QFETCH(int, journaledAfter);
        QTemporaryDir home;
        const QString folder = home.filePath(u"Pictures/Atelier"_s);
        QVERIFY(QDir().mkpath(folder));
        if (library.startsWith(u"crashed"_s)) {
            ImageRequest request;
            request.model = u"gpt-image-2"_s;
            request.prompt = u"sent before the crash"_s;
            if (library.endsWith(u"outside file"_s)) {
                request.endpoint = Endpoint::Edits;
                const QString outside = home.filePath(u"outside.png"_s);
                QImage pixels(16, 16, QImage::Format_RGB32);
                pixels.fill(Qt::gray);
                QVERIFY(pixels.save(outside));
                request.images = {outside};
            }
            QVERIFY(Testing::journalOfACrashedProcess(folder, request) > 0);
        } else if (library == u"one image"_s) {
            LibraryStore store;
            {
                const Status opened = store.open(folder);
                QVERIFY2(opened, qPrintable(opened.error()));
            }
            LibraryImage image;
            image.request.prompt = u"to export"_s;
            QImage pixels(16, 16, QImage::Format_RGB32);
            pixels.fill(Qt::darkGreen);
            const Result<qint64> id = AtelierTest::saveImage(store, image, pixels);
            QVERIFY2(id, qPrintable(id.error()));
        }

        QProcessEnvironment environment
            = AtelierTest::studioProcessEnvironment(home.path(), withKey);
        environment.insert(u"OPENAI_BASE_URL"_s, u"http://127.0.0.1:9/v1"_s); // nothing listens
        if (!open.isEmpty())
            environment.insert(u"ATELIER_TEST_OPEN"_s, open);
        QProcess studio;
        studio.setProcessEnvironment(environment);
        studio.start(QStringLiteral(STUDIO_PROCESS_PATH), arguments);
        QVERIFY(studio.waitForStarted());
        QString announced;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                while (studio.canReadLine())
                    announced += QString::fromUtf8(studio.readLine());
                return announced.contains(u"open "_s + dialog + u'\n')
                    || studio.state() == QProcess::NotRunning;
            }(),
            60000);
        QVERIFY2(studio.state() == QProcess::Running,
                 qPrintable(announced + QString::fromUtf8(studio.readAllStandardError())));
        QCOMPARE(::kill(pid_t(studio.processId()), SIGTERM), 0);
        // A hang guard, not a speed target: a studio that ignores the signal never exits.
        QVERIFY2(studio.waitForFinished(20000), "the studio did not end on SIGTERM");
        const QString problem = AtelierTest::studioProcessEndProblem(
            studio, studio.readAllStandardError(), home.path());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The journal as the user left it: a question not answered dismissed nothing.
        LibraryStore store;
        {
            const Status opened = store.open(folder);
            QVERIFY2(opened, qPrintable(opened.error()));
        }
        QCOMPARE(store.unfinishedJobs().size(), journaledAfter);
        QCOMPARE(store.journaledJobs().size(), journaledAfter);
    }
};

QTEST_GUILESS_MAIN(TestShutdown)
#include "tst_shutdown.moc"
