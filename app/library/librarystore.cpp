#include "librarystore.h"

#include "contentfiles.h"
#include "fileslug.h"

#include "imaging/imagefileinfo.h"
#include "platform/leftovers.h"
#include "platform/safefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

const QString DatabaseName = u"library.sqlite3"_s;
// Every format the API answers in (GIF and SVG from gpt-image-2.6 on).
const QStringList ImageSuffixes = {u"png"_s, u"jpg"_s, u"jpeg"_s, u"webp"_s, u"gif"_s, u"svg"_s};

QString sidecarFor(const QString &imagePath)
{
    const QFileInfo info(imagePath);
    return info.dir().filePath(info.completeBaseName() + u".json"_s);
}

// What Atelier writes into a job's partials folder: its partial images, and the temporary files
// of their writes. Nothing else there is ever removed.
const QRegularExpression &partialFileNames()
{
    static const QRegularExpression names(
        u"^image\\d+-partial\\d+\\.(png|jpg|jpeg|webp)(\\.[0-9a-f]+\\.part)?$"_s);
    return names;
}

// Removes a job's partials folder: only what Atelier wrote there, never through a link.
void removePartialsFolder(const QString &folder)
{
    if (SafeFiles::isOwnFolder(QFileInfo(folder).path()))
        SafeFiles::removeOwnFolder(folder, partialFileNames());
}

// FTS5 query from what a person types: every word must appear (as a prefix), quotes escaped.
QString ftsQuery(const QString &text)
{
    QStringList terms;
    const QStringList words = text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts);
    for (QString word : words) {
        word.replace(u'"', u"\"\""_s);
        terms.append(u"\""_s + word + u"\"*"_s);
    }
    return terms.join(u' ');
}

} // namespace

LibraryStore::LibraryStore()
    : m_connection(u"atelier-library-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

LibraryStore::~LibraryStore()
{
    close();
}

void LibraryStore::close()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool LibraryStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection)
        && QSqlDatabase::database(m_connection, false).isOpen();
}

bool LibraryStore::exec(const QString &sql, QString *error) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

namespace {

// What SQLite says when the file is not a database or is damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
bool isDamage(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == u"11"_s || code == u"26"_s;
}

// The columns each table must have; an index lacking one was made by something else.
const QList<std::pair<QString, QStringList>> &requiredColumns()
{
    static const QList<std::pair<QString, QStringList>> columns = {
        {u"images"_s,
         {u"id"_s, u"path"_s, u"endpoint"_s, u"model"_s, u"prompt"_s, u"revised_prompt"_s,
          u"recipe"_s, u"width"_s, u"height"_s, u"format"_s, u"bytes"_s, u"usage"_s,
          u"request_id"_s, u"provider"_s, u"parent_id"_s, u"saved_at"_s, u"favourite"_s,
          u"edit"_s}},
        {u"jobs"_s,
         {u"id"_s, u"recipe"_s, u"started_at"_s, u"owner_pid"_s, u"owner_start"_s,
          u"owner_machine"_s}},
    };
    return columns;
}

} // namespace

bool LibraryStore::open(const QString &folder, QString *error)
{
    close();
    m_repair = Repair();
    m_folder = QDir(folder).absolutePath();
    if (const Status usable = SafeFiles::prepareWritableFolder(m_folder); !usable) {
        *error = tr("The library folder %1 cannot be used (%2); choose another in the settings.")
                     .arg(QDir::toNativeSeparators(m_folder), usable.error());
        return false;
    }
    const QString index = QDir(m_folder).filePath(DatabaseName);
    IndexState state = openIndex(error);
    if (state == IndexState::Damaged) {
        // The files are the truth: the damaged index is kept beside them under a dated name,
        // and a new one is made from the images and their recipes.
        close();
        const QString aside = index + u".damaged-"_s
            + QDateTime::currentDateTime().toString(u"yyyy-MM-dd-HHmmss"_s);
        if (!QFile::rename(index, aside)) {
            *error = tr("The library index %1 is damaged and cannot be moved aside; move it away "
                        "and start Atelier again.")
                         .arg(QDir::toNativeSeparators(index));
            return false;
        }
        for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
            if (QFile::exists(index + suffix) && !QFile::rename(index + suffix, aside + suffix))
                QFile::remove(index + suffix);
        }
        m_repair.movedAside = aside;
        error->clear();
        state = openIndex(error);
    }
    if (state != IndexState::Ready)
        return false;
    m_repair.rebuilt = !m_repair.movedAside.isEmpty();
    const Repair found = reconcile();
    m_repair.indexed = found.indexed;
    m_repair.dropped = found.dropped;
    sweepOrphanedPartials();
    sweepIncoming();
    return true;
}

