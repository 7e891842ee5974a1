#pragma once

#include "api/providerprofile.h"
#include "model/imagerequest.h"
#include "platform/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QIODevice;

namespace Atelier {

// One request of a batch: which line of the prompts file it came from, the prompt after its
// wildcards were expanded, and the custom_id that names it in the batch's files.
struct BatchEntry
{
    QString customId;
    QString prompt;
    int line = 0; // 1-based line of the prompts file (the studio: the request's place, 1-based)
    // The whole request of this line when it differs from the batch's shared one by more than
    // the prompt (the studio's compare grid: other models, other qualities); empty otherwise.
    QJsonObject request;

    QJsonObject toJson() const;
    static BatchEntry fromJson(const QJsonObject &json);
    friend bool operator==(const BatchEntry &a, const BatchEntry &b)
    {
        return a.customId == b.customId && a.prompt == b.prompt && a.line == b.line
            && a.request == b.request;
    }
};

// A batch input file (JSONL) from a prompts file and the options of `generate`: one line
// {"custom_id", "method": "POST", "url": "/v1/images/generations", "body"} per prompt, the body
// exactly what `generate` sends for it, without the stream fields (a batch never streams).
// Edits go as JSON edits ("/v1/images/edits"): the input images, uploaded once, referenced by
// file id ({"images": [{"file_id"}], "mask": {"file_id"}}), the other fields as for generate.
class BatchPlan final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::BatchPlan)

public:
    // The Batch API's limits for one input file.
    static constexpr int MaximumRequests = 50000;
    static constexpr qint64 MaximumFileBytes = 200LL * 1024 * 1024;

    // The prompts of a file, one a line (blank lines skipped); a line with wildcards
    // ({red|green}) gives one entry per expansion. False with `errors` naming each bad line.
    static bool readPrompts(const QString &path, QList<BatchEntry> *entries, QStringList *errors);
    static bool readPrompts(QIODevice *device, QList<BatchEntry> *entries, QStringList *errors);
    // "line-12", "line-12-3" (third expansion of line 12): stable, readable, unique.
    static QString customIdFor(int line, int expansion, int expansions);

    // The request of one entry: the shared options with the entry's prompt, stream fields gone.
    static ImageRequest requestFor(const ImageRequest &shared, const QString &prompt);
    // The request of `entry`: its own when it has one (stream fields gone), else as above.
    static ImageRequest requestFor(const ImageRequest &shared, const BatchEntry &entry);
    // Uploaded input files: local path -> file id.
    using FileIds = QHash<QString, QString>;
    // The JSON body `generate` would send for `request` (model as the provider names it); for
    // an edit, the JSON edit with each image and the mask as {"file_id"} from `fileIds`.
    static QJsonObject body(const ImageRequest &request, const ProviderProfile &profile,
                            const FileIds &fileIds = {});
    // The files an edit batch uploads before its input file: its images, then its mask.
    static QStringList inputFiles(const ImageRequest &shared);
    // "/v1/images/generations": the url of every line (and the batch's endpoint).
    static QString endpointUrl(Endpoint endpoint);
    // One line of the input file, without its newline.
    static QByteArray line(const QString &customId, const QString &url, const QJsonObject &body);

    // Writes the input file to `device` one line at a time (no body is kept after its line is
    // written). Fails when the device refuses or the Batch API's limits are passed.
    static Status writeJsonl(QIODevice *device, const ImageRequest &shared,
                             const QList<BatchEntry> &entries, const ProviderProfile &profile,
                             const FileIds &fileIds = {});
};

} // namespace Atelier
