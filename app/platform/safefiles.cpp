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
    if (const QString reason = makePath(path); !reason.isEmpty()) {
        *error = tr("The folder %1 cannot be created: %2.").arg(path, reason);
        return {};
    }
    const QStringList parts = QDir::cleanPath(relative).split(u'/', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part == u"." || part == u"..") {
            *error = tr("The folder %1 is not inside %2.").arg(relative, root);
            return {};
        }
        path = QDir(path).filePath(part);
        if (!entryExists(path)) {
            if (const QString reason = makePath(path); !reason.isEmpty()) {
                *error = tr("The folder %1 cannot be created: %2.").arg(path, reason);
                return {};
            }
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

QString SafeFiles::systemReason(int errorNumber)
{
    return errorNumber != 0 ? QString::fromLocal8Bit(std::strerror(errorNumber))
                            : tr("the system gave no reason");
}

QString SafeFiles::failureReason(const QFileDevice &file, int errorNumber)
{
    // What Qt says when it recorded nothing ("Unknown error", translated): that of a fresh file.
    static const QString placeholder = QFile().errorString();
    if (file.error() != QFileDevice::NoError && !file.errorString().isEmpty()
        && file.errorString() != placeholder)
        return file.errorString();
    return systemReason(errorNumber);
}

bool SafeFiles::writeAll(QFileDevice *file, QByteArrayView bytes, QString *reason)
{
    // A write the disk cuts short (it filled up, a size limit) returns fewer bytes and records no
    // error in Qt; writing the rest then fails at once, with the system's reason in errno.
    for (qsizetype done = 0; done < bytes.size();) {
        errno = 0;
        const qint64 written = file->write(bytes.data() + done, bytes.size() - done);
        if (written <= 0) {
            *reason = failureReason(*file, errno);
            return false;
        }
        done += written;
    }
    return true;
}

bool SafeFiles::flush(QFileDevice *file, QString *reason)
{
    errno = 0;
    if (file->flush())
        return true;
    *reason = failureReason(*file, errno);
    return false;
}

QString SafeFiles::makePath(const QString &folder, QString *failed)
{
    const QString absolute = QDir::cleanPath(QDir(folder).absolutePath());
#ifdef Q_OS_UNIX
    // Component by component from the root, so that the entry at fault can be named: the one
    // that is a file, or the one that could not be made.
    const QStringList parts = absolute.split(u'/', Qt::SkipEmptyParts);
    QString path;
    for (const QString &part : parts) {
        path += u'/' + part;
        const QByteArray name = QFile::encodeName(path);
        struct stat status;
        if (::stat(name.constData(), &status) == 0) {
            if (S_ISDIR(status.st_mode))
                continue;
            if (failed)
                *failed = path;
            return tr("%1 is a file, not a folder (%2)").arg(path, systemReason(ENOTDIR));
        }
        if (errno != ENOENT) {
            const int error = errno;
            if (failed)
                *failed = path;
            return tr("%1 cannot be looked at: %2").arg(path, systemReason(error));
        }
        if (::mkdir(name.constData(), 0777) != 0 && errno != EEXIST) {
            const int error = errno;
            if (failed)
                *failed = path;
            return tr("%1 cannot be created: %2").arg(path, systemReason(error));
        }
    }
    return {};
#else
    const QFileInfo info(absolute);
    if (info.exists() && !info.isDir()) {
        if (failed)
            *failed = absolute;
        return tr("%1 is a file, not a folder").arg(absolute);
    }
    if (QDir().mkpath(absolute))
        return {};
    if (failed)
        *failed = absolute;
    return tr("%1 cannot be created").arg(absolute);
#endif
}

QString SafeFiles::prepareWritableFolder(const QString &folder)
{
    const QString reason = makePath(folder);
    return reason.isEmpty() ? probeWritable(folder) : reason;
}

QString SafeFiles::probeWritable(const QString &folder)
{
    const QString probe = QDir(folder).filePath(u".atelier-probe-%1.part"_s.arg(randomToken()));
#ifdef Q_OS_UNIX
    const QByteArray name = QFile::encodeName(probe);
    const int fd
        = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return systemReason(errno);
    // A byte and a sync: a full disk shows here (a bare write can succeed on one).
    const bool written = ::write(fd, "A", 1) == 1 && ::fsync(fd) == 0;
    int error = written ? 0 : errno;
    if (::close(fd) != 0 && error == 0)
        error = errno;
    ::unlink(name.constData());
    return written && error == 0 ? QString() : systemReason(error);
#else
    QFile file(probe);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return file.errorString();
    const bool written = file.write("A", 1) == 1 && file.flush();
    const QString reason = file.errorString();
    file.close();
    file.remove();
    return written ? QString() : reason;
#endif
}

} // namespace Atelier
