#pragma once

#include "model/imagerequest.h"
#include "model/violation.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace Atelier {

class Catalog;

// One prompt across several models and qualities: the requests of a compare grid, one per cell,
// and why cells that cannot exist are left out (dall-e-3 has no "low" quality, say).
struct CompareGridPlan
{
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

    static CompareGridPlan make(const Catalog &catalog, const ImageRequest &base,
                                const QStringList &models, const QStringList &qualities,
                                const ValidationContext &context = ValidationContext());
};

} // namespace Atelier
