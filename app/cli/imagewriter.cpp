#include "imagewriter.h"

#include "api/imageresult.h"
#include "library/fileslug.h"

#include <QFileInfo>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {
const QString PartSuffix = QStringLiteral(".part");
} // namespace

ImageWriter::ImageWriter(const QString &directory, const QString &stem)
    : m_directory(QDir(directory.isEmpty() ? QDir::currentPath() : directory).absolutePath()), m_stem(stem)
{
}

QString ImageWriter::defaultStem(const QString &prompt, const QDateTime &time)
{
    const QString slug = fileSlug(prompt, 40);
    QString stem = u"atelier-"_s + time.toString(u"yyyyMMdd-HHmmss"_s);
    if (!slug.isEmpty())
        stem += u'-' + slug;
    return stem;
}

QString ImageWriter::extensionFor(const QString &format)
{
    if (format == u"jpeg")
        return u"jpg"_s;
    return format.isEmpty() ? u"png"_s : format;
}

QString ImageWriter::suffixFor(const ImageResult &image, int imagesRequested, int jobIndex)
{
    // Several images: number them from 1, whether they came from one request or parallel ones.
    const int number = jobIndex >= 0 ? jobIndex + 1 : image.imageIndex + 1;
    const QString numbered = imagesRequested > 1 ? u"-%1"_s.arg(number) : QString();
    if (image.partial)
        return numbered + u"-partial-%1"_s.arg(image.index);
    if (jobIndex < 0 && imagesRequested > 1)
        return u"-%1"_s.arg(image.index + 1);
    return numbered;
}

QString ImageWriter::write(const ImageResult &image, const QString &suffix, QString *error)
{
    // Written as "<name>.part", then renamed: a reader (or a killed run) never sees half an
    // image under the real name. Not fsynced: like curl -o and the SDKs, the CLI leaves flushing
    // to the system; the studio's library, which promises to survive a crash, does sync.
    QFile file;
    QString path;
    {
        const QMutexLocker locker(&m_mutex);
        if (!m_directory.exists() && !m_directory.mkpath(u"."_s)) {
            *error = tr("The folder %1 cannot be created; choose another with --out.")
                         .arg(m_directory.absolutePath());
            return {};
        }
        const QString extension = extensionFor(image.format);
        path = m_directory.filePath(m_stem + suffix + u'.' + extension);
        auto taken = [](const QString &candidate) {
            return QFileInfo::exists(candidate) || QFileInfo::exists(candidate + PartSuffix);
        };
        for (int copy = 2; taken(path); ++copy)
            path = m_directory.filePath(u"%1%2-(%3).%4"_s.arg(m_stem, suffix).arg(copy).arg(extension));
        // Created while the lock is held: the name is then taken for other threads.
        file.setFileName(path + PartSuffix);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            *error = tr("%1 cannot be written: %2.").arg(path, file.errorString());
            return {};
        }
    }
    const bool written = file.write(image.encoded) == image.encoded.size() && file.flush();
    const QString writeError = file.errorString();
    file.close();
    if (!written || file.error() != QFileDevice::NoError || !file.rename(path)) {
        *error = tr("%1 cannot be written: %2.").arg(path, written ? file.errorString() : writeError);
        QFile::remove(path + PartSuffix);
        return {};
    }
    return path;
}

} // namespace Atelier
