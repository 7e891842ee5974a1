#include "refinestudio.h"

#include "canvas/canvaspanel.h"
#include "gallery/gallerypanel.h"
#include "mainwindow.h"
#include "menuplace.h"
#include "notices/messagebar.h"
#include "refinepane.h"
#include "studio/refinethread.h"
#include "studio/studiosession.h"
#include "studio/studiosettings.h"
#include "theme/icons.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// The menu that holds the action named `name` (the window's menus have no names of their own).
QMenu *menuOf(MainWindow *window, const QString &name)
{
    if (auto *action = window->findChild<QAction *>(name)) {
        for (QObject *owner : action->associatedObjects()) {
            if (auto *menu = qobject_cast<QMenu *>(owner))
                return menu;
        }
    }
    return nullptr;
}

} // namespace

RefineStudio *RefineStudio::install(MainWindow *window, StudioSession *session)
{
    return new RefineStudio(window, session);
}

RefineStudio::RefineStudio(MainWindow *window, StudioSession *session)
    : QObject(window)
    , m_window(window)
    , m_session(session)
{
    setObjectName(u"refineStudio"_s);
    m_thread = new RefineThread(session, this);
    m_pane = new RefinePane(m_thread);
    m_dock = new QDockWidget(tr("Refine"), window);
    m_dock->setObjectName(u"refineDock"_s);
    m_dock->setWidget(m_pane);
    m_dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();

    QAction *show = m_dock->toggleViewAction();
    show->setText(tr("&Refine thread"));
    show->setObjectName(u"actionShowRefine"_s);
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    if (QMenu *view = menuOf(window, u"actionShowJobs"_s))
        insertAfter(view, u"actionShowJobs"_s, show);
    auto *refineShown = new QAction(Icons::refine(), tr("Re&fine the image…"), window);
    refineShown->setObjectName(u"actionRefine"_s);
    refineShown->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    refineShown->setToolTip(tr("Change the image shown turn by turn, in a thread beside it."));
    connect(refineShown, &QAction::triggered, this,
            [this] { refine(m_window->canvas()->shownPath(), m_window->canvas()->shownId()); });
    if (QMenu *file = menuOf(window, u"actionCompareGrid"_s))
        insertAfter(file, u"actionCompareGrid"_s, refineShown);

    connect(window->canvas(), &CanvasPanel::actionRequested, this,
            [this](CanvasPanel::Action action, const QString &path, qint64 id) {
                if (action == CanvasPanel::Action::Refine)
                    refine(path, id);
            });
    connect(window->gallery(), &GalleryPanel::refineRequested, this,
            [this](const QString &path, qint64 id) { refine(path, id); });
    connect(m_pane, &RefinePane::sendRequested, this, [this](const QString &prompt, int from) {
        if (const Status sent = m_thread->send(prompt, from); !sent)
            post(sent.error(), 8000);
    });
    connect(m_pane, &RefinePane::cancelRequested, m_thread, &RefineThread::cancel);
    connect(m_pane, &RefinePane::imageChosen, this,
            [this](const QString &path, qint64 id, const QString &caption) {
                m_window->canvas()->showImageFile(path, caption, id);
                m_window->canvas()->showPreview();
            });
    connect(m_thread, &RefineThread::partialImage, this, [this](int index, const QImage &image) {
        m_window->canvas()->showStreamedImage(image, m_thread->turns().at(index).prompt);
    });
    connect(m_thread, &RefineThread::imageSaved, this,
            [this](int index, qint64 id, const QString &path) {
                m_window->gallery()->refresh();
                m_window->canvas()->showImageFile(path, m_thread->turns().at(index).prompt, id);
            });

    // The thread open when the studio closed, rebuilt from the library, and shown.
    if (const qint64 start = StudioSettings::refineThreadStart.value();
        start > 0 && session->library().isOpen() && session->library().image(start)) {
        if (const Status opened = m_thread->open(start); !opened)
            post(opened.error(), 8000);
        else
            m_dock->show();
    }
}

void RefineStudio::refine(const QString &path, qint64 id)
{
    // An image shown as it arrived is indexed a moment later: found by its file then.
    if (id <= 0 && !path.isEmpty() && m_session->library().isOpen()) {
        if (const std::optional<LibraryImage> known = m_session->library().imageAt(path))
            id = known->id;
    }
    if (id <= 0) {
        post(tr("Refine starts from an image in the library: choose one in the gallery, or make "
                "one first."),
             8000);
        return;
    }
    // An image of the open thread is chosen in it (the next turn branches from it); another
    // opens its own thread.
    int turn = -1;
    for (int i = 0; i < m_thread->turns().size(); ++i) {
        if (m_thread->turns().at(i).imageId == id)
            turn = i;
    }
    if (turn < 0) {
        if (const Status opened = m_thread->open(id); !opened) {
            post(opened.error(), 8000);
            return;
        }
    } else {
        m_pane->chooseTurn(turn);
    }
    m_dock->show();
    m_dock->raise();
    m_pane->focusInput();
}

void RefineStudio::post(const QString &text, int timeout)
{
    if (auto *messages = m_window->findChild<MessageBar *>())
        messages->post(text, timeout);
}

} // namespace Atelier
