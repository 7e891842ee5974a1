#include "api/sseparser.h"

#include <QTest>

using namespace Atelier;

namespace {

// A stream as the Images API sends it, with a comment, an unknown field, a multi-line data
// field and an unknown event mixed in.
QByteArray recordedStream()
{
    return QByteArrayLiteral(
        ": keep-alive comment\n"
        "event: image_generation.partial_image\n"
        "data: {\"type\":\"image_generation.partial_image\",\"b64_json\":\"AAAA\",\"partial_image_index\":0}\n"
        "\n"
        "retry: 3000\n"
        "x-unknown: ignored\n"
        "event: image_generation.partial_image\n"
        "id: 7\n"
        "data: {\"type\":\"image_generation.partial_image\",\n"
        "data: \"b64_json\":\"BBBB\",\"partial_image_index\":1}\n"
        "\n"
        "event: something.new\n"
        "data: {\"type\":\"something.new\"}\n"
        "\n"
        "event: image_generation.completed\n"
        "data:{\"type\":\"image_generation.completed\",\"b64_json\":\"CCCC\"}\n"
        "\n");
}

QList<SseEvent> parseInPieces(const QByteArray &stream, const QList<qsizetype> &cuts)
{
    SseParser parser;
    QList<SseEvent> events;
    qsizetype start = 0;
    for (qsizetype cut : cuts) {
        events += parser.feed(QByteArrayView(stream).sliced(start, cut - start));
        start = cut;
    }
    events += parser.feed(QByteArrayView(stream).sliced(start));
    events += parser.finish();
    return events;
}

void verifyRecorded(const QList<SseEvent> &events)
{
    QCOMPARE(events.size(), 4);
    QCOMPARE(events[0].type, QByteArray("image_generation.partial_image"));
    QVERIFY(events[0].data.contains("\"AAAA\""));
    QCOMPARE(events[1].data,
             QByteArray("{\"type\":\"image_generation.partial_image\",\n\"b64_json\":\"BBBB\",\"partial_image_index\":1}"));
    QCOMPARE(events[1].id, QByteArray("7"));
    QCOMPARE(events[2].type, QByteArray("something.new"));
    QCOMPARE(events[3].type, QByteArray("image_generation.completed"));
    QCOMPARE(events[3].data, QByteArray("{\"type\":\"image_generation.completed\",\"b64_json\":\"CCCC\"}"));
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySplitPosition_data()
    {
        QTest::addColumn<QByteArray>("lineEnding");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("CR") << QByteArray("\r");
    }

    void everySplitPosition()
    {
        QFETCH(QByteArray, lineEnding);
        QByteArray stream = recordedStream();
        stream.replace("\n", lineEnding);
        verifyRecorded(parseInPieces(stream, {}));
        for (qsizetype cut = 1; cut < stream.size(); ++cut)
            verifyRecorded(parseInPieces(stream, {cut}));
        // Two cuts: every CR/LF pair split, in every combination near the line ends.
        for (qsizetype first = 1; first < stream.size(); first += 7) {
            for (qsizetype second = first + 1; second < stream.size(); second += 5)
                verifyRecorded(parseInPieces(stream, {first, second}));
        }
    }

    void byteByByte()
    {
        QByteArray stream = recordedStream();
        stream.replace("\n", "\r\n");
        QList<qsizetype> cuts;
        for (qsizetype i = 1; i < stream.size(); ++i)
            cuts.append(i);
        verifyRecorded(parseInPieces(stream, cuts));
    }

    void byteOrderMarkIsSkipped()
    {
        const QByteArray stream = QByteArray("\xEF\xBB\xBF") + recordedStream();
        verifyRecorded(parseInPieces(stream, {1}));
        verifyRecorded(parseInPieces(stream, {2, 4}));
    }

    void byteOrderMarkOnlyAtTheStart()
    {
        // Found by the fuzzer: a BOM after the first lines is data, however the bytes are split.
        const QByteArray stream("-\r\r\xEF\xBB\xBF" "data\n\n");
        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < stream.size(); ++i)
            everyByte.append(i);
        const QList<SseEvent> whole = parseInPieces(stream, {});
        const QList<SseEvent> pieces = parseInPieces(stream, everyByte);
        QCOMPARE(whole.size(), 0); // the field is "\xEF\xBB\xBFdata", not "data"
        QCOMPARE(pieces.size(), whole.size());
    }

