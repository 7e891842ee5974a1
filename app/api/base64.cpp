#include "base64.h"

#include <QtAlgorithms>

#include <array>
#include <cstdint>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__))
#define ATELIER_BASE64_AVX2 1
#include <immintrin.h>
#endif

namespace Atelier {

namespace {

constexpr std::array<int8_t, 256> makeTable()
{
    std::array<int8_t, 256> table {};
    for (auto &entry : table)
        entry = -1;
    constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i)
        table[uint8_t(alphabet[i])] = int8_t(i);
    return table;
}

constexpr std::array<int8_t, 256> decodeTable = makeTable();

// Decodes whole groups of four from `in` to `out` (out <= in: in place), then the last 2 or 3
// characters of an unpadded end. `length` excludes the padding.
bool decodeScalar(const uint8_t *in, uint8_t *out, qsizetype length, uint8_t **end)
{
    const qsizetype whole = length / 4;
    for (qsizetype group = 0; group < whole; ++group, in += 4) {
        const int a = decodeTable[in[0]];
        const int b = decodeTable[in[1]];
        const int c = decodeTable[in[2]];
        const int d = decodeTable[in[3]];
        if ((a | b | c | d) < 0)
            return false;
        const uint32_t triple
            = uint32_t(a) << 18 | uint32_t(b) << 12 | uint32_t(c) << 6 | uint32_t(d);
        out[0] = uint8_t(triple >> 16);
        out[1] = uint8_t(triple >> 8);
        out[2] = uint8_t(triple);
        out += 3;
    }
    const qsizetype rest = length % 4;
    if (rest > 0) {
        const int a = decodeTable[in[0]];
        const int b = decodeTable[in[1]];
        const int c = rest == 3 ? decodeTable[in[2]] : 0;
        if ((a | b | c) < 0)
            return false;
        *out++ = uint8_t(a << 2 | b >> 4);
        if (rest == 3)
            *out++ = uint8_t((b & 0xF) << 4 | c >> 2);
    }
    *end = out;
    return true;
}

#ifdef ATELIER_BASE64_AVX2

// 32 characters to 24 bytes per step (the Muła–Lemire method). Validity: every byte's high
// nibble picks one class bit, its low nibble the set of classes in which it is NOT a base64
// character; a byte is valid when the two share no bit.
//   high nibble 2 ('+' '/')  -> 0x01     3 (digits) -> 0x02
//   4 and 6 ('A'-'O', 'a'-'o') -> 0x04   5 and 7 ('P'-'Z', 'p'-'z') -> 0x08
//   anything else (controls, 0x80 and up) -> 0x10, which every low-nibble entry has.
// Value: add a per-class offset, chosen by the high nibble ('/' moved to its own slot 1).
__attribute__((target("avx2"))) qsizetype decodeAvx2Blocks(const uint8_t *in, uint8_t *out,
                                                           qsizetype length, bool *valid)
{
    // clang-format off
    const __m256i invalidForLow = _mm256_setr_epi8(
        0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x13, 0x1A, 0x1B, 0x1B, 0x1B, 0x1A,
        0x15, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x13, 0x1A, 0x1B, 0x1B, 0x1B, 0x1A);
    const __m256i classOfHigh = _mm256_setr_epi8(
        0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
        0x10, 0x10, 0x01, 0x02, 0x04, 0x08, 0x04, 0x08, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10);
    // Slot: 1 '/' (+16 -> 63), 2 '+' (+19 -> 62), 3 digits (+4 -> 52..61), 4-5 upper case
    // (-65 -> 0..25), 6-7 lower case (-71 -> 26..51).
    const __m256i offsetForSlot = _mm256_setr_epi8(
        0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 16, 19, 4, -65, -65, -71, -71, 0, 0, 0, 0, 0, 0, 0, 0);
    // Each 32-bit lane then holds 00dddddd 00cccccc 00bbbbbb 00aaaaaa (a first in the text):
    // merge pairs into 12 bits, then the two halves into 24, then take the three bytes in order.
    const __m256i mergePairs = _mm256_set1_epi32(0x01400140);
    const __m256i mergeHalves = _mm256_set1_epi32(0x00011000);
    const __m256i orderBytes = _mm256_setr_epi8(
        2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1,
        2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
    // clang-format on
    const __m256i packLanes = _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 7, 7);
    const __m256i lowNibble = _mm256_set1_epi8(0x0F);
    const __m256i slash = _mm256_set1_epi8('/');

    qsizetype done = 0;
    // Each step stores 32 bytes, 24 of them decoded, at out <= in: the store never reaches text
    // not yet loaded (out + 24k + 32 <= in + 32k + 32), and stays inside the buffer.
    while (length - done >= 32) {
        const __m256i text = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(in + done));
        const __m256i high = _mm256_and_si256(_mm256_srli_epi32(text, 4), lowNibble);
        const __m256i low = _mm256_and_si256(text, lowNibble);
        const __m256i invalid = _mm256_shuffle_epi8(invalidForLow, low);
        const __m256i cls = _mm256_shuffle_epi8(classOfHigh, high);
        if (!_mm256_testz_si256(invalid, cls)) {
            *valid = false;
            return done;
        }
        const __m256i slot = _mm256_add_epi8(high, _mm256_cmpeq_epi8(text, slash)); // '/' -> 1
        const __m256i values = _mm256_add_epi8(text, _mm256_shuffle_epi8(offsetForSlot, slot));
        const __m256i pairs = _mm256_maddubs_epi16(values, mergePairs);
        const __m256i triples = _mm256_madd_epi16(pairs, mergeHalves);
        const __m256i bytes
            = _mm256_permutevar8x32_epi32(_mm256_shuffle_epi8(triples, orderBytes), packLanes);
        _mm256_storeu_si256(reinterpret_cast<__m256i *>(out + done / 4 * 3), bytes);
        done += 32;
    }
    *valid = true;
    return done;
}

