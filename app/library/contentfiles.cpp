#include "contentfiles.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

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

} // namespace

bool ContentFiles::writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    *error = tr("%1 cannot be written: %2.").arg(path, file.errorString());
    return false;
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
