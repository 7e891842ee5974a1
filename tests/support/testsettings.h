#pragma once

// Header-only test helper: QSettings of a test go to a scratch folder under their own names,
// never into the user's configuration.

#include <QCoreApplication>
#include <QSettings>
#include <QString>

namespace AtelierTest {

inline void isolateSettings(const QString &folder,
                            const QString &application = QStringLiteral("AtelierTest"))
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
    QCoreApplication::setOrganizationName(QStringLiteral("AtelierTest"));
    QCoreApplication::setApplicationName(application);
}

} // namespace AtelierTest
