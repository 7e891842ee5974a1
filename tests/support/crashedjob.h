#pragma once

// A request journaled by a process that then died, as the studio leaves one when it crashes or
// is killed while the request runs: the entry belongs to a process that is gone, so the next
// studio on the library offers it again. A real process (library-writer --journal), because
// the journal tells a running window's jobs from a dead one's by their process.
// Needs LIBRARY_WRITER_PATH (tests/CMakeLists.txt).

#include "model/imagerequest.h"

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QTemporaryDir>

namespace Atelier::Testing {

// Returns the entry's id (0 if the process failed). `context`: what the studio journals beside
// the recipe (JournaledJob::context).
inline qint64 journalOfACrashedProcess(const QString &library, const ImageRequest &request,
                                       const QList<QByteArray> &partialImages = {},
                                       const QJsonObject &context = {})
{
    QTemporaryDir scratch;
    QFile recipe(scratch.filePath(QStringLiteral("recipe.json")));
    const QJsonObject entry {{QStringLiteral("recipe"), request.toJson()},
                             {QStringLiteral("context"), context}};
    if (!recipe.open(QIODevice::WriteOnly) || recipe.write(QJsonDocument(entry).toJson()) < 0)
        return 0;
    recipe.close();
    QStringList arguments {library, QStringLiteral("--journal"), recipe.fileName()};
    for (qsizetype i = 0; i < partialImages.size(); ++i) {
        QFile png(scratch.filePath(QStringLiteral("partial%1.png").arg(i)));
        if (!png.open(QIODevice::WriteOnly) || png.write(partialImages.at(i)) < 0)
            return 0;
        arguments.append(png.fileName());
    }
    QProcess writer;
    writer.start(QStringLiteral(LIBRARY_WRITER_PATH), arguments);
    if (!writer.waitForFinished(60000) || writer.exitStatus() != QProcess::NormalExit
        || writer.exitCode() != 0)
        return 0;
    return writer.readAllStandardOutput().trimmed().toLongLong();
}

} // namespace Atelier::Testing
