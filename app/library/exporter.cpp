#include "exporter.h"

#include "contentfiles.h"
#include "fileslug.h"
#include "imaging/imagefile.h"
#include "imaging/imagefileinfo.h"
#include "imaging/svgimage.h"
#include "xmp.h"

#include "platform/safefiles.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QJsonDocument>
#include <QPainter>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Atelier {

QString Exporter::fileName(const LibraryImage &image, const QString &nameTemplate)
{
    static const QRegularExpression field(u"\\{(date|time|model|prompt|size|id)(?::(\\d+))?\\}"_s);
    const QDateTime when = image.savedAt.isValid() ? image.savedAt : QDateTime::currentDateTime();
    QString name;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = field.globalMatch(nameTemplate);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        name += nameTemplate.mid(last, match.capturedStart() - last);
        last = match.capturedEnd();
        const QString key = match.captured(1);
        const int length
            = match.captured(2).isEmpty() ? 60 : std::clamp(match.captured(2).toInt(), 1, 120);
        if (key == u"date")
            name += when.toString(u"yyyy-MM-dd"_s);
        else if (key == u"time")
            name += when.toString(u"HHmmss"_s);
        else if (key == u"model")
            name += fileSlug(image.request.model, 40);
        else if (key == u"prompt")
            name += fileSlug(image.request.prompt, length);
        else if (key == u"size")
            name += u"%1x%2"_s.arg(image.size.width()).arg(image.size.height());
        else if (key == u"id")
            name += QString::number(image.id);
    }
    name += nameTemplate.mid(last);
    // Whatever the template (or the prompt in it) says, no folder separators or characters file
    // systems refuse.
    name = safeFileName(name, 200);
    return name.isEmpty() ? u"atelier-image"_s : name;
}

namespace {

// The recipe and the prompt as an XMP packet, for the formats Qt's writers cannot add it to.
QByteArray xmpPacket(const LibraryImage &image, const QByteArray &recipe)
{
    return Xmp::packet(image.request.prompt, recipe,
                       u"Atelier "_s + QCoreApplication::applicationVersion());
}

// Never through a link (a dangling one included), never over an existing file.
Result<QString> writeExport(const QString &path, const QByteArray &bytes)
{
    if (const Status written = ContentFiles::writeNew(path, bytes); !written)
        return written.failure();
    return path;
}

} // namespace

Result<QString> Exporter::exportOriginal(const LibraryImage &image, const ExportOptions &options)
{
    QFile source(image.path);
    if (!source.open(QIODevice::ReadOnly))
        return failure(tr("%1 cannot be read; it may have been moved or deleted.").arg(image.path));
    QByteArray bytes = source.readAll();
    const QString format = SvgImage::looksLikeSvg(bytes)
        ? u"svg"_s
        : QString::fromLatin1(sniffImageFormat(bytes.first(std::min<qsizetype>(16, bytes.size()))));
    if (format != u"svg" && format != u"gif") {
        // Raster formats are written through their encoder, which carries the recipe.
        ExportOptions asItIs = options;
        asItIs.format = format.isEmpty() ? u"png"_s : format;
        return exportImage(image, asItIs);
    }
    const QByteArray recipe = QJsonDocument(image.request.toJson()).toJson(QJsonDocument::Compact);
    const QByteArray xmp = xmpPacket(image, recipe);
    QByteArray withXmp
        = format == u"svg" ? Xmp::embedInSvg(bytes, xmp) : Xmp::embedInGif(bytes, xmp);
    if (!withXmp.isEmpty())
        bytes = std::move(withXmp);
    const Result<QString> path = exportPath(image, options, format);
    if (!path)
        return path;
    return writeExport(*path, bytes);
}

Result<QString> Exporter::exportPath(const LibraryImage &image, const ExportOptions &options,
                                     const QString &extension)
{
    QDir folder(options.folder);
    if (!folder.mkpath(u"."_s))
        return failure(tr("The folder %1 cannot be created.").arg(options.folder));
    const QString stem = fileName(image, options.nameTemplate);
    QString path = folder.filePath(stem + u'.' + extension);
    if (!SafeFiles::isInside(folder.absolutePath(),
                             path)) // cannot happen: the name has no separator
        return failure(tr("%1 is not inside the export folder %2; nothing was written.")
                           .arg(path, folder.absolutePath()));
    for (int copy = 2; SafeFiles::entryExists(path); ++copy)
        path = folder.filePath(u"%1-%2.%3"_s.arg(stem).arg(copy).arg(extension));
    return path;
}

Result<QString> Exporter::exportImage(const LibraryImage &image, const ExportOptions &options)
{
    if (options.format == u"original")
        return exportOriginal(image, options);
    // An SVG is drawn at its own size; anything else is decoded as it is.
    QImage pixels = ImageFile::read(image.path).valueOr(QImage());
    if (pixels.isNull())
        return failure(tr("%1 cannot be read; it may have been moved or deleted.").arg(image.path));
    const QString format
        = options.format.toLower() == u"jpg" ? u"jpeg"_s : options.format.toLower();
    const QString extension = imageFileSuffix(format);
    if (format == u"jpeg" && pixels.hasAlphaChannel()) {
        // JPEG has no transparency: flatten onto white rather than black.
        QImage flattened(pixels.size(), QImage::Format_RGB32);
        flattened.fill(Qt::white);
        QPainter(&flattened).drawImage(0, 0, pixels);
        pixels = flattened;
    }
    const QByteArray recipe = QJsonDocument(image.request.toJson()).toJson(QJsonDocument::Compact);
    pixels.setText(QString::fromLatin1(RecipeKey), QString::fromUtf8(recipe));
    pixels.setText(u"Software"_s, u"Atelier"_s);
    pixels.setText(u"Description"_s, image.request.prompt);

    const Result<QString> path = exportPath(image, options, extension);
    if (!path)
        return path;
    // Encoded in memory first: JPEG and WebP get an XMP packet (the prompt for photo tools, the
    // recipe for Atelier) that Qt's writers cannot add themselves.
    QByteArray encoded;
    {
        QBuffer buffer(&encoded);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, format.toLatin1());
        if (format != u"png")
            writer.setQuality(std::clamp(options.quality, 0, 100));
        if (!writer.write(pixels))
            return failure(tr("%1 cannot be written: %2.").arg(*path, writer.errorString()));
    }
    if (format == u"jpeg" || format == u"webp") {
        const QByteArray xmp = xmpPacket(image, recipe);
        QByteArray withXmp
            = format == u"jpeg" ? Xmp::embedInJpeg(encoded, xmp) : Xmp::embedInWebp(encoded, xmp);
        if (!withXmp.isEmpty())
            encoded = std::move(withXmp);
    }
    return writeExport(*path, encoded);
}

std::optional<ImageRequest> Exporter::readRecipe(const QString &path)
{
    // PNG keeps it in a text chunk; Qt's JPEG handler in a "key: value" comment it parses back;
    // WebP (and any file another tool rewrote) in the XMP packet.
    QByteArray text = QImageReader(path).text(QString::fromLatin1(RecipeKey)).toUtf8();
    if (text.isEmpty()) {
        QFile file(path);
        constexpr qint64 MaxScanned = 64 * 1024 * 1024;
        if (file.open(QIODevice::ReadOnly) && file.size() <= MaxScanned)
            text = Xmp::recipeFrom(file.readAll());
    }
    const QJsonDocument json = QJsonDocument::fromJson(text);
    if (!json.isObject())
        return std::nullopt;
    return ImageRequest::fromJson(json.object());
}

} // namespace Atelier