LibraryStore::IndexState LibraryStore::openIndex(QString *error)
{
    // What was wrong, in a few words, for the line that tells the user the index was made anew.
    const auto damaged = [this](const QString &reason) {
        m_repair.damage = reason;
        return IndexState::Damaged;
    };
    const auto classify = [&damaged](const QSqlError &sqlError) {
        return isDamage(sqlError) ? damaged(sqlError.databaseText()) : IndexState::Failed;
    };
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(QDir(m_folder).filePath(DatabaseName));
    // Another window on this library may be writing: wait for it rather than fail.
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open()) {
        *error = tr("The library index cannot be opened: %1.").arg(db.lastError().databaseText());
        return classify(db.lastError());
    }
    const QStringList schema = {
        u"PRAGMA journal_mode=WAL"_s,
        u"PRAGMA synchronous=NORMAL"_s,
        u"PRAGMA foreign_keys=ON"_s,
        u"CREATE TABLE IF NOT EXISTS images("
        "  id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, endpoint TEXT, model TEXT,"
        "  prompt TEXT, revised_prompt TEXT, recipe TEXT NOT NULL, width INTEGER, height INTEGER,"
        "  format TEXT, bytes INTEGER, usage TEXT, request_id TEXT, provider TEXT,"
        "  parent_id INTEGER REFERENCES images(id) ON DELETE SET NULL,"
        "  saved_at INTEGER NOT NULL, favourite INTEGER NOT NULL DEFAULT 0, edit TEXT)"_s,
        u"CREATE TABLE IF NOT EXISTS jobs(id INTEGER PRIMARY KEY, recipe TEXT NOT NULL,"
        "  started_at INTEGER NOT NULL, finished INTEGER NOT NULL DEFAULT 0,"
        "  owner_pid INTEGER, owner_start TEXT, owner_machine TEXT)"_s,
    };
    // An index that has tables, but not ours (dropped by a tool, made by another program), is
    // not one to add to: its other tables (the search index) would no longer match.
    {
        QSqlQuery tables(db);
        if (!tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s)) {
            *error = tr("The library index cannot be read: %1.")
                         .arg(tables.lastError().databaseText());
            return classify(tables.lastError());
        }
        QStringList names;
        while (tables.next())
            names.append(tables.value(0).toString());
        for (const QString &table : {u"images"_s, u"jobs"_s}) {
            if (!names.isEmpty() && !names.contains(table)) {
                *error = tr("The library index has no table %1.").arg(table);
                return damaged(tr("no table %1").arg(table));
            }
        }
    }
    for (const QString &statement : schema) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            *error = tr("The library index cannot be prepared: %1.")
                         .arg(query.lastError().databaseText());
            return classify(query.lastError());
        }
    }
    // Libraries of earlier versions get the columns added; a table lacking others is not ours.
    const QHash<QString, QStringList> added = {
        {u"images"_s, {u"edit TEXT"_s}},
        {u"jobs"_s, {u"owner_pid INTEGER"_s, u"owner_start TEXT"_s, u"owner_machine TEXT"_s}},
    };
    for (const auto &[table, required] : requiredColumns()) {
        QStringList present;
        QSqlQuery columns(db);
        if (!columns.exec(u"PRAGMA table_info(%1)"_s.arg(table))) {
            *error = tr("The library index cannot be read: %1.")
                         .arg(columns.lastError().databaseText());
            return classify(columns.lastError());
        }
        while (columns.next())
            present.append(columns.value(1).toString());
        for (const QString &column : required) {
            if (present.contains(column))
                continue;
            const QStringList candidates = added.value(table);
            const auto addable = std::find_if(candidates.begin(), candidates.end(),
                                              [&column](const QString &definition) {
                                                  return definition.section(u' ', 0, 0) == column;
                                              });
            QSqlQuery alter(db);
            if (addable == candidates.end()
                || !alter.exec(u"ALTER TABLE %1 ADD COLUMN %2"_s.arg(table, *addable))) {
                *error = tr("The library index was not made by Atelier (its table %1 has no "
                            "column %2).")
                             .arg(table, column);
                return damaged(tr("its table %1 has no column %2").arg(table, column));
            }
        }
    }
    const QStringList derived = {
        u"CREATE INDEX IF NOT EXISTS images_saved ON images(saved_at DESC)"_s,
        u"CREATE INDEX IF NOT EXISTS images_model ON images(model)"_s,
        u"CREATE VIRTUAL TABLE IF NOT EXISTS images_fts USING fts5("
        "  prompt, revised_prompt, content='images', content_rowid='id')"_s,
        u"CREATE TRIGGER IF NOT EXISTS images_fts_insert AFTER INSERT ON images BEGIN"
        "  INSERT INTO images_fts(rowid, prompt, revised_prompt) VALUES (new.id, new.prompt, new.revised_prompt); END"_s,
        u"CREATE TRIGGER IF NOT EXISTS images_fts_delete AFTER DELETE ON images BEGIN"
        "  INSERT INTO images_fts(images_fts, rowid, prompt, revised_prompt) VALUES ('delete', old.id, old.prompt, old.revised_prompt); END"_s,
    };
    for (const QString &statement : derived) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            *error = tr("The library index cannot be prepared: %1.")
                         .arg(query.lastError().databaseText());
            // "no such column": a table of another program under our name.
            return query.lastError().nativeErrorCode() == u"1"_s
                ? damaged(query.lastError().databaseText())
                : classify(query.lastError());
        }
    }
    // A damaged page shows here rather than as a gallery that silently lacks images.
    QSqlQuery check(db);
    if (!check.exec(u"PRAGMA quick_check"_s) || !check.next()
        || check.value(0).toString() != u"ok"_s) {
        const QString reason = check.lastError().isValid() ? check.lastError().databaseText()
                                                           : check.value(0).toString();
        *error = tr("The library index is damaged: %1.").arg(reason);
        return damaged(reason);
    }
    return IndexState::Ready;
}

