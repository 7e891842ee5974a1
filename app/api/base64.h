#pragma once

#include <QByteArray>

namespace Atelier {

// Strict standard base64 (RFC 4648 alphabet, optional '=' padding, nothing else allowed),
// decoded in place: `data` holds the text on entry and the bytes on success. About ten times
// faster than QByteArray::fromBase64, which matters for 20 MB streams. On failure `data` is left
// in an unspecified state.
bool decodeBase64InPlace(QByteArray &data);

} // namespace Atelier
