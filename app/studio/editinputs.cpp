#include "editinputs.h"

#include "imaging/imagefileinfo.h"
#include "library/contentfiles.h"
#include "model/parameters.h"

#include <QFileInfo>
#include <QImageReader>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

Result<QImage> readImage(const QString &path)
{
    if (QFileInfo(path).isDir())
        return failure(EditInputs::tr("%1 is a folder, not an image file; choose a file in it.")
                           .arg(QFileInfo(path).fileName()));
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull())
        return failure(EditInputs::tr("%1 cannot be read: %2.")
                           .arg(QFileInfo(path).fileName(), reader.errorString()));
    return image;
}

QImage centreSquare(const QImage &image)
{
    const int edge = std::min(image.width(), image.height());
    return image.copy((image.width() - edge) / 2, (image.height() - edge) / 2, edge, edge);
}

// Scales down in steps of about 15% until the PNG is under `maxBytes`.
QByteArray downscaleUnder(QImage &image, qint64 maxBytes)
{
    QByteArray bytes = ContentFiles::png(image);
    while (bytes.size() >= maxBytes && image.width() > 16 && image.height() > 16) {
        image = image.scaled(image.size() * 0.85, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        bytes = ContentFiles::png(image);
    }
    return bytes;
}

bool has(const QList<InputFix> &fixes, InputFix::Action action, int index)
{
    return std::any_of(fixes.cbegin(), fixes.cend(), [&](const InputFix &fix) {
        return fix.action == action && fix.index == index;
    });
}

} // namespace

QList<InputFix> EditInputs::proposeFixes(const ImageRequest &request) const
{
    QList<InputFix> fixes;
    const QString model = Catalog::effectiveModel(request);
    const ModelSpec spec = m_catalog.spec(model);
    const EndpointRules *rules = spec.rulesFor(request.endpoint);
    if (!rules)
        return fixes;
    const ParameterRule *imageRule = rules->rule(Param::Image);
    for (int i = 0; imageRule && i < request.images.size(); ++i) {
        const ImageFileInfo info = ImageFileInfo::inspect(request.images.at(i));
        if (!info.readable)
            continue; // nothing to fix; the validator says why it cannot be used
        const QString name = QFileInfo(info.path).fileName();
        QSize size = info.size;
        const bool convert = !imageRule->formats.isEmpty()
            && !imageRule->formats.contains(info.format) && imageRule->formats.contains(u"png"_s);
        if (convert) {
            fixes.append({InputFix::Action::ConvertToPng, i, false,
                          tr("%1 is %2, which %3 does not take: a PNG copy is sent instead (the "
                             "same pixels).")
                              .arg(name, info.format.toUpper(), model)});
        }
        if (imageRule->square && size.width() != size.height()) {
            const int edge = std::min(size.width(), size.height());
            fixes.append(
                {InputFix::Action::CropSquare, i, true,
                 tr("%1 is %2x%3, but %4 needs a square image: crop it to the centre %5x%5?")
                     .arg(name)
                     .arg(size.width())
                     .arg(size.height())
                     .arg(model)
                     .arg(edge)});
            size = QSize(edge, edge);
        }
        if (imageRule->maxBytes > 0) {
            // The size that will be sent: the file as it is, or the PNG it becomes.
            qint64 bytes = info.bytes;
            if (convert || size != info.size) {
                QImage image = readImage(info.path).valueOr(QImage()); // unreadable: null
                if (size != info.size)
                    image = centreSquare(image);
                bytes = ContentFiles::png(image).size();
            }
            if (bytes >= imageRule->maxBytes) {
                fixes.append(
                    {InputFix::Action::Downscale, i, true,
                     tr("%1 would be %2, but %3 takes files under %4: scale it down until it fits?")
                         .arg(name, formatBytes(bytes), model, formatBytes(imageRule->maxBytes))});
            }
        }
    }

    const ParameterRule *maskRule = rules->rule(Param::Mask);
    if (maskRule && !request.mask.isEmpty()) {
        const ImageFileInfo mask = ImageFileInfo::inspect(request.mask, /*checkAlpha=*/true);
        if (mask.readable) {
            const QString name = QFileInfo(mask.path).fileName();
            if (!mask.hasAlpha) {
                fixes.append({InputFix::Action::MaskFromGray, -1, true,
                              tr("The mask %1 has no transparency: read it as black and white, "
                                 "black marking "
                                 "where the image may change (as OpenAI's guide converts one)?")
                                  .arg(name)});
            } else if (!maskRule->formats.isEmpty() && !maskRule->formats.contains(mask.format)) {
                fixes.append({InputFix::Action::ConvertToPng, -1, false,
                              tr("The mask %1 is %2: a PNG copy is sent instead (the same pixels).")
                                  .arg(name, mask.format.toUpper())});
            }
            // A mask that fitted the first image is cropped and scaled with it, without asking.
            const ImageFileInfo first = request.images.isEmpty()
                ? ImageFileInfo()
                : ImageFileInfo::inspect(request.images.first());
            if (first.readable && mask.size != first.size) {
                fixes.append(
                    {InputFix::Action::ResizeMask, -1, true,
                     tr("The mask is %1x%2 but the first image is %3x%4: scale the mask to fit?")
                         .arg(mask.size.width())
                         .arg(mask.size.height())
                         .arg(first.size.width())
                         .arg(first.size.height())});
            }
        }
    }
    return fixes;
}