void LibraryStore::sweepOrphanedPartials()
{
    // A job's partial images live in .partials/job-<id> while its journal entry exists. A crash
    // between closing the entry and removing the folder leaves the folder behind: its job
    // finished (its images are in the library), so the folder goes.
    // Only folders Atelier made: "job-<id>" and real folders, never a link (a planted
    // .partials/job-7 -> ~/Documents must not empty the user's documents).
    const QDir partials(QDir(m_folder).filePath(u".partials"_s));
    if (!SafeFiles::isOwnFolder(partials.path()))
        return;
    // The folders first, then the entries: a job another window starts meanwhile has its entry
    // before its folder, so a folder seen here whose entry is missing is truly left over.
    const QStringList folders
        = partials.entryList({u"job-*"_s}, QDir::Dirs | QDir::NoSymLinks | QDir::NoDotAndDotDot);
    QSet<qint64> journaled;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(u"SELECT id FROM jobs"_s))
        return;
    while (query.next())
        journaled.insert(query.value(0).toLongLong());
    static const QRegularExpression jobFolder(u"^job-(\\d+)$"_s);
    for (const QString &name : folders) {
        const QRegularExpressionMatch match = jobFolder.match(name);
        bool number = false;
        const qint64 id = match.hasMatch() ? match.captured(1).toLongLong(&number) : 0;
        if (number && !journaled.contains(id))
            removePartialsFolder(partials.filePath(name));
    }
}

QString LibraryStore::relative(const QString &path) const
{
    return QDir(m_folder).relativeFilePath(path);
}

QString LibraryStore::absolute(const QString &path) const
{
    return QDir(m_folder).filePath(path);
}

