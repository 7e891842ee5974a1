#pragma once

#include "api/apikeyresolver.h"
#include "api/providerprofile.h"
#include "catalog/catalog.h"
#include "model/apierror.h"
#include "model/violation.h"
#include "platform/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

#include <memory>

class QCommandLineParser;

namespace Atelier {

class ImageWriter;
struct ClientOptions;

// Exit codes of atelier-cli.
namespace ExitCode {
constexpr int Success = 0;
constexpr int Failure = 1; // anything else (e.g. the keychain refused)
constexpr int InvalidInput = 2; // every violation printed, nothing sent
constexpr int ApiError = 3; // the API answered with an error (or an unusable answer)
constexpr int NetworkError = 4; // no answer: network failure or timeout
constexpr int NotFinished = 5; // batch fetch: the batch is still running; nothing to fetch yet
constexpr int Interrupted = 130; // Ctrl+C; what was received is kept
} // namespace ExitCode

// The CLI's messages translate in the context they have always had (lupdate reads the macro).
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::CliApplication)
};

// What every command of atelier-cli shares: standard output and error, and the steps each
// command takes the same way (catalog, provider, API key, exit codes). Failures come back as a
// Result whose message is the sentence to print after "error: ".
class CliContext final
{
public:
    CliContext();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    // "error: MESSAGE" / "warning: MESSAGE" on standard error.
    void error(const QString &message);
    void warning(const QString &message);

    // The catalog with the overlay --catalog names (else the config folder's); its load warnings
    // printed.
    Catalog loadCatalog(const QCommandLineParser &parser);
    static QString overlayPath(const QCommandLineParser &parser);

    // The provider the environment and the options (--provider, --base-url, ...) name. An
    // insecure base URL that is allowed is warned about here.
    Result<ProviderProfile> profile(const QCommandLineParser &parser);
    // The key `lookup` found, or a failure that says where it was looked for (naming the entry
    // `account`) and what to do.
    static Result<ApiKey> requireApiKey(const ApiKeyResolver::Lookup &lookup,
                                        const ProviderProfile &profile, const QString &account);
    // The key for `profile` from the environment or the keychain (ApiKeyResolver), or why none.
    static Result<ApiKey> requireApiKey(const ProviderProfile &profile)
    {
        return requireApiKey(ApiKeyResolver().find(profile), profile, profile.keyAccount());
    }

    // The key for a command that can --dry-run: where it was looked for, and the key or why
    // there is none (a dry run goes on without one and says so).
    struct KeyLookup
    {
        ApiKeyResolver::Lookup lookup;
        Result<ApiKey> found;

        QString value() const { return found ? found->value : QString(); }
    };
    static KeyLookup lookUpKey(const ProviderProfile &profile);

    static int exitCodeFor(const ApiError &error);

    // False, having said why and that nothing was sent, when --name is not a stem a file can take.
    bool acceptName(const QCommandLineParser &parser);
    // The client options --timeout, --connect-timeout and --retries ask for; the images are
    // saved as received (their headers checked, their pixels not decoded).
    static ClientOptions clientOptions(const QCommandLineParser &parser);

    // Each error as "error: PARAMETER: MESSAGE", then that nothing was sent.
    void refuse(const QList<Violation> &errors);

    // --dry-run: a warning when no key was found (a real run would stop there), then the request
    // `description` as indented JSON with a password in its URL shown as *** like the key.
    void printDryRun(QJsonObject description, const KeyLookup &key, const ProviderProfile &profile);
    // The writer for --out and --name (or a stem from `prompt`), its folder made and tried
    // before anything is paid for; null, having said why and that nothing was sent, if it
    // cannot be written to.
    std::shared_ptr<ImageWriter> prepareWriter(const QCommandLineParser &parser,
                                               const QString &prompt);
    // What a real run needs before anything is paid for: the key, then the writer
    // (prepareWriter); null, having said why, when either is missing.
    std::shared_ptr<ImageWriter> prepareRun(const KeyLookup &key, const QCommandLineParser &parser,
                                            const QString &prompt);

private:
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace Atelier
