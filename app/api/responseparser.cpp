#include "responseparser.h"

#include "base64.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

QString stringOrNumber(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

} // namespace

ApiError ResponseParser::errorFromObject(const QJsonObject &object)
{
    ApiError error;
    error.kind = ApiError::Kind::Api;
    error.message = object.value(u"message"_s).toString();
    error.type = object.value(u"type"_s).toString();
    error.param = object.value(u"param"_s).toString();
    error.code = stringOrNumber(object.value(u"code"_s));
    if (error.message.isEmpty())
        error.message = ResponseParser::tr("the server reported an error without an explanation");
    return error;
}

namespace {

// What an answer (ImagesResponse) or a streamed event (StreamEvent) echoes of the settings the
// API used, and its usage.
template<typename Answer> void readEchoes(const QJsonObject &object, Answer &answer)
{
    answer.size = object.value(u"size"_s).toString();
    answer.quality = object.value(u"quality"_s).toString();
    answer.background = object.value(u"background"_s).toString();
    answer.outputFormat = object.value(u"output_format"_s).toString();
    answer.usage = Usage::fromJson(object.value(u"usage"_s).toObject());
}

QJsonObject parseObject(const QByteArray &json, QJsonParseError *parseError)
{
    const QJsonDocument document = QJsonDocument::fromJson(json, parseError);
    return document.object();
}

} // namespace

QList<std::pair<qsizetype, qsizetype>> ResponseParser::base64Ranges(const QByteArray &json)
{
    static const QByteArray key = QByteArrayLiteral("\"b64_json\"");
    auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    };
    QList<std::pair<qsizetype, qsizetype>> ranges;
    qsizetype from = 0;
    while (true) {
        const qsizetype keyAt = json.indexOf(key, from);
        if (keyAt < 0)
            break;
        from = keyAt + 1;
        qsizetype position = keyAt + key.size();
        while (position < json.size() && isSpace(json.at(position)))
            ++position;
        if (position >= json.size() || json.at(position) != ':')
            continue;
        ++position;
        while (position < json.size() && isSpace(json.at(position)))
            ++position;
        if (position >= json.size() || json.at(position) != '"')
            continue;
        const qsizetype valueStart = position + 1;
        // Its end and any escape in it, in one pass over the megabytes.
        const char *end = json.constData() + json.size();
        const char *stop = json.constData() + valueStart
            + findFirstOf(json.constData() + valueStart, json.size() - valueStart, '"', '\\');
        if (stop == end)
            break;
        if (*stop == '\\') {
            // Escaped content: leave this value to the JSON parser, and go on after it.
            from = stop - json.constData();
            continue;
        }
        const qsizetype valueEnd = stop - json.constData();
        from = valueEnd;
        ranges.append({valueStart, valueEnd});
    }
    return ranges;
}

QList<QByteArray> ResponseParser::extractBase64Fields(QByteArray &json)
{
    const QList<std::pair<qsizetype, qsizetype>> ranges = base64Ranges(json);
    QList<QByteArray> values;
    if (ranges.isEmpty())
        return values;
    QByteArray rest;
    qsizetype copied = 0;
    for (const auto &[begin, end] : ranges) {
        values.append(json.mid(begin, end - begin));
        rest.append(json.constData() + copied, begin - copied);
        copied = end;
    }
    rest.append(json.constData() + copied, json.size() - copied);
    json = std::move(rest);
    return values;
}

