#include "imagesclient.h"

#include "imagejob.h"

#include <QNetworkAccessManager>
#include <QThread>

namespace Atelier {

ImagesClient::ImagesClient(RequestCheck check, QObject *parent)
    : QObject(parent)
    , m_check(std::move(check))
    , m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<Atelier::ImageResult>();
    qRegisterMetaType<Atelier::ApiError>();
    qRegisterMetaType<Atelier::Usage>();
    // One core stays with the GUI thread; each job sticks to one decode thread so its images
    // arrive in order.
    const int count = std::clamp(QThread::idealThreadCount() - 1, 1, 4);
    for (int i = 0; i < count; ++i) {
        Worker worker;
        worker.thread = new QThread(this);
        worker.thread->setObjectName(QStringLiteral("AtelierDecode%1").arg(i));
        worker.decoder = new ImageDecoder;
        worker.decoder->moveToThread(worker.thread);
        connect(worker.thread, &QThread::finished, worker.decoder, &QObject::deleteLater);
        worker.thread->start();
        m_workers.append(worker);
    }
}

ImagesClient::~ImagesClient()
{
    // Jobs first (they abort their replies), then the decode threads.
    const QList<ImageJob *> jobs = findChildren<ImageJob *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(jobs);
    for (const Worker &worker : std::as_const(m_workers)) {
        worker.thread->quit();
        worker.thread->wait();
    }
}

void ImagesClient::setProvider(const ProviderProfile &profile, const QString &apiKey)
{
    m_profile = profile;
    m_apiKey = apiKey;
}

ImageJob *ImagesClient::start(const ImageRequest &request)
{
    const quint64 id = m_nextJobId++;
    auto *job = new ImageJob(this, id, request);
    m_jobs.insert(id, job);
    const QList<Violation> violations = m_check(
        request,
        ValidationContext {m_profile.kind == ProviderProfile::Kind::OpenAI, QDate::currentDate()});
    // Start on the next event loop turn so callers can connect to the job's signals first.
    QMetaObject::invokeMethod(
        job, [job, violations] { job->begin(violations); }, Qt::QueuedConnection);
    return job;
}

void ImagesClient::post(quint64 jobId, std::function<void(const ImageDecoder::Deliver &)> work)
{
    const Worker &worker = m_workers.at(int(jobId % quint64(m_workers.size())));
    ImageDecoder::Deliver deliver = [this, jobId](DecodeOutcome outcome) {
        // Runs on the decode thread: hop back to the client's thread.
        QMetaObject::invokeMethod(
            this,
            [this, jobId, outcome = std::move(outcome)]() mutable {
                this->deliver(jobId, std::move(outcome));
            },
            Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(
        worker.decoder, [work = std::move(work), deliver] { work(deliver); }, Qt::QueuedConnection);
}

void ImagesClient::deliver(quint64 jobId, DecodeOutcome outcome)
{
    if (ImageJob *job = m_jobs.value(jobId))
        job->handleOutcome(std::move(outcome));
}

void ImagesClient::forget(quint64 jobId)
{
    m_jobs.remove(jobId);
}

} // namespace Atelier
