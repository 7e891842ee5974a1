#pragma once

#include "api/providerprofile.h"
#include "catalog/catalog.h"
#include "model/apierror.h"
#include "model/imagerequest.h"
#include "model/imageresult.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTextStream>

#include <memory>

class QCommandLineParser;

namespace Atelier {

class BatchCommand;
class ImageJob;
class ImageWriter;
class ImagesClient;

// Exit codes of atelier-cli.
namespace ExitCode {
constexpr int Success = 0;
constexpr int Failure = 1; // anything else (e.g. the keychain refused)
constexpr int InvalidInput = 2; // every violation printed, nothing sent
constexpr int ApiError = 3; // the API answered with an error (or an unusable answer)
constexpr int NetworkError = 4; // no answer: network failure or timeout
constexpr int Interrupted = 130; // Ctrl+C; what was received is kept
} // namespace ExitCode

// atelier-cli: the command-line front end on the core engine.
class CliApplication final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliApplication)

public:
    explicit CliApplication(QObject *parent = nullptr);
    ~CliApplication() override;

    // Runs the command in `arguments` (argv without the program name's path semantics: the first
    // entry is the program). Returns the exit code, or -1 when the event loop must run and
    // finished(exitCode) will follow.
    int start(const QStringList &arguments);
    // Ctrl+C: cancel running jobs; their received images stay on disk.
    void interrupt();

    static QString usage();

Q_SIGNALS:
    void finished(int exitCode);

private:
    friend class BatchCommand; // the batch commands share the options and the request building
    static void addCommandOptions(QCommandLineParser *parser, const QString &command);
    int runModels(const QCommandLineParser &parser);
    int refreshLifecycles(const QCommandLineParser &parser, const QString &overlayPath);
    int runImages(Endpoint endpoint, const QCommandLineParser &parser);
    int runKey(const QCommandLineParser &parser);
    bool buildRequest(Endpoint endpoint, const QCommandLineParser &parser, ImageRequest *request);
    bool buildProfile(const QCommandLineParser &parser, ProviderProfile *profile);
    QString findApiKey(const ProviderProfile &profile, const QString &account, QString *where);
    void startJob(const ImageRequest &request, int jobIndex, int imagesRequested);
    void onJobFinished();
    int exitCodeFor(const ApiError &error) const;

    QString m_command;
    QTextStream m_out;
    QTextStream m_err;
    Catalog m_catalog;
    std::unique_ptr<ImagesClient> m_client;
    std::shared_ptr<ImageWriter> m_writer; // shared with the decode threads that save images
    QList<QPointer<ImageJob>> m_jobs;
    int m_running = 0;
    bool m_json = false;
    bool m_interrupted = false;
    bool m_writeFailed = false;
    ImageRequest m_request;
    QJsonArray m_savedImages;
    QJsonArray m_savedPartials;
    QJsonArray m_requestIds;
    QJsonArray m_errors;
    Usage m_usage;
    QList<ApiError> m_failures;
    BatchCommand *m_batch = nullptr; // child; `atelier-cli batch ...`
};

} // namespace Atelier
