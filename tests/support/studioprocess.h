#pragma once

#include <QByteArray>
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QString>

namespace AtelierTest {

// The API key a studio started by a test is given; it must never reach its output.
inline constexpr char StudioProcessKey[] = "sk-test-not-a-real-key";

// The environment of a studio started as a real process: `home` of its own (its settings,
// library and caches in there, none of the user's), no keychain (no session bus), no provider
// of the user's, the offscreen platform and the C locale; the key only `withKey`.
inline QProcessEnvironment studioProcessEnvironment(const QString &home, bool withKey)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "OPENAI_API_KEY",
                             "OPENAI_BASE_URL", "DBUS_SESSION_BUS_ADDRESS", "LANGUAGE"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    if (withKey)
        environment.insert(QStringLiteral("OPENAI_API_KEY"), QString::fromLatin1(StudioProcessKey));
    return environment;
}

// What is wrong with how a studio in `home` ended, which wrote `output`: empty when it exited
// normally with 0, the key nowhere in its output, and its window's state saved (it closed as
// if the user had quit).
inline QString studioProcessEndProblem(const QProcess &studio, const QByteArray &output,
                                       const QString &home)
{
    if (studio.exitStatus() != QProcess::NormalExit || studio.exitCode() != 0)
        return QStringLiteral("exit %1: %2").arg(studio.exitCode()).arg(QString::fromUtf8(output));
    if (output.contains(StudioProcessKey))
        return QStringLiteral("the key reached the output");
    const QSettings settings(QDir(home).filePath(QStringLiteral(".config/Atelier/Atelier.conf")),
                             QSettings::IniFormat);
    if (!settings.contains(QStringLiteral("window/geometry")))
        return QStringLiteral("the window did not close normally");
    return {};
}

} // namespace AtelierTest
