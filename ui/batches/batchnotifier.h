#pragma once

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;

namespace Atelier {

// Tells the user that something finished while they may be elsewhere: a desktop notification
// through the freedesktop notification service (org.freedesktop.Notifications.Notify on the
// session bus), else a balloon of the system tray when there is one, else the window's status
// line (statusMessage).
class BatchNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchNotifier)

public:
    enum class Route { Desktop, Tray, Status };

    explicit BatchNotifier(QObject *parent = nullptr);

    // Says it by the first route that works; returns the route taken.
    Route notify(const QString &title, const QString &body);

Q_SIGNALS:
    void statusMessage(const QString &text, int timeout);

private:
    bool notifyDesktop(const QString &title, const QString &body);

    QPointer<QSystemTrayIcon> m_tray;
};

} // namespace Atelier
