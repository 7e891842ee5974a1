#include "leftovers.h"

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
    const QStringList files = dir.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &file : files) {
        const QRegularExpressionMatch match = name.match(file);
        bool number = false;
        const qint64 pid = match.hasMatch() ? match.captured(1).toLongLong(&number) : 0;
        if (number && processIsGone(pid) && QFile::remove(dir.filePath(file)))
            ++removed;
    }
    return removed;
}

} // namespace Atelier
