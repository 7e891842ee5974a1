#include "fakeimagesserver.h"
#include "gifencoder.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace AtelierTest {

QStringList RecordedRequest::partNames() const
{
    QStringList names;
    for (const ReceivedPart &part : parts)
        names.append(part.name);
    return names;
}

const ReceivedPart *RecordedRequest::part(const QString &name) const
{
    for (const ReceivedPart &part : parts) {
        if (part.name == name)
            return &part;
    }
    return nullptr;
}

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray errorJson(const QString &message, const QString &type, const QString &param,
                     const QString &code)
{
    QJsonObject error {{u"message"_s, message}, {u"type"_s, type}};
    error.insert(u"param"_s, param.isEmpty() ? QJsonValue() : QJsonValue(param));
    error.insert(u"code"_s, code.isEmpty() ? QJsonValue() : QJsonValue(code));
    return QJsonDocument(QJsonObject {{u"error"_s, error}}).toJson(QJsonDocument::Compact);
}

// Parses multipart/form-data as an edit or variation must send it.
QList<ReceivedPart> parseMultipart(const QByteArray &body, const QByteArray &contentType,
                                   QStringList *problems)
{
    if (!contentType.startsWith("multipart/form-data") || !contentType.contains("boundary=")) {
        problems->append(u"Content-Type must be multipart/form-data with a boundary"_s);
        return {};
    }
    return formParts(body, contentType, problems);
}

// CRC-32 as PNG chunks use it.
quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

} // namespace

FakeImagesServer::FakeImagesServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeImagesServer::onNewConnection);
}

FakeImagesServer::~FakeImagesServer()
{
    // Sockets are children of m_server, destroyed after our members: stop their signals first.
    const QList<QTcpSocket *> sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
    m_server.close();
}

void FakeImagesServer::stallNextStream(int events)
{
    ScriptedReply stall;
    stall.kind = ScriptedReply::Kind::StallAfterEvents;
    stall.events = events;
    enqueue(stall);
}

void FakeImagesServer::setModels(const QStringList &models)
{
    m_models.clear();
    for (const QString &model : models)
        m_models.append({model, QDate()});
}

bool FakeImagesServer::isShutDown(const QString &model) const
{
    return std::any_of(m_models.cbegin(), m_models.cend(), [&](const ServedModel &served) {
        return served.id == model && served.shutdownDate.isValid()
            && served.shutdownDate <= m_today;
    });
}

bool FakeImagesServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

QUrl FakeImagesServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port()));
}

QByteArray FakeImagesServer::imageBytes(const QSize &size, const QString &format, int variant)
{
    const QString key
        = u"%1x%2.%3.%4"_s.arg(size.width()).arg(size.height()).arg(format).arg(variant);
    if (const auto it = m_imageCache.constFind(key); it != m_imageCache.cend())
        return it.value();
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator random(quint32(variant + 1));
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const int noise = m_noise ? int(random.bounded(96)) : 0;
            line[x] = qRgb((x * 255 / std::max(1, size.width()) + noise + variant * 40) & 255,
                           (y * 255 / std::max(1, size.height()) + noise) & 255,
                           (128 + variant * 30 + noise) & 255);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format == u"jpeg" ? "JPEG" : format == u"webp" ? "WEBP" : "PNG");
    m_imageCache.insert(key, bytes);
    return bytes;
}

QByteArray FakeImagesServer::gifBytes(const QSize &size, int frames, int delayMs, int variant) const
{
    // A bar that moves across a gradient: every frame differs from the one before.
    QList<QImage> images;
    for (int frame = 0; frame < frames; ++frame) {
        QImage image(size, QImage::Format_RGB32);
        for (int y = 0; y < size.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < size.width(); ++x)
                line[x] = qRgb(x * 255 / std::max(1, size.width()),
                               y * 255 / std::max(1, size.height()), (variant * 60) & 255);
        }
        QPainter painter(&image);
        const int barWidth = std::max(1, size.width() / std::max(1, frames));
        painter.fillRect(QRect(frame * barWidth, 0, barWidth, size.height()), Qt::white);
        painter.end();
        images.append(image);
    }
    return GifEncoder::encode(images, delayMs);
}

