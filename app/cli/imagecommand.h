#pragma once

#include "catalog/catalog.h"
#include "clicontext.h"
#include "model/apierror.h"
#include "model/endpoint.h"
#include "model/imagerequest.h"
#include "model/imageresult.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>

#include <memory>

class QCommandLineParser;

namespace Atelier {

class ImageJob;
class ImageWriter;
class ImagesClient;

// atelier-cli generate | edit | vary: checks the request like the studio does (GenerationPlan),
// probes --out, sends, saves every image as it arrives (ImageWriter) and prints the paths or one
// JSON summary.
class ImageCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageCommand)

public:
    ImageCommand(CliContext &cli, QObject *parent);
    ~ImageCommand() override;

    // Returns the exit code, or -1 when finished(exitCode) follows.
    int start(Endpoint endpoint, const QString &command, const QCommandLineParser &parser);
    // Ctrl+C: cancel the jobs; their received images stay on disk.
    void interrupt();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void startJob(const ImageRequest &request, int jobIndex, int imagesRequested);
    void onJobFinished();

    CliContext &m_cli;
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
};

} // namespace Atelier
