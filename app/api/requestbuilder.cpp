#include "requestbuilder.h"

#include "atelierversion.h"
#include "imaging/imagefileinfo.h"
#include "model/imagerequest.h"
#include "model/parameters.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Atelier {

QByteArray HttpRequestSpec::jsonBody() const
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QJsonObject HttpRequestSpec::describe() const
{
    QJsonObject description;
    description.insert(u"method"_s, QString::fromLatin1(method));
    description.insert(u"url"_s, url.toString(QUrl::FullyEncoded));
    QJsonObject headerObject;
    for (const auto &[name, value] : headers) {
        QString shown = QString::fromUtf8(value);
        if (ProviderProfile::isSecretHeader(name))
            shown = value.startsWith("Bearer ") ? u"Bearer ***"_s : u"***"_s;
        headerObject.insert(QString::fromLatin1(name), shown);
    }
    headerObject.insert(u"Content-Type"_s,
                        multipart ? u"multipart/form-data"_s : u"application/json"_s);
    description.insert(u"headers"_s, headerObject);
    if (!multipart) {
        description.insert(u"json"_s, json);
        return description;
    }
    QJsonArray parts;
    for (const MultipartField &field : fields) {
        QJsonObject part;
        part.insert(u"name"_s, field.name);
        if (field.isFile()) {
            part.insert(u"filename"_s, field.fileName);
            part.insert(u"content_type"_s, field.contentType);
            part.insert(u"bytes"_s, field.bytes);
        } else {
            part.insert(u"value"_s, field.value);
        }
        parts.append(part);
    }
    description.insert(u"multipart"_s, parts);
    return description;
}

QByteArray RequestBuilder::userAgent()
{
    return QByteArrayLiteral("Atelier/" ATELIER_VERSION " (Qt ") + qVersion() + ')';
}

namespace {

MultipartField fileField(const QString &name, const QString &path)
{
    MultipartField field;
    field.name = name;
    field.filePath = path;
    field.fileName = QFileInfo(path).fileName();
    const ImageFileInfo info = ImageFileInfo::inspect(path);
    field.contentType = ImageFileInfo::mimeTypeForFormat(info.format);
    field.bytes = info.bytes;
    return field;
}

} // namespace

HttpRequestSpec RequestBuilder::build(const ImageRequest &request, const ProviderProfile &profile,
                                      const QString &apiKey)
{
    HttpRequestSpec spec;
    spec.url = profile.endpointUrl(request.endpoint, request.model);
    const QString model = profile.sentModelName(request.model);
    spec.headers = profile.headers(apiKey);
    spec.headers.append({"User-Agent", userAgent()});
    const bool streaming = request.option(Param::Stream).toBool(false);
    spec.headers.append({QByteArrayLiteral("Accept"),
                         streaming ? QByteArrayLiteral("text/event-stream")
                                   : QByteArrayLiteral("application/json")});

    if (request.endpoint == Endpoint::Generations) {
        if (!model.isEmpty())
            spec.json.insert(Param::Model, model);
        spec.json.insert(Param::Prompt, request.prompt);
        for (auto it = request.options.cbegin(); it != request.options.cend(); ++it)
            spec.json.insert(it.key(), it.value());
        return spec;
    }

    spec.multipart = true;
    const QString imageName = request.images.size() > 1 ? u"image[]"_s : QString(Param::Image);
    for (const QString &path : request.images)
        spec.fields.append(fileField(imageName, path));
    if (!request.mask.isEmpty())
        spec.fields.append(fileField(Param::Mask, request.mask));
    if (!request.markup.isEmpty())
        spec.fields.append(fileField(Param::Markup, request.markup));
    if (!model.isEmpty())
        appendTextFields(&spec.fields, Param::Model, model);
    if (request.endpoint == Endpoint::Edits)
        appendTextFields(&spec.fields, Param::Prompt, request.prompt);
    for (auto it = request.options.cbegin(); it != request.options.cend(); ++it)
        appendTextFields(&spec.fields, it.key(), it.value());
    return spec;
}

void RequestBuilder::appendTextFields(QList<MultipartField> *fields, const QString &name,
                                      const QJsonValue &value)
{
    if (value.isObject()) {
        // As the official SDKs encode nested objects in forms: svg[model], svg[reasoning][effort].
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!it.value().isNull() && !it.value().isUndefined())
                appendTextFields(fields, name + u'[' + it.key() + u']', it.value());
        }
        return;
    }
    MultipartField field;
    field.name = name;
    field.value = ImageRequest::optionText(value);
    fields->append(field);
}

QNetworkRequest RequestBuilder::networkRequest(const HttpRequestSpec &spec)
{
    QNetworkRequest request(spec.url);
    for (const auto &[name, value] : spec.headers)
        request.setRawHeader(name, value);
    if (!spec.multipart)
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    // Follow only redirects to the same scheme, host and port: the key never reaches another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    return request;
}

Result<QHttpMultiPart *> RequestBuilder::createMultiPart(const HttpRequestSpec &spec)
{
    auto multiPart = std::make_unique<QHttpMultiPart>(QHttpMultiPart::FormDataType);
    for (const MultipartField &field : spec.fields) {
        QHttpPart part;
        QByteArray disposition = "form-data; name=\"" + field.name.toUtf8() + '"';
        if (field.isFile()) {
            QByteArray fileName = field.fileName.toUtf8();
            fileName.replace('"', "%22").replace('\r', "").replace('\n', "");
            disposition += "; filename=\"" + fileName + '"';
            part.setHeader(QNetworkRequest::ContentTypeHeader, field.contentType.toUtf8());
            auto *file = new QFile(field.filePath, multiPart.get());
            if (!file->open(QIODevice::ReadOnly)) {
                return failure(tr("%1 cannot be opened for sending: %2.")
                                   .arg(field.filePath, file->errorString()),
                               field.filePath);
            }
            part.setBodyDevice(file);
        } else {
            part.setBody(field.value.toUtf8());
        }
        part.setRawHeader("Content-Disposition", disposition);
        multiPart->append(part);
    }
    return multiPart.release();
}

} // namespace Atelier