QByteArray FakeImagesServer::svgBytes(const QSize &size, int variant)
{
    const QByteArray width = QByteArray::number(size.width());
    const QByteArray height = QByteArray::number(size.height());
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
           "width=\""
        + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + ' ' + height + "\">\n"
        + "  <rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#1e3a5f\"/>\n"
        + "  <circle cx=\"" + QByteArray::number(size.width() / 2) + "\" cy=\""
        + QByteArray::number(size.height() / 2) + "\" r=\""
        + QByteArray::number(std::max(1, std::min(size.width(), size.height()) / 3)) + "\" fill=\"#"
        + QByteArray::number(0xf0a000 + variant * 0x10, 16) + "\"/>\n</svg>\n";
}

QByteArray FakeImagesServer::answerImage(const RecordedRequest &request, int variant)
{
    const QString format = requestedFormat(request);
    const QSize size = requestedSize(request);
    if (format == u"gif") {
        const QString frames = field(request, u"frame_count"_s);
        const QString delay = field(request, u"frame_duration_ms"_s);
        return gifBytes(size, frames.isEmpty() ? 9 : frames.toInt(),
                        delay.isEmpty() ? 200 : delay.toInt(), variant);
    }
    if (format == u"svg")
        return svgBytes(size, variant);
    return imageBytes(size, format, variant);
}

void FakeImagesServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeImagesServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer.append(socket->readAll());
    const qsizetype headersEnd = buffer.indexOf("\r\n\r\n");
    if (headersEnd < 0)
        return;
    RecordedRequest request;
    const QList<QByteArray> lines = buffer.left(headersEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    const QUrl target(QString::fromLatin1(requestLine.value(1)));
    request.path = target.path();
    request.query = target.query();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype bodyStart = headersEnd + 4;
    if (request.header("transfer-encoding").toLower() == "chunked") {
        QByteArray body;
        qsizetype position = bodyStart;
        while (true) {
            const qsizetype lineEnd = buffer.indexOf("\r\n", position);
            if (lineEnd < 0)
                return; // wait for more
            bool ok = false;
            const qsizetype size
                = buffer.mid(position, lineEnd - position).trimmed().toLongLong(&ok, 16);
            if (!ok)
                return;
            if (buffer.size() < lineEnd + 2 + size + 2)
                return;
            if (size == 0) {
                buffer.remove(0, lineEnd + 4);
                break;
            }
            body.append(buffer.mid(lineEnd + 2, size));
            position = lineEnd + 2 + size + 2;
        }
        request.body = body;
    } else {
        const qsizetype length = request.header("content-length").toLongLong();
        if (buffer.size() < bodyStart + length)
            return;
        request.body = buffer.mid(bodyStart, length);
        buffer.remove(0, bodyStart + length);
    }
    handle(socket, std::move(request));
}

QString FakeImagesServer::field(const RecordedRequest &request, const QString &name) const
{
    if (!request.json.isEmpty()) {
        // Form names reach into objects: svg[model] is json.svg.model.
        const QStringList path = name.split(u'[');
        QJsonValue value = request.json.value(path.first());
        for (qsizetype i = 1; i < path.size(); ++i)
            value = value.toObject().value(path[i].chopped(1));
        if (value.isBool())
            return value.toBool() ? u"true"_s : u"false"_s;
        if (value.isDouble())
            return QString::number(value.toInteger());
        return value.toString();
    }
    if (const ReceivedPart *part = request.part(name))
        return QString::fromUtf8(part->data);
    return {};
}

