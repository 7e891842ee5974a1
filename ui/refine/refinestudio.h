#pragma once

#include <QObject>

class QDockWidget;

namespace Atelier {

class MainWindow;
class RefinePane;
class RefineThread;
class StudioSession;

// The refine thread wired into the window, so that MainWindow only installs it: the
// RefineThread, its RefinePane in a dock right of the canvas (View > Refine thread), File >
// Refine the image… (Ctrl+R), Refine… on the canvas and in the gallery, partial images streamed
// into the canvas, kept turns shown in the gallery. The thread open when the studio closed is
// opened again, its dock shown.
class RefineStudio final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefineStudio)

public:
    static RefineStudio *install(MainWindow *window, StudioSession *session);

    RefineThread *thread() const { return m_thread; }
    RefinePane *pane() const { return m_pane; }
    QDockWidget *dock() const { return m_dock; }
    // Opens the thread of library image `id` (at `path`; 0: looked up by path) and shows it,
    // the instruction field focused.
    void refine(const QString &path, qint64 id);

private:
    RefineStudio(MainWindow *window, StudioSession *session);
    void post(const QString &text, int timeout);

    MainWindow *m_window;
    StudioSession *m_session;
    RefineThread *m_thread = nullptr;
    RefinePane *m_pane = nullptr;
    QDockWidget *m_dock = nullptr;
};

} // namespace Atelier
