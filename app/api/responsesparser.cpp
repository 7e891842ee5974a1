#include "responsesparser.h"

#include "base64.h"
#include "responseparser.h"
#include "sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// The next base64 value cut out for an item that had one ("" in the JSON text).
QByteArray takeCut(const QJsonValue &value, const QList<QByteArray> &cut, qsizetype *next)
{
    if (!value.isString())
        return {};
    const QString text = value.toString();
    if (!text.isEmpty())
        return text.toLatin1(); // it had an escape sequence and was left in the JSON
    return *next < cut.size() ? cut.at((*next)++) : QByteArray();
}

ResponsesImage imageOfCall(const QJsonObject &item)
{
    ResponsesImage image;
    image.itemId = item.value(u"id"_s).toString();
    image.revisedPrompt = item.value(u"revised_prompt"_s).toString();
    image.size = item.value(u"size"_s).toString();
    image.quality = item.value(u"quality"_s).toString();
    image.background = item.value(u"background"_s).toString();
    image.outputFormat = item.value(u"output_format"_s).toString();
    return image;
}

// The event of an image_generation_call's progress that `type` names (it carries only the
// call's item id), or none.
std::optional<ResponsesEvent::Type> imageCallProgress(const QString &type)
{
    if (type == u"response.image_generation_call.in_progress")
        return ResponsesEvent::Type::ImageCallInProgress;
    if (type == u"response.image_generation_call.generating")
        return ResponsesEvent::Type::ImageCallGenerating;
    if (type == u"response.image_generation_call.completed")
        return ResponsesEvent::Type::ImageCallCompleted;
    return std::nullopt;
}

// A failed image_generation_call's error (moderation_blocked, say), or none.
ApiError callError(const QJsonObject &item)
{
    if (item.value(u"status"_s).toString() != u"failed")
        return {};
    ApiError error = item.value(u"error"_s).isObject()
        ? ResponseParser::errorFromObject(item.value(u"error"_s).toObject())
        : ApiError::make(ApiError::Kind::Api,
                         ResponsesParser::tr("the image generation call failed without an "
                                             "explanation"));
    if (error.type.isEmpty())
        error.type = u"image_generation_error"_s;
    return error;
}

// The text of a refusal content part in a message item, or "".
QString refusalOf(const QJsonObject &item)
{
    if (item.value(u"type"_s).toString() != u"message")
        return {};
    const QJsonArray content = item.value(u"content"_s).toArray();
    for (const QJsonValue &part : content) {
        const QJsonObject object = part.toObject();
        if (object.value(u"type"_s).toString() == u"refusal")
            return object.value(u"refusal"_s).toString();
    }
    return {};
}

