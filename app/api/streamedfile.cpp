#include "streamedfile.h"

#include "platform/safefiles.h"

namespace Atelier {

StreamedFile::~StreamedFile()
{
    m_file.close();
    if (!m_placed && !m_file.fileName().isEmpty())
        m_file.remove();
}

Status StreamedFile::open()
{
    const Result<QString> path = newPath();
    if (!path)
        return path.failure();
    // Created exclusively: a link planted under the name is never written through.
    return SafeFiles::createNew(&m_file, *path);
}

Status StreamedFile::write(QByteArrayView bytes)
{
    if (!m_file.isOpen()) {
        if (const Status opened = open(); !opened)
            return opened;
    }
    if (const Status written = SafeFiles::writeAll(&m_file, bytes); !written)
        return failure(tr("%1 cannot be written: %2.").arg(m_file.fileName(), written.error()));
    return success();
}

Result<ImageJob::Kept> StreamedFile::commit(const ImageResult &image)
{
    if (!m_file.isOpen()) {
        if (const Status opened = open(); !opened)
            return opened.failure();
    }
    if (const Status flushed = SafeFiles::flush(&m_file); !flushed)
        return failure(tr("%1 cannot be written: %2.").arg(m_file.fileName(), flushed.error()));
    m_file.close();
    if (m_file.error() != QFileDevice::NoError)
        return failure(tr("%1 cannot be written: %2.")
                           .arg(m_file.fileName(), SafeFiles::failureReason(m_file, 0)));
    Result<ImageJob::Kept> kept = place(image, m_file.fileName());
    m_placed = kept && !kept->path.isEmpty();
    return kept;
}

} // namespace Atelier
