#include "streamedfile.h"

#include "platform/safefiles.h"

namespace Atelier {

StreamedFile::~StreamedFile()
{
    m_file.close();
    if (!m_placed && !m_file.fileName().isEmpty())
        m_file.remove();
}

bool StreamedFile::open(QString *error)
{
    const QString path = newPath(error);
    if (path.isEmpty())
        return false;
    // Created exclusively: a link planted under the name is never written through.
    const Status created = SafeFiles::createNew(&m_file, path);
    if (!created)
        *error = created.error();
    return created.ok();
}

bool StreamedFile::write(QByteArrayView bytes, QString *error)
{
    if (!m_file.isOpen() && !open(error))
        return false;
    const Status written = SafeFiles::writeAll(&m_file, bytes);
    if (written)
        return true;
    *error = tr("%1 cannot be written: %2.").arg(m_file.fileName(), written.error());
    return false;
}

QString StreamedFile::commit(const ImageResult &image, QString *error)
{
    QString reason;
    if (!m_file.isOpen() && !open(error))
        return {};
    if (const Status flushed = SafeFiles::flush(&m_file); !flushed) {
        *error = tr("%1 cannot be written: %2.").arg(m_file.fileName(), flushed.error());
        return {};
    }
    m_file.close();
    if (m_file.error() != QFileDevice::NoError) {
        *error = tr("%1 cannot be written: %2.")
                     .arg(m_file.fileName(), SafeFiles::failureReason(m_file, 0));
        return {};
    }
    const QString path = place(image, m_file.fileName(), error);
    m_placed = !path.isEmpty();
    return path;
}

} // namespace Atelier
