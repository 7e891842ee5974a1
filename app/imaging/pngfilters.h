#pragma once

#include "pngdecoder.h"

#include <QRgb>
#include <QtGlobal>

namespace Atelier::PngFilters {

// The row work of PngDecoder: undoing a row's filter (PNG specification, section 9), with SSE2
// where the machine has it, and converting the restored row into the image's pixels.

// `row` is the filtered row (without its filter byte), `prior` the row above, already restored
// (zeros for the first row). `length` bytes, `bpp` bytes a pixel (3 or 4). With SSE2, a 3-byte
// pixel is loaded with the byte after it: the row needs a byte of room after it.
void unfilter(int filter, uchar *row, const uchar *prior, qsizetype length, int bpp,
              PngDecoder::Implementation implementation);

// RGB(A) bytes -> QRgb, as Qt's reader gives them (RGB32: opaque; ARGB32: not premultiplied).
void convertRow(const uchar *row, QRgb *out, int width, int bpp);

} // namespace Atelier::PngFilters
