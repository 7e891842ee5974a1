#pragma once

#include "batch/batchinfo.h"
#include "batch/batchplan.h"
#include "batch/batchstore.h"
#include "cliapplication.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTextStream>

#include <memory>

class QCommandLineParser;
class QTimer;

namespace Atelier {

class BatchClient;
struct BatchOutputLine;

namespace ExitCode {
constexpr int NotFinished = 5; // batch fetch: the batch is still running; nothing to fetch yet
} // namespace ExitCode

// atelier-cli batch submit | status | fetch | cancel: large runs through the Batch API at half
// price. The batch is remembered in the config folder (BatchStore), so any later run continues
// where the last one ended.
class BatchCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchCommand)

public:
    BatchCommand(CliApplication *cli, QTextStream &out, QTextStream &err);
    ~BatchCommand() override;

    // `arguments`: the program's, "batch" and the action removed from them already
    // (program, options...). Returns the exit code, or -1 when finished() follows.
    int start(const QString &action, const QStringList &arguments);
    void interrupt();

Q_SIGNALS:
    void finished(int exitCode);

private:
    int submit(const QCommandLineParser &parser);
    void uploadNextInput();
    void uploadBatchFile();
    int status(const QCommandLineParser &parser);
    int fetch(const QCommandLineParser &parser);
    int cancel(const QCommandLineParser &parser);

    // The provider a remembered batch went to, or the one the options and environment name.
    bool profileFor(const QCommandLineParser &parser, const BatchRecord *record,
                    ProviderProfile *profile, QString *apiKey);
    void makeClient(const QCommandLineParser &parser, const ProviderProfile &profile,
                    const QString &apiKey);
    void end(int exitCode);
    void fail(const QString &what, const ApiError &error);
    int exitCodeFor(const ApiError &error) const;

    void statusNext();
    void printStatusLine(const BatchInfo &info, const BatchRecord *record);
    void printStatusDetail(const BatchInfo &info, const BatchRecord *record);
    void remember(const QString &batchId, const QString &status);

    void poll();
    void onFetchInfo(const BatchInfo &info);
    void downloadErrors();
    bool onOutputLine(QByteArray line);
    bool onErrorLine(QByteArray line);
    void reportFailure(const QString &customId, const ApiError &error);
    void finishFetch();
    QString promptLabel(const QString &customId) const;

    CliApplication *m_cli;
    QTextStream &m_out;
    QTextStream &m_err;
    BatchStore m_store;
    std::unique_ptr<BatchClient> m_client;
    bool m_json = false;
    bool m_interrupted = false;
    bool m_ended = false;

    // status
    QList<BatchRecord> m_records;
    QStringList m_statusIds;
    int m_statusNext = 0;
    int m_statusExit = 0;
    bool m_statusDetail = false; // one batch asked for: all it has to say

    // submit
    ProviderProfile m_profile;
    QStringList m_pendingUploads; // an edit's input files still to upload
    BatchPlan::FileIds m_fileIds;
    double m_normalCost = -1;

    // submit (what is sent) and fetch (what was)
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
