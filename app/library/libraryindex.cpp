#include "libraryindex.h"

#include "libraryfiles.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// What SQLite says when the file is not a database or is damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
bool isDamage(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == u"11"_s || code == u"26"_s;
}

// Reads every page of the database (PRAGMA quick_check): what is wrong, or nothing when it is
// sound or could not be read for a reason other than damage.
std::optional<QString> damageOf(const QSqlDatabase &db)
{
    QSqlQuery check(db);
    check.setForwardOnly(true);
    if (!check.exec(u"PRAGMA quick_check"_s)) {
        if (isDamage(check.lastError()))
            return check.lastError().databaseText();
        return std::nullopt;
    }
    if (!check.next())
        return isDamage(check.lastError()) ? std::optional(check.lastError().databaseText())
                                           : std::nullopt;
    const QString result = check.value(0).toString();
    if (result == u"ok"_s)
        return std::nullopt;
    // "*** in database main ***", then a line per problem: the first says what is wrong.
    const QStringList lines = result.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (!line.startsWith(u"***"_s))
            return line.trimmed();
    }
    return result.simplified();
}

// The columns each table must have; an index lacking one was made by something else.
const QList<std::pair<QString, QStringList>> &requiredColumns()
{
    static const QList<std::pair<QString, QStringList>> columns = {
        {u"images"_s,
         {u"id"_s, u"path"_s, u"endpoint"_s, u"model"_s, u"prompt"_s, u"revised_prompt"_s,
          u"recipe"_s, u"width"_s, u"height"_s, u"format"_s, u"bytes"_s, u"usage"_s,
          u"request_id"_s, u"provider"_s, u"parent_id"_s, u"saved_at"_s, u"favourite"_s, u"edit"_s,
          u"batch"_s}},
        {u"jobs"_s,
         {u"id"_s, u"recipe"_s, u"started_at"_s, u"owner_pid"_s, u"owner_start"_s,
          u"owner_machine"_s, u"context"_s}},
    };
    return columns;
}

} // namespace

