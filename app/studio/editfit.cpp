#include "editfit.h"

#include "catalog/catalog.h"
#include "model/imagerequest.h"
#include "model/parameters.h"

#include <QImageReader>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

const QString Auto = u"auto"_s;

double aspectOf(QSize size)
{
    return double(size.width()) / size.height();
}

QString sizeText(QSize size)
{
    return u"%1x%2"_s.arg(size.width()).arg(size.height());
}

// The size the image shows at: its header's, turned as its orientation tag says (as the mask
// painter shows it).
QSize shownSize(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QSize size = reader.size();
    if (size.isValid() && (reader.transformation() & QImageIOHandler::TransformationRotate90))
        size.transpose();
    return size;
}

// Whether free sizes take `size` as it is, without an experimental warning.
bool freeAllows(const FreeSizeRule &free, QSize size)
{
    const double aspect = aspectOf(size);
    const qint64 pixels = qint64(size.width()) * size.height();
    return size.width() % free.multipleOf == 0 && size.height() % free.multipleOf == 0
        && (free.minAspect <= 0 || aspect >= free.minAspect - 1e-9)
        && (free.maxAspect <= 0 || aspect <= free.maxAspect + 1e-9)
        && (free.maxEdge <= 0 || std::max(size.width(), size.height()) <= free.maxEdge)
        && (free.maxPixels <= 0 || pixels <= free.maxPixels)
        && (free.experimentalAbovePixels <= 0 || pixels <= free.experimentalAbovePixels);
}

// The largest free size of the input's shape within the limits, in their multiples; invalid
// when there is none.
QSize freeScaled(const FreeSizeRule &free, QSize input)
{
    const double aspect = aspectOf(input);
    double scale = 1.0;
    if (free.maxEdge > 0)
        scale = std::min(scale, double(free.maxEdge) / std::max(input.width(), input.height()));
    qint64 pixels = free.maxPixels;
    if (free.experimentalAbovePixels > 0)
        pixels = pixels > 0 ? std::min(pixels, free.experimentalAbovePixels)
                            : free.experimentalAbovePixels;
    if (pixels > 0)
        scale
            = std::min(scale, std::sqrt(double(pixels) / (qint64(input.width()) * input.height())));
    const int step = free.multipleOf;
    for (int width = int(input.width() * scale) / step * step; width >= step; width -= step) {
        const int height = int(std::lround(width / aspect / step)) * step;
        const QSize candidate(width, height);
        if (height >= step && EditFit::sameShape(candidate, input) && freeAllows(free, candidate))
            return candidate;
    }
    return {};
}

} // namespace

bool EditFit::sameShape(QSize a, QSize b)
{
    return !a.isEmpty() && !b.isEmpty() && std::abs(aspectOf(a) - aspectOf(b)) <= ShapeTolerance;
}

QSize EditFit::parseSize(const QString &text)
{
    const QStringList parts = text.split(u'x');
    if (parts.size() != 2)
        return {};
    bool wide = false;
    bool high = false;
    const QSize size(parts[0].toInt(&wide), parts[1].toInt(&high));
    return wide && high && !size.isEmpty() ? size : QSize();
}

QString EditFit::fittingSize(const Catalog &catalog, const QString &model, Endpoint endpoint,
                             QSize input)
{
    const std::optional<ParameterRule> rule = catalog.allowed(model, endpoint, Param::Size);
    if (!rule || input.isEmpty())
        return {};
    const QString own = sizeText(input);
    if (rule->values.contains(own) || (rule->freeSize.enabled && freeAllows(rule->freeSize, input)))
        return own;
    if (rule->freeSize.enabled) {
        if (const QSize scaled = freeScaled(rule->freeSize, input); scaled.isValid())
            return sizeText(scaled);
    }
    // The offered size nearest in shape; among equal shapes the largest that is no larger than
    // the input (no upscaling), else the smallest.
    const double aspect = aspectOf(input);
    const qint64 area = qint64(input.width()) * input.height();
    QSize best;
    double bestDistance = 0.0;
    for (const QString &value : rule->values) {
        const QSize size = parseSize(value);
        if (!size.isValid())
            continue;
        const double distance = std::abs(std::log(aspectOf(size) / aspect));
        const qint64 sizeArea = qint64(size.width()) * size.height();
        const qint64 bestArea = qint64(best.width()) * best.height();
        bool better = !best.isValid() || distance < bestDistance - 1e-9;
        if (!better && std::abs(distance - bestDistance) <= 1e-9) {
            const bool fits = sizeArea <= area;
            const bool bestFits = bestArea <= area;
            better = fits != bestFits ? fits : (fits ? sizeArea > bestArea : sizeArea < bestArea);
        }
        if (better) {
            best = size;
            bestDistance = distance;
        }
    }
    if (!best.isValid())
        return rule->values.contains(Auto) ? Auto : QString();
    if (rule->defaultValue.toString() == Auto && rule->values.contains(Auto)
        && sameShape(best, input))
        return Auto;
    return sizeText(best);
}

