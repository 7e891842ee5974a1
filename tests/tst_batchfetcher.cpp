#include "batch/batchfetcher.h"

#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestBatchFetcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsLinesWhereverTheChunksEnd_data()
    {
        QTest::addColumn<int>("chunk");
        for (int chunk : {1, 2, 3, 7, 64, 100000})
            QTest::newRow(qPrintable(u"chunks of %1"_s.arg(chunk))) << chunk;
    }

    void splitsLinesWhereverTheChunksEnd()
    {
        QFETCH(int, chunk);
        const QByteArray file = "{\"a\":1}\n{\"b\":2}\r\n\n" + QByteArray(5000, 'x') + "\nlast";
        QList<QByteArray> lines;
        BatchFetcher fetcher(nullptr, [&lines](QByteArray line) {
            lines.append(line);
            return true;
        });
        for (qsizetype at = 0; at < file.size(); at += chunk)
            QVERIFY(fetcher.feed(file.mid(at, chunk)));
        QVERIFY(fetcher.finish());
        QCOMPARE(lines,
                 (QList<QByteArray> {"{\"a\":1}", "{\"b\":2}", QByteArray(5000, 'x'), "last"}));
        QCOMPARE(fetcher.linesHandled(), 4);
        QCOMPARE(fetcher.bytesReceived(), file.size());
    }

    void aHandlerCanStopIt()
    {
        int seen = 0;
        BatchFetcher fetcher(nullptr, [&seen](QByteArray) { return ++seen < 2; });
        QVERIFY(!fetcher.feed("one\ntwo\nthree\n"));
        QCOMPARE(seen, 2);
        QVERIFY(!fetcher.feed("four\n"));
        QCOMPARE(seen, 2);
    }
};

QTEST_GUILESS_MAIN(TestBatchFetcher)
#include "tst_batchfetcher.moc"