LibraryIndex::LibraryIndex()
    : m_connection(u"atelier-library-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

LibraryIndex::~LibraryIndex()
{
    close();
}

QString LibraryIndex::fileName()
{
    return u"library.sqlite3"_s;
}

void LibraryIndex::close()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool LibraryIndex::isOpen() const
{
    return QSqlDatabase::contains(m_connection)
        && QSqlDatabase::database(m_connection, false).isOpen();
}

QSqlDatabase LibraryIndex::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

QString LibraryIndex::relative(const QString &path) const
{
    return QDir(m_folder).relativeFilePath(path);
}

QString LibraryIndex::absolute(const QString &path) const
{
    return QDir(m_folder).filePath(path);
}

LibraryIndex::Opened LibraryIndex::open(const QString &folder, Check check)
{
    close();
    m_folder = QDir(folder).absolutePath();
    Opened opened;
    opened.state = openTables(opened, check);
    return opened;
}

std::optional<QString> LibraryIndex::findDamage(const QString &folder)
{
    const QString connection
        = u"atelier-library-check-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::optional<QString> damage;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(QDir(folder).filePath(fileName()));
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"_s);
        if (!db.open()) {
            if (isDamage(db.lastError()))
                damage = db.lastError().databaseText();
        } else {
            damage = damageOf(db);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return damage;
}

LibraryIndex::State LibraryIndex::openTables(Opened &opened, Check check)
{
    // What was wrong, in a few words, for the line that tells the user the index was made anew.
    const auto damaged = [&opened](const QString &reason) {
        opened.damage = reason;
        return State::Damaged;
    };
    const auto classify = [&damaged](const QSqlError &sqlError) {
        return isDamage(sqlError) ? damaged(sqlError.databaseText()) : State::Failed;
    };
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(QDir(m_folder).filePath(fileName()));
    // Another window on this library may be writing: wait for it rather than fail.
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=10000"_s);
    if (!db.open()) {
        opened.error
            = tr("The library index cannot be opened: %1.").arg(db.lastError().databaseText());
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
        "  saved_at INTEGER NOT NULL, favourite INTEGER NOT NULL DEFAULT 0, edit TEXT,"
        " batch TEXT)"_s,
        u"CREATE TABLE IF NOT EXISTS jobs(id INTEGER PRIMARY KEY, recipe TEXT NOT NULL,"
        "  started_at INTEGER NOT NULL, finished INTEGER NOT NULL DEFAULT 0,"
        "  owner_pid INTEGER, owner_start TEXT, owner_machine TEXT, context TEXT)"_s,
    };
    // An index that has tables, but not ours (dropped by a tool, made by another program), is
    // not one to add to: its other tables (the search index) would no longer match.
    {
        QSqlQuery tables(db);
        if (!tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s)) {
            opened.error = tr("The library index cannot be read: %1.")
                               .arg(tables.lastError().databaseText());
            return classify(tables.lastError());
        }
        QStringList names;
        while (tables.next())
            names.append(tables.value(0).toString());
        for (const QString &table : {u"images"_s, u"jobs"_s}) {
            if (!names.isEmpty() && !names.contains(table)) {
                opened.error = tr("The library index has no table %1.").arg(table);
                return damaged(tr("no table %1").arg(table));
            }
        }
    }
    for (const QString &statement : schema) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            opened.error = tr("The library index cannot be prepared: %1.")
                               .arg(query.lastError().databaseText());
            return classify(query.lastError());
        }
    }
    // Libraries of earlier versions get the columns added; a table lacking others is not ours.
    const QHash<QString, QStringList> added = {
        {u"images"_s, {u"edit TEXT"_s, u"batch TEXT"_s}},
        {u"jobs"_s,
         {u"owner_pid INTEGER"_s, u"owner_start TEXT"_s, u"owner_machine TEXT"_s,
          u"context TEXT"_s}},
    };
    for (const auto &[table, required] : requiredColumns()) {
        QStringList present;
        QSqlQuery columns(db);
        if (!columns.exec(u"PRAGMA table_info(%1)"_s.arg(table))) {
            opened.error = tr("The library index cannot be read: %1.")
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
                opened.error = tr("The library index was not made by Atelier (its table %1 has no "
                                  "column %2).")
                                   .arg(table, column);
                return damaged(tr("its table %1 has no column %2").arg(table, column));
            }
        }
    }
    const QStringList derived = {
        // The gallery's order, newest first then by id: pages are read along it (LIMIT, from a
        // key), never sorted. Libraries made before it get it on their next open, in place of
        // the index on saved_at alone, which left ties to a sort.
        u"CREATE INDEX IF NOT EXISTS images_saved_id ON images(saved_at, id)"_s,
        u"DROP INDEX IF EXISTS images_saved"_s,
        u"CREATE INDEX IF NOT EXISTS images_model ON images(model)"_s,
        // What reconcile() found in each folder (a time, or the names in the library's own):
        // a cache, made anew when missing.
        u"CREATE TABLE IF NOT EXISTS folders(path TEXT PRIMARY KEY, stamp INTEGER NOT NULL)"_s,
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
            opened.error = tr("The library index cannot be prepared: %1.")
                               .arg(query.lastError().databaseText());
            // "no such column": a table of another program under our name.
            return query.lastError().nativeErrorCode() == u"1"_s
                ? damaged(query.lastError().databaseText())
                : classify(query.lastError());
        }
    }
    // A damaged page shows here rather than as a gallery that silently lacks images (or, with
    // Check::Structure, when the caller runs findDamage()). A truncated index is found either
    // way: SQLite compares the file's size with its header on the first read above.
    if (check == Check::Pages) {
        if (const std::optional<QString> reason = damageOf(db)) {
            opened.error = tr("The library index is damaged: %1.").arg(*reason);
            return damaged(*reason);
        }
    }
    return State::Ready;
}

Result<qint64> LibraryIndex::add(const LibraryImage &image)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return failure(db.lastError().text());
    QSqlQuery query(db);
    query.prepare(
        u"INSERT INTO images(path, endpoint, model, prompt, revised_prompt, recipe, width, height,"
        " format, bytes, usage, request_id, provider, parent_id, saved_at, favourite, edit,"
        " batch) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(path) DO NOTHING"_s);
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
    query.addBindValue(
        image.batch.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(image.batch).toJson(QJsonDocument::Compact)));
    if (!query.exec()) {
        const QString error = query.lastError().text();
        db.rollback();
        return failure(error);
    }
    qint64 id = query.lastInsertId().toLongLong();
    if (query.numRowsAffected() == 0) {
        // Another window on this library indexed the file first (its start-up found it on disk
        // a moment before this add): the image is in the index once, under that row.
        QSqlQuery existing(db);
        existing.prepare(u"SELECT id FROM images WHERE path = ?"_s);
        existing.addBindValue(relative(image.path));
        if (!existing.exec() || !existing.next()) {
            const QString error = existing.lastError().text();
            db.rollback();
            return failure(error);
        }
        id = existing.value(0).toLongLong();
    }
    if (!db.commit())
        return failure(db.lastError().text());
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
    image.batch = QJsonDocument::fromJson(query.value(15).toString().toUtf8()).object();
    return image;
}

