#include "imagewriter.h"

#include "api/streamedfile.h"
#include "library/contentfiles.h"
#include "library/fileslug.h"
#include "model/imageresult.h"
#include "platform/leftovers.h"
#include "platform/safefiles.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>

using namespace Qt::StringLiterals;

namespace Atelier {

const QString ImageWriter::LeftoverPattern = u"^\\..*\\.atelier-(\\d+)-\\d+-[0-9a-f]{16}\\.part$"_s;

ImageWriter::ImageWriter(const QString &directory, const QString &stem)
    : m_directory(QDir(directory.isEmpty() ? QDir::currentPath() : directory).absolutePath())
    , m_stem(stem)
{ }

QString ImageWriter::defaultStem(const QString &prompt, const QDateTime &time)
{
    const QString slug = fileSlug(prompt, 40);
    QString stem = u"atelier-"_s + time.toString(u"yyyyMMdd-HHmmss"_s);
    if (!slug.isEmpty())
        stem += u'-' + slug;
    return stem;
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

Status ImageWriter::checkStem(const QString &stem)
{
    if (stem.isEmpty() || stem != safeFileName(stem, 200) || stem.contains(u'/')
        || stem.contains(u'\\'))
        return failure(tr("--name \"%1\" is not a plain file name (no folders, no leading dot, no "
                          "characters file "
                          "systems refuse); choose the folder with --out.")
                           .arg(stem),
                       stem);
    return success();
}

Status ImageWriter::makeDirectory()
{
    if (m_directory.exists())
        return success();
    const Status made = SafeFiles::makePath(m_directory.absolutePath());
    if (made)
        return success();
    return failure(tr("The folder %1 cannot be created: %2. Choose another with --out.")
                       .arg(m_directory.absolutePath(), made.error()),
                   m_directory.absolutePath());
}

Status ImageWriter::prepare()
{
    const QString folder = m_directory.absolutePath();
    if (const Status made = SafeFiles::makePath(folder); !made) {
        const QString &reason = made.error();
        return failure(
            made.failure().subject == folder && SafeFiles::entryExists(folder)
                ? tr("--out %1 is a file, not a folder (%2). Give the path of a folder (it is "
                     "made if it is missing), or move the file away.")
                      .arg(folder, SafeFiles::systemReason(ENOTDIR))
                : tr("The folder %1 given with --out cannot be created: %2. Choose another folder "
                     "with --out.")
                      .arg(folder, reason),
            folder);
    }
    if (const Status probed = SafeFiles::probeWritable(folder); !probed) {
        return failure(tr("Nothing can be written in the folder %1 given with --out: %2. Choose "
                          "a folder you can write in with --out, or make this one writable.")
                           .arg(folder, probed.error()),
                       folder);
    }
    return success();
}

QString ImageWriter::freePath(const ImageResult &image, const QString &suffix) const
{
    const QString extension = imageFileSuffix(image.format);
    QString path = m_directory.filePath(m_stem + suffix + u'.' + extension);
    // A "<name>.part" is a file another run is writing right now: its name is taken too.
    auto taken = [](const QString &candidate) {
        return SafeFiles::entryExists(candidate) || SafeFiles::entryExists(candidate + u".part"_s);
    };
    for (int copy = 2; taken(path); ++copy)
        path = m_directory.filePath(u"%1%2-(%3).%4"_s.arg(m_stem, suffix).arg(copy).arg(extension));
    return path;
}

Result<QString> ImageWriter::write(const ImageResult &image, const QString &suffix)
{
    const QMutexLocker locker(&m_mutex); // choosing a free name and taking it must not interleave
    if (const Status made = makeDirectory(); !made)
        return made.failure();
    const QString path = freePath(image, suffix);
    if (!SafeFiles::isInside(m_directory.absolutePath(), path))
        return failure(tr("%1 is not inside the folder %2; nothing was written.")
                           .arg(path, m_directory.absolutePath()),
                       path);
    // Written as "<name>.part", then renamed: never half an image under the real name. Not
    // flushed to the disk (Transient): like curl -o and the SDKs, the CLI leaves that to the
    // system; the studio's library flushes in the background.
    if (const Status written
        = ContentFiles::writeAtomically(path, image.encoded, ContentFiles::Durability::Transient);
        !written)
        return failure(written.error(), path);
    return path;
}

// Written into a hidden ".<stem>-<pid>-<n>.part" in the folder, named as write() names it.
class ImageWriter::WriterFile final : public StreamedFile
{
public:
    WriterFile(std::shared_ptr<ImageWriter> writer, SuffixFor suffixFor)
        : m_writer(std::move(writer))
        , m_suffixFor(std::move(suffixFor))
    { }

protected:
    Result<QString> newPath() override
    {
        const QMutexLocker locker(&m_writer->m_mutex);
        if (const Status made = m_writer->makeDirectory(); !made)
            return made.failure();
        if (!std::exchange(m_writer->m_sweptLeftovers, true)) {
            // Hidden files of earlier runs killed mid-image (never complete, never named): only
            // names exactly as this makes them, so a user's own ".x-1-2.part" stays.
            removeLeftovers(m_writer->m_directory.absolutePath(), LeftoverPattern);
        }
        // Unguessable: nothing can be planted under the name beforehand (and the file is
        // created exclusively, never through a link).
        return m_writer->m_directory.filePath(u".%1.atelier-%2-%3-%4.part"_s.arg(
            m_writer->m_stem, QString::number(QCoreApplication::applicationPid()),
            QString::number(++m_writer->m_streams), SafeFiles::randomToken()));
    }

    Result<ImageJob::Kept> place(const ImageResult &image, const QString &written) override
    {
        const QMutexLocker locker(&m_writer->m_mutex); // choosing a free name and taking it
        const QString path = m_writer->freePath(image, m_suffixFor(image));
        if (!SafeFiles::isInside(m_writer->directory(), path))
            return failure(ImageWriter::tr("%1 is not inside the folder %2; nothing was written.")
                               .arg(path, m_writer->directory()));
        if (QFile file(written); !file.rename(path))
            return failure(ImageWriter::tr(
                               "%1 cannot be written: the finished file could not be renamed (%2).")
                               .arg(path, SafeFiles::failureReason(file, 0)));
        return ImageJob::Kept {path};
    }

private:
    std::shared_ptr<ImageWriter> m_writer;
    SuffixFor m_suffixFor;
};

class ImageWriter::FileSink final : public ImageJob::StreamSink
{
public:
    FileSink(std::shared_ptr<ImageWriter> writer, SuffixFor suffixFor)
        : m_writer(std::move(writer))
        , m_suffixFor(std::move(suffixFor))
    { }

    Result<std::unique_ptr<Writer>> begin() override
    {
        auto file = std::make_unique<WriterFile>(m_writer, m_suffixFor);
        // A folder that cannot be made is reported at once.
        if (const Status opened = file->open(); !opened)
            return opened.failure();
        return std::unique_ptr<Writer>(std::move(file));
    }

private:
    std::shared_ptr<ImageWriter> m_writer;
    SuffixFor m_suffixFor;
};

std::shared_ptr<ImageJob::StreamSink> ImageWriter::streamSink(std::shared_ptr<ImageWriter> writer,
                                                              SuffixFor suffixFor)
{
    return std::make_shared<FileSink>(std::move(writer), std::move(suffixFor));
}

} // namespace Atelier
