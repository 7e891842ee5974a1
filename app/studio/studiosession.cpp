#include "studiosession.h"

#include "platform/safefiles.h"

#include "api/apikeyresolver.h"
#include "api/imagejob.h"
#include "library/contentfiles.h"
#include "mask/maskcompositor.h"
#include "model/parameters.h"
#include "studio/imagekeeper.h"
#include "studio/studiosettings.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QThread>

#include <utility>

using namespace Qt::StringLiterals;

namespace Atelier {

StudioSession::StudioSession(Catalog catalog, QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
    , m_client(new ImagesClient(
          [this](const ImageRequest &request, const ValidationContext &context) {
              return m_catalog.validate(request, context);
          },
          this))
    , m_queue(new JobQueue(m_client, &m_library, this))
    , m_jobModel(new JobListModel(m_queue, this))
    , m_temporary(QDir(QDir::tempPath()).filePath(u"atelier-XXXXXX"_s))
{
    ClientOptions options = m_client->options();
    options.decode.previewSize = QSize(1280, 1280); // until the window says how large its view is
    options.decode.thumbnailEdge = 128;
    m_client->setOptions(options);
    connect(m_queue, &JobQueue::partialImage, this, &StudioSession::partialImage);
    connect(m_queue, &JobQueue::imageReady, this, &StudioSession::keepImage);
    connect(m_queue, &JobQueue::jobFailed, this, &StudioSession::jobFailed);
    connect(m_queue, &JobQueue::sessionCostChanged, this, &StudioSession::sessionCostChanged);
    connect(m_queue, &JobQueue::statusMessage, this, &StudioSession::statusMessage);
    // A damaged index found while jobs ran is made anew after the last one, once it has closed
    // its journal entry (queued: the job's own handling comes first).
    connect(m_queue, &JobQueue::jobChanged, this, [this] {
        if (m_damage.isEmpty() || m_queue->runningCount() > 0)
            return;
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (!m_damage.isEmpty() && m_queue->runningCount() == 0)
                    rebuildDamagedLibrary();
            },
            Qt::QueuedConnection);
    });
    m_checks.setMaxThreadCount(1);
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
    m_checks.waitForDone();
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

Status StudioSession::openLibrary(const QString &folder, Fallback fallback)
{
    m_libraryNotice.clear();
    ++m_libraryOpenings;
    m_damage.clear();
    m_pagesRead = false;
    constexpr auto later = LibraryStore::IntegrityCheck::Later;
    if (const Status opened = m_library.open(folder, later); !opened) {
        if (fallback == Fallback::None)
            return opened;
        // Nothing made here may be lost because the chosen folder cannot take it: the images go
        // to a folder of Atelier's own until it can, and the user is told where.
        const QString elsewhere = fallbackLibraryFolder();
        if (QDir(folder) == QDir(elsewhere))
            return opened;
        if (const Status fallbackOpened = m_library.open(elsewhere, later); !fallbackOpened)
            return failure(opened.error() + u' ' + fallbackOpened.error());
        m_libraryNotice = tr("%1 Images are kept in %2 until then.")
                              .arg(opened.error(), QDir::toNativeSeparators(elsewhere));
    }
    // After a crash every page is read before requests are recovered from the journal: made
    // anew later, the index would lose their entries (and the partial images kept under them).
    if (!m_library.lastRepair().rebuilt && !m_library.unfinishedJobs().isEmpty()) {
        if (const std::optional<QString> damage = LibraryStore::findDamage(m_library.folder())) {
            if (const Status rebuilt = m_library.rebuild(*damage); !rebuilt)
                return rebuilt;
        }
        m_pagesRead = true;
    }
    m_pagesRead = m_pagesRead || m_library.lastRepair().rebuilt; // a new index is sound
    noteRepair();
    // Only requests whose process is gone: another window's running ones stay its own.
    m_interrupted = m_library.claimUnfinishedJobs();
    m_recoveredPartials = 0;
    m_unrecovered.clear();
    for (const JournaledJob &job : std::as_const(m_interrupted)) {
        if (job.partialFiles.isEmpty())
            continue;
        const LibraryStore::Recovered recovered = m_library.recoverPartials(job);
        m_recoveredPartials += recovered.kept;
        if (!recovered.status) {
            m_unrecovered.append(job.id); // tried again at the next start
            Q_EMIT statusMessage(
                tr("Partial images of an unfinished request could not be moved into the "
                   "library: %1")
                    .arg(recovered.status.error()));
        }
    }
    return success();
}

void StudioSession::noteRepair()
{
    const LibraryStore::Repair repair = m_library.lastRepair();
    if (repair.rebuilt)
        m_libraryNotice = tr("The library index was damaged (%1) and has been made anew from the "
                             "%n image(s) in the folder; the old one is kept as %2.",
                             nullptr, repair.indexed)
                              .arg(repair.damage, QFileInfo(repair.movedAside).fileName());
}

void StudioSession::checkLibrary()
{
    if (!m_library.isOpen())
        return;
    if (m_pagesRead) {
        Q_EMIT librarySound();
        return;
    }
    const QString folder = m_library.folder();
    const quint64 opening = m_libraryOpenings;
    m_checks.start([this, folder, opening] {
        // SCHED_IDLE on Linux: the check never takes the CPU from the window.
        QThread::currentThread()->setPriority(QThread::IdlePriority);
        const std::optional<QString> damage = LibraryStore::findDamage(folder);
        QMetaObject::invokeMethod(
            this,
            [this, opening, damage] {
                if (opening != m_libraryOpenings || !m_library.isOpen())
                    return; // another library (or the same one again) was opened meanwhile
                if (!damage) {
                    m_pagesRead = true;
                    Q_EMIT librarySound();
                    return;
                }
                m_damage = *damage;
                if (m_queue->runningCount() == 0)
                    rebuildDamagedLibrary();
            },
            Qt::QueuedConnection);
    });
}

void StudioSession::rebuildDamagedLibrary()
{
    const QString damage = std::exchange(m_damage, QString());
    m_libraryNotice.clear();
    ++m_libraryOpenings;
    if (const Status rebuilt = m_library.rebuild(damage); !rebuilt)
        m_libraryNotice = rebuilt.error(); // images are shown but not saved until it is moved
    else
        noteRepair();
    m_pagesRead = true;
    Q_EMIT libraryChanged();
}

Status StudioSession::switchLibrary(const QString &folder)
{
    if (QDir(folder) == QDir(m_library.folder()) && m_library.isOpen())
        return success();
    if (m_queue->runningCount() > 0 || m_workers.activeThreadCount() > 0)
        return failure(
            tr("Images are still being made for the library in %1; switch when they are done, or "
               "cancel them.")
                .arg(QDir::toNativeSeparators(m_library.folder())));
    const QString previous = m_library.folder();
    if (const Status opened = openLibrary(folder); !opened) {
        (void)openLibrary(previous); // still the one in use
        return opened;
    }
    Q_EMIT libraryChanged();
    checkLibrary();
    return success();
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

Result<ImageRequest> StudioSession::archiveInputs(const ImageRequest &request) const
{
    if (!m_library.isOpen() || request.endpoint == Endpoint::Generations)
        return request;
    const QString folder = inputsFolder();
    ImageRequest archived = request;
    QList<QString *> inputs;
    for (QString &image : archived.images) {
        if (image.isEmpty())
            return request; // an image without a file: nothing to archive
        inputs.append(&image);
    }
    for (QString *file : {&archived.mask, &archived.markup}) {
        if (!file->isEmpty())
            inputs.append(file);
    }
    const qsizetype images = archived.images.size();
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        QString *input = inputs.at(i);
        const QString name = request.inputName(*input);
        const Result<QString> kept = ContentFiles::keep(folder, *input);
        if (!kept)
            return kept.failure();
        *input = *kept;
        // An image kept under its content's hash: the recipe remembers the name the user knows.
        if (i < images && QFileInfo(*input).fileName() != name)
            archived.inputNames.insert(QFileInfo(*input).fileName(), name);
    }
    return archived;
}

GenerationPlan::Options StudioSession::planOptions() const
{
    GenerationPlan::Options options;
    options.context = validationContext();
    options.safetyIdentifier = m_safetyIdentifier;
    options.budget = m_budget;
    options.committed = sessionCost() + pendingCost();
    return options;
}

QList<Violation> StudioSession::submitAll(const QList<ImageRequest> &requests, QList<JobId> *ids,
                                          const EditContext &context)
{
    return submitPlan(GenerationPlan::forRequests(catalog(), requests, planOptions()), ids,
                      context);
}

QList<Violation> StudioSession::submitPlan(const GenerationPlan &plan, QList<JobId> *ids,
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
        const Result<ImageRequest> archived = archiveInputs(request);
        if (!archived)
            return {{Violation::Severity::Error, Param::Image, archived.error()}};
        request = *archived;
    }
    // One Generate, one set: the studio shows its images together.
    JobId set;
    for (const ImageRequest &request : std::as_const(toSend)) {
        const JobId id = m_queue->enqueue(request, context, catalog().estimate(request), set);
        if (!set.isValid())
            set = id;
        if (ids)
            ids->append(id);
    }
    if (plan.splitsStreams())
        Q_EMIT statusMessage(
            tr("Sent %1 streamed requests of one image each, so every image streams.")
                .arg(toSend.size()));
    m_queue->startQueued();
    return {};
}

