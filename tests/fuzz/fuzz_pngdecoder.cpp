// libFuzzer target: the fast PNG reader on arbitrary bytes, against Qt's reader. Chunk CRCs are
// recomputed first, so that mutations reach the chunk, inflate and filter logic instead of
// stopping at the checksum.
#include "api/pngdecoder.h"

#include <QImage>
#include <QtEndian>

#include <libdeflate.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

using namespace Atelier;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray png(reinterpret_cast<const char *>(data), qsizetype(size));
    for (qsizetype at = 8; png.size() - at >= 12;) {
        const quint32 length = qFromBigEndian<quint32>(png.constData() + at);
        if (length > quint32(png.size() - at - 12))
            break;
        const quint32 crc = libdeflate_crc32(0, png.constData() + at + 4, size_t(length) + 4);
        qToBigEndian(crc, png.data() + at + 8 + qsizetype(length));
        at += 12 + qsizetype(length);
    }
    for (const auto implementation : {PngDecoder::Implementation::Best, PngDecoder::Implementation::Scalar}) {
        QImage image;
        if (!PngDecoder::decode(png, &image, implementation))
            continue;
        // Whatever the fast reader accepts, Qt's reader reads to the same image.
        const QImage expected = QImage::fromData(png, "PNG");
        if (expected.isNull() || expected.format() != image.format() || expected != image
            || expected.textKeys() != image.textKeys() || expected.dotsPerMeterX() != image.dotsPerMeterX())
            __builtin_trap();
    }
    return 0;
}
