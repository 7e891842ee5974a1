#pragma once

#include "model/imagerequest.h"
#include "model/imageresult.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSize>
#include <QString>

namespace Atelier {

// One image in the library: the file and everything about how it was made.
struct LibraryImage
{
    qint64 id = 0;
    QString path; // absolute
    ImageRequest request;
    QString revisedPrompt;
    QSize size;
    QString format;
    qint64 bytes = 0;
    Usage usage;
    QString requestId;
    QString provider;
    qint64 parentId = 0; // the image an edit or variation came from (0: none)
    // That image's file. The recipe beside the file keeps it relative to the library folder
    // ("parent"), so lineage survives rebuilding the index from the files.
    QString parentPath;
    // How the image was kept. Edits: {"keep_outside_mask": bool, "composite_of": id of the
    // model's raw output, "changed_outside_mask": share 0..1}. A partial image kept after a
    // crash cut its request short: {"partial_image_index": i, "interrupted": true}. Otherwise
    // empty.
    QJsonObject edit;
    // A result of the Batch API: {"id": batch id, "custom_id": the line's}; empty otherwise.
    QJsonObject batch;
    QDateTime savedAt;
    bool favourite = false;

    // The .json written beside each image file: enough to rebuild the index from the files.
    QJsonObject toRecipeJson() const;
    static LibraryImage fromRecipeJson(const QJsonObject &json, const QString &path);
};

} // namespace Atelier
