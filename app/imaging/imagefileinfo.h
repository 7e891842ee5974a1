#pragma once

#include <QSize>
#include <QString>

namespace Atelier {

// What Atelier needs to know about an input image file before sending it, read from its header
// (and, for the alpha check, its pixels) — never from its file name.
struct ImageFileInfo
{
    QString path;
    bool exists = false;
    bool readable = false;
    QString error; // why it cannot be read
    qint64 bytes = 0;
    QString format; // png, jpeg, webp, gif, ... (lower case; empty when not an image)
    QSize size;
    bool hasAlpha = false; // only filled in when asked for

    static ImageFileInfo inspect(const QString &path, bool checkAlpha = false);
    // MIME type for a format name: image/png, image/jpeg, image/webp, application/octet-stream.
    static QString mimeTypeForFormat(const QString &format);
};

// The format named by a file's first bytes: "png", "jpeg", "webp", "gif", "bmp", or empty.
// Naming the format spares QImageReader from loading every image plugin to guess it.
QByteArray sniffImageFormat(QByteArrayView head);

// "4.2 MB", "512 KB": sizes as people read them.
QString formatBytes(qint64 bytes);

} // namespace Atelier