    void fieldParsing_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("count");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("no space after colon") << QByteArray("data:x\n\n") << 1 << QByteArray("x");
        QTest::newRow("only one space removed") << QByteArray("data:  x\n\n") << 1 << QByteArray(" x");
        QTest::newRow("field without colon") << QByteArray("data\n\n") << 1 << QByteArray("");
        QTest::newRow("empty data lines") << QByteArray("data\ndata\n\n") << 1 << QByteArray("\n");
        QTest::newRow("event without data") << QByteArray("event: x\n\n") << 0 << QByteArray();
        QTest::newRow("only comments") << QByteArray(":a\n:b\n\n") << 0 << QByteArray();
        QTest::newRow("colon in value") << QByteArray("data: a:b\n\n") << 1 << QByteArray("a:b");
        QTest::newRow("missing final blank line") << QByteArray("data: tail") << 1 << QByteArray("tail");
        QTest::newRow("missing final blank line with LF") << QByteArray("data: tail\n") << 1 << QByteArray("tail");
        QTest::newRow("blank lines between") << QByteArray("\n\n\ndata: y\n\n\n") << 1 << QByteArray("y");
    }

    void fieldParsing()
    {
        QFETCH(QByteArray, stream);
        QFETCH(int, count);
        QFETCH(QByteArray, data);
        const QList<SseEvent> events = parseInPieces(stream, {});
        QCOMPARE(events.size(), count);
        if (count > 0)
            QCOMPARE(events.constFirst().data, data);
    }

    void eventTypeResetsBetweenEvents()
    {
        const QList<SseEvent> events = parseInPieces("event: a\ndata: 1\n\ndata: 2\n\n", {});
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0].type, QByteArray("a"));
        QCOMPARE(events[1].type, QByteArray());
    }

    void largeDataLineSurvivesAnySplit_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::newRow("1 KiB chunks") << 1024;
        QTest::newRow("16 KiB chunks") << 16 * 1024;
        QTest::newRow("65537-byte chunks") << 65537;
        QTest::newRow("whole") << 0;
    }

    void largeDataLineSurvivesAnySplit()
    {
        QFETCH(int, chunk);
        // Big enough for the hand-over path (no copy), with small events before and after it.
        QByteArray payload(3 * 1024 * 1024, 'Q');
        for (qsizetype i = 0; i < payload.size(); i += 97)
            payload[i] = char('A' + (i % 26));
        const QByteArray stream = "data: small\n\nevent: big\ndata: " + payload
                                  + "\r\n\r\ndata: after\n\ndata: " + payload + "\ndata: second line\n\n";
        SseParser parser;
        QList<SseEvent> events;
        const qsizetype step = chunk > 0 ? chunk : stream.size();
        for (qsizetype at = 0; at < stream.size(); at += step)
            events += parser.feed(QByteArrayView(stream).sliced(at, std::min(step, stream.size() - at)));
        events += parser.finish();
        QCOMPARE(events.size(), 4);
        QCOMPARE(events[0].data, QByteArray("small"));
        QCOMPARE(events[1].type, QByteArray("big"));
        QVERIFY(events[1].data == payload);
        QCOMPARE(events[2].data, QByteArray("after"));
        QVERIFY(events[3].data == payload + "\nsecond line");
        QCOMPARE(parser.pendingBytes(), 0);
    }

    // A big event's buffer given back receives a later big event (its memory is reused, no new
    // pages), the events stay exact, and a buffer someone else still shares is not taken.
    void recycledBuffersReceiveLaterEvents_data()
    {
        QTest::addColumn<int>("chunk");
        QTest::newRow("256 KiB reads") << 256 * 1024;
        QTest::newRow("1000-byte reads") << 1000;
    }

    void recycledBuffersReceiveLaterEvents()
    {
        QFETCH(int, chunk);
        auto payload = [](char seed) {
            QByteArray bytes(1024 * 1024 + 333, Qt::Uninitialized);
            for (qsizetype i = 0; i < bytes.size(); ++i)
                bytes[i] = char('A' + (i * 7 + seed) % 26);
            return bytes;
        };
        SseParser parser;
        auto next = [&](char seed) {
            const QByteArray stream = "event: image\ndata: " + payload(seed) + "\n\n";
            QList<SseEvent> events;
            for (qsizetype at = 0; at < stream.size(); at += chunk)
                events += parser.feed(QByteArrayView(stream).sliced(at, std::min<qsizetype>(chunk, stream.size() - at)));
            return events.size() == 1 ? events.first().data : QByteArray();
        };
        auto within = [](const QByteArray &data, const char *start, qsizetype length) {
            return data.constData() >= start && data.constData() + data.size() <= start + length;
        };
        // A buffer is taken when an event is handed over, for the event after the next one's
        // successor: the event in flight already has its memory.
        QByteArray first = next('a');
        QByteArray second = next('b');
        QCOMPARE(first, payload('a'));
        QCOMPARE(second, payload('b'));
        const char *firstMemory = first.constData() - 64;
        const char *secondMemory = second.constData() - 64;
        constexpr qsizetype Room = 1200 * 1024;
        parser.recycle(std::move(first));
        parser.recycle(std::move(second));
        QByteArray third = next('c'); // was already arriving in memory of its own
        QCOMPARE(third, payload('c'));
        QByteArray fourth = next('d');
        QCOMPARE(fourth, payload('d'));
        QVERIFY(within(fourth, firstMemory, Room));
        QByteArray fifth = next('e');
        QCOMPARE(fifth, payload('e'));
        QVERIFY(within(fifth, secondMemory, Room));

        // Shared: still in use elsewhere, so not taken; the other one is.
        const QByteArray keptElsewhere = third;
        const char *fourthMemory = fourth.constData() - 64;
        parser.recycle(third);
        parser.recycle(std::move(fourth));
        QCOMPARE(next('f'), payload('f'));
        const QByteArray seventh = next('g');
        QCOMPARE(seventh, payload('g'));
        QVERIFY(within(seventh, fourthMemory, Room));
        QVERIFY(!within(seventh, keptElsewhere.constData() - 64, Room));
        QCOMPARE(keptElsewhere, payload('c')); // untouched
        // Small buffers are not kept.
        parser.recycle(QByteArray(100, 'x'));
        QCOMPARE(next('h'), payload('h'));
        QCOMPARE(parser.pendingBytes(), 0);
    }

    // Lines of every length from 0 to 70 (the line-end search works 16 bytes at a time), each
    // ended by LF, CR or CRLF, fed whole and one byte at a time.
    void lineEndAtEveryOffset_data()
    {
        QTest::addColumn<QByteArray>("lineEnd");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CR") << QByteArray("\r");
        QTest::newRow("CRLF") << QByteArray("\r\n");
    }

    void lineEndAtEveryOffset()
    {
        QFETCH(QByteArray, lineEnd);
        QByteArray stream;
        QList<QByteArray> expected;
        for (int length = 0; length <= 70; ++length) {
            QByteArray value(length, 'x');
            for (int i = 0; i < length; ++i)
                value[i] = char('a' + (i * 7 + length) % 26);
            stream += "data:" + value + lineEnd + lineEnd;
            expected.append(value);
        }
        for (const qsizetype step : {stream.size(), qsizetype(1), qsizetype(17)}) {
            SseParser parser;
            QList<SseEvent> events;
            for (qsizetype at = 0; at < stream.size(); at += step)
                events += parser.feed(QByteArrayView(stream).sliced(at, std::min(step, stream.size() - at)));
            events += parser.finish();
            QCOMPARE(events.size(), expected.size());
            for (qsizetype i = 0; i < events.size(); ++i)
                QCOMPARE(events[i].data, expected[i]);
        }
    }

    void pendingBytesTracksIncompleteEvent()
    {
        SseParser parser;
        QVERIFY(parser.feed("data: 0123456789").isEmpty());
        QVERIFY(parser.pendingBytes() >= 10);
        QCOMPARE(parser.feed("\n\n").size(), 1);
        QCOMPARE(parser.pendingBytes(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