const QString SelectColumns
    = u"SELECT images.id, path, recipe, images.revised_prompt, width, height, format, bytes,"
      " usage, request_id, provider, parent_id, saved_at, favourite, edit, batch FROM images"_s;

} // namespace

QList<LibraryImage> LibraryIndex::query(const LibraryQuery &request) const
{
    const auto [where, values] = sqlSelection(request, true);
    QString sql = SelectColumns + where + u" ORDER BY saved_at DESC, images.id DESC"_s;
    if (request.limit > 0)
        sql += u" LIMIT %1"_s.arg(request.limit);
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    QList<LibraryImage> images;
    if (!query.exec())
        return images;
    while (query.next())
        images.append(fromRow(query, m_folder));
    return images;
}

int LibraryIndex::count(const LibraryQuery &request) const
{
    const auto [where, values] = sqlSelection(request, false);
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    query.prepare(u"SELECT COUNT(*) FROM images"_s + where);
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

std::optional<LibraryImage> LibraryIndex::image(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(SelectColumns + u" WHERE images.id = ?"_s);
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return fromRow(query, m_folder);
}

std::optional<LibraryImage> LibraryIndex::imageAt(const QString &path) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(SelectColumns + u" WHERE path = ?"_s);
    query.addBindValue(relative(QFileInfo(path).absoluteFilePath()));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return fromRow(query, m_folder);
}

QList<LibraryImage> LibraryIndex::lineage(qint64 id) const
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

QList<LibraryImage> LibraryIndex::children(qint64 id) const
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

int LibraryIndex::count() const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    return query.exec(u"SELECT COUNT(*) FROM images"_s) && query.next() ? query.value(0).toInt()
                                                                        : 0;
}

QStringList LibraryIndex::models() const
{
    QStringList models;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (query.exec(u"SELECT DISTINCT model FROM images WHERE model <> '' ORDER BY model"_s)) {
        while (query.next())
            models.append(query.value(0).toString());
    }
    return models;
}

bool LibraryIndex::setFavourite(qint64 id, bool favourite)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(u"UPDATE images SET favourite = ? WHERE id = ?"_s);
    query.addBindValue(favourite ? 1 : 0);
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1)
        return false;
    return true;
}

QList<LibraryImage> LibraryIndex::remove(const QList<qint64> &ids)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QList<LibraryImage> removed;
    db.transaction();
    for (qint64 id : ids) {
        const std::optional<LibraryImage> found = image(id);
        if (!found)
            continue;
        QSqlQuery query(db);
        query.prepare(u"DELETE FROM images WHERE id = ?"_s);
        query.addBindValue(id);
        if (query.exec())
            removed.append(*found);
    }
    db.commit();
    return removed;
}

namespace {

// How long after a change a folder's time may still move within the same clock tick: a folder
// changed this recently is looked into again at the next open ("racy" times, as git has them).
constexpr qint64 RacyMs = 2000;

// The library's own folder changes whenever the index opens or closes (its -wal and -shm files):
// it is stamped with the names in it instead, the index's files aside.
qint64 rootStamp(const QString &folder)
{
    QStringList names = QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
    names.removeIf([](const QString &name) { return name.startsWith(LibraryIndex::fileName()); });
    const QByteArray digest
        = QCryptographicHash::hash(names.join(u'\n').toUtf8(), QCryptographicHash::Sha1);
    qint64 stamp = 0;
    std::memcpy(&stamp, digest.constData(), sizeof stamp);
    return stamp & std::numeric_limits<qint64>::max();
}

// Relative path of a folder's entry ("" is the library's folder).
QString entryPath(const QString &folder, const QString &name)
{
    return folder.isEmpty() ? name : folder + u'/' + name;
}

} // namespace

