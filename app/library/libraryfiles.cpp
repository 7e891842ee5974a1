#include "libraryfiles.h"

#include "contentfiles.h"
#include "fileslug.h"

#include "platform/leftovers.h"
#include "platform/safefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// What Atelier writes into a job's partials folder: its partial images, and the temporary files
// of their writes. Nothing else there is ever removed.
const QRegularExpression &partialFileNames()
{
    static const QRegularExpression names(
        u"^image\\d+-partial\\d+\\.(png|jpg|jpeg|webp)(\\.[0-9a-f]+\\.part)?$"_s);
    return names;
}

void removePartialsFolder(const QString &folder)
{
    if (SafeFiles::isOwnFolder(QFileInfo(folder).path()))
        SafeFiles::removeOwnFolder(folder, partialFileNames());
}

} // namespace

const QStringList &LibraryFiles::imageSuffixes()
{
    // Every format the API answers in (GIF and SVG from gpt-image-2.6 on).
    static const QStringList suffixes
        = {u"png"_s, u"jpg"_s, u"jpeg"_s, u"webp"_s, u"gif"_s, u"svg"_s};
    return suffixes;
}

QString LibraryFiles::recipePath(const QString &imagePath)
{
    const QFileInfo info(imagePath);
    return info.dir().filePath(info.completeBaseName() + u".json"_s);
}

Result<QString> LibraryFiles::writeFiles(const QString &folder, const LibraryImage &image,
                                         const QByteArray &bytes)
{
    // Deferred flushing: the files are complete under their names at once, which is what a crash
    // of the app can see; the disk catches up moments later, off the path to the screen.
    return placeFiles(folder, image, [&bytes](const QString &path) {
        return ContentFiles::writeAtomically(path, bytes, ContentFiles::Durability::Deferred);
    });
}

Result<QString> LibraryFiles::keepFiles(const QString &folder, const LibraryImage &image,
                                        const QString &incoming)
{
    return placeFiles(folder, image, [&incoming](const QString &path) {
        return ContentFiles::adopt(incoming, path, ContentFiles::Durability::Deferred);
    });
}

Result<QString> LibraryFiles::placeFiles(const QString &folder, const LibraryImage &image,
                                         const WriteImage &writeImage)
{
    static QMutex mutex; // choosing a free name and taking it must not interleave
    const QMutexLocker locker(&mutex);
    const QDateTime saved = image.savedAt.isValid() ? image.savedAt : QDateTime::currentDateTime();
    const Result<QString> month = SafeFiles::makeFolder(folder, saved.toString(u"yyyy-MM"_s));
    if (!month)
        return month.failure();
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
    if (const Status recipe = ContentFiles::writeAtomically(
            base + u".json"_s, QJsonDocument(described.toRecipeJson()).toJson(),
            ContentFiles::Durability::Deferred);
        !recipe)
        return recipe.failure();
    if (const Status written = writeImage(path); !written) {
        QFile::remove(base + u".json"_s);
        return written.failure();
    }
    return path;
}

Result<QString> LibraryFiles::incomingPath(const QString &folder)
{
    static std::atomic<quint64> counter = 0;
    const Result<QString> incoming = SafeFiles::makeFolder(folder, u".incoming"_s);
    if (!incoming)
        return incoming.failure();
    // Unguessable, so no one can plant something under the name beforehand.
    return QDir(*incoming).filePath(u"%1-%2-%3.part"_s.arg(QCoreApplication::applicationPid())
                                        .arg(++counter)
                                        .arg(SafeFiles::randomToken()));
}

void LibraryFiles::sweepIncoming(const QString &folder)
{
    // Images that were arriving when their process died: never complete, never shown as kept.
    // The files of processes still running (another window on this library) stay.
    // (Names without the random part are those of earlier versions.)
    const QString incoming = QDir(folder).filePath(u".incoming"_s);
    if (SafeFiles::isOwnFolder(incoming))
        removeLeftovers(incoming, u"^(\\d+)-\\d+(-[0-9a-f]{16})?\\.part$"_s);
}

QString LibraryFiles::partialsFolder(const QString &folder, qint64 jobId)
{
    return QDir(folder).filePath(u".partials/job-%1"_s.arg(jobId));
}

void LibraryFiles::removePartials(const QString &folder, qint64 jobId)
{
    removePartialsFolder(partialsFolder(folder, jobId));
}

