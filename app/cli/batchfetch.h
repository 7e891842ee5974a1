#pragma once

#include "batch/batchinfo.h"
#include "batchaction.h"

#include <QHash>
#include <QSet>

namespace Atelier {

// atelier-cli batch fetch BATCH_ID [--out DIR] [--wait]: streams a finished batch's output and
// error files line by line, saves each image with its recipe, names every failed line, and
// journals what was saved so that fetching again adds nothing.
class BatchFetch final : public BatchAction
{
    Q_OBJECT

public:
    using BatchAction::BatchAction;

protected:
    int start(const QCommandLineParser &parser) override;

private:
    void poll();
    void onFetchInfo(const BatchInfo &info);
    void downloadErrors();
    bool onOutputLine(QByteArray line);
    bool onErrorLine(QByteArray line);
    void reportFailure(const QString &customId, const ApiError &error);
    void finishFetch();
    QString promptLabel(const QString &customId) const;

    BatchRecord m_record;
    BatchInfo m_info;
    QString m_outDirectory;
    bool m_wait = false;
    int m_pollIntervalMs = 30000;
    QString m_lastStatus;
    QHash<QString, QStringList> m_saved; // custom_id -> files, from earlier fetches and this one
    QSet<QString> m_seen; // custom_ids answered in the output or error file
    int m_savedNow = 0;
    int m_savedBefore = 0;
    int m_failedLines = 0;
    int m_malformedLines = 0;
    int m_outputLine = 0;
    int m_errorLine = 0;
    bool m_writeFailed = false;
};

} // namespace Atelier