QString LibraryStore::writeFiles(const QString &folder, const LibraryImage &image,
                                 const QByteArray &bytes, QString *error)
{
    // Deferred flushing: the files are complete under their names at once, which is what a crash
    // of the app can see; the disk catches up moments later, off the path to the screen.
    return placeFiles(
        folder, image,
        [&bytes](const QString &path, QString *error) {
            return ContentFiles::writeAtomically(path, bytes, error,
                                                 ContentFiles::Durability::Deferred);
        },
        error);
}

QString LibraryStore::keepFiles(const QString &folder, const LibraryImage &image,
                                const QString &incoming, QString *error)
{
    return placeFiles(
        folder, image,
        [&incoming](const QString &path, QString *error) {
            return ContentFiles::adopt(incoming, path, error, ContentFiles::Durability::Deferred);
        },
        error);
}

QString LibraryStore::placeFiles(const QString &folder, const LibraryImage &image,
                                 const std::function<bool(const QString &, QString *)> &writeImage,
                                 QString *error)
{
    static QMutex mutex; // choosing a free name and taking it must not interleave
    const QMutexLocker locker(&mutex);
    const QDateTime saved = image.savedAt.isValid() ? image.savedAt : QDateTime::currentDateTime();
    const Result<QString> month = SafeFiles::makeFolder(folder, saved.toString(u"yyyy-MM"_s));
    if (!month) {
        *error = month.error();
        return {};
    }
    const QDir dir(*month);
    const QString extension = imageFileSuffix(image.format);
    QString slug = fileSlug(image.request.prompt, 40);
    if (slug.isEmpty())
        slug = u"image"_s;
    const QString stem = saved.toString(u"yyyyMMdd-HHmmss"_s) + u'-' + slug;
    QString base = dir.filePath(stem);
    for (int copy = 2; SafeFiles::entryExists(base + u'.' + extension)
         || SafeFiles::entryExists(base + u".json"_s);
         ++copy)
        base = dir.filePath(u"%1-%2"_s.arg(stem).arg(copy));
    const QString path = base + u'.' + extension;
    // The recipe first: an image file on disk always has its recipe beside it.
    LibraryImage described = image;
    described.savedAt = saved;
    if (!described.parentPath.isEmpty())
        described.parentPath = QDir(folder).relativeFilePath(described.parentPath);
    if (!ContentFiles::writeAtomically(base + u".json"_s,
                                       QJsonDocument(described.toRecipeJson()).toJson(), error,
                                       ContentFiles::Durability::Deferred))
        return {};
    if (!writeImage(path, error)) {
        QFile::remove(base + u".json"_s);
        return {};
    }
    return path;
}

QString LibraryStore::incomingPath(const QString &folder, QString *error)
{
    static std::atomic<quint64> counter = 0;
    const Result<QString> incoming = SafeFiles::makeFolder(folder, u".incoming"_s);
    if (!incoming) {
        *error = incoming.error();
        return {};
    }
    // Unguessable, so no one can plant something under the name beforehand.
    return QDir(*incoming).filePath(u"%1-%2-%3.part"_s.arg(QCoreApplication::applicationPid())
                                        .arg(++counter)
                                        .arg(SafeFiles::randomToken()));
}

void LibraryStore::sweepIncoming()
{
    // Images that were arriving when their process died: never complete, never shown as kept.
    // The files of processes still running (another window on this library) stay.
    // (Names without the random part are those of earlier versions.)
    const QString incoming = QDir(m_folder).filePath(u".incoming"_s);
    if (SafeFiles::isOwnFolder(incoming))
        removeLeftovers(incoming, u"^(\\d+)-\\d+(-[0-9a-f]{16})?\\.part$"_s);
}

