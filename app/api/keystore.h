#pragma once

#include "platform/result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Atelier {

struct ProviderProfile;

// API keys in the desktop's secret service (through QtKeychain), one entry per provider profile.
// Never in QSettings, a file or a log. Where no secret service runs (CI, a bare server) every call
// fails at once with a sentence that says so, instead of hanging.
class KeyStore final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::KeyStore)

public:
    static QString serviceName();
    // Empty when a secret service can be reached, else why not.
    static QString unavailableReason();

    // These wait for the secret service for at most `timeoutMs`, in a local event loop. A
    // failure is the reason in one sentence. read(): an empty optional when the service works
    // but holds no key for the account.
    static Result<std::optional<QString>> read(const QString &account, int timeoutMs = 5000);
    static Status write(const QString &account, const QString &key, int timeoutMs = 5000);
    static Status remove(const QString &account, int timeoutMs = 5000);

    // The key for a profile: its own entry (ProviderProfile::keyAccount(), bound to its host);
    // failing that, an entry of an earlier version that belongs to the same host
    // (legacyKeyAccount()), which is copied to the new entry. Never the key of another host.
    static Result<std::optional<QString>> readFor(const ProviderProfile &profile,
                                                  int timeoutMs = 5000);
    static Status writeFor(const ProviderProfile &profile, const QString &key,
                           int timeoutMs = 5000);
};

} // namespace Atelier
