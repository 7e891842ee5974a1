#include "batch/batchstore.h"

#include "model/parameters.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestBatchStore : public QObject
{
    Q_OBJECT

private:
    static BatchRecord record(const QString &id, const QDateTime &when)
    {
        BatchRecord record;
        record.id = id;
        record.submittedAt = when;
        ProviderProfile profile;
        profile.kind = ProviderProfile::Kind::Compatible;
        profile.baseUrl = QUrl(u"https://user:hunter2@gateway.example/v1"_s);
        record.provider = profile.toJson();
        record.request.model = u"gpt-image-2.6-flare"_s;
        record.request.setOption(Param::Quality, u"low"_s);
        record.entries = {{u"line-1"_s, u"a fox"_s, 1, {}}, {u"line-2-1"_s, u"a red hen"_s, 2, {}}};
        record.inputFileId = u"file-1"_s;
        record.status = u"validating"_s;
        record.estimatedCost = 0.25;
        return record;
    }

private Q_SLOTS:
    void remembersABatchWithoutCredentials()
    {
        QTemporaryDir dir;
        const BatchStore store(dir.filePath(u"batches"_s));
        const BatchRecord saved = record(u"batch_abc"_s, QDateTime::currentDateTimeUtc());
        const Status stored = store.save(saved);
        QVERIFY2(stored, qPrintable(stored.error()));
        QVERIFY(store.contains(u"batch_abc"_s));
        const Result<BatchRecord> loaded = store.load(u"batch_abc"_s);
        QVERIFY2(loaded, qPrintable(loaded.error()));
        QCOMPARE(loaded->entries, saved.entries);
        QCOMPARE(loaded->request, saved.request);
        QCOMPARE(loaded->inputFileId, u"file-1"_s);
        QCOMPARE(loaded->estimatedCost, 0.25);
        QCOMPARE(loaded->providerProfile().baseUrl.host(), u"gateway.example"_s);
        QVERIFY(loaded->providerProfile().baseUrl.password().isEmpty());
        QCOMPARE(loaded->entry(u"line-2-1"_s)->prompt, u"a red hen"_s);
        QVERIFY(!loaded->entry(u"line-9"_s));
        QFile file(dir.filePath(u"batches/batch_abc.json"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("hunter2"));
        QCOMPARE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
    }

    void listsTheNewestFirst()
    {
        QTemporaryDir dir;
        const BatchStore store(dir.path());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(store.save(record(u"batch_old"_s, now.addDays(-1))));
        QVERIFY(store.save(record(u"batch_new"_s, now)));
        QFile damaged(dir.filePath(u"batch_bad.json"_s));
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{ not json");
        damaged.close();
        QStringList warnings;
        const QList<BatchRecord> all = store.all(&warnings);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).id, u"batch_new"_s);
        QCOMPARE(all.at(1).id, u"batch_old"_s);
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().contains(u"damaged"_s));
    }

    void journalsSavedResults()
    {
        QTemporaryDir dir;
        const BatchStore store(dir.path());
        QVERIFY(store.recordSaved(u"batch_j"_s, u"line-1"_s, {u"/a.png"_s}));
        QVERIFY(store.recordSaved(u"batch_j"_s, u"line-3"_s, {u"/b-1.png"_s, u"/b-2.png"_s}));
        // A line a crash cut short counts as not saved.
        QFile journal(dir.filePath(u"batch_j.saved.jsonl"_s));
        QVERIFY(journal.open(QIODevice::Append));
        journal.write("{\"custom_id\":\"line-4\",\"pa");
        journal.close();
        const QHash<QString, QStringList> saved = store.savedResults(u"batch_j"_s);
        QCOMPARE(saved.size(), 2);
        QCOMPARE(saved.value(u"line-3"_s), (QStringList {u"/b-1.png"_s, u"/b-2.png"_s}));
        QVERIFY(!saved.contains(u"line-4"_s));
    }

    void refusesIdsThatAreNoFileNames_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("folder") << u"../batch_x"_s;
        QTest::newRow("slash") << u"a/b"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("dot") << u"batch.x"_s;
    }

    void refusesIdsThatAreNoFileNames()
    {
        QFETCH(QString, id);
        QTemporaryDir dir;
        const BatchStore store(dir.path());
        QVERIFY(!store.save(record(id, QDateTime::currentDateTimeUtc())));
        QVERIFY(!store.load(id));
        QVERIFY(QDir(dir.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBatchStore)
#include "tst_batchstore.moc"
