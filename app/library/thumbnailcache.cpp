#include "thumbnailcache.h"

#include "contentfiles.h"

#include "imaging/imagefile.h"
#include "platform/safefiles.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Atelier {

ThumbnailCache::ThumbnailCache(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
}

ThumbnailCache::~ThumbnailCache()
{
    // Thumbnail tasks call back into this cache: none may outlive it.
    m_pool.clear();
    m_pool.waitForDone();
}

QString ThumbnailCache::path(const QString &folder, qint64 id)
{
    return QDir(folder).filePath(u".thumbnails/%1.jpg"_s.arg(id));
}

QImage ThumbnailCache::load(const QString &source, const QString &cached)
{
    QImage thumbnail;
    // Only a file Atelier wrote: a link planted there is neither read nor written through.
    const QFileInfo cachedInfo(cached);
    if (SafeFiles::isOwnFile(cached)
        && cachedInfo.lastModified() >= QFileInfo(source).lastModified())
        thumbnail.load(cached);
    if (!thumbnail.isNull())
        return thumbnail;
    thumbnail = ImageFile::read(source, QSize(Size, Size)).valueOr(QImage());
    if (thumbnail.isNull())
        return thumbnail;
    thumbnail = thumbnail.scaled(Size, Size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const QFileInfo folder(cachedInfo.path());
    QByteArray encoded;
    QBuffer buffer(&encoded);
    if (SafeFiles::makeFolder(folder.path(), folder.fileName()).ok()
        && buffer.open(QIODevice::WriteOnly)
        && thumbnail.convertToFormat(QImage::Format_RGB32).save(&buffer, "JPEG", 85)) {
        // A new file renamed over the name: a link there is replaced, never written through.
        // Unchecked: a thumbnail not cached is made again next time.
        (void)ContentFiles::writeAtomically(cached, encoded, ContentFiles::Durability::Transient);
    }
    return thumbnail;
}

void ThumbnailCache::request(qint64 id, const QString &source, const QString &cached)
{
    if (m_loading.contains(id))
        return;
    m_loading.insert(id);
    const quint64 generation = m_generation;
    m_pool.start([this, id, source, cached, generation] {
        const QImage thumbnail = load(source, cached);
        // The cache waits for this pool before it dies, so it is alive here.
        QMetaObject::invokeMethod(
            this,
            [this, id, thumbnail, generation] {
                if (generation != m_generation)
                    return; // made for the library open before
                m_loading.remove(id);
                if (thumbnail.isNull())
                    return;
                m_images.insert(id, new QImage(thumbnail));
                Q_EMIT loaded(id);
            },
            Qt::QueuedConnection);
    });
}

void ThumbnailCache::clear()
{
    m_pool.waitForDone();
    ++m_generation;
    m_images.clear();
    m_loading.clear();
}

} // namespace Atelier
