#include "safefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

#ifdef Q_OS_UNIX
// lstat(2): the entry itself, never what a link names.
bool entryStatus(const QString &path, struct stat *status)
{
    return ::lstat(QFile::encodeName(path).constData(), status) == 0;
}
#endif

} // namespace

bool SafeFiles::isOwnFile(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat status;
    return entryStatus(path, &status) && S_ISREG(status.st_mode) && status.st_uid == ::geteuid();
#else
    const QFileInfo info(path);
    return info.isFile() && !info.isSymLink();
#endif
}

bool SafeFiles::isOwnFolder(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat status;
    return entryStatus(path, &status) && S_ISDIR(status.st_mode) && status.st_uid == ::geteuid();
#else
    const QFileInfo info(path);
    return info.isDir() && !info.isSymLink();
#endif
}

bool SafeFiles::entryExists(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat status;
    return entryStatus(path, &status);
#else
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
#endif
}

QString SafeFiles::makeFolder(const QString &root, const QString &relative, QString *error)
{
    QString path = QDir(root).absolutePath();
    if (!QDir().mkpath(path)) {
        *error = tr("The folder %1 cannot be created; check that it is writable.").arg(path);
        return {};
    }
    const QStringList parts = QDir::cleanPath(relative).split(u'/', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part == u"." || part == u"..") {
            *error = tr("The folder %1 is not inside %2.").arg(relative, root);
            return {};
        }
        path = QDir(path).filePath(part);
        if (!entryExists(path) && !QDir().mkdir(path) && !entryExists(path)) {
            *error = tr("The folder %1 cannot be created; check that it is writable.").arg(path);
            return {};
        }
        if (!isOwnFolder(path)) {
            *error = tr("%1 is a link or not your own folder; Atelier does not write through it. "
                        "Remove it, and Atelier makes the folder again.")
                         .arg(path);
            return {};
        }
    }
    return path;
}

bool SafeFiles::createNew(QFile *file, const QString &path, QString *error)
{
    // NewOnly is O_CREAT|O_EXCL: open(2) then fails on any entry of that name, a link (even a
    // dangling one) included, so nothing is ever written through a link.
    file->setFileName(path);
    if (file->open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return true;
    *error = tr("%1 cannot be written: %2.").arg(path, file->errorString());
    file->setFileName(QString());
    return false;
}

QString SafeFiles::systemReason(int errorNumber)
{
    return QString::fromLocal8Bit(std::strerror(errorNumber));
}

bool SafeFiles::probeWritable(const QString &folder, QString *reason)
{
    const QString absolute = QDir(folder).absolutePath();
    // The first entry on the way that is not a folder is what stands in the way.
    for (QString at = absolute; !at.isEmpty(); at = QFileInfo(at).path()) {
        const QFileInfo info(at);
        if (info.exists()) {
            if (!info.isDir()) {
                *reason = tr("%1 is a file, not a folder").arg(QDir::toNativeSeparators(at));
                return false;
            }
            break;
        }
        if (at == QFileInfo(at).path())
            break;
    }
#ifdef Q_OS_UNIX
    QString missing = absolute;
    QStringList toMake;
    while (!QFileInfo::exists(missing) && missing != QFileInfo(missing).path()) {
        toMake.prepend(missing);
        missing = QFileInfo(missing).path();
    }
    for (const QString &path : std::as_const(toMake)) {
        if (::mkdir(QFile::encodeName(path).constData(), 0777) != 0 && errno != EEXIST) {
            *reason = systemReason(errno);
            return false;
        }
    }
    const QByteArray probe
        = QFile::encodeName(QDir(absolute).filePath(u".atelier-probe-"_s + randomToken()));
    const int fd = ::open(probe.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *reason = systemReason(errno);
        return false;
    }
    // A byte and a sync: a full disk shows here (a bare create can succeed on one).
    const char byte = 0;
    int failure = 0;
    if (::write(fd, &byte, 1) != 1 || ::fsync(fd) != 0)
        failure = errno;
    ::close(fd);
    ::unlink(probe.constData());
    if (failure != 0) {
        *reason = systemReason(failure);
        return false;
    }
    return true;
#else
    if (!QDir().mkpath(absolute)) {
        *reason = tr("the folder cannot be created");
        return false;
    }
    QFile probe(QDir(absolute).filePath(u".atelier-probe-"_s + randomToken()));
    if (!probe.open(QIODevice::WriteOnly | QIODevice::NewOnly) || probe.write("", 1) != 1
        || !probe.flush()) {
        *reason = probe.errorString();
        probe.remove();
        return false;
    }
    probe.remove();
    return true;
#endif
}

QString SafeFiles::randomToken(int characters)
{
    QString token;
    token.reserve(characters);
    static constexpr char Hex[] = "0123456789abcdef";
    for (int i = 0; i < characters; ++i)
        token += QLatin1Char(Hex[QRandomGenerator::system()->bounded(16)]);
    return token;
}

bool SafeFiles::removeOwnFile(const QString &path)
{
    return isOwnFile(path) && QFile::remove(path);
}

bool SafeFiles::removeOwnFolder(const QString &folder, const QRegularExpression &names)
{
    if (!isOwnFolder(folder))
        return !entryExists(folder);
    const QDir dir(folder);
    const QStringList entries
        = dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &name : entries) {
        if (names.match(name).hasMatch())
            removeOwnFile(dir.filePath(name));
    }
    // rmdir(2) removes only an empty folder, and a link never.
    return QDir().rmdir(folder) || !entryExists(folder);
}

bool SafeFiles::isInside(const QString &folder, const QString &path)
{
    const QString base = QDir::cleanPath(QDir(folder).absolutePath());
    const QString target = QDir::cleanPath(QDir(base).absoluteFilePath(path));
    return target.startsWith(base + u'/') && target.size() > base.size() + 1;
}

} // namespace Atelier
