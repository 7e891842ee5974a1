#pragma once

#include "api/imagesclient.h"
#include "api/imageresult.h"
#include "api/providerprofile.h"
#include "catalog/catalog.h"
#include "joblistmodel.h"

#include <QObject>
#include <QTimer>

namespace Atelier {

// What the studio window drives: the catalog, the client, the session's jobs, and where finished
// images go. No widgets here: the window only calls these methods and shows what they report.
class StudioSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StudioSession)

public:
    explicit StudioSession(Catalog catalog, QObject *parent = nullptr);
    ~StudioSession() override;

    const Catalog &catalog() const { return m_client->catalog(); }
    JobListModel *jobs() const { return m_jobs; }
    ImagesClient *client() const { return m_client; }

    // The "Environment" provider: what the official SDKs would use (OPENAI_API_KEY, ...), else
    // the key stored in the keychain. Returns where the key came from, or why there is none.
    QString useEnvironmentProvider();
    void setProvider(const ProviderProfile &profile, const QString &apiKey);
    bool hasApiKey() const { return m_client->hasApiKey(); }

    // Finished images are saved here at once, each with a .json recipe beside it.
    static QString defaultLibraryFolder();
    void setLibraryFolder(const QString &folder) { m_libraryFolder = folder; }
    QString libraryFolder() const { return m_libraryFolder; }

    // Validates and starts the request; returns the errors instead when it is not valid (nothing
    // is sent then). Several streamed images go out as parallel one-image requests, so that every
    // image streams.
    QList<Violation> submit(const ImageRequest &request);
    void cancel(int row);
    void retry(int row);
    double sessionCost() const { return m_sessionCost; }

Q_SIGNALS:
    void partialImage(int row, const Atelier::ImageResult &image);
    void imageReady(int row, const Atelier::ImageResult &image);
    void jobFailed(int row, const Atelier::ApiError &error);
    void sessionCostChanged(double cost);
    void statusMessage(const QString &text);

private:
    int startJob(const ImageRequest &request);
    void tick();

    ImagesClient *m_client;
    JobListModel *m_jobs;
    QTimer m_ticker;
    QString m_libraryFolder;
    double m_sessionCost = 0.0;
};

} // namespace Atelier