bool ResponseParser::parseImagesResponse(QByteArray body, ImagesResponse *response, ApiError *error)
{
    const QList<QByteArray> extracted = extractBase64Fields(body);
    QJsonParseError parseError;
    const QJsonObject root = parseObject(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || root.isEmpty()) {
        *error = ApiError::make(ApiError::Kind::InvalidResponse,
                                tr("The server's answer is not the JSON the Images API sends (%1).")
                                    .arg(parseError.error != QJsonParseError::NoError
                                             ? parseError.errorString()
                                             : tr("an empty object")));
        return false;
    }
    if (root.contains(u"error"_s) && root.value(u"error"_s).isObject()) {
        *error = errorFromObject(root.value(u"error"_s).toObject());
        return false;
    }
    *response = imagesResponseFrom(root, extracted);
    if (const qsizetype missing = missingImage(*response); missing >= 0) {
        *error = ApiError::make(
            ApiError::Kind::InvalidResponse,
            tr("Image %1 of the answer has neither image data nor a URL.").arg(missing + 1));
        return false;
    }
    if (response->images.isEmpty()) {
        *error
            = ApiError::make(ApiError::Kind::InvalidResponse, tr("The answer contains no images."));
        return false;
    }
    return true;
}

ImagesResponse ResponseParser::imagesResponseFrom(const QJsonObject &root,
                                                  const QList<QByteArray> &extracted)
{
    ImagesResponse response;
    response.created = root.value(u"created"_s).toInteger();
    readEchoes(root, response);
    // The SVG author's tokens come beside the image's, billed as that text model.
    response.usage.svg = root.value(u"svg_usage"_s).toObject();
    qsizetype nextExtracted = 0;
    const QJsonArray data = root.value(u"data"_s).toArray();
    for (const QJsonValue &entry : data) {
        const QJsonObject object = entry.toObject();
        ResponseImage image;
        if (object.contains(u"b64_json"_s)) {
            const QString inline_ = object.value(u"b64_json"_s).toString();
            if (!inline_.isEmpty())
                image.base64 = inline_.toLatin1(); // had escapes: left to the JSON parser
            else if (nextExtracted < extracted.size())
                image.base64 = extracted.at(nextExtracted++);
        }
        image.url = QUrl(object.value(u"url"_s).toString(), QUrl::StrictMode);
        image.revisedPrompt = object.value(u"revised_prompt"_s).toString();
        response.images.append(image);
    }
    return response;
}

qsizetype ResponseParser::missingImage(const ImagesResponse &response)
{
    for (qsizetype i = 0; i < response.images.size(); ++i) {
        if (response.images.at(i).base64.isEmpty() && !response.images.at(i).url.isValid())
            return i;
    }
    return -1;
}

StreamEvent ResponseParser::parseStreamEvent(const QByteArray &eventName, QByteArray data,
                                             bool imageStreamed)
{
    StreamEvent event;
    event.name = eventName;
    // The image is the only big value: move it out of the event text in place (no copy of the
    // megabytes), and parse what remains.
    QByteArray extracted;
    const QList<std::pair<qsizetype, qsizetype>> ranges
        = imageStreamed ? QList<std::pair<qsizetype, qsizetype>>() : base64Ranges(data);
    if (ranges.size() == 1) {
        const auto [begin, end] = ranges.constFirst();
        QByteArray rest;
        rest.reserve(begin + data.size() - end);
        rest.append(data.constData(), begin);
        rest.append(data.constData() + end, data.size() - end);
        data.truncate(end);
        data.remove(0, begin);
        extracted = std::exchange(data, std::move(rest));
    }
    QJsonParseError parseError;
    const QJsonObject object = parseObject(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        event.type = StreamEvent::Type::Error;
        event.error = ApiError::make(
            ApiError::Kind::InvalidResponse,
            tr("A streamed event is not valid JSON (%1).").arg(parseError.errorString()));
        return event;
    }
    const QString type = object.value(u"type"_s).toString(QString::fromUtf8(eventName));
    if (event.name.isEmpty())
        event.name = type.toUtf8();
    if (type == u"error" || eventName == "error" || object.value(u"error"_s).isObject()) {
        event.type = StreamEvent::Type::Error;
        const QJsonObject errorObject
            = object.value(u"error"_s).isObject() ? object.value(u"error"_s).toObject() : object;
        event.error = errorFromObject(errorObject);
        return event;
    }
    if (type.endsWith(u".partial_image"))
        event.type = StreamEvent::Type::PartialImage;
    else if (type.endsWith(u".completed"))
        event.type = StreamEvent::Type::Completed;
    else
        return event; // unknown events are ignored
    event.partialIndex = object.value(u"partial_image_index"_s).toInt();
    event.createdAt = object.value(u"created_at"_s).toInteger();
    readEchoes(object, event);
    if (imageStreamed)
        return event;
    const QString inline_ = object.value(u"b64_json"_s).toString();
    event.base64 = !inline_.isEmpty() ? inline_.toLatin1() : std::move(extracted);
    if (event.base64.isEmpty()) {
        event.type = StreamEvent::Type::Error;
        event.error = ApiError::make(
            ApiError::Kind::InvalidResponse,
            tr("A streamed %1 event carries no image data.").arg(QString::fromUtf8(event.name)));
    }
    return event;
}