Result<FixedInputs> EditInputs::apply(const ImageRequest &request, const QList<InputFix> &fixes,
                                      const QString &folder) const
{
    ImageRequest fixed = request;
    QStringList done;
    const QString model = Catalog::effectiveModel(request);
    const EndpointRules *rules = m_catalog.spec(model).rulesFor(request.endpoint);
    const ParameterRule *imageRule = rules ? rules->rule(Param::Image) : nullptr;
    const ParameterRule *maskRule = rules ? rules->rule(Param::Mask) : nullptr;

    // The first image's size before and after its fixes: a mask that fitted it follows it.
    const QSize originalFirst
        = request.images.isEmpty() ? QSize() : ImageFileInfo::inspect(request.images.first()).size;
    QSize finalFirst = originalFirst;
    bool firstCropped = false;
    for (int i = 0; i < request.images.size(); ++i) {
        const bool convert = has(fixes, InputFix::Action::ConvertToPng, i);
        const bool crop = has(fixes, InputFix::Action::CropSquare, i);
        const bool downscale = has(fixes, InputFix::Action::Downscale, i);
        if (!convert && !crop && !downscale)
            continue;
        Result<QImage> read = readImage(request.images.at(i));
        if (!read)
            return read.failure();
        QImage image = std::move(read).value();
        const QString name = QFileInfo(request.images.at(i)).fileName();
        if (crop) {
            image = centreSquare(image);
            done.append(tr("Cropped %1 to its centre %2x%2.").arg(name).arg(image.width()));
            firstCropped = firstCropped || i == 0;
        }
        QByteArray bytes;
        if (downscale && imageRule && imageRule->maxBytes > 0) {
            const QSize before = image.size();
            bytes = downscaleUnder(image, imageRule->maxBytes);
            done.append(tr("Scaled %1 from %2x%3 to %4x%5 to fit under %6.")
                            .arg(name)
                            .arg(before.width())
                            .arg(before.height())
                            .arg(image.width())
                            .arg(image.height())
                            .arg(formatBytes(imageRule->maxBytes)));
        } else {
            bytes = ContentFiles::png(image);
        }
        if (convert)
            done.append(tr("Sent %1 as PNG.").arg(name));
        const Result<QString> path = ContentFiles::store(folder, bytes, u"png"_s);
        if (!path)
            return path.failure();
        fixed.images[i] = *path;
        if (i == 0)
            finalFirst = image.size();
    }

    if (!request.mask.isEmpty() && maskRule) {
        const bool fromGray = has(fixes, InputFix::Action::MaskFromGray, -1);
        const bool convert = has(fixes, InputFix::Action::ConvertToPng, -1);
        const bool resize = has(fixes, InputFix::Action::ResizeMask, -1);
        Result<QImage> read = readImage(request.mask);
        if (!read)
            return read.failure();
        QImage mask = std::move(read).value();
        bool changed = fromGray || convert;
        if (fromGray) {
            const QImage gray = mask.convertToFormat(QImage::Format_Grayscale8);
            mask = QImage(gray.size(), QImage::Format_ARGB32);
            for (int y = 0; y < gray.height(); ++y) {
                const uchar *in = gray.constScanLine(y);
                auto *out = reinterpret_cast<QRgb *>(mask.scanLine(y));
                for (int x = 0; x < gray.width(); ++x)
                    out[x] = qRgba(in[x], in[x], in[x], in[x]);
            }
            done.append(
                tr("Read the mask as black and white: black is where the image may change."));
        }
        // The mask follows what was done to the first image when it fitted it before.
        if (finalFirst.isValid() && mask.size() == originalFirst && finalFirst != mask.size()) {
            if (firstCropped)
                mask = centreSquare(mask);
            mask = mask.scaled(finalFirst, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            done.append(tr("Cropped and scaled the mask with the first image."));
            changed = true;
        } else if (resize && finalFirst.isValid() && mask.size() != finalFirst) {
            const QSize before = mask.size();
            mask = mask.scaled(finalFirst, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            done.append(tr("Scaled the mask from %1x%2 to the first image's %3x%4.")
                            .arg(before.width())
                            .arg(before.height())
                            .arg(mask.width())
                            .arg(mask.height()));
            changed = true;
        }
        if (changed) {
            if (convert)
                done.append(tr("Sent the mask as PNG."));
            const Result<QString> path = ContentFiles::store(
                folder, ContentFiles::png(mask.convertToFormat(QImage::Format_ARGB32)), u"png"_s);
            if (!path)
                return path.failure();
            fixed.mask = *path;
        }
    }
    return FixedInputs {fixed, done};
}

} // namespace Atelier
