#include "fakeresponsesapi.h"

#include "fakeimagesserver.h"
#include "fakemodelrules.h"
#include "openapivalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace AtelierTest {

namespace {

QByteArray errorBody(const QString &message, const QString &type, const QString &param,
                     const QString &code)
{
    QJsonObject error {{u"message"_s, message}, {u"type"_s, type}};
    error.insert(u"param"_s, param.isEmpty() ? QJsonValue() : QJsonValue(param));
    error.insert(u"code"_s, code.isEmpty() ? QJsonValue() : QJsonValue(code));
    return QJsonDocument(QJsonObject {{u"error"_s, error}}).toJson(QJsonDocument::Compact);
}

// The text of the user's message(s): what the markers are looked for in.
QString inputText(const QJsonObject &body)
{
    const QJsonValue input = body.value(u"input"_s);
    if (input.isString())
        return input.toString();
    QString text;
    const QJsonArray items = input.toArray();
    for (const QJsonValue &item : items) {
        const QJsonValue content = item.toObject().value(u"content"_s);
        if (content.isString()) {
            text += content.toString();
            continue;
        }
        const QJsonArray parts = content.toArray();
        for (const QJsonValue &part : parts)
            text += part.toObject().value(u"text"_s).toString();
    }
    return text;
}

QJsonObject imageTool(const QJsonObject &body)
{
    const QJsonArray tools = body.value(u"tools"_s).toArray();
    for (const QJsonValue &tool : tools) {
        if (tool.toObject().value(u"type"_s).toString() == u"image_generation")
            return tool.toObject();
    }
    return {};
}

QByteArray sse(const QJsonObject &event)
{
    return "event: " + event.value(u"type"_s).toString().toUtf8()
        + "\ndata: " + QJsonDocument(event).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

int FakeResponsesApi::inputImages(const QJsonObject &body)
{
    int count = 0;
    const QJsonArray items = body.value(u"input"_s).toArray();
    for (const QJsonValue &item : items) {
        const QJsonArray parts = item.toObject().value(u"content"_s).toArray();
        for (const QJsonValue &part : parts)
            count += part.toObject().value(u"type"_s).toString() == u"input_image" ? 1 : 0;
    }
    return count;
}

FakeResponsesApi::FakeResponsesApi(FakeImagesServer *server)
    : m_server(server)
{ }

const QStringList &FakeResponsesApi::toolModels()
{
    static const QStringList models = {u"gpt-image-1"_s,
                                       u"gpt-image-1-mini"_s,
                                       u"gpt-image-2"_s,
                                       u"gpt-image-2-2026-04-21"_s,
                                       u"gpt-image-2.5-sunburst"_s,
                                       u"gpt-image-2.5-sunburst-2026-09-08"_s,
                                       u"gpt-image-2.5-flare"_s,
                                       u"gpt-image-2.5-flare-2026-09-08"_s,
                                       u"gpt-image-2.6-sunburst"_s,
                                       u"gpt-image-2.6-flare"_s,
                                       u"gpt-image-1.5"_s,
                                       u"chatgpt-image-latest"_s};
    return models;
}

bool FakeResponsesApi::handles(const RecordedRequest &request) const
{
    return request.path.endsWith(u"/responses");
}

QStringList FakeResponsesApi::violations(const QJsonObject &body) const
{
    QStringList problems = OpenApiValidator::validateResponses(body);
    const QJsonObject tool = imageTool(body);
    if (tool.isEmpty())
        return problems << u"tools: no image_generation tool"_s;
    const QString model = tool.value(u"model"_s).toString(u"gpt-image-2.6-sunburst"_s);
    if (!toolModels().contains(model)) {
        problems.append(u"tools[0].model: '%1' is not an image model the image_generation tool "
                        "takes"_s.arg(model));
        return problems;
    }
    if (body.value(u"model"_s).toString().startsWith(u"gpt-image"_s))
        problems.append(u"model: %1 is an image model; the Responses API needs a mainline "
                        "model"_s.arg(body.value(u"model"_s).toString()));
    // What the image model accepts: the Images API's rules for the same fields.
    QJsonObject generation {{u"prompt"_s, inputText(body)}, {u"model"_s, model}};
    for (auto it = tool.constBegin(); it != tool.constEnd(); ++it) {
        if (it.key() != u"type" && it.key() != u"action" && it.key() != u"input_image_mask"
            && it.key() != u"model")
            generation.insert(it.key(), it.value());
    }
    if (body.value(u"stream"_s).toBool())
        generation.insert(u"stream"_s, true);
    for (const QString &problem :
         FakeModelRules::violations(FakeModelRules::Request::fromJson(generation)))
        problems.append(u"tools[0]: "_s + problem);
    return problems;
}

void FakeResponsesApi::handle(QTcpSocket *socket, RecordedRequest request)
{
    QJsonParseError parseError;
    request.json = QJsonDocument::fromJson(request.body, &parseError).object();
    if (!m_available) {
        m_server->m_requests.append(request);
        Q_EMIT m_server->requestReceived(int(m_server->m_requests.size() - 1));
        m_server->sendJson(
            socket, 404,
            errorBody(u"Invalid URL (POST /v1/responses)"_s, u"invalid_request_error"_s, {}, {}));
        return;
    }
    if (!request.header("content-type").startsWith("application/json"))
        request.violations.append(u"responses need Content-Type application/json"_s);
    if (parseError.error != QJsonParseError::NoError)
        request.violations.append(u"body is not JSON: "_s + parseError.errorString());
    else
        request.violations += violations(request.json);
    m_server->m_requests.append(request);
    Q_EMIT m_server->requestReceived(int(m_server->m_requests.size() - 1));

    if (!m_server->authorized(request)) {
        m_server->sendJson(socket, 401,
                           errorBody(u"Incorrect API key provided."_s, u"invalid_request_error"_s,
                                     {}, u"invalid_api_key"_s));
        return;
    }
    if (!request.violations.isEmpty()) {
        m_server->sendJson(socket, 400,
                           errorBody(request.violations.join(u"; "_s), u"invalid_request_error"_s,
                                     {}, u"invalid_value"_s));
        return;
    }
    const QString previous = request.json.value(u"previous_response_id"_s).toString();
    if (!previous.isEmpty() && (!m_issued.contains(previous) || m_expired.contains(previous))) {
        const bool expired = m_expired.contains(previous);
        m_server->sendJson(socket, expired ? 404 : 400,
                           errorBody(u"Previous response with id '%1' not found."_s.arg(previous),
                                     u"invalid_request_error"_s, u"previous_response_id"_s,
                                     expired ? QString() : u"previous_response_not_found"_s));
        return;
    }
    if (inputText(request.json).contains(u"BLOCKED"_s)) {
        m_server->sendJson(
            socket, 400,
            errorBody(u"Your request was rejected as a result of our safety system. Your request "
                      "may contain content that is not allowed by our safety system."_s,
                      u"image_generation_user_error"_s, {}, u"moderation_blocked"_s));
        return;
    }
    answer(socket, request);
}

void FakeResponsesApi::answer(QTcpSocket *socket, const RecordedRequest &request)
{
    const QJsonObject &body = request.json;
    const QJsonObject tool = imageTool(body);
    const QString responseId
        = u"resp_fake%1"_s.arg(int(m_issued.size()) + 1, 4, 10, QLatin1Char('0'));
    const QString previous = body.value(u"previous_response_id"_s).toString();
    m_issued.append(responseId);
    m_previous.insert(responseId, previous);
    const QString itemId = u"ig_fake%1"_s.arg(m_nextItem++);
    const QString format = tool.value(u"output_format"_s).toString(u"png"_s);
    const QString quality = tool.value(u"quality"_s).toString(u"high"_s);
    const QString size = tool.value(u"size"_s).toString(u"1024x1024"_s);
    const QString background = tool.value(u"background"_s).toString(u"opaque"_s);
    const bool refuse = inputText(body).contains(u"REFUSE"_s);
    const bool streamed = body.value(u"stream"_s).toBool(false);
    const int partials = streamed ? int(tool.value(u"partial_images"_s).toInteger(0)) : 0;
    const QSize drawn = m_server->m_imageSize;
    // Each turn of a chain draws another variant, so that turns differ.
    const int variant = int(m_issued.size());

    QJsonObject response {
        {u"id"_s, responseId},
        {u"object"_s, u"response"_s},
        {u"created_at"_s, 1764600000},
        {u"status"_s, u"in_progress"_s},
        {u"model"_s, body.value(u"model"_s)},
        {u"output"_s, QJsonArray()},
        {u"previous_response_id"_s, previous.isEmpty() ? QJsonValue() : QJsonValue(previous)},
        {u"tools"_s, QJsonArray {tool}}};
    QJsonObject call {
        {u"id"_s, itemId},
        {u"type"_s, u"image_generation_call"_s},
        {u"status"_s, u"completed"_s},
        {u"action"_s, inputImages(body) > 0 || !previous.isEmpty() ? u"edit"_s : u"generate"_s},
        {u"background"_s, background},
        {u"output_format"_s, format},
        {u"quality"_s, quality},
        {u"size"_s, size},
        {u"revised_prompt"_s, QString(u"Revised: "_s + inputText(body))},
        {u"result"_s,
         QString::fromLatin1(m_server->imageBytes(drawn, format, variant).toBase64())}};
    const QJsonObject refusal {
        {u"id"_s, u"msg_fake%1"_s.arg(variant)},
        {u"type"_s, u"message"_s},
        {u"role"_s, u"assistant"_s},
        {u"status"_s, u"completed"_s},
        {u"content"_s,
         QJsonArray {QJsonObject {{u"type"_s, u"refusal"_s},
                                  {u"refusal"_s,
                                   u"I can't make that image: it goes against the usage "
                                   "policies."_s}}}}};
    const QJsonObject usage {
        {u"input_tokens"_s, 120 + 300 * inputImages(body)},
        {u"input_tokens_details"_s,
         QJsonObject {{u"cached_tokens"_s, previous.isEmpty() ? 0 : 100},
                      {u"cache_write_tokens"_s, 0}}},
        {u"output_tokens"_s, 30},
        {u"output_tokens_details"_s, QJsonObject {{u"reasoning_tokens"_s, 10}}},
        {u"total_tokens"_s, 150 + 300 * inputImages(body)}};
    const QJsonObject toolUsage {
        {u"image_gen"_s,
         QJsonObject {{u"input_tokens"_s, refuse ? 0 : 50},
                      {u"input_tokens_details"_s,
                       QJsonObject {{u"image_tokens"_s, refuse ? 0 : 40},
                                    {u"text_tokens"_s, refuse ? 0 : 10}}},
                      {u"output_tokens"_s, refuse ? 0 : 4160},
                      {u"output_tokens_details"_s,
                       QJsonObject {{u"image_tokens"_s, refuse ? 0 : 4160}, {u"text_tokens"_s, 0}}},
                      {u"total_tokens"_s, refuse ? 0 : 4210}}},
        {u"web_search"_s, QJsonObject {{u"num_requests"_s, 0}}}};
    QJsonObject completed = response;
    completed.insert(u"status"_s, u"completed"_s);
    completed.insert(u"output"_s, QJsonArray {refuse ? refusal : call});
    completed.insert(u"usage"_s, usage);
    completed.insert(u"tool_usage"_s, toolUsage);

    if (!streamed) {
        m_server->sendJson(socket, 200, QJsonDocument(completed).toJson(QJsonDocument::Compact));
        return;
    }
    QList<QByteArray> events;
    int sequence = 0;
    auto event = [&](const QString &type, QJsonObject fields) {
        fields.insert(u"type"_s, type);
        fields.insert(u"sequence_number"_s, sequence++);
        events.append(sse(fields));
    };
    event(u"response.created"_s, {{u"response"_s, response}});
    event(u"response.in_progress"_s, {{u"response"_s, response}});
    if (refuse) {
        event(u"response.output_item.added"_s, {{u"output_index"_s, 0}, {u"item"_s, refusal}});
        event(u"response.output_item.done"_s, {{u"output_index"_s, 0}, {u"item"_s, refusal}});
    } else {
        QJsonObject running = call;
        running.insert(u"status"_s, u"in_progress"_s);
        running.insert(u"result"_s, QJsonValue());
        running.remove(u"revised_prompt"_s);
        event(u"response.output_item.added"_s, {{u"output_index"_s, 0}, {u"item"_s, running}});
        const QJsonObject where {{u"output_index"_s, 0}, {u"item_id"_s, itemId}};
        event(u"response.image_generation_call.in_progress"_s, where);
        event(u"response.image_generation_call.generating"_s, where);
        for (int i = 0; i < partials; ++i) {
            QJsonObject partial = where;
            partial.insert(u"partial_image_index"_s, i);
            partial.insert(
                u"partial_image_b64"_s,
                QString::fromLatin1(m_server->imageBytes(drawn, format, 100 + i).toBase64()));
            partial.insert(u"size"_s, size);
            partial.insert(u"quality"_s, quality);
            partial.insert(u"background"_s, background);
            partial.insert(u"output_format"_s, format);
            event(u"response.image_generation_call.partial_image"_s, partial);
        }
        event(u"response.image_generation_call.completed"_s, where);
        event(u"response.output_item.done"_s, {{u"output_index"_s, 0}, {u"item"_s, call}});
    }
    event(u"response.completed"_s, {{u"response"_s, completed}});
    stream(socket, std::move(events));
}

void FakeResponsesApi::stream(QTcpSocket *socket, QList<QByteArray> events)
{
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                  "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\nx-request-id: req_"
                  + QByteArray::number(m_server->m_nextRequestId++)
                  + "\r\nConnection: close\r\n\r\n");
    auto *sender = new QTimer(socket); // dies with the socket
    sender->setSingleShot(true);
    auto next = std::make_shared<int>(0);
    QObject::connect(sender, &QTimer::timeout, socket,
                     [socket, sender, events, next, delay = m_server->m_eventDelayMs] {
                         if (*next >= events.size()) {
                             socket->write("0\r\n\r\n");
                             socket->disconnectFromHost();
                             return;
                         }
                         const QByteArray &event = events.at((*next)++);
                         socket->write(QByteArray::number(event.size(), 16) + "\r\n" + event
                                       + "\r\n");
                         sender->start(delay);
                     });
    sender->start(0);
}

} // namespace AtelierTest
