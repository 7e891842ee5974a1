#include "studiosession.h"

#include "platform/safefiles.h"

#include "api/apikeyresolver.h"
#include "api/imagejob.h"
#include "api/streamedfile.h"
#include "library/contentfiles.h"
#include "mask/maskcompositor.h"
#include "model/parameters.h"
#include "studio/studiosettings.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// The library's record of a received image: its recipe and what the API reported.
LibraryImage libraryEntry(const ImageRequest &request, const ImageResult &image,
                          const QString &provider)
{
    LibraryImage entry;
    entry.path = image.savedPath;
    entry.request = request;
    entry.revisedPrompt = image.revisedPrompt;
    entry.size = image.size;
    entry.format = image.format;
    entry.bytes = image.encoded.size();
    entry.usage = image.usage;
    entry.requestId = image.requestId;
    entry.provider = provider;
    return entry;
}

// Where a job's images go: final ones into the library, partial ones beside the journal entry
// until the job ends (recovered into the library after a crash). Used on the decode thread.
struct ImageKeeper
{
    QString folder;
    ImageRequest request;
    QString provider;
    qint64 journalId = 0;
    QString parentPath;

    // The image kept from its bytes, or from the file they were written to as they arrived.
    QString keep(const ImageResult &image, const QString &incoming, QString *error) const
    {
        if (image.partial) {
            if (journalId <= 0)
                return {};
            return incoming.isEmpty()
                ? LibraryStore::writePartial(folder, journalId, image, error)
                : LibraryStore::keepPartial(folder, journalId, image, incoming, error);
        }
        LibraryImage entry = libraryEntry(request, image, provider);
        entry.parentPath = parentPath;
        QString path = incoming.isEmpty()
            ? LibraryStore::writeFiles(folder, entry, image.encoded, error)
            : LibraryStore::keepFiles(folder, entry, incoming, error);
        if (!path.isEmpty())
            return path;
        // The library folder stopped taking images (the disk filled, a drive went away): a paid
        // image is never lost for it; it goes to the fallback folder, and `error` says why.
        const QString elsewhere = StudioSession::fallbackLibraryFolder();
        if (QDir(elsewhere) == QDir(folder))
            return {};
        QByteArray bytes = image.encoded;
        if (bytes.isEmpty() && !incoming.isEmpty()) {
            QFile written(incoming);
            if (written.open(QIODevice::ReadOnly))
                bytes = written.readAll();
        }
        QString fallbackError;
        entry.parentPath.clear(); // names a file of the other library
        path = bytes.isEmpty() ? QString()
                               : LibraryStore::writeFiles(elsewhere, entry, bytes, &fallbackError);
        if (path.isEmpty() && !fallbackError.isEmpty())
            *error += u' ' + fallbackError;
        return path;
    }
};

// Streamed images are written into the library's .incoming folder while their bytes arrive (on
// the decode thread, beside decoding them), and moved into place once complete: when the last
// byte comes, the file is all but written.
class LibrarySink final : public ImageJob::StreamSink
{
public:
    explicit LibrarySink(std::shared_ptr<const ImageKeeper> keeper)
        : m_keeper(std::move(keeper))
    { }

    std::unique_ptr<Image> begin(QString *) override
    {
        return std::make_unique<Incoming>(m_keeper);
    }

private:
    // Written into the library's .incoming folder, then kept as the keeper says.
    class Incoming final : public StreamedFile
    {
    public:
        explicit Incoming(std::shared_ptr<const ImageKeeper> keeper)
            : m_keeper(std::move(keeper))
        { }

    protected:
        QString newPath(QString *error) override
        {
            return LibraryStore::incomingPath(m_keeper->folder, error);
        }
        QString place(const ImageResult &image, const QString &written, QString *error) override
        {
            return m_keeper->keep(image, written, error);
        }

    private:
        std::shared_ptr<const ImageKeeper> m_keeper;
    };

    std::shared_ptr<const ImageKeeper> m_keeper;
};

} // namespace