QSize FakeImagesServer::requestedSize(const RecordedRequest &request) const
{
    if (m_useRequestedSize) {
        const QStringList parts = field(request, u"size"_s).split(u'x');
        if (parts.size() == 2 && parts[0].toInt() > 0 && parts[1].toInt() > 0)
            return QSize(parts[0].toInt(), parts[1].toInt());
    }
    return m_imageSize;
}

QString FakeImagesServer::requestedFormat(const RecordedRequest &request) const
{
    const QString format = field(request, u"output_format"_s);
    return format.isEmpty() ? u"png"_s : format;
}

void FakeImagesServer::handle(QTcpSocket *socket, RecordedRequest request)
{
    if (m_batchApi.handles(request)) {
        m_batchApi.handle(socket, std::move(request));
        return;
    }
    if (m_responsesApi.handles(request)) {
        m_responsesApi.handle(socket, std::move(request));
        return;
    }
    if (request.method == "GET" && request.path.startsWith(u"/files/")) {
        const QByteArray file = m_files.value(request.path.mid(7));
        m_requests.append(request);
        Q_EMIT requestReceived(int(m_requests.size() - 1));
        QByteArray head = "HTTP/1.1 " + QByteArray(file.isEmpty() ? "404 Not Found" : "200 OK")
            + "\r\nContent-Type: image/png\r\nContent-Length: " + QByteArray::number(file.size())
            + "\r\nConnection: close\r\n\r\n";
        socket->write(head + file);
        socket->disconnectFromHost();
        return;
    }

    if (request.method == "GET" && request.path.contains(u"/models")) {
        m_requests.append(request);
        Q_EMIT requestReceived(int(m_requests.size() - 1));
        if (!m_modelsScript.isEmpty())
            answer(socket, request, m_modelsScript.dequeue());
        else
            sendModels(socket, request);
        return;
    }
    const QByteArray contentType = request.header("content-type");
    if (request.path.endsWith(u"/images/generations")) {
        if (!contentType.startsWith("application/json"))
            request.violations.append(u"generations need Content-Type application/json"_s);
        QJsonParseError error;
        request.json = QJsonDocument::fromJson(request.body, &error).object();
        if (error.error != QJsonParseError::NoError)
            request.violations.append(u"body is not JSON: "_s + error.errorString());
        request.violations += OpenApiValidator::validateGeneration(request.json);
        request.violations
            += FakeModelRules::violations(FakeModelRules::Request::fromJson(request.json));
    } else if (request.path.endsWith(u"/images/edits")) {
        request.parts = parseMultipart(request.body, contentType, &request.violations);
        request.violations += OpenApiValidator::validateEdit(request.parts);
        request.violations
            += FakeModelRules::violations(FakeModelRules::Request::fromParts(request.parts));
    } else if (request.path.endsWith(u"/images/variations")) {
        request.parts = parseMultipart(request.body, contentType, &request.violations);
        request.violations += OpenApiValidator::validateVariation(request.parts);
    } else {
        request.violations.append(u"unknown path "_s + request.path);
    }
    m_requests.append(request);
    Q_EMIT requestReceived(int(m_requests.size() - 1));

    if (!authorized(request)) {
        sendJson(socket, 401,
                 errorJson(u"Incorrect API key provided."_s, u"invalid_request_error"_s, QString(),
                           u"invalid_api_key"_s));
        return;
    }
    if (const QString model = field(request, u"model"_s); isShutDown(model)) {
        sendJson(socket, 404,
                 errorJson(
                     u"The model `%1` does not exist or you do not have access to it."_s.arg(model),
                     u"invalid_request_error"_s, QString(), u"model_not_found"_s));
        return;
    }
    const ScriptedReply reply = m_script.isEmpty() ? ScriptedReply() : m_script.dequeue();
    if (reply.kind == ScriptedReply::Kind::Normal && !request.violations.isEmpty()) {
        sendJson(socket, 400,
                 errorJson(request.violations.join(u"; "_s), u"invalid_request_error"_s, QString(),
                           u"invalid_value"_s));
        return;
    }
    answer(socket, request, reply);
}

