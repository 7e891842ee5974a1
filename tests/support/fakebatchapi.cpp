#include "fakebatchapi.h"

#include "fakeimagesserver.h"
#include "fakemodelrules.h"
#include "openapivalidator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace AtelierTest {

namespace {

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

QJsonObject errorObject(const QString &message, const QString &type, const QString &param,
                        const QString &code)
{
    return QJsonObject {{u"message"_s, message},
                        {u"type"_s, type},
                        {u"param"_s, param.isEmpty() ? QJsonValue() : QJsonValue(param)},
                        {u"code"_s, code.isEmpty() ? QJsonValue() : QJsonValue(code)}};
}

const QStringList Purposes
    = {u"assistants"_s, u"batch"_s, u"fine-tune"_s, u"vision"_s, u"user_data"_s, u"evals"_s};
const QStringList Endpoints = {
    u"/v1/responses"_s,   u"/v1/chat/completions"_s,   u"/v1/embeddings"_s,   u"/v1/completions"_s,
    u"/v1/moderations"_s, u"/v1/images/generations"_s, u"/v1/images/edits"_s, u"/v1/videos"_s};

} // namespace

FakeBatchApi::FakeBatchApi(FakeImagesServer *server)
    : m_server(server)
{ }

bool FakeBatchApi::handles(const RecordedRequest &request) const
{
    return request.path.startsWith(u"/v1/files"_s) || request.path.startsWith(u"/v1/batches"_s);
}

QByteArray FakeBatchApi::inputFile(const QString &batchId) const
{
    return m_files.value(m_batches.value(batchId).inputFileId).bytes;
}

QString FakeBatchApi::status(const QString &batchId) const
{
    return m_batches.value(batchId).status;
}

void FakeBatchApi::sendError(QTcpSocket *socket, int status, const QString &message,
                             const QString &code, const QString &param)
{
    m_server->sendJson(
        socket, status,
        QJsonDocument(QJsonObject {{u"error"_s,
                                    errorObject(message, u"invalid_request_error"_s, param, code)}})
            .toJson(QJsonDocument::Compact));
}

void FakeBatchApi::handle(QTcpSocket *socket, RecordedRequest request)
{
    const QStringList path = request.path.mid(4).split(u'/', Qt::SkipEmptyParts); // after /v1/
    if (request.method == "POST" && request.path == u"/v1/files")
        request.parts = formParts(request.body, request.header("content-type"));
    else if (request.method == "POST")
        request.json = QJsonDocument::fromJson(request.body).object();
    m_server->m_requests.append(request);
    Q_EMIT m_server->requestReceived(int(m_server->m_requests.size() - 1));
    if (!m_server->authorized(request)) {
        sendError(socket, 401, u"Incorrect API key provided."_s, u"invalid_api_key"_s);
        return;
    }
    if (!m_available) {
        sendError(socket, 404, u"Unknown path %1"_s.arg(request.path), QString());
        return;
    }
    const QString resource = path.value(0);
    const QString id = path.value(1);
    if (resource == u"files") {
        if (request.method == "POST" && path.size() == 1) {
            uploadFile(socket, request);
            return;
        }
        const auto file = m_files.constFind(id);
        if (request.method != "GET" || file == m_files.cend()) {
            sendError(socket, 404, u"No such File object: %1"_s.arg(id), QString(), u"id"_s);
            return;
        }
        if (path.value(2) == u"content") {
            sendFileContent(socket, *file);
            return;
        }
        m_server->sendJson(socket, 200,
                           QJsonDocument(describe(*file)).toJson(QJsonDocument::Compact));
        return;
    }
    if (request.method == "POST" && path.size() == 1) {
        createBatch(socket, request);
        return;
    }
    if (request.method == "GET" && path.size() == 1) {
        QJsonArray data;
        for (auto it = m_batchOrder.crbegin(); it != m_batchOrder.crend(); ++it)
            data.append(describe(m_batches.value(*it)));
        m_server->sendJson(
            socket, 200,
            QJsonDocument(
                QJsonObject {{u"object"_s, u"list"_s}, {u"data"_s, data}, {u"has_more"_s, false}})
                .toJson(QJsonDocument::Compact));
        return;
    }
    const auto batch = m_batches.find(id);
    if (batch == m_batches.end()) {
        sendError(socket, 404, u"No batch found with id '%1'."_s.arg(id), QString());
        return;
    }
    if (request.method == "POST" && path.value(2) == u"cancel") {
        if (batch->status != u"validating" && batch->status != u"in_progress"
            && batch->status != u"finalizing") {
            sendError(socket, 409, u"Cannot cancel a batch with status '%1'."_s.arg(batch->status),
                      QString());
            return;
        }
        batch->status = u"cancelling"_s;
        batch->times.insert(u"cancelling_at"_s, now());
        m_server->sendJson(socket, 200,
                           QJsonDocument(describe(*batch)).toJson(QJsonDocument::Compact));
        return;
    }
    if (request.method != "GET" || path.size() != 2) {
        sendError(socket, 404, u"Unknown path %1"_s.arg(request.path), QString());
        return;
    }
    // Answer the state it is in, then move on: every state is seen once by a client polling.
    const QByteArray answer = QJsonDocument(describe(*batch)).toJson(QJsonDocument::Compact);
    if (m_stepMs == 0) {
        advance(*batch);
    } else {
        while (batch->steps < batch->clock.elapsed() / m_stepMs && !batch->status.endsWith(u"ed"))
            advance(*batch);
    }
    m_server->sendJson(socket, 200, answer);
}