StudioSession::StudioSession(Catalog catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
    , m_client(new ImagesClient(
          [this](const ImageRequest &request, const ValidationContext &context) {
              return m_catalog.validate(request, context);
          },
          this))
    , m_jobs(new JobListModel(this))
    , m_temporary(QDir(QDir::tempPath()).filePath(u"atelier-XXXXXX"_s))
{
    ClientOptions options = m_client->options();
    options.decode.previewSize = QSize(1280, 1280); // until the window says how large its view is
    options.decode.thumbnailEdge = 128;
    m_client->setOptions(options);
    m_ticker.setInterval(200);
    connect(&m_ticker, &QTimer::timeout, this, &StudioSession::tick);
}

void StudioSession::setPreviewSize(const QSize &size)
{
    if (size.isEmpty())
        return;
    ClientOptions options = m_client->options();
    options.decode.previewSize = size;
    m_client->setOptions(options);
}

StudioSession::~StudioSession()
{
    m_workers.waitForDone(); // a composite in flight posts back to this object
}

QString StudioSession::defaultLibraryFolder()
{
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return QDir(pictures.isEmpty() ? QDir::homePath() : pictures).filePath(u"Atelier"_s);
}

QString StudioSession::configuredLibraryFolder()
{
    const QString chosen = StudioSettings::libraryFolder.value();
    return chosen.isEmpty() ? defaultLibraryFolder() : chosen;
}

void StudioSession::setConfiguredLibraryFolder(const QString &folder)
{
    if (folder.isEmpty() || QDir(folder) == QDir(defaultLibraryFolder()))
        StudioSettings::libraryFolder.clear();
    else
        StudioSettings::libraryFolder.setValue(QDir(folder).absolutePath());
}

QString StudioSession::fallbackLibraryFolder()
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return QDir(data.isEmpty() ? QDir::homePath() + u"/.local/share/Atelier"_s : data)
        .filePath(u"Fallback library"_s);
}

bool StudioSession::openLibrary(const QString &folder, QString *error, Fallback fallback)
{
    m_libraryNotice.clear();
    if (!m_library.open(folder, error)) {
        if (fallback == Fallback::None)
            return false;
        // Nothing made here may be lost because the chosen folder cannot take it: the images go
        // to a folder of Atelier's own until it can, and the user is told where.
        const QString elsewhere = fallbackLibraryFolder();
        if (QDir(folder) == QDir(elsewhere))
            return false;
        QString fallbackError;
        if (!m_library.open(elsewhere, &fallbackError)) {
            *error += u' ' + fallbackError;
            return false;
        }
        m_libraryNotice = tr("%1 Images are kept in %2 until then.")
                              .arg(*error, QDir::toNativeSeparators(elsewhere));
        error->clear();
    }
    const LibraryStore::Repair repair = m_library.lastRepair();
    if (repair.rebuilt)
        m_libraryNotice = tr("The library index was damaged (%1) and has been made anew from the "
                             "%n image(s) in the folder; the old one is kept as %2.",
                             nullptr, repair.indexed)
                              .arg(repair.damage, QFileInfo(repair.movedAside).fileName());
    // Only requests whose process is gone: another window's running ones stay its own.
    m_interrupted = m_library.claimUnfinishedJobs();
    m_recoveredPartials = 0;
    m_unrecovered.clear();
    for (const JournaledJob &job : std::as_const(m_interrupted)) {
        if (job.partialFiles.isEmpty())
            continue;
        QString recoverError;
        m_recoveredPartials += m_library.recoverPartials(job, &recoverError);
        if (!recoverError.isEmpty()) {
            m_unrecovered.append(job.id); // tried again at the next start
            Q_EMIT statusMessage(
                tr("Partial images of an unfinished request could not be moved into the "
                   "library: %1")
                    .arg(recoverError));
        }
    }
    return true;
}

bool StudioSession::switchLibrary(const QString &folder, QString *error)
{
    if (QDir(folder) == QDir(m_library.folder()) && m_library.isOpen())
        return true;
    if (runningCount() > 0 || m_workers.activeThreadCount() > 0) {
        *error
            = tr("Images are still being made for the library in %1; switch when they are done, or "
                 "cancel them.")
                  .arg(QDir::toNativeSeparators(m_library.folder()));
        return false;
    }
    const QString previous = m_library.folder();
    if (!openLibrary(folder, error)) {
        QString ignored;
        openLibrary(previous, &ignored); // still the one in use
        return false;
    }
    Q_EMIT libraryChanged();
    return true;
}

