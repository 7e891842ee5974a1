#include "contentfiles.h"

#include "platform/safefiles.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThreadPool>

#include <algorithm>
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

constexpr int ContentNameLength = 24; // hex digits of the SHA-256 a content name keeps

QString contentName(const QByteArray &hash, const QString &suffix)
{
    return QString::fromLatin1(hash.toHex().left(ContentNameLength))
        + (suffix.isEmpty() ? QString() : u'.' + suffix);
}

bool makeFolder(const QString &folder, QString *error)
{
    const QFileInfo info(QDir(folder).absolutePath());
    const Result<QString> made = SafeFiles::makeFolder(info.path(), info.fileName());
    if (!made)
        *error = made.error();
    return made.ok();
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

// Copies `source` to `copy` as writeAtomically() writes (never through a link at `copy`); false
// with the system's reason in `reason`.
bool writeCopy(const QString &source, const QString &copy, QString *reason)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        *reason = in.errorString();
        return false;
    }
    const QString part = copy + u'.' + SafeFiles::randomToken(8) + u".part"_s;
    QFile out;
    if (!SafeFiles::createNew(&out, part)) {
        *reason = SafeFiles::failureReason(out, 0);
        return false;
    }
    Status copied;
    QByteArray chunk;
    while (copied && !(chunk = in.read(1 << 20)).isEmpty())
        copied = SafeFiles::writeAll(&out, chunk);
    if (in.error() != QFileDevice::NoError)
        copied = failure(in.errorString());
    else if (copied)
        copied = SafeFiles::flush(&out);
    bool written = copied.ok();
    if (!written)
        *reason = copied.error();
    out.close();
    if (written && out.error() != QFileDevice::NoError) {
        written = false;
        *reason = SafeFiles::failureReason(out, 0);
    }
    // Never replaces: the same bytes may be there already.
    if (QFile placed(part); written && !placed.rename(copy)) {
        written = false;
        *reason = SafeFiles::failureReason(placed, 0);
    }
    if (!written)
        QFile::remove(part);
    return written || SafeFiles::isOwnFile(copy);
}

} // namespace

bool ContentFiles::writeAtomically(const QString &path, const QByteArray &bytes, QString *error,
                                   Durability durability)
{
    return write(path, bytes, error, durability, true);
}

bool ContentFiles::writeNew(const QString &path, const QByteArray &bytes, QString *error)
{
    return write(path, bytes, error, Durability::Synced, false);
}

bool ContentFiles::write(const QString &path, const QByteArray &bytes, QString *error,
                         Durability durability, bool replace)
{
    // Written to a new file of an unguessable name beside it (created exclusively: never through
    // a link planted there), then renamed over `path` in one step, as QSaveFile does; but
    // QSaveFile writes through a link at `path` into its target, and rename(2) replaces the
    // link itself.
    const QString part = path + u'.' + SafeFiles::randomToken(8) + u".part"_s;
    QFile file;
    if (!SafeFiles::createNew(&file, part)) {
        *error = tr("%1 cannot be written: %2.").arg(path, SafeFiles::failureReason(file, 0));
        return false;
    }
    Status filled = SafeFiles::writeAll(&file, bytes);
    if (filled)
        filled = SafeFiles::flush(&file);
    bool written = filled.ok();
    QString reason = filled.error();
#ifdef Q_OS_UNIX
    if (written && durability == Durability::Synced && ::fsync(file.handle()) != 0) {
        written = false;
        reason = SafeFiles::systemReason(errno);
    }
#endif
    file.close();
    if (written && file.error() != QFileDevice::NoError)
        reason = SafeFiles::failureReason(file, 0);
    if (written && file.error() == QFileDevice::NoError && !replace) {
        // QFile::rename never replaces (renameat2 with RENAME_NOREPLACE where there is one).
        written = QFile::rename(part, path);
        reason = written ? QString() : tr("a file of that name is there already");
    } else if (written && file.error() == QFileDevice::NoError) {
#ifdef Q_OS_UNIX
        written = ::rename(QFile::encodeName(part).constData(), QFile::encodeName(path).constData())
            == 0;
        reason = written ? QString() : QString::fromLocal8Bit(std::strerror(errno));
#else
        QFile::remove(path);
        written = file.rename(path);
        reason = SafeFiles::failureReason(file, 0);
#endif
    } else {
        written = false;
    }
    if (!written) {
        QFile::remove(part);
        *error = tr("%1 cannot be written: %2.").arg(path, reason);
        return false;
    }
    if (durability != Durability::Transient)
        syncLater(path); // Synced: the folder's entry (the file is flushed already)
    return true;
}

bool ContentFiles::adopt(const QString &written, const QString &path, QString *error,
                         Durability durability)
{
#ifdef Q_OS_UNIX
    if (durability == Durability::Synced) {
        const int fd = ::open(QFile::encodeName(written).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::fsync(fd) != 0) {
            *error = tr("%1 cannot be written: %2.")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
            if (fd >= 0)
                ::close(fd);
            return false;
        }
        ::close(fd);
    }
    if (::rename(QFile::encodeName(written).constData(), QFile::encodeName(path).constData())
        != 0) {
        *error = tr("%1 cannot be written: %2.")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
#else
    QFile::remove(path);
    if (QFile file(written); !file.rename(path)) {
        *error = tr("%1 cannot be written: %2.").arg(path, SafeFiles::failureReason(file, 0));
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

QString ContentFiles::store(const QString &folder, const QByteArray &bytes, const QString &suffix,
                            QString *error)
{
    if (!makeFolder(folder, error))
        return {};
    const QString path = QDir(folder).filePath(
        contentName(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256), suffix));
    if (SafeFiles::isOwnFile(path) || writeAtomically(path, bytes, error))
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
    const QString copy
        = QDir(folder).filePath(contentName(hash.result(), QFileInfo(path).suffix().toLower()));
    if (QString reason; !SafeFiles::isOwnFile(copy) && !writeCopy(path, copy, &reason)) {
        *error = tr("%1 cannot be copied into %2: %3.").arg(path, folder, reason);
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

bool ContentFiles::isContentName(const QString &fileName)
{
    const QString base = fileName.section(u'.', 0, 0);
    return base.size() == ContentNameLength && std::all_of(base.cbegin(), base.cend(), [](QChar c) {
               return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
           });
}

} // namespace Atelier
