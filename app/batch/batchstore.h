#pragma once

#include "api/providerprofile.h"
#include "batchplan.h"
#include "model/imagerequest.h"
#include "platform/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Atelier {

// What Atelier remembers of a batch it submitted, so that a later run (or the studio) can ask
// for its state and save its results: where it went, the shared request, every prompt with its
// custom_id. Never the API key.
struct BatchRecord
{
    QString id; // batch_...
    QDateTime submittedAt;
    QJsonObject provider; // ProviderProfile::toJson(), credentials in the URL removed
    ImageRequest request; // the options every line shares (no prompt)
    QList<BatchEntry> entries;
    QString inputFileId;
    QStringList uploadedFileIds; // input images of edits, uploaded once
    QString status; // as last seen
    double estimatedCost = -1; // at batch price, US dollars; -1: unknown
    double normalCost = -1; // the same requests sent one by one; -1: unknown
    // The studio: when the results of a finished batch were fetched (invalid: not yet), and
    // what its saved requests cost at batch price by their usage (-1: unknown).
    QDateTime fetchedAt;
    double actualCost = -1;
    QJsonObject lastSeen; // the studio: the API's Batch object as last retrieved

    const BatchEntry *entry(const QString &customId) const;
    ProviderProfile providerProfile() const;

    QJsonObject toJson() const;
    static BatchRecord fromJson(const QJsonObject &json);
};

// The batches of this user in the config folder (<config>/Atelier/batches/): one JSON file a
// batch, and beside it a journal of the results already saved, one line per saved request,
// appended as each is written, so a fetch that is stopped half way resumes where it was.
class BatchStore final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::BatchStore)

public:
    explicit BatchStore(const QString &directory = defaultDirectory());

    static QString defaultDirectory();
    QString directory() const { return m_directory; }

    Status save(const BatchRecord &record) const;
    Result<BatchRecord> load(const QString &batchId) const;
    // Every batch remembered, the newest first.
    QList<BatchRecord> all(QStringList *warnings) const;
    bool contains(const QString &batchId) const;

    // The saved results: custom_id -> the image files written for it.
    QHash<QString, QStringList> savedResults(const QString &batchId) const;
    Status recordSaved(const QString &batchId, const QString &customId,
                       const QStringList &paths) const;

    // A batch id as a file name: only what the API's ids are made of.
    static bool isValidId(const QString &batchId);

private:
    QString recordPath(const QString &batchId) const;
    QString journalPath(const QString &batchId) const;
    Status makeDirectory() const;

    QString m_directory;
};

} // namespace Atelier