LibraryIndex::Reconciled LibraryIndex::reconcile()
{
    Reconciled repair;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    // Folders whose entries were the same at the last reconcile: what was in them then is in
    // the index (entries added, removed or renamed change a folder's time), so only changed
    // folders are read: the cost follows what changed, not the library's size.
    QHash<QString, qint64> known;
    QHash<QString, QStringList> knownChildren;
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (query.exec(u"SELECT path, stamp FROM folders"_s)) {
            while (query.next()) {
                const QString path = query.value(0).toString();
                known.insert(path, query.value(1).toLongLong());
                if (!path.isEmpty())
                    knownChildren[path.contains(u'/') ? path.section(u'/', 0, -2) : QString()]
                        .append(path);
            }
        }
    }
    const bool everything = known.isEmpty(); // a new or rebuilt index: every row is checked
    const qint64 started = QDateTime::currentMSecsSinceEpoch();
    QHash<QString, qint64> stamps;
    QStringList changed;
    QSet<QString> onDisk; // image files in changed folders, relative paths
    QStringList pending {QString()};
    while (!pending.isEmpty()) {
        const QString folder = pending.takeLast();
        const QString path = folder.isEmpty() ? m_folder : absolute(folder);
        const QFileInfo info(path);
        if (!folder.isEmpty() && (!info.isDir() || info.isSymLink()))
            continue; // gone: its rows are dropped below
        const qint64 stamp
            = folder.isEmpty() ? rootStamp(path) : info.lastModified().toMSecsSinceEpoch();
        stamps.insert(folder, !folder.isEmpty() && stamp >= started - RacyMs ? 0 : stamp);
        if (!everything && stamp != 0 && known.value(folder, -1) == stamp) {
            pending.append(knownChildren.value(folder));
            continue;
        }
        changed.append(folder);
        QDirIterator it(path, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
        while (it.hasNext()) {
            it.next();
            const QFileInfo entry = it.fileInfo();
            const QString name = entry.fileName();
            if (entry.isDir())
                pending.append(entryPath(folder, name));
            else if (LibraryFiles::imageSuffixes().contains(entry.suffix().toLower()))
                onDisk.insert(entryPath(folder, name));
        }
    }
    // The rows to check: those of changed folders (or all), and those under folders now gone.
    QSet<QString> indexed;
    const auto collect
        = [&](const QString &sql, const QVariantList &values, bool direct, const QString &folder) {
              QSqlQuery query(db);
              query.setForwardOnly(true);
              query.prepare(sql);
              for (const QVariant &value : values)
                  query.addBindValue(value);
              if (!query.exec())
                  return;
              while (query.next()) {
                  const QString row = query.value(0).toString();
                  // Only the folder's own images: those in its subfolders are their folders'
                  // business.
                  if (!direct || row.indexOf(u'/', folder.isEmpty() ? 0 : folder.size() + 1) < 0)
                      indexed.insert(row);
              }
          };
    const auto under = [](const QString &folder) {
        // Every path in the folder sorts between "folder/" and "folder0" ('0' follows '/').
        return QVariantList {QString(folder + u'/'), QString(folder + u'0')};
    };
    if (everything) {
        collect(u"SELECT path FROM images"_s, {}, false, {});
    } else {
        for (const QString &folder : std::as_const(changed)) {
            if (folder.isEmpty())
                collect(u"SELECT path FROM images WHERE instr(path, '/') = 0"_s, {}, false, {});
            else
                collect(u"SELECT path FROM images WHERE path > ? AND path < ?"_s, under(folder),
                        true, folder);
        }
        for (auto it = known.cbegin(); it != known.cend(); ++it) {
            if (!it.key().isEmpty() && !stamps.contains(it.key()))
                collect(u"SELECT path FROM images WHERE path > ? AND path < ?"_s, under(it.key()),
                        false, {});
        }
    }
    // Image files with a recipe beside them but no row: written just before a crash.
    QList<std::pair<QString, QString>> parents; // (child, parent), relative paths
    for (const QString &key : std::as_const(onDisk)) {
        if (indexed.contains(key))
            continue;
        const QString path = absolute(key);
        QFile recipe(LibraryFiles::recipePath(path));
        if (!recipe.open(QIODevice::ReadOnly))
            continue; // not an Atelier image
        const QJsonDocument json = QJsonDocument::fromJson(recipe.readAll());
        if (!json.isObject())
            continue;
        LibraryImage image = LibraryImage::fromRecipeJson(json.object(), path);
        image.bytes = QFileInfo(path).size();
        if (add(image)) {
            ++repair.indexed;
            if (!image.parentPath.isEmpty())
                parents.append({key, relative(absolute(image.parentPath))});
        }
    }
    // Lineage: a parent may have been indexed after its child, so links are made last.
    for (const auto &[child, parent] : std::as_const(parents)) {
        QSqlQuery link(db);
        link.prepare(
            u"UPDATE images SET parent_id = (SELECT id FROM images WHERE path = ?) WHERE path = ?"_s);
        link.addBindValue(parent);
        link.addBindValue(child);
        link.exec();
    }
    // Rows whose file is gone; then the folders as they are now.
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
    QSqlQuery forget(db);
    forget.exec(u"DELETE FROM folders"_s);
    for (auto it = stamps.cbegin(); it != stamps.cend(); ++it) {
        QSqlQuery remember(db);
        remember.prepare(u"INSERT INTO folders(path, stamp) VALUES(?, ?)"_s);
        remember.addBindValue(it.key());
        remember.addBindValue(it.value());
        remember.exec();
    }
    db.commit();
    return repair;
}

} // namespace Atelier
