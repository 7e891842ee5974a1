// libFuzzer target: the JSON response and error parsers on arbitrary bytes.
#include "api/base64.h"
#include "api/responseparser.h"

#include <cstddef>
#include <cstdint>

using namespace Atelier;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    ImagesResponse response;
    ApiError error;
    if (ResponseParser::parseImagesResponse(input, &response, &error)) {
        if (response.images.isEmpty())
            __builtin_trap(); // success promises at least one image
    } else if (error.message.isEmpty()) {
        __builtin_trap(); // every failure explains itself
    }
    (void)ResponseParser::parseErrorBody(500, input, QString());
    QByteArray copy = input;
    const QList<QByteArray> extracted = ResponseParser::extractBase64Fields(copy);
    for (const QByteArray &value : extracted) {
        if (value.contains('"') || value.contains('\\'))
            __builtin_trap();
    }
    // Differential: whatever the fast base64 decoder accepts, Qt's strict decoder decodes to the
    // same bytes.
    QByteArray text = input;
    if (decodeBase64InPlace(text)) {
        const auto reference
            = QByteArray::fromBase64Encoding(input, QByteArray::AbortOnBase64DecodingErrors);
        if (!reference || reference.decoded != text)
            __builtin_trap();
    }
    return 0;
}
