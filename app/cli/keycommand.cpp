#include "keycommand.h"

#include "api/keystore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

QString readSecretLine()
{
    const bool terminal = ::isatty(STDIN_FILENO);
    termios saved {};
    if (terminal) {
        std::fputs(CliText::tr("API key (input hidden): ").toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QFile input;
    QString line;
    if (input.open(stdin, QIODevice::ReadOnly))
        line = QString::fromUtf8(input.readLine(64 * 1024)).trimmed();
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    return line;
}

} // namespace

KeyCommand::KeyCommand(CliContext &cli)
    : m_cli(cli)
{ }

int KeyCommand::run(const QCommandLineParser &parser)
{
    const QString action = parser.positionalArguments().value(0);
    const Result<ProviderProfile> found = m_cli.profile(parser);
    if (!found) {
        m_cli.error(found.error());
        return ExitCode::InvalidInput;
    }
    const ProviderProfile &profile = *found;
    const QString account = profile.keyAccount();
    if (action == u"set") {
        const QString key = readSecretLine();
        if (key.isEmpty()) {
            m_cli.err() << CliText::tr(
                "error: no key was given; pipe it in, e.g. 'atelier-cli key set < "
                "key.txt', or type it when asked.")
                        << Qt::endl;
            return ExitCode::InvalidInput;
        }
        const Status stored = KeyStore::write(account, key);
        if (!stored) {
            m_cli.err()
                << CliText::tr(
                       "error: the key could not be stored: %1. Set %2 in the environment instead.")
                       .arg(stored.error(), profile.apiKeyVariable())
                << Qt::endl;
            return ExitCode::Failure;
        }
        m_cli.out() << CliText::tr("The key for \"%1\" is stored in the keychain.").arg(account)
                    << Qt::endl;
        return ExitCode::Success;
    }
    if (action == u"clear") {
        const Status removed = KeyStore::remove(account);
        if (!removed) {
            m_cli.err()
                << CliText::tr("error: the key could not be removed: %1.").arg(removed.error())
                << Qt::endl;
            return ExitCode::Failure;
        }
        m_cli.out() << CliText::tr("The key for \"%1\" was removed from the keychain.").arg(account)
                    << Qt::endl;
        return ExitCode::Success;
    }
    if (action == u"status") {
        const ApiKeyResolver::Lookup lookup = ApiKeyResolver().find(profile);
        if (!lookup || !lookup->has_value()) {
            m_cli.out() << CliText::tr(
                               "No API key for \"%1\": %2. Set %3 or run 'atelier-cli key set'.")
                               .arg(account, ApiKeyResolver::describeMissing(lookup, account),
                                    profile.apiKeyVariable())
                        << Qt::endl;
            return ExitCode::Failure;
        }
        m_cli.out() << CliText::tr("The API key for \"%1\" comes from %2.")
                           .arg(account, ApiKeyResolver::describe(**lookup))
                    << Qt::endl;
        return ExitCode::Success;
    }
    m_cli.err() << CliText::tr(
        "error: 'key' needs set, clear or status, e.g. 'atelier-cli key set'.")
                << Qt::endl;
    return ExitCode::InvalidInput;
}

} // namespace Atelier
