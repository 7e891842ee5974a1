#pragma once

// Header-only test helper: a folder in which this process cannot create files, for tests of
// what a refused write says.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <unistd.h>

namespace AtelierTest {

// A read-only folder made in `parent`; or, for root (whom permissions do not stop), a folder of
// sysfs, where no one may create files. Empty when there is none.
inline QString readOnlyFolder(const QString &parent)
{
    if (::geteuid() == 0) {
        const QString sysfs = QStringLiteral("/sys/kernel");
        return QFileInfo(sysfs).isDir() ? sysfs : QString();
    }
    const QString folder = QDir(parent).filePath(QStringLiteral("read-only"));
    if (!QDir().mkpath(folder)
        || !QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner))
        return {};
    return folder;
}

} // namespace AtelierTest
