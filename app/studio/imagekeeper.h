#pragma once

#include "api/imagejob.h"
#include "library/libraryimage.h"
#include "model/imagerequest.h"
#include "model/imageresult.h"

#include <memory>

namespace Atelier {

// The library's record of a received image: its recipe and what the API reported.
LibraryImage libraryEntry(const ImageRequest &request, const ImageResult &image,
                          const QString &provider);

// Where a job's images go: final ones into the library, partial ones beside the journal entry
// until the job ends (recovered into the library after a crash). Used on the decode thread.
struct ImageKeeper
{
    QString folder;
    ImageRequest request;
    QString provider;
    qint64 journalId = 0;
    QString parentPath;

    // The image kept from its bytes, or from the file they were written to as they arrived.
    // Nothing is kept for a partial image without a journal entry (an empty path).
    Result<ImageJob::Kept> keep(const ImageResult &image, const QString &incoming) const;
};

// Streamed images are written into the library's .incoming folder while their bytes arrive (on
// the decode thread, beside decoding them), and moved into place once complete: when the last
// byte comes, the file is all but written.
class LibrarySink final : public ImageJob::StreamSink
{
public:
    explicit LibrarySink(std::shared_ptr<const ImageKeeper> keeper);
    Result<std::unique_ptr<Writer>> begin() override;

private:
    std::shared_ptr<const ImageKeeper> m_keeper;
};

} // namespace Atelier
