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

// Runs `job` and waits for it, at most `timeoutMs`. A read's key, if any; nothing for the
// other jobs and for an entry that is not there.
Result<std::optional<QString>> runJob(QKeychain::Job *job, int timeoutMs)
{
    std::optional<Result<std::optional<QString>>> outcome;
    QEventLoop loop;
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError) {
            auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished);
            const QString key = read ? read->textData() : QString();
            outcome.emplace(key.isEmpty() ? std::nullopt : std::optional<QString>(key));
        } else if (finished->error() == QKeychain::EntryNotFound) {
            outcome.emplace(std::optional<QString>());
        } else {
            outcome.emplace(failure(finished->errorString()));
        }
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!outcome)
        loop.exec();
    if (!outcome)
        return failure(KeyStore::tr("the secret service did not answer within %1 seconds")
                           .arg(timeoutMs / 1000.0));
    return *std::move(outcome);
}

Status withoutValue(const Result<std::optional<QString>> &result)
{
    return result ? success() : Status(result.failure());
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
template<typename MakeJob>
Result<std::optional<QString>> runIfAvailable(MakeJob makeJob, int timeoutMs)
{
    if (const QString reason = KeyStore::unavailableReason(); !reason.isEmpty())
        return failure(reason);
    return runJob(makeJob(), timeoutMs);
}

} // namespace

Result<std::optional<QString>> KeyStore::read(const QString &account, int timeoutMs)
{
    return runIfAvailable(
        [&] {
            auto *job = new QKeychain::ReadPasswordJob(serviceName());
            job->setKey(account);
            return job;
        },
        timeoutMs);
}

Status KeyStore::write(const QString &account, const QString &key, int timeoutMs)
{
    return withoutValue(runIfAvailable(
        [&] {
            auto *job = new QKeychain::WritePasswordJob(serviceName());
            job->setKey(account);
            job->setTextData(key);
            return job;
        },
        timeoutMs));
}

Status KeyStore::remove(const QString &account, int timeoutMs)
{
    return withoutValue(runIfAvailable(
        [&] {
            auto *job = new QKeychain::DeletePasswordJob(serviceName());
            job->setKey(account);
            return job;
        },
        timeoutMs));
}

Result<std::optional<QString>> KeyStore::readFor(const ProviderProfile &profile, int timeoutMs)
{
    Result<std::optional<QString>> result = read(profile.keyAccount(), timeoutMs);
    const QString legacy = profile.legacyKeyAccount();
    if (!result || result->has_value() || legacy.isEmpty())
        return result;
    Result<std::optional<QString>> earlier = read(legacy, timeoutMs);
    if (earlier && earlier->has_value())
        (void)write(profile.keyAccount(), **earlier, timeoutMs); // from now on under its host
    return earlier ? earlier : result;
}

Status KeyStore::writeFor(const ProviderProfile &profile, const QString &key, int timeoutMs)
{
    return write(profile.keyAccount(), key, timeoutMs);
}

} // namespace Atelier
