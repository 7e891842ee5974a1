#include "atelierversion.h"
#include "cliapplication.h"
#include "platform/translations.h"
#include "platform/unixsignalwatcher.h"

#include <QCoreApplication>

#include <csignal>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atelier-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Atelier"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATELIER_VERSION));
    Atelier::Translations::install(&app);

    Atelier::CliApplication cli;
    const int immediate = cli.start(QCoreApplication::arguments());
    if (immediate >= 0)
        return immediate;

    // Ctrl+C or a kill: stop the jobs, keep what arrived, exit 130.
    Atelier::UnixSignalWatcher signalWatcher({SIGINT, SIGTERM});
    QObject::connect(&signalWatcher, &Atelier::UnixSignalWatcher::received, &cli,
                     &Atelier::CliApplication::interrupt);
    QObject::connect(&cli, &Atelier::CliApplication::finished, &app, &QCoreApplication::exit);
    return app.exec();
}