void FakeBatchApi::uploadFile(QTcpSocket *socket, const RecordedRequest &request)
{
    const ReceivedPart *purpose = request.part(u"purpose"_s);
    const ReceivedPart *file = request.part(u"file"_s);
    if (!purpose || !Purposes.contains(QString::fromUtf8(purpose->data))) {
        sendError(socket, 400, u"'purpose' must be one of %1."_s.arg(Purposes.join(u", "_s)),
                  QString(), u"purpose"_s);
        return;
    }
    if (!file || !file->isFile()) {
        sendError(socket, 400, u"'file' is required and must be a file."_s, QString(), u"file"_s);
        return;
    }
    if (purpose->data == "batch") {
        if (!file->fileName.endsWith(u".jsonl"_s)) {
            sendError(socket, 400, u"Batch input files must be .jsonl files."_s, QString(),
                      u"file"_s);
            return;
        }
        if (file->data.size() > 200LL * 1024 * 1024) {
            sendError(socket, 400, u"Batch input files may be at most 200 MB."_s, QString(),
                      u"file"_s);
            return;
        }
    }
    File stored;
    stored.id = u"file-%1"_s.arg(m_nextId++, 6, 10, QLatin1Char('0'));
    stored.purpose = QString::fromUtf8(purpose->data);
    stored.fileName = file->fileName;
    stored.contentType = file->contentType;
    stored.bytes = file->data;
    stored.createdAt = now();
    m_files.insert(stored.id, stored);
    m_server->sendJson(socket, 200, QJsonDocument(describe(stored)).toJson(QJsonDocument::Compact));
}

void FakeBatchApi::createBatch(QTcpSocket *socket, const RecordedRequest &request)
{
    const QJsonObject &body = request.json;
    const QString inputFileId = body.value(u"input_file_id"_s).toString();
    const QString endpoint = body.value(u"endpoint"_s).toString();
    if (body.value(u"completion_window"_s).toString() != u"24h") {
        sendError(socket, 400, u"completion_window must be '24h'."_s, QString(),
                  u"completion_window"_s);
        return;
    }
    if (!Endpoints.contains(endpoint)) {
        sendError(socket, 400, u"endpoint must be one of %1."_s.arg(Endpoints.join(u", "_s)),
                  QString(), u"endpoint"_s);
        return;
    }
    const auto file = m_files.constFind(inputFileId);
    if (file == m_files.cend() || file->purpose != u"batch") {
        sendError(
            socket, 400,
            u"The input file %1 does not exist or was not uploaded with purpose 'batch'."_s.arg(
                inputFileId),
            QString(), u"input_file_id"_s);
        return;
    }
    Batch batch;
    batch.id = u"batch_%1"_s.arg(m_nextId++, 24, 10, QLatin1Char('0'));
    batch.status = u"validating"_s;
    batch.endpoint = endpoint;
    batch.inputFileId = inputFileId;
    batch.metadata = body.value(u"metadata"_s).toObject();
    batch.createdAt = now();
    batch.clock.start();
    validateInput(batch, file->bytes);
    m_batchOrder.append(batch.id);
    m_batches.insert(batch.id, batch);
    m_server->sendJson(socket, 200, QJsonDocument(describe(batch)).toJson(QJsonDocument::Compact));
}

