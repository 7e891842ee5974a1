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

bool LibraryStore::open(const QString &folder, QString *error)
{
    close();
    m_folder = QDir(folder).absolutePath();
    if (!QDir().mkpath(m_folder)) {
        *error = tr("The library folder %1 cannot be created; choose another in the settings.")
                     .arg(m_folder);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(QDir(m_folder).filePath(DatabaseName));
    if (!db.open()) {
        *error = tr("The library index cannot be opened: %1.").arg(db.lastError().text());
        return false;
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
        "  saved_at INTEGER NOT NULL, favourite INTEGER NOT NULL DEFAULT 0)"_s,
        u"CREATE INDEX IF NOT EXISTS images_saved ON images(saved_at DESC)"_s,
        u"CREATE INDEX IF NOT EXISTS images_model ON images(model)"_s,
        u"CREATE VIRTUAL TABLE IF NOT EXISTS images_fts USING fts5("
        "  prompt, revised_prompt, content='images', content_rowid='id')"_s,
        u"CREATE TRIGGER IF NOT EXISTS images_fts_insert AFTER INSERT ON images BEGIN"
        "  INSERT INTO images_fts(rowid, prompt, revised_prompt) VALUES (new.id, new.prompt, new.revised_prompt); END"_s,
        u"CREATE TRIGGER IF NOT EXISTS images_fts_delete AFTER DELETE ON images BEGIN"
        "  INSERT INTO images_fts(images_fts, rowid, prompt, revised_prompt) VALUES ('delete', old.id, old.prompt, old.revised_prompt); END"_s,
        u"CREATE TABLE IF NOT EXISTS jobs(id INTEGER PRIMARY KEY, recipe TEXT NOT NULL,"
        "  started_at INTEGER NOT NULL, finished INTEGER NOT NULL DEFAULT 0)"_s,
    };
    for (const QString &statement : schema) {
        QString sqlError;
        if (!exec(statement, &sqlError)) {
            *error = tr("The library index cannot be prepared: %1.").arg(sqlError);
            return false;
        }
    }
    // Libraries made before edits were recorded get the column added.
    QSqlQuery columns(u"PRAGMA table_info(images)"_s, db);
    bool hasEdit = false;
    while (columns.next())
        hasEdit = hasEdit || columns.value(1).toString() == u"edit";
    if (!hasEdit) {
        QString sqlError;
        if (!exec(u"ALTER TABLE images ADD COLUMN edit TEXT"_s, &sqlError)) {
            *error = tr("The library index cannot be prepared: %1.").arg(sqlError);
            return false;
        }
    }
    m_repair = reconcile();
    sweepOrphanedPartials();
    sweepIncoming();
    return true;
}

void LibraryStore::sweepOrphanedPartials()
{
    // A job's partial images live in .partials/job-<id> while its journal entry exists. A crash
    // between closing the entry and removing the folder leaves the folder behind: its job
    // finished (its images are in the library), so the folder goes.
    QSet<qint64> journaled;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(u"SELECT id FROM jobs"_s))
        return;
    while (query.next())
        journaled.insert(query.value(0).toLongLong());
    // Only folders Atelier made: "job-<id>" and real folders, never a link (a planted
    // .partials/job-7 -> ~/Documents must not empty the user's documents).
    const QDir partials(QDir(m_folder).filePath(u".partials"_s));
    if (!SafeFiles::isOwnFolder(partials.path()))
        return;
    static const QRegularExpression jobFolder(u"^job-(\\d+)$"_s);
    const QStringList folders
        = partials.entryList({u"job-*"_s}, QDir::Dirs | QDir::NoSymLinks | QDir::NoDotAndDotDot);
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
    const QString month = SafeFiles::makeFolder(folder, saved.toString(u"yyyy-MM"_s), error);
    if (month.isEmpty())
        return {};
    const QDir dir(month);
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
    const QString incoming = SafeFiles::makeFolder(folder, u".incoming"_s, error);
    if (incoming.isEmpty())
        return {};
    // Unguessable, so no one can plant something under the name beforehand.
    return QDir(incoming).filePath(u"%1-%2-%3.part"_s.arg(QCoreApplication::applicationPid())
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
        " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"_s);
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
    const qint64 id = query.lastInsertId().toLongLong();
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
    return query.exec() && query.numRowsAffected() == 1;
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
    query.prepare(u"INSERT INTO jobs(recipe, started_at) VALUES(?, ?)"_s);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
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

QList<JournaledJob> LibraryStore::unfinishedJobs() const
{
    QList<JournaledJob> jobs;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(u"SELECT id, recipe, started_at FROM jobs ORDER BY id"_s))
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

QString LibraryStore::partialsFolder(const QString &folder, qint64 jobId)
{
    return QDir(folder).filePath(u".partials/job-%1"_s.arg(jobId));
}

QString LibraryStore::partialPath(const QString &folder, qint64 jobId, const ImageResult &image,
                                  QString *error)
{
    const QString partials = SafeFiles::makeFolder(folder, u".partials/job-%1"_s.arg(jobId), error);
    if (partials.isEmpty())
        return {};
    return QDir(partials).filePath(u"image%1-partial%2.%3"_s.arg(image.imageIndex)
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
