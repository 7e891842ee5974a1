#include "openapivalidator.h"

#include <QHash>
#include <QJsonValue>
#include <QSet>

#include <climits>
#include <memory>

using namespace Qt::StringLiterals;

namespace AtelierTest {

namespace {

enum class Type { String, Integer, Boolean, Object };

struct Property;
using Schema = QHash<QString, Property>;

struct Property
{
    Type type = Type::String;
    QStringList enumValues; // empty: any
    qint64 minimum = LLONG_MIN;
    qint64 maximum = LLONG_MAX;
    int maxLength = 0;
    bool nullable = true; // most parameters are `T | null` in the SDK
    bool required = false; // inside an object
    std::shared_ptr<const Schema> properties; // Type::Object
};

Property text(int maxLength = 0)
{
    return {Type::String, {}, LLONG_MIN, LLONG_MAX, maxLength, true, false, {}};
}
Property choice(const QStringList &values)
{
    return {Type::String, values, LLONG_MIN, LLONG_MAX, 0, true, false, {}};
}
Property integer(qint64 min, qint64 max = LLONG_MAX)
{
    return {Type::Integer, {}, min, max, 0, true, false, {}};
}
Property boolean()
{
    return {Type::Boolean, {}, LLONG_MIN, LLONG_MAX, 0, true, false, {}};
}
Property object(Schema properties)
{
    return {Type::Object,
            {},
            LLONG_MIN,
            LLONG_MAX,
            0,
            true,
            false,
            std::make_shared<const Schema>(std::move(properties))};
}
Property notNull(Property property)
{
    property.nullable = false;
    return property;
}
Property required(Property property)
{
    property.required = true;
    property.nullable = false;
    return property;
}

const QStringList &efforts()
{
    static const QStringList values
        = {u"none"_s, u"minimal"_s, u"low"_s, u"medium"_s, u"high"_s, u"xhigh"_s, u"max"_s};
    return values;
}

// The members ImageGenerateParamsBase and ImageEditParamsBase share, as the SDK declares them.
Schema commonSchema()
{
    return {
        {u"prompt"_s, required(text(32000))},
        {u"background"_s, choice({u"transparent"_s, u"opaque"_s, u"auto"_s})},
        {u"complexity"_s, choice({u"low"_s, u"medium"_s, u"high"_s})},
        {u"frame_count"_s, integer(2, 16)},
        // Rounded to 10 ms and capped at 655350 ms by the API: larger values are not refused.
        {u"frame_duration_ms"_s, integer(0)},
        {u"model"_s, text()},
        {u"n"_s, integer(1, 10)},
        {u"output_compression"_s, integer(0, 100)},
        {u"output_format"_s, choice({u"png"_s, u"webp"_s, u"jpeg"_s, u"gif"_s, u"svg"_s})},
        {u"partial_images"_s, integer(0, 3)},
        {u"response_format"_s, choice({u"url"_s, u"b64_json"_s})},
        {u"safety_identifier"_s, text()},
        {u"size"_s, text()}, // WIDTHxHEIGHT or a named size: what fits is the model's rule
        {u"stream"_s, boolean()},
        {u"user"_s, notNull(text())},
    };
}

const Schema &generationSchema()
{
    static const Schema schema = [] {
        Schema schema = commonSchema();
        schema.insert(u"moderation"_s, choice({u"low"_s, u"auto"_s}));
        schema.insert(u"quality"_s,
                      choice({u"low"_s, u"medium"_s, u"high"_s, u"xhigh"_s, u"max"_s, u"auto"_s,
                              u"standard"_s, u"hd"_s}));
        schema.insert(u"style"_s, choice({u"vivid"_s, u"natural"_s}));
        // ImageGenerateParams.Svg: model is required, effort may be null.
        schema.insert(u"svg"_s,
                      object({{u"model"_s, required(text())},
                              {u"reasoning"_s, object({{u"effort"_s, choice(efforts())}})}}));
        return schema;
    }();
    return schema;
}

const Schema &editSchema()
{
    static const Schema schema = [] {
        Schema schema = commonSchema();
        schema.insert(u"input_fidelity"_s, choice({u"high"_s, u"low"_s}));
        schema.insert(u"quality"_s,
                      choice({u"low"_s, u"medium"_s, u"high"_s, u"xhigh"_s, u"max"_s, u"auto"_s,
                              u"standard"_s}));
        // ImageEditParams.Svg: model optional, effort not nullable.
        schema.insert(
            u"svg"_s,
            object({{u"model"_s, notNull(text())},
                    {u"reasoning"_s, object({{u"effort"_s, notNull(choice(efforts()))}})}}));
        return schema;
    }();
    return schema;
}

const Schema &variationSchema()
{
    static const Schema schema = {
        {u"model"_s, text()},
        {u"n"_s, integer(1, 10)},
        {u"response_format"_s, choice({u"url"_s, u"b64_json"_s})},
        {u"size"_s, choice({u"256x256"_s, u"512x512"_s, u"1024x1024"_s})},
        {u"user"_s, notNull(text())},
    };
    return schema;
}

void checkValue(const QString &name, const Property &property, const QJsonValue &value,
                QStringList *problems)
{
    if (value.isNull()) {
        if (!property.nullable)
            problems->append(u"%1 must not be null"_s.arg(name));
        return;
    }
    switch (property.type) {
    case Type::String:
        if (!value.isString()) {
            problems->append(u"%1 must be a string"_s.arg(name));
            return;
        }
        if (!property.enumValues.isEmpty() && !property.enumValues.contains(value.toString()))
            problems->append(u"%1: '%2' is not one of %3"_s.arg(name, value.toString(),
                                                                property.enumValues.join(u", "_s)));
        if (property.maxLength > 0 && value.toString().size() > property.maxLength)
            problems->append(u"%1 is longer than %2"_s.arg(name).arg(property.maxLength));
        return;
    case Type::Integer: {
        const double number = value.toDouble(0.5);
        if (!value.isDouble() || number != double(qint64(number))) {
            problems->append(u"%1 must be an integer"_s.arg(name));
            return;
        }
        if (number < double(property.minimum) || number > double(property.maximum)) {
            problems->append(property.maximum == LLONG_MAX
                                 ? u"%1 must be at least %2"_s.arg(name).arg(property.minimum)
                                 : u"%1 must be between %2 and %3"_s.arg(name)
                                       .arg(property.minimum)
                                       .arg(property.maximum));
        }
        return;
    }
    case Type::Boolean:
        if (!value.isBool())
            problems->append(u"%1 must be a boolean"_s.arg(name));
        return;
    case Type::Object: {
        if (!value.isObject()) {
            problems->append(u"%1 must be an object"_s.arg(name));
            return;
        }
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const auto member = property.properties->constFind(it.key());
            if (member == property.properties->cend())
                problems->append(u"unknown field '%1.%2'"_s.arg(name, it.key()));
            else
                checkValue(name + u'.' + it.key(), member.value(), it.value(), problems);
        }
        for (auto it = property.properties->cbegin(); it != property.properties->cend(); ++it) {
            if (it.value().required && !object.contains(it.key()))
                problems->append(u"%1.%2 is required"_s.arg(name, it.key()));
        }
        return;
    }
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
    case Type::Object:
        break;
    }
    return textValue;
}

// A form has no objects: the SDK sends their members as `svg[model]`, `svg[reasoning][effort]`.
// The leaves under those names; the objects themselves are not fields.
Schema formFields(const Schema &schema, const QString &prefix = {})
{
    Schema fields;
    for (auto it = schema.cbegin(); it != schema.cend(); ++it) {
        const QString name = prefix.isEmpty() ? it.key() : prefix + u'[' + it.key() + u']';
        if (it.value().type == Type::Object)
            fields.insert(formFields(*it.value().properties, name));
        else
            fields.insert(name, it.value());
    }
    return fields;
}

bool isPng(const QByteArray &data)
{
    return data.startsWith("\x89PNG\r\n\x1a\n");
}

QStringList validateMultipart(const QList<ReceivedPart> &parts, const Schema &schema,
                              bool editEndpoint)
{
    QStringList problems;
    const Schema fields = formFields(schema);
    int images = 0;
    bool prompt = false;
    bool singleImageName = false;
    bool arrayImageName = false;
    QSet<QString> seen;
    for (const ReceivedPart &part : parts) {
        if (part.name == u"image" || (part.name == u"image[]" && editEndpoint)) {
            ++images;
            (part.name == u"image" ? singleImageName : arrayImageName) = true;
            if (!part.isFile())
                problems.append(u"%1 must be a file upload"_s.arg(part.name));
            if (part.data.isEmpty())
                problems.append(u"%1 is empty"_s.arg(part.name));
            continue;
        }
        // mask and markup (ImageEditParams): one PNG file each.
        if ((part.name == u"mask" || part.name == u"markup") && editEndpoint) {
            if (!part.isFile())
                problems.append(u"%1 must be a file upload"_s.arg(part.name));
            if (!isPng(part.data))
                problems.append(u"%1 must be a PNG file"_s.arg(part.name));
            if (seen.contains(part.name))
                problems.append(u"field '%1' appears twice"_s.arg(part.name));
            seen.insert(part.name);
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
        const auto it = fields.constFind(part.name);
        if (it == fields.cend()) {
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
    const Schema &schema = generationSchema();
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        const auto property = schema.constFind(it.key());
        if (property == schema.cend()) {
            problems.append(u"unknown field '%1'"_s.arg(it.key()));
            continue;
        }
        checkValue(it.key(), property.value(), it.value(), &problems);
    }
    if (!body.contains(u"prompt"_s))
        problems.prepend(u"prompt is required"_s);
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