void FakeBatchApi::validateInput(Batch &batch, const QByteArray &input)
{
    QSet<QString> ids;
    int number = 0;
    auto problem = [&batch, &number](const QString &code, const QString &message) {
        batch.errors.append(QJsonObject {{u"code"_s, code},
                                         {u"message"_s, message},
                                         {u"param"_s, QJsonValue()},
                                         {u"line"_s, number}});
    };
    for (const QByteArray &text : input.split('\n')) {
        ++number;
        if (text.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonObject line = QJsonDocument::fromJson(text, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            problem(
                u"invalid_json_line"_s,
                u"This line is not parseable as valid JSON: %1."_s.arg(parseError.errorString()));
            continue;
        }
        const QString customId = line.value(u"custom_id"_s).toString();
        if (customId.isEmpty())
            problem(u"missing_required_parameter"_s, u"Missing required parameter: 'custom_id'."_s);
        else if (ids.contains(customId))
            problem(u"duplicate_custom_id"_s,
                    u"The custom_id for this request is a duplicate of another request: %1."_s.arg(
                        customId));
        ids.insert(customId);
        if (line.value(u"method"_s).toString() != u"POST")
            problem(u"invalid_method"_s, u"The method must be 'POST'."_s);
        if (line.value(u"url"_s).toString() != batch.endpoint)
            problem(u"mismatched_endpoint"_s,
                    u"The url '%1' does not match the batch's endpoint '%2'."_s.arg(
                        line.value(u"url"_s).toString(), batch.endpoint));
        const QStringList keys = line.keys();
        for (const QString &key : keys) {
            if (key != u"custom_id" && key != u"method" && key != u"url" && key != u"body")
                problem(u"unexpected_parameter"_s, u"Unexpected parameter: '%1'."_s.arg(key));
        }
        Line request;
        request.customId = customId;
        request.body = line.value(u"body"_s).toObject();
        batch.lines.append(request);
    }
    if (batch.lines.isEmpty() && batch.errors.isEmpty())
        problem(u"empty_file"_s, u"The batch input file is empty."_s);
    if (batch.lines.size() > 50000)
        problem(u"too_many_requests"_s, u"A batch may have at most 50,000 requests."_s);
}

void FakeBatchApi::advance(Batch &batch)
{
    ++batch.steps;
    const QString status = batch.status;
    if (status == u"validating") {
        if (!batch.errors.isEmpty()) {
            batch.status = u"failed"_s;
            batch.times.insert(u"failed_at"_s, now());
            return;
        }
        batch.status = u"in_progress"_s;
        batch.times.insert(u"in_progress_at"_s, now());
    } else if (status == u"in_progress") {
        run(batch);
        if (m_expireAfter >= 0 && m_expireAfter < batch.lines.size()) {
            batch.status = u"expired"_s;
            batch.times.insert(u"expired_at"_s, now());
        } else {
            batch.status = u"finalizing"_s;
            batch.times.insert(u"finalizing_at"_s, now());
        }
    } else if (status == u"finalizing") {
        batch.status = u"completed"_s;
        batch.times.insert(u"completed_at"_s, now());
    } else if (status == u"cancelling") {
        batch.status = u"cancelled"_s;
        batch.times.insert(u"cancelled_at"_s, now());
    }
}

void FakeBatchApi::run(Batch &batch)
{
    bool anyFailed = false;
    bool anySucceeded = false;
    for (qsizetype i = 0; i < batch.lines.size(); ++i) {
        Line &line = batch.lines[i];
        if (m_expireAfter >= 0 && i >= m_expireAfter) {
            line.outcome = Line::Outcome::Expired;
            anyFailed = true;
            continue;
        }
        // The very checks a direct POST /images/generations or /images/edits gets.
        QStringList violations;
        if (batch.endpoint == u"/v1/images/edits") {
            const QList<ReceivedPart> parts = editParts(line.body, &violations);
            violations += OpenApiValidator::validateEdit(parts);
            violations += FakeModelRules::violations(FakeModelRules::Request::fromParts(parts));
        } else {
            violations = OpenApiValidator::validateGeneration(line.body);
            violations += FakeModelRules::violations(FakeModelRules::Request::fromJson(line.body));
        }
        const QString model = line.body.value(u"model"_s).toString();
        if (m_server->isShutDown(model)) {
            line.outcome = Line::Outcome::Failed;
            line.status = 404;
            line.error = errorObject(
                u"The model `%1` does not exist or you do not have access to it."_s.arg(model),
                u"invalid_request_error"_s, QString(), u"model_not_found"_s);
        } else if (!violations.isEmpty()) {
            line.outcome = Line::Outcome::Failed;
            line.status = 400;
            line.error = errorObject(violations.join(u"; "_s), u"invalid_request_error"_s,
                                     QString(), u"invalid_value"_s);
        } else if (line.body.value(u"prompt"_s).toString().contains(u"forbidden-subject"_s)) {
            line.outcome = Line::Outcome::Failed;
            line.status = 400;
            line.error
                = errorObject(u"Your request was rejected as a result of our safety system."_s,
                              u"image_generation_user_error"_s, QString(), u"moderation_blocked"_s);
        } else {
            line.outcome = Line::Outcome::Succeeded;
        }
        anyFailed = anyFailed || line.outcome != Line::Outcome::Succeeded;
        anySucceeded = anySucceeded || line.outcome == Line::Outcome::Succeeded;
    }
    auto generated = [this, &batch](bool errors) {
        File file;
        file.id = u"file-%1"_s.arg(m_nextId++, 6, 10, QLatin1Char('0'));
        file.purpose = u"batch_output"_s;
        file.fileName = errors ? u"batch_%1_error.jsonl"_s.arg(batch.id)
                               : u"batch_%1_output.jsonl"_s.arg(batch.id);
        file.batchId = batch.id;
        file.errors = errors;
        file.createdAt = now();
        m_files.insert(file.id, file);
        return file.id;
    };
    if (anySucceeded)
        batch.outputFileId = generated(false);
    if (anyFailed)
        batch.errorFileId = generated(true);
}

QList<ReceivedPart> FakeBatchApi::editParts(const QJsonObject &body, QStringList *violations) const
{
    QList<ReceivedPart> parts;
    auto reference = [this, violations](const QString &name, const QJsonValue &value) {
        ReceivedPart part;
        part.name = name;
        const QJsonObject object = value.toObject();
        const bool byFile = object.contains(u"file_id"_s);
        if (!value.isObject() || byFile == object.contains(u"image_url"_s)) {
            violations->append(u"%1: give exactly one of file_id and image_url"_s.arg(name));
            return part;
        }
        if (!byFile) {
            part.fileName = u"from-url.png"_s;
            part.contentType = u"image/png"_s;
            part.data = QByteArray("\x89PNG\r\n\x1a\n", 8);
            return part;
        }
        const QString id = object.value(u"file_id"_s).toString();
        const auto file = m_files.constFind(id);
        if (file == m_files.cend()) {
            violations->append(u"%1: no such file %2"_s.arg(name, id));
            return part;
        }
        part.fileName = file->fileName;
        part.contentType = file->contentType;
        part.data = file->bytes;
        return part;
    };
    const QJsonArray images = body.value(u"images"_s).toArray();
    if (!body.value(u"images"_s).isArray() || images.isEmpty() || images.size() > 16)
        violations->append(u"images: a JSON edit needs 1 to 16 image references"_s);
    if (body.contains(u"image"_s))
        violations->append(u"image: JSON edits use images (an array), not image"_s);
    for (const QJsonValue &image : images)
        parts.append(reference(images.size() > 1 ? u"image[]"_s : u"image"_s, image));
    if (body.contains(u"mask"_s))
        parts.append(reference(u"mask"_s, body.value(u"mask"_s)));
    // The other fields as the form fields a multipart edit sends (svg[model], ...).
    std::function<void(const QString &, const QJsonValue &)> field
        = [&parts, &field](const QString &name, const QJsonValue &value) {
              if (value.isObject()) {
                  const QJsonObject object = value.toObject();
                  for (auto it = object.constBegin(); it != object.constEnd(); ++it)
                      field(name + u'[' + it.key() + u']', it.value());
                  return;
              }
              ReceivedPart part;
              part.name = name;
              part.data = value.isBool() ? QByteArray(value.toBool() ? "true" : "false")
                  : value.isDouble()     ? QByteArray::number(value.toInteger())
                                         : value.toString().toUtf8();
              parts.append(part);
          };
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key() != u"images" && it.key() != u"mask" && it.key() != u"image")
            field(it.key(), it.value());
    }
    return parts;
}