std::optional<qint64> LibraryStore::add(const LibraryImage &image, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return std::nullopt;
    }
    QSqlQuery query(db);
    query.prepare(
        u"INSERT INTO images(path, endpoint, model, prompt, revised_prompt, recipe, width, height,"
        " format, bytes, usage, request_id, provider, parent_id, saved_at, favourite, edit)"
        " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(path) DO NOTHING"_s);
    query.addBindValue(relative(image.path));
    query.addBindValue(endpointName(image.request.endpoint));
    query.addBindValue(image.request.model);
    query.addBindValue(image.request.prompt);
    query.addBindValue(image.revisedPrompt);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(image.request.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(image.size.width());
    query.addBindValue(image.size.height());
    query.addBindValue(image.format);
    query.addBindValue(image.bytes > 0 ? image.bytes : QFileInfo(image.path).size());
    query.addBindValue(image.usage.isValid() ? QString::fromUtf8(
                           QJsonDocument(image.usage.toJson()).toJson(QJsonDocument::Compact))
                                             : QString());
    query.addBindValue(image.requestId);
    query.addBindValue(image.provider);
    query.addBindValue(image.parentId > 0 ? QVariant(image.parentId) : QVariant());
    query.addBindValue((image.savedAt.isValid() ? image.savedAt : QDateTime::currentDateTime())
                           .toMSecsSinceEpoch());
    query.addBindValue(image.favourite ? 1 : 0);
    query.addBindValue(
        image.edit.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(image.edit).toJson(QJsonDocument::Compact)));
    if (!query.exec()) {
        *error = query.lastError().text();
        db.rollback();
        return std::nullopt;
    }
    qint64 id = query.lastInsertId().toLongLong();
    if (query.numRowsAffected() == 0) {
        // Another window on this library indexed the file first (its start-up found it on disk
        // a moment before this add): the image is in the index once, under that row.
        QSqlQuery existing(db);
        existing.prepare(u"SELECT id FROM images WHERE path = ?"_s);
        existing.addBindValue(relative(image.path));
        if (!existing.exec() || !existing.next()) {
            *error = existing.lastError().text();
            db.rollback();
            return std::nullopt;
        }
        id = existing.value(0).toLongLong();
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        return std::nullopt;
    }
    return id;
}

namespace {

LibraryImage fromRow(const QSqlQuery &query, const QString &folder)
{
    LibraryImage image;
    image.id = query.value(0).toLongLong();
    image.path = QDir(folder).filePath(query.value(1).toString());
    image.request = ImageRequest::fromJson(
        QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object());
    image.revisedPrompt = query.value(3).toString();
    image.size = QSize(query.value(4).toInt(), query.value(5).toInt());
    image.format = query.value(6).toString();
    image.bytes = query.value(7).toLongLong();
    image.usage
        = Usage::fromJson(QJsonDocument::fromJson(query.value(8).toString().toUtf8()).object());
    image.requestId = query.value(9).toString();
    image.provider = query.value(10).toString();
    image.parentId = query.value(11).toLongLong();
    image.savedAt = QDateTime::fromMSecsSinceEpoch(query.value(12).toLongLong());
    image.favourite = query.value(13).toBool();
    image.edit = QJsonDocument::fromJson(query.value(14).toString().toUtf8()).object();
    return image;
}

const QString SelectColumns
    = u"SELECT images.id, path, recipe, images.revised_prompt, width, height, format, bytes,"
      " usage, request_id, provider, parent_id, saved_at, favourite, edit FROM images"_s;

} // namespace

QList<LibraryImage> LibraryStore::query(const LibraryQuery &request) const
{
    QString sql = SelectColumns;
    QStringList conditions;
    QVariantList values;
    if (!request.text.trimmed().isEmpty()) {
        conditions.append(
            u"images.id IN (SELECT rowid FROM images_fts WHERE images_fts MATCH ?)"_s);
        values.append(ftsQuery(request.text));
    }
    if (!request.model.isEmpty()) {
        conditions.append(u"model = ?"_s);
        values.append(request.model);
    }
    if (request.favouritesOnly)
        conditions.append(u"favourite = 1"_s);
    if (request.from.isValid()) {
        conditions.append(u"saved_at >= ?"_s);
        values.append(request.from.toMSecsSinceEpoch());
    }
    if (request.to.isValid()) {
        conditions.append(u"saved_at <= ?"_s);
        values.append(request.to.toMSecsSinceEpoch());
    }
    if (!conditions.isEmpty())
        sql += u" WHERE "_s + conditions.join(u" AND "_s);
    sql += u" ORDER BY saved_at DESC, images.id DESC"_s;
    if (request.limit > 0)
        sql += u" LIMIT %1"_s.arg(request.limit);
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    QList<LibraryImage> images;
    if (!query.exec())
        return images;
    while (query.next())
        images.append(fromRow(query, m_folder));
    return images;
}