ResponsesTurn turnFrom(const QJsonObject &response, const QList<QByteArray> &cut, qsizetype *next)
{
    ResponsesTurn turn;
    turn.id = response.value(u"id"_s).toString();
    turn.status = response.value(u"status"_s).toString();
    turn.model = response.value(u"model"_s).toString();
    turn.usage = ResponsesUsage::fromResponse(response);
    if (response.value(u"error"_s).isObject())
        turn.error = ResponseParser::errorFromObject(response.value(u"error"_s).toObject());
    const QJsonArray output = response.value(u"output"_s).toArray();
    for (const QJsonValue &value : output) {
        const QJsonObject item = value.toObject();
        const QString type = item.value(u"type"_s).toString();
        if (type == u"image_generation_call") {
            ResponsesImage image = imageOfCall(item);
            image.base64 = takeCut(item.value(u"result"_s), cut, next);
            if (const ApiError failed = callError(item); failed.isError() && !turn.error.isError())
                turn.error = failed;
            if (!image.base64.isEmpty())
                turn.images.append(std::move(image));
        } else if (const QString refusal = refusalOf(item); !refusal.isEmpty()) {
            turn.refusal = refusal;
        }
    }
    return turn;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

QJsonObject ResponsesUsage::toJson() const
{
    QJsonObject json;
    if (mainline.isValid()) {
        QJsonObject usage = mainline.toJson();
        if (cachedInputTokens >= 0)
            usage.insert(u"input_tokens_details"_s,
                         QJsonObject {{u"cached_tokens"_s, cachedInputTokens}});
        json.insert(u"usage"_s, usage);
    }
    if (image.isValid())
        json.insert(u"tool_usage"_s, QJsonObject {{u"image_gen"_s, image.toJson()}});
    return json;
}

ResponsesUsage ResponsesUsage::fromResponse(const QJsonObject &response)
{
    ResponsesUsage usage;
    const QJsonObject mainline = response.value(u"usage"_s).toObject();
    usage.mainline = Usage::fromJson(mainline);
    usage.cachedInputTokens = mainline.value(u"input_tokens_details"_s)
                                  .toObject()
                                  .value(u"cached_tokens"_s)
                                  .toInteger(-1);
    usage.image = Usage::fromJson(
        response.value(u"tool_usage"_s).toObject().value(u"image_gen"_s).toObject());
    return usage;
}

QList<QByteArray> ResponsesParser::cutStrings(QByteArray &json, QByteArrayView key)
{
    QList<QByteArray> values;
    const QByteArray quoted = '"' + key.toByteArray() + '"';
    qsizetype from = 0;
    QByteArray rebuilt;
    qsizetype copied = 0;
    while (true) {
        const qsizetype at = json.indexOf(quoted, from);
        if (at < 0)
            break;
        qsizetype i = at + quoted.size();
        while (i < json.size() && isSpace(json.at(i)))
            ++i;
        if (i >= json.size() || json.at(i) != ':') {
            from = at + 1;
            continue;
        }
        ++i;
        while (i < json.size() && isSpace(json.at(i)))
            ++i;
        if (i >= json.size() || json.at(i) != '"') {
            from = i;
            continue;
        }
        const qsizetype begin = i + 1;
        const qsizetype end
            = begin + findFirstOf(json.constData() + begin, json.size() - begin, '"', '\\');
        if (end >= json.size() || json.at(end) == '\\') {
            from = begin; // an escape: the JSON parser reads it
            continue;
        }
        values.append(json.mid(begin, end - begin));
        rebuilt.append(QByteArrayView(json).sliced(copied, begin - copied));
        copied = end;
        from = end + 1;
    }
    if (!values.isEmpty()) {
        rebuilt.append(QByteArrayView(json).sliced(copied));
        json = std::move(rebuilt);
    }
    return values;
}

ResponsesEvent ResponsesParser::parseEvent(const SseEvent &event)
{
    return parseEvent(event.type, event.data);
}

ResponsesEvent ResponsesParser::parseEvent(const QByteArray &eventName, QByteArray data)
{
    ResponsesEvent event;
    event.name = eventName;
    const QList<QByteArray> partials = cutStrings(data, "partial_image_b64");
    const QList<QByteArray> results = cutStrings(data, "result");
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(data, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        event.type = ResponsesEvent::Type::Error;
        event.error = ApiError::make(
            ApiError::Kind::InvalidResponse,
            tr("the stream sent an event that is not JSON (%1)").arg(parseError.errorString()));
        return event;
    }
    // The event's own "type" names it; the SSE "event:" line may be absent.
    const QString type = root.value(u"type"_s).toString(QString::fromUtf8(eventName));
    if (event.name.isEmpty())
        event.name = type.toUtf8();
    event.sequenceNumber = root.value(u"sequence_number"_s).toInteger(-1);
    qsizetype next = 0;
    if (type == u"response.created" || type == u"response.in_progress"
        || type == u"response.completed" || type == u"response.incomplete"
        || type == u"response.failed") {
        event.turn = turnFrom(root.value(u"response"_s).toObject(), results, &next);
        event.type = type == u"response.created" ? ResponsesEvent::Type::Created
            : type == u"response.in_progress"    ? ResponsesEvent::Type::InProgress
                                                 : ResponsesEvent::Type::Completed;
        return event;
    }
    if (const std::optional<ResponsesEvent::Type> progress = imageCallProgress(type)) {
        event.type = *progress;
        event.image.itemId = root.value(u"item_id"_s).toString();
        return event;
    }
    if (type == u"response.image_generation_call.partial_image") {
        event.type = ResponsesEvent::Type::PartialImage;
        event.image = imageOfCall(root);
        event.image.itemId = root.value(u"item_id"_s).toString();
        event.image.partialIndex = int(root.value(u"partial_image_index"_s).toInteger(0));
        next = 0;
        event.image.base64 = takeCut(root.value(u"partial_image_b64"_s), partials, &next);
        if (event.image.base64.isEmpty()) {
            event.type = ResponsesEvent::Type::Error;
            event.error = ApiError::make(ApiError::Kind::InvalidResponse,
                                         tr("a partial image event carried no image"));
        }
        return event;
    }
    if (type == u"response.output_item.done") {
        const QJsonObject item = root.value(u"item"_s).toObject();
        if (item.value(u"type"_s).toString() != u"image_generation_call") {
            if (const QString refusal = refusalOf(item); !refusal.isEmpty())
                event.turn.refusal = refusal;
            return event; // Other: a message item, say
        }
        if (const ApiError failed = callError(item); failed.isError()) {
            event.type = ResponsesEvent::Type::Error;
            event.error = failed;
            return event;
        }
        event.type = ResponsesEvent::Type::ImageDone;
        event.image = imageOfCall(item);
        event.image.base64 = takeCut(item.value(u"result"_s), results, &next);
        if (event.image.base64.isEmpty())
            event.type = ResponsesEvent::Type::Other; // still running: the result comes later
        return event;
    }
    if (type == u"error") {
        event.type = ResponsesEvent::Type::Error;
        event.error = ResponseParser::errorFromObject(
            root.value(u"error"_s).isObject() ? root.value(u"error"_s).toObject() : root);
        return event;
    }
    return event;
}

ResponsesTurn ResponsesParser::parseResponse(QByteArray body)
{
    const QList<QByteArray> results = cutStrings(body, "result");
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        ResponsesTurn turn;
        turn.error = ApiError::make(ApiError::Kind::InvalidResponse,
                                    tr("the answer is not a JSON object (%1)")
                                        .arg(parseError.error != QJsonParseError::NoError
                                                 ? parseError.errorString()
                                                 : tr("not an object")));
        return turn;
    }
    qsizetype next = 0;
    return turnFrom(document.object(), results, &next);
}

} // namespace Atelier