QByteArray FakeBatchApi::base64Image(const QJsonObject &body, int variant)
{
    const QString key = body.value(u"output_format"_s).toString() + u'|'
        + body.value(u"size"_s).toString() + u'|' + QString::number(variant);
    if (const auto it = m_base64Cache.constFind(key); it != m_base64Cache.cend())
        return it.value();
    RecordedRequest request;
    request.json = body;
    const QByteArray base64 = m_server->answerImage(request, variant).toBase64();
    m_base64Cache.insert(key, base64);
    return base64;
}

QByteArray FakeBatchApi::outputLine(const Batch &batch, int index)
{
    const Line &line = batch.lines.at(index);
    const QByteArray head = "{\"id\":\"batch_req_" + QByteArray::number(index + 1) + '_'
        + batch.id.right(6).toLatin1() + "\",\"custom_id\":"
        + QJsonDocument(QJsonArray {line.customId})
              .toJson(QJsonDocument::Compact)
              .mid(1)
              .chopped(1);
    const QByteArray requestId = "\"req_b" + QByteArray::number(index + 1) + '"';
    if (line.outcome == Line::Outcome::Expired)
        return head
            + ",\"response\":null,\"error\":{\"code\":\"batch_expired\",\"message\":\"This "
              "request could not be executed before the completion window expired.\"}}";
    if (line.outcome == Line::Outcome::Failed)
        return head + ",\"response\":{\"status_code\":" + QByteArray::number(line.status)
            + ",\"request_id\":" + requestId + ",\"body\":"
            + QJsonDocument(QJsonObject {{u"error"_s, line.error}}).toJson(QJsonDocument::Compact)
            + "},\"error\":null}";
    const int n = std::max(1, line.body.value(u"n"_s).toInt(1));
    QByteArray data = "[";
    for (int i = 0; i < n; ++i) {
        if (i > 0)
            data += ',';
        data += "{\"b64_json\":\"" + base64Image(line.body, i) + "\"}";
    }
    data += ']';
    QString format = line.body.value(u"output_format"_s).toString();
    if (format.isEmpty())
        format = u"png"_s;
    return head + ",\"response\":{\"status_code\":200,\"request_id\":" + requestId
        + ",\"body\":{\"created\":1763700000,\"data\":" + data + ",\"output_format\":\""
        + format.toLatin1()
        + "\",\"usage\":{\"total_tokens\":100,\"input_tokens\":50,\"output_tokens\":50,"
          "\"input_tokens_details\":{\"text_tokens\":10,\"image_tokens\":40}}}},\"error\":null}";
}

