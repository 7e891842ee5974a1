#pragma once

#include <QByteArray>

namespace Atelier {

// Strict standard base64 (RFC 4648 alphabet, optional '=' padding, nothing else allowed),
// decoded in place: `data` holds the text on entry and the bytes on success. Uses AVX2 where the
// processor has it (about 4 GB/s), a table otherwise; QByteArray::fromBase64 is some twenty times
// slower, which matters for 20 MB streams. On failure `data` is left in an unspecified state.
bool decodeBase64InPlace(QByteArray &data);

// For text that arrives in pieces: decodes the whole groups of four at the start of
// [data, data + length), in place, and returns how many bytes that gave (written from `data` on),
// or -1 if the text is not base64. `*consumed` is set to the characters used; the rest (at most
// three, or a "=" ending whose closing quote is still to come) waits for more text. With `last`,
// the text is complete and is decoded to its end, padded or not.
qsizetype decodeBase64Prefix(char *data, qsizetype length, bool last, qsizetype *consumed);

// The index of the first `a` or `b` in [data, data + size), or size: one pass, 16 bytes at a
// time where SSE2 is there. Where base64 text in a JSON string stops ('"' or '\\'), where an
// event-stream line ends ('\n' or '\r'): megabytes with neither are scanned once.
qsizetype findFirstOf(const char *data, qsizetype size, char a, char b);

namespace Base64Detail {
enum class Implementation { Best, Scalar };
// For tests: whether this build and processor can run the AVX2 decoder.
bool hasAvx2();
// For tests and benchmarks: the best this processor has, or the portable table.
bool decodeInPlace(QByteArray &data, Implementation implementation);
} // namespace Base64Detail

} // namespace Atelier