bool cpuHasAvx2()
{
    static const bool has = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") != 0;
    }();
    return has;
}

#endif

// Decodes a whole text (padded or not) in place; the number of bytes, or -1.
qsizetype decodeRange(uint8_t *bytes, qsizetype length, Base64Detail::Implementation implementation)
{
    // Padding: at most two '=' at the end; the length must then be a multiple of four.
    qsizetype padding = 0;
    while (padding < 2 && length > 0 && bytes[length - 1] == '=') {
        --length;
        ++padding;
    }
    if (padding > 0 && (length + padding) % 4 != 0)
        return -1;
    if (length % 4 == 1)
        return -1; // a single leftover character encodes nothing
    const uint8_t *in = bytes;
    uint8_t *out = bytes;
#ifdef ATELIER_BASE64_AVX2
    if (implementation != Base64Detail::Implementation::Scalar && cpuHasAvx2()) {
        bool valid = true;
        const qsizetype done = decodeAvx2Blocks(in, out, length, &valid);
        if (!valid)
            return -1;
        in += done;
        out += done / 4 * 3;
        length -= done;
    }
#else
    Q_UNUSED(implementation)
#endif
    uint8_t *end = nullptr;
    if (!decodeScalar(in, out, length, &end))
        return -1;
    return end - bytes;
}

} // namespace

namespace Base64Detail {

bool hasAvx2()
{
#ifdef ATELIER_BASE64_AVX2
    return cpuHasAvx2();
#else
    return false;
#endif
}

bool decodeInPlace(QByteArray &data, Implementation implementation)
{
    const qsizetype decoded
        = decodeRange(reinterpret_cast<uint8_t *>(data.data()), data.size(), implementation);
    if (decoded < 0)
        return false;
    data.truncate(decoded);
    return true;
}

} // namespace Base64Detail

qsizetype decodeBase64Prefix(char *data, qsizetype length, bool last, qsizetype *consumed)
{
    auto *bytes = reinterpret_cast<uint8_t *>(data);
    if (last) {
        *consumed = length;
        return decodeRange(bytes, length, Base64Detail::Implementation::Best);
    }
    // '=' may only end the text: keep a trailing one (and what it closes) for the last call.
    qsizetype usable = length;
    while (usable > 0 && length - usable < 2 && bytes[usable - 1] == '=')
        --usable;
    usable -= usable % 4;
    if (usable > 0 && bytes[usable - 1] == '=')
        return -1; // padding with more text after it
    *consumed = usable;
    return decodeRange(bytes, usable, Base64Detail::Implementation::Best);
}

qsizetype findFirstOf(const char *data, qsizetype size, char a, char b)
{
    qsizetype at = 0;
#ifdef __SSE2__
    const __m128i first = _mm_set1_epi8(a);
    const __m128i second = _mm_set1_epi8(b);
    for (; size - at >= 16; at += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + at));
        const int hits = _mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, first), _mm_cmpeq_epi8(bytes, second)));
        if (hits != 0)
            return at + qCountTrailingZeroBits(quint32(hits));
    }
#endif
    for (; at < size; ++at) {
        if (data[at] == a || data[at] == b)
            return at;
    }
    return size;
}

bool decodeBase64InPlace(QByteArray &data)
{
    return Base64Detail::decodeInPlace(data, Base64Detail::Implementation::Best);
}

} // namespace Atelier
