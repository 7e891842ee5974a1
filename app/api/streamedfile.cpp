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
    return SafeFiles::createNew(&m_file, path, error);
}

bool StreamedFile::write(QByteArrayView bytes, QString *error)
{
    if (!m_file.isOpen() && !open(error))
        return false;
    if (m_file.write(bytes.data(), bytes.size()) == bytes.size())
        return true;
    *error = tr("%1 cannot be written: %2.").arg(m_file.fileName(), m_file.errorString());
    return false;
}

QString StreamedFile::commit(const ImageResult &image, QString *error)
{
    if (!m_file.isOpen() || !m_file.flush()) {
        *error = tr("%1 cannot be written: %2.").arg(m_file.fileName(), m_file.errorString());
        return {};
    }
    m_file.close();
    if (m_file.error() != QFileDevice::NoError) {
        *error = tr("%1 cannot be written: %2.").arg(m_file.fileName(), m_file.errorString());
        return {};
    }
    const QString path = place(image, m_file.fileName(), error);
    m_placed = !path.isEmpty();
    return path;
}

} // namespace Atelier
