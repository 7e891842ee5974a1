#pragma once

// Header-only test helper: a library image of one colour, saved as the studio saves one (files
// first, then the index).

#include "library/librarystore.h"

#include <QBuffer>
#include <QColor>
#include <QImage>

namespace AtelierTest {

// Saves `pixels` as the PNG of `entry` (its recipe, its parent) into the library as the studio
// saves an image, the files first, then the index row; its id, or why not.
inline Atelier::Result<qint64> saveImage(Atelier::LibraryStore &store, Atelier::LibraryImage entry,
                                         const QImage &pixels)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    pixels.save(&buffer, "PNG");
    entry.size = pixels.size();
    entry.format = QStringLiteral("png");
    const Atelier::Result<QString> path
        = Atelier::LibraryStore::writeFiles(store.folder(), entry, bytes);
    if (!path)
        return path.failure();
    entry.path = *path;
    return store.add(entry);
}

// A picture of `size` in one `color`, saved as a PNG at `path`; whether it was.
inline bool writeFilledPng(const QString &path, const QSize &size, const QColor &color)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    return image.save(path, "PNG");
}

// Saves a `size` PNG filled with `color` under `prompt` and `model` into the library; else why
// not.
inline Atelier::Status saveFilledImage(Atelier::LibraryStore &store, const QString &prompt,
                                       const QString &model, const QColor &color, const QSize &size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    Atelier::LibraryImage entry;
    entry.request.prompt = prompt;
    entry.request.model = model;
    if (const Atelier::Result<qint64> id = saveImage(store, entry, image); !id)
        return id.failure();
    return Atelier::success();
}

} // namespace AtelierTest
