#pragma once

#include "batchinfo.h"
#include "batchstore.h"
#include "model/apierror.h"
#include "model/imagerequest.h"
#include "model/imageresult.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <map>
#include <memory>

namespace Atelier {

class BatchClient;
class Catalog;
class LibraryStore;
struct BatchOutputLine;

// The results of finished batches, fetched into the library: reads a batch's output file and
// then its error file line by line (BatchClient::downloadLines), saves each answered request's
// images with their recipe and {"batch": {"id", "custom_id"}}, journals what was saved in the
// store (so fetching again adds nothing) and notes every request that failed, with its reason.
// BatchMonitor owns one and decides when a batch is fetched and what its outcome means.
class BatchResults final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchResults)

public:
    // What one fetch has seen.
    struct Fetch
    {
        QHash<QString, QStringList> saved; // from earlier fetches and this one
        QSet<QString> seen; // custom_ids either file answered
        int savedNow = 0;
        int outputLine = 0;
        int errorLine = 0;
        double cost = 0;
        bool costKnown = true;
        QStringList failures;
    };

    BatchResults(const Catalog *catalog, LibraryStore *library, BatchStore store,
                 QObject *parent = nullptr);
    ~BatchResults() override;

    // Fetches the files `info` names of the batch `record` through `client`, which must outlive
    // the fetch; fetched() or failed() follows.
    void fetch(const BatchRecord &record, const BatchInfo &info, BatchClient *client);

Q_SIGNALS:
    // Both files were read: what was saved (now and before) and what failed.
    void fetched(const QString &id, const Atelier::BatchResults::Fetch &fetch);
    // A file could not be read (`what` says which); `failures` were noted before that.
    void failed(const QString &id, const QString &what, const Atelier::ApiError &error,
                const QStringList &failures);
    void imageSaved(qint64 libraryId);

private:
    struct Running;

    void fetchErrors(const QString &id);
    void finish(const QString &id);
    void fail(const QString &id, const QString &what, const ApiError &error);
    bool saveLine(Running &running, BatchOutputLine &line);
    void noteFailure(Running &running, const QString &customId, const ApiError &error);
    QString label(const BatchRecord &record, const QString &customId) const;
    double costOf(const ImageRequest &request, const Usage &usage) const;

    const Catalog *m_catalog;
    LibraryStore *m_library;
    BatchStore m_store;
    std::map<QString, std::unique_ptr<Running>> m_running;
};

} // namespace Atelier
