#pragma once

#include "batch/batchinfo.h"
#include "batchaction.h"

#include <vector>

namespace Atelier {

// atelier-cli batch status [BATCH_ID]: one batch in detail, or a line for every batch Atelier
// remembers, each asked in turn at the provider it went to.
class BatchStatus final : public BatchAction
{
    Q_OBJECT

public:
    using BatchAction::BatchAction;
    ~BatchStatus() override;

    void interrupt() override;

protected:
    int start(const QCommandLineParser &parser) override;

private:
    void statusNext();
    void printStatusLine(const BatchInfo &info, const BatchRecord *record);
    void printStatusDetail(const BatchInfo &info, const BatchRecord *record);

    const BatchRecord *recordOf(const QString &batchId) const;

    // Where batches are asked: one entry per provider (a client each), so that batches at one
    // provider share a client and its key is looked up once.
    struct Provider
    {
        QString where; // the remembered provider as JSON; empty: the options'
        Result<Access> access;
        std::unique_ptr<BatchClient> client;
    };
    std::vector<Provider> m_providers;
    QList<int> m_providerOf; // for each of m_statusIds, its index in m_providers
    QList<BatchRecord> m_records;
    QStringList m_statusIds;
    int m_statusNext = 0;
    int m_statusExit = 0;
    bool m_statusDetail = false; // one batch asked for: all it has to say
};

} // namespace Atelier
