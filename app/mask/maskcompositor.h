#pragma once

#include <QCoreApplication>
#include <QImage>
#include <QString>

namespace Atelier {

// "Keep pixels outside the mask": the model's edit is put back onto the original, so that only
// the area the user painted (plus a soft seam just outside it) can differ from the original.
struct CompositeResult
{
    QImage image; // the composite, at the model output's size
    // Where the model changed pixels outside the mask: red, brighter where the change is larger;
    // the masked area is tinted blue.
    QImage heatMap;
    double changedOutsideMask = 0.0; // share of the pixels outside the mask the model changed, 0..1
    QString error; // not empty: nothing could be composited, and why
    bool isValid() const { return error.isEmpty(); }
};

class MaskCompositor final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::MaskCompositor)

public:
    // A pixel counts as changed when a channel differs by more than this (of 255): lossy
    // encoding alone moves pixels by a few levels.
    static constexpr int ChangeThreshold = 24;

    // `mask` as the API takes it (alpha 0 where the model may change the image), the size of
    // `original`. The output may come back at another size of the same shape; original and mask
    // are scaled to it. `seam`: width in pixels of the soft transition outside the mask.
    static CompositeResult keepOutsideMask(const QImage &original, const QImage &mask,
                                           const QImage &output, int seam = 8);
};

} // namespace Atelier