std::optional<LibraryImage> LibraryStore::image(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(SelectColumns + u" WHERE images.id = ?"_s);
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return fromRow(query, m_folder);
}

std::optional<LibraryImage> LibraryStore::imageAt(const QString &path) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(SelectColumns + u" WHERE path = ?"_s);
    query.addBindValue(relative(QFileInfo(path).absoluteFilePath()));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return fromRow(query, m_folder);
}

QList<LibraryImage> LibraryStore::lineage(qint64 id) const
{
    QList<LibraryImage> chain;
    QSet<qint64> seen;
    for (std::optional<LibraryImage> image = this->image(id); image && !seen.contains(image->id);
         image = image->parentId > 0 ? this->image(image->parentId) : std::nullopt) {
        seen.insert(image->id);
        chain.prepend(*image);
    }
    return chain;
}

QList<LibraryImage> LibraryStore::children(qint64 id) const
{
    QList<LibraryImage> images;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(SelectColumns + u" WHERE parent_id = ? ORDER BY saved_at, images.id"_s);
    query.addBindValue(id);
    if (query.exec()) {
        while (query.next())
            images.append(fromRow(query, m_folder));
    }
    return images;
}

int LibraryStore::count() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    return query.exec(u"SELECT COUNT(*) FROM images"_s) && query.next() ? query.value(0).toInt()
                                                                        : 0;
}

QStringList LibraryStore::models() const
{
    QStringList models;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (query.exec(u"SELECT DISTINCT model FROM images WHERE model <> '' ORDER BY model"_s)) {
        while (query.next())
            models.append(query.value(0).toString());
    }
    return models;
}

bool LibraryStore::setFavourite(qint64 id, bool favourite)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"UPDATE images SET favourite = ? WHERE id = ?"_s);
    query.addBindValue(favourite ? 1 : 0);
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1)
        return false;
    // The recipe says it too, so an index made anew from the files keeps the favourites.
    if (const std::optional<LibraryImage> found = image(id)) {
        const QString recipe = sidecarFor(found->path);
        QFile file(recipe);
        if (SafeFiles::isOwnFile(recipe) && file.open(QIODevice::ReadOnly)) {
            QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
            file.close();
            if (!json.isEmpty() && json.value(u"favourite"_s).toBool() != favourite) {
                if (favourite)
                    json.insert(u"favourite"_s, true);
                else
                    json.remove(u"favourite"_s);
                QString ignored; // the index has it; the recipe is what a rebuild reads
                ContentFiles::writeAtomically(recipe, QJsonDocument(json).toJson(), &ignored,
                                              ContentFiles::Durability::Deferred);
            }
        }
    }
    return true;
}

int LibraryStore::remove(const QList<qint64> &ids, bool keepFiles)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    int removed = 0;
    db.transaction();
    for (qint64 id : ids) {
        const std::optional<LibraryImage> found = image(id);
        if (!found)
            continue;
        QSqlQuery query(db);
        query.prepare(u"DELETE FROM images WHERE id = ?"_s);
        query.addBindValue(id);
        if (!query.exec())
            continue;
        ++removed;
        if (!keepFiles) {
            // To the desktop's trash where there is one, so a slip can be undone.
            for (const QString &file : {found->path, sidecarFor(found->path)}) {
                if (!QFile::moveToTrash(file))
                    QFile::remove(file);
            }
        }
    }
    db.commit();
    return removed;
}

qint64 LibraryStore::journalStart(const ImageRequest &request)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"INSERT INTO jobs(recipe, started_at, owner_pid, owner_start, owner_machine)"
                  " VALUES(?, ?, ?, ?, ?)"_s);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    const qint64 pid = QCoreApplication::applicationPid();
    query.addBindValue(pid);
    query.addBindValue(processStartToken(pid));
    query.addBindValue(machineName());
    if (!query.exec())
        return 0;
    const qint64 id = query.lastInsertId().toLongLong();
    // Ids of closed entries come back: nothing of an earlier job with this id may remain.
    removePartialsFolder(partialsFolder(m_folder, id));
    return id;
}

void LibraryStore::journalFinish(qint64 jobId)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"DELETE FROM jobs WHERE id = ?"_s);
    query.addBindValue(jobId);
    query.exec();
    removePartialsFolder(partialsFolder(m_folder, jobId));
}

