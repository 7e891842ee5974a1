#pragma once

#include "model/imagerequest.h"

#include <QStringList>

namespace Atelier {

class Catalog;

// A recipe moved to another model (a shut-down model's replacement): what it becomes, and which
// of its options the other model does not take (left out, so that the request is valid). Said
// before the switch, never made silently.
struct ModelSwitch
{
    ImageRequest request;
    QStringList dropped; // API parameter names

    static ModelSwitch to(const Catalog &catalog, const ImageRequest &request,
                          const QString &model);
    // The replacement the catalog names for the request's model, when OpenAI shut it down on
    // `today`; empty otherwise.
    static QString replacementFor(const Catalog &catalog, const ImageRequest &request,
                                  const QDate &today);
};

} // namespace Atelier
