#include "batchoutputline.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

ApiError errorFrom(const QJsonObject &object, int status, const QString &requestId)
{
    ApiError error;
    error.kind = ApiError::Kind::Api;
    error.httpStatus = status;
    error.message = object.value(u"message"_s).toString();
    error.type = object.value(u"type"_s).toString();
    error.param = object.value(u"param"_s).toString();
    error.code = object.value(u"code"_s).toString();
    error.requestId = requestId;
    if (error.message.isEmpty())
        error.message = error.code.isEmpty()
            ? BatchOutputLine::tr("The request failed (status %1) without a reason.").arg(status)
            : error.code;
    return error;
}

} // namespace

Result<BatchOutputLine> BatchOutputLine::parse(QByteArray line)
{
    BatchOutputLine parsed;
    BatchOutputLine *result = &parsed;
    const QList<QByteArray> images = ResponseParser::extractBase64Fields(line);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return failure(parseError.error != QJsonParseError::NoError
                           ? tr("it is not JSON (%1 at character %2)")
                                 .arg(parseError.errorString())
                                 .arg(parseError.offset)
                           : tr("it is not a JSON object"));
    }
    const QJsonObject root = document.object();
    result->id = root.value(u"id"_s).toString();
    result->customId = root.value(u"custom_id"_s).toString();
    if (result->customId.isEmpty()) {
        return failure(tr("it has no custom_id"));
    }
    const QJsonObject response = root.value(u"response"_s).toObject();
    result->statusCode = response.value(u"status_code"_s).toInt();
    result->requestId = response.value(u"request_id"_s).toString();
    const QJsonObject body = response.value(u"body"_s).toObject();

    // A line that never reached the endpoint (expired, cancelled) has "error" and no response.
    if (const QJsonValue error = root.value(u"error"_s); error.isObject()) {
        result->error = errorFrom(error.toObject(), result->statusCode, result->requestId);
        return parsed;
    }
    if (response.isEmpty()) {
        return failure(tr("it has neither a response nor an error"));
    }
    if (result->statusCode != 200 || body.value(u"error"_s).isObject()) {
        result->error
            = errorFrom(body.value(u"error"_s).toObject(), result->statusCode, result->requestId);
        return parsed;
    }
    result->response = ResponseParser::imagesResponseFrom(body, images);
    if (const qsizetype missing = ResponseParser::missingImage(result->response); missing >= 0)
        return failure(tr("image %1 of it has neither image data nor a URL").arg(missing + 1));
    if (result->response.images.isEmpty())
        return failure(tr("its answer contains no images"));
    return parsed;
}

} // namespace Atelier
