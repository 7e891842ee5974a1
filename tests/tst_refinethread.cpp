// The refine thread beside the canvas: turns typed into it go to the fake server's Responses API
// (real HTTP), each continuing the one chosen (its response id as previous_response_id), each
// image kept in the library as a child of the image it refined. A refusal shows the API's words,
// an expired response starts a new conversation from that turn's image, a provider without
// /responses gets the turns as /images/edits, and the thread's total adds the turns' costs.
#include "canvas/canvaspanel.h"
#include "crashedjob.h"
#include "fakeimagesserver.h"
#include "gallery/gallerypanel.h"
#include "library/librarymodel.h"
#include "library/librarystore.h"
#include "libraryimages.h"
#include "mainwindow.h"
#include "platform/safefiles.h"
#include "refine/refinepane.h"
#include "refine/refinestudio.h"
#include "studio/jobqueue.h"
#include "studio/refinethread.h"
#include "studio/studiosession.h"
#include "studio/studiosettings.h"
#include "studiowindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestRefineThread : public QObject, public AtelierTest::StudioWindowFixture
{
    Q_OBJECT

private:
    qint64 m_start = 0;

    RefineStudio *studio() const { return m_window->findChild<RefineStudio *>(u"refineStudio"_s); }
    RefineThread *thread() const { return studio()->thread(); }
    QListWidget *turnList() const
    {
        return m_window->findChild<QListWidget *>(u"refineTurnList"_s);
    }
    QString total() const { return m_window->findChild<QLabel *>(u"refineTotal"_s)->text(); }

    // The requests the server received at `path` ("/responses", "/images/edits").
    QList<RecordedRequest> requestsTo(const QString &path) const
    {
        QList<RecordedRequest> found;
        for (const RecordedRequest &request : m_server->requests()) {
            if (request.path.endsWith(path))
                found.append(request);
        }
        return found;
    }

    // Opens the thread of the start image the way a user does: the image on the canvas, then
    // Refine… on its hover bar.
    bool openFromCanvas()
    {
        const std::optional<LibraryImage> start = m_session->library().image(m_start);
        if (!start)
            return false;
        m_window->canvas()->showImageFile(start->path, start->request.prompt, m_start);
        auto *button = m_window->canvas()->findChild<QToolButton *>(u"imageRefine"_s);
        if (!button || !button->isEnabled())
            return false;
        button->click();
        return studio()->dock()->isVisible() && thread()->startId() == m_start;
    }

    // Types `prompt`, optionally choosing turn `from` first, and presses Send; waits until the
    // turn has ended. The turn's index, -1 when it did not end.
    int sendTurn(const QString &prompt, int from = -1)
    {
        if (from >= 0)
            turnList()->setCurrentRow(from);
        auto *input = m_window->findChild<QLineEdit *>(u"refineInput"_s);
        input->setText(prompt);
        auto *send = m_window->findChild<QPushButton *>(u"refineSend"_s);
        if (!send->isEnabled())
            return -1;
        QSignalSpy ended(thread(), &RefineThread::busyChanged);
        send->click();
        if (!thread()->isBusy())
            return -1;
        if (!ended.wait(20000) && thread()->isBusy())
            return -1;
        if (thread()->isBusy())
            return -1;
        return int(thread()->turns().size() - 1);
    }

    std::optional<LibraryImage> imageOf(int turn) const
    {
        return m_session->library().image(thread()->turns().at(turn).imageId);
    }

    // Closes the window and opens a new one on the same session, as a restart does.
    bool restart() { return openWindow(QSize(1400, 900)); }

    // The status bar's "Session: $…".
    QString sessionTotal() const
    {
        const QList<QLabel *> labels = m_window->statusBar()->findChildren<QLabel *>();
        for (QLabel *label : labels) {
            if (label->text().startsWith(u"Session: $"_s))
                return label->text();
        }
        return {};
    }

    // The thread's file of the turns that made no image.
    QString keptTurnsPath() const
    {
        return QDir(m_session->library().folder())
            .filePath(u".refine/thread-%1.json"_s.arg(m_start));
    }

private Q_SLOTS:
    void initTestCase() { isolateStudio(); }

    void init()
    {
        StudioSettings::windowGeometry.clear();
        StudioSettings::refineThreadStart.clear();
        const Status started = startStudio();
        QVERIFY2(started, qPrintable(started.error()));
        LibraryImage entry;
        entry.request.prompt = u"a lighthouse at dusk"_s;
        entry.request.model = u"gpt-image-1"_s;
        QImage pixels(64, 64, QImage::Format_RGB32);
        pixels.fill(Qt::darkCyan);
        const Result<qint64> saved = saveImage(m_session->library(), entry, pixels);
        QVERIFY2(saved, qPrintable(saved.error()));
        m_start = *saved;
        QVERIFY(openWindow(QSize(1400, 900)));
        QVERIFY(studio());
        QVERIFY(openFromCanvas());
    }

    void cleanup() { closeStudio(); }

    // The second turn continues the first: only its instruction and the first's response id.
    void twoTurnsChain()
    {
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        QCOMPARE(sendTurn(u"now make it night"_s), 2);
        const QList<RecordedRequest> sent = requestsTo(u"/responses"_s);
        QCOMPARE(sent.size(), 2);
        for (const RecordedRequest &request : sent)
            QVERIFY2(request.violations.isEmpty(), qPrintable(request.violations.join(u"; "_s)));
        QCOMPARE(FakeResponsesApi::inputImages(sent.at(0).json), 1); // the start image, once
        QVERIFY(!sent.at(0).json.contains(u"previous_response_id"_s));
        const QStringList issued = m_server->responsesApi().issued();
        QCOMPARE(sent.at(1).json.value(u"previous_response_id"_s).toString(), issued.at(0));
        QCOMPARE(FakeResponsesApi::inputImages(sent.at(1).json), 0);

        // Both images are in the library, each the child of the image it refined, with the
        // response id to continue from and the one it continued.
        const std::optional<LibraryImage> first = imageOf(1);
        const std::optional<LibraryImage> second = imageOf(2);
        QVERIFY(first && second);
        QCOMPARE(first->parentId, m_start);
        QCOMPARE(second->parentId, first->id);
        const QJsonObject refine = second->edit.value(u"refine"_s).toObject();
        QCOMPARE(refine.value(u"response_id"_s).toString(), issued.at(1));
        QCOMPARE(refine.value(u"previous_response_id"_s).toString(), issued.at(0));
        QCOMPARE(second->request.prompt, u"now make it night"_s);
        QVERIFY(QFileInfo::exists(second->path));
        // ... and in the thread and the gallery.
        QCOMPARE(turnList()->count(), 3);
        QVERIFY(turnList()->item(2)->text().contains(u"now make it night"_s));
        QTRY_COMPARE(m_window->gallery()->model()->rowCount(), 3);
        QCOMPARE(m_window->canvas()->shownId(), second->id);
    }

    // Choosing turn 1 and sending branches: turn 1's response id goes as previous_response_id.
    void branchFromTurnOne()
    {
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        QCOMPARE(sendTurn(u"now make it night"_s), 2);
        QCOMPARE(sendTurn(u"make it winter instead"_s, 1), 3);
        const QList<RecordedRequest> sent = requestsTo(u"/responses"_s);
        QCOMPARE(sent.size(), 3);
        const QStringList issued = m_server->responsesApi().issued();
        QCOMPARE(sent.at(2).json.value(u"previous_response_id"_s).toString(), issued.at(0));
        QCOMPARE(thread()->turns().at(3).from, 1);
        QCOMPARE(imageOf(3)->parentId, thread()->turns().at(1).imageId);
        QVERIFY(turnList()->item(3)->text().contains(u"from turn 1"_s));
        // Branching from the start sends the start image again, as a new conversation.
        QCOMPARE(sendTurn(u"a storm"_s, 0), 4);
        const RecordedRequest last = requestsTo(u"/responses"_s).constLast();
        QVERIFY(!last.json.contains(u"previous_response_id"_s));
        QCOMPARE(FakeResponsesApi::inputImages(last.json), 1);
        QCOMPARE(imageOf(4)->parentId, m_start);
    }

    void refusal_data()
    {
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("words"); // what the API said
        QTest::newRow("moderation error") << u"BLOCKED thing"_s << u"our safety system"_s;
        QTest::newRow("refusal output") << u"REFUSE this"_s << u"against the usage policies"_s;
    }

    // A refused turn shows the API's words; the thread and its images stay, and go on.
    void refusal()
    {
        QFETCH(QString, prompt);
        QFETCH(QString, words);
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        const int images = m_session->library().count();
        QCOMPARE(sendTurn(prompt), 2);
        QCOMPARE(thread()->turns().at(2).state, RefineTurn::State::Refused);
        QCOMPARE(thread()->turns().at(2).imageId, 0);
        QVERIFY2(turnList()->item(2)->text().contains(words),
                 qPrintable(turnList()->item(2)->text()));
        QCOMPARE(m_session->library().count(), images);
        QCOMPARE(turnList()->count(), 3);
        // The next turn continues the newest turn with an image.
        QCOMPARE(sendTurn(u"a lantern on the boat"_s), 3);
        QCOMPARE(thread()->turns().at(3).state, RefineTurn::State::Done);
        QCOMPARE(requestsTo(u"/responses"_s).constLast().json.value(u"previous_response_id"_s),
                 QJsonValue(m_server->responsesApi().issued().at(0)));
    }

    // The provider forgot turn 1's response: the turn starts a new conversation from turn 1's
    // image, and says so.
    void expiredResponseRestartsFromItsImage()
    {
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        const QString firstId = m_server->responsesApi().issued().at(0);
        m_server->responsesApi().expire(firstId);
        QCOMPARE(sendTurn(u"now make it night"_s), 2);
        const QList<RecordedRequest> sent = requestsTo(u"/responses"_s);
        QCOMPARE(sent.size(), 3);
        QCOMPARE(sent.at(1).json.value(u"previous_response_id"_s).toString(), firstId);
        QVERIFY(!sent.at(2).json.contains(u"previous_response_id"_s));
        QCOMPARE(FakeResponsesApi::inputImages(sent.at(2).json), 1);
        const RefineTurn turn = thread()->turns().at(2);
        QCOMPARE(turn.state, RefineTurn::State::Done);
        QVERIFY(turnList()->item(2)->text().contains(u"expired"_s));
        QCOMPARE(imageOf(2)->parentId, thread()->turns().at(1).imageId);
        // The new conversation is the one the next turn continues.
        QCOMPARE(sendTurn(u"and stars"_s), 3);
        QCOMPARE(requestsTo(u"/responses"_s).constLast().json.value(u"previous_response_id"_s),
                 QJsonValue(turn.responseId));
    }

    // Without /responses the turns go as /images/edits of the image they continue, said once.
    void noResponsesApiFallsBackToEdits()
    {
        m_server->responsesApi().setAvailable(false);
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        QCOMPARE(requestsTo(u"/responses"_s).size(), 1);
        QCOMPARE(requestsTo(u"/images/edits"_s).size(), 1);
        QCOMPARE(thread()->turns().at(1).state, RefineTurn::State::Done);
        QVERIFY(thread()->turns().at(1).asEdit);
        QCOMPARE(imageOf(1)->parentId, m_start);
        QVERIFY(turnList()->item(1)->text().contains(u"no Responses API"_s));
        QVERIFY(m_window->findChild<QLabel *>(u"refineMode"_s)->isVisible());
        QCOMPARE(sendTurn(u"now make it night"_s), 2);
        QCOMPARE(requestsTo(u"/responses"_s).size(), 1); // not asked again
        const QList<RecordedRequest> edits = requestsTo(u"/images/edits"_s);
        QCOMPARE(edits.size(), 2);
        QCOMPARE(thread()->turns().at(2).state, RefineTurn::State::Done);
        QCOMPARE(imageOf(2)->parentId, thread()->turns().at(1).imageId);
        QVERIFY(!turnList()->item(2)->text().contains(u"no Responses API"_s));
        QVERIFY(edits.at(1).part(u"prompt"_s));
        QCOMPARE(edits.at(1).part(u"prompt"_s)->data, QByteArray("now make it night"));
        // The reference is turn 1's image.
        QFile made(thread()->turns().at(1).imagePath);
        QVERIFY(made.open(QIODevice::ReadOnly));
        const QByteArray bytes = made.readAll();
        bool sentIt = false;
        for (const ReceivedPart &part : edits.at(1).parts)
            sentIt = sentIt || part.data == bytes;
        QVERIFY(sentIt);
    }

    // The total is the sum of the turns' costs from their usage.
    void costTotal()
    {
        QVERIFY(total().contains(u"$0.000"_s));
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        QCOMPARE(sendTurn(u"now make it night"_s), 2);
        const double first = thread()->turns().at(1).cost;
        const double second = thread()->turns().at(2).cost;
        QVERIFY(first > 0);
        QVERIFY(second > 0);
        QCOMPARE(thread()->totalCost(), first + second);
        QVERIFY2(total().contains(u"$%1"_s.arg(first + second, 0, 'f', 3)), qPrintable(total()));
        QVERIFY2(total().contains(u", 2 turn"_s), qPrintable(total()));
        QVERIFY(turnList()->item(1)->text().contains(u"$%1"_s.arg(first, 0, 'f', 3)));
    }

    // A new window (a restart) opens the thread again, rebuilt from the library.
    void threadSurvivesARestart()
    {
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        QCOMPARE(sendTurn(u"now make it night"_s), 2);
        QCOMPARE(sendTurn(u"make it winter instead"_s, 1), 3);
        const QList<RefineTurn> before = thread()->turns();
        QVERIFY(openWindow());
        const QList<RefineTurn> after = thread()->turns();
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i < after.size(); ++i) {
            QCOMPARE(after.at(i).imageId, before.at(i).imageId);
            QCOMPARE(after.at(i).from, before.at(i).from);
            QCOMPARE(after.at(i).responseId, before.at(i).responseId);
        }
        QCOMPARE(thread()->totalCost(), before.at(1).cost + before.at(2).cost + before.at(3).cost);
        // It goes on from where it was: turn 3's conversation.
        QCOMPARE(sendTurn(u"and snow"_s), 4);
        QCOMPARE(requestsTo(u"/responses"_s).constLast().json.value(u"previous_response_id"_s),
                 QJsonValue(before.at(3).responseId));
    }

    // Refused turns are kept with the API's words and the turn they continued: the thread
    // rebuilt after a restart shows them where they were, and goes on.
    void refusedTurnsSurviveARestart()
    {
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        QCOMPARE(sendTurn(u"BLOCKED thing"_s), 2);
        QCOMPARE(sendTurn(u"a lantern on the boat"_s), 3);
        QCOMPARE(sendTurn(u"REFUSE this"_s, 0), 4);
        const QList<RefineTurn> before = thread()->turns();
        QCOMPARE(before.at(2).state, RefineTurn::State::Refused);
        QCOMPARE(before.at(4).state, RefineTurn::State::Refused);
        QVERIFY(SafeFiles::isOwnFile(keptTurnsPath()));
        QVERIFY(restart());
        const QList<RefineTurn> after = thread()->turns();
        QCOMPARE(after.size(), 5);
        for (int i = 0; i < after.size(); ++i) {
            QCOMPARE(after.at(i).state, before.at(i).state);
            QCOMPARE(after.at(i).prompt, before.at(i).prompt);
            QCOMPARE(after.at(i).from, before.at(i).from);
            QCOMPARE(after.at(i).imageId, before.at(i).imageId);
        }
        QCOMPARE(after.at(2).from, 1);
        QCOMPARE(after.at(4).from, 0);
        QCOMPARE(after.at(2).notes, before.at(2).notes);
        QVERIFY2(turnList()->item(2)->text().contains(u"our safety system"_s),
                 qPrintable(turnList()->item(2)->text()));
        QVERIFY2(turnList()->item(4)->text().contains(u"against the usage policies"_s),
                 qPrintable(turnList()->item(4)->text()));
        // Reopened from a turn's image, the same thread; and it goes on from turn 3.
        QVERIFY(thread()->open(after.at(3).imageId));
        QCOMPARE(thread()->turns().size(), 5);
        QCOMPARE(sendTurn(u"and snow"_s), 5);
        QCOMPARE(requestsTo(u"/responses"_s).constLast().json.value(u"previous_response_id"_s),
                 QJsonValue(before.at(3).responseId));
    }

    // The file of kept turns is written without following a link planted in its place: the
    // link's target stays as it was, and a link is never read as the thread's turns.
    void keptTurnsNeverFollowALink()
    {
        const QString outside = m_session->library().folder() + u"-outside.json"_s;
        QFile target(outside);
        QVERIFY(target.open(QIODevice::WriteOnly));
        const QByteArray planted
            = QByteArray(R"({"turns":[{"state":"refused","prompt":"planted","from_image":)")
            + QByteArray::number(m_start) + QByteArray("}]}");
        target.write(planted);
        target.close();
        QVERIFY(QDir(m_session->library().folder()).mkpath(u".refine"_s));
        QVERIFY(QFile::link(outside, keptTurnsPath()));
        QVERIFY(thread()->open(m_start));
        QCOMPARE(thread()->turns().size(), 1); // the link is not read
        QCOMPARE(sendTurn(u"BLOCKED thing"_s), 1);
        QVERIFY(target.open(QIODevice::ReadOnly));
        QCOMPARE(target.readAll(), planted);
        target.close();
        QVERIFY(!QFileInfo(keptTurnsPath()).isSymLink());
        QVERIFY(SafeFiles::isOwnFile(keptTurnsPath()));
        QVERIFY(restart());
        QCOMPARE(thread()->turns().size(), 2);
        QCOMPARE(thread()->turns().at(1).prompt, u"BLOCKED thing"_s);
        QFile::remove(outside);
    }

    // Turns sent as edits (no Responses API) are marked as the thread's turns in their recipe,
    // with the turn they continued, so the rebuilt thread has them.
    void editTurnsSurviveARestart()
    {
        m_server->responsesApi().setAvailable(false);
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        QCOMPARE(sendTurn(u"now make it night"_s), 2);
        QCOMPARE(sendTurn(u"make it winter instead"_s, 1), 3);
        const QList<RefineTurn> before = thread()->turns();
        const QJsonObject refine = imageOf(3)->edit.value(u"refine"_s).toObject();
        QCOMPARE(refine.value(u"api"_s).toString(), u"edits"_s);
        QCOMPARE(refine.value(u"continues"_s).toInteger(), before.at(1).imageId);
        QCOMPARE(imageOf(3)->parentId, before.at(1).imageId);
        QVERIFY(restart());
        const QList<RefineTurn> after = thread()->turns();
        QCOMPARE(after.size(), 4);
        for (int i = 1; i < after.size(); ++i) {
            QCOMPARE(after.at(i).imageId, before.at(i).imageId);
            QCOMPARE(after.at(i).from, before.at(i).from);
            QVERIFY(after.at(i).asEdit);
            QCOMPARE(after.at(i).state, RefineTurn::State::Done);
        }
        QCOMPARE(after.at(3).from, 1);
        // An image of such a turn opens its thread, not one of its own.
        QVERIFY(thread()->open(before.at(2).imageId));
        QCOMPARE(thread()->startId(), m_start);
        QCOMPARE(thread()->turns().size(), 4);
    }

    // The dock is shown at start when a thread is reopened, and stays hidden without one.
    void dockShownWhenAThreadIsReopened()
    {
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        QVERIFY(restart());
        QCOMPARE(thread()->startId(), m_start);
        QVERIFY(studio()->dock()->isVisible());
        StudioSettings::refineThreadStart.clear();
        QVERIFY(restart());
        QCOMPARE(thread()->startId(), 0);
        QVERIFY(!studio()->dock()->isVisible());
    }

    // What the turns cost is in the session's total in the status bar, and the budget counts it.
    void turnsCountInTheSessionTotal()
    {
        const double spent = m_session->sessionCost();
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        QCOMPARE(sendTurn(u"now make it night"_s), 2);
        const double turns = thread()->turns().at(1).cost + thread()->turns().at(2).cost;
        QVERIFY(turns > 0);
        QCOMPARE(m_session->sessionCost(), spent + turns);
        QCOMPARE(sessionTotal(), u"Session: $%1"_s.arg(spent + turns, 0, 'f', 3));
        // A budget the turns have used up refuses the next request.
        m_session->setBudget(turns / 2);
        ImageRequest request;
        request.model = u"gpt-image-1"_s;
        request.prompt = u"a harbour"_s;
        const QList<Violation> refused = m_session->submit(request);
        m_session->setBudget(0);
        bool overBudget = false;
        for (const Violation &violation : refused)
            overBudget = overBudget || violation.parameter == u"budget"_s;
        QVERIFY(overBudget);
    }

    // A turn that would take the session past its budget is not sent (and not added to the
    // thread), whether it goes to the Responses API or as an edit; the message says so.
    void aTurnPastTheBudgetIsNotSent_data()
    {
        QTest::addColumn<bool>("asEdits");
        QTest::newRow("responses") << false;
        QTest::newRow("edits") << true;
    }
    void aTurnPastTheBudgetIsNotSent()
    {
        QFETCH(bool, asEdits);
        m_server->responsesApi().setAvailable(!asEdits);
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        QCOMPARE(thread()->sendsEdits(), asEdits);
        const qsizetype sent = m_server->requests().size();
        m_session->setBudget(m_session->sessionCost() + m_session->pendingCost() + 0.0001);
        const Status refused = thread()->send(u"now make it night"_s);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(u"budget"_s), qPrintable(refused.error()));
        QVERIFY(!thread()->isBusy());
        QCOMPARE(thread()->turns().size(), 2);
        QCOMPARE(m_server->requests().size(), sent);
        // A budget with room sends it.
        m_session->setBudget(m_session->sessionCost() + 10);
        QCOMPARE(sendTurn(u"now make it night"_s), 2);
        QCOMPARE(thread()->turns().at(2).state, RefineTurn::State::Done);
        m_session->setBudget(0);
    }

    // An edit turn that was running when the studio crashed is journaled with what it edits and
    // its turn's marker: sent again at the next start, its image is a turn of the thread again,
    // continuing the turn it continued.
    void anInterruptedEditTurnComesBackIntoItsThread()
    {
        m_server->responsesApi().setAvailable(false);
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        const RefineTurn first = thread()->turns().at(1);
        // Turn 2 as it was on its way when the process died (its input copied into the
        // library's inputs, as every edit's is).
        const QString input = QDir(m_session->inputsFolder()).filePath(u"turn-1.png"_s);
        QVERIFY(QDir().mkpath(m_session->inputsFolder()));
        QVERIFY(QFile::copy(first.imagePath, input));
        ImageRequest edit;
        edit.endpoint = Endpoint::Edits;
        edit.model = m_session->catalog().responsesImageModel();
        edit.prompt = u"now make it night"_s;
        edit.images = {input};
        edit.setOption(Param::Stream, true);
        edit.setOption(Param::PartialImages, 2);
        EditContext context(first.imageId, false,
                            {{u"refine"_s,
                              QJsonObject {{u"api"_s, u"edits"_s},
                                           {u"prompt"_s, edit.prompt},
                                           {u"model"_s, edit.model},
                                           {u"continues"_s, first.imageId}}}});
        m_window.reset();
        m_session.reset();
        QVERIFY(Testing::journalOfACrashedProcess(m_library->path(), edit, {},
                                                  journalContext(context, first.imagePath))
                > 0);
        // The next start: the thread is back, and the request is offered and sent again.
        m_session = newSession();
        QVERIFY(m_session->openLibrary(m_library->path()));
        QCOMPARE(m_session->interruptedJobs().size(), 1);
        bool offered = false;
        QTimer answer; // the window asks once its event loop runs
        answer.setInterval(10);
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != u"unfinishedRequests"_s)
                return;
            answer.stop();
            for (QAbstractButton *button : box->buttons()) {
                if (button->text() == u"Send again"_s) {
                    offered = true;
                    button->click();
                }
            }
        });
        answer.start();
        QVERIFY(restart());
        QCOMPARE(thread()->startId(), m_start);
        QTRY_VERIFY(offered);
        QTRY_COMPARE_WITH_TIMEOUT(thread()->turns().size(), 3, 20000);
        const RefineTurn again = thread()->turns().at(2);
        QCOMPARE(again.state, RefineTurn::State::Done);
        QCOMPARE(again.prompt, u"now make it night"_s);
        QCOMPARE(again.from, 1);
        QVERIFY(again.asEdit);
        QCOMPARE(imageOf(2)->parentId, first.imageId);
        QCOMPARE(turnList()->count(), 3);
        // And it goes on from there.
        QCOMPARE(sendTurn(u"and snow"_s), 3);
        QCOMPARE(imageOf(3)->parentId, again.imageId);
    }

    // An edit turn that failed, retried from the job list: its image joins the thread as the
    // turn sent again, beside the failed one.
    void aRetriedEditTurnIsATurnOfTheThread()
    {
        m_server->responsesApi().setAvailable(false);
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        ScriptedReply failure;
        failure.kind = ScriptedReply::Kind::Error;
        failure.status = 400;
        failure.body
            = R"({"error":{"message":"The server said no.","type":"invalid_request_error"}})";
        m_server->enqueue(failure);
        QList<JobId> jobs;
        connect(m_session->queue(), &JobQueue::jobAdded, this,
                [&jobs](JobId id) { jobs.append(id); });
        QCOMPARE(sendTurn(u"now make it night"_s), 2);
        QCOMPARE(thread()->turns().at(2).state, RefineTurn::State::Failed);
        QCOMPARE(jobs.size(), 1);
        QVERIFY(m_session->retry(jobs.first()).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(thread()->turns().size(), 4, 20000);
        QCOMPARE(thread()->turns().at(2).state, RefineTurn::State::Failed);
        const RefineTurn retried = thread()->turns().at(3);
        QCOMPARE(retried.state, RefineTurn::State::Done);
        QCOMPARE(retried.prompt, u"now make it night"_s);
        QCOMPARE(retried.from, 1);
        QCOMPARE(imageOf(3)->parentId, thread()->turns().at(1).imageId);
    }

    // Refine… in the gallery's menu and File > Refine the image… (Ctrl+R) open the thread too;
    // an image made by a turn opens the thread it belongs to.
    void entryPoints()
    {
        QCOMPARE(sendTurn(u"add a red boat"_s), 1);
        const qint64 made = thread()->turns().at(1).imageId;
        QAction *refine = m_window->findChild<QAction *>(u"actionRefine"_s);
        QVERIFY(refine);
        QCOMPARE(refine->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        turnList()->setCurrentRow(0);
        m_window->canvas()->showImageFile(imageOf(1)->path, QString(), made);
        refine->trigger();
        QCOMPARE(thread()->startId(), m_start);
        QCOMPARE(thread()->turns().size(), 2);
        QCOMPARE(turnList()->currentRow(), 1); // the image's turn, chosen
        Q_EMIT m_window->gallery()->refineRequested(imageOf(1)->path, made);
        QCOMPARE(thread()->startId(), m_start);
        QVERIFY(m_window->findChild<QAction *>(u"actionShowRefine"_s));
    }
};

QTEST_MAIN(TestRefineThread)
#include "tst_refinethread.moc"