QStringList LibraryFiles::partialFiles(const QString &folder, qint64 jobId)
{
    QStringList imagePatterns;
    for (const QString &suffix : imageSuffixes())
        imagePatterns.append(u"*."_s + suffix);
    const QDir partials(partialsFolder(folder, jobId));
    // Names sort in arrival order: image<i>-partial<k> (temporary files of a save cut
    // short by the crash have other suffixes and are left out).
    // (A link there is no folder Atelier made: nothing is read through it.)
    const bool own = SafeFiles::isOwnFolder(partials.path());
    const QStringList names = own
        ? partials.entryList(imagePatterns, QDir::Files | QDir::NoSymLinks, QDir::Name)
        : QStringList();
    QStringList files;
    for (const QString &name : names) {
        if (SafeFiles::isOwnFile(partials.filePath(name)))
            files.append(partials.filePath(name));
    }
    return files;
}

void LibraryFiles::sweepOrphanedPartials(
    const QString &folder, const std::function<std::optional<QSet<qint64>>()> &journaled)
{
    // Only folders Atelier made: "job-<id>" and real folders, never a link (a planted
    // .partials/job-7 -> ~/Documents must not empty the user's documents).
    const QDir partials(QDir(folder).filePath(u".partials"_s));
    if (!SafeFiles::isOwnFolder(partials.path()))
        return;
    // The folders first, then the entries: a job another window starts meanwhile has its entry
    // before its folder, so a folder seen here whose entry is missing is truly left over.
    const QStringList folders
        = partials.entryList({u"job-*"_s}, QDir::Dirs | QDir::NoSymLinks | QDir::NoDotAndDotDot);
    const std::optional<QSet<qint64>> ids = journaled();
    if (!ids)
        return;
    static const QRegularExpression jobFolder(u"^job-(\\d+)$"_s);
    for (const QString &name : folders) {
        const QRegularExpressionMatch match = jobFolder.match(name);
        bool number = false;
        const qint64 id = match.hasMatch() ? match.captured(1).toLongLong(&number) : 0;
        if (number && !ids->contains(id))
            removePartialsFolder(partials.filePath(name));
    }
}

Result<QString> LibraryFiles::partialPath(const QString &folder, qint64 jobId,
                                          const ImageResult &image)
{
    const Result<QString> partials
        = SafeFiles::makeFolder(folder, u".partials/job-%1"_s.arg(jobId));
    if (!partials)
        return partials.failure();
    return QDir(*partials).filePath(u"image%1-partial%2.%3"_s.arg(image.imageIndex)
                                        .arg(image.index)
                                        .arg(imageFileSuffix(image.format)));
}

Result<QString> LibraryFiles::writePartial(const QString &folder, qint64 jobId,
                                           const ImageResult &image)
{
    const Result<QString> path = partialPath(folder, jobId, image);
    if (!path)
        return path;
    // Transient: enough to survive a crash of the app, and never waited for.
    if (const Status written
        = ContentFiles::writeAtomically(*path, image.encoded, ContentFiles::Durability::Transient);
        !written)
        return written.failure();
    return path;
}

Result<QString> LibraryFiles::keepPartial(const QString &folder, qint64 jobId,
                                          const ImageResult &image, const QString &incoming)
{
    const Result<QString> path = partialPath(folder, jobId, image);
    if (!path)
        return path;
    if (const Status adopted
        = ContentFiles::adopt(incoming, *path, ContentFiles::Durability::Transient);
        !adopted)
        return adopted.failure();
    return path;
}

void LibraryFiles::setRecipeFavourite(const QString &imagePath, bool favourite)
{
    const QString recipe = recipePath(imagePath);
    QFile file(recipe);
    if (!SafeFiles::isOwnFile(recipe) || !file.open(QIODevice::ReadOnly))
        return;
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    if (json.isEmpty() || json.value(u"favourite"_s).toBool() == favourite)
        return;
    if (favourite)
        json.insert(u"favourite"_s, true);
    else
        json.remove(u"favourite"_s);
    // Unchecked: the index has it; the recipe is what a rebuild reads.
    (void)ContentFiles::writeAtomically(recipe, QJsonDocument(json).toJson(),
                                        ContentFiles::Durability::Deferred);
}

void LibraryFiles::trash(const QString &imagePath)
{
    // To the desktop's trash where there is one, so a slip can be undone.
    for (const QString &file : {imagePath, recipePath(imagePath)}) {
        if (!QFile::moveToTrash(file))
            QFile::remove(file);
    }
}

} // namespace Atelier
