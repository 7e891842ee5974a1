#include "imageresult.h"

using namespace Qt::StringLiterals;

namespace Atelier {

Usage Usage::fromJson(const QJsonObject &json)
{
    Usage usage;
    if (json.isEmpty())
        return usage;
    usage.inputTokens = json.value(u"input_tokens"_s).toInteger(-1);
    usage.outputTokens = json.value(u"output_tokens"_s).toInteger(-1);
    usage.totalTokens = json.value(u"total_tokens"_s).toInteger(-1);
    const QJsonObject input = json.value(u"input_tokens_details"_s).toObject();
    usage.inputTextTokens = input.value(u"text_tokens"_s).toInteger(-1);
    usage.inputImageTokens = input.value(u"image_tokens"_s).toInteger(-1);
    const QJsonObject output = json.value(u"output_tokens_details"_s).toObject();
    usage.outputImageTokens = output.value(u"image_tokens"_s).toInteger(-1);
    usage.outputTextTokens = output.value(u"text_tokens"_s).toInteger(-1);
    usage.svg = json.value(u"svg_usage"_s).toObject();
    return usage;
}

QJsonObject Usage::toJson() const
{
    QJsonObject json;
    auto put = [](QJsonObject &object, const QString &key, qint64 value) {
        if (value >= 0)
            object.insert(key, value);
    };
    put(json, u"input_tokens"_s, inputTokens);
    put(json, u"output_tokens"_s, outputTokens);
    put(json, u"total_tokens"_s, totalTokens);
    QJsonObject input;
    put(input, u"text_tokens"_s, inputTextTokens);
    put(input, u"image_tokens"_s, inputImageTokens);
    if (!input.isEmpty())
        json.insert(u"input_tokens_details"_s, input);
    QJsonObject output;
    put(output, u"image_tokens"_s, outputImageTokens);
    put(output, u"text_tokens"_s, outputTextTokens);
    if (!output.isEmpty())
        json.insert(u"output_tokens_details"_s, output);
    if (!svg.isEmpty())
        json.insert(u"svg_usage"_s, svg);
    return json;
}

} // namespace Atelier
