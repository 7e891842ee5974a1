#include "pngfilters.h"

#include <cstdlib>

#if defined(__SSE2__)
#include <emmintrin.h>
#define ATELIER_PNG_SSE2
#endif

namespace Atelier::PngFilters {

namespace {

uchar paethPredictor(int a, int b, int c)
{
    const int pa = std::abs(b - c);
    const int pb = std::abs(a - c);
    const int pc = std::abs(a + b - 2 * c);
    if (pa <= pb && pa <= pc)
        return uchar(a);
    return uchar(pb <= pc ? b : c);
}

void unfilterScalar(int filter, uchar *row, const uchar *prior, qsizetype length, int bpp)
{
    switch (filter) {
    case 1:
        for (qsizetype i = bpp; i < length; ++i)
            row[i] = uchar(row[i] + row[i - bpp]);
        break;
    case 2:
        for (qsizetype i = 0; i < length; ++i)
            row[i] = uchar(row[i] + prior[i]);
        break;
    case 3:
        for (qsizetype i = 0; i < bpp; ++i)
            row[i] = uchar(row[i] + (prior[i] >> 1));
        for (qsizetype i = bpp; i < length; ++i)
            row[i] = uchar(row[i] + ((row[i - bpp] + prior[i]) >> 1));
        break;
    case 4:
        for (qsizetype i = 0; i < bpp; ++i)
            row[i] = uchar(row[i] + prior[i]);
        for (qsizetype i = bpp; i < length; ++i)
            row[i] = uchar(row[i] + paethPredictor(row[i - bpp], prior[i], prior[i - bpp]));
        break;
    default:
        break;
    }
}

#ifdef ATELIER_PNG_SSE2

// One pixel at a time in a vector register (the left neighbour is the dependency), as libpng's
// own SSE2 filters do. A 3-byte pixel is loaded with the byte after it, which is why the caller's
// rows have a byte of room after them; only 3 bytes are stored.
__m128i loadPixel(const uchar *p, int bpp)
{
    quint32 value = 0;
    std::memcpy(&value, p, 4);
    if (bpp == 3)
        value &= 0x00ffffffU;
    return _mm_cvtsi32_si128(int(value));
}

void storePixel(uchar *p, __m128i pixel, int bpp)
{
    const quint32 value = quint32(_mm_cvtsi128_si32(pixel));
    std::memcpy(p, &value, size_t(bpp));
}

template<int Bpp> void unfilterSse2(int filter, uchar *row, const uchar *prior, qsizetype length)
{
    const __m128i zero = _mm_setzero_si128();
    switch (filter) {
    case 1: {
        __m128i left = zero;
        for (qsizetype i = 0; i < length; i += Bpp) {
            left = _mm_add_epi8(left, loadPixel(row + i, Bpp));
            storePixel(row + i, left, Bpp);
        }
        break;
    }
    case 2: {
        qsizetype i = 0;
        for (; i + 16 <= length; i += 16) {
            const __m128i sum
                = _mm_add_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(row + i)),
                               _mm_loadu_si128(reinterpret_cast<const __m128i *>(prior + i)));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(row + i), sum);
        }
        for (; i < length; ++i)
            row[i] = uchar(row[i] + prior[i]);
        break;
    }
    case 3: {
        // avg(a, b) rounded down: _mm_avg_epu8 rounds up; subtract the lost low bit.
        const __m128i one = _mm_set1_epi8(1);
        __m128i left = zero;
        for (qsizetype i = 0; i < length; i += Bpp) {
            const __m128i above = loadPixel(prior + i, Bpp);
            const __m128i average = _mm_sub_epi8(_mm_avg_epu8(left, above),
                                                 _mm_and_si128(_mm_xor_si128(left, above), one));
            left = _mm_add_epi8(loadPixel(row + i, Bpp), average);
            storePixel(row + i, left, Bpp);
        }
        break;
    }
    case 4: {
        // 16-bit lanes: p = a + b - c; pa = |b - c|, pb = |a - c|, pc = |a + b - 2c|.
        __m128i left = zero; // a
        __m128i aboveLeft = zero; // c
        for (qsizetype i = 0; i < length; i += Bpp) {
            const __m128i above = _mm_unpacklo_epi8(loadPixel(prior + i, Bpp), zero); // b
            __m128i pa = _mm_sub_epi16(above, aboveLeft);
            __m128i pb = _mm_sub_epi16(left, aboveLeft);
            __m128i pc = _mm_add_epi16(pa, pb);
            pa = _mm_max_epi16(pa, _mm_sub_epi16(zero, pa));
            pb = _mm_max_epi16(pb, _mm_sub_epi16(zero, pb));
            pc = _mm_max_epi16(pc, _mm_sub_epi16(zero, pc));
            const __m128i smallest = _mm_min_epi16(pc, _mm_min_epi16(pa, pb));
            const __m128i useA = _mm_cmpeq_epi16(pa, smallest);
            const __m128i useB = _mm_andnot_si128(useA, _mm_cmpeq_epi16(pb, smallest));
            const __m128i useC = _mm_andnot_si128(_mm_or_si128(useA, useB), _mm_set1_epi16(-1));
            const __m128i predictor
                = _mm_or_si128(_mm_or_si128(_mm_and_si128(useA, left), _mm_and_si128(useB, above)),
                               _mm_and_si128(useC, aboveLeft));
            const __m128i restored
                = _mm_add_epi8(loadPixel(row + i, Bpp), _mm_packus_epi16(predictor, predictor));
            storePixel(row + i, restored, Bpp);
            left = _mm_unpacklo_epi8(restored, zero);
            aboveLeft = above;
        }
        break;
    }
    default:
        break;
    }
}

#endif

} // namespace

void unfilter(int filter, uchar *row, const uchar *prior, qsizetype length, int bpp,
              PngDecoder::Implementation implementation)
{
#ifdef ATELIER_PNG_SSE2
    if (implementation == PngDecoder::Implementation::Best) {
        if (bpp == 3)
            unfilterSse2<3>(filter, row, prior, length);
        else
            unfilterSse2<4>(filter, row, prior, length);
        return;
    }
#else
    Q_UNUSED(implementation)
#endif
    unfilterScalar(filter, row, prior, length, bpp);
}

void convertRow(const uchar *row, QRgb *out, int width, int bpp)
{
    if (bpp == 3) {
        for (int x = 0; x < width; ++x, row += 3)
            out[x] = 0xff000000U | (quint32(row[0]) << 16) | (quint32(row[1]) << 8) | row[2];
    } else {
        for (int x = 0; x < width; ++x, row += 4)
            out[x] = (quint32(row[3]) << 24) | (quint32(row[0]) << 16) | (quint32(row[1]) << 8)
                | row[2];
    }
}

} // namespace Atelier::PngFilters
