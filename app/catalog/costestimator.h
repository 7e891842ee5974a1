#pragma once

#include "costestimate.h"

#include <QCoreApplication>

namespace Atelier {

class Catalog;
struct ImageRequest;

// Estimates tokens and cost of a request from the catalog's token table and prices. GPT image
// models are billed by tokens (the guide's table, scaled by area for free sizes); DALL·E by image.
class CostEstimator final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::CostEstimator)

public:
    explicit CostEstimator(const Catalog &catalog)
        : m_catalog(catalog)
    { }

    CostEstimate estimate(const ImageRequest &request) const;

    // Approximate tokens for a prompt (about four characters a token).
    static qint64 textTokens(const QString &prompt);
    // Approximate tokens for one input image of `size` (512-pixel tiles after fitting it in
    // 2048x2048 with the short side at most 768, as the vision guide describes).
    static qint64 imageInputTokens(const QSize &size);
    // Output tokens of one image by the unofficial gpt-image-2 formula; -1 when `quality` has no
    // factor.
    static qint64 formulaOutputTokens(const struct CostRules &cost, const QString &quality,
                                      const QSize &size);

    // What a reported usage cost at the model's token prices: text and image input (image
    // tokens not split out count as text), image output. -1 when the model is not billed by
    // tokens or the usage says nothing.
    static double costOfUsage(const struct CostRules &cost, const struct Usage &usage);

private:
    const Catalog &m_catalog;
};

} // namespace Atelier