bool FakeImagesServer::authorized(const RecordedRequest &request) const
{
    if (m_apiKey.isEmpty())
        return true;
    return request.header("authorization") == "Bearer " + m_apiKey.toUtf8()
        || request.header("api-key") == m_apiKey.toUtf8();
}

void FakeImagesServer::sendModels(QTcpSocket *socket, const RecordedRequest &request)
{
    // Listing models takes the bearer token only, as at OpenAI.
    if (!m_apiKey.isEmpty() && request.header("authorization") != "Bearer " + m_apiKey.toUtf8()) {
        sendJson(socket, 401,
                 errorJson(u"Incorrect API key provided."_s, u"invalid_request_error"_s, QString(),
                           u"invalid_api_key"_s));
        return;
    }
    auto describe = [](const ServedModel &model) {
        return QJsonObject {{u"id"_s, model.id},
                            {u"object"_s, u"model"_s},
                            {u"created"_s, 1763700000},
                            {u"owned_by"_s, u"system"_s},
                            {u"shutdown_date"_s,
                             model.shutdownDate.isValid()
                                 ? QJsonValue(model.shutdownDate.toString(Qt::ISODate))
                                 : QJsonValue()}};
    };
    const qsizetype slash = request.path.indexOf(u"/models/"_s);
    if (slash >= 0) { // GET /models/{id}
        const QString id = QUrl::fromPercentEncoding(request.path.mid(slash + 8).toUtf8());
        for (const ServedModel &model : std::as_const(m_models)) {
            if (model.id == id) {
                sendJson(socket, 200,
                         QJsonDocument(describe(model)).toJson(QJsonDocument::Compact));
                return;
            }
        }
        sendJson(
            socket, 404,
            errorJson(u"The model `%1` does not exist or you do not have access to it."_s.arg(id),
                      u"invalid_request_error"_s, QString(), u"model_not_found"_s));
        return;
    }
    QJsonArray data;
    for (const ServedModel &model : std::as_const(m_models))
        data.append(describe(model));
    sendJson(socket, 200,
             QJsonDocument(QJsonObject {{u"object"_s, u"list"_s}, {u"data"_s, data}})
                 .toJson(QJsonDocument::Compact));
}

void FakeImagesServer::sendJson(QTcpSocket *socket, int status, const QByteArray &body,
                                const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray head
        = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n";
    head += "x-request-id: req_" + QByteArray::number(m_nextRequestId++) + "\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += "Connection: close\r\n\r\n";
    socket->write(head + body);
    socket->disconnectFromHost();
}