void StudioSession::keepImage(JobId id, const ImageResult &image)
{
    if (image.savedPath.isEmpty() && m_library.isOpen())
        Q_EMIT statusMessage(
            tr("The image arrived but could not be saved: %1").arg(image.saveError));
    Q_EMIT imageReady(id, image);
    if (!image.savedPath.isEmpty() && !SafeFiles::isInside(m_library.folder(), image.savedPath)) {
        m_libraryNotice
            = tr("The library folder cannot take images (%1); images are kept in %2 until it "
                 "can. Free some space or choose another library folder in the settings.")
                  .arg(image.saveError,
                       QDir::toNativeSeparators(QFileInfo(image.savedPath).absolutePath()));
        Q_EMIT libraryNoticeChanged(m_libraryNotice);
        return;
    }
    if (!image.savedPath.isEmpty()) {
        const Job job = *m_queue->job(id);
        const std::optional<LibraryImage> parent
            = job.parentId > 0 ? m_library.image(job.parentId) : std::nullopt;
        LibraryImage entry = libraryEntry(job.request, image,
                                          ProviderProfile::kindName(m_client->provider().kind));
        entry.savedAt = QDateTime::currentDateTime();
        entry.parentId = job.parentId;
        entry.parentPath = parent ? parent->path : QString(); // the composite's recipe names it too
        entry.edit = job.edit;
        if (job.keepOutsideMask)
            entry.edit.insert(u"raw_output"_s, true);
        if (const Result<qint64> indexed = m_library.add(entry)) {
            Q_EMIT imageSaved(*indexed);
            if (job.keepOutsideMask)
                composite(id, *indexed, entry);
        } else
            Q_EMIT statusMessage(tr("The image is saved but could not be indexed (%1); it will "
                                    "be at the next start.")
                                     .arg(indexed.error()));
    }
}

