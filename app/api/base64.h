#pragma once

#include <QByteArray>

namespace Atelier {

// Strict standard base64 (RFC 4648 alphabet, optional '=' padding, nothing else allowed),
// decoded in place: `data` holds the text on entry and the bytes on success. Uses AVX2 where the
// processor has it (about 4 GB/s), a table otherwise; QByteArray::fromBase64 is some twenty times
// slower, which matters for 20 MB streams. On failure `data` is left in an unspecified state.
bool decodeBase64InPlace(QByteArray &data);

namespace Base64Detail {
enum class Implementation { Best, Scalar };
// For tests: whether this build and processor can run the AVX2 decoder.
bool hasAvx2();
// For tests and benchmarks: the best this processor has, or the portable table.
bool decodeInPlace(QByteArray &data, Implementation implementation);
} // namespace Base64Detail

} // namespace Atelier
