#include "api/refinejob.h"
#include "api/responsesparser.h"
#include "api/sseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

namespace {

// Base64 of a few bytes, long enough to tell the partial and final images apart.
const QByteArray partialB64 = QByteArray("partial image bytes").toBase64();
const QByteArray finalB64 = QByteArray("the final image's bytes").toBase64();

// A streamed turn as POST /v1/responses sends it (openai-node 7.59.0 event shapes): the events
// of an image_generation_call with one partial image, and the completed response repeating the
// result, with a comment and an event without "event:" line mixed in. `lineEnd` separates lines.
QByteArray recordedStream(const QByteArray &lineEnd = "\n")
{
    const QList<QByteArray> events = {
        "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_abc\","
        "\"object\":\"response\",\"status\":\"in_progress\",\"model\":\"gpt-5.5\",\"output\":[]}}",
        "{\"type\":\"response.in_progress\",\"sequence_number\":1,\"response\":{\"id\":\"resp_"
        "abc\",\"status\":\"in_progress\",\"output\":[]}}",
        "{\"type\":\"response.output_item.added\",\"sequence_number\":2,\"output_index\":0,"
        "\"item\":{\"id\":\"ig_1\",\"type\":\"image_generation_call\",\"status\":\"in_progress\","
        "\"result\":null}}",
        "{\"type\":\"response.image_generation_call.in_progress\",\"sequence_number\":3,\"output_"
        "index\":0,\"item_id\":\"ig_1\"}",
        "{\"type\":\"response.image_generation_call.generating\",\"sequence_number\":4,\"output_"
        "index\":0,\"item_id\":\"ig_1\"}",
        "{\"type\":\"response.image_generation_call.partial_image\",\"sequence_number\":5,\"output_"
        "index\":0,\"item_id\":\"ig_1\",\"partial_image_index\":0,\"partial_image_b64\":\""
            + partialB64
            + "\",\"size\":\"1024x1024\",\"quality\":\"high\",\"background\":\"opaque\",\"output_"
              "format\":\"png\"}",
        "{\"type\":\"response.image_generation_call.completed\",\"sequence_number\":6,\"output_"
        "index\":0,\"item_id\":\"ig_1\"}",
        "{\"type\":\"response.output_item.done\",\"sequence_number\":7,\"output_index\":0,\"item\":"
        "{\"id\":\"ig_1\",\"type\":\"image_generation_call\",\"status\":\"completed\",\"revised_"
        "prompt\":\"a fox at night\",\"size\":\"1024x1024\",\"output_format\":\"png\",\"result\":\""
            + finalB64 + "\"}}",
        "{\"type\":\"response.completed\",\"sequence_number\":8,\"response\":{\"id\":\"resp_abc\","
        "\"status\":\"completed\",\"output\":[{\"id\":\"ig_1\",\"type\":\"image_generation_call\","
        "\"status\":\"completed\",\"result\":\""
            + finalB64
            + "\"}],\"usage\":{\"input_tokens\":120,\"input_tokens_details\":{\"cached_tokens\":"
              "100,\"cache_write_tokens\":0},\"output_tokens\":30,\"output_tokens_details\":{"
              "\"reasoning_tokens\":10},\"total_tokens\":150},\"tool_usage\":{\"image_gen\":{"
              "\"input_tokens\":50,\"input_tokens_details\":{\"image_tokens\":40,\"text_tokens\":"
              "10},\"output_tokens\":4160,\"total_tokens\":4210},\"web_search\":{\"num_requests\":"
              "0}}}}",
    };
    QByteArray stream = ": keep-alive" + lineEnd;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QByteArray type
            = QJsonDocument::fromJson(events[i]).object().value(u"type"_s).toString().toUtf8();
        if (i != 4) // the generating event comes without its "event:" line
            stream += "event: " + type + lineEnd;
        stream += "data: " + events[i] + lineEnd + lineEnd;
    }
    return stream;
}

QList<ResponsesEvent> parseInChunks(const QByteArray &stream, qsizetype chunk)
{
    SseParser parser;
    QList<ResponsesEvent> events;
    for (qsizetype offset = 0; offset < stream.size(); offset += chunk) {
        const QList<SseEvent> complete = parser.feed(
            QByteArrayView(stream).sliced(offset, std::min(chunk, stream.size() - offset)));
        for (const SseEvent &event : complete)
            events.append(ResponsesParser::parseEvent(event));
    }
    for (const SseEvent &event : parser.finish())
        events.append(ResponsesParser::parseEvent(event));
    return events;
}

} // namespace

class TestResponsesParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void streamInAnyFraming_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<int>("chunk");
        QTest::newRow("whole") << recordedStream() << 0; // 0: in one piece
        for (int chunk : {1, 2, 3, 7, 64, 4096}) {
            QTest::addRow("LF, %d-byte chunks", chunk) << recordedStream() << chunk;
            QTest::addRow("CRLF, %d-byte chunks", chunk) << recordedStream("\r\n") << chunk;
            QTest::addRow("CR, %d-byte chunks", chunk) << recordedStream("\r") << chunk;
        }
    }

    void streamInAnyFraming()
    {
        QFETCH(QByteArray, stream);
        QFETCH(int, chunk);
        const QList<ResponsesEvent> events
            = parseInChunks(stream, chunk > 0 ? chunk : stream.size());
        using Type = ResponsesEvent::Type;
        const QList<Type> expected = {Type::Created,
                                      Type::InProgress,
                                      Type::Other,
                                      Type::ImageCallInProgress,
                                      Type::ImageCallGenerating,
                                      Type::PartialImage,
                                      Type::ImageCallCompleted,
                                      Type::ImageDone,
                                      Type::Completed};
        QCOMPARE(events.size(), expected.size());
        for (qsizetype i = 0; i < events.size(); ++i) {
            QCOMPARE(events[i].type, expected[i]);
            QCOMPARE(events[i].sequenceNumber, i);
        }
        QCOMPARE(events[0].turn.id, u"resp_abc"_s);
        QCOMPARE(events[0].turn.model, u"gpt-5.5"_s);
        QCOMPARE(events[4].name, QByteArray("response.image_generation_call.generating"));
        QCOMPARE(events[4].image.itemId, u"ig_1"_s);
        const ResponsesImage &partial = events[5].image;
        QCOMPARE(partial.base64, partialB64);
        QCOMPARE(partial.partialIndex, 0);
        QCOMPARE(partial.itemId, u"ig_1"_s);
        QCOMPARE(partial.quality, u"high"_s);
        const ResponsesImage &done = events[7].image;
        QCOMPARE(done.base64, finalB64);
        QCOMPARE(done.partialIndex, -1);
        QCOMPARE(done.revisedPrompt, u"a fox at night"_s);
        const ResponsesTurn &turn = events[8].turn;
        QCOMPARE(turn.id, u"resp_abc"_s);
        QCOMPARE(turn.status, u"completed"_s);
        QCOMPARE(turn.images.size(), 1);
        QCOMPARE(turn.images[0].base64, finalB64);
        QCOMPARE(turn.usage.mainline.inputTokens, 120);
        QCOMPARE(turn.usage.mainline.outputTokens, 30);
        QCOMPARE(turn.usage.cachedInputTokens, 100);
        QCOMPARE(turn.usage.image.inputTokens, 50);
        QCOMPARE(turn.usage.image.inputImageTokens, 40);
        QCOMPARE(turn.usage.image.inputTextTokens, 10);
        QCOMPARE(turn.usage.image.outputTokens, 4160);
        QVERIFY(!turn.error.isError());
    }

    void failures_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("error event")
            << QByteArray("{\"type\":\"error\",\"code\":\"server_error\",\"message\":\"boom\","
                          "\"param\":null,\"sequence_number\":3}")
            << int(ResponsesEvent::Type::Error) << u"server_error"_s << u"boom"_s;
        QTest::newRow("moderation: a failed call")
            << QByteArray(
                   "{\"type\":\"response.output_item.done\",\"output_index\":0,\"item\":{\"id\":"
                   "\"ig_2\",\"type\":\"image_generation_call\",\"status\":\"failed\",\"result\":"
                   "null,\"error\":{\"code\":\"moderation_blocked\",\"message\":\"blocked by the "
                   "safety system\",\"param\":null,\"type\":\"image_generation_user_error\"}}}")
            << int(ResponsesEvent::Type::Error) << u"moderation_blocked"_s
            << u"blocked by the safety system"_s;
        QTest::newRow("not JSON") << QByteArray("{\"type\": \"response.completed\"")
                                  << int(ResponsesEvent::Type::Error) << QString() << QString();
        QTest::newRow("partial without its image")
            << QByteArray("{\"type\":\"response.image_generation_call.partial_image\",\"item_id\":"
                          "\"ig\",\"partial_image_index\":0}")
            << int(ResponsesEvent::Type::Error) << QString() << QString();
        QTest::newRow("text delta: ignored")
            << QByteArray("{\"type\":\"response.output_text.delta\",\"delta\":\"Here\"}")
            << int(ResponsesEvent::Type::Other) << QString() << QString();
    }

    void failures()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, type);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const ResponsesEvent event = ResponsesParser::parseEvent(QByteArray(), data);
        QCOMPARE(int(event.type), type);
        if (event.type == ResponsesEvent::Type::Error) {
            QVERIFY(event.error.isError());
            QVERIFY(!event.error.message.isEmpty());
        }
        if (!code.isEmpty())
            QCOMPARE(event.error.code, code);
        if (!message.isEmpty())
            QCOMPARE(event.error.message, message);
    }

    void wholeResponse_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("images");
        QTest::addColumn<QString>("refusal");
        QTest::addColumn<QString>("errorCode");
        QTest::newRow("image") << QByteArray(
            "{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[{\"type\":\"reasoning\","
            "\"id\":\"rs_1\"},{\"id\":\"ig_1\",\"type\":\"image_generation_call\",\"status\":"
            "\"completed\",\"result\":\""
            + finalB64
            + "\"}],\"usage\":{\"input_tokens\":1,\"output_tokens\":2,\"total_tokens\":3}}")
                               << 1 << QString() << QString();
        QTest::newRow("refusal") << QByteArray(
            "{\"id\":\"resp_2\",\"status\":\"completed\",\"output\":[{\"type\":\"message\","
            "\"role\":\"assistant\",\"content\":[{\"type\":\"refusal\",\"refusal\":\"I can't help "
            "with that.\"}]}]}") << 0
                                 << u"I can't help with that."_s << QString();
        QTest::newRow("failed response")
            << QByteArray("{\"id\":\"resp_3\",\"status\":\"failed\",\"error\":{\"code\":\"server_"
                          "error\",\"message\":\"try again\"},\"output\":[]}")
            << 0 << QString() << u"server_error"_s;
        QTest::newRow("escaped result is still read") << QByteArray(
            "{\"id\":\"resp_4\",\"status\":\"completed\",\"output\":[{\"type\":\"image_generation_"
            "call\",\"id\":\"ig\",\"status\":\"completed\",\"result\":\"QUJD\\/RA==\"}]}")
                                                      << 1 << QString() << QString();
    }

    void wholeResponse()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, images);
        QFETCH(QString, refusal);
        QFETCH(QString, errorCode);
        const ResponsesTurn turn = ResponsesParser::parseResponse(body);
        QVERIFY(turn.id.startsWith(u"resp_"_s));
        QCOMPARE(turn.images.size(), images);
        QCOMPARE(turn.refusal, refusal);
        QCOMPARE(turn.error.code, errorCode);
        if (QTest::currentDataTag() == QByteArray("escaped result is still read"))
            QCOMPARE(turn.images[0].base64, QByteArray("QUJD/RA=="));
    }

    void cutStringsLeavesTheRest()
    {
        QByteArray json
            = "{\"a\":{\"result\" : \"AAAA\"},\"result\":\"BBBB\",\"other\":\"result\"}";
        const QList<QByteArray> cut = ResponsesParser::cutStrings(json, "result");
        QCOMPARE(cut, (QList<QByteArray> {"AAAA", "BBBB"}));
        QCOMPARE(json,
                 QByteArray("{\"a\":{\"result\" : \"\"},\"result\":\"\",\"other\":\"result\"}"));
    }

    void failureKinds_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        QTest::addColumn<bool>("continuing");
        QTest::addColumn<int>("failure");
        using F = RefineJob::Failure;
        QTest::newRow("no /responses")
            << 404 << QString() << QString() << false << int(F::NoResponsesApi);
        QTest::newRow("unknown model is no fallback")
            << 404 << u"model_not_found"_s << QString() << false << int(F::Other);
        QTest::newRow("unknown previous id")
            << 400 << u"previous_response_not_found"_s << u"previous_response_id"_s << true
            << int(F::ConversationGone);
        QTest::newRow("expired previous id (404)")
            << 404 << QString() << u"previous_response_id"_s << true << int(F::ConversationGone);
        QTest::newRow("moderation")
            << 400 << u"moderation_blocked"_s << QString() << false << int(F::Refused);
        QTest::newRow("bad value")
            << 400 << u"invalid_value"_s << u"tools"_s << false << int(F::Other);
    }

    void failureKinds()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, param);
        QFETCH(bool, continuing);
        QFETCH(int, failure);
        ApiError error = ApiError::make(ApiError::Kind::Api, u"the API's words"_s);
        error.httpStatus = status;
        error.code = code;
        error.param = param;
        QCOMPARE(int(RefineJob::classify(error, continuing)), failure);
    }
};

QTEST_GUILESS_MAIN(TestResponsesParser)
#include "tst_responsesparser.moc"
