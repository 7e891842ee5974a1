#include "gifencoder.h"

#include <algorithm>

namespace AtelierTest {

namespace {

constexpr int levels = 6; // per channel: 6 * 6 * 6 = 216 colours, the rest of 256 black
constexpr int minimumCodeSize = 8; // 256 palette entries
constexpr int clearCode = 1 << minimumCodeSize;
constexpr int endCode = clearCode + 1;
// After a clear, each code but the first adds a table entry from 258 on; the width grows to 10
// bits at 512, so 250 codes per run stay at 9 bits.
constexpr int codesPerClear = 250;

void appendLittleEndian16(QByteArray *out, int value)
{
    out->append(char(value & 0xff));
    out->append(char((value >> 8) & 0xff));
}

int paletteIndex(QRgb pixel)
{
    auto level = [](int channel) {
        return (channel * (levels - 1) + 127) / 255;
    };
    return level(qRed(pixel)) * levels * levels + level(qGreen(pixel)) * levels
        + level(qBlue(pixel));
}

// The LZW stream of one frame, packed least significant bit first into 255-byte sub-blocks.
QByteArray imageData(const QImage &frame)
{
    QByteArray packed;
    quint32 bits = 0;
    int bitCount = 0;
    auto put = [&](int code) {
        bits |= quint32(code) << bitCount;
        bitCount += minimumCodeSize + 1;
        while (bitCount >= 8) {
            packed.append(char(bits & 0xff));
            bits >>= 8;
            bitCount -= 8;
        }
    };
    int sinceClear = codesPerClear; // start with a clear code
    for (int y = 0; y < frame.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(frame.constScanLine(y));
        for (int x = 0; x < frame.width(); ++x) {
            if (sinceClear == codesPerClear) {
                put(clearCode);
                sinceClear = 0;
            }
            put(paletteIndex(line[x]));
            ++sinceClear;
        }
    }
    put(endCode);
    if (bitCount > 0)
        packed.append(char(bits & 0xff));

    QByteArray blocks;
    blocks.append(char(minimumCodeSize));
    for (qsizetype at = 0; at < packed.size(); at += 255) {
        const qsizetype length = std::min<qsizetype>(255, packed.size() - at);
        blocks.append(char(length));
        blocks.append(packed.mid(at, length));
    }
    blocks.append('\0'); // block terminator
    return blocks;
}

} // namespace

QByteArray GifEncoder::encode(const QList<QImage> &frames, int delayMs)
{
    if (frames.isEmpty())
        return {};
    const QSize size = frames.first().size();
    QByteArray gif("GIF89a");
    appendLittleEndian16(&gif, size.width());
    appendLittleEndian16(&gif, size.height());
    gif.append(char(0xf7)); // global colour table, 8 bits per channel, 256 entries
    gif.append('\0'); // background colour index
    gif.append('\0'); // pixel aspect ratio: not given
    for (int index = 0; index < 256; ++index) {
        const bool inCube = index < levels * levels * levels;
        const int r = inCube ? index / (levels * levels) : 0;
        const int g = inCube ? (index / levels) % levels : 0;
        const int b = inCube ? index % levels : 0;
        gif.append(char(r * 255 / (levels - 1)));
        gif.append(char(g * 255 / (levels - 1)));
        gif.append(char(b * 255 / (levels - 1)));
    }
    // NETSCAPE2.0: loop forever.
    gif.append("\x21\xff\x0bNETSCAPE2.0\x03\x01", 16);
    appendLittleEndian16(&gif, 0);
    gif.append('\0');

    const int centiseconds = std::clamp((delayMs + 5) / 10, 0, 65535);
    for (const QImage &source : frames) {
        const QImage frame
            = source.convertToFormat(QImage::Format_RGB32).copy(QRect(QPoint(0, 0), size));
        gif.append("\x21\xf9\x04", 3); // graphic control extension
        gif.append(char(0x04)); // disposal: leave in place; no transparency
        appendLittleEndian16(&gif, centiseconds);
        gif.append('\0'); // transparent colour index (unused)
        gif.append('\0');
        gif.append(char(0x2c)); // image descriptor
        appendLittleEndian16(&gif, 0);
        appendLittleEndian16(&gif, 0);
        appendLittleEndian16(&gif, size.width());
        appendLittleEndian16(&gif, size.height());
        gif.append('\0'); // no local colour table, not interlaced
        gif.append(imageData(frame));
    }
    gif.append(char(0x3b)); // trailer
    return gif;
}

QByteArray GifEncoder::twoFrames()
{
    QImage black(2, 2, QImage::Format_RGB32);
    black.fill(Qt::black);
    QImage white(2, 2, QImage::Format_RGB32);
    white.fill(Qt::white);
    return encode({black, white}, 100);
}

} // namespace AtelierTest
