#include "studiosession.h"

#include "api/keystore.h"
#include "api/parameters.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

QString slug(const QString &prompt)
{
    static const QRegularExpression notWord(u"[^\\p{L}\\p{N}]+"_s);
    QString text = prompt.left(80).toLower().replace(notWord, u"-"_s).left(40);
    while (text.startsWith(u'-'))
        text.remove(0, 1);
    while (text.endsWith(u'-'))
        text.chop(1);
    return text.isEmpty() ? u"image"_s : text;
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    *error = QCoreApplication::translate("Atelier::StudioSession", "%1 cannot be written: %2")
                 .arg(path, file.errorString());
    return false;
}

// Saves finished images into <library>/<yyyy-MM>/ with their recipe; runs on decode threads.
QString saveToLibrary(const QString &folder, const ImageRequest &request, const ImageResult &image,
                      QString *error)
{
    static QMutex mutex; // choosing a free name and taking it must not interleave
    const QMutexLocker locker(&mutex);
    const QDateTime now = QDateTime::currentDateTime();
    QDir dir(QDir(folder).filePath(now.toString(u"yyyy-MM"_s)));
    if (!dir.mkpath(u"."_s)) {
        *error = QCoreApplication::translate("Atelier::StudioSession",
                                             "The library folder %1 cannot be created.")
                     .arg(dir.path());
        return {};
    }
    const QString extension = image.format == u"jpeg" ? u"jpg"_s : image.format;
    const QString stem = now.toString(u"yyyyMMdd-HHmmss"_s) + u'-' + slug(request.prompt);
    QString base = dir.filePath(stem);
    for (int copy = 2; QFileInfo::exists(base + u'.' + extension); ++copy)
        base = dir.filePath(u"%1-%2"_s.arg(stem).arg(copy));
    const QString path = base + u'.' + extension;
    if (!writeAtomically(path, image.encoded, error))
        return {};
    QJsonObject recipe{{u"request"_s, request.toJson()},
                       {u"created"_s, image.created},
                       {u"width"_s, image.size.width()},
                       {u"height"_s, image.size.height()},
                       {u"format"_s, image.format},
                       {u"saved"_s, now.toString(Qt::ISODate)}};
    if (!image.revisedPrompt.isEmpty())
        recipe.insert(u"revised_prompt"_s, image.revisedPrompt);
    QString sidecarError;
    writeAtomically(base + u".json"_s, QJsonDocument(recipe).toJson(), &sidecarError);
    return path;
}

} // namespace

StudioSession::StudioSession(Catalog catalog, QObject *parent)
    : QObject(parent)
    , m_client(new ImagesClient(std::move(catalog), this))
    , m_jobs(new JobListModel(this))
    , m_libraryFolder(defaultLibraryFolder())
{
    m_ticker.setInterval(200);
    connect(&m_ticker, &QTimer::timeout, this, &StudioSession::tick);
}

StudioSession::~StudioSession() = default;

QString StudioSession::defaultLibraryFolder()
{
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return QDir(pictures.isEmpty() ? QDir::homePath() : pictures).filePath(u"Atelier"_s);
}

QString StudioSession::useEnvironmentProvider()
{
    const ProviderProfile profile = ProviderProfile::fromEnvironment();
    QString key = profile.apiKeyFromEnvironment();
    QString source;
    if (!key.isEmpty()) {
        source = tr("the environment variable %1").arg(profile.apiKeyVariable());
    } else {
        const KeyStore::Result stored = KeyStore::read(profile.name, 3000);
        key = stored.ok ? stored.key : QString();
        source = stored.ok ? tr("the keychain") : stored.notFound ? tr("nowhere: the keychain has no key yet") : stored.error;
    }
    m_client->setProvider(profile, key);
    return source;
}

void StudioSession::setProvider(const ProviderProfile &profile, const QString &apiKey)
{
    m_client->setProvider(profile, apiKey);
}

