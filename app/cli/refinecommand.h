#pragma once

#include "api/providerprofile.h"
#include "api/responsesparser.h"
#include "catalog/catalog.h"
#include "clicontext.h"
#include "model/apierror.h"
#include "model/imageresult.h"
#include "model/refinerequest.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>

#include <memory>

class QCommandLineParser;
class QNetworkAccessManager;

namespace Atelier {

class ImageWriter;
class RefineJob;

// atelier-cli refine: one turn of a conversation through the Responses API's image_generation
// tool (RefineJob). Checks the turn against the catalog, probes --out, sends, saves partial
// images as they arrive and the final image with its recipe (response id and the one it
// continued), prints the paths, the turn's cost and "conversation: <response id>" to continue
// from. A provider without /responses, an expired conversation and a refusal get their own
// sentence.
class RefineCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefineCommand)

public:
    RefineCommand(CliContext &cli, QObject *parent);
    ~RefineCommand() override;

    // Returns the exit code, or -1 when finished(exitCode) follows.
    int start(const QCommandLineParser &parser);
    // Ctrl+C: cancel the turn; what was received stays on disk.
    void interrupt();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void save(const ImageResult &image);
    void onFailed(const ApiError &error);
    void onFinished();
    // The turn's cost line ("Cost: $0.0421 ...") from its usage; empty without usage.
    QString costLine() const;
    double imageCost() const;

    CliContext &m_cli;
    Catalog m_catalog;
    ProviderProfile m_profile;
    RefineRequest m_request;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QPointer<RefineJob> m_job;
    std::shared_ptr<ImageWriter> m_writer;
    bool m_json = false;
    bool m_interrupted = false;
    bool m_writeFailed = false;
    QString m_responseId;
    ResponsesUsage m_usage;
    ApiError m_error;
    QJsonArray m_savedImages;
    QJsonArray m_savedPartials;
};

} // namespace Atelier
