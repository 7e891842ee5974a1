// libFuzzer target: the fast PNG reader on arbitrary bytes, against Qt's reader, whole and
// streamed (StreamDecoder, fed in pieces whose size the input's last byte chooses). Chunk CRCs
// are recomputed first, so that mutations reach the chunk, inflate and filter logic instead of
// stopping at the checksum.
#include "imaging/pngdecoder.h"

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
    const auto sameAsQt = [&png](const QImage &image) {
        const QImage expected = QImage::fromData(png, "PNG");
        return !expected.isNull() && expected.format() == image.format() && expected == image
            && expected.textKeys() == image.textKeys()
            && expected.dotsPerMeterX() == image.dotsPerMeterX();
    };
    QImage whole;
    for (const auto implementation :
         {PngDecoder::Implementation::Best, PngDecoder::Implementation::Scalar}) {
        QImage image;
        if (!PngDecoder::decode(png, &image, implementation))
            continue;
        // Whatever the fast reader accepts, Qt's reader reads to the same image.
        if (!sameAsQt(image))
            __builtin_trap();
        whole = image;
    }
    // Streamed: whatever it accepts is the whole reader's image (and so Qt's).
    const qsizetype piece = size > 0 ? 1 + data[size - 1] % 64 : 1;
    PngDecoder::StreamDecoder decoder;
    bool fed = true;
    for (qsizetype at = 0; at < png.size() && fed; at += piece)
        fed = decoder.feed(QByteArrayView(png).sliced(at, std::min(piece, png.size() - at)));
    QImage streamed;
    if (decoder.finish(&streamed)) {
        if (!fed || whole.isNull() || streamed != whole || streamed.textKeys() != whole.textKeys()
            || streamed.dotsPerMeterY() != whole.dotsPerMeterY() || !sameAsQt(streamed))
            __builtin_trap();
    }
    return 0;
}
