#include "studioapp.h"

#include "catalog/catalog.h"
#include "library/contentfiles.h"
#include "mainwindow.h"
#include "platform/unixsignalwatcher.h"
#include "prompt/prompteditor.h"
#include "studio/studiosession.h"
#include "theme/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEvent>
#include <QMessageBox>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <utility>

namespace Atelier {

namespace {

std::atomic<bool> ending = false;

// The window closes as if the user had quit (geometry and parameters saved), and every event
// loop ends: the main one, and that of whatever dialog is open (QCoreApplication::exit() leaves
// them all, and a dialog opened after it returns at once).
void endStudio(QWidget *window)
{
    ending = true;
    if (window)
        window->close();
    QCoreApplication::quit();
}

// Calls `then` once, when the first paint of the window is done (queued behind it).
class AfterFirstPaint final : public QObject
{
public:
    explicit AfterFirstPaint(std::function<void()> then)
        : m_then(std::move(then))
    {
        QCoreApplication::instance()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_then) {
            QCoreApplication::instance()->removeEventFilter(this);
            QTimer::singleShot(0, this, std::exchange(m_then, {}));
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_then;
};

} // namespace

StudioCommandLine::StudioCommandLine(QCommandLineParser &parser)
    : edit(QStringLiteral("edit"),
           QCoreApplication::translate("main", "Open <file> in the mask painter, ready to edit."),
           QCoreApplication::translate("main", "file"))
    , prompt(QStringLiteral("prompt"),
             QCoreApplication::translate("main", "Start with <text> in the prompt editor."),
             QCoreApplication::translate("main", "text"))
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "A desktop image studio for the OpenAI Images API."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(edit);
    parser.addOption(prompt);
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QCoreApplication::translate("main",
                                    "Images to open in the mask painter: the first is the "
                                    "one to edit, the others join it as references."),
        QStringLiteral("[files...]"));
}

bool studioIsEnding()
{
    return ending;
}

int runStudio(QApplication &app, const std::function<void(MainWindow *)> &shown)
{
    // Logging out, kill or Ctrl+C in a terminal: close the window as if the user had quit, so
    // geometry and parameters are saved; running jobs are journaled and offered again next time.
    // Watched before anything can open a dialog, so no dialog can hold a signal back.
    UnixSignalWatcher signalWatcher({SIGINT, SIGTERM, SIGHUP});
    QPointer<MainWindow> windowShown;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &app,
                     [&windowShown] { endStudio(windowShown); });

    QCommandLineParser parser;
    const StudioCommandLine commandLine(parser);
    parser.process(app);
    const QCommandLineOption &edit = commandLine.edit;
    const QCommandLineOption &prompt = commandLine.prompt;

    // Dark unless the user chose light: images are judged on a neutral dark ground.
    Theme::apply(Theme::configured());

    StudioSession session(Catalog::load());
    const QString keySource = session.useProfile(StudioSession::activeProfileName());
    // A library folder that cannot be used gives way to the fallback folder; a damaged index is
    // made anew from the files. Either is said in one line in the window, never in a dialog.
    const Status libraryOpen = session.openLibrary(StudioSession::configuredLibraryFolder(),
                                                   StudioSession::Fallback::Use);
    MainWindow window(&session);
    windowShown = &window;
    window.setKeySource(keySource);
    if (!libraryOpen)
        window.showLibraryNotice(
            QApplication::translate("main",
                                    "%1 Images you make now are shown but not saved; "
                                    "export the ones you want to keep.")
                .arg(libraryOpen.error()));
    else if (!session.libraryNotice().isEmpty())
        window.showLibraryNotice(session.libraryNotice());
    // Every page of the library's index is read once the gallery shows, not before: at 100,000
    // images that is a third of a second the first paint does not wait for.
    const AfterFirstPaint checkLibrary([&session] { session.checkLibrary(); });
    window.show();
    if (parser.isSet(prompt))
        window.promptEditor()->setPrompt(parser.value(prompt));
    QStringList images = parser.positionalArguments();
    if (parser.isSet(edit))
        images.prepend(parser.value(edit));
    // Anything that may ask something waits for the event loop, where a signal can end it.
    QTimer::singleShot(0, &window, [&window, images] {
        if (!images.isEmpty() && !window.openForEditing(images) && !studioIsEnding()) {
            QMessageBox box(QMessageBox::Warning, QApplication::translate("main", "Cannot edit"),
                            QApplication::translate("main",
                                                    "%1 could not be opened for editing; "
                                                    "check that it is an image (PNG, JPEG "
                                                    "or WebP).")
                                .arg(images.first()),
                            QMessageBox::Ok, &window);
            box.setObjectName(QStringLiteral("cannotEdit"));
            box.setTextFormat(Qt::PlainText);
            box.exec();
        }
    });
    if (shown)
        QTimer::singleShot(0, &window, [&window, shown] { shown(&window); });
    const int status = ending ? 0 : app.exec();
    // Images written in the last moments are flushed to the disk before the process goes.
    ContentFiles::waitForDeferredSyncs();
    return status;
}

} // namespace Atelier
