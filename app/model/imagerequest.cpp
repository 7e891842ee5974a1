#include "imagerequest.h"

#include "jsonvalues.h"
#include "parameters.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Atelier {

QJsonObject ImageRequest::toJson() const
{
    QJsonObject json;
    json.insert(u"endpoint"_s, endpointName(endpoint));
    if (!model.isEmpty())
        json.insert(Param::Model, model);
    if (!prompt.isEmpty())
        json.insert(Param::Prompt, prompt);
    if (!images.isEmpty())
        json.insert(u"images"_s, QJsonArray::fromStringList(images));
    if (!mask.isEmpty())
        json.insert(Param::Mask, mask);
    if (!markup.isEmpty())
        json.insert(Param::Markup, markup);
    if (!inputNames.isEmpty()) {
        QJsonObject names;
        for (auto it = inputNames.cbegin(); it != inputNames.cend(); ++it)
            names.insert(it.key(), it.value());
        json.insert(u"input_names"_s, names);
    }
    json.insert(u"options"_s, objectOf(options));
    return json;
}

ImageRequest ImageRequest::fromJson(const QJsonObject &json)
{
    ImageRequest request;
    request.endpoint
        = endpointFromName(json.value(u"endpoint"_s).toString()).value_or(Endpoint::Generations);
    request.model = json.value(Param::Model).toString();
    request.prompt = json.value(Param::Prompt).toString();
    request.images = stringsOf(json.value(u"images"_s));
    request.mask = json.value(Param::Mask).toString();
    request.markup = json.value(Param::Markup).toString();
    // Only shown, never used as a path: any text, kept to a file name's length.
    const QJsonObject names = json.value(u"input_names"_s).toObject();
    for (auto it = names.constBegin(); it != names.constEnd(); ++it) {
        if (it.value().isString() && !it.value().toString().isEmpty())
            request.inputNames.insert(it.key().left(MaxInputNameLength),
                                      it.value().toString().left(MaxInputNameLength));
    }
    request.options = mapOf(json.value(u"options"_s).toObject());
    return request;
}

QString ImageRequest::inputName(const QString &path) const
{
    const QString file = QFileInfo(path).fileName();
    return inputNames.value(file, file);
}

bool operator==(const ImageRequest &a, const ImageRequest &b)
{
    return a.endpoint == b.endpoint && a.model == b.model && a.prompt == b.prompt
        && a.images == b.images && a.mask == b.mask && a.markup == b.markup
        && a.options == b.options;
}

QString ImageRequest::optionText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return number == std::floor(number) ? QString::number(qint64(number))
                                            : QString::number(number);
    }
    case QJsonValue::String:
        return value.toString();
    default:
        return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    }
}

} // namespace Atelier
