#include "base64.h"

#include <array>
#include <cstdint>

namespace Atelier {

namespace {

constexpr std::array<int8_t, 256> makeTable()
{
    std::array<int8_t, 256> table{};
    for (auto &entry : table)
        entry = -1;
    constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i)
        table[uint8_t(alphabet[i])] = int8_t(i);
    return table;
}

constexpr std::array<int8_t, 256> decodeTable = makeTable();

} // namespace

bool decodeBase64InPlace(QByteArray &data)
{
    qsizetype length = data.size();
    // Padding: at most two '=' at the end; the length must then be a multiple of four.
    qsizetype padding = 0;
    while (padding < 2 && length > 0 && data.at(length - 1) == '=') {
        --length;
        ++padding;
    }
    if (padding > 0 && (length + padding) % 4 != 0)
        return false;
    if (length % 4 == 1)
        return false; // a single leftover character encodes nothing
    // Writing never overtakes reading (3 bytes out per 4 in), so decoding in place is safe.
    auto *bytes = reinterpret_cast<uint8_t *>(data.data());
    const uint8_t *in = bytes;
    uint8_t *out = bytes;
    const qsizetype whole = length / 4;
    for (qsizetype group = 0; group < whole; ++group, in += 4) {
        const int a = decodeTable[in[0]];
        const int b = decodeTable[in[1]];
        const int c = decodeTable[in[2]];
        const int d = decodeTable[in[3]];
        if ((a | b | c | d) < 0)
            return false;
        const uint32_t triple = uint32_t(a) << 18 | uint32_t(b) << 12 | uint32_t(c) << 6 | uint32_t(d);
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
    data.truncate(out - bytes);
    return true;
}

} // namespace Atelier
