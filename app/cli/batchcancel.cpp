#include "batchcancel.h"

#include "batch/batchclient.h"
#include "batch/batchinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Atelier {

int BatchCancel::start(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        m_err << BatchText::tr(
            "error: 'batch cancel' needs one batch id, e.g. 'atelier-cli batch cancel "
            "batch_abc123'.")
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    const QString id = positional.first();
    const Result<BatchRecord> record = m_store.load(id); // unknown: the options name the provider
    const Result<Access> access = accessFor(parser, record ? &*record : nullptr);
    if (!access) {
        m_cli.error(access.error());
        return ExitCode::InvalidInput;
    }
    makeClient(*access);
    m_client->cancelBatch(id, [this, id](const QJsonObject &json, const ApiError &error) {
        if (error.isError()) {
            fail(BatchText::tr("batch %1 could not be cancelled").arg(id), error);
            return;
        }
        const BatchInfo info = BatchInfo::fromJson(json);
        remember(id, info.status);
        m_out << BatchText::tr("Batch %1 is %2; what it finished so far can still be fetched.")
                     .arg(id, BatchInfo::statusText(info.status))
              << Qt::endl;
        end(ExitCode::Success);
    });
    return -1;
}

} // namespace Atelier