QList<JournaledJob> LibraryStore::journaledJobs() const
{
    QList<JournaledJob> jobs;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(u"SELECT id, recipe, started_at, owner_pid, owner_start, owner_machine"
                    " FROM jobs ORDER BY id"_s))
        return jobs;
    QStringList imagePatterns;
    for (const QString &suffix : ImageSuffixes)
        imagePatterns.append(u"*."_s + suffix);
    while (query.next()) {
        JournaledJob job;
        job.id = query.value(0).toLongLong();
        job.request = ImageRequest::fromJson(
            QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
        job.startedAt = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong());
        job.ownerPid = query.value(3).toLongLong();
        job.ownerStart = query.value(4).toString();
        job.ownerMachine = query.value(5).toString();
        job.ownerGone = ownerIsGone(job.ownerPid, job.ownerStart, job.ownerMachine);
        const QDir partials(partialsFolder(m_folder, job.id));
        // Names sort in arrival order: image<i>-partial<k> (temporary files of a save cut
        // short by the crash have other suffixes and are left out).
        // (A link there is no folder Atelier made: nothing is read through it.)
        const bool own = SafeFiles::isOwnFolder(partials.path());
        const QStringList names = own
            ? partials.entryList(imagePatterns, QDir::Files | QDir::NoSymLinks, QDir::Name)
            : QStringList();
        for (const QString &name : names) {
            if (SafeFiles::isOwnFile(partials.filePath(name)))
                job.partialFiles.append(partials.filePath(name));
        }
        jobs.append(job);
    }
    return jobs;
}

QList<JournaledJob> LibraryStore::unfinishedJobs() const
{
    QList<JournaledJob> jobs = journaledJobs();
    jobs.removeIf([](const JournaledJob &job) { return !job.ownerGone; });
    return jobs;
}

QList<JournaledJob> LibraryStore::claimUnfinishedJobs()
{
    // Two windows may start at once after a crash: each entry goes to the one whose update
    // finds it still under the dead owner, and to no other.
    QList<JournaledJob> claimed;
    const qint64 pid = QCoreApplication::applicationPid();
    const QString start = processStartToken(pid);
    const QString machine = machineName();
    const QList<JournaledJob> unfinished = unfinishedJobs();
    for (JournaledJob job : unfinished) {
        QSqlQuery query(QSqlDatabase::database(m_connection, false));
        query.prepare(
            u"UPDATE jobs SET owner_pid = ?, owner_start = ?, owner_machine = ?"
            " WHERE id = ? AND owner_pid IS ? AND owner_start IS ? AND owner_machine IS ?"_s);
        query.addBindValue(pid);
        query.addBindValue(start);
        query.addBindValue(machine);
        query.addBindValue(job.id);
        query.addBindValue(job.ownerPid > 0 ? QVariant(job.ownerPid) : QVariant());
        query.addBindValue(job.ownerStart.isNull() ? QVariant() : QVariant(job.ownerStart));
        query.addBindValue(job.ownerMachine.isNull() ? QVariant() : QVariant(job.ownerMachine));
        if (!query.exec() || query.numRowsAffected() != 1)
            continue;
        job.ownerPid = pid;
        job.ownerStart = start;
        job.ownerMachine = machine;
        job.ownerGone = false;
        claimed.append(job);
    }
    return claimed;
}

QString LibraryStore::partialsFolder(const QString &folder, qint64 jobId)
{
    return QDir(folder).filePath(u".partials/job-%1"_s.arg(jobId));
}

QString LibraryStore::partialPath(const QString &folder, qint64 jobId, const ImageResult &image,
                                  QString *error)
{
    const Result<QString> partials
        = SafeFiles::makeFolder(folder, u".partials/job-%1"_s.arg(jobId));
    if (!partials) {
        *error = partials.error();
        return {};
    }
    return QDir(*partials).filePath(u"image%1-partial%2.%3"_s.arg(image.imageIndex)
                                        .arg(image.index)
                                        .arg(imageFileSuffix(image.format)));
}

