#pragma once

#include "libraryimage.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Atelier {

// One line of a side-by-side comparison of two images' recipes.
struct RecipeDifference
{
    QString label;
    QString left;
    QString right;
    bool differs = false;
};

// What two images were made with, parameter by parameter, for the compare view.
class RecipeDiff final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::RecipeDiff)

public:
    static QList<RecipeDifference> compare(const LibraryImage &left, const LibraryImage &right);
};

} // namespace Atelier
