#pragma once

#include "catalog/costestimate.h"
#include "model/imagerequest.h"
#include "model/violation.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace Atelier {

class Catalog;

// What Generate means, without widgets: the request as the user described it, turned into the
// requests that will be sent and everything to say about them first. The studio's compose panel
// shows it as the user types (errors, warnings, the estimate) and sends it; the CLI makes one for
// its request. Validation happens here, once.
//
// - A preset's {prompt} slot takes the prompt; wildcards {a|b} expand into one request each.
// - A safety identifier is added where the model takes one and the request sets none.
// - Several streamed images (n > 1 with stream) go out as n parallel one-image requests, so
//   that every image streams.
// - Violations are sorted: errors stop the plan, warnings are said, and errors about input
//   files Atelier can fix (size, format) are `fixable`: offered, not refused.
// - An edit whose Size has another shape than its first image is said before sending (EditFit):
//   fixable (Size follows the image) when the pixels outside the mask are to be kept or a mask
//   is set, a warning otherwise.
// - The cost is estimated for the whole plan, and checked against a budget.
class GenerationPlan final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::GenerationPlan)

public:
    struct Options
    {
        QString preset; // a template with a {prompt} slot; empty: none
        bool expandWildcards = true;
        ValidationContext context;
        QString safetyIdentifier;
        double budget = 0.0; // 0: none
        double committed = 0.0; // spent or on the way in this session, for the budget
        // The studio puts the original back outside the mask: an edit's Size must keep the
        // shape of its first image (see EditFit), as it must whenever a mask is set.
        bool keepOutsideMask = false;
    };

    static GenerationPlan make(const Catalog &catalog, const ImageRequest &asked,
                               const Options &options);
    // For requests already expanded (a retry, the compare grid, unfinished requests).
    static GenerationPlan forRequests(const Catalog &catalog, const QList<ImageRequest> &requests,
                                      const Options &options);

    // One per prompt after wildcards, as validated.
    QList<ImageRequest> requests;
    // What goes on the wire: `requests` with the streamed n > 1 ones split into one-image ones.
    QList<ImageRequest> sends;
    QList<Violation> errors;
    QList<Violation> warnings;
    QList<Violation> fixable;
    // No prompt where one is needed: its errors are in `errors`, but a panel need not shout
    // about an editor that is simply still empty.
    bool promptMissing = false;
    CostEstimate each; // of the first request
    double total = 0.0; // of all of them (0 when no price is known)

    // Nothing stands in the way (fixable inputs are fixed before sending).
    bool canSend() const { return !promptMissing && errors.isEmpty() && !requests.isEmpty(); }
    // The error to give when spending `cost` more would take the session past its budget
    // (options.budget, with options.committed spent or on the way); none when it would not.
    static std::optional<Violation> overBudget(double cost, const Options &options);

    // The messages of all errors, one per line.
    QString errorText() const;
    // Whether sending needs parallel one-image requests; how many requests go out.
    bool splitsStreams() const { return sends.size() > requests.size(); }
};

} // namespace Atelier
