#pragma once

// Header-only test helper: a library image of one colour, saved as the studio saves one (files
// first, then the index).

#include "library/librarystore.h"

#include <QBuffer>
#include <QColor>
#include <QImage>

namespace AtelierTest {

// Saves a `size` PNG filled with `color` under `prompt` and `model`; the error, or empty.
inline QString saveFilledImage(Atelier::LibraryStore &store, const QString &prompt,
                               const QString &model, const QColor &color, const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    Atelier::LibraryImage entry;
    entry.request.prompt = prompt;
    entry.request.model = model;
    entry.size = image.size();
    entry.format = QStringLiteral("png");
    const Atelier::Result<QString> path
        = Atelier::LibraryStore::writeFiles(store.folder(), entry, bytes);
    if (!path)
        return path.error();
    entry.path = *path;
    if (const Atelier::Result<qint64> id = store.add(entry); !id)
        return id.error();
    return {};
}

} // namespace AtelierTest
