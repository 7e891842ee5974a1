#pragma once

#include "imagejob.h"

#include <QCoreApplication>
#include <QFile>

namespace Atelier {

// A streamed image written into a file of its own as its bytes arrive (ImageJob::StreamSink),
// then put in place by place() once complete and checked; the file is removed if it never is
// (the stream broke off, the image was refused, the job was cancelled).
class StreamedFile : public ImageJob::StreamSink::Image
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::StreamedFile)

public:
    ~StreamedFile() override;

    // Opens the file now; otherwise the first bytes open it.
    bool open(QString *error);
    bool write(QByteArrayView bytes, QString *error) override;
    QString commit(const ImageResult &image, QString *error) override;

protected:
    // Where the bytes go: a name no one else writes; empty with `error` set if there is none.
    virtual QString newPath(QString *error) = 0;
    // The complete file `written` moved into place for `image`: its path, or empty with `error`
    // set.
    virtual QString place(const ImageResult &image, const QString &written, QString *error) = 0;

private:
    QFile m_file;
    bool m_placed = false;
};

} // namespace Atelier
