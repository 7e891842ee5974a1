#include "leftovers.h"

#include "safefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <signal.h>
#endif

using namespace Qt::StringLiterals;

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

QString processStartToken(qint64 pid)
{
#ifdef Q_OS_LINUX
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    // "pid (comm) state ppid ..." — comm may hold spaces and parentheses: fields count from the
    // last ')'. starttime is field 22, the 20th after it.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return {};
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() <= 19)
        return {};
    // Ticks since boot repeat after a reboot: the boot's id makes the moment unique.
    static const QByteArray boot = [] {
        QFile id(u"/proc/sys/kernel/random/boot_id"_s);
        return id.open(QIODevice::ReadOnly) ? id.readAll().trimmed() : QByteArray();
    }();
    return QString::fromLatin1(boot + '/' + fields.at(19));
#else
    Q_UNUSED(pid)
    return {};
#endif
}

QString machineName()
{
    return QSysInfo::machineHostName();
}

bool ownerIsGone(qint64 pid, const QString &startToken, const QString &machine)
{
    if (pid <= 0)
        return true; // recorded by a version that kept no owner: its process is long gone
    if (!machine.isEmpty() && machine != machineName())
        return false; // cannot tell from here
    if (pid == QCoreApplication::applicationPid())
        return !startToken.isEmpty() && startToken != processStartToken(pid);
    if (processIsGone(pid))
        return true;
    // The pid runs: the same process, unless it started at another moment (the pid was reused).
    const QString now = processStartToken(pid);
    return !startToken.isEmpty() && !now.isEmpty() && now != startToken;
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