void FakeImagesServer::answer(QTcpSocket *socket, const RecordedRequest &request,
                              const ScriptedReply &reply)
{
    using Kind = ScriptedReply::Kind;
    switch (reply.kind) {
    case Kind::Error:
        sendJson(socket, reply.status, reply.body, reply.headers);
        return;
    case Kind::Redirect: {
        QByteArray head = "HTTP/1.1 307 Temporary Redirect\r\nLocation: "
            + reply.location.toEncoded() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        socket->write(head);
        socket->disconnectFromHost();
        return;
    }
    case Kind::Raw:
        socket->write(reply.raw);
        socket->disconnectFromHost();
        return;
    case Kind::CorruptImage:
        sendJson(socket, 200, R"({"created":1,"data":[{"b64_json":"aGVsbG8gd29ybGQ="}]})");
        return;
    case Kind::HugeImage: {
        // A valid PNG signature and IHDR chunk that claims 100000x100000 pixels.
        QByteArray png("\x89PNG\r\n\x1a\n", 8);
        QByteArray ihdr("IHDR", 4);
        auto be32 = [](quint32 v) {
            QByteArray b(4, '\0');
            qToBigEndian(v, b.data());
            return b;
        };
        ihdr += be32(100000) + be32(100000) + QByteArray("\x08\x02\x00\x00\x00", 5);
        png += be32(13) + ihdr + be32(crc32(ihdr));
        const QByteArray idat
            = QByteArray("IDAT", 4) + QByteArray("\x78\x9c\x03\x00\x00\x00\x00\x01", 8);
        png += be32(8) + idat + be32(crc32(idat));
        png += be32(0) + QByteArray("IEND", 4) + be32(crc32(QByteArray("IEND", 4)));
        sendJson(socket, 200,
                 "{\"created\":1,\"data\":[{\"b64_json\":\"" + png.toBase64() + "\"}]}");
        return;
    }
    case Kind::DamagedPixels: {
        const QByteArray png = imageBytes(QSize(64, 64), u"png"_s, 0);
        sendJson(socket, 200,
                 "{\"created\":1,\"data\":[{\"b64_json\":\""
                     + png.first(png.size() * 2 / 3).toBase64() + "\"}]}");
        return;
    }
    default:
        break;
    }
    if (field(request, u"stream"_s) == u"true" || reply.kind != Kind::Normal) {
        stream(socket, request, reply);
        return;
    }
    const int n = std::max(1, field(request, u"n"_s).toInt());
    const QString model = field(request, u"model"_s);
    const bool dalle
        = model.startsWith(u"dall-e") || model.isEmpty() || request.path.endsWith(u"/variations");
    const QString responseFormat = field(request, u"response_format"_s);
    const bool urls = responseFormat == u"url" || (dalle && responseFormat.isEmpty());
    QJsonArray data;
    for (int i = 0; i < n; ++i) {
        const QByteArray image = answerImage(request, i);
        QJsonObject entry;
        if (urls) {
            const QString name = u"img-%1-%2.png"_s.arg(m_requests.size()).arg(i);
            m_files.insert(name, image);
            entry.insert(u"url"_s, u"http://127.0.0.1:%1/files/%2"_s.arg(port()).arg(name));
        } else {
            entry.insert(u"b64_json"_s, QString::fromLatin1(image.toBase64()));
        }
        if (model == u"dall-e-3")
            entry.insert(u"revised_prompt"_s,
                         QString(u"Revised: "_s + field(request, u"prompt"_s)));
        data.append(entry);
    }
    QJsonObject response {{u"created"_s, 1763700000}, {u"data"_s, data}};
    if (!dalle) {
        const QString format = requestedFormat(request);
        response.insert(u"output_format"_s, format);
        if (const QString quality = field(request, u"quality"_s);
            !quality.isEmpty() && quality != u"auto")
            response.insert(u"quality"_s, quality);
        // The effective one: a non-empty safety_identifier, else the deprecated user.
        QString safetyIdentifier = field(request, u"safety_identifier"_s);
        if (safetyIdentifier.isEmpty())
            safetyIdentifier = field(request, u"user"_s);
        if (!safetyIdentifier.isEmpty())
            response.insert(u"safety_identifier"_s, safetyIdentifier);
        if (format == u"svg") {
            // The SVG author's own tokens (ImagesResponse.SvgUsage), beside the image model's
            // usage.
            QString author = field(request, u"svg[model]"_s);
            if (author.isEmpty())
                author = u"svg-author-default"_s;
            response.insert(u"svg_usage"_s,
                            QJsonObject {{u"input_tokens"_s, 320},
                                         {u"model"_s, author},
                                         {u"output_tokens"_s, 900},
                                         {u"reasoning_tokens"_s, 400},
                                         {u"total_tokens"_s, 1220}});
        }
        response.insert(
            u"usage"_s,
            QJsonObject {{u"total_tokens"_s, 100},
                         {u"input_tokens"_s, 50},
                         {u"output_tokens"_s, 50},
                         {u"input_tokens_details"_s,
                          QJsonObject {{u"text_tokens"_s, 10}, {u"image_tokens"_s, 40}}}});
    }
    sendJson(socket, 200, QJsonDocument(response).toJson(QJsonDocument::Compact));
}

