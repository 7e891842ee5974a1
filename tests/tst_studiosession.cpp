#include "api/imagejob.h"
#include "crashedjob.h"
#include "fakeimagesserver.h"
#include "library/contentfiles.h"
#include "libraryimages.h"
#include "maskimages.h"
#include "model/parameters.h"
#include "studio/studiosession.h"
#include "studiofixture.h"

#include "testsettings.h"
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestStudioSession : public QObject, public StudioFixture
{
    Q_OBJECT

private:
    static ImageRequest request(const QString &prompt, const QString &quality = u"low"_s)
    {
        ImageRequest request = lowRequest(prompt);
        request.setOption(Param::Quality, quality);
        return request;
    }

    // A streamed request (gpt-image-1, low, 1024x1024) with `partials` partial images.
    static ImageRequest streamed(const QString &prompt, int partials)
    {
        ImageRequest streamed = request(prompt);
        streamed.setOption(Param::Stream, true);
        streamed.setOption(Param::PartialImages, partials);
        return streamed;
    }

    int stateCount(const QString &text) const
    {
        int count = 0;
        for (int row = 0; row < m_session->jobs()->rowCount(); ++row) {
            if (m_session->jobs()->index(row, JobListModel::StateColumn).data().toString() == text)
                ++count;
        }
        return count;
    }

    // A second studio process opening the same library (its start, then it quits).
    QString secondWindowOpens() const
    {
        QProcess window;
        window.start(QStringLiteral(LIBRARY_WRITER_PATH), {m_library->path(), u"--studio-open"_s});
        window.closeWriteChannel(); // it quits after its start
        if (!window.waitForFinished(60000))
            return u"did not finish"_s;
        return QString::fromUtf8(window.readAllStandardOutput()).trimmed();
    }

private Q_SLOTS:
    void initTestCase() { isolateStudio(u"AtelierSessionTest"_s); }

    void init()
    {
        const Status started = startStudio();
        QVERIFY2(started, qPrintable(started.error()));
    }

    void cleanup() { stopStudio(); }

    // Without a library, masks and inputs go to a folder of the session's own: private, not
    // shared with another run or user (a fixed $TMPDIR/inputs could hold another user's links),
    // and gone with the session.
    void withoutALibraryInputsStayInAPrivateFolder()
    {
        auto first = std::make_unique<StudioSession>(Catalog::fromJson(Catalog::builtinJson()));
        StudioSession second(Catalog::fromJson(Catalog::builtinJson()));
        const QString inputs = first->inputsFolder();
        QVERIFY(!inputs.isEmpty());
        QVERIFY(inputs != second.inputsFolder());
        QVERIFY(QDir(inputs) != QDir(QDir(QDir::tempPath()).filePath(u"inputs"_s)));
        const QFileInfo owner(QFileInfo(inputs).path());
        QVERIFY(owner.isDir());
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
            | QFileDevice::ExeOther;
        QCOMPARE(owner.permissions() & others, QFileDevice::Permissions());
        const Result<QString> stored = ContentFiles::store(
            inputs, ContentFiles::png(QImage(8, 8, QImage::Format_ARGB32)), u"png"_s);
        QVERIFY2(stored, qPrintable(stored.error()));
        const QString mask = *stored;
        QVERIFY(mask.startsWith(inputs + u'/'));
        first.reset();
        QVERIFY(!QFileInfo::exists(owner.filePath()));
        QVERIFY(!QFileInfo::exists(mask));
    }

    void budgetBlocksWhatWouldGoPastIt()
    {
        // gpt-image-1, low, 1024x1024: 272 output tokens at $40/M, about $0.011 each.
        m_session->setBudget(0.025);
        QVERIFY(m_session->submit(request(u"one"_s)).isEmpty());
        QVERIFY(m_session->submit(request(u"two"_s)).isEmpty());
        const QList<Violation> refused = m_session->submit(request(u"three"_s));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().parameter, u"budget"_s);
        QVERIFY2(refused.first().message.contains(u"budget of $0.03"_s),
                 qPrintable(refused.first().message));
        QCOMPARE(m_session->jobs()->rowCount(), 2); // nothing of the third was sent
        QTRY_COMPARE_WITH_TIMEOUT(m_session->library().count(), 2, 10000);
        QVERIFY(m_session->sessionCost() > 0.02);
        // A higher budget lets it through.
        m_session->setBudget(1.0);
        QVERIFY(m_session->submit(request(u"three"_s)).isEmpty());
    }

    void severalRequestsAreCheckedBeforeAnyIsSent()
    {
        ImageRequest bad = request(u"bad"_s);
        bad.setOption(Param::Quality, u"hd"_s); // not for gpt-image-1
        const QList<Violation> errors = m_session->submitAll({request(u"good"_s), bad});
        QCOMPARE(errors.size(), 1);
        QCOMPARE(m_session->jobs()->rowCount(), 0);
    }

    void jobsOfThisRunAreNeverInterrupted()
    {
        // Found by the GUI benchmark: a job sent before the "unfinished requests" prompt ran was
        // offered as interrupted.
        m_server->stallNextStream(1);
        QVERIFY(m_session->submit(streamed(u"still running"_s, 1)).isEmpty());
        QTRY_COMPARE(m_server->requestCount(), 1);
        QVERIFY(m_session->interruptedJobs().isEmpty());
        QCOMPARE(m_session->library().journaledJobs().size(), 1); // journaled while it runs
        QVERIFY(m_session->library().unfinishedJobs().isEmpty()); // by a process that runs
        m_session->cancel(m_session->jobs()->idAt(0));
        QTRY_VERIFY(m_session->library().journaledJobs().isEmpty());
    }

    // Crash safety: a partial image is on disk before it is shown, and only while its job runs.
    void partialImagesAreOnDiskBeforeTheyAreShown()
    {
        m_server->stallNextStream(2);
        QStringList shown;
        connect(m_session.get(), &StudioSession::partialImage, this,
                [&shown](JobId, const ImageResult &image) {
                    // At the moment it is shown, the file holds exactly the bytes received.
                    QFile file(image.savedPath);
                    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(image.savedPath));
                    QCOMPARE(file.readAll(), image.encoded);
                    shown.append(image.savedPath);
                });
        QVERIFY(m_session->submit(streamed(u"partials on disk"_s, 3)).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, 10000);
        const QList<JournaledJob> running = m_session->library().journaledJobs();
        QCOMPARE(running.size(), 1);
        QCOMPARE(running.first().partialFiles, shown);
        QVERIFY2(shown.first().startsWith(m_library->path() + u"/.partials/"_s),
                 qPrintable(shown.first()));
        // Not indexed while the job runs (the index and the files still agree).
        QCOMPARE(m_session->library().count(), 0);
        QCOMPARE(m_session->library().reconcile().indexed, 0);
        // The job ends: its partials were shown and go with the journal entry.
        m_session->cancel(m_session->jobs()->idAt(0));
        QTRY_VERIFY(m_session->library().journaledJobs().isEmpty());
        for (const QString &path : std::as_const(shown))
            QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(m_library->path() + u"/.partials"_s)
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList());
    }

    // An image whose header is sound but whose pixels are damaged is neither shown nor saved:
    // no orphan files for a later rebuild of the index to pick up.
    void imageWhosePixelsAreDamagedLeavesNoFiles()
    {
        ScriptedReply damaged;
        damaged.kind = ScriptedReply::Kind::DamagedPixels;
        m_server->enqueue(damaged);
        int shown = 0;
        connect(m_session.get(), &StudioSession::imageReady, this, [&shown] { ++shown; });
        QVERIFY(m_session->submit(request(u"damaged"_s)).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(stateCount(u"Failed"_s), 1, 10000);
        const QString error = m_session->jobs()
                                  ->data(m_session->jobs()->index(0, 0), JobListModel::ErrorRole)
                                  .toString();
        QVERIFY2(error.contains(u"damaged image"_s), qPrintable(error));
        QCOMPARE(shown, 0);
        QDirIterator files(m_library->path(), {u"*.png"_s, u"*.json"_s}, QDir::Files,
                           QDirIterator::Subdirectories);
        QVERIFY2(!files.hasNext(), qPrintable(files.hasNext() ? files.next() : QString()));
        QCOMPARE(m_session->library().reconcile().indexed, 0);

        // A sound image afterwards is saved and indexed as usual.
        QVERIFY(m_session->submit(request(u"sound"_s)).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_session->library().count(), 1, 10000);
    }

    void partialsOfACrashedJobAreMovedIntoTheLibrary()
    {
        QList<QByteArray> partials;
        for (int i = 0; i < 2; ++i) {
            QImage pixels(64, 48, QImage::Format_RGB32);
            pixels.fill(i == 0 ? Qt::red : Qt::blue);
            partials.append(ContentFiles::png(pixels));
        }
        const qint64 job = Testing::journalOfACrashedProcess(
            m_library->path(), request(u"cut short by a crash"_s), partials);
        QVERIFY(job > 0);
        const QStringList written
            = QDir(m_library->path() + u"/.partials/job-%1"_s.arg(job))
                  .entryList({u"*.png"_s}, QDir::Files, QDir::Name)
                  .replaceInStrings(QRegularExpression(u"^"_s),
                                    m_library->path() + u"/.partials/job-%1/"_s.arg(job));
        QCOMPARE(written.size(), 2);
        StudioSession next(Catalog::fromJson(Catalog::builtinJson()));
        QVERIFY(next.openLibrary(m_library->path()));
        QCOMPARE(next.interruptedJobs().size(), 1);
        QCOMPARE(next.recoveredPartials(), 2);
        QCOMPARE(next.library().count(), 2);
        const QList<LibraryImage> kept = next.library().query({});
        QSet<int> indexes;
        for (const LibraryImage &image : kept) {
            QCOMPARE(image.request.prompt, u"cut short by a crash"_s);
            QCOMPARE(image.size, QSize(64, 48));
            QVERIFY(image.edit.value(u"interrupted"_s).toBool());
            indexes.insert(image.edit.value(u"partial_image_index"_s).toInt());
            QVERIFY(!QImage(image.path).isNull());
        }
        QCOMPARE(indexes, (QSet<int> {0, 1}));
        for (const QString &path : std::as_const(written))
            QVERIFY(!QFile::exists(path));
        // Still offered for retry; then closed.
        next.dismissInterruptedJobs();
        QVERIFY(next.library().journaledJobs().isEmpty());
        // A library reopened later finds everything indexed once.
        LibraryStore again;
        QVERIFY(again.open(m_library->path()));
        QCOMPARE(again.count(), 2);
        QCOMPARE(again.lastRepair().indexed, 0);
    }

    void editKeepsPixelsOutsideTheMask()
    {
        // A 64x64 original, a mask that lets the model change the left half.
        QImage original(64, 64, QImage::Format_ARGB32);
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 64; ++x)
                original.setPixel(x, y, qRgb(x * 4, 255 - y * 4, 30));
        const QImage mask = leftMask(QSize(64, 64), 32);
        QTemporaryDir outside;
        ImageRequest edit;
        edit.endpoint = Endpoint::Edits;
        edit.model = u"gpt-image-1.5"_s;
        edit.prompt = u"a lighthouse"_s;
        edit.setOption(Param::Size, u"1024x1024"_s);
        edit.images = {outside.filePath(u"original.png"_s)};
        edit.mask = outside.filePath(u"mask.png"_s);
        QVERIFY(original.save(edit.images.first()));
        QVERIFY(mask.save(edit.mask));
        m_server->setImageSize(QSize(64, 64));

        QSignalSpy composited(m_session.get(), &StudioSession::compositeSaved);
        QVERIFY(m_session->submit(edit, EditContext {0, true}).isEmpty());
        QVERIFY(composited.wait(10000));
        const qint64 id = composited.first().at(1).toLongLong();
        const qint64 rawId = composited.first().at(2).toLongLong();
        const double changed = composited.first().at(3).toDouble();
        QVERIFY(changed > 0.0 && changed <= 1.0);
        QCOMPARE(composited.first().at(4).value<QImage>().size(), QSize(64, 64));

        // The inputs were kept in the library, named by their content, and the recipe uses them.
        const RecordedRequest &sent = m_server->requests().constLast();
        QVERIFY(sent.part(u"mask"_s));
        const std::optional<LibraryImage> raw = m_session->library().image(rawId);
        QVERIFY(raw);
        QVERIFY(
            raw->request.images.first().startsWith(QDir(m_library->path()).filePath(u"inputs/"_s)));
        QVERIFY(raw->request.mask.startsWith(QDir(m_library->path()).filePath(u"inputs/"_s)));
        QVERIFY(QFile::exists(raw->request.mask));
        QCOMPARE(raw->edit.value(u"raw_output"_s).toBool(), true);

        const std::optional<LibraryImage> kept = m_session->library().image(id);
        QVERIFY(kept);
        QCOMPARE(kept->edit.value(u"composite_of"_s).toInteger(), rawId);
        const QImage result(kept->path);
        const QImage model(raw->path);
        QCOMPARE(result.size(), QSize(64, 64));
        for (int y = 0; y < 64; y += 7) {
            QCOMPARE(result.pixel(60, y), original.pixel(60, y)); // outside: the original
            QCOMPARE(result.pixel(3, y), model.pixel(3, y)); // painted: the model's
        }
        QCOMPARE(m_session->library().count(), 2); // raw and composite
    }

    void interruptedJobsOfAnEarlierRunAreOffered()
    {
        QVERIFY(
            Testing::journalOfACrashedProcess(m_library->path(), request(u"sent before a crash"_s))
            > 0);
        StudioSession next(Catalog::fromJson(Catalog::builtinJson()));
        QVERIFY(next.openLibrary(m_library->path()));
        QCOMPARE(next.interruptedJobs().size(), 1);
        QCOMPARE(next.interruptedJobs().first().request.prompt, u"sent before a crash"_s);
        next.dismissInterruptedJobs();
        QVERIFY(next.library().journaledJobs().isEmpty());
    }

    // Two windows on one library: the second one's start never takes the first one's running
    // request for an unfinished one (offering it again would pay twice; moving its partial
    // images would take them from under it).
    void aSecondWindowLeavesRunningRequestsAlone()
    {
        m_server->stallNextStream(2);
        int shown = 0;
        connect(m_session.get(), &StudioSession::partialImage, this,
                [&shown](JobId, const ImageResult &) { ++shown; });
        QVERIFY(m_session->submit(streamed(u"still streaming"_s, 3)).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(shown, 2, 10000);
        const QStringList partials = m_session->library().journaledJobs().value(0).partialFiles;
        QCOMPARE(partials.size(), 2);
        QCOMPARE(secondWindowOpens(), u"interrupted 0 recovered 0"_s);
        for (const QString &path : partials)
            QVERIFY2(QFile::exists(path), qPrintable(path));
        QCOMPARE(m_session->library().journaledJobs().size(), 1);
        QCOMPARE(m_server->requestCount(), 1);
        m_session->cancel(m_session->jobs()->idAt(0));
        QTRY_VERIFY(m_session->library().journaledJobs().isEmpty());
    }

    // After a crash, two windows starting at once: the request is offered by exactly one.
    void anUnfinishedRequestIsOfferedByOneWindowOnly()
    {
        QImage pixels(32, 32, QImage::Format_RGB32);
        pixels.fill(Qt::green);
        QVERIFY(Testing::journalOfACrashedProcess(m_library->path(), request(u"crashed"_s),
                                                  {ContentFiles::png(pixels)})
                > 0);
        QProcess first;
        QProcess second;
        for (QProcess *window : {&first, &second})
            window->start(QStringLiteral(LIBRARY_WRITER_PATH),
                          {m_library->path(), u"--studio-open"_s});
        QStringList answers;
        for (QProcess *window : {&first, &second}) { // both stay open meanwhile
            QTRY_VERIFY_WITH_TIMEOUT(window->canReadLine(), 60000);
            answers.append(QString::fromUtf8(window->readLine()).trimmed());
        }
        for (QProcess *window : {&first, &second}) {
            window->closeWriteChannel();
            QVERIFY(window->waitForFinished(60000));
        }
        answers.sort();
        QCOMPARE(answers,
                 (QStringList {u"interrupted 0 recovered 0"_s, u"interrupted 1 recovered 1"_s}));
    }

    // The studio's start when the library folder cannot be used: images go to the fallback
    // folder, and one line says where.
    void anUnusableLibraryFolderFallsBack()
    {
        QTemporaryDir data;
        const QByteArray previous = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", QFile::encodeName(data.path()));
        QFile blocker(m_library->filePath(u"not-a-folder"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        StudioSession next(Catalog::fromJson(Catalog::builtinJson()));
        const QString wanted = blocker.fileName() + u"/Atelier"_s;
        const Status refused = next.openLibrary(wanted); // a switch in the settings: refused
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(u"is a file, not a folder"_s),
                 qPrintable(refused.error()));
        const Status opened = next.openLibrary(wanted, StudioSession::Fallback::Use);
        QVERIFY2(opened, qPrintable(opened.error()));
        qputenv("XDG_DATA_HOME", previous);
        QVERIFY(next.libraryFolder().startsWith(data.path()));
        QVERIFY2(
            next.libraryNotice().contains(blocker.fileName())
                && next.libraryNotice().contains(QDir::toNativeSeparators(next.libraryFolder())),
            qPrintable(next.libraryNotice()));
    }

    // The library folder stops taking images while one arrives (the disk fills, a drive goes):
    // the paid image is kept in the fallback folder with its recipe, and the notice says where.
    void anImageTheLibraryCannotTakeGoesToTheFallbackFolder()
    {
        QTemporaryDir data;
        const QByteArray previous = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", QFile::encodeName(data.path()));
        m_server->setEventDelayMs(200);
        const QString month
            = m_library->filePath(QDateTime::currentDateTime().toString(u"yyyy-MM"_s));
        QDir(month).removeRecursively();
        connect(m_session.get(), &StudioSession::partialImage, this, [month] {
            QFile blocker(month); // where the final image's folder belongs
            if (!blocker.exists() && blocker.open(QIODevice::WriteOnly))
                blocker.close();
        });
        QSignalSpy notices(m_session.get(), &StudioSession::libraryNoticeChanged);
        QSignalSpy ready(m_session.get(), &StudioSession::imageReady);
        QVERIFY(m_session->submit(streamed(u"kept elsewhere"_s, 1)).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 15000);
        qputenv("XDG_DATA_HOME", previous);
        const ImageResult image = ready.first().at(1).value<ImageResult>();
        QVERIFY2(image.savedPath.startsWith(data.path()), qPrintable(image.savedPath));
        QVERIFY(!QImage(image.savedPath).isNull());
        QVERIFY(QFile::exists(
            QFileInfo(image.savedPath)
                .dir()
                .filePath(QFileInfo(image.savedPath).completeBaseName() + u".json"_s)));
        QCOMPARE(notices.size(), 1);
        const QString notice = notices.first().first().toString();
        QVERIFY2(
            notice.contains(QDir::toNativeSeparators(QFileInfo(image.savedPath).absolutePath())),
            qPrintable(notice));
        QFile::remove(month);
    }

    // The studio opens its library reading only the index's structure, so a large library shows
    // at once, and reads every page once the window has painted (checkLibrary(), on a worker
    // thread): a damaged page found then is repaired as on opening — the index made anew from
    // the files, the window told — and a sound index is left as it is.
    void aDamagedPageIsFoundAfterTheStart_data()
    {
        QTest::addColumn<bool>("damaged");
        QTest::newRow("damaged page") << true;
        QTest::newRow("sound") << false;
    }

    void aDamagedPageIsFoundAfterTheStart()
    {
        QFETCH(bool, damaged);
        for (int i = 0; i < 3; ++i)
            QVERIFY(saveFilledImage(m_session->library(), u"kept %1"_s.arg(i), u"gpt-image-1"_s,
                                    Qt::red, QSize(8, 8)));
        m_session->library().close();
        if (damaged)
            QVERIFY(damagePage(m_library->filePath(u"library.sqlite3"_s), u"images_model"_s));
        StudioSession next(Catalog::fromJson(Catalog::builtinJson()));
        QVERIFY(next.openLibrary(m_library->path()));
        QVERIFY2(next.libraryNotice().isEmpty(), qPrintable(next.libraryNotice())); // not yet
        QSignalSpy changed(&next, &StudioSession::libraryChanged);
        QSignalSpy sound(&next, &StudioSession::librarySound);
        next.checkLibrary();
        if (damaged) {
            QVERIFY(changed.wait(15000));
            QVERIFY2(next.libraryNotice().contains(u"damaged"_s)
                         && next.libraryNotice().contains(u"library.sqlite3.damaged-"_s),
                     qPrintable(next.libraryNotice()));
            QVERIFY(next.library().lastRepair().rebuilt);
            QVERIFY(!LibraryStore::findDamage(m_library->path()));
        } else {
            QVERIFY(sound.wait(15000));
            QVERIFY(changed.isEmpty());
            QVERIFY(next.libraryNotice().isEmpty());
        }
        QCOMPARE(next.library().count(), 3);
        QVERIFY(
            saveFilledImage(next.library(), u"after"_s, u"gpt-image-1"_s, Qt::blue, QSize(8, 8)));
        QCOMPARE(next.library().count(), 4);
    }

    // Before anything is paid for, the library folder must take the image: when it cannot,
    // nothing is sent and the message says why.
    void nothingIsSentWhenTheLibraryCannotTakeImages()
    {
        const QString library = m_session->libraryFolder();
        // The folder is replaced by a file (a drive unmounted, a sync tool): the probe fails.
        QVERIFY(QDir(library).removeRecursively());
        QFile blocker(library);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QList<Violation> errors = m_session->submit(request(u"not paid for"_s));
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().parameter, u"library"_s);
        QVERIFY2(errors.first().message.contains(u"Nothing was sent"_s)
                     && errors.first().message.contains(u"is a file, not a folder"_s),
                 qPrintable(errors.first().message));
        QCOMPARE(m_server->requestCount(), 0); // refused before anything was queued
        QCOMPARE(m_session->jobs()->rowCount(), 0);
        QFile::remove(library);
    }

    void namedProfilesAreSavedAndUsed()
    {
        const ProviderProfile gateway
            = gatewayProfile(QUrl(u"https://gw.example/v1"_s), u"my gateway"_s);
        StudioSession::saveProfiles({gateway});
        QCOMPARE(StudioSession::savedProfiles(), QList<ProviderProfile> {gateway});
        const QString source = m_session->useProfile(u"my gateway"_s);
        QCOMPARE(m_session->client()->provider(), gateway);
        QCOMPARE(StudioSession::activeProfileName(), u"my gateway"_s);
        QVERIFY(!source.isEmpty()); // where the key came from, or why there is none
        // A profile that no longer exists falls back to the environment.
        m_session->useProfile(u"gone"_s);
        QVERIFY(StudioSession::activeProfileName().isEmpty());
        StudioSession::saveProfiles({});
    }

    void safetyIdentifierGoesWithEveryRequestThatTakesIt()
    {
        m_session->setSafetyIdentifier(u"  user-hash-7 "_s);
        ImageRequest current = request(u"a fox"_s);
        current.model = u"gpt-image-2.6-flare"_s;
        ImageRequest own = current;
        own.setOption(Param::SafetyIdentifier, u"chosen"_s);
        ImageRequest dalle = request(u"a fox"_s);
        dalle.model = u"dall-e-3"_s;
        dalle.options.clear();
        QVERIFY(m_session->submitAll({current, own, dalle}).isEmpty());
        auto sentGenerations = [this] {
            QStringList sent;
            for (const RecordedRequest &recorded : m_server->requests()) {
                if (recorded.path.endsWith(u"/images/generations"_s))
                    sent.append(recorded.json.value(u"model"_s).toString() + u'='
                                + recorded.json.value(u"safety_identifier"_s).toString());
            }
            sent.sort();
            return sent;
        };
        QTRY_COMPARE_WITH_TIMEOUT(sentGenerations().size(), 3, 10000);
        const QStringList sent = sentGenerations();
        QCOMPARE(sent,
                 (QStringList {u"dall-e-3="_s, u"gpt-image-2.6-flare=chosen"_s,
                               u"gpt-image-2.6-flare=user-hash-7"_s}));
    }

    void shutDownModelIsRefusedAtOpenAIOnly()
    {
        ImageRequest old = request(u"a fox"_s);
        old.model = u"gpt-image-1.5"_s;
        ProviderProfile openai;
        openai.baseUrl = m_server->baseUrl();
        QSignalSpy changed(m_session.get(), &StudioSession::providerChanged);
        m_session->setProvider(openai, u"sk-test"_s);
        QCOMPARE(changed.count(), 1);
        const QList<Violation> refused = m_session->submit(old);
        QCOMPARE(refused.size(), 1);
        QVERIFY2(refused.first().message.contains(u"gpt-image-2.6-sunburst"_s),
                 qPrintable(refused.first().message));
        QCOMPARE(m_session->jobs()->rowCount(), 0);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void severalStreamedImagesGoOutAsOneImageRequests()
    {
        // n = 3 with streaming: three parallel one-image requests, so that every image streams;
        // without streaming the API sends n images in one answer, so one request goes.
        m_session->setMaxConcurrentJobs(4);
        ImageRequest three = streamed(u"three lanterns"_s, 1);
        three.setOption(Param::N, 3);
        QList<JobId> rows;
        QVERIFY(m_session->submitAll({three}, &rows).isEmpty());
        QCOMPARE(rows.size(), 3);
        // They are one set: the studio shows them together, three images of one each.
        for (const JobId id : std::as_const(rows)) {
            QCOMPARE(m_session->queue()->setOf(id), rows);
            QCOMPARE(m_session->queue()->job(id)->set, rows.first());
            QCOMPARE(m_session->queue()->job(id)->imageCount(), 1);
        }
        const QList<JobId> streamedSet = rows;
        QTRY_COMPARE_WITH_TIMEOUT(m_session->library().count(), 3, 15000);
        QCOMPARE(m_server->requestCount(), 3);
        for (const RecordedRequest &sent : m_server->requests()) {
            QVERIFY(!sent.json.contains(u"n"_s));
            QCOMPARE(sent.json.value(u"stream"_s).toBool(), true);
            QVERIFY(sent.violations.isEmpty());
        }
        ImageRequest plain = request(u"three lanterns, not streamed"_s);
        plain.setOption(Param::N, 3);
        rows.clear();
        QVERIFY(m_session->submitAll({plain}, &rows).isEmpty());
        QCOMPARE(rows.size(), 1);
        // Another Generate, another set: one job of three images.
        QCOMPARE(m_session->queue()->setOf(rows.first()), rows);
        QCOMPARE(m_session->queue()->job(rows.first())->imageCount(), 3);
        QCOMPARE(m_session->queue()->setOf(streamedSet.last()), streamedSet);
        QCOMPARE(m_session->queue()->setOf(JobId(999)), QList<JobId>());
        QTRY_COMPARE_WITH_TIMEOUT(m_session->library().count(), 6, 15000);
        QCOMPARE(m_server->requestCount(), 4);
        QCOMPARE(m_server->requests().last().json.value(u"n"_s).toInt(), 3);
    }

    void cancellingWhileAnImageArrivesLeavesNoFile()
    {
        // A big image arriving slowly is being written into .incoming; cancelling the job then
        // removes that file (the partial that had arrived whole was shown).
        m_server->setNoiseImages(true);
        m_server->setImageSize(QSize(1024, 1024));
        m_server->setRateBytesPerSecond(4'000'000);
        QSignalSpy partials(m_session.get(), &StudioSession::partialImage);
        QVERIFY(m_session->submit(streamed(u"a slow harbour"_s, 2)).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(partials.size(), 1, 20000);
        const QDir incoming(m_library->filePath(u".incoming"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!incoming.entryList(QDir::Files).isEmpty(),
                                 10000); // the second is arriving
        // The job list says how much has arrived (the state's tooltip).
        const QModelIndex state = m_session->jobs()->index(0, JobListModel::StateColumn);
        QCOMPARE(state.data().toString(), u"Receiving"_s);
        QTRY_VERIFY2(state.data(Qt::ToolTipRole).toString().endsWith(u"iB received so far"_s),
                     qPrintable(state.data(Qt::ToolTipRole).toString()));
        QCOMPARE(m_session->jobs()
                     ->index(0, JobListModel::PromptColumn)
                     .data(Qt::ToolTipRole)
                     .toString(),
                 u"a slow harbour"_s);
        m_session->cancel(m_session->jobs()->idAt(0));
        QTRY_COMPARE(m_session->queue()->at(0).state, ImageJob::State::Cancelled);
        QCOMPARE(state.data().toString(), u"Cancelled"_s);
        QTRY_VERIFY(incoming.entryList(QDir::Files).isEmpty());
        QCOMPARE(partials.size(), 1);
        QCOMPARE(m_session->library().count(), 0); // the final image never came
    }

    void concurrencyQueuesTheRest()
    {
        m_session->setMaxConcurrentJobs(2);
        // Streams that stall keep their slots busy until cancelled.
        m_server->stallNextStream(1);
        m_server->stallNextStream(1);
        QList<ImageRequest> requests;
        for (int i = 0; i < 4; ++i)
            requests.append(streamed(u"job %1"_s.arg(i), 1));
        QVERIFY(m_session->submitAll(requests).isEmpty());
        QCOMPARE(m_session->jobs()->rowCount(), 4);
        QCOMPARE(stateCount(u"Queued"_s), 2);
        QTRY_COMPARE(m_server->requestCount(), 2);
        QTest::qWait(50);
        QCOMPARE(m_server->requestCount(), 2); // the others wait for a free slot
        m_session->cancel(m_session->jobs()->idAt(0));
        // One slot freed: the third starts; it streams normally and ends, so the fourth starts.
        QTRY_COMPARE(m_server->requestCount(), 4);
        QCOMPARE(stateCount(u"Queued"_s), 0);
        m_session->cancel(m_session->jobs()->idAt(1));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->library().count(), 2, 10000);
    }
};

QTEST_GUILESS_MAIN(TestStudioSession)
#include "tst_studiosession.moc"
