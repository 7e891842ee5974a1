// BatchMonitor against the fake server's Batch API: submitting, polling with backoff, fetching
// into the library once, resuming after a restart, and saying why a batch stopped.
#include "batch/batchclient.h"
#include "batch/batchmonitor.h"
#include "library/librarystore.h"
#include "studiofixture.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace Atelier;
using namespace AtelierTest;
using namespace Qt::StringLiterals;

class TestBatchMonitor : public QObject, public StudioFixture
{
    Q_OBJECT

public:
    static constexpr int FirstPollMs = 10;
    static constexpr int LongestPollMs = 40;

    std::unique_ptr<QTemporaryDir> m_storeDir;

    std::unique_ptr<BatchMonitor> newMonitor() const
    {
        auto monitor = std::make_unique<BatchMonitor>(&m_session->catalog(), &m_session->library(),
                                                      BatchStore(m_storeDir->path()));
        monitor->setPollIntervals(FirstPollMs, LongestPollMs);
        monitor->setKeyFinder([](const ProviderProfile &) { return u"sk-batch-test"_s; });
        return monitor;
    }

    static QList<ImageRequest> requests(const QStringList &prompts)
    {
        QList<ImageRequest> list;
        for (const QString &prompt : prompts)
            list.append(lowRequest(prompt));
        return list;
    }

    // Submits and returns the new batch's id (empty, with a warning, when it was not sent).
    QString submit(BatchMonitor &monitor, const QStringList &prompts)
    {
        QSignalSpy submitted(&monitor, &BatchMonitor::submitted);
        QSignalSpy failed(&monitor, &BatchMonitor::submitFailed);
        monitor.submit(requests(prompts), gatewayProfile(m_server->baseUrl()), u"sk-batch-test"_s);
        if (!submitted.wait(10000)) {
            qWarning("not submitted: %s",
                     failed.isEmpty() ? "no answer"
                                      : qPrintable(failed.first().first().toString()));
            return {};
        }
        return submitted.first().first().toString();
    }

    // Submits and waits until the batch has finished; the batch, or null (with a warning) when it
    // was not sent or did not finish.
    const BatchMonitor::Batch *submitAndFinish(BatchMonitor &monitor, const QStringList &prompts)
    {
        QSignalSpy finished(&monitor, &BatchMonitor::batchFinished);
        const QString id = submit(monitor, prompts);
        if (id.isEmpty())
            return nullptr;
        if (!finished.wait(10000)) {
            qWarning("batch %s did not finish", qPrintable(id));
            return nullptr;
        }
        return monitor.batch(id);
    }

    QList<LibraryImage> libraryImages() const { return m_session->library().query({}); }

private Q_SLOTS:
    void initTestCase() { isolateStudio(); }
    void init()
    {
        QVERIFY(startStudio());
        m_storeDir = std::make_unique<QTemporaryDir>();
    }
    void cleanup()
    {
        stopStudio();
        m_storeDir.reset();
    }