void FakeImagesServer::stream(QTcpSocket *socket, const RecordedRequest &request,
                              const ScriptedReply &reply)
{
    using Kind = ScriptedReply::Kind;
    const QString prefix
        = request.path.endsWith(u"/edits") ? u"image_edit"_s : u"image_generation"_s;
    const int partials = std::clamp(field(request, u"partial_images"_s).toInt(), 0, 3);
    QList<QByteArray> events;
    const QSize size = requestedSize(request);
    const QString format = requestedFormat(request);
    auto event = [&](const QString &type, const QByteArray &image, int index,
                     bool completed) -> QByteArray {
        QByteArray json = "{\"type\":\"" + type.toUtf8() + "\",\"b64_json\":\"" + image.toBase64()
            + "\",\"created_at\":1763700000,\"size\":\"1024x1024\",\"quality\":\"high\","
              "\"background\":\"opaque\",\"output_format\":\""
            + format.toUtf8() + '"';
        if (completed)
            json += ",\"usage\":{\"total_tokens\":100,\"input_tokens\":50,\"output_tokens\":50,"
                    "\"input_tokens_details\":{\"text_tokens\":10,\"image_tokens\":40}}}";
        else
            json += ",\"partial_image_index\":" + QByteArray::number(index) + '}';
        return "event: " + type.toUtf8() + "\ndata: " + json + "\n\n";
    };
    const int partialCount
        = reply.kind == Kind::Normal ? partials : std::max(partials, reply.events);
    for (int i = 0; i < partialCount; ++i)
        events.append(
            event(prefix + u".partial_image"_s, imageBytes(size, format, i + 1), i, false));
    if (reply.kind == Kind::MalformedStream)
        events.append("event: " + prefix.toUtf8() + ".completed\ndata: {\"type\": \"broken\n\n");
    else if (reply.kind != Kind::StreamWithoutCompleted)
        events.append(event(prefix + u".completed"_s, imageBytes(size, format, 0), 0, true));

    // Chunked, like the real API: a connection dropped before the last chunk is an error the
    // client can tell from a clean end.
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; "
                      "charset=utf-8\r\nCache-Control: no-cache\r\n"
                      "Transfer-Encoding: chunked\r\nx-request-id: req_"
        + QByteArray::number(m_nextRequestId++) + "\r\nConnection: close\r\n\r\n";
    int stopAfter = int(events.size());
    if (reply.kind == Kind::ResetAfterEvents || reply.kind == Kind::StallAfterEvents)
        stopAfter = std::min(stopAfter, reply.events);
    // HTTP chunks of at most 64 KiB, as proxies and the real API send them.
    constexpr qsizetype chunk = 64 * 1024;
    auto appendChunks = [](QByteArray *out, QByteArrayView event) {
        for (qsizetype offset = 0; offset < event.size(); offset += chunk) {
            const QByteArrayView piece
                = event.sliced(offset, std::min(qsizetype(chunk), event.size() - offset));
            out->append(QByteArray::number(piece.size(), 16)).append("\r\n");
            out->append(piece).append("\r\n");
        }
    };
    if (m_burst && m_rate == 0) {
        // The whole answer in one write: the socket's buffers fill as fast as the system moves
        // the bytes, with no pause between events.
        qsizetype total = head.size() + 16;
        for (int i = 0; i < stopAfter; ++i)
            total += events.at(i).size() + (events.at(i).size() / chunk + 1) * 12;
        QByteArray whole;
        whole.reserve(total);
        whole.append(head);
        for (int i = 0; i < stopAfter; ++i)
            appendChunks(&whole, events.at(i));
        if (reply.kind != Kind::ResetAfterEvents && reply.kind != Kind::StallAfterEvents)
            whole.append("0\r\n\r\n");
        socket->write(whole);
        if (reply.kind == Kind::ResetAfterEvents) {
            // Dropped once what was written has gone out.
            QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
                if (socket->bytesToWrite() == 0)
                    socket->abort();
            });
        } else if (reply.kind != Kind::StallAfterEvents) {
            socket->disconnectFromHost(); // after the buffered bytes are written
        }
        return;
    }
    socket->write(head);

    auto *sender = new QTimer(socket); // dies with the socket
    sender->setSingleShot(true);
    sender->setTimerType(Qt::PreciseTimer);
    struct Progress
    {
        int next = 0; // the event being sent
        qsizetype offset = 0; // of it, sent
        QElapsedTimer clock; // since the event began (paced sending)
    };
    auto progress = std::make_shared<Progress>();
    const Kind kind = reply.kind;
    QObject::connect(
        sender, &QTimer::timeout, socket,
        [socket, sender, events, stopAfter, kind, progress, delay = m_eventDelayMs, rate = m_rate] {
            if (progress->next >= stopAfter) {
                if (kind == Kind::ResetAfterEvents) {
                    socket->abort();
                } else if (kind != Kind::StallAfterEvents) {
                    socket->write("0\r\n\r\n");
                    socket->disconnectFromHost();
                }
                return;
            }
            // Paced: as many chunks as the rate allows by now.
            const QByteArray &event = events.at(progress->next);
            if (!progress->clock.isValid())
                progress->clock.start();
            const qint64 allowed = rate > 0
                ? qint64(double(rate) * double(progress->clock.nsecsElapsed()) / 1e9) + chunk
                : event.size();
            while (progress->offset < event.size() && progress->offset < allowed) {
                const QByteArrayView piece = QByteArrayView(event).sliced(
                    progress->offset, std::min(qsizetype(chunk), event.size() - progress->offset));
                socket->write(QByteArray::number(piece.size(), 16) + "\r\n");
                socket->write(piece.data(), piece.size());
                socket->write("\r\n");
                progress->offset += piece.size();
            }
            if (progress->offset < event.size()) {
                sender->start(1);
                return;
            }
            ++progress->next;
            progress->offset = 0;
            progress->clock.invalidate();
            sender->start(delay);
        });
    sender->start(0);
}

