// studio-process: the studio exactly as `atelier` starts it (runStudio), with one addition for
// tests that need a real process: ATELIER_TEST_OPEN names a dialog to open once the window is
// up, and every modal dialog that opens is announced on standard output ("open <objectName or
// class>"), so tst_shutdown can send a signal while it is open.
#include "gallery/gallerypanel.h"
#include "library/librarymodel.h"
#include "mainwindow.h"
#include "studioapp.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QListView>
#include <QMessageBox>
#include <QPointer>
#include <QTextStream>
#include <QTimer>

using namespace Atelier;

namespace {

void announceModalDialogs(QApplication *app)
{
    auto *timer = new QTimer(app);
    QObject::connect(timer, &QTimer::timeout, app, [] {
        static QPointer<QWidget> last;
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || modal == last)
            return;
        last = modal;
        const QString name = modal->objectName().isEmpty()
            ? QString::fromLatin1(modal->metaObject()->className())
            : modal->objectName();
        QTextStream(stdout) << "open " << name << Qt::endl;
    });
    timer->start(20);
}

// The answer a user would give to the question in front of them, to reach the next dialog.
void answerOnce(const QString &buttonText)
{
    auto *timer = new QTimer(qApp);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer, buttonText] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        for (QAbstractButton *button : box->buttons()) {
            if (button->text() == buttonText) {
                timer->stop();
                button->click();
                return;
            }
        }
    });
    timer->start(20);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Atelier"));
    QCoreApplication::setOrganizationName(QStringLiteral("Atelier"));
    announceModalDialogs(&app);
    const QString open = qEnvironmentVariable("ATELIER_TEST_OPEN");
    if (open == u"consent")
        answerOnce(QStringLiteral("Send again")); // the unfinished request uses an outside file
    return runStudio(app, [open](MainWindow *window) {
        if (open.startsWith(u"action")) {
            if (auto *action = window->findChild<QAction *>(open))
                action->trigger();
            else
                QTextStream(stdout) << "no action " << open << Qt::endl;
        } else if (open == u"export") {
            // As a user does: the first image selected in the gallery, then File > Export.
            auto *gallery = window->findChild<GalleryPanel *>();
            auto *action = window->findChild<QAction *>(QStringLiteral("actionExport"));
            if (gallery && action && gallery->model()->rowCount() > 0) {
                gallery->view()->setCurrentIndex(gallery->model()->index(0, 0));
                action->trigger();
            } else {
                QTextStream(stdout) << "nothing to export" << Qt::endl;
            }
        }
    });
}
