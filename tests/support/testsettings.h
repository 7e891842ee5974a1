#pragma once

// Header-only test helper: QSettings of a test go to a scratch folder under their own names,
// never into the user's configuration.

#include <QCoreApplication>
#include <QDir>
#include <QSettings>
#include <QString>

namespace AtelierTest {

inline void isolateSettings(const QString &folder,
                            const QString &application = QStringLiteral("AtelierTest"))
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
    QCoreApplication::setOrganizationName(QStringLiteral("AtelierTest"));
    QCoreApplication::setApplicationName(application);
    // What Atelier keeps in the config folder besides QSettings (the batches the studio follows,
    // the catalog overlay) is the test's own too.
    qputenv("XDG_CONFIG_HOME", QDir(folder).filePath(QStringLiteral("xdg")).toUtf8());
}

} // namespace AtelierTest
