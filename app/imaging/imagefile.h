#pragma once

#include "platform/result.h"

#include <QImage>
#include <QSize>
#include <QString>

namespace Atelier {

// Image files as Atelier reads them, and images fitted to a box: what the library, the studio
// and the decoder of API responses share.
class ImageFile final
{
public:
    // An image file, as QImage(path) reads it but PNGs with the fast reader; fails (saying why)
    // if it cannot be read. With `within`, a PNG, JPEG or WebP larger than it is decoded
    // to fit it, by Qt's reader from the file (PNG a row at a time), never whole in memory; the
    // others come whole. Slow for big images: not on the GUI thread.
    static Result<QImage> read(const QString &path, const QSize &within = {});
    // `image` fitted into `box`, aspect ratio kept, smoothly; never enlarged. The same size as
    // the preview widget computes for it.
    static QImage fitted(const QImage &image, const QSize &box);
};

} // namespace Atelier