QString LibraryStore::writePartial(const QString &folder, qint64 jobId, const ImageResult &image,
                                   QString *error)
{
    const QString path = partialPath(folder, jobId, image, error);
    // Transient: enough to survive a crash of the app, and never waited for.
    return !path.isEmpty()
            && ContentFiles::writeAtomically(path, image.encoded, error,
                                             ContentFiles::Durability::Transient)
        ? path
        : QString();
}

QString LibraryStore::keepPartial(const QString &folder, qint64 jobId, const ImageResult &image,
                                  const QString &incoming, QString *error)
{
    const QString path = partialPath(folder, jobId, image, error);
    return !path.isEmpty()
            && ContentFiles::adopt(incoming, path, error, ContentFiles::Durability::Transient)
        ? path
        : QString();
}

int LibraryStore::recoverPartials(const JournaledJob &job, QString *error)
{
    int kept = 0;
    static const QRegularExpression name(u"^image(\\d+)-partial(\\d+)$"_s);
    for (const QString &file : job.partialFiles) {
        const QFileInfo info(file);
        const ImageFileInfo inspected = ImageFileInfo::inspect(file);
        if (!inspected.readable || !inspected.size.isValid())
            continue; // not an image (cannot happen with atomic writes; never index garbage)
        QFile source(file);
        if (!source.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = source.readAll();
        LibraryImage image;
        image.request = job.request;
        image.size = inspected.size;
        image.format = inspected.format;
        image.bytes = bytes.size();
        image.savedAt = info.lastModified();
        const QRegularExpressionMatch match = name.match(info.completeBaseName());
        image.edit = {{u"partial_image_index"_s, match.hasMatch() ? match.captured(2).toInt() : 0},
                      {u"interrupted"_s, true}};
        image.path = writeFiles(m_folder, image, bytes, error);
        if (image.path.isEmpty() || !add(image, error))
            return kept; // the partial stays where it is: the next start tries again
        SafeFiles::removeOwnFile(file);
        ++kept;
    }
    removePartialsFolder(partialsFolder(m_folder, job.id));
    return kept;
}

LibraryStore::Repair LibraryStore::reconcile()
{
    Repair repair;
    QSet<QString> indexed;
    {
        QSqlQuery query(QSqlDatabase::database(m_connection, false));
        query.setForwardOnly(true);
        if (query.exec(u"SELECT path FROM images"_s)) {
            while (query.next())
                indexed.insert(query.value(0).toString());
        }
    }
    // Image files with a recipe beside them but no row: written just before a crash.
    QSet<QString> onDisk;
    QList<std::pair<QString, QString>> parents; // (child, parent), relative paths
    QDirIterator it(m_folder, QDir::Files | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        if (!ImageSuffixes.contains(info.suffix().toLower()) || info.path().contains(u"/."_s))
            continue;
        const QString key = relative(path);
        onDisk.insert(key);
        if (indexed.contains(key))
            continue;
        QFile recipe(sidecarFor(path));
        if (!recipe.open(QIODevice::ReadOnly))
            continue; // not an Atelier image
        const QJsonDocument json = QJsonDocument::fromJson(recipe.readAll());
        if (!json.isObject())
            continue;
        LibraryImage image = LibraryImage::fromRecipeJson(json.object(), path);
        image.bytes = info.size();
        QString error;
        if (add(image, &error)) {
            ++repair.indexed;
            if (!image.parentPath.isEmpty())
                parents.append({key, relative(absolute(image.parentPath))});
        }
    }
    // Lineage: a parent may have been indexed after its child, so links are made last.
    for (const auto &[child, parent] : std::as_const(parents)) {
        QSqlQuery link(QSqlDatabase::database(m_connection, false));
        link.prepare(
            u"UPDATE images SET parent_id = (SELECT id FROM images WHERE path = ?) WHERE path = ?"_s);
        link.addBindValue(parent);
        link.addBindValue(child);
        link.exec();
    }
    // Rows whose file is gone.
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    db.transaction();
    for (const QString &key : std::as_const(indexed)) {
        if (onDisk.contains(key))
            continue;
        QSqlQuery query(db);
        query.prepare(u"DELETE FROM images WHERE path = ?"_s);
        query.addBindValue(key);
        if (query.exec())
            ++repair.dropped;
    }
    db.commit();
    return repair;
}

} // namespace Atelier
