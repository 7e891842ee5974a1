#include "openapivalidator.h"

#include <QHash>
#include <QJsonArray>
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

namespace {

// Tool.ImageGeneration, as responses-image-generation.d.ts declares it.
const Schema &imageGenerationToolSchema()
{
    static const Schema schema = {
        {u"type"_s, required(choice({u"image_generation"_s}))},
        {u"action"_s, notNull(choice({u"generate"_s, u"edit"_s, u"auto"_s}))},
        {u"background"_s, notNull(choice({u"transparent"_s, u"opaque"_s, u"auto"_s}))},
        {u"complexity"_s, notNull(choice({u"low"_s, u"medium"_s, u"high"_s}))},
        {u"frame_count"_s, notNull(integer(2, 16))},
        {u"frame_duration_ms"_s, notNull(integer(0))},
        {u"input_fidelity"_s, choice({u"high"_s, u"low"_s})},
        {u"input_image_mask"_s,
         notNull(object({{u"file_id"_s, notNull(text())}, {u"image_url"_s, notNull(text())}}))},
        {u"model"_s, notNull(text())},
        {u"moderation"_s, notNull(choice({u"auto"_s, u"low"_s}))},
        {u"output_compression"_s, notNull(integer(0, 100))},
        {u"output_format"_s, notNull(choice({u"png"_s, u"webp"_s, u"jpeg"_s, u"gif"_s, u"svg"_s}))},
        {u"partial_images"_s, notNull(integer(0, 3))},
        {u"quality"_s,
         notNull(choice({u"low"_s, u"medium"_s, u"high"_s, u"xhigh"_s, u"max"_s, u"auto"_s}))},
        {u"size"_s, notNull(text())},
        {u"svg"_s, notNull(object({{u"model"_s, text()}, {u"reasoning"_s, object({})}}))},
    };
    return schema;
}

void checkObject(const QString &name, const Schema &schema, const QJsonObject &object,
                 QStringList *problems)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const auto member = schema.constFind(it.key());
        if (member == schema.cend())
            problems->append(u"unknown field '%1.%2'"_s.arg(name, it.key()));
        else
            checkValue(name + u'.' + it.key(), member.value(), it.value(), problems);
    }
    for (auto it = schema.cbegin(); it != schema.cend(); ++it) {
        if (it.value().required && !object.contains(it.key()))
            problems->append(u"%1.%2 is required"_s.arg(name, it.key()));
    }
}

// ResponseInputText / ResponseInputImage, the parts of a user message's content list.
void checkContentPart(const QString &name, const QJsonValue &value, QStringList *problems)
{
    const QJsonObject part = value.toObject();
    const QString type = part.value(u"type"_s).toString();
    if (type == u"input_text") {
        checkObject(name, {{u"type"_s, required(text())}, {u"text"_s, required(text())}}, part,
                    problems);
    } else if (type == u"input_image") {
        checkObject(
            name,
            {{u"type"_s, required(text())},
             {u"detail"_s, required(choice({u"low"_s, u"high"_s, u"auto"_s, u"original"_s}))},
             {u"file_id"_s, text()},
             {u"image_url"_s, text()}},
            part, problems);
        const QString url = part.value(u"image_url"_s).toString();
        if (!part.contains(u"file_id"_s) && url.isEmpty())
            problems->append(u"%1 needs image_url or file_id"_s.arg(name));
        if (url.startsWith(u"data:"_s)) {
            const qsizetype comma = url.indexOf(u',');
            const QString head = url.left(comma);
            if (comma < 0 || !head.startsWith(u"data:image/"_s) || !head.endsWith(u";base64"_s))
                problems->append(u"%1.image_url is not a base64 image data URL"_s.arg(name));
            else if (QByteArray::fromBase64Encoding(url.mid(comma + 1).toLatin1(),
                                                    QByteArray::AbortOnBase64DecodingErrors)
                         .decodingStatus
                     != QByteArray::Base64DecodingStatus::Ok)
                problems->append(u"%1.image_url's data is not base64"_s.arg(name));
        }
    } else {
        problems->append(u"%1.type '%2' is not input_text or input_image"_s.arg(name, type));
    }
}

} // namespace

