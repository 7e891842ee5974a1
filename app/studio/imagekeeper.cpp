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

QString ImageKeeper::keep(const ImageResult &image, const QString &incoming, QString *error) const
{
    if (image.partial) {
        if (journalId <= 0)
            return {};
        const Result<QString> partial = incoming.isEmpty()
            ? LibraryStore::writePartial(folder, journalId, image)
            : LibraryStore::keepPartial(folder, journalId, image, incoming);
        if (!partial)
            *error = partial.error();
        return partial.valueOr(QString());
    }
    LibraryImage entry = libraryEntry(request, image, provider);
    entry.parentPath = parentPath;
    const Result<QString> kept = incoming.isEmpty()
        ? LibraryStore::writeFiles(folder, entry, image.encoded)
        : LibraryStore::keepFiles(folder, entry, incoming);
    if (kept)
        return *kept;
    *error = kept.error();
    // The library folder stopped taking images (the disk filled, a drive went away): a paid
    // image is never lost for it; it goes to the fallback folder, and `error` says why.
    const QString elsewhere = StudioSession::fallbackLibraryFolder();
    if (QDir(elsewhere) == QDir(folder))
        return {};
    QByteArray bytes = image.encoded;
    if (bytes.isEmpty() && !incoming.isEmpty()) {
        QFile written(incoming);
        if (written.open(QIODevice::ReadOnly))
            bytes = written.readAll();
    }
    entry.parentPath.clear(); // names a file of the other library
    if (bytes.isEmpty())
        return {};
    const Result<QString> fallback = LibraryStore::writeFiles(elsewhere, entry, bytes);
    if (!fallback)
        *error += u' ' + fallback.error();
    return fallback.valueOr(QString());
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
    QString newPath(QString *error) override
    {
        const Result<QString> path = LibraryStore::incomingPath(m_keeper->folder);
        if (!path)
            *error = path.error();
        return path.valueOr(QString());
    }
    QString place(const ImageResult &image, const QString &written, QString *error) override
    {
        return m_keeper->keep(image, written, error);
    }

private:
    std::shared_ptr<const ImageKeeper> m_keeper;
};

} // namespace

LibrarySink::LibrarySink(std::shared_ptr<const ImageKeeper> keeper)
    : m_keeper(std::move(keeper))
{ }

std::unique_ptr<ImageJob::StreamSink::Image> LibrarySink::begin(QString *)
{
    return std::make_unique<Incoming>(m_keeper);
}

} // namespace Atelier
