#pragma once

#include <QByteArrayView>
#include <QImage>

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

bool decode(QByteArrayView bytes, QImage *image, Implementation implementation = Implementation::Best);

// The size a PNG's header chunk (IHDR, always the first) states — known from the first 24 bytes,
// whatever metadata comes before the pixels; invalid when `bytes` do not start a PNG.
QSize headerSize(QByteArrayView bytes);

} // namespace PngDecoder

} // namespace Atelier
