#pragma once

#include "model/endpoint.h"
#include "model/violation.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>

#include <optional>

namespace Atelier {

class Catalog;
struct ImageRequest;

// The Size an edit should ask for so that the result comes back in the shape of the image it
// edits: "keep pixels outside the mask" (MaskCompositor) needs the output to have the input's
// aspect ratio, and a result of another shape is not what an edit of a photo means.
class EditFit final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::EditFit)

public:
    // How far two aspect ratios (width / height) may lie apart and still count as one shape;
    // the mask compositor's own tolerance.
    static constexpr double ShapeTolerance = 0.01;

    static bool sameShape(QSize a, QSize b);
    // "1024x1536" -> 1024x1536; an invalid size for "auto" or anything not WIDTHxHEIGHT.
    static QSize parseSize(const QString &text);

    // The Size value that fits an input image of `input` pixels on `model`'s `endpoint`:
    // - the input's own size when the model offers it, or its free sizes allow it (within
    //   their limits and not experimental);
    // - for free sizes, else the input scaled down into their limits, in their multiples, when
    //   that keeps the shape;
    // - else the offered size with the nearest aspect ratio (ties: the largest area up to the
    //   input's, or the smallest above it); "auto" instead when the model's default is auto
    //   and that size has the input's shape.
    // Empty when the model takes no size there, or `input` is empty.
    static QString fittingSize(const Catalog &catalog, const QString &model, Endpoint endpoint,
                               QSize input);
    // The same for an edit's first input image (its size read from the file); empty for other
    // endpoints, without an image, or when the file cannot be read.
    static QString fittingSize(const Catalog &catalog, const ImageRequest &request);

    // What to say about an edit whose explicit Size has another shape than its first image:
    // nothing when the shapes agree (or Size is unset or auto). `fixable` is set when using
    // fittingSize() would put it right and the shape matters (`strict`: pixels outside the mask
    // are to be kept, or a mask is set); otherwise the violation is a warning.
    struct Mismatch
    {
        Violation violation;
        bool fixable = false;
        QString fitting; // the Size that fixes it (fixable only)
    };
    static std::optional<Mismatch> check(const Catalog &catalog, const ImageRequest &request,
                                         bool keepOutsideMask);

    // `request` with Size set to the fitting one where check() finds a fixable mismatch
    // (unchanged otherwise).
    static ImageRequest fitted(const Catalog &catalog, const ImageRequest &request,
                               bool keepOutsideMask);
    // "1024×1024", or "Auto (the image's shape)" for auto: a Size as messages name it.
    static QString describe(const QString &size);
};

} // namespace Atelier
