#include "imagefileinfo.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Atelier {

ImageFileInfo ImageFileInfo::inspect(const QString &path, bool checkAlpha)
{
    ImageFileInfo info;
    info.path = path;
    const QFileInfo file(path);
    info.exists = file.exists() && file.isFile();
    if (file.isDir()) {
        info.error = QCoreApplication::translate(
            "Atelier::ImageFileInfo", "it is a folder, not an image file; choose a file in it");
        return info;
    }
    if (!info.exists) {
        info.error
            = QCoreApplication::translate("Atelier::ImageFileInfo", "the file does not exist");
        return info;
    }
    info.bytes = file.size();
    QByteArray head;
    {
        QFile probe(path);
        if (probe.open(QIODevice::ReadOnly))
            head = probe.read(16);
    }
    const QByteArray sniffed = sniffImageFormat(head);
    QImageReader reader(path, sniffed);
    // Unusual formats: let Qt guess (loading its plugins), so that the message can name them.
    reader.setAutoDetectImageFormat(sniffed.isEmpty());
    reader.setDecideFormatFromContent(sniffed.isEmpty());
    const QByteArray format = reader.canRead() ? reader.format() : QByteArray();
    if (format.isEmpty()) {
        info.error = file.isReadable()
            ? QCoreApplication::translate("Atelier::ImageFileInfo",
                                          "it is not an image Atelier can read")
            : QCoreApplication::translate("Atelier::ImageFileInfo",
                                          "permission to read it is denied");
        return info;
    }
    info.readable = true;
    info.format = QString::fromLatin1(format).toLower();
    if (info.format == u"jpg")
        info.format = u"jpeg"_s;
    info.size = reader.size();
    if (checkAlpha || !info.size.isValid()) {
        const QImage image = reader.read();
        if (image.isNull()) {
            info.error = QCoreApplication::translate("Atelier::ImageFileInfo",
                                                     "the image data is damaged (%1)")
                             .arg(reader.errorString());
            info.readable = false;
            return info;
        }
        info.size = image.size();
        info.hasAlpha = image.hasAlphaChannel();
    }
    return info;
}

QByteArray sniffImageFormat(QByteArrayView head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return QByteArrayLiteral("png");
    if (head.startsWith("\xFF\xD8\xFF"))
        return QByteArrayLiteral("jpeg");
    if (head.size() >= 12 && head.startsWith("RIFF") && head.sliced(8, 4) == "WEBP")
        return QByteArrayLiteral("webp");
    if (head.startsWith("GIF87a") || head.startsWith("GIF89a"))
        return QByteArrayLiteral("gif");
    if (head.startsWith("BM"))
        return QByteArrayLiteral("bmp");
    return {};
}

QString ImageFileInfo::mimeTypeForFormat(const QString &format)
{
    if (format == u"png")
        return u"image/png"_s;
    if (format == u"jpeg" || format == u"jpg")
        return u"image/jpeg"_s;
    if (format == u"webp")
        return u"image/webp"_s;
    if (format == u"gif")
        return u"image/gif"_s;
    if (format == u"svg")
        return u"image/svg+xml"_s;
    return u"application/octet-stream"_s;
}

QString formatBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace Atelier
