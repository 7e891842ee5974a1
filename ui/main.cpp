#include "appicon.h"
#include "atelierversion.h"
#include "catalog/catalog.h"
#include "library/contentfiles.h"
#include "mainwindow.h"
#include "platform/translations.h"
#include "platform/unixsignalwatcher.h"
#include "prompt/prompteditor.h"
#include "studio/studiosession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <csignal>
#include <cstring>

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("Atelier"));
    QCoreApplication::setOrganizationName(QStringLiteral("Atelier"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATELIER_VERSION));
}

// The command line, described once for --help and for the real start.
struct CommandLine
{
    QCommandLineOption edit{QStringLiteral("edit"),
                            QCoreApplication::translate("main", "Open <file> in the mask painter, ready to edit."),
                            QCoreApplication::translate("main", "file")};
    QCommandLineOption prompt{QStringLiteral("prompt"),
                              QCoreApplication::translate("main", "Start with <text> in the prompt editor."),
                              QCoreApplication::translate("main", "text")};

    explicit CommandLine(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(QCoreApplication::translate("main", "A desktop image studio for the OpenAI Images API."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(edit);
        parser.addOption(prompt);
        parser.addPositionalArgument(QStringLiteral("files"),
                                     QCoreApplication::translate("main", "Images to open in the mask painter: the first is the one "
                                                                         "to edit, the others join it as references."),
                                     QStringLiteral("[files...]"));
    }
};

// --help and --version answer without a display (over ssh, in a package check).
bool asksOnlyForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "--help", "-?", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksOnlyForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        Atelier::Translations::install(&app);
        QCommandLineParser parser;
        const CommandLine commandLine(parser);
        parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setDesktopFileName(QStringLiteral("io.github.atelier_studio.Atelier"));
    QApplication::setWindowIcon(Atelier::applicationIcon());
    Atelier::Translations::install(&app);
    // Logging out, kill or Ctrl+C in a terminal: close the window as if the user had quit, so
    // geometry and parameters are saved; running jobs are journaled and offered again next time.
    Atelier::UnixSignalWatcher signalWatcher({SIGINT, SIGTERM, SIGHUP});

    QCommandLineParser parser;
    const CommandLine commandLine(parser);
    parser.process(app);

    Atelier::StudioSession session(Atelier::Catalog::load());
    const QString keySource = session.useProfile(Atelier::StudioSession::activeProfileName());
    QString error;
    const bool libraryOpen = session.openLibrary(Atelier::StudioSession::configuredLibraryFolder(), &error);
    Atelier::MainWindow window(&session);
    window.setKeySource(keySource);
    QObject::connect(&signalWatcher, &Atelier::UnixSignalWatcher::received, &window, [&window] {
        window.close();
        QCoreApplication::quit();
    });
    if (!libraryOpen)
        QMessageBox::warning(&window, QApplication::translate("main", "Library unavailable"),
                             QApplication::translate("main", "%1\nImages you make now are shown but not saved.").arg(error));
    window.resize(1400, 900);
    window.show();
    if (parser.isSet(commandLine.prompt))
        window.promptEditor()->setPrompt(parser.value(commandLine.prompt));
    QStringList images = parser.positionalArguments();
    if (parser.isSet(commandLine.edit))
        images.prepend(parser.value(commandLine.edit));
    if (!images.isEmpty() && !window.openForEditing(images))
        QMessageBox::warning(&window, QApplication::translate("main", "Cannot edit"),
                             QApplication::translate("main", "%1 could not be opened for editing; check that it is an image "
                                                             "(PNG, JPEG or WebP).").arg(images.first()));
    const int status = app.exec();
    // Images written in the last moments are flushed to the disk before the process goes.
    Atelier::ContentFiles::waitForDeferredSyncs();
    return status;
}
