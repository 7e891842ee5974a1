#pragma once

#include "platform/result.h"
#include "providerprofile.h"

#include <QCoreApplication>

namespace Atelier {

struct HttpRequestSpec;
struct RefineRequest;

// Turns a RefineRequest into POST /v1/responses: the mainline model, the instruction (and, on a
// first turn, the user's images as input_image data URLs) as one user message, the
// image_generation tool with the fields the request sets (named as the SDK names them), the tool
// forced by tool_choice, previous_response_id when it continues a conversation, and stream.
class ResponsesRequestBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::ResponsesRequestBuilder)

public:
    // Fails when an input image cannot be read or is no PNG, JPEG, WebP or GIF file.
    static Result<HttpRequestSpec> build(const RefineRequest &request,
                                         const ProviderProfile &profile, const QString &apiKey);
    // The URL the Responses API is at for `profile` (Azure: its v1 path).
    static QUrl url(const ProviderProfile &profile);
    // data:<mime>;base64,<bytes> of an image file, or why it cannot be sent.
    static Result<QString> dataUrl(const QString &path);
};

} // namespace Atelier
