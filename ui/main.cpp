#include "atelierversion.h"
#include "catalog/catalog.h"
#include "mainwindow.h"
#include "prompt/prompteditor.h"
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
    const QCommandLineOption edit(QStringLiteral("edit"),
                                  QApplication::translate("main", "Open <file> in the mask painter, ready to edit."),
                                  QApplication::translate("main", "file"));
    const QCommandLineOption prompt(QStringLiteral("prompt"),
                                    QApplication::translate("main", "Start with <text> in the prompt editor."),
                                    QApplication::translate("main", "text"));
    parser.addOption(edit);
    parser.addOption(prompt);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "Images to open (their recipe is restored when they carry one)."),
                                 QStringLiteral("[files...]"));
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
    if (parser.isSet(prompt))
        window.promptEditor()->setPrompt(parser.value(prompt));
    if (parser.isSet(edit) && !window.openForEdit(parser.value(edit)))
        QMessageBox::warning(&window, QApplication::translate("main", "Cannot edit"),
                             QApplication::translate("main", "%1 could not be opened for editing; check that it is an image "
                                                             "(PNG, JPEG or WebP).").arg(parser.value(edit)));
    else if (!parser.positionalArguments().isEmpty())
        window.openImages(parser.positionalArguments());
    return app.exec();
}