QList<ReceivedPart> formParts(const QByteArray &body, const QByteArray &contentType,
                              QStringList *problems)
{
    QList<ReceivedPart> parts;
    const qsizetype at = contentType.indexOf("boundary=");
    if (at < 0)
        return parts;
    QByteArray boundary = contentType.mid(at + 9).trimmed();
    if (boundary.startsWith('"'))
        boundary = boundary.mid(1, boundary.size() - 2);
    const QByteArray delimiter = "--" + boundary;
    qsizetype position = body.indexOf(delimiter);
    while (position >= 0) {
        position += delimiter.size();
        if (body.mid(position, 2) == "--")
            break;
        position += 2; // CRLF
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", position);
        if (headersEnd < 0)
            break;
        ReceivedPart part;
        const QList<QByteArray> lines = body.mid(position, headersEnd - position).split('\n');
        for (QByteArray line : lines) {
            line = line.trimmed();
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-type") {
                part.contentType = QString::fromLatin1(value);
            } else if (name == "content-disposition") {
                for (QByteArray item : value.split(';')) {
                    item = item.trimmed();
                    auto unquote = [](QByteArray text) {
                        return QString::fromUtf8(text.mid(1, text.size() - 2));
                    };
                    if (item.startsWith("name="))
                        part.name = unquote(item.mid(5));
                    else if (item.startsWith("filename="))
                        part.fileName = unquote(item.mid(9));
                }
            }
        }
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), headersEnd + 4);
        if (next < 0) {
            if (problems)
                problems->append(u"multipart body is not terminated"_s);
            break;
        }
        part.data = body.mid(headersEnd + 4, next - headersEnd - 4);
        parts.append(part);
        position = next + 2;
    }
    return parts;
}

} // namespace AtelierTest
