#include "maskcompositor.h"

#include "maskfilters.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace Atelier {

CompositeResult MaskCompositor::keepOutsideMask(const QImage &original, const QImage &mask,
                                                const QImage &output, int seam)
{
    CompositeResult result;
    if (original.isNull() || mask.isNull() || output.isNull()) {
        result.error = tr("The original, the mask and the result are all needed to keep the pixels "
                          "outside the mask.");
        return result;
    }
    const double originalAspect = double(original.width()) / original.height();
    const double outputAspect = double(output.width()) / output.height();
    if (std::abs(originalAspect - outputAspect) > 0.01) {
        result.error
            = tr("The result is %1x%2 but the original is %3x%4, another shape, so the pixels "
                 "outside the "
                 "mask cannot be matched; ask for a size of the original's shape to keep them.")
                  .arg(output.width())
                  .arg(output.height())
                  .arg(original.width())
                  .arg(original.height());
        return result;
    }
    const QSize size = output.size();
    const QImage base = (original.size() == size ? original
                                                 : original.scaled(size, Qt::IgnoreAspectRatio,
                                                                   Qt::SmoothTransformation))
                            .convertToFormat(QImage::Format_ARGB32);
    const QImage edited = output.convertToFormat(QImage::Format_ARGB32);
    const QImage scaledMask
        = (mask.size() == size ? mask
                               : mask.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation))
              .convertToFormat(QImage::Format_ARGB32);

    // Coverage: 255 where the model may change the image.
    QImage coverage(size, QImage::Format_Alpha8);
    for (int y = 0; y < size.height(); ++y) {
        const auto *in = reinterpret_cast<const QRgb *>(scaledMask.constScanLine(y));
        uchar *out = coverage.scanLine(y);
        for (int x = 0; x < size.width(); ++x)
            out[x] = uchar(255 - qAlpha(in[x]));
    }
    // The seam lies just outside the painted area: grown by half the seam, then softened, so
    // what the user painted keeps the model's pixels in full.
    QImage blend = coverage.copy();
    if (seam > 0) {
        growCoverage(blend, std::max(1, seam / 2));
        blurCoverage(blend, seam);
        for (int y = 0; y < size.height(); ++y) {
            const uchar *painted = coverage.constScanLine(y);
            uchar *row = blend.scanLine(y);
            for (int x = 0; x < size.width(); ++x)
                row[x] = std::max(row[x], painted[x]);
        }
    }

    result.image = QImage(size, QImage::Format_ARGB32);
    result.heatMap = QImage(size, QImage::Format_ARGB32);
    qint64 outside = 0;
    qint64 changed = 0;
    for (int y = 0; y < size.height(); ++y) {
        const auto *from = reinterpret_cast<const QRgb *>(base.constScanLine(y));
        const auto *model = reinterpret_cast<const QRgb *>(edited.constScanLine(y));
        const uchar *weight = blend.constScanLine(y);
        const uchar *painted = coverage.constScanLine(y);
        auto *out = reinterpret_cast<QRgb *>(result.image.scanLine(y));
        auto *heat = reinterpret_cast<QRgb *>(result.heatMap.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const int w = weight[x];
            const auto mix = [w](int a, int b) {
                return (b * w + a * (255 - w) + 127) / 255;
            };
            out[x] = qRgba(
                mix(qRed(from[x]), qRed(model[x])), mix(qGreen(from[x]), qGreen(model[x])),
                mix(qBlue(from[x]), qBlue(model[x])), mix(qAlpha(from[x]), qAlpha(model[x])));
            if (painted[x] != 0) {
                heat[x] = qRgba(40, 90, 200, 90);
                continue;
            }
            ++outside;
            const int difference = std::max({std::abs(qRed(from[x]) - qRed(model[x])),
                                             std::abs(qGreen(from[x]) - qGreen(model[x])),
                                             std::abs(qBlue(from[x]) - qBlue(model[x])),
                                             std::abs(qAlpha(from[x]) - qAlpha(model[x]))});
            if (difference > ChangeThreshold) {
                ++changed;
                const int level = std::min(255, 64 + difference * 2);
                heat[x] = qRgba(255, 0, 0, level);
            } else {
                heat[x] = qRgba(0, 0, 0, 0);
            }
        }
    }
    result.changedOutsideMask = outside > 0 ? double(changed) / double(outside) : 0.0;
    return result;
}

} // namespace Atelier
