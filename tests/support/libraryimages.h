#pragma once

// Header-only test helper: a library image of one colour, saved as the studio saves one (files
// first, then the index).

#include "library/librarystore.h"

#include <QBuffer>
#include <QColor>
#include <QFile>
#include <QImage>
#include <QSqlDatabase>
#include <QSqlQuery>

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

// Writes garbage over the first page of the table or index `name` in the (closed) SQLite file
// `index`: damage that only reading every page finds. Whether it could.
inline bool damagePage(const QString &index, const QString &name)
{
    const QString connection = QStringLiteral("atelier-test-damage");
    int pageSize = 0;
    int page = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(index);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA page_size")) && query.next())
                pageSize = query.value(0).toInt();
            query.prepare(QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = ?"));
            query.addBindValue(name);
            if (query.exec() && query.next())
                page = query.value(0).toInt();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    QFile file(index);
    if (pageSize <= 0 || page <= 1 || !file.open(QIODevice::ReadWrite)
        || !file.seek(qint64(page - 1) * pageSize))
        return false;
    return file.write(QByteArray(pageSize, '\x5a')) == pageSize;
}

} // namespace AtelierTest
