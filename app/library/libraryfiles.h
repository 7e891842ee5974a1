#pragma once

#include "libraryimage.h"

#include "platform/result.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Atelier {

// The library's files, without its index: where images and their .json recipes go
// (<folder>/<yyyy-MM>/, never overwriting), the images whose bytes are arriving
// (<folder>/.incoming/) and the partial images of running jobs (<folder>/.partials/job-<id>/).
// Every function is thread-safe and touches no database; writes and sweeps go through SafeFiles
// and never follow a link planted in the library.
class LibraryFiles final
{
public:
    // The suffixes of every format the API answers in.
    static const QStringList &imageSuffixes();
    // The recipe beside an image: <name>.json.
    static QString recipePath(const QString &imagePath);

    // Writes the image and its recipe into <folder>/<yyyy-MM>/; returns the image path.
    static Result<QString> writeFiles(const QString &folder, const LibraryImage &image,
                                      const QByteArray &bytes);
    // A file of its own in <folder>/.incoming/ for an image whose bytes are arriving (no two
    // processes collide), then moved into place whole by keepFiles() or keepPartial().
    static Result<QString> incomingPath(const QString &folder);
    static Result<QString> keepFiles(const QString &folder, const LibraryImage &image,
                                     const QString &incoming);
    // A partial image of job `jobId`, kept in <folder>/.partials/job-<id>/ until the job ends.
    static Result<QString> writePartial(const QString &folder, qint64 jobId,
                                        const ImageResult &image);
    static Result<QString> keepPartial(const QString &folder, qint64 jobId,
                                       const ImageResult &image, const QString &incoming);
    static QString partialsFolder(const QString &folder, qint64 jobId);
    // The partial images kept for a job, in arrival order (left-over temporary files are not).
    static QStringList partialFiles(const QString &folder, qint64 jobId);
    // Removes a job's partials folder: only what Atelier wrote there, never through a link.
    static void removePartials(const QString &folder, qint64 jobId);

    // Removes the .incoming files of processes that have ended.
    static void sweepIncoming(const QString &folder);
    // Removes the partials folders of jobs that have no journal entry: `journaled` lists the
    // entries (nothing: they cannot be read, and nothing is removed). It is asked after the
    // folders were listed, so a job another window starts meanwhile keeps its folder.
    static void
    sweepOrphanedPartials(const QString &folder,
                          const std::function<std::optional<QSet<qint64>>()> &journaled);
    // Records the favourite mark in an image's recipe too, so an index made anew from the files
    // keeps it. Best effort: the index has it already.
    static void setRecipeFavourite(const QString &imagePath, bool favourite);
    // Moves an image and its recipe to the desktop's trash (removed where there is none).
    static void trash(const QString &imagePath);

private:
    using WriteImage = std::function<Status(const QString &path)>;
    // Chooses the image's free name and writes its recipe, then the image with `writeImage`.
    static Result<QString> placeFiles(const QString &folder, const LibraryImage &image,
                                      const WriteImage &writeImage);
    static Result<QString> partialPath(const QString &folder, qint64 jobId,
                                       const ImageResult &image);
};

} // namespace Atelier
