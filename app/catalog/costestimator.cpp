#include "costestimator.h"

#include "catalog.h"
#include "imaging/imagefileinfo.h"
#include "model/imagerequest.h"
#include "model/imageresult.h"
#include "model/parameters.h"

#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Atelier {

qint64 CostEstimator::textTokens(const QString &prompt)
{
    return (prompt.size() + 3) / 4;
}

qint64 CostEstimator::imageInputTokens(const QSize &size)
{
    if (size.isEmpty())
        return 0;
    double width = size.width();
    double height = size.height();
    const double fit = std::min(1.0, 2048.0 / std::max(width, height));
    width *= fit;
    height *= fit;
    const double shortSide = std::min(width, height);
    if (shortSide > 768) {
        width *= 768 / shortSide;
        height *= 768 / shortSide;
    }
    const qint64 tiles = qint64(std::ceil(width / 512)) * qint64(std::ceil(height / 512));
    return 65 + 129 * tiles;
}

qint64 CostEstimator::formulaOutputTokens(const CostRules &cost, const QString &quality,
                                          const QSize &size)
{
    const int factor = cost.formulaQualityFactors.value(quality, -1);
    if (factor < 0 || size.isEmpty())
        return -1;
    const qint64 longEdge = std::max(size.width(), size.height());
    const qint64 shortEdge = std::min(size.width(), size.height());
    const qint64 shortFactor = (2 * factor * shortEdge + longEdge) / (2 * longEdge);
    const qint64 area = qint64(size.width()) * size.height();
    return (factor * shortFactor * (cost.formulaAreaOffset + area) + cost.formulaAreaScale - 1)
        / cost.formulaAreaScale;
}

CostEstimate CostEstimator::estimate(const ImageRequest &request) const
{
    CostEstimate estimate;
    const QString model = Catalog::effectiveModel(request);
    const ModelSpec spec = m_catalog.spec(model);
    const CostRules &cost = spec.cost;
    const EndpointRules *rules = spec.rulesFor(request.endpoint);

    auto effective = [&](const QString &name) {
        if (request.hasOption(name))
            return request.option(name);
        const ParameterRule *rule = rules ? rules->rule(name) : nullptr;
        return rule ? rule->defaultValue : QJsonValue();
    };
    estimate.images = std::max(1, effective(Param::N).toInt(1));
    QString quality = effective(Param::Quality).toString();
    QString size = effective(Param::Size).toString();
    estimate.pricesVerified = cost.pricesVerified;
    if (!cost.pricesVerified)
        estimate.assumptions.append(tr("the prices for %1 are not confirmed; check them in the "
                                       "catalog")
                                        .arg(model));

    if (cost.isPerImage()) {
        if (quality.isEmpty())
            quality = cost.perImage.firstKey();
        const double price = cost.perImage.value(quality).value(size, -1.0);
        if (price < 0)
            return estimate;
        estimate.available = true;
        estimate.cost = price * estimate.images;
        return estimate;
    }
    if (!cost.isTokenBased())
        return estimate;

    const bool formula = cost.hasTokenFormula();
    const bool qualityKnown = formula ? cost.formulaQualityFactors.contains(quality)
                                      : cost.tokenTable.contains(quality);
    if (quality.isEmpty() || quality == u"auto" || !qualityKnown) {
        if (!quality.isEmpty() && quality != u"auto")
            estimate.assumptions.append(tr("quality %1 counted as %2, so it costs at least this "
                                           "much (no figures are published for it)")
                                            .arg(quality, cost.autoQualityAs));
        else
            estimate.assumptions.append(
                tr("quality %1 counted as %2")
                    .arg(quality.isEmpty() ? u"auto"_s : quality, cost.autoQualityAs));
        quality = cost.autoQualityAs;
    }
    if (size.isEmpty() || size == u"auto") {
        estimate.assumptions.append(tr("size auto counted as %1").arg(cost.autoSizeAs));
        size = cost.autoSizeAs;
    }
    const QMap<QString, int> &sizes = cost.tokenTable.value(quality);
    qint64 perImage = formula ? -1 : sizes.value(size, -1);
    if (formula) {
        static const QRegularExpression pattern(u"^(\\d+)x(\\d+)$"_s);
        const QRegularExpressionMatch match = pattern.match(size);
        if (!match.hasMatch())
            return estimate;
        perImage = formulaOutputTokens(cost, quality,
                                       QSize(match.captured(1).toInt(), match.captured(2).toInt()));
        if (perImage < 0)
            return estimate;
        estimate.tokensEstimated = true;
        estimate.assumptions.append(tr("output tokens estimated: OpenAI publishes no token table "
                                       "for %1, the answer's usage is what is billed")
                                        .arg(model));
    } else if (perImage < 0) {
        // A free size: scale the square entry by area.
        static const QRegularExpression pattern(u"^(\\d+)x(\\d+)$"_s);
        const QRegularExpressionMatch match = pattern.match(size);
        const int square = sizes.value(u"1024x1024"_s, -1);
        if (!match.hasMatch() || square < 0)
            return estimate;
        const double area = match.captured(1).toDouble() * match.captured(2).toDouble();
        perImage = qint64(std::llround(square * area / (1024.0 * 1024.0)));
        estimate.assumptions.append(tr("tokens for %1 scaled by area from 1024x1024").arg(size));
    }
    estimate.available = true;
    if (effective(Param::OutputFormat).toString() == u"svg")
        estimate.assumptions.append(
            tr("the SVG author's tokens (svg_usage) are billed as that text model and are "
               "not in this estimate"));
    estimate.outputTokens = perImage * estimate.images;
    estimate.inputTextTokens = textTokens(request.prompt);
    for (const QString &path : request.images)
        estimate.inputImageTokens += imageInputTokens(ImageFileInfo::inspect(path).size);
    estimate.cost = (estimate.inputTextTokens * cost.textInputPerMillion
                     + estimate.inputImageTokens * cost.imageInputPerMillion
                     + estimate.outputTokens * cost.imageOutputPerMillion)
        / 1e6;
    return estimate;
}

double CostEstimator::costOfUsage(const CostRules &cost, const Usage &usage)
{
    if (!cost.isTokenBased() || !usage.isValid())
        return -1;
    auto known = [](qint64 tokens) {
        return tokens < 0 ? 0 : tokens;
    };
    const qint64 inputImage = known(usage.inputImageTokens);
    const qint64 inputText = usage.inputTextTokens >= 0
        ? usage.inputTextTokens
        : std::max<qint64>(0, known(usage.inputTokens) - inputImage);
    // Output tokens of an image tool call are image tokens unless the answer says otherwise.
    const qint64 outputImage
        = usage.outputImageTokens >= 0 ? usage.outputImageTokens : known(usage.outputTokens);
    // (Text output tokens have no price in the catalog; image models report few or none.)
    return (double(inputText) * cost.textInputPerMillion
            + double(inputImage) * cost.imageInputPerMillion
            + double(outputImage) * cost.imageOutputPerMillion)
        / 1e6;
}

} // namespace Atelier
