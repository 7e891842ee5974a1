#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

namespace Atelier {

// The gallery's thumbnails: kept in memory (up to 2000), cached on disk as
// <library>/.thumbnails/<id>.jpg, and made on worker threads, never on the GUI's. Use from one
// thread; loaded() comes on it.
class ThumbnailCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailCache)

public:
    static constexpr int Size = 192; // pixels on the longer side

    explicit ThumbnailCache(QObject *parent = nullptr);
    ~ThumbnailCache() override; // waits for the thumbnails being made

    // Where the thumbnail of image `id` of the library in `folder` is cached on disk.
    static QString path(const QString &folder, qint64 id);
    // The thumbnail of the image at `source`: read from `cached` if that is current, otherwise
    // made (JPEG and WebP decode small directly, PNG with the fast reader) and cached there.
    // Slow when it has to be made: any thread but the GUI thread.
    static QImage load(const QString &source, const QString &cached);

    // The thumbnail of image `id`, if it is in memory.
    const QImage *find(qint64 id) const { return m_images.object(id); }
    // Makes the thumbnail of image `id` on a worker thread (once, however often it is asked
    // for); loaded() says when it is there.
    void request(qint64 id, const QString &source, const QString &cached);
    // Forgets every thumbnail (the ids now name other images); those being made are dropped.
    void clear();

Q_SIGNALS:
    void loaded(qint64 id);

private:
    QCache<qint64, QImage> m_images {2000};
    QSet<qint64> m_loading;
    QThreadPool m_pool;
    quint64 m_generation = 0; // thumbnails made before clear() are dropped
};

} // namespace Atelier