void FakeBatchApi::sendFileContent(QTcpSocket *socket, const File &file)
{
    if (file.batchId.isEmpty()) {
        QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                          "Content-Length: "
            + QByteArray::number(file.bytes.size()) + "\r\nConnection: close\r\n\r\n";
        socket->write(head + file.bytes);
        socket->disconnectFromHost();
        return;
    }
    // Generated as it goes out, a line at a time, in HTTP chunks, whenever the socket has
    // room: the file is never whole in memory.
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                  "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
    struct Progress
    {
        int next = 0;
        int written = 0; // lines of this file written
    };
    auto progress = std::make_shared<Progress>();
    const QString batchId = file.batchId;
    const bool errors = file.errors;
    auto pump = [this, socket, progress, batchId, errors] {
        const auto batch = m_batches.constFind(batchId);
        if (batch == m_batches.cend())
            return;
        while (socket->bytesToWrite() < 8 * 1024 * 1024) {
            if (progress->next >= batch->lines.size()) {
                if (progress->next == batch->lines.size()) {
                    socket->write("0\r\n\r\n");
                    socket->disconnectFromHost();
                    ++progress->next;
                }
                return;
            }
            const int index = progress->next++;
            const bool succeeded = batch->lines.at(index).outcome == Line::Outcome::Succeeded;
            if (succeeded == errors)
                continue;
            QByteArray line = outputLine(*batch, index);
            ++progress->written;
            if (!errors && progress->written == m_malformedLine)
                line.truncate(line.size() / 2);
            line += '\n';
            socket->write(QByteArray::number(line.size(), 16) + "\r\n");
            socket->write(line);
            socket->write("\r\n");
        }
    };
    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, pump);
    pump();
}

