#include "appicon.h"
#include "atelierversion.h"
#include "platform/translations.h"
#include "studioapp.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstring>

namespace {

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("Atelier"));
    QCoreApplication::setOrganizationName(QStringLiteral("Atelier"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATELIER_VERSION));
}

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
        const Atelier::StudioCommandLine commandLine(parser);
        parser.process(app); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setDesktopFileName(QStringLiteral("io.github.atelier_studio.Atelier"));
    QApplication::setWindowIcon(Atelier::applicationIcon());
    Atelier::Translations::install(&app);
    return Atelier::runStudio(app);
}
