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
        "data: "
        "{\"type\":\"image_generation.partial_image\",\"b64_json\":\"AAAA\",\"partial_image_"
        "index\":0}\n"
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
             QByteArray("{\"type\":\"image_generation.partial_image\",\n\"b64_json\":\"BBBB\","
                        "\"partial_image_index\":1}"));
    QCOMPARE(events[1].id, QByteArray("7"));
    QCOMPARE(events[2].type, QByteArray("something.new"));
    QCOMPARE(events[3].type, QByteArray("image_generation.completed"));
    QCOMPARE(events[3].data,
             QByteArray("{\"type\":\"image_generation.completed\",\"b64_json\":\"CCCC\"}"));
}

// What a base64 sink received: one entry per streamed string.
struct Streamed
{
    QByteArray bytes;
    QString end; // "end", "abort", or "" while open
};

struct StreamedRun
{
    QList<SseEvent> events;
    QList<Streamed> strings;
};

StreamedRun parseStreaming(const QByteArray &stream, const QList<qsizetype> &cuts)
{
    StreamedRun run;
    SseParser parser;
    parser.setBase64Sink([&run](SseParser::SinkEvent what, QByteArrayView bytes) {
        switch (what) {
        case SseParser::SinkEvent::Begin:
            run.strings.append(Streamed());
            break;
        case SseParser::SinkEvent::Bytes:
            QVERIFY(!run.strings.isEmpty() && run.strings.last().end.isEmpty());
            run.strings.last().bytes.append(bytes);
            break;
        case SseParser::SinkEvent::End:
            run.strings.last().end = QStringLiteral("end");
            break;
        case SseParser::SinkEvent::Abort:
            run.strings.last().end = QStringLiteral("abort");
            break;
        }
    });
    qsizetype start = 0;
    for (qsizetype cut : cuts) {
        run.events += parser.feed(QByteArrayView(stream).sliced(start, cut - start));
        start = cut;
    }
    run.events += parser.feed(QByteArrayView(stream).sliced(start));
    run.events += parser.finish();
    return run;
}

// The events' data as without a sink: streamed strings put back (as base64) where they were.
QList<QByteArray> restoredData(const StreamedRun &run, int *streamedCount)
{
    QList<QByteArray> data;
    qsizetype next = 0;
    *streamedCount = 0;
    for (const SseEvent &event : run.events) {
        QByteArray text = event.data;
        if (event.streamedBytes >= 0) {
            if (next >= run.strings.size() || run.strings[next].end != QStringLiteral("end")
                || run.strings[next].bytes.size() != event.streamedBytes)
                return {};
            const qsizetype key = text.indexOf("\"b64_json\"");
            const qsizetype quote = key < 0 ? -1 : text.indexOf('"', key + 10);
            if (quote < 0 || text.mid(quote, 2) != "\"\"")
                return {};
            text.insert(quote + 1, run.strings[next++].bytes.toBase64());
            ++*streamedCount;
        }
        data.append(text);
    }
    return next == run.strings.size() ? data : QList<QByteArray> {};
}