std::optional<QString> ResponseParser::htmlPageTitle(const QByteArray &body)
{
    const QByteArray head = body.left(64 * 1024);
    const QByteArray lower = head.toLower();
    const QByteArray start = lower.trimmed().left(512);
    if (!start.startsWith("<!doctype html") && !start.startsWith("<html")
        && !lower.contains("<html"))
        return std::nullopt;
    const qsizetype open = lower.indexOf("<title");
    const qsizetype textStart = open < 0 ? -1 : lower.indexOf('>', open);
    const qsizetype close = textStart < 0 ? -1 : lower.indexOf("</title>", textStart);
    QString title;
    if (close >= 0) {
        title = QString::fromUtf8(head.mid(textStart + 1, close - textStart - 1)).simplified();
    } else {
        // No title: the page's visible text, without scripts, styles and tags.
        static const QRegularExpression hidden(
            u"<(script|style)\\b.*?</\\1>"_s,
            QRegularExpression::CaseInsensitiveOption
                | QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression tags(u"<[^>]*>"_s);
        title = QString::fromUtf8(head).remove(hidden).replace(tags, u" "_s).simplified().left(120);
    }
    // The few entities error pages use; the text is shown as plain text, never as markup.
    title.replace(u"&lt;"_s, u"<"_s)
        .replace(u"&gt;"_s, u">"_s)
        .replace(u"&quot;"_s, u"\""_s)
        .replace(u"&#39;"_s, u"'"_s)
        .replace(u"&nbsp;"_s, u" "_s)
        .replace(u"&amp;"_s, u"&"_s);
    return title.left(200);
}

ApiError ResponseParser::parseErrorBody(int httpStatus, const QByteArray &body,
                                        const QString &requestId)
{
    QJsonParseError parseError;
    const QJsonObject root = parseObject(body, &parseError);
    ApiError error;
    if (root.value(u"error"_s).isObject()) {
        error = errorFromObject(root.value(u"error"_s).toObject());
    } else if (root.value(u"error"_s).isString()) {
        error.kind = ApiError::Kind::Api;
        error.message = root.value(u"error"_s).toString();
    } else if (root.contains(u"message"_s)) {
        error = errorFromObject(root);
    } else if (const std::optional<QString> title = htmlPageTitle(body)) {
        // A gateway's or proxy's own error page (nginx's 502, a Cloudflare page): its title
        // says what happened, the markup around it says nothing to a person.
        error.kind = ApiError::Kind::Api;
        error.message = title->isEmpty()
            ? tr("the server answered with a web page instead of the API's JSON; a gateway or "
                 "proxy between Atelier and the API is probably failing")
            : tr("the server answered with a web page (\"%1\") instead of the API's JSON; a "
                 "gateway or proxy between Atelier and the API is probably failing")
                  .arg(*title);
    } else {
        error.kind = ApiError::Kind::Api;
        const QByteArray excerpt = body.left(200).simplified();
        error.message = excerpt.isEmpty()
            ? tr("the server gave no explanation")
            : tr("the server answered: %1").arg(QString::fromUtf8(excerpt));
    }
    error.httpStatus = httpStatus;
    error.requestId = requestId;
    return error;
}

} // namespace Atelier
