#pragma once

// Header-only test helper: atelier-cli (or another program) as a real process, while the test's
// event loop serves the in-process fake server; and the clean environment it runs in.

#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

#include <functional>

namespace AtelierTest {

struct CliRun
{
    int exitCode = -1; // -1: it crashed, was killed, or did not start
    QString out;
    QString err;
};

// The caller's environment without anything that would reach a real provider or keychain: no
// OPENAI_* or AZURE_OPENAI* variables, no session bus (a keychain lookup fails fast); home and
// config in `home`; the key, if given, as OPENAI_API_KEY.
inline QProcessEnvironment cliEnvironment(const QString &home, const QString &key = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("OPENAI_"))
            || name.startsWith(QLatin1String("AZURE_OPENAI")))
            env.remove(name);
    }
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    if (!key.isEmpty())
        env.insert(QStringLiteral("OPENAI_API_KEY"), key);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("HOME"), home);
    return env;
}

struct CliCall
{
    QString program;
    QStringList arguments;
    QProcessEnvironment environment;
    QString workingDirectory;
    QByteArray input; // written to standard input, which is then closed; null: left open
    std::function<void(QProcess *)> during; // acts on it while it runs (signals, reads)
    int timeoutMs = 30000;
    QString secret; // must appear in neither output (the test process stops if it does)
};

inline CliRun runProcess(const CliCall &call)
{
    QProcess process;
    process.setProcessEnvironment(call.environment);
    process.setWorkingDirectory(call.workingDirectory);
    process.start(call.program, call.arguments);
    CliRun run;
    if (!process.waitForStarted()) {
        run.err = call.program + QStringLiteral(" did not start: ") + process.errorString();
        return run;
    }
    if (!call.input.isNull()) {
        process.write(call.input);
        process.closeWriteChannel();
    }
    if (call.during)
        call.during(&process);
    QSignalSpy finished(&process, &QProcess::finished);
    if (process.state() != QProcess::NotRunning && !finished.wait(call.timeoutMs))
        process.kill();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    if (!call.secret.isEmpty() && (run.out.contains(call.secret) || run.err.contains(call.secret)))
        qFatal("%s printed the API key", qPrintable(call.program));
    return run;
}

} // namespace AtelierTest
