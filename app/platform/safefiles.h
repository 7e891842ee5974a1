#pragma once

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include "platform/result.h"

class QFile;
class QFileDevice;
class QRegularExpression;

namespace Atelier {

// Where Atelier deletes, moves or writes on its own (sweeps of its hidden folders, thumbnails,
// files written as bytes arrive), it never follows a link and never touches what it did not
// make: a link planted in the library (.partials/job-7 -> ~/Documents) must not turn a sweep
// into deleting the user's files, nor a write into overwriting one. The folder the user chose
// may itself be a link; what is inside it is checked entry by entry, never through a link.
class SafeFiles final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::SafeFiles)

public:
    // The entry itself (not what a link names) is a regular file, or a folder, of this user.
    static bool isOwnFile(const QString &path);
    static bool isOwnFolder(const QString &path);
    // Something is there under this name, a dangling link included (QFileInfo::exists follows
    // links and says no for one).
    static bool entryExists(const QString &path);

    // Makes the folders of `relative` ("inputs", ".partials/job-3") inside `root`, each one a
    // real folder of this user; a link, or another user's folder, on the way is refused.
    // Returns the folder's path, or why not.
    static Result<QString> makeFolder(const QString &root, const QString &relative);

    // Creates `path` for writing: exclusively (nothing of that name, not even a link, may be
    // there) and never through a link; else why not (and `file` is left without a name).
    static Status createNew(QFile *file, const QString &path);
    // Random hex characters for names no one can guess in advance.
    static QString randomToken(int characters = 16);

    // Removes the file if it is one of this user's regular files (a link is left alone).
    static bool removeOwnFile(const QString &path);
    // Removes, in a folder of this user, the regular files of this user whose names match
    // `names`, then the folder if that left it empty; links and everything else stay. Returns
    // whether the folder is gone.
    static bool removeOwnFolder(const QString &folder, const QRegularExpression &names);

    // Whether `path`, once "." and ".." are resolved, names an entry inside `folder`.
    static bool isInside(const QString &folder, const QString &path);

    // Makes `folder` and the folders above it that are missing (links to folders are followed:
    // the user may have chosen one). Done when it is a folder now, else why not in the system's
    // words, naming the entry at fault: "/tmp/a is a file, not a folder (Not a directory)",
    // "cannot create /srv/out: Permission denied"; the failure's subject is that entry's path.
    static Status makePath(const QString &folder);
    // Proves that files can be written in the folder: creates a hidden probe file there, writes a
    // byte and removes it. Done when that worked, else the system's reason ("Permission denied",
    // "No space left on device", "Read-only file system").
    static Status probeWritable(const QString &folder);
    // Both: makes the folder if needed and proves it takes a file. Called before anything is
    // paid for whose result must go there.
    static Status prepareWritableFolder(const QString &folder);

    // The system's words for an errno value ("No space left on device").
    static QString systemReason(int errorNumber);
    // Why an operation on `file` failed: what Qt recorded, or where it recorded nothing (a write
    // cut short, an fsync or a rename done by hand) the system's reason for `errorNumber`, the
    // errno the failed call left; never Qt's placeholder "Unknown error".
    static QString failureReason(const QFileDevice &file, int errorNumber);
    // Writes all of `bytes`, or says why not in the system's words ("No space left on device").
    static Status writeAll(QFileDevice *file, QByteArrayView bytes);
    // QFileDevice::flush(), saying why it failed.
    static Status flush(QFileDevice *file);
};

} // namespace Atelier
