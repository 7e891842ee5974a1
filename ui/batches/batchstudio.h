#pragma once

#include <QObject>

class QDockWidget;
class QMenu;
class QTimer;

namespace Atelier {

class BatchesView;
class BatchMonitor;
class BatchNotifier;
class MainWindow;
class StudioSession;

// The studio's batches wired into the window, so that MainWindow only makes one: the session's
// BatchMonitor (made and resumed once per session, from BatchStore), the Batches view in a dock
// (View > Batches), File > Open a prompt list…, images fetched into the gallery, and a desktop
// notification when a batch is done.
class BatchStudio final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchStudio)

public:
    BatchStudio(MainWindow *window, StudioSession *session, QMenu *fileMenu, QMenu *viewMenu);

    BatchMonitor *monitor() const { return m_monitor; }
    BatchesView *view() const { return m_view; }
    QDockWidget *dock() const { return m_dock; }

    // Reads a text file of prompts, one a line, and sends them with the compose panel's options
    // (asking first: now, or as a batch).
    void openPromptList(const QString &path);

Q_SIGNALS:
    void statusMessage(const QString &text, int timeout);

private:
    void showInGallery(const QString &batchId);

    MainWindow *m_window;
    StudioSession *m_session;
    BatchMonitor *m_monitor = nullptr;
    BatchesView *m_view = nullptr;
    QDockWidget *m_dock = nullptr;
    BatchNotifier *m_notifier = nullptr;
    QTimer *m_refresh = nullptr;
};

} // namespace Atelier
