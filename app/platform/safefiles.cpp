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

Result<QString> SafeFiles::makeFolder(const QString &root, const QString &relative)
{
    QString path = QDir(root).absolutePath();
    if (const Status made = makePath(path); !made)
        return failure(tr("The folder %1 cannot be created: %2.").arg(path, made.error()), path);
    const QStringList parts = QDir::cleanPath(relative).split(u'/', Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part == u"." || part == u"..")
            return failure(tr("The folder %1 is not inside %2.").arg(relative, root), relative);
        path = QDir(path).filePath(part);
        if (!entryExists(path)) {
            if (const Status made = makePath(path); !made)
                return failure(tr("The folder %1 cannot be created: %2.").arg(path, made.error()),
                               path);
        }
        if (!isOwnFolder(path)) {
            return failure(tr("%1 is a link or not your own folder; Atelier does not write through "
                              "it. Remove it, and Atelier makes the folder again.")
                               .arg(path),
                           path);
        }
    }
    return path;
}

Status SafeFiles::createNew(QFile *file, const QString &path)
{
    // NewOnly is O_CREAT|O_EXCL: open(2) then fails on any entry of that name, a link (even a
    // dangling one) included, so nothing is ever written through a link.
    file->setFileName(path);
    if (file->open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return success();
    const QString reason = tr("%1 cannot be written: %2.").arg(path, file->errorString());
    file->setFileName(QString());
    return failure(reason, path);
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

Status SafeFiles::writeAll(QFileDevice *file, QByteArrayView bytes)
{
    // A write the disk cuts short (it filled up, a size limit) returns fewer bytes and records no
    // error in Qt; writing the rest then fails at once, with the system's reason in errno.
    for (qsizetype done = 0; done < bytes.size();) {
        errno = 0;
        const qint64 written = file->write(bytes.data() + done, bytes.size() - done);
        if (written <= 0)
            return failure(failureReason(*file, errno));
        done += written;
    }
    return success();
}

Status SafeFiles::flush(QFileDevice *file)
{
    errno = 0;
    if (file->flush())
        return success();
    return failure(failureReason(*file, errno));
}

Status SafeFiles::makePath(const QString &folder)
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
            return failure(tr("%1 is a file, not a folder (%2)").arg(path, systemReason(ENOTDIR)),
                           path);
        }
        if (errno != ENOENT) {
            return failure(tr("%1 cannot be looked at: %2").arg(path, systemReason(errno)), path);
        }
        if (::mkdir(name.constData(), 0777) != 0 && errno != EEXIST) {
            return failure(tr("%1 cannot be created: %2").arg(path, systemReason(errno)), path);
        }
    }
    return success();
#else
    const QFileInfo info(absolute);
    if (info.exists() && !info.isDir())
        return failure(tr("%1 is a file, not a folder").arg(absolute), absolute);
    if (QDir().mkpath(absolute))
        return success();
    return failure(tr("%1 cannot be created").arg(absolute), absolute);
#endif
}

Status SafeFiles::prepareWritableFolder(const QString &folder)
{
    if (Status made = makePath(folder); !made)
        return made;
    return probeWritable(folder);
}

Status SafeFiles::probeWritable(const QString &folder)
{
    const QString probe = QDir(folder).filePath(u".atelier-probe-%1.part"_s.arg(randomToken()));
#ifdef Q_OS_UNIX
    const QByteArray name = QFile::encodeName(probe);
    const int fd
        = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return failure(systemReason(errno), folder);
    // A byte and a sync: a full disk shows here (a bare write can succeed on one).
    const bool written = ::write(fd, "A", 1) == 1 && ::fsync(fd) == 0;
    int error = written ? 0 : errno;
    if (::close(fd) != 0 && error == 0)
        error = errno;
    ::unlink(name.constData());
    if (written && error == 0)
        return success();
    return failure(systemReason(error), folder);
#else
    QFile file(probe);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return failure(file.errorString(), folder);
    const bool written = file.write("A", 1) == 1 && file.flush();
    const QString reason = file.errorString();
    file.close();
    file.remove();
    if (written)
        return success();
    return failure(reason, folder);
#endif
}

} // namespace Atelier