void StudioSession::composite(JobId job, qint64 rawId, const LibraryImage &raw)
{
    const QString folder = m_library.folder();
    m_workers.start([this, job, rawId, raw, folder] {
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
            const Result<QString> written = LibraryStore::writeFiles(folder, kept, bytes);
            kept.path = written.valueOr(QString());
            if (!written)
                error = written.error();
        }
        QMetaObject::invokeMethod(this, [this, job, rawId, kept, error, result] {
            if (!error.isEmpty() || kept.path.isEmpty()) {
                Q_EMIT statusMessage(
                    tr("The edit is saved as the model returned it; the pixels outside the mask "
                       "could not be put back: %1")
                        .arg(error));
                return;
            }
            const Result<qint64> id = m_library.add(kept);
            if (!id) {
                Q_EMIT statusMessage(
                    tr("The composited edit is saved but could not be indexed (%1); it will be at "
                       "the next start.")
                        .arg(id.error()));
                return;
            }
            Q_EMIT imageSaved(*id);
            Q_EMIT compositeSaved(job, *id, rawId, result.changedOutsideMask, result.heatMap);
        });
    });
}

void StudioSession::cancel(JobId id)
{
    m_queue->cancel(id);
}

QList<Violation> StudioSession::resend(const JournaledJob &job)
{
    return submit(job.request, editContextFromJournal(job.context, m_library));
}

QList<Violation> StudioSession::retry(JobId id)
{
    const Job *job = m_queue->job(id);
    if (!job)
        return {};
    // The same recipe, sent again (copied: submitting appends to the queue the job lives in).
    const Job sent = *job;
    return submit(sent.request, sent.editContext());
}

ImageRequest StudioSession::recipeOf(JobId id) const
{
    const Job *job = m_queue->job(id);
    return job ? job->request : ImageRequest();
}

EditContext StudioSession::editContextOf(JobId id) const
{
    const Job *job = m_queue->job(id);
    return job ? job->editContext() : EditContext();
}

} // namespace Atelier