void StudioSession::dismissInterruptedJobs()
{
    for (const JournaledJob &job : std::as_const(m_interrupted)) {
        if (!m_unrecovered.contains(job.id))
            m_library.journalFinish(job.id);
    }
    m_interrupted.clear();
}

QString StudioSession::useEnvironmentProvider()
{
    const ProviderProfile profile = ProviderProfile::fromEnvironment();
    const ApiKeyResolver::Lookup found = ApiKeyResolver(3000).find(profile);
    const bool stored = found && found->has_value();
    setProvider(profile, stored ? (*found)->value : QString());
    if (!found)
        return found.error();
    if (!stored)
        return tr("nowhere: the keychain has no key yet");
    return (*found)->source == ApiKey::Source::Environment ? ApiKeyResolver::describe(**found)
                                                           : tr("the keychain");
}

void StudioSession::setProvider(const ProviderProfile &profile, const QString &apiKey)
{
    m_apiKey = apiKey;
    m_client->setProvider(profile, apiKey);
    Q_EMIT providerChanged();
}

ValidationContext StudioSession::validationContext() const
{
    return {m_client->provider().kind == ProviderProfile::Kind::OpenAI, QDate::currentDate()};
}

QList<ProviderProfile> StudioSession::savedProfiles()
{
    QList<ProviderProfile> profiles;
    const QJsonArray array
        = QJsonDocument::fromJson(StudioSettings::providerProfiles.value()).array();
    for (const QJsonValue &value : array)
        profiles.append(ProviderProfile::fromJson(value.toObject()));
    return profiles;
}

