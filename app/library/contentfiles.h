#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QString>

#include "platform/result.h"

namespace Atelier {

// Files kept by their content (edit inputs, masks): named by their SHA-256, written once, so the
// same bytes are never stored twice and a recipe's paths stay valid.
class ContentFiles final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::ContentFiles)

public:
    // Synced: flushed to the disk before returning. Deferred: complete under its name at once
    // (which is all a crash of the app, or kill -9, can see), flushed to the disk moments later
    // on a background thread, so showing a received image never waits for the disk. Transient:
    // complete under its name at once, flushed whenever the system likes (files that live only
    // while a job runs: a power cut loses the job anyway).
    enum class Durability { Synced, Deferred, Transient };
    // Writes `bytes` all or nothing (to <path>.part, then renamed); else why not.
    static Status writeAtomically(const QString &path, const QByteArray &bytes,
                                  Durability durability = Durability::Synced);
    // As writeAtomically() (synced), but never replacing anything of that name: a failure then.
    static Status writeNew(const QString &path, const QByteArray &bytes);
    // A file written elsewhere (an image saved as its bytes arrived) put under `path` in one
    // step, replacing a file of that name, flushed as `durability` says; else why not (the
    // written file is then left where it is).
    static Status adopt(const QString &written, const QString &path,
                        Durability durability = Durability::Synced);
    // Blocks until every deferred flush has been done (tests, and before the app exits).
    static void waitForDeferredSyncs();
    // Stores `bytes` in `folder` as <hash>.<suffix>; returns the path, or why not.
    static Result<QString> store(const QString &folder, const QByteArray &bytes,
                                 const QString &suffix);
    // Copies the file at `path` into `folder` under its content's name (streamed, never read
    // into memory); a file already in `folder`, or an empty path, is returned as it is.
    static Result<QString> keep(const QString &folder, const QString &path);
    // Whether `fileName` (no folder) is a name store() or keep() gives: the content's hash.
    static bool isContentName(const QString &fileName);
    // The image as PNG bytes.
    static QByteArray png(const QImage &image);

private:
    static Status write(const QString &path, const QByteArray &bytes, Durability durability,
                        bool replace);
};

} // namespace Atelier
