#include "openapivalidator.h"

#include <QHash>
#include <QJsonValue>
#include <QSet>

using namespace Qt::StringLiterals;

namespace AtelierTest {

namespace {

enum class Type { String, Integer, Boolean };

struct Property
{
    Type type = Type::String;
    QStringList enumValues; // empty: any
    int minimum = INT_MIN;
    int maximum = INT_MAX;
    int maxLength = 0;
};

using Schema = QHash<QString, Property>;

Property text(int maxLength = 0) { return {Type::String, {}, INT_MIN, INT_MAX, maxLength}; }
Property choice(const QStringList &values) { return {Type::String, values, INT_MIN, INT_MAX, 0}; }
Property integer(int min, int max) { return {Type::Integer, {}, min, max, 0}; }
Property boolean() { return {Type::Boolean, {}, INT_MIN, INT_MAX, 0}; }

const Schema &generationSchema()
{
    static const Schema schema = {
        {u"prompt"_s, text(32000)},
        {u"model"_s, text()},
        {u"n"_s, integer(1, 10)},
        {u"quality"_s, choice({u"standard"_s, u"hd"_s, u"low"_s, u"medium"_s, u"high"_s, u"auto"_s})},
        {u"response_format"_s, choice({u"url"_s, u"b64_json"_s})},
        {u"output_format"_s, choice({u"png"_s, u"jpeg"_s, u"webp"_s})},
        {u"output_compression"_s, integer(0, 100)},
        {u"stream"_s, boolean()},
        {u"partial_images"_s, integer(0, 3)},
        {u"size"_s, text()},
        {u"moderation"_s, choice({u"low"_s, u"auto"_s})},
        {u"background"_s, choice({u"transparent"_s, u"opaque"_s, u"auto"_s})},
        {u"style"_s, choice({u"vivid"_s, u"natural"_s})},
        {u"user"_s, text()},
    };
    return schema;
}

const Schema &editSchema()
{
    static const Schema schema = {
        {u"prompt"_s, text(32000)},
        {u"background"_s, choice({u"transparent"_s, u"opaque"_s, u"auto"_s})},
        {u"model"_s, text()},
        {u"n"_s, integer(1, 10)},
        {u"size"_s, text()},
        {u"response_format"_s, choice({u"url"_s, u"b64_json"_s})},
        {u"output_format"_s, choice({u"png"_s, u"jpeg"_s, u"webp"_s})},
        {u"output_compression"_s, integer(0, 100)},
        {u"user"_s, text()},
        {u"input_fidelity"_s, choice({u"high"_s, u"low"_s})},
        {u"stream"_s, boolean()},
        {u"partial_images"_s, integer(0, 3)},
        {u"quality"_s, choice({u"standard"_s, u"low"_s, u"medium"_s, u"high"_s, u"auto"_s})},
    };
    return schema;
}

const Schema &variationSchema()
{
    static const Schema schema = {
        {u"model"_s, text()},
        {u"n"_s, integer(1, 10)},
        {u"response_format"_s, choice({u"url"_s, u"b64_json"_s})},
        {u"size"_s, choice({u"256x256"_s, u"512x512"_s, u"1024x1024"_s})},
        {u"user"_s, text()},
    };
    return schema;
}

void checkValue(const QString &name, const Property &property, const QJsonValue &value,
                QStringList *problems)
{
    switch (property.type) {
    case Type::String:
        if (!value.isString()) {
            problems->append(u"%1 must be a string"_s.arg(name));
            return;
        }
        if (!property.enumValues.isEmpty() && !property.enumValues.contains(value.toString()))
            problems->append(u"%1: '%2' is not one of %3"_s.arg(name, value.toString(), property.enumValues.join(u", "_s)));
        if (property.maxLength > 0 && value.toString().size() > property.maxLength)
            problems->append(u"%1 is longer than %2"_s.arg(name).arg(property.maxLength));
        return;
    case Type::Integer: {
        const double number = value.toDouble(0.5);
        if (!value.isDouble() || number != double(qint64(number))) {
            problems->append(u"%1 must be an integer"_s.arg(name));
            return;
        }
        if (number < property.minimum || number > property.maximum)
            problems->append(u"%1 must be between %2 and %3"_s.arg(name).arg(property.minimum).arg(property.maximum));
        return;
    }
    case Type::Boolean:
        if (!value.isBool())
            problems->append(u"%1 must be a boolean"_s.arg(name));
        return;
    }
}

// Multipart text fields carry their values as text: read them as the types the schema names.
QJsonValue fieldValue(const Property &property, const QByteArray &data)
{
    const QString textValue = QString::fromUtf8(data);
    switch (property.type) {
    case Type::Integer: {
        bool ok = false;
        const qint64 number = textValue.toLongLong(&ok);
        return ok ? QJsonValue(number) : QJsonValue(textValue);
    }
    case Type::Boolean:
        if (textValue == u"true")
            return true;
        if (textValue == u"false")
            return false;
        return textValue;
    case Type::String:
        break;
    }
    return textValue;
}

QStringList validateMultipart(const QList<ReceivedPart> &parts, const Schema &schema,
                              bool editEndpoint)
{
    QStringList problems;
    int images = 0;
    bool prompt = false;
    bool singleImageName = false;
    bool arrayImageName = false;
    QSet<QString> seen;
    for (const ReceivedPart &part : parts) {
        if (part.name == u"image" || part.name == u"image[]") {
            ++images;
            (part.name == u"image" ? singleImageName : arrayImageName) = true;
            if (!part.isFile())
                problems.append(u"%1 must be a file upload"_s.arg(part.name));
            if (part.data.isEmpty())
                problems.append(u"%1 is empty"_s.arg(part.name));
            continue;
        }
        if (part.name == u"mask" && editEndpoint) {
            if (!part.isFile())
                problems.append(u"mask must be a file upload"_s);
            if (!part.data.startsWith("\x89PNG\r\n\x1a\n"))
                problems.append(u"mask must be a PNG file"_s);
            continue;
        }
        if (part.isFile()) {
            problems.append(u"unexpected file field '%1'"_s.arg(part.name));
            continue;
        }
        if (seen.contains(part.name))
            problems.append(u"field '%1' appears twice"_s.arg(part.name));
        seen.insert(part.name);
        if (part.name == u"prompt" && editEndpoint)
            prompt = true;
        const auto it = schema.constFind(part.name);
        if (it == schema.cend()) {
            problems.append(u"unknown field '%1'"_s.arg(part.name));
            continue;
        }
        checkValue(part.name, it.value(), fieldValue(it.value(), part.data), &problems);
    }
    if (images == 0)
        problems.append(u"image is required"_s);
    if (singleImageName && arrayImageName)
        problems.append(u"image and image[] are mixed"_s);
    if (!editEndpoint && images > 1)
        problems.append(u"variations take one image"_s);
    if (images > 16)
        problems.append(u"at most 16 images"_s);
    if (editEndpoint && !prompt)
        problems.append(u"prompt is required"_s);
    return problems;
}

} // namespace

QStringList OpenApiValidator::validateGeneration(const QJsonObject &body)
{
    QStringList problems;
    if (!body.contains(u"prompt"_s))
        problems.append(u"prompt is required"_s);
    const Schema &schema = generationSchema();
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        const auto property = schema.constFind(it.key());
        if (property == schema.cend()) {
            problems.append(u"unknown field '%1'"_s.arg(it.key()));
            continue;
        }
        checkValue(it.key(), property.value(), it.value(), &problems);
    }
    return problems;
}

QStringList OpenApiValidator::validateEdit(const QList<ReceivedPart> &parts)
{
    return validateMultipart(parts, editSchema(), true);
}

QStringList OpenApiValidator::validateVariation(const QList<ReceivedPart> &parts)
{
    return validateMultipart(parts, variationSchema(), false);
}

} // namespace AtelierTest
