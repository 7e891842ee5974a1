#pragma once

#include "batchaction.h"

namespace Atelier {

// atelier-cli batch cancel BATCH_ID: asks the batch's provider to cancel it; what it finished
// so far can still be fetched.
class BatchCancel final : public BatchAction
{
    Q_OBJECT

public:
    using BatchAction::BatchAction;

protected:
    int start(const QCommandLineParser &parser) override;
};

} // namespace Atelier