QJsonObject FakeBatchApi::describe(const File &file) const
{
    qint64 bytes = file.bytes.size();
    return QJsonObject {{u"id"_s, file.id},
                        {u"object"_s, u"file"_s},
                        {u"bytes"_s, bytes},
                        {u"created_at"_s, file.createdAt},
                        {u"expires_at"_s, file.createdAt + 30 * 24 * 3600},
                        {u"filename"_s, file.fileName},
                        {u"purpose"_s, file.purpose},
                        {u"status"_s, u"processed"_s}};
}

QJsonObject FakeBatchApi::describe(const Batch &batch) const
{
    int completed = 0;
    int failed = 0;
    for (const Line &line : batch.lines) {
        completed += line.outcome == Line::Outcome::Succeeded ? 1 : 0;
        failed += line.outcome == Line::Outcome::Failed || line.outcome == Line::Outcome::Expired
            ? 1
            : 0;
    }
    QJsonObject json {{u"id"_s, batch.id},
                      {u"object"_s, u"batch"_s},
                      {u"endpoint"_s, batch.endpoint},
                      {u"input_file_id"_s, batch.inputFileId},
                      {u"completion_window"_s, u"24h"_s},
                      {u"status"_s, batch.status},
                      {u"created_at"_s, batch.createdAt},
                      {u"expires_at"_s, batch.createdAt + 24 * 3600},
                      {u"metadata"_s, batch.metadata},
                      {u"request_counts"_s,
                       QJsonObject {{u"total"_s, batch.lines.size()},
                                    {u"completed"_s, completed},
                                    {u"failed"_s, failed}}}};
    for (auto it = batch.times.cbegin(); it != batch.times.cend(); ++it)
        json.insert(it.key(), it.value());
    // The files appear once the batch has finished with them.
    const bool filesReady = batch.status == u"completed" || batch.status == u"expired"
        || batch.status == u"cancelled" || batch.status == u"failed";
    if (filesReady && !batch.outputFileId.isEmpty())
        json.insert(u"output_file_id"_s, batch.outputFileId);
    if (filesReady && !batch.errorFileId.isEmpty())
        json.insert(u"error_file_id"_s, batch.errorFileId);
    if (!batch.errors.isEmpty()) {
        QJsonArray data;
        for (const QJsonObject &error : batch.errors)
            data.append(error);
        json.insert(u"errors"_s, QJsonObject {{u"object"_s, u"list"_s}, {u"data"_s, data}});
    }
    return json;
}

} // namespace AtelierTest
