#include "contentfiles.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QThreadPool>

#include <cerrno>
#include <cstdio>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

QString contentName(const QByteArray &hash, const QString &suffix)
{
    return QString::fromLatin1(hash.toHex().left(24)) + (suffix.isEmpty() ? QString() : u'.' + suffix);
}

bool makeFolder(const QString &folder, QString *error)
{
    if (QDir().mkpath(folder))
        return true;
    *error = ContentFiles::tr("The folder %1 cannot be created; check that it is writable.").arg(folder);
    return false;
}

// One background thread flushes written files (and their folder's entry) to the disk.
QThreadPool *syncPool()
{
    static QThreadPool *pool = [] {
        auto *created = new QThreadPool; // lives until exit; waited for in waitForDeferredSyncs()
        created->setMaxThreadCount(1);
        created->setObjectName(u"AtelierSync"_s);
        return created;
    }();
    return pool;
}

void syncLater(const QString &path)
{
#ifdef Q_OS_UNIX
    syncPool()->start([path] {
        const QByteArray file = QFile::encodeName(path);
        const QByteArray folder = QFile::encodeName(QFileInfo(path).absolutePath());
        for (const QByteArray &name : {file, folder}) {
            const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
            if (fd >= 0) {
                ::fsync(fd);
                ::close(fd);
            }
        }
    });
#else
    Q_UNUSED(path) // the system flushes on its own schedule
#endif
}

} // namespace

bool ContentFiles::writeAtomically(const QString &path, const QByteArray &bytes, QString *error,
                                   Durability durability)
{
    if (durability == Durability::Synced) {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
            return true;
        *error = tr("%1 cannot be written: %2.").arg(path, file.errorString());
        return false;
    }
    // QSaveFile always syncs; this is its write-then-rename without the wait.
    const QString part = path + u".part"_s;
    QFile::remove(part); // left by a crash in the middle of this very write
    QFile file(part);
    bool written = file.open(QIODevice::WriteOnly | QIODevice::NewOnly) && file.write(bytes) == bytes.size()
                   && file.flush();
    QString reason = file.errorString();
    file.close();
    if (written && file.error() == QFileDevice::NoError) {
#ifdef Q_OS_UNIX
        // rename(2) replaces a file of that name in one step, as QSaveFile does.
        written = ::rename(QFile::encodeName(part).constData(), QFile::encodeName(path).constData()) == 0;
        reason = written ? QString() : QString::fromLocal8Bit(std::strerror(errno));
#else
        QFile::remove(path);
        written = file.rename(path);
        reason = file.errorString();
#endif
    } else {
        written = false;
    }
    if (!written) {
        QFile::remove(part);
        *error = tr("%1 cannot be written: %2.").arg(path, reason);
        return false;
    }
    if (durability == Durability::Deferred)
        syncLater(path);
    return true;
}

bool ContentFiles::adopt(const QString &written, const QString &path, QString *error, Durability durability)
{
#ifdef Q_OS_UNIX
    if (durability == Durability::Synced) {
        const int fd = ::open(QFile::encodeName(written).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::fsync(fd) != 0) {
            *error = tr("%1 cannot be written: %2.").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
            if (fd >= 0)
                ::close(fd);
            return false;
        }
        ::close(fd);
    }
    if (::rename(QFile::encodeName(written).constData(), QFile::encodeName(path).constData()) != 0) {
        *error = tr("%1 cannot be written: %2.").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
#else
    QFile::remove(path);
    if (QFile file(written); !file.rename(path)) {
        *error = tr("%1 cannot be written: %2.").arg(path, file.errorString());
        return false;
    }
#endif
    if (durability != Durability::Transient)
        syncLater(path); // for Synced: the folder entry (the file is flushed already)
    return true;
}

void ContentFiles::waitForDeferredSyncs()
{
    syncPool()->waitForDone();
}

QString ContentFiles::store(const QString &folder, const QByteArray &bytes, const QString &suffix, QString *error)
{
    if (!makeFolder(folder, error))
        return {};
    const QString path =
        QDir(folder).filePath(contentName(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256), suffix));
    if (QFileInfo::exists(path) || writeAtomically(path, bytes, error))
        return path;
    return {};
}

QString ContentFiles::keep(const QString &folder, const QString &path, QString *error)
{
    if (path.isEmpty() || QFileInfo(path).absolutePath() == QDir(folder).absolutePath())
        return path;
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
        *error = tr("%1 cannot be read: %2.").arg(path, file.errorString());
        return {};
    }
    if (!makeFolder(folder, error))
        return {};
    const QString copy = QDir(folder).filePath(contentName(hash.result(), QFileInfo(path).suffix().toLower()));
    if (!QFileInfo::exists(copy) && !QFile::copy(path, copy)) {
        *error = tr("%1 cannot be copied into %2; check that it is writable.").arg(path, folder);
        return {};
    }
    return copy;
}

QByteArray ContentFiles::png(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace Atelier
