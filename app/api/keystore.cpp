#include "keystore.h"

#include "providerprofile.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// Runs `job` and waits for it, at most `timeoutMs`.
KeyStore::Result runJob(QKeychain::Job *job, int timeoutMs)
{
    KeyStore::Result result;
    QEventLoop loop;
    bool done = false;
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *finished) {
        done = true;
        if (finished->error() == QKeychain::NoError) {
            result.ok = true;
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished))
                result.key = read->textData();
        } else {
            result.notFound = finished->error() == QKeychain::EntryNotFound;
            result.error = finished->errorString();
        }
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!done)
        loop.exec();
    if (!done)
        result.error = KeyStore::tr("the secret service did not answer within %1 seconds")
                           .arg(timeoutMs / 1000.0);
    return result;
}

} // namespace

QString KeyStore::serviceName()
{
    return u"Atelier"_s;
}

QString KeyStore::unavailableReason()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return tr("no desktop session bus is running, so there is no keychain to store keys in");
    QDBusConnectionInterface *interface = bus.interface();
    if (!interface)
        return tr("the desktop session bus cannot be queried");
    const QStringList services = {u"org.freedesktop.secrets"_s, u"org.kde.kwalletd6"_s,
                                  u"org.kde.kwalletd5"_s, u"org.kde.kwalletd"_s};
    const QStringList activatable = interface->activatableServiceNames().value();
    for (const QString &service : services) {
        if (interface->isServiceRegistered(service).value() || activatable.contains(service))
            return {};
    }
    return tr("no secret service (GNOME Keyring, KWallet or KeePassXC) is running");
}

namespace {

// Fails at once, with the reason, where no secret service runs; else runs the job.
template<typename MakeJob> KeyStore::Result runIfAvailable(MakeJob makeJob, int timeoutMs)
{
    if (const QString reason = KeyStore::unavailableReason(); !reason.isEmpty())
        return {false, {}, reason, false};
    return runJob(makeJob(), timeoutMs);
}

} // namespace

KeyStore::Result KeyStore::read(const QString &account, int timeoutMs)
{
    return runIfAvailable(
        [&] {
            auto *job = new QKeychain::ReadPasswordJob(serviceName());
            job->setKey(account);
            return job;
        },
        timeoutMs);
}

KeyStore::Result KeyStore::write(const QString &account, const QString &key, int timeoutMs)
{
    return runIfAvailable(
        [&] {
            auto *job = new QKeychain::WritePasswordJob(serviceName());
            job->setKey(account);
            job->setTextData(key);
            return job;
        },
        timeoutMs);
}

KeyStore::Result KeyStore::remove(const QString &account, int timeoutMs)
{
    return runIfAvailable(
        [&] {
            auto *job = new QKeychain::DeletePasswordJob(serviceName());
            job->setKey(account);
            return job;
        },
        timeoutMs);
}

KeyStore::Result KeyStore::readFor(const ProviderProfile &profile, int timeoutMs)
{
    Result result = read(profile.keyAccount(), timeoutMs);
    const QString legacy = profile.legacyKeyAccount();
    if (result.ok || !result.notFound || legacy.isEmpty())
        return result;
    Result earlier = read(legacy, timeoutMs);
    if (earlier.ok && !earlier.key.isEmpty())
        write(profile.keyAccount(), earlier.key, timeoutMs); // from now on under its host
    return earlier.ok ? earlier : result;
}

KeyStore::Result KeyStore::writeFor(const ProviderProfile &profile, const QString &key,
                                    int timeoutMs)
{
    return write(profile.keyAccount(), key, timeoutMs);
}

} // namespace Atelier
