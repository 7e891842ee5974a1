#pragma once

#include "model/apierror.h"
#include "model/imageresult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Atelier {

struct SseEvent;

// What one Responses API turn cost: the mainline model's `usage` (ResponseUsage) and the image
// tool's own tokens (`tool_usage.image_gen`), each as the SDK names its fields.
struct ResponsesUsage
{
    Usage mainline;
    Usage image;
    qint64 cachedInputTokens = -1; // usage.input_tokens_details.cached_tokens

    bool isValid() const { return mainline.isValid() || image.isValid(); }
    // {"usage": {...}, "tool_usage": {"image_gen": {...}}} as the API reports them.
    QJsonObject toJson() const;
    static ResponsesUsage fromResponse(const QJsonObject &response);
};

// One image of an image_generation_call: its base64 text (still encoded) and what it echoes.
struct ResponsesImage
{
    QString itemId;
    QByteArray base64;
    int partialIndex = -1; // partial_image_index; -1 for the final image (`result`)
    QString revisedPrompt;
    QString size;
    QString quality;
    QString background;
    QString outputFormat;
};

// A whole Response (the non-streamed answer, or what response.completed carries).
struct ResponsesTurn
{
    QString id;
    QString status; // completed, failed, incomplete, ...
    QString model;
    QList<ResponsesImage> images; // the results of completed image_generation_call items
    QString refusal; // the model's refusal text, when it declined
    ApiError error; // response.error, or a failed image call's error (moderation)
    ResponsesUsage usage;
};

// One streamed event of POST /v1/responses, parsed.
struct ResponsesEvent
{
    enum class Type {
        Created, // response.created: the response id is known
        InProgress, // response.in_progress
        ImageCallInProgress, // response.image_generation_call.in_progress
        ImageCallGenerating, // response.image_generation_call.generating
        ImageCallCompleted, // response.image_generation_call.completed
        PartialImage, // response.image_generation_call.partial_image: `image`
        ImageDone, // response.output_item.done with an image_generation_call: `image`
        Completed, // response.completed (also incomplete / failed): `turn`
        Error, // an "error" event, or a failed call: `error`
        Other, // any other event (text deltas, ...): ignored
    };
    Type type = Type::Other;
    QByteArray name;
    qint64 sequenceNumber = -1;
    ResponsesImage image;
    ResponsesTurn turn; // Created, InProgress, Completed: the response as far as it is known
    ApiError error;
};

// Parses what POST /v1/responses answers, streamed or not. Pure functions. The base64 image
// strings are cut out of the JSON text before the rest is parsed, as ResponseParser does for
// the Images API, so a multi-megabyte string never becomes a QJsonValue.
class ResponsesParser final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::ResponsesParser)

public:
    static ResponsesEvent parseEvent(const SseEvent &event);
    static ResponsesEvent parseEvent(const QByteArray &eventName, QByteArray data);
    // A non-streamed answer (a Response object); `error` set when it is no JSON object.
    static ResponsesTurn parseResponse(QByteArray body);

    // Removes the string values of every `key` from `json` (leaving "") and returns them in
    // document order; values with escape sequences are left for the JSON parser.
    static QList<QByteArray> cutStrings(QByteArray &json, QByteArrayView key);
};

} // namespace Atelier