QList<Violation> StudioSession::submit(const ImageRequest &request)
{
    QList<Violation> errors;
    for (const Violation &violation : catalog().validate(request)) {
        if (violation.isError())
            errors.append(violation);
    }
    if (!errors.isEmpty())
        return errors;
    const int count = int(request.option(Param::N).toInteger(1));
    if (request.option(Param::Stream).toBool(false) && count > 1) {
        ImageRequest single = request;
        single.clearOption(Param::N);
        for (int i = 0; i < count; ++i)
            startJob(single);
        Q_EMIT statusMessage(tr("Sent %1 streamed requests of one image each, so every image streams.").arg(count));
    } else {
        startJob(request);
    }
    return {};
}

int StudioSession::startJob(const ImageRequest &request)
{
    ImageJob *job = m_client->start(request);
    JobListModel::Entry entry;
    entry.request = request;
    entry.job = job;
    entry.estimate = catalog().estimate(request);
    const int row = m_jobs->append(entry);
    const QString folder = m_libraryFolder;
    job->setPersister([folder, request](const ImageResult &image, QString *error) -> QString {
        if (image.partial)
            return {}; // partials live in the session; the final image goes to the library
        return saveToLibrary(folder, request, image, error);
    });
    connect(job, &ImageJob::stateChanged, this, [this, job](ImageJob::State state) {
        m_jobs->update(m_jobs->rowOf(job), [state](JobListModel::Entry &entry) { entry.state = state; });
    });
    connect(job, &ImageJob::partialImage, this, [this, job](const ImageResult &image) {
        const int row = m_jobs->rowOf(job);
        m_jobs->update(row, [](JobListModel::Entry &entry) { ++entry.partials; });
        Q_EMIT partialImage(row, image);
    });
    connect(job, &ImageJob::imageReady, this, [this, job](const ImageResult &image) {
        const int row = m_jobs->rowOf(job);
        m_jobs->update(row, [&image](JobListModel::Entry &entry) {
            ++entry.images;
            if (!image.savedPath.isEmpty())
                entry.savedPaths.append(image.savedPath);
        });
        if (image.savedPath.isEmpty())
            Q_EMIT statusMessage(tr("The image arrived but could not be saved: %1").arg(image.saveError));
        Q_EMIT imageReady(row, image);
    });
    connect(job, &ImageJob::usageReported, this, [this, job](const Usage &usage) {
        m_jobs->update(m_jobs->rowOf(job), [&usage](JobListModel::Entry &entry) { entry.usage = usage; });
    });
    connect(job, &ImageJob::failed, this, [this, job](const ApiError &error) {
        const int row = m_jobs->rowOf(job);
        m_jobs->update(row, [&error](JobListModel::Entry &entry) { entry.error = error; });
        Q_EMIT jobFailed(row, error);
    });
    connect(job, &ImageJob::finished, this, [this, job] {
        const int row = m_jobs->rowOf(job);
        m_jobs->update(row, [job](JobListModel::Entry &entry) {
            entry.state = job->state();
            entry.elapsedMs = job->elapsedMs();
        });
        if (job->state() == ImageJob::State::Succeeded && m_jobs->entry(row).estimate.available) {
            m_sessionCost += m_jobs->entry(row).estimate.cost;
            Q_EMIT sessionCostChanged(m_sessionCost);
        }
    });
    m_ticker.start();
    return row;
}

void StudioSession::cancel(int row)
{
    if (row < 0 || row >= m_jobs->rowCount())
        return;
    if (ImageJob *job = m_jobs->entry(row).job)
        job->cancel();
}

void StudioSession::retry(int row)
{
    if (row < 0 || row >= m_jobs->rowCount())
        return;
    const ImageRequest request = m_jobs->entry(row).request; // the same recipe, sent again
    startJob(request);
}

void StudioSession::tick()
{
    bool running = false;
    for (int row = 0; row < m_jobs->rowCount(); ++row) {
        ImageJob *job = m_jobs->entry(row).job;
        if (job && !job->isDone()) {
            running = true;
            m_jobs->update(row, [job](JobListModel::Entry &entry) { entry.elapsedMs = job->elapsedMs(); });
        }
    }
    if (!running)
        m_ticker.stop();
}

} // namespace Atelier