QString EditFit::fittingSize(const Catalog &catalog, const ImageRequest &request)
{
    if (request.endpoint != Endpoint::Edits || request.images.isEmpty())
        return {};
    return fittingSize(catalog, Catalog::effectiveModel(request), request.endpoint,
                       shownSize(request.images.first()));
}

std::optional<EditFit::Mismatch> EditFit::check(const Catalog &catalog, const ImageRequest &request,
                                                bool keepOutsideMask)
{
    if (request.endpoint != Endpoint::Edits || request.images.isEmpty())
        return std::nullopt;
    const QSize asked = parseSize(request.option(Param::Size).toString());
    if (!asked.isValid())
        return std::nullopt; // unset, auto, or not a size at all (the validator says so)
    const QSize input = shownSize(request.images.first());
    if (!input.isValid() || sameShape(asked, input))
        return std::nullopt;
    const QString model = Catalog::effectiveModel(request);
    const QString fitting = fittingSize(catalog, model, request.endpoint, input);
    if (fitting.isEmpty())
        return std::nullopt;
    const QSize fits = parseSize(fitting);
    Mismatch mismatch;
    mismatch.violation.severity = Violation::Severity::Warning;
    mismatch.violation.parameter = Param::Size;
    const QString image = describe(sizeText(input));
    const QString size = describe(sizeText(asked));
    if (fitting != Auto && !sameShape(fits, input)) {
        // No size of the image's shape: nothing Atelier can put right but the image itself.
        mismatch.violation.message
            = tr("The image to edit is %1, a shape %2 does not offer: the result comes back at "
                 "%3 and the pixels outside the mask cannot be kept; crop the image to the shape "
                 "of %4 to keep them.")
                  .arg(image, model, size, describe(fitting));
        return mismatch;
    }
    const bool strict = keepOutsideMask || !request.mask.isEmpty();
    if (strict) {
        mismatch.violation.severity = Violation::Severity::Error;
        mismatch.fixable = true;
        mismatch.fitting = fitting;
        mismatch.violation.message
            = tr("The image to edit is %1 but Size is %2: the result would come back in another "
                 "shape and the pixels outside the mask could not be kept. Size follows the "
                 "image: %3.")
                  .arg(image, size, describe(fitting));
    } else {
        mismatch.violation.message
            = tr("The image to edit is %1 but Size is %2: the result will come back in another "
                 "shape. Choose %3 to keep the image's shape.")
                  .arg(image, size, describe(fitting));
    }
    return mismatch;
}

ImageRequest EditFit::fitted(const Catalog &catalog, const ImageRequest &request,
                             bool keepOutsideMask)
{
    const std::optional<Mismatch> mismatch = check(catalog, request, keepOutsideMask);
    if (!mismatch || !mismatch->fixable)
        return request;
    ImageRequest fixed = request;
    fixed.setOption(Param::Size, mismatch->fitting);
    return fixed;
}

QString EditFit::describe(const QString &size)
{
    if (size == Auto)
        return tr("Auto (the image's shape)");
    const QSize parsed = parseSize(size);
    return parsed.isValid() ? u"%1×%2"_s.arg(parsed.width()).arg(parsed.height()) : size;
}

} // namespace Atelier
