#pragma once

#include "batch/batchplan.h"
#include "batchaction.h"

namespace Atelier {

// atelier-cli batch submit --prompts FILE: one request a line (wildcards expanded), every line
// checked before anything is uploaded; an edit's inputs uploaded once, the JSONL input file
// written to a private temporary file and uploaded from disk, the batch created and remembered.
class BatchSubmit final : public BatchAction
{
    Q_OBJECT

public:
    using BatchAction::BatchAction;

protected:
    int start(const QCommandLineParser &parser) override;
    QString adviceFor(const ApiError &error) const override;

private:
    void uploadNextInput();
    void uploadBatchFile();

    ProviderProfile m_profile;
    QStringList m_pendingUploads; // an edit's input files still to upload
    BatchPlan::FileIds m_fileIds;
    double m_normalCost = -1;
    BatchRecord m_record; // what is sent
};

} // namespace Atelier
