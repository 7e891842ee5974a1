#pragma once

#include <QString>
#include <QStringList>

namespace Atelier {

// What a request is expected to use and cost, before it is sent.
struct CostEstimate
{
    bool available = false; // false: the catalog has no prices for this model
    int images = 0;
    qint64 outputTokens = 0;
    qint64 inputTextTokens = 0;
    qint64 inputImageTokens = 0;
    double cost = 0.0; // US dollars
    bool pricesVerified = true;
    // The output tokens come from an unofficial formula (gpt-image-2 and later), not a
    // published table: say so wherever the figure is shown.
    bool tokensEstimated = false;
    QStringList assumptions; // e.g. "quality auto counted as high"
};

} // namespace Atelier