QStringList OpenApiValidator::validateResponses(const QJsonObject &body)
{
    QStringList problems;
    // The members of ResponseCreateParamsBase a client like Atelier may send.
    static const Schema schema = {
        {u"model"_s, text()},
        {u"previous_response_id"_s, text()},
        {u"stream"_s, boolean()},
        {u"store"_s, boolean()},
        {u"instructions"_s, text()},
        {u"max_output_tokens"_s, integer(1)},
        {u"parallel_tool_calls"_s, boolean()},
        {u"safety_identifier"_s, text()},
        {u"prompt_cache_key"_s, text()},
        {u"truncation"_s, choice({u"auto"_s, u"disabled"_s})},
        {u"user"_s, notNull(text())},
    };
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        const QString key = it.key();
        if (key == u"input") {
            if (it.value().isString())
                continue;
            if (!it.value().isArray()) {
                problems.append(u"input must be a string or an array of input items"_s);
                continue;
            }
            const QJsonArray items = it.value().toArray();
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString name = u"input[%1]"_s.arg(i);
                const QJsonObject item = items.at(i).toObject();
                checkObject(
                    name,
                    {{u"role"_s,
                      required(choice({u"user"_s, u"assistant"_s, u"system"_s, u"developer"_s}))},
                     {u"type"_s, notNull(choice({u"message"_s}))},
                     {u"content"_s, required(text())}},
                    QJsonObject {{u"role"_s, item.value(u"role"_s)},
                                 {u"type"_s,
                                  item.contains(u"type"_s) ? item.value(u"type"_s)
                                                           : QJsonValue(u"message"_s)},
                                 {u"content"_s, u"-"_s}},
                    &problems);
                for (auto member = item.constBegin(); member != item.constEnd(); ++member) {
                    if (member.key() != u"role" && member.key() != u"type"
                        && member.key() != u"content")
                        problems.append(u"unknown field '%1.%2'"_s.arg(name, member.key()));
                }
                const QJsonValue content = item.value(u"content"_s);
                if (content.isString())
                    continue;
                if (!content.isArray()) {
                    problems.append(u"%1.content must be a string or a list of parts"_s.arg(name));
                    continue;
                }
                const QJsonArray parts = content.toArray();
                for (qsizetype p = 0; p < parts.size(); ++p)
                    checkContentPart(u"%1.content[%2]"_s.arg(name).arg(p), parts.at(p), &problems);
            }
        } else if (key == u"tools") {
            const QJsonArray tools = it.value().toArray();
            if (!it.value().isArray())
                problems.append(u"tools must be an array"_s);
            for (qsizetype i = 0; i < tools.size(); ++i) {
                const QJsonObject tool = tools.at(i).toObject();
                if (tool.value(u"type"_s).toString() != u"image_generation") {
                    problems.append(u"tools[%1]: only the image_generation tool is expected, not "
                                    "'%2'"_s.arg(i)
                                        .arg(tool.value(u"type"_s).toString()));
                    continue;
                }
                checkObject(u"tools[%1]"_s.arg(i), imageGenerationToolSchema(), tool, &problems);
            }
        } else if (key == u"tool_choice") {
            const QJsonValue choiceValue = it.value();
            if (choiceValue.isString()) {
                if (!QStringList {u"none"_s, u"auto"_s, u"required"_s}.contains(
                        choiceValue.toString()))
                    problems.append(u"tool_choice '%1' is not none, auto or required"_s.arg(
                        choiceValue.toString()));
            } else {
                checkObject(u"tool_choice"_s, {{u"type"_s, required(text())}},
                            choiceValue.toObject(), &problems);
            }
        } else if (const auto property = schema.constFind(key); property != schema.cend()) {
            checkValue(key, property.value(), it.value(), &problems);
        } else {
            problems.append(u"unknown field '%1'"_s.arg(key));
        }
    }
    return problems;
}

} // namespace AtelierTest
