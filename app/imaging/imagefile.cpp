#include "imagefile.h"

#include "imagefileinfo.h"
#include "pngdecoder.h"
#include "svgimage.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QImageReader>

namespace Atelier {

namespace {

// Free functions here translate in the class's context (lupdate reads the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::ImageFile)
};

} // namespace

QImage ImageFile::fitted(const QImage &image, const QSize &box)
{
    if (image.width() <= box.width() && image.height() <= box.height())
        return image;
    // QSize::scale, as the preview widget computes its target: the sizes agree exactly.
    return image.scaled(image.size().scaled(box, Qt::KeepAspectRatio), Qt::IgnoreAspectRatio,
                        Qt::SmoothTransformation);
}

Result<QImage> ImageFile::read(const QString &path, const QSize &within)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(file.errorString(), path);
    if (within.isValid()) {
        // Smaller than it is (a thumbnail): Qt's readers decode to that size from the file, a
        // row at a time for PNG, so neither the file's bytes nor the whole image are held (an
        // 8192x8192 PNG's pixels are 256 MB). JPEG and WebP scale while decoding.
        const QByteArray format = sniffImageFormat(file.peek(16));
        QImageReader reader(&file, format.isEmpty() ? QByteArray() : format);
        if (QSize size = reader.size(); (format == "png" || format == "jpeg" || format == "webp")
            && size.isValid()
            && (size.width() > within.width() || size.height() > within.height())) {
            size.scale(within, Qt::KeepAspectRatio);
            reader.setScaledSize(size.expandedTo(QSize(1, 1)));
            QImage image = reader.read();
            if (image.isNull())
                return failure(reader.errorString(), path);
            return image;
        }
        file.seek(0);
    }
    const QByteArray bytes = file.readAll();
    if (SvgImage::looksLikeSvg(bytes)) {
        QSize size = SvgImage::defaultSize(bytes);
        if (within.isValid() && size.isValid())
            size.scale(within, Qt::KeepAspectRatio);
        QImage drawn = SvgImage::render(bytes, size);
        if (drawn.isNull())
            return failure(Text::tr("not an SVG document Atelier can read"), path);
        return drawn;
    }
    QImage image;
    if (sniffImageFormat(QByteArrayView(bytes).first(std::min<qsizetype>(16, bytes.size())))
            == "png"
        && PngDecoder::decode(bytes, &image))
        return image;
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    if (QSize size = reader.size(); within.isValid() && size.isValid()
        && (size.width() > within.width() || size.height() > within.height())) {
        size.scale(within, Qt::KeepAspectRatio); // smaller, never larger
        reader.setScaledSize(size); // honoured by JPEG and WebP, ignored by the others
    }
    image = reader.read();
    if (image.isNull())
        return failure(reader.errorString(), path);
    return image;
}

} // namespace Atelier
