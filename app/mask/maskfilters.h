#pragma once

#include <QImage>

namespace Atelier {

// Filters on a coverage image (Format_Alpha8, 255 = covered), shared by the mask document's
// feather tool and the compositor's seam.

// Grows (grow > 0) or shrinks (grow < 0) the covered area by that many pixels, round at the
// corners (exact Euclidean distance); the result is hard-edged.
void growCoverage(QImage &coverage, int grow);
// Softens edges over about `blur` pixels.
void blurCoverage(QImage &coverage, int blur);

} // namespace Atelier
