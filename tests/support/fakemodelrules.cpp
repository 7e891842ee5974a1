#include "fakemodelrules.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace AtelierTest {

namespace {

enum class Family { Older, Two, TwoFive, TwoSix };

Family familyOf(const QString &model)
{
    if (model.startsWith(u"gpt-image-2.6-"))
        return Family::TwoSix;
    if (model.startsWith(u"gpt-image-2.5-"))
        return Family::TwoFive;
    if (model == u"gpt-image-2" || model.startsWith(u"gpt-image-2-"))
        return Family::Two;
    return Family::Older;
}

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::String:
        return value.toString();
    default:
        return {};
    }
}

void flatten(const QString &name, const QJsonValue &value, QHash<QString, QString> *fields)
{
    if (value.isNull() || value.isUndefined())
        return; // the API reads null as "omitted"
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            flatten(name + u'[' + it.key() + u']', it.value(), fields);
        if (object.isEmpty())
            fields->insert(name, QString());
        return;
    }
    fields->insert(name, jsonText(value));
}

} // namespace

FakeModelRules::Request FakeModelRules::Request::fromJson(const QJsonObject &body)
{
    Request request;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it)
        flatten(it.key(), it.value(), &request.fields);
    return request;
}

FakeModelRules::Request FakeModelRules::Request::fromParts(const QList<ReceivedPart> &parts)
{
    Request request;
    request.edit = true;
    for (const ReceivedPart &part : parts) {
        if (part.isFile())
            request.files.append(part.name);
        else
            request.fields.insert(part.name, QString::fromUtf8(part.data));
    }
    return request;
}

QList<ServedModel> FakeModelRules::openAiModels()
{
    const QDate december(2026, 12, 1);
    return {
        {u"gpt-image-2.6-flare"_s, {}},
        {u"gpt-image-2.6-sunburst"_s, {}},
        {u"gpt-image-2.5-flare"_s, {}},
        {u"gpt-image-2.5-flare-2026-09-08"_s, {}},
        {u"gpt-image-2.5-sunburst"_s, {}},
        {u"gpt-image-2.5-sunburst-2026-09-08"_s, {}},
        {u"gpt-image-2"_s, {}},
        {u"gpt-image-2-2026-04-21"_s, {}},
        {u"gpt-image-1.5"_s, december},
        {u"gpt-image-1.5-2025-12-16"_s, december},
        {u"gpt-image-1-mini"_s, december},
        {u"chatgpt-image-latest"_s, december},
        {u"gpt-image-1"_s, QDate(2026, 10, 23)},
        {u"dall-e-2"_s, QDate(2026, 5, 12)},
        {u"dall-e-3"_s, QDate(2026, 5, 12)},
        {u"gpt-4o"_s, {}},
    };
}

QStringList FakeModelRules::violations(const Request &request)
{
    QStringList problems;
    const QString model = request.value(u"model"_s);
    const Family family = familyOf(model);
    const QString format = request.value(u"output_format"_s);
    const bool streams = request.value(u"stream"_s) == u"true";

    const QString quality = request.value(u"quality"_s);
    if ((quality == u"xhigh" || quality == u"max") && family != Family::TwoFive)
        problems.append(u"quality '%1' is only supported by the gpt-image-2.5 models, not %2"_s.arg(
            quality, model));
    if (request.has(u"complexity"_s) && family != Family::TwoSix)
        problems.append(
            u"complexity is only supported by the gpt-image-2.6 models, not %1"_s.arg(model));
    if ((format == u"gif" || format == u"svg") && family != Family::TwoSix)
        problems.append(
            u"output_format '%1' is only supported by the gpt-image-2.6 models, not %2"_s.arg(
                format, model));
    // The SDK says markup "supports GPT Image 2.5"; the model table gives it to 2.6 as well.
    if (request.has(u"markup"_s) && family != Family::TwoFive && family != Family::TwoSix)
        problems.append(
            u"markup is only supported by the gpt-image-2.5 and 2.6 models, not %1"_s.arg(model));
    if (request.has(u"markup"_s) && request.has(u"mask"_s))
        problems.append(u"markup cannot be combined with mask"_s);
    if (request.has(u"input_fidelity"_s) && family != Family::Older)
        problems.append(u"input_fidelity is not supported by %1; omit it"_s.arg(model));

    for (const QString &frameOption : {u"frame_count"_s, u"frame_duration_ms"_s}) {
        if (request.has(frameOption) && format != u"gif")
            problems.append(u"%1 is only supported with output_format=gif"_s.arg(frameOption));
    }
    // What GIF and SVG output cannot do: streaming, and the fields named (with their words).
    const auto refuse
        = [&](const QString &output, const QList<std::pair<QString, QString>> &fields) {
              if (streams)
                  problems.append(u"%1 output does not support streaming"_s.arg(output));
              for (const auto &[field, words] : fields) {
                  if (request.has(field))
                      problems.append(u"%1 output does not support %2"_s.arg(output, words));
              }
          };
    if (format == u"gif") {
        refuse(u"GIF"_s,
               {{u"partial_images"_s, u"partial_images"_s},
                {u"mask"_s, u"a mask"_s},
                {u"output_compression"_s, u"output_compression"_s}});
    }
    const bool svgObject
        = std::any_of(request.fields.keyBegin(), request.fields.keyEnd(), [](const QString &name) {
              return name == u"svg" || name.startsWith(u"svg[");
          });
    if (svgObject && format != u"svg")
        problems.append(u"svg requires output_format=svg"_s);
    if (format == u"svg") {
        if (request.has(u"n"_s) && request.value(u"n"_s) != u"1")
            problems.append(u"SVG output requires n=1"_s);
        refuse(u"SVG"_s,
               {{u"partial_images"_s, u"partial_images"_s},
                {u"output_compression"_s, u"output_compression"_s}});
    }
    return problems;
}

} // namespace AtelierTest
