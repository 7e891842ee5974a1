#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>

namespace AtelierTest {

// Writes an animated GIF89a (Qt reads GIF but cannot write it): a fixed 6x6x6 colour cube as
// the palette, and LZW codes kept at 9 bits by a clear code every 250 pixels, so no code table
// is needed. Big files, but valid ones any decoder reads.
class GifEncoder
{
public:
    // Every frame at the first frame's size, `delayMs` each (stored in hundredths of a second,
    // rounded to the nearest 10 ms, at most 655350 ms), looping forever.
    static QByteArray encode(const QList<QImage> &frames, int delayMs);
    // A 2x2 GIF of two frames: black, then white, 100 ms each, looping.
    static QByteArray twoFrames();
};

} // namespace AtelierTest