void StudioSession::saveProfiles(const QList<ProviderProfile> &profiles)
{
    QJsonArray array;
    for (const ProviderProfile &profile : profiles)
        array.append(profile.toJson());
    StudioSettings::providerProfiles.setValue(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString StudioSession::activeProfileName()
{
    return StudioSettings::activeProvider.value();
}

QString StudioSession::useProfile(const QString &name)
{
    StudioSettings::activeProvider.setValue(name);
    if (name.isEmpty())
        return useEnvironmentProvider();
    for (const ProviderProfile &profile : savedProfiles()) {
        if (profile.name != name)
            continue;
        const ApiKeyResolver::Lookup found
            = ApiKeyResolver(3000).find(profile, ApiKeyResolver::Search::KeychainOnly);
        const bool stored = found && found->has_value();
        if (stored && profile.legacyKeyEntry) {
            // Taken over under its host (readFor copied it): from now on only that entry counts.
            QList<ProviderProfile> profiles = savedProfiles();
            for (ProviderProfile &saved : profiles)
                saved.legacyKeyEntry = saved.legacyKeyEntry && saved.name != profile.name;
            saveProfiles(profiles);
        }
        setProvider(profile, stored ? (*found)->value : QString());
        QString source = stored ? ApiKeyResolver::describe(**found)
            : found
            ? tr("nowhere: the keychain has no key for \"%1\" yet").arg(profile.keyAccount())
            : found.error();
        if (const QString warning = profile.insecureWarning(); !warning.isEmpty())
            source += u"; "_s + tr("warning: %1").arg(warning);
        return source;
    }
    StudioSettings::activeProvider.clear();
    return useEnvironmentProvider();
}

void StudioSession::reloadCatalog()
{
    m_catalog = Catalog::load();
}

QList<Violation> StudioSession::submit(const ImageRequest &request, const EditContext &context)
{
    return submitAll({request}, nullptr, context);
}

QString StudioSession::inputsFolder() const
{
    if (m_library.isOpen())
        return QDir(m_library.folder()).filePath(u"inputs"_s);
    const QString temporary = temporaryFolder();
    return temporary.isEmpty() ? QString() : QDir(temporary).filePath(u"inputs"_s);
}

ImageRequest StudioSession::archiveInputs(const ImageRequest &request, QString *error) const
{
    if (!m_library.isOpen() || request.endpoint == Endpoint::Generations)
        return request;
    const QString folder = inputsFolder();
    ImageRequest archived = request;
    for (QString &image : archived.images) {
        image = ContentFiles::keep(folder, image, error);
        if (image.isEmpty())
            return request;
    }
    if (!archived.mask.isEmpty()) {
        archived.mask = ContentFiles::keep(folder, archived.mask, error);
        if (archived.mask.isEmpty())
            return request;
    }
    if (!archived.markup.isEmpty()) {
        archived.markup = ContentFiles::keep(folder, archived.markup, error);
        if (archived.markup.isEmpty())
            return request;
    }
    return archived;
}

GenerationPlan::Options StudioSession::planOptions() const
{
    GenerationPlan::Options options;
    options.context = validationContext();
    options.safetyIdentifier = m_safetyIdentifier;
    options.budget = m_budget;
    options.committed = m_sessionCost + pendingCost();
    return options;
}

QList<Violation> StudioSession::submitAll(const QList<ImageRequest> &requests, QList<int> *rows,
                                          const EditContext &context)
{
    return submitPlan(GenerationPlan::forRequests(catalog(), requests, planOptions()), rows,
                      context);
}

QList<Violation> StudioSession::submitPlan(const GenerationPlan &plan, QList<int> *rows,
                                           const EditContext &context)
{
    // Input files the plan found fixable must have been fixed (EditInputs) and planned again.
    if (!plan.errors.isEmpty() || !plan.fixable.isEmpty())
        return plan.errors + plan.fixable;
    // What it makes must have somewhere to go before it is paid for.
    if (m_library.isOpen()) {
        if (const Status usable = SafeFiles::prepareWritableFolder(m_library.folder()); !usable)
            return {{Violation::Severity::Error, u"library"_s,
                     tr("Nothing was sent: the library folder %1 cannot take new images (%2). "
                        "Free some space or choose another library folder in the settings.")
                         .arg(QDir::toNativeSeparators(m_library.folder()), usable.error())}};
    }
    QList<ImageRequest> toSend = plan.sends;
    for (ImageRequest &request : toSend) {
        QString error;
        request = archiveInputs(request, &error);
        if (!error.isEmpty())
            return {{Violation::Severity::Error, Param::Image, error}};
    }
    for (const ImageRequest &request : std::as_const(toSend)) {
        const int row = enqueue(request, context);
        if (rows)
            rows->append(row);
    }
    if (plan.splitsStreams())
        Q_EMIT statusMessage(
            tr("Sent %1 streamed requests of one image each, so every image streams.")
                .arg(toSend.size()));
    startQueued();
    return {};
}

double StudioSession::pendingCost() const
{
    double cost = 0.0;
    for (int row = 0; row < m_jobs->rowCount(); ++row) {
        const JobListModel::Entry &entry = m_jobs->entry(row);
        const bool finished = entry.job && entry.job->isDone();
        if (!finished && entry.estimate.available)
            cost += entry.estimate.cost;
    }
    return cost;
}

void StudioSession::setMaxConcurrentJobs(int count)
{
    m_maxConcurrent = std::max(1, count);
    startQueued();
}

int StudioSession::runningCount() const
{
    int running = 0;
    for (int row = 0; row < m_jobs->rowCount(); ++row) {
        const JobListModel::Entry &entry = m_jobs->entry(row);
        if (entry.job && !entry.job->isDone())
            ++running;
    }
    return running;
}

int StudioSession::enqueue(const ImageRequest &request, const EditContext &context)
{
    JobListModel::Entry entry;
    entry.request = request;
    if (request.endpoint != Endpoint::Generations) {
        entry.parentId = context.parentId;
        entry.keepOutsideMask = context.keepOutsideMask && !request.mask.isEmpty();
    }
    entry.queued = true;
    entry.estimate = catalog().estimate(request);
    return m_jobs->append(entry);
}

void StudioSession::startQueued()
{
    for (int row = 0; row < m_jobs->rowCount() && runningCount() < m_maxConcurrent; ++row) {
        if (m_jobs->entry(row).queued)
            startJob(row);
    }
}

int StudioSession::startJob(int row)
{
    const ImageRequest request = m_jobs->entry(row).request;
    ImageJob *job = m_client->start(request);
    m_jobs->update(row, [job](JobListModel::Entry &entry) {
        entry.job = job;
        entry.queued = false;
    });
    // The recipe is journaled before anything is sent: after a crash it is offered for retry.
    const qint64 journalId = m_library.isOpen() ? m_library.journalStart(request) : 0;
    const QString folder = m_library.folder();
    const QString provider = ProviderProfile::kindName(m_client->provider().kind);
    // On disk before it is shown, on the decode thread: final images into the library, partial
    // ones beside the journal entry until the job ends (recovered into the library after a crash).
    // Streamed ones are written while they arrive.
    const qint64 parentId = m_jobs->entry(row).parentId;
    const std::optional<LibraryImage> parent
        = parentId > 0 ? m_library.image(parentId) : std::nullopt;
    const QString parentPath = parent ? parent->path : QString();
    if (!folder.isEmpty()) {
        auto keeper = std::make_shared<const ImageKeeper>(
            ImageKeeper {folder, request, provider, journalId, parentPath});
        job->setPersister([keeper](const ImageResult &image, QString *error) {
            return keeper->keep(image, {}, error);
        });
        job->setStreamSink(std::make_shared<LibrarySink>(keeper));
    }
    connect(job, &ImageJob::stateChanged, this, [this, job](ImageJob::State state) {
        m_jobs->update(m_jobs->rowOf(job),
                       [state](JobListModel::Entry &entry) { entry.state = state; });
    });
    connect(job, &ImageJob::partialImage, this, [this, job](const ImageResult &image) {
        const int row = m_jobs->rowOf(job);
        m_jobs->update(row, [](JobListModel::Entry &entry) { ++entry.partials; });
        if (image.savedPath.isEmpty() && !image.saveError.isEmpty())
            Q_EMIT statusMessage(tr("A partial image arrived but could not be kept on disk: %1")
                                     .arg(image.saveError));
        Q_EMIT partialImage(row, image);
    });
    connect(job, &ImageJob::imageReady, this, [this, job, parentPath](const ImageResult &image) {
        const int row = m_jobs->rowOf(job);
        m_jobs->update(row, [&image](JobListModel::Entry &entry) {
            ++entry.images;
            if (!image.savedPath.isEmpty())
                entry.savedPaths.append(image.savedPath);
        });
        if (image.savedPath.isEmpty() && m_library.isOpen())
            Q_EMIT statusMessage(
                tr("The image arrived but could not be saved: %1").arg(image.saveError));
        Q_EMIT imageReady(row, image);
        if (!image.savedPath.isEmpty()
            && !SafeFiles::isInside(m_library.folder(), image.savedPath)) {
            m_libraryNotice
                = tr("The library folder cannot take images (%1); images are kept in %2 until it "
                     "can. Free some space or choose another library folder in the settings.")
                      .arg(image.saveError,
                           QDir::toNativeSeparators(QFileInfo(image.savedPath).absolutePath()));
            Q_EMIT libraryNoticeChanged(m_libraryNotice);
            return;
        }
        if (!image.savedPath.isEmpty()) {
            const JobListModel::Entry &job = m_jobs->entry(row);
            LibraryImage entry = libraryEntry(job.request, image,
                                              ProviderProfile::kindName(m_client->provider().kind));
            entry.savedAt = QDateTime::currentDateTime();
            entry.parentId = job.parentId;
            entry.parentPath = parentPath; // the composite's recipe names it too
            if (job.keepOutsideMask)
                entry.edit = {{u"raw_output"_s, true}};
            QString error;
            if (const std::optional<qint64> id = m_library.add(entry, &error)) {
                Q_EMIT imageSaved(*id);
                if (job.keepOutsideMask)
                    composite(row, *id, entry);
            } else
                Q_EMIT statusMessage(tr("The image is saved but could not be indexed (%1); it will "
                                        "be at the next start.")
                                         .arg(error));
        }
    });
    connect(job, &ImageJob::usageReported, this, [this, job](const Usage &usage) {
        m_jobs->update(m_jobs->rowOf(job),
                       [&usage](JobListModel::Entry &entry) { entry.usage = usage; });
    });
    connect(job, &ImageJob::failed, this, [this, job](const ApiError &error) {
        const int row = m_jobs->rowOf(job);
        m_jobs->update(row, [&error](JobListModel::Entry &entry) { entry.error = error; });
        Q_EMIT jobFailed(row, error);
    });
    connect(job, &ImageJob::finished, this, [this, job, journalId] {
        if (journalId > 0)
            m_library.journalFinish(journalId);
        const int row = m_jobs->rowOf(job);
        m_jobs->update(row, [job](JobListModel::Entry &entry) {
            entry.state = job->state();
            entry.elapsedMs = job->elapsedMs();
        });
        if (job->state() == ImageJob::State::Succeeded && m_jobs->entry(row).estimate.available) {
            m_sessionCost += m_jobs->entry(row).estimate.cost;
            Q_EMIT sessionCostChanged(m_sessionCost);
        }
        startQueued();
    });
    m_ticker.start();
    return row;
}

void StudioSession::composite(int row, qint64 rawId, const LibraryImage &raw)
{
    const QString folder = m_library.folder();
    m_workers.start([this, row, rawId, raw, folder] {
        const CompositeResult result = MaskCompositor::keepOutsideMask(
            QImage(raw.request.images.value(0)), QImage(raw.request.mask), QImage(raw.path));
        LibraryImage kept = raw;
        kept.edit = {{u"keep_outside_mask"_s, true},
                     {u"composite_of"_s, rawId},
                     {u"changed_outside_mask"_s, result.changedOutsideMask}};
        QString error = result.error;
        if (result.isValid()) {
            // PNG whatever the model sent: the composite should not lose more to encoding.
            const QByteArray bytes = ContentFiles::png(result.image);
            kept.format = u"png"_s;
            kept.bytes = bytes.size();
            kept.size = result.image.size();
            kept.usage = Usage(); // the raw output carries what the job cost
            kept.savedAt = QDateTime::currentDateTime();
            kept.path = LibraryStore::writeFiles(folder, kept, bytes, &error);
        }
        QMetaObject::invokeMethod(this, [this, row, rawId, kept, error, result] {
            if (!error.isEmpty() || kept.path.isEmpty()) {
                Q_EMIT statusMessage(
                    tr("The edit is saved as the model returned it; the pixels outside the mask "
                       "could not be put back: %1")
                        .arg(error));
                return;
            }
            QString indexError;
            const std::optional<qint64> id = m_library.add(kept, &indexError);
            if (!id) {
                Q_EMIT statusMessage(
                    tr("The composited edit is saved but could not be indexed (%1); it will be at "
                       "the next start.")
                        .arg(indexError));
                return;
            }
            Q_EMIT imageSaved(*id);
            Q_EMIT compositeSaved(row, *id, rawId, result.changedOutsideMask, result.heatMap);
        });
    });
}

void StudioSession::cancel(int row)
{
    if (row < 0 || row >= m_jobs->rowCount())
        return;
    if (ImageJob *job = m_jobs->entry(row).job) {
        job->cancel();
    } else if (m_jobs->entry(row).queued) {
        m_jobs->update(row, [](JobListModel::Entry &entry) {
            entry.queued = false;
            entry.state = ImageJob::State::Cancelled;
        });
    }
}

QList<Violation> StudioSession::retry(int row)
{
    if (row < 0 || row >= m_jobs->rowCount())
        return {};
    // The same recipe, sent again (copied: submitting appends to the list the entry lives in).
    const JobListModel::Entry entry = m_jobs->entry(row);
    return submit(entry.request, EditContext {entry.parentId, entry.keepOutsideMask});
}

ImageRequest StudioSession::recipeOf(int row) const
{
    return row >= 0 && row < m_jobs->rowCount() ? m_jobs->entry(row).request : ImageRequest();
}

EditContext StudioSession::editContextOf(int row) const
{
    if (row < 0 || row >= m_jobs->rowCount())
        return {};
    const JobListModel::Entry &entry = m_jobs->entry(row);
    return EditContext {entry.parentId, entry.keepOutsideMask};
}

void StudioSession::tick()
{
    bool running = false;
    for (int row = 0; row < m_jobs->rowCount(); ++row) {
        ImageJob *job = m_jobs->entry(row).job;
        if (job && !job->isDone()) {
            running = true;
            m_jobs->update(row, [job](JobListModel::Entry &entry) {
                entry.elapsedMs = job->elapsedMs();
                entry.receivedBytes = job->bytesReceived();
            });
        }
    }
    if (!running)
        m_ticker.stop();
}

} // namespace Atelier
