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
        return incoming.isEmpty()
            ? LibraryStore::writePartial(folder, journalId, image, error)
            : LibraryStore::keepPartial(folder, journalId, image, incoming, error);
    }
    LibraryImage entry = libraryEntry(request, image, provider);
    entry.parentPath = parentPath;
    QString path = incoming.isEmpty()
        ? LibraryStore::writeFiles(folder, entry, image.encoded, error)
        : LibraryStore::keepFiles(folder, entry, incoming, error);
    if (!path.isEmpty())
        return path;
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
    QString fallbackError;
    entry.parentPath.clear(); // names a file of the other library
    path = bytes.isEmpty() ? QString()
                           : LibraryStore::writeFiles(elsewhere, entry, bytes, &fallbackError);
    if (path.isEmpty() && !fallbackError.isEmpty())
        *error += u' ' + fallbackError;
    return path;
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
        return LibraryStore::incomingPath(m_keeper->folder, error);
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