QByteArray imageBytes(int size, int seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char((i * 131 + seed * 17 + (i >> 3)) & 0xFF);
    return bytes;
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
        const QByteArray stream("-\r\r\xEF\xBB\xBF"
                                "data\n\n");
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
        QTest::newRow("only one space removed")
            << QByteArray("data:  x\n\n") << 1 << QByteArray(" x");
        QTest::newRow("field without colon") << QByteArray("data\n\n") << 1 << QByteArray("");
        QTest::newRow("empty data lines") << QByteArray("data\ndata\n\n") << 1 << QByteArray("\n");
        QTest::newRow("event without data") << QByteArray("event: x\n\n") << 0 << QByteArray();
        QTest::newRow("only comments") << QByteArray(":a\n:b\n\n") << 0 << QByteArray();
        QTest::newRow("colon in value") << QByteArray("data: a:b\n\n") << 1 << QByteArray("a:b");
        QTest::newRow("missing final blank line")
            << QByteArray("data: tail") << 1 << QByteArray("tail");
        QTest::newRow("missing final blank line with LF")
            << QByteArray("data: tail\n") << 1 << QByteArray("tail");
        QTest::newRow("blank lines between")
            << QByteArray("\n\n\ndata: y\n\n\n") << 1 << QByteArray("y");
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
            events += parser.feed(
                QByteArrayView(stream).sliced(at, std::min(step, stream.size() - at)));
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
                events += parser.feed(QByteArrayView(stream).sliced(
                    at, std::min<qsizetype>(chunk, stream.size() - at)));
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
                events += parser.feed(
                    QByteArrayView(stream).sliced(at, std::min(step, stream.size() - at)));
            events += parser.finish();
            QCOMPARE(events.size(), expected.size());
            for (qsizetype i = 0; i < events.size(); ++i)
                QCOMPARE(events[i].data, expected[i]);
        }
    }

    // With a sink, an image string is decoded while it arrives: wherever the stream is cut, the
    // sink gets exactly the image's bytes, and the event the JSON around them.
    void streamedStringsSurviveAnySplit_data()
    {
        QTest::addColumn<QByteArray>("lineEnding");
        QTest::addColumn<int>("imageSize"); // 3k, 3k+1, 3k+2: no padding, "==", "="
        QTest::addColumn<bool>("escapeSlashes");
        for (const char *ending : {"\n", "\r\n", "\r"}) {
            for (int size : {96, 97, 98}) {
                for (bool escape : {false, true})
                    QTest::addRow("%s, %d bytes%s",
                                  ending[0] == '\n' ? "LF"
                                      : ending[1]   ? "CRLF"
                                                    : "CR",
                                  size, escape ? ", '/' escaped" : "")
                        << QByteArray(ending) << size << escape;
            }
        }
    }

    void streamedStringsSurviveAnySplit()
    {
        QFETCH(QByteArray, lineEnding);
        QFETCH(int, imageSize);
        QFETCH(bool, escapeSlashes);
        QByteArray first = imageBytes(imageSize, 1).toBase64();
        QByteArray second = imageBytes(imageSize + 30, 2).toBase64();
        QList<QByteArray> expected = {
            "{\"type\":\"image_generation.partial_image\",\"b64_json\":\"" + first
                + "\",\"partial_image_index\":0}",
            "{\"type\":\"something.new\"}",
            "{\"type\":\"image_generation.completed\",\"b64_json\" : \"" + second
                + "\",\"size\":\"1x1\"}",
        };
        if (escapeSlashes) {
            QVERIFY(first.contains('/') && second.contains('/'));
            first.replace("/", "\\/");
            second.replace("/", "\\/");
        }
        QByteArray stream = "event: image_generation.partial_image\n"
                            "data: {\"type\":\"image_generation.partial_image\",\"b64_json\":\""
            + first
            + "\",\"partial_image_index\":0}\n"
              "\n: comment\nevent: something.new\ndata: {\"type\":\"something.new\"}\n\n"
              "data:{\"type\":\"image_generation.completed\",\"b64_json\" : \""
            + second + "\",\"size\":\"1x1\"}\n\n";
        stream.replace("\n", lineEnding);
        auto check = [&](const QList<qsizetype> &cuts, int minimumStreamed) {
            const StreamedRun run = parseStreaming(stream, cuts);
            int streamed = 0;
            QList<QByteArray> restored = restoredData(run, &streamed);
            for (QByteArray &data : restored)
                data.replace("\\/", "/"); // as the JSON parser reads it
            if (restored.isEmpty()) {
                for (const SseEvent &event : run.events)
                    qWarning() << "event" << event.data << event.streamedBytes
                               << event.streamFailed;
                for (const Streamed &string : run.strings)
                    qWarning() << "string" << string.bytes.size() << string.end;
            }
            if (restored != expected || streamed < minimumStreamed) {
                qWarning() << "cuts" << cuts << "streamed" << streamed << restored;
                return false;
            }
            return true;
        };
        QVERIFY(check({}, 0));
        for (qsizetype cut = 1; cut < stream.size(); ++cut)
            QVERIFY(check({cut}, 0));
        for (qsizetype first = 1; first < stream.size(); first += 3) {
            for (qsizetype second = first + 1; second < stream.size(); second += 7)
                QVERIFY(check({first, second}, 0));
        }
        // In small pieces, as from a network, both images are streamed.
        for (qsizetype piece : {1, 2, 3, 5, 16, 33}) {
            QList<qsizetype> cuts;
            for (qsizetype at = piece; at < stream.size(); at += piece)
                cuts.append(at);
            QVERIFY(check(cuts, 2));
        }
    }

    void streamedStringThatIsNotBase64IsAborted_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("a character outside the alphabet") << QByteArray(200, 'A') + "!AAA";
        QTest::newRow("an escape other than \\/") << QByteArray(200, 'A') + "\\nAAA";
        QTest::newRow("'=' inside") << QByteArray(200, 'A') + "A=AA" + QByteArray(8, 'A');
        QTest::newRow("padding, then more") << QByteArray(200, 'A') + "QQ==" + QByteArray(12, 'A');
        QTest::newRow("a single character left over") << QByteArray(201, 'A');
    }

    void streamedStringThatIsNotBase64IsAborted()
    {
        QFETCH(QByteArray, value);
        const QByteArray stream
            = "data: {\"type\":\"image_generation.partial_image\",\"b64_json\":\"" + value
            + "\",\"partial_image_index\":0}\n\n"
              "data: {\"type\":\"image_generation.completed\",\"b64_json\":\"QUJD\"}\n\n";
        QList<qsizetype> cuts;
        for (qsizetype at = 7; at < stream.size(); at += 7)
            cuts.append(at);
        const StreamedRun run = parseStreaming(stream, cuts);
        QCOMPARE(run.events.size(), 2);
        QVERIFY(run.events[0].streamFailed);
        QCOMPARE(run.events[0].streamedBytes, -1);
        QCOMPARE(run.events[0].data,
                 QByteArray("{\"type\":\"image_generation.partial_image\",\"b64_json\":\""));
        QCOMPARE(run.strings.first().end, QStringLiteral("abort"));
        // The next event is whole again.
        QVERIFY(!run.events[1].streamFailed);
        int streamed = 0;
        QByteArray last = run.events[1].data;
        if (run.events[1].streamedBytes >= 0) {
            QCOMPARE(run.strings.last().bytes, QByteArray("ABC"));
            ++streamed;
        } else {
            QVERIFY(last.contains("QUJD"));
        }
        QCOMPARE(streamed, 1); // cut in pieces of 7, the second string arrives in several
    }

    void streamEndingInsideAStringAbortsIt()
    {
        const QByteArray stream = "event: image_generation.completed\ndata: "
                                  "{\"type\":\"image_generation.completed\",\"b64_json\":\""
            + QByteArray(400, 'B');
        QList<qsizetype> cuts;
        for (qsizetype at = 50; at < stream.size(); at += 50)
            cuts.append(at);
        const StreamedRun run = parseStreaming(stream, cuts);
        QCOMPARE(run.strings.size(), 1);
        QCOMPARE(run.strings[0].end, QStringLiteral("abort"));
        QCOMPARE(run.events.size(), 1);
        QVERIFY(run.events[0].streamFailed);
        QCOMPARE(run.events[0].type, QByteArray("image_generation.completed"));
    }

    void onlyAnImageStringNearTheLineStartIsStreamed_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("key beyond the first 4 KiB") << "data: {\"note\":\"" + QByteArray(5000, 'n')
                + "\",\"b64_json\":\"" + QByteArray(400, 'A') + "\"}";
        QTest::newRow("not a string")
            << "data: {\"b64_json\":null,\"pad\":\"" + QByteArray(400, 'A') + "\"}";
        QTest::newRow("another field") << "id: {\"b64_json\":\"" + QByteArray(400, 'A') + "\"}";
        QTest::newRow("key inside a string")
            << "data: {\"note\":\"\\\"b64_json\\\":\\\"" + QByteArray(400, 'A') + "\"}";
    }

    void onlyAnImageStringNearTheLineStartIsStreamed()
    {
        QFETCH(QByteArray, line);
        QList<qsizetype> cuts;
        for (qsizetype at = 64; at < line.size() + 2; at += 64)
            cuts.append(at);
        const StreamedRun run = parseStreaming(line + "\n\n", cuts);
        QVERIFY(run.strings.isEmpty());
        const QByteArray value = line.sliced(line.indexOf(':') + 2);
        if (line.startsWith("data")) {
            QCOMPARE(run.events.size(), 1);
            QCOMPARE(run.events[0].data, value);
        } else {
            QVERIFY(run.events.isEmpty());
        }
    }

    void pendingBytesCountsAStreamedString()
    {
        SseParser parser;
        qint64 received = 0;
        parser.setBase64Sink(
            [&](SseParser::SinkEvent, QByteArrayView bytes) { received += bytes.size(); });
        QVERIFY(parser.feed("data: {\"b64_json\":\"").isEmpty());
        QVERIFY(parser.feed(QByteArray(4000, 'A')).isEmpty());
        QCOMPARE(received, 3000);
        QVERIFY(parser.pendingBytes() >= 3000);
        const QList<SseEvent> events = parser.feed("\"}\n\n");
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].streamedBytes, 3000);
        QCOMPARE(events[0].data, QByteArray("{\"b64_json\":\"\"}"));
        QCOMPARE(parser.pendingBytes(), 0);
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
