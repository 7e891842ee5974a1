#include "batchnotifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QSystemTrayIcon>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

const QString Service = u"org.freedesktop.Notifications"_s;

} // namespace

BatchNotifier::BatchNotifier(QObject *parent)
    : QObject(parent)
{ }

BatchNotifier::Route BatchNotifier::notify(const QString &title, const QString &body)
{
    if (notifyDesktop(title, body))
        return Route::Desktop;
    if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->setToolTip(QApplication::applicationDisplayName());
        }
        m_tray->show();
        m_tray->showMessage(title, body, QSystemTrayIcon::Information, 10000);
        return Route::Tray;
    }
    Q_EMIT statusMessage(body.isEmpty() ? title : title + u": "_s + body, 15000);
    return Route::Status;
}

bool BatchNotifier::notifyDesktop(const QString &title, const QString &body)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()
        || !bus.interface()->isServiceRegistered(Service).value())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(Service, u"/org/freedesktop/Notifications"_s,
                                                       Service, u"Notify"_s);
    // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout);
    // the body is plain text: markup in a prompt must not become markup on the desktop.
    QString plain = body;
    plain.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
    call << QApplication::applicationDisplayName() << uint(0)
         << u"io.github.atelier_studio.Atelier"_s << title << plain << QStringList()
         << QVariantMap {{u"desktop-entry"_s, u"io.github.atelier_studio.Atelier"_s}} << int(-1);
    // Asynchronous: a slow notification service never holds up the window.
    return bus.send(call);
}

} // namespace Atelier
