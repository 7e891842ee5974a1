#include "leftovers.h"

#include "safefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <signal.h>
#endif

namespace Atelier {

bool processIsGone(qint64 pid)
{
    if (pid <= 0 || pid == QCoreApplication::applicationPid())
        return false;
#ifdef Q_OS_UNIX
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
#else
    return false; // cannot tell: keep the file
#endif
}

int removeLeftovers(const QString &folder, const QString &pattern)
{
    const QRegularExpression name(pattern);
    const QDir dir(folder);
    int removed = 0;
    // Only regular files of this user: a link (to anything) or someone else's file is not one
    // Atelier wrote, whatever its name.
    const QStringList files
        = dir.entryList(QDir::Files | QDir::Hidden | QDir::NoSymLinks | QDir::NoDotAndDotDot);
    for (const QString &file : files) {
        const QRegularExpressionMatch match = name.match(file);
        bool number = false;
        const qint64 pid = match.hasMatch() ? match.captured(1).toLongLong(&number) : 0;
        if (number && processIsGone(pid) && SafeFiles::removeOwnFile(dir.filePath(file)))
            ++removed;
    }
    return removed;
}

} // namespace Atelier
