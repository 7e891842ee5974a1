#pragma once

#include "api/providerprofile.h"
#include "batch/batchstore.h"
#include "clicontext.h"
#include "model/apierror.h"
#include "platform/result.h"

#include <QObject>

#include <memory>

class QCommandLineParser;

namespace Atelier {

class BatchClient;

// The batch messages translate in the context they have always had (lupdate reads the macro).
struct BatchText
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::BatchCommand)
};

// What the actions of `atelier-cli batch` share: the store of remembered batches, the provider
// and key a batch is asked at, its client, and how a run ends (once, with an exit code).
class BatchAction : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchAction)

public:
    BatchAction(CliContext &cli, QObject *parent);
    ~BatchAction() override;

    // Reads the options every action shares, then start(). Returns the exit code, or -1 when
    // finished() follows.
    int run(const QCommandLineParser &parser);
    virtual void interrupt();

Q_SIGNALS:
    void finished(int exitCode);

protected:
    virtual int start(const QCommandLineParser &parser) = 0;
    // A sentence added to a failed request's message; none by default.
    virtual QString adviceFor(const ApiError &error) const;

    // Where a batch is asked: the provider a remembered batch went to, or the one the options
    // and environment name (--provider or --base-url always win); with its key.
    struct Access
    {
        ProviderProfile profile;
        QString apiKey;
    };
    Result<Access> accessFor(const QCommandLineParser &parser, const BatchRecord *record);
    // True when accessFor() takes the provider `record` remembers, false for the options'.
    static bool asksRecordedProvider(const QCommandLineParser &parser, const BatchRecord *record);
    // A client for `access`, with --timeout and --retries; makeClient() makes it m_client.
    std::unique_ptr<BatchClient> newClient(const Access &access) const;
    void makeClient(const Access &access);
    // Ends the run once; finished() is emitted from the event loop.
    void end(int exitCode);
    // "error: WHAT: REASON", then end with the error's exit code.
    void fail(const QString &what, const ApiError &error);
    // The status as last seen, written into the remembered batch.
    void remember(const QString &batchId, const QString &status);

    static QString money(double dollars);
    static QString shortened(const QString &text, int length = 60);

    CliContext &m_cli;
    QTextStream &m_out;
    QTextStream &m_err;
    BatchStore m_store;
    std::unique_ptr<BatchClient> m_client;
    bool m_json = false;
    bool m_interrupted = false;

private:
    bool m_ended = false;
    int m_idleTimeoutMs = -1; // -1: the client's default
    int m_maxRetries = -1;
};

} // namespace Atelier
