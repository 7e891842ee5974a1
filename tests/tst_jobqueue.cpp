#include "api/imagesclient.h"
#include "api/providerprofile.h"
#include "fakeimagesserver.h"
#include "library/librarystore.h"
#include "model/parameters.h"
#include "studio/jobqueue.h"
#include "studiofixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestJobQueue : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeImagesServer> m_server;
    std::unique_ptr<ImagesClient> m_client;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<LibraryStore> m_library;
    std::unique_ptr<JobQueue> m_queue;

    static ImageRequest request(const QString &prompt, bool stream = false)
    {
        ImageRequest request = lowRequest(prompt);
        if (stream) {
            request.setOption(Param::Stream, true);
            request.setOption(Param::PartialImages, 1);
        }
        return request;
    }

    static CostEstimate costing(double dollars)
    {
        CostEstimate estimate;
        estimate.available = true;
        estimate.cost = dollars;
        return estimate;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<FakeImagesServer>();
        QVERIFY(m_server->listen());
        m_client = std::make_unique<ImagesClient>(
            [](const ImageRequest &, const ValidationContext &) { return QList<Violation>(); });
        ProviderProfile profile;
        profile.kind = ProviderProfile::Kind::Compatible;
        profile.baseUrl = m_server->baseUrl();
        m_client->setProvider(profile, u"sk-test"_s);
        m_folder = std::make_unique<QTemporaryDir>();
        m_library = std::make_unique<LibraryStore>();
        const Status opened = m_library->open(m_folder->path());
        QVERIFY2(opened, qPrintable(opened.error()));
        m_queue = std::make_unique<JobQueue>(m_client.get(), m_library.get());
    }

    void cleanup()
    {
        m_queue.reset();
        m_client.reset();
        m_library.reset();
        m_server.reset();
        m_folder.reset();
    }

    void idsAreUniqueAndStayWithTheirJob()
    {
        m_queue->setMaxConcurrent(1);
        m_server->stallNextStream();
        QSignalSpy added(m_queue.get(), &JobQueue::jobAdded);
        QList<JobId> ids;
        for (const QString &prompt : {u"first"_s, u"second"_s, u"third"_s})
            ids.append(m_queue->enqueue(request(prompt, true), {}, costing(0.01)));
        m_queue->startQueued();
        QCOMPARE(added.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(ids.at(i).isValid());
            QCOMPARE(added.at(i).at(0).value<JobId>(), ids.at(i));
            QCOMPARE(m_queue->indexOf(ids.at(i)), i);
            QCOMPARE(m_queue->job(ids.at(i))->id, ids.at(i));
        }
        QVERIFY(ids.at(0) != ids.at(1) && ids.at(1) != ids.at(2) && ids.at(0) != ids.at(2));
        QCOMPARE(m_queue->job(ids.at(1))->request.prompt, u"second"_s);
        QCOMPARE(m_queue->newest(), ids.at(2));
        QVERIFY(!m_queue->job(JobId()));
        QVERIFY(!m_queue->job(JobId(ids.at(2).value() + 1)));
        m_queue->cancel(JobId(ids.at(2).value() + 1)); // never given out: nothing happens
        QVERIFY(m_queue->job(ids.at(2))->queued);
        m_queue->cancel(ids.at(1));
        m_queue->cancel(ids.at(2));
        m_queue->cancel(ids.at(0));
        QTRY_COMPARE(m_queue->runningCount(), 0);
    }

    void concurrencyHoldsTheRestAndStartsThemInOrder()
    {
        m_queue->setMaxConcurrent(1);
        m_server->stallNextStream();
        const JobId first = m_queue->enqueue(request(u"first"_s, true), {}, costing(0.01));
        const JobId second = m_queue->enqueue(request(u"second"_s), {}, costing(0.02));
        m_queue->startQueued();
        QTRY_COMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_queue->runningCount(), 1);
        QVERIFY(m_queue->job(second)->queued);
        QVERIFY(!m_queue->job(first)->queued);
        QSignalSpy ready(m_queue.get(), &JobQueue::imageReady);
        m_queue->cancel(first);
        // The slot is free: the second starts and delivers its image, named by its id.
        QVERIFY(ready.wait(10000));
        QCOMPARE(ready.first().at(0).value<JobId>(), second);
        QCOMPARE(m_server->requestCount(), 2);
        QTRY_VERIFY(m_queue->job(second)->isDone());
        QCOMPARE(m_queue->job(first)->state, ImageJob::State::Cancelled);
        QCOMPARE(m_queue->job(second)->state, ImageJob::State::Succeeded);
        QCOMPARE(m_queue->job(second)->images, 1);
    }

    void costsAreCountedOnceAndCancelledQueuedJobsCostNothing()
    {
        m_queue->setMaxConcurrent(1);
        m_server->stallNextStream();
        const JobId running = m_queue->enqueue(request(u"running"_s, true), {}, costing(0.25));
        const JobId waiting = m_queue->enqueue(request(u"waiting"_s), {}, costing(0.5));
        m_queue->startQueued();
        QTRY_COMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_queue->pendingCost(), 0.75);
        QSignalSpy changed(m_queue.get(), &JobQueue::jobChanged);
        m_queue->cancel(waiting);
        QCOMPARE(m_queue->job(waiting)->state, ImageJob::State::Cancelled);
        QVERIFY(m_queue->job(waiting)->isDone());
        QVERIFY(!changed.isEmpty());
        QCOMPARE(changed.constLast().at(0).value<JobId>(), waiting);
        QCOMPARE(m_queue->pendingCost(), 0.25); // the cancelled one will never be paid
        m_queue->cancel(running);
        QTRY_COMPARE(m_queue->pendingCost(), 0.0);
        QCOMPARE(m_queue->sessionCost(), 0.0);
        QCOMPARE(m_server->requestCount(), 1); // the cancelled queued job was never sent

        QSignalSpy cost(m_queue.get(), &JobQueue::sessionCostChanged);
        const JobId paid = m_queue->enqueue(request(u"paid"_s), {}, costing(0.125));
        m_queue->startQueued();
        QVERIFY(cost.wait(10000));
        QCOMPARE(cost.first().at(0).toDouble(), 0.125);
        QCOMPARE(m_queue->sessionCost(), 0.125);
        QCOMPARE(m_queue->job(paid)->state, ImageJob::State::Succeeded);
    }

    void aJobIsJournaledWhileItRuns()
    {
        m_server->stallNextStream();
        const JobId id = m_queue->enqueue(request(u"journaled"_s, true), {}, costing(0.01));
        m_queue->startQueued();
        QCOMPARE(m_library->journaledJobs().size(), 1);
        QCOMPARE(m_library->journaledJobs().first().request.prompt, u"journaled"_s);
        m_queue->cancel(id);
        QTRY_VERIFY(m_queue->job(id)->isDone());
        QTRY_COMPARE(m_library->journaledJobs().size(), 0);
    }

    void editsKeepTheirContext()
    {
        ImageRequest edit = request(u"edit"_s);
        edit.endpoint = Endpoint::Edits;
        edit.images = {u"/nowhere/a.png"_s};
        const JobId withMask = [&] {
            ImageRequest masked = edit;
            masked.mask = u"/nowhere/mask.png"_s;
            return m_queue->enqueue(masked, {7, true}, costing(0.01));
        }();
        const JobId withoutMask = m_queue->enqueue(edit, {7, true}, costing(0.01));
        const JobId generation = m_queue->enqueue(request(u"gen"_s), {7, true}, costing(0.01));
        QCOMPARE(m_queue->job(withMask)->editContext().parentId, 7);
        QVERIFY(m_queue->job(withMask)->editContext().keepOutsideMask);
        // Nothing to keep outside a mask that is not there; a generation has no parent.
        QVERIFY(!m_queue->job(withoutMask)->editContext().keepOutsideMask);
        QCOMPARE(m_queue->job(generation)->editContext().parentId, 0);
        for (const JobId id : {withMask, withoutMask, generation})
            m_queue->cancel(id);
    }
};

QTEST_GUILESS_MAIN(TestJobQueue)
#include "tst_jobqueue.moc"
