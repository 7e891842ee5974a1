#include "responsesrequestbuilder.h"

#include "imaging/imagefileinfo.h"
#include "model/refinerequest.h"
#include "requestbuilder.h"

#include <QFile>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Atelier {

QUrl ResponsesRequestBuilder::url(const ProviderProfile &profile)
{
    if (profile.kind == ProviderProfile::Kind::Azure)
        return profile.apiUrl(u"openai/v1/responses"_s);
    return profile.apiUrl(u"responses"_s);
}

Result<QString> ResponsesRequestBuilder::dataUrl(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(tr("cannot read %1: %2.").arg(path, file.errorString()), path);
    const QByteArray bytes = file.readAll();
    const QString format = QString::fromLatin1(
        sniffImageFormat(QByteArrayView(bytes).first(std::min<qsizetype>(16, bytes.size()))));
    static const QStringList sendable = {u"png"_s, u"jpeg"_s, u"webp"_s, u"gif"_s};
    if (!sendable.contains(format))
        return failure(tr("%1 is not a PNG, JPEG, WebP or GIF image; convert it first.").arg(path),
                       path);
    return QString(u"data:"_s + ImageFileInfo::mimeTypeForFormat(format) + u";base64,"_s
                   + QString::fromLatin1(bytes.toBase64()));
}

Result<HttpRequestSpec> ResponsesRequestBuilder::build(const RefineRequest &request,
                                                       const ProviderProfile &profile,
                                                       const QString &apiKey)
{
    HttpRequestSpec spec;
    spec.url = url(profile);
    spec.headers = profile.headers(apiKey);
    spec.headers.append({"User-Agent", RequestBuilder::userAgent()});
    spec.headers.append({QByteArrayLiteral("Accept"),
                         request.stream ? QByteArrayLiteral("text/event-stream")
                                        : QByteArrayLiteral("application/json")});

    QJsonArray content {QJsonObject {{u"type"_s, u"input_text"_s}, {u"text"_s, request.prompt}}};
    for (const QString &path : request.images) {
        const Result<QString> image = dataUrl(path);
        if (!image)
            return image.failure();
        content.append(QJsonObject {
            {u"type"_s, u"input_image"_s}, {u"image_url"_s, *image}, {u"detail"_s, u"auto"_s}});
    }
    QJsonObject tool {{u"type"_s, u"image_generation"_s}};
    for (auto it = request.tool.cbegin(); it != request.tool.cend(); ++it) {
        if (it.key() == u"model")
            tool.insert(it.key(), profile.sentModelName(it.value().toString()));
        else
            tool.insert(it.key(), it.value());
    }
    if (!request.responsesModel.isEmpty())
        spec.json.insert(u"model"_s, profile.sentModelName(request.responsesModel));
    spec.json.insert(u"input"_s,
                     QJsonArray {QJsonObject {{u"role"_s, u"user"_s}, {u"content"_s, content}}});
    spec.json.insert(u"tools"_s, QJsonArray {tool});
    spec.json.insert(u"tool_choice"_s, QJsonObject {{u"type"_s, u"image_generation"_s}});
    if (!request.previousResponseId.isEmpty())
        spec.json.insert(u"previous_response_id"_s, request.previousResponseId);
    if (request.stream)
        spec.json.insert(u"stream"_s, true);
    return spec;
}

} // namespace Atelier