    void pollsToCompletionAndFetchesIntoTheLibrary()
    {
        auto monitor = newMonitor();
        QSignalSpy polled(monitor.get(), &BatchMonitor::polled);
        QSignalSpy finished(monitor.get(), &BatchMonitor::batchFinished);
        QSignalSpy saved(monitor.get(), &BatchMonitor::imageSaved);
        const QString id = submit(*monitor, {u"a red fox"_s, u"a blue fox"_s, u"a green fox"_s});
        QVERIFY(!id.isEmpty());
        // The input file went up with one line per request, never streaming.
        const QList<QByteArray> lines = m_server->batchApi().inputFile(id).trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(!lines.first().contains("\"stream\""));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toString(), id);
        QVERIFY(finished.first().at(1).toString().contains(u"3 of 3"_s));
        QStringList states;
        for (const QList<QVariant> &poll : std::as_const(polled))
            states.append(poll.at(1).toString());
        QCOMPARE(
            states,
            (QStringList {u"validating"_s, u"in_progress"_s, u"finalizing"_s, u"completed"_s}));
        QCOMPARE(saved.size(), 3);
        const QList<LibraryImage> images = libraryImages();
        QCOMPARE(images.size(), 3);
        QSet<QString> customIds;
        for (const LibraryImage &image : images) {
            QCOMPARE(image.batch.value(u"id"_s).toString(), id);
            customIds.insert(image.batch.value(u"custom_id"_s).toString());
            QVERIFY(image.request.prompt.endsWith(u" fox"_s));
            QVERIFY(!image.size.isEmpty());
            // The recipe beside the file says it too: the index can be rebuilt from it.
            QFile recipe(image.path.section(u'.', 0, -2) + u".json"_s);
            QVERIFY(recipe.open(QIODevice::ReadOnly));
            const QJsonObject json = QJsonDocument::fromJson(recipe.readAll()).object();
            QCOMPARE(json.value(u"batch"_s).toObject().value(u"id"_s).toString(), id);
        }
        QCOMPARE(customIds, (QSet<QString> {u"request-1"_s, u"request-2"_s, u"request-3"_s}));
        const BatchMonitor::Batch *batch = monitor->batch(id);
        QVERIFY(batch);
        QVERIFY(batch->isFetched());
        QCOMPARE(batch->savedRequests, 3);
        QCOMPARE(batch->info.completed, 3);
        QVERIFY(batch->record.actualCost > 0);
        QVERIFY(batch->record.estimatedCost > 0);
        QCOMPARE(batch->record.normalCost, 2 * batch->record.estimatedCost);
        QVERIFY(batch->problem.isEmpty());
        QVERIFY(batch->failures.isEmpty());
    }

    void unchangedStatesAreAskedLessOftenUntilOneChanges()
    {
        m_server->batchApi().setStepMs(600000); // validating for the whole test
        auto monitor = newMonitor();
        QSignalSpy polled(monitor.get(), &BatchMonitor::polled);
        const QString id = submit(*monitor, {u"a fox"_s, u"an owl"_s});
        QVERIFY(!id.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(polled.size() >= 4, 10000);
        QList<int> intervals;
        for (int i = 0; i < 4; ++i)
            intervals.append(polled.at(i).at(2).toInt());
        QCOMPARE(intervals, (QList<int> {20, 40, 40, 40}));
        // A change (cancelling) goes back to the first interval.
        polled.clear();
        monitor->cancel(id);
        const auto cancelling = [&polled] {
            for (const QList<QVariant> &poll : std::as_const(polled)) {
                if (poll.at(1).toString() == u"cancelling"_s)
                    return poll.at(2).toInt();
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(cancelling() >= 0, 10000);
        QCOMPARE(cancelling(), FirstPollMs);
    }

    void resumesAfterARestartAndFetchesOnce()
    {
        QString id;
        {
            auto first = newMonitor();
            first->setPollIntervals(600000, 600000); // this run never asks again
            id = submit(*first, {u"a red fox"_s, u"a blue fox"_s});
            QVERIFY(!id.isEmpty());
        }
        auto monitor = newMonitor();
        QSignalSpy finished(monitor.get(), &BatchMonitor::batchFinished);
        QSignalSpy saved(monitor.get(), &BatchMonitor::imageSaved);
        QStringList warnings;
        monitor->resume(&warnings);
        QVERIFY(warnings.isEmpty());
        QVERIFY(monitor->batch(id));
        QCOMPARE(monitor->batch(id)->status(), u"validating"_s);
        QVERIFY(finished.wait(10000));
        QCOMPARE(saved.size(), 2);
        QCOMPARE(libraryImages().size(), 2);
        // Fetching again adds nothing.
        saved.clear();
        finished.clear();
        monitor->fetchNow(id);
        QVERIFY(finished.wait(10000));
        QCOMPARE(saved.size(), 0);
        QCOMPARE(libraryImages().size(), 2);
        QCOMPARE(monitor->batch(id)->savedRequests, 2);
        // A third start knows it is fetched: it asks nothing.
        const int requestsBefore = int(m_server->requests().size());
        auto third = newMonitor();
        third->resume();
        QVERIFY(third->batch(id)->isFetched());
        QCOMPARE(third->batch(id)->info.completed, 2);
        QCOMPARE(third->batch(id)->pollMs, 0); // nothing is scheduled
        QCOMPARE(int(m_server->requests().size()), requestsBefore);
    }

    void aBatchOfTheCliIsFetchedOnlyWhenAsked()
    {
        // What 'atelier-cli batch submit' leaves: a batch with metadata source atelier-cli and
        // its record in the store.
        const QList<BatchEntry> entries {{u"line-1"_s, u"a red fox"_s, 1, {}}};
        const ImageRequest shared = BatchPlan::requestFor(lowRequest(QString()), QString());
        QTemporaryFile input(QDir::temp().filePath(u"atelier-test-XXXXXX.jsonl"_s));
        QVERIFY(input.open());
        const ProviderProfile profile = gatewayProfile(m_server->baseUrl());
        QVERIFY(BatchPlan::writeJsonl(&input, shared, entries, profile));
        input.close();
        BatchClient client(profile, u"sk-batch-test"_s);
        QString fileId;
        client.uploadFile(input.fileName(), u"batch"_s,
                          [&](const QJsonObject &file, const ApiError &) {
                              fileId = file.value(u"id"_s).toString();
                          });
        QTRY_VERIFY_WITH_TIMEOUT(!fileId.isEmpty(), 10000);
        QString id;
        client.createBatch(fileId, u"/v1/images/generations"_s, {{u"source"_s, u"atelier-cli"_s}},
                           [&](const QJsonObject &batch, const ApiError &) {
                               id = batch.value(u"id"_s).toString();
                           });
        QTRY_VERIFY_WITH_TIMEOUT(!id.isEmpty(), 10000);
        BatchRecord record;
        record.id = id;
        record.submittedAt = QDateTime::currentDateTimeUtc();
        record.provider = profile.toJson();
        record.request = shared;
        record.entries = entries;
        record.status = u"validating"_s;
        QVERIFY(BatchStore(m_storeDir->path()).save(record));

        auto monitor = newMonitor();
        QSignalSpy polled(monitor.get(), &BatchMonitor::polled);
        QSignalSpy finished(monitor.get(), &BatchMonitor::batchFinished);
        monitor->resume();
        QTRY_VERIFY_WITH_TIMEOUT(monitor->batch(id)->isFinal(), 10000);
        QCOMPARE(monitor->batch(id)->status(), u"completed"_s);
        QCOMPARE(polled.last().at(2).toInt(), 0); // no more polls
        QVERIFY(finished.isEmpty());
        QVERIFY(!monitor->batch(id)->isFetched());
        QCOMPARE(libraryImages().size(), 0);
        monitor->fetchNow(id);
        QVERIFY(finished.wait(10000));
        QCOMPARE(libraryImages().size(), 1);
    }

    void anExpiredBatchSaysWhyAndKeepsWhatFinished()
    {
        m_server->batchApi().setExpireAfter(1);
        auto monitor = newMonitor();
        QSignalSpy finished(monitor.get(), &BatchMonitor::batchFinished);
        const BatchMonitor::Batch *batch
            = submitAndFinish(*monitor, {u"a red fox"_s, u"a blue fox"_s, u"a grey fox"_s});
        QVERIFY(batch);
        QCOMPARE(batch->status(), u"expired"_s);
        QVERIFY2(batch->problem.contains(u"expired"_s), qPrintable(batch->problem));
        QCOMPARE(libraryImages().size(), 1);
        QCOMPARE(batch->savedRequests, 1);
        QCOMPARE(batch->failures.size(), 2);
        QVERIFY2(batch->failures.first().contains(u"batch_expired"_s),
                 qPrintable(batch->failures.first()));
        QVERIFY(batch->failures.first().contains(u"a blue fox"_s));
        QVERIFY(finished.first().at(1).toString().contains(u"1 of 3"_s));
    }

    void aFailedBatchNamesTheLines()
    {
        auto monitor = newMonitor();
        QSignalSpy submitted(monitor.get(), &BatchMonitor::submitted);
        QSignalSpy finished(monitor.get(), &BatchMonitor::batchFinished);
        // Two lines with one custom_id: the Batch API refuses the file as a whole.
        const QList<BatchEntry> entries {{u"same"_s, u"a fox"_s, 1, {}},
                                         {u"same"_s, u"an owl"_s, 2, {}}};
        monitor->submit(lowRequest(QString()), entries, gatewayProfile(m_server->baseUrl()),
                        u"sk-batch-test"_s);
        QVERIFY(submitted.wait(10000));
        const QString id = submitted.first().first().toString();
        QVERIFY(finished.wait(10000));
        const BatchMonitor::Batch *batch = monitor->batch(id);
        QCOMPARE(batch->status(), u"failed"_s);
        QVERIFY2(batch->problem.contains(u"failed as a whole"_s), qPrintable(batch->problem));
        QVERIFY2(batch->problem.contains(u"line 2"_s), qPrintable(batch->problem));
        QCOMPARE(libraryImages().size(), 0);
    }

    void aCancelledBatchKeepsWhatFinished()
    {
        auto monitor = newMonitor();
        monitor->setPollIntervals(600000, 600000); // cancelled before the first poll
        QSignalSpy finished(monitor.get(), &BatchMonitor::batchFinished);
        const QString id = submit(*monitor, {u"a red fox"_s, u"a blue fox"_s});
        QVERIFY(!id.isEmpty());
        monitor->setPollIntervals(FirstPollMs, LongestPollMs);
        monitor->cancel(id);
        QVERIFY(finished.wait(10000));
        const BatchMonitor::Batch *batch = monitor->batch(id);
        QCOMPARE(batch->status(), u"cancelled"_s);
        QVERIFY2(batch->problem.contains(u"cancelled"_s), qPrintable(batch->problem));
        QVERIFY(!batch->failures.isEmpty());
        QVERIFY2(batch->failures.last().contains(u"not run"_s), qPrintable(batch->failures.last()));
    }

    void aBrokenOutputLineLosesOnlyItself()
    {
        m_server->batchApi().setMalformedOutputLine(2);
        auto monitor = newMonitor();
        const BatchMonitor::Batch *batch
            = submitAndFinish(*monitor, {u"a red fox"_s, u"a blue fox"_s, u"a grey fox"_s});
        QVERIFY(batch);
        QCOMPARE(libraryImages().size(), 2);
        QVERIFY(!batch->failures.isEmpty());
        QVERIFY2(batch->failures.first().contains(u"line 2 of the output file"_s),
                 qPrintable(batch->failures.first()));
    }

    void requestsThatCannotGoAsABatchSayWhy()
    {
        ProviderProfile azure;
        azure.kind = ProviderProfile::Kind::Azure;
        const Catalog &catalog = m_session->catalog();
        const QList<ImageRequest> two = requests({u"a fox"_s, u"an owl"_s});
        QVERIFY(BatchMonitor::canBatch(catalog, two, gatewayProfile(m_server->baseUrl())));
        const Status refused = BatchMonitor::canBatch(catalog, two, azure);
        QVERIFY(!refused);
        QVERIFY(refused.error().contains(u"Azure"_s));
        QList<ImageRequest> markup = two;
        markup[0].endpoint = Endpoint::Edits;
        markup[1].endpoint = Endpoint::Edits;
        markup[0].markup = u"/tmp/marks.json"_s;
        QVERIFY(!BatchMonitor::canBatch(catalog, markup, gatewayProfile(m_server->baseUrl())));
        const BatchMonitor::Prices prices = BatchMonitor::prices(catalog, two);
        QVERIFY(prices.normal > 0);
        QCOMPARE(prices.batch, prices.normal / 2);
        // A compare grid's cells differ by model: each keeps its own request.
        auto monitor = newMonitor();
        QSignalSpy submitted(monitor.get(), &BatchMonitor::submitted);
        QList<ImageRequest> grid = requests({u"a fox"_s, u"a fox"_s});
        grid[1].setOption(Param::Quality, u"medium"_s);
        monitor->submit(grid, gatewayProfile(m_server->baseUrl()), u"sk-batch-test"_s);
        QVERIFY(submitted.wait(10000));
        const QString id = submitted.first().first().toString();
        const QByteArray input = m_server->batchApi().inputFile(id);
        QVERIFY(input.contains("\"quality\":\"low\""));
        QVERIFY(input.contains("\"quality\":\"medium\""));
    }
};

QTEST_GUILESS_MAIN(TestBatchMonitor)
#include "tst_batchmonitor.moc"
