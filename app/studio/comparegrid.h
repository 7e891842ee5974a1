#pragma once

#include "model/imagerequest.h"
#include "model/violation.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace Atelier {

class Catalog;

// One prompt across several models and qualities: the requests of a compare grid, one per cell,
// and why cells that cannot exist are left out (dall-e-3 has no "low" quality, say). A base
// that is an edit (Edits, with its images) makes every cell the same edit: its images, mask and
// markup go to each model, its Size following the first image where the model needs that, and
// a model that cannot edit, or not with these inputs, is left out saying which rule says no.
struct CompareGridPlan
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::CompareGridPlan)

public:
    struct Cell
    {
        int row = 0; // model
        int column = 0; // quality
        ImageRequest request;
    };
    QStringList models;
    QStringList qualities;
    QList<Cell> cells;
    QStringList skipped; // one sentence per cell left out
    bool edits = false; // the cells are edits of the base's images

    // Whether `base` makes a grid of edits (else of generations).
    static bool editsFrom(const ImageRequest &base);
    // The models a grid of `base` offers: every model that generates, and for edits also every
    // model that edits (those that cannot are left out of the plan, saying why).
    static QStringList modelsFor(const Catalog &catalog, const ImageRequest &base);
    // The quality values those models take on the grid's endpoint, each once.
    static QStringList qualitiesFor(const Catalog &catalog, const ImageRequest &base);

    static CompareGridPlan make(const Catalog &catalog, const ImageRequest &base,
                                const QStringList &models, const QStringList &qualities,
                                const ValidationContext &context = ValidationContext(),
                                bool keepOutsideMask = true);
};

} // namespace Atelier
