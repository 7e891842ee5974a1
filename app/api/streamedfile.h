#pragma once

#include "imagejob.h"

#include <QCoreApplication>
#include <QFile>

namespace Atelier {

// A streamed image written into a file of its own as its bytes arrive (ImageJob::StreamSink),
// then put in place by place() once complete and checked; the file is removed if it never is
// (the stream broke off, the image was refused, the job was cancelled).
class StreamedFile : public ImageJob::StreamSink::Writer
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::StreamedFile)

public:
    ~StreamedFile() override;

    // Opens the file now; otherwise the first bytes open it.
    Status open();
    Status write(QByteArrayView bytes) override;
    Result<ImageJob::Kept> commit(const ImageResult &image) override;

protected:
    // Where the bytes go: a name no one else writes, or why there is none.
    virtual Result<QString> newPath() = 0;
    // The complete file `written` moved into place for `image`: where it went, or why not.
    virtual Result<ImageJob::Kept> place(const ImageResult &image, const QString &written) = 0;

private:
    QFile m_file;
    bool m_placed = false;
};

} // namespace Atelier
