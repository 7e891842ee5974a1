#pragma once

#include "api/imagesclient.h"
#include "api/providerprofile.h"
#include "catalog/catalog.h"
#include "generationplan.h"
#include "joblistmodel.h"
#include "jobqueue.h"
#include "library/librarystore.h"
#include "model/imageresult.h"

#include <QObject>
#include <QTemporaryDir>
#include <QThreadPool>
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

    const Catalog &catalog() const { return m_catalog; }
    // The session's jobs, and a table of them for views.
    JobQueue *queue() const { return m_queue; }
    JobListModel *jobs() const { return m_jobModel; }
    ImagesClient *client() const { return m_client; }

    // The "Environment" provider: what the official SDKs would use (OPENAI_API_KEY, ...), else
    // the key stored in the keychain. Returns where the key came from, or why there is none.
    QString useEnvironmentProvider();
    void setProvider(const ProviderProfile &profile, const QString &apiKey);

    // Saved provider profiles (QSettings, no keys) besides the Environment one.
    static QList<ProviderProfile> savedProfiles();
    static void saveProfiles(const QList<ProviderProfile> &profiles);
    // Uses a saved profile, its key read from the keychain; returns where the key came from or
    // why there is none. The choice is remembered; an empty name goes back to Environment.
    QString useProfile(const QString &name);
    // The remembered choice ("" for Environment), applied at start.
    static QString activeProfileName();
    bool hasApiKey() const { return m_client->hasApiKey(); }
    // Where requests go, for the rules that depend on it (OpenAI refuses models it shut down).
    ValidationContext validationContext() const;
    // A stable id for the user, sent as safety_identifier with every request whose model takes
    // it (a request that sets its own keeps it). Empty: none.
    void setSafetyIdentifier(const QString &identifier)
    {
        m_safetyIdentifier = identifier.trimmed();
    }
    QString safetyIdentifier() const { return m_safetyIdentifier; }
    QString apiKey() const { return m_apiKey; }
    // Loads the catalog again (built-in + the user overlay), e.g. after models were added.
    void reloadCatalog();

    // Finished images are saved here at once, each with a .json recipe beside it, and indexed.
    // The size images are shown at: decode threads make each received image's preview to fit it.
    void setPreviewSize(const QSize &size);

    static QString defaultLibraryFolder();
    // The folder chosen in the settings, else defaultLibraryFolder().
    static QString configuredLibraryFolder();
    static void setConfiguredLibraryFolder(const QString &folder);
    // Opens (or creates) the library, or says why it cannot be used. With Fallback::Use (the
    // studio's start), a folder that cannot be used gives way to fallbackLibraryFolder() and
    // libraryNotice() says so: a failure only when neither can be.
    enum class Fallback { None, Use };
    Status openLibrary(const QString &folder, Fallback fallback = Fallback::None);
    // openLibrary() checks only the index's structure (the same at any size; after a crash, with
    // requests to recover, every page); this reads every page of it on a worker thread, and if
    // it is damaged, makes it anew from the files as opening does (once no job runs: their
    // journal entries are in it) and emits libraryChanged() with libraryNotice() saying so. The
    // studio calls it once its window has painted; librarySound() says the check found nothing.
    void checkLibrary();
    // Where images go when the chosen library folder cannot take them (read-only, missing disk).
    static QString fallbackLibraryFolder();
    // One line for the user about what opening the library had to do (the index made anew, the
    // fallback folder used); empty when nothing happened.
    QString libraryNotice() const { return m_libraryNotice; }
    QString libraryFolder() const { return m_library.folder(); }
    // Opens another library folder now (and keeps the one open if that fails). Refused while
    // jobs run: their images belong in the library they were sent from.
    Status switchLibrary(const QString &folder);
    LibraryStore &library() { return m_library; }
    // Where edit inputs and masks are kept, named by their content (<library>/inputs). Without
    // a library: "inputs" in temporaryFolder().
    QString inputsFolder() const;
    // A folder of this session's own (created private, 0700, in the system's temporary folder;
    // removed with the session) for files made without a library: masks, pasted images. Never a
    // fixed name other users could plant files or links in. Empty if it could not be created.
    QString temporaryFolder() const
    {
        return m_temporary.isValid() ? m_temporary.path() : QString();
    }
    // Requests sent in an earlier run that never finished (the app was closed or crashed), as
    // found when the library was opened: jobs of this run never count.
    QList<JournaledJob> interruptedJobs() const { return m_interrupted; }
    // Partial images those jobs had received, moved into the library when it opened.
    int recoveredPartials() const { return m_recoveredPartials; }
    void dismissInterruptedJobs();
    // Sends an interrupted job again, with the recipe and edit context it was journaled with
    // (the image it edits, what its result keeps): the errors instead when it is not valid.
    QList<Violation> resend(const JournaledJob &job);

    // Validates and starts the request; returns the errors instead when it is not valid (nothing
    // is sent then). Several streamed images go out as parallel one-image requests, so that every
    // image streams.
    // Edits and variations: the input files and mask are copied into the library first (named by
    // their content), so the recipe keeps pointing at them and "re-run exactly" works later.
    QList<Violation> submit(const ImageRequest &request, const EditContext &context = {});
    // Several at once (wildcards): all are checked, against the budget too, before any is sent.
    QList<Violation> submitAll(const QList<ImageRequest> &requests, QList<JobId> *ids = nullptr,
                               const EditContext &context = {});
    // Sends a plan made with planOptions() (the compose panel's): its errors instead when it has
    // any (nothing is sent then).
    QList<Violation> submitPlan(const GenerationPlan &plan, QList<JobId> *ids = nullptr,
                                const EditContext &context = {});
    // What plans for this session are made with: where requests go, the safety identifier, the
    // budget and what is spent or on the way.
    GenerationPlan::Options planOptions() const;
    void cancel(JobId id);
    // Sends the job's recipe again; the errors instead when it is not valid (nothing is sent).
    QList<Violation> retry(JobId id);
    // The recipe and edit context a job was sent with.
    ImageRequest recipeOf(JobId id) const;
    EditContext editContextOf(JobId id) const;
    double sessionCost() const { return m_queue->sessionCost(); }
    // Estimated cost of jobs sent but not finished yet.
    double pendingCost() const { return m_queue->pendingCost(); }
    // What was spent outside the job queue (a refine turn over the Responses API), added to
    // sessionCost(): the status bar's total and the budget count it.
    void addSpent(double dollars) { m_queue->addSpent(dollars); }

    // 0: no cap. Requests that would take the session past it are refused, saying so.
    void setBudget(double dollars) { m_budget = dollars; }
    double budget() const { return m_budget; }
    // How many requests run at once; the rest wait in the job list, in order.
    void setMaxConcurrentJobs(int count) { m_queue->setMaxConcurrent(count); }
    int maxConcurrentJobs() const { return m_queue->maxConcurrent(); }

