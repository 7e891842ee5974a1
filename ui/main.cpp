#include "atelierversion.h"
#include "catalog/catalog.h"
#include "mainwindow.h"
#include "studio/studiosession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Atelier"));
    QApplication::setOrganizationName(QStringLiteral("Atelier"));
    QApplication::setApplicationVersion(QStringLiteral(ATELIER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.atelier_studio.Atelier"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "A desktop image studio for the OpenAI Images API."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    Atelier::StudioSession session(Atelier::Catalog::load());
    const QString keySource = session.useProfile(Atelier::StudioSession::activeProfileName());
    QString error;
    const bool libraryOpen = session.openLibrary(Atelier::StudioSession::defaultLibraryFolder(), &error);
    Atelier::MainWindow window(&session);
    window.setKeySource(keySource);
    if (!libraryOpen)
        QMessageBox::warning(&window, QApplication::translate("main", "Library unavailable"),
                             QApplication::translate("main", "%1\nImages you make now are shown but not saved.").arg(error));
    window.resize(1400, 900);
    window.show();
    return app.exec();
}
