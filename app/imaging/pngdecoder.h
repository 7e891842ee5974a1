#pragma once

#include <QByteArrayView>
#include <QImage>

#include <memory>

namespace Atelier {

// A fast reader for the PNGs image APIs send — 8-bit RGB or RGBA, not interlaced, without
// colour-space, transparency-key or offset chunks — giving exactly what Qt's PNG reader gives
// (same format, pixels, resolution and tEXt texts) in about half its time: libdeflate inflates
// twice as fast as zlib, the row filters are undone with SSE2, and each thread keeps its
// working buffers (up to 16 MB each) for the next image.
//
// Anything else — other bit depths or colour types, interlacing, colour management, damaged or
// unusual files — returns false without a word: the caller then uses QImageReader, which decides
// what such a file means. The caller checks the size limits first (from the header).
namespace PngDecoder {

enum class Implementation { Best, Scalar };

bool decode(QByteArrayView bytes, QImage *image,
            Implementation implementation = Implementation::Best);

// The size a PNG's header chunk (IHDR, always the first) states — known from the first 24 bytes,
// whatever metadata comes before the pixels; invalid when `bytes` do not start a PNG.
QSize headerSize(QByteArrayView bytes);

// The same reader for a PNG whose bytes arrive in pieces (a streamed image, as its base64 is
// decoded): the image data is inflated (ISA-L, incrementally) and its rows undone and converted
// as they arrive, so that when the last piece comes only its own rows are left to do.
//
// It accepts what decode() accepts and gives the same image; the inflaters differ (ISA-L here,
// libdeflate there) only on damaged streams, where either may give up. Anything it gives up on
// — not a PNG it reads, damaged, or larger than the limits — makes feed() and finish() return
// false; the caller then decodes the whole bytes as usual. Memory: the image and a window of
// rows, not the inflated data.
class StreamDecoder
{
public:
    // Images with an edge above `maxEdge` or more than `maxPixels` pixels are given up at once.
    explicit StreamDecoder(int maxEdge = 1 << 16, qint64 maxPixels = 1LL << 28,
                           Implementation implementation = Implementation::Best);
    ~StreamDecoder();
    StreamDecoder(const StreamDecoder &) = delete;
    StreamDecoder &operator=(const StreamDecoder &) = delete;

    // The next bytes of the file. False once it has given up (further bytes are ignored).
    bool feed(QByteArrayView bytes);
    // After the last bytes: the image, as decode() gives it for all the bytes fed; false if the
    // file was incomplete or given up.
    bool finish(QImage *image);
    bool hasFailed() const;
    // Rows decoded so far (for tests and progress).
    int rowsDone() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace PngDecoder

} // namespace Atelier