Q_SIGNALS:
    void partialImage(Atelier::JobId id, const Atelier::ImageResult &image);
    void imageReady(Atelier::JobId id, const Atelier::ImageResult &image);
    void jobFailed(Atelier::JobId id, const Atelier::ApiError &error);
    // A final image is on disk and in the library index.
    void imageSaved(qint64 id);
    // An edit's output was put back onto the original outside the mask and saved as `id` (the
    // model's raw output stays in the library as `rawId`).
    void compositeSaved(Atelier::JobId job, qint64 id, qint64 rawId, double changedOutsideMask,
                        const QImage &heatMap);
    void sessionCostChanged(double cost);
    void statusMessage(const QString &text);
    // libraryNotice() changed: images go to the fallback folder now, say, and why.
    void libraryNoticeChanged(const QString &notice);
    // switchLibrary() opened another folder, or checkLibrary() made a damaged index anew:
    // everything shown from the library is stale.
    void libraryChanged();
    // checkLibrary() read every page of the open index and found nothing wrong.
    void librarySound();
    // setProvider(): requests go elsewhere now.
    void providerChanged();

private:
    Result<ImageRequest> archiveInputs(const ImageRequest &request) const;
    // A final image arrived: shown, then indexed (and composited, for an edit that keeps the
    // pixels outside its mask).
    void keepImage(JobId id, const ImageResult &image);
    void composite(JobId job, qint64 rawId, const LibraryImage &raw);
    // The line libraryNotice() gives for what opening the library (or rebuild()) repaired.
    void noteRepair();
    // checkLibrary() found the open index damaged: made anew now, or when the last job ends.
    void rebuildDamagedLibrary();

    Catalog m_catalog; // reloadCatalog() replaces it in place: references to it stay valid
    ImagesClient *m_client;
    LibraryStore m_library;
    JobQueue *m_queue;
    JobListModel *m_jobModel;
    QString m_apiKey;
    QList<JournaledJob> m_interrupted;
    QString m_libraryNotice;
    QList<qint64> m_unrecovered; // journal entries whose partials could not be moved: kept
    int m_recoveredPartials = 0;
    double m_budget = 0.0;
    QString m_safetyIdentifier;
    QThreadPool m_workers; // compositing; waited for on destruction
    QTemporaryDir m_temporary;
    quint64 m_libraryOpenings = 0; // which opening a check's answer is about
    QString m_damage; // found by checkLibrary(), made anew when no job runs
    bool m_pagesRead = false; // every page of the open index was read and found sound
    // checkLibrary()'s thread, at idle priority; last, so it is waited for first on destruction.
    QThreadPool m_checks;
};

} // namespace Atelier
