#pragma once

#include "clicontext.h"

#include <QObject>
#include <QPointer>

namespace Atelier {

class BatchAction;

// atelier-cli batch submit | status | fetch | cancel: large runs through the Batch API at half
// price. The batch is remembered in the config folder (BatchStore), so any later run continues
// where the last one ended. This class parses the options and hands the run to the action's
// class (BatchSubmit, BatchStatus, BatchFetch, BatchCancel).
class BatchCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchCommand)

public:
    BatchCommand(CliContext &cli, QObject *parent);
    ~BatchCommand() override;

    // `arguments`: the program's, "batch" and the action removed from them already
    // (program, options...). Returns the exit code, or -1 when finished() follows.
    int start(const QString &action, const QStringList &arguments);
    void interrupt();

Q_SIGNALS:
    void finished(int exitCode);

private:
    CliContext &m_cli;
    QPointer<BatchAction> m_action; // child
};

} // namespace Atelier
