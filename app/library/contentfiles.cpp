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

Result<QString> makeFolder(const QString &folder)
{
    const QFileInfo info(QDir(folder).absolutePath());
    return SafeFiles::makeFolder(info.path(), info.fileName());
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

// Copies `source` to `copy` as writeAtomically() writes (never through a link at `copy`); else
// the system's reason.
Status writeCopy(const QString &source, const QString &copy)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return failure(in.errorString());
    const QString part = copy + u'.' + SafeFiles::randomToken(8) + u".part"_s;
    QFile out;
    if (!SafeFiles::createNew(&out, part))
        return failure(SafeFiles::failureReason(out, 0));
    Status copied;
    QByteArray chunk;
    while (copied && !(chunk = in.read(1 << 20)).isEmpty())
        copied = SafeFiles::writeAll(&out, chunk);
    if (in.error() != QFileDevice::NoError)
        copied = failure(in.errorString());
    else if (copied)
        copied = SafeFiles::flush(&out);
    out.close();
    if (copied && out.error() != QFileDevice::NoError)
        copied = failure(SafeFiles::failureReason(out, 0));
    // Never replaces: the same bytes may be there already.
    if (QFile placed(part); copied && !placed.rename(copy))
        copied = failure(SafeFiles::failureReason(placed, 0));
    if (!copied)
        QFile::remove(part);
    if (!copied && SafeFiles::isOwnFile(copy))
        return success();
    return copied;
}

} // namespace

Status ContentFiles::writeAtomically(const QString &path, const QByteArray &bytes,
                                     Durability durability)
{
    return write(path, bytes, durability, true);
}

Status ContentFiles::writeNew(const QString &path, const QByteArray &bytes)
{
    return write(path, bytes, Durability::Synced, false);
}

Status ContentFiles::write(const QString &path, const QByteArray &bytes, Durability durability,
                           bool replace)
{
    // Written to a new file of an unguessable name beside it (created exclusively: never through
    // a link planted there), then renamed over `path` in one step, as QSaveFile does; but
    // QSaveFile writes through a link at `path` into its target, and rename(2) replaces the
    // link itself.
    const QString part = path + u'.' + SafeFiles::randomToken(8) + u".part"_s;
    QFile file;
    if (!SafeFiles::createNew(&file, part))
        return failure(
            tr("%1 cannot be written: %2.").arg(path, SafeFiles::failureReason(file, 0)));
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
        return failure(tr("%1 cannot be written: %2.").arg(path, reason));
    }
    if (durability != Durability::Transient)
        syncLater(path); // Synced: the folder's entry (the file is flushed already)
    return success();
}

Status ContentFiles::adopt(const QString &written, const QString &path, Durability durability)
{
#ifdef Q_OS_UNIX
    const auto systemFailure = [&path] {
        return failure(tr("%1 cannot be written: %2.")
                           .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    };
    if (durability == Durability::Synced) {
        const int fd = ::open(QFile::encodeName(written).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::fsync(fd) != 0) {
            Failure failed = systemFailure();
            if (fd >= 0)
                ::close(fd);
            return failed;
        }
        ::close(fd);
    }
    if (::rename(QFile::encodeName(written).constData(), QFile::encodeName(path).constData()) != 0)
        return systemFailure();
#else
    QFile::remove(path);
    if (QFile file(written); !file.rename(path))
        return failure(
            tr("%1 cannot be written: %2.").arg(path, SafeFiles::failureReason(file, 0)));
#endif
    if (durability != Durability::Transient)
        syncLater(path); // for Synced: the folder entry (the file is flushed already)
    return success();
}

void ContentFiles::waitForDeferredSyncs()
{
    syncPool()->waitForDone();
}

Result<QString> ContentFiles::store(const QString &folder, const QByteArray &bytes,
                                    const QString &suffix)
{
    if (const Result<QString> made = makeFolder(folder); !made)
        return made.failure();
    const QString path = QDir(folder).filePath(
        contentName(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256), suffix));
    if (SafeFiles::isOwnFile(path))
        return path;
    if (const Status written = writeAtomically(path, bytes); !written)
        return written.failure();
    return path;
}

Result<QString> ContentFiles::keep(const QString &folder, const QString &path)
{
    if (path.isEmpty() || QFileInfo(path).absolutePath() == QDir(folder).absolutePath())
        return path;
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return failure(tr("%1 cannot be read: %2.").arg(path, file.errorString()));
    if (const Result<QString> made = makeFolder(folder); !made)
        return made.failure();
    const QString copy
        = QDir(folder).filePath(contentName(hash.result(), QFileInfo(path).suffix().toLower()));
    if (SafeFiles::isOwnFile(copy))
        return copy;
    if (const Status copied = writeCopy(path, copy); !copied)
        return failure(tr("%1 cannot be copied into %2: %3.").arg(path, folder, copied.error()));
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
