#pragma once

#include "batch/batchinfo.h"
#include "batchaction.h"

namespace Atelier {

// atelier-cli batch status [BATCH_ID]: one batch in detail, or a line for every batch Atelier
// remembers, each asked in turn.
class BatchStatus final : public BatchAction
{
    Q_OBJECT

public:
    BatchStatus(CliContext &cli, QObject *parent);

protected:
    int start(const QCommandLineParser &parser) override;

private:
    void statusNext();
    void printStatusLine(const BatchInfo &info, const BatchRecord *record);
    void printStatusDetail(const BatchInfo &info, const BatchRecord *record);

    QList<BatchRecord> m_records;
    QStringList m_statusIds;
    int m_statusNext = 0;
    int m_statusExit = 0;
    bool m_statusDetail = false; // one batch asked for: all it has to say
};

} // namespace Atelier
