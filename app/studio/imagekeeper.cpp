#include "imagekeeper.h"

#include "api/streamedfile.h"
#include "library/librarystore.h"
#include "studio/studiosession.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace Atelier {

// The library's record of a received image: its recipe and what the API reported.
LibraryImage libraryEntry(const ImageRequest &request, const ImageResult &image,
                          const QString &provider)
{
    LibraryImage entry;
    entry.path = image.savedPath;
    entry.request = request;
    entry.revisedPrompt = image.revisedPrompt;
    entry.size = image.size;
    entry.format = image.format;
    entry.bytes = image.encoded.size();
    entry.usage = image.usage;
    entry.requestId = image.requestId;
    entry.provider = provider;
    return entry;
}

Result<ImageJob::Kept> ImageKeeper::keep(const ImageResult &image, const QString &incoming) const
{
    if (image.partial) {
        if (journalId <= 0)
            return ImageJob::Kept {};
        const Result<QString> partial = incoming.isEmpty()
            ? LibraryStore::writePartial(folder, journalId, image)
            : LibraryStore::keepPartial(folder, journalId, image, incoming);
        if (!partial)
            return partial.failure();
        return ImageJob::Kept {*partial};
    }
    LibraryImage entry = libraryEntry(request, image, provider);
    entry.parentPath = parentPath;
    const Result<QString> kept = incoming.isEmpty()
        ? LibraryStore::writeFiles(folder, entry, image.encoded)
        : LibraryStore::keepFiles(folder, entry, incoming);
    if (kept)
        return ImageJob::Kept {*kept};
    // The library folder stopped taking images (the disk filled, a drive went away): a paid
    // image is never lost for it; it goes to the fallback folder, and the note says why.
    const QString elsewhere = StudioSession::fallbackLibraryFolder();
    if (QDir(elsewhere) == QDir(folder))
        return kept.failure();
    QByteArray bytes = image.encoded;
    if (bytes.isEmpty() && !incoming.isEmpty()) {
        QFile written(incoming);
        if (written.open(QIODevice::ReadOnly))
            bytes = written.readAll();
    }
    entry.parentPath.clear(); // names a file of the other library
    if (bytes.isEmpty())
        return kept.failure();
    const Result<QString> fallback = LibraryStore::writeFiles(elsewhere, entry, bytes);
    if (!fallback)
        return failure(kept.error() + u' ' + fallback.error());
    return ImageJob::Kept {*fallback, kept.error()};
}

namespace {

// Written into the library's .incoming folder, then kept as the keeper says.
class Incoming final : public StreamedFile
{
public:
    explicit Incoming(std::shared_ptr<const ImageKeeper> keeper)
        : m_keeper(std::move(keeper))
    { }

protected:
    Result<QString> newPath() override { return LibraryStore::incomingPath(m_keeper->folder); }
    Result<ImageJob::Kept> place(const ImageResult &image, const QString &written) override
    {
        return m_keeper->keep(image, written);
    }

private:
    std::shared_ptr<const ImageKeeper> m_keeper;
};

} // namespace

LibrarySink::LibrarySink(std::shared_ptr<const ImageKeeper> keeper)
    : m_keeper(std::move(keeper))
{ }

Result<std::unique_ptr<ImageJob::StreamSink::Writer>> LibrarySink::begin()
{
    // The file is made with the first bytes (a failure then goes with the image).
    return std::unique_ptr<Writer>(std::make_unique<Incoming>(m_keeper));
}

} // namespace Atelier
