#include "api/responseparser.h"

#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestResponseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void htmlErrorPagesAreSummarised_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("said");
        QTest::newRow("nginx 502") << QByteArray(
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 "
            "Bad "
            "Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n")
                                   << u"(\"502 Bad Gateway\")"_s;
        QTest::newRow("cloudflare") << QByteArray(
            "<!DOCTYPE html>\n<!--[if lt IE 7]> <html class=\"no-js ie6 oldie\" lang=\"en-US\"> "
            "<![endif]-->\n<head>\n<title>example.com | 521: Web server is down</title>\n<meta "
            "charset=\"UTF-8\" /><script>var x = 1;</script></head><body>...</body></html>")
                                    << u"(\"example.com | 521: Web server is down\")"_s;
        QTest::newRow("entities") << QByteArray(
            "<html><head><title>Service &amp; API &lt;down&gt;</title></head></html>")
                                  << u"Service & API <down>"_s;
        QTest::newRow("no title") << QByteArray(
            "<html><head><style>h1{color:red}</style></head><body><h1>Oops</h1><script>alert(1)</"
            "script></body></html>")
                                  << u"(\"Oops\")"_s;
        QTest::newRow("empty page")
            << QByteArray("<html><body></body></html>") << u"answered with a web page instead"_s;
    }

    void htmlErrorPagesAreSummarised()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, said);
        const ApiError error = ResponseParser::parseErrorBody(502, body, u"req_1"_s);
        QVERIFY2(error.message.contains(said), qPrintable(error.message));
        QVERIFY2(!error.message.contains(u"<"_s) || said.contains(u"<"_s),
                 qPrintable(error.message)); // no markup
        QVERIFY(!error.message.contains(u"script"_s));
        QCOMPARE(error.httpStatus, 502);
        QVERIFY(error.toString().contains(u"502"_s));
        // Plain text that is not HTML keeps the excerpt as before.
        QVERIFY(ResponseParser::parseErrorBody(500, "upstream timed out", {})
                    .message.contains(u"upstream timed out"_s));
    }

    void extractsBase64WithoutTouchingTheRest()
    {
        QByteArray json
            = "{\"data\":[{\"b64_json\" : "
              "\"QUJD\",\"revised_prompt\":\"x\"},{\"b64_json\":\"REVG\"}],\"note\":\"b64_json\"}";
        const QList<QByteArray> values = ResponseParser::extractBase64Fields(json);
        QCOMPARE(values, (QList<QByteArray> {"QUJD", "REVG"}));
        QCOMPARE(json,
                 QByteArray(
                     "{\"data\":[{\"b64_json\" : "
                     "\"\",\"revised_prompt\":\"x\"},{\"b64_json\":\"\"}],\"note\":\"b64_json\"}"));
    }

    void escapedBase64IsLeftToTheJsonParser()
    {
        QByteArray json = "{\"b64_json\":\"QU\\/J\"}";
        QVERIFY(ResponseParser::extractBase64Fields(json).isEmpty());
        const StreamEvent event = ResponseParser::parseStreamEvent(
            "image_generation.completed",
            "{\"type\":\"image_generation.completed\",\"b64_json\":\"QU\\/J\"}");
        QCOMPARE(event.type, StreamEvent::Type::Completed);
        QCOMPARE(event.base64, QByteArray("QU/J"));
    }

    // The end of a value and any escape in it are found in one vectorised pass: every length
    // around the 16-byte steps, an escape at every position, and a plain value after an escaped
    // one.
    void base64ValueEndsAndEscapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QList<QByteArray>>("values");
        for (int length = 0; length <= 40; ++length) {
            QByteArray value(length, 'A');
            for (int i = 0; i < length; ++i)
                value[i]
                    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(i * 7)
                                                                                         % 64];
            QTest::addRow("plain, %d characters", length)
                << "{\"b64_json\":\"" + value + "\",\"x\":1}" << QList<QByteArray> {value};
            if (length > 0) {
                for (int at = 0; at < length; ++at) {
                    QByteArray escaped = value;
                    escaped.insert(at, '\\');
                    QTest::addRow("escape at %d of %d, then a plain value", at, length)
                        << "{\"b64_json\":\"" + escaped + "\",\"b64_json\":\"QUJD\"}"
                        << QList<QByteArray> {"QUJD"};
                }
            }
            QTest::addRow("unterminated, %d characters", length)
                << "{\"b64_json\":\"" + value << QList<QByteArray> {};
        }
    }

    void base64ValueEndsAndEscapes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QList<QByteArray>, values);
        QCOMPARE(ResponseParser::extractBase64Fields(json), values);
    }

    void imagesResponse()
    {
        const QByteArray body
            = "{\"created\":1713833628,\"background\":\"opaque\",\"output_format\":\"webp\","
              "\"size\":\"1024x1536\",\"quality\":\"high\","
              "\"data\":[{\"b64_json\":\"QUJD\"},{\"url\":\"https://files.example/"
              "img.png\",\"revised_prompt\":\"A cat, painted\"}],"
              "\"usage\":{\"total_tokens\":100,\"input_tokens\":50,\"output_tokens\":50,\"input_"
              "tokens_details\":{\"text_tokens\":10,\"image_tokens\":40}}}";
        ImagesResponse response;
        ApiError error;
        QVERIFY(ResponseParser::parseImagesResponse(body, &response, &error));
        QCOMPARE(response.created, 1713833628);
        QCOMPARE(response.images.size(), 2);
        QCOMPARE(response.images[0].base64, QByteArray("QUJD"));
        QCOMPARE(response.images[1].url, QUrl(u"https://files.example/img.png"_s));
        QCOMPARE(response.images[1].revisedPrompt, u"A cat, painted"_s);
        QCOMPARE(response.outputFormat, u"webp"_s);
        QCOMPARE(response.size, u"1024x1536"_s);
        QCOMPARE(response.quality, u"high"_s);
        QCOMPARE(response.background, u"opaque"_s);
        QCOMPARE(response.usage.totalTokens, 100);
        QCOMPARE(response.usage.inputImageTokens, 40);
        QCOMPARE(response.usage.outputImageTokens, -1);
    }

    void malformedResponses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("truncated") << QByteArray("{\"data\":[{\"b64_json\":\"QU")
                                   << int(ApiError::Kind::InvalidResponse) << u"not the JSON"_s;
        QTest::newRow("html") << QByteArray("<html>bad gateway</html>")
                              << int(ApiError::Kind::InvalidResponse) << u"not the JSON"_s;
        QTest::newRow("no images") << QByteArray("{\"created\":1,\"data\":[]}")
                                   << int(ApiError::Kind::InvalidResponse) << u"no images"_s;
        QTest::newRow("entry without image")
            << QByteArray("{\"created\":1,\"data\":[{\"revised_prompt\":\"x\"}]}")
            << int(ApiError::Kind::InvalidResponse) << u"neither image data nor a URL"_s;
        QTest::newRow("error without message")
            << QByteArray("{\"error\":{\"mess~age\":\"bad\",\"type\":\"invalid_request_error\"}}")
            << int(ApiError::Kind::Api) << u"without an explanation"_s;
        QTest::newRow("error object with 200")
            << QByteArray("{\"error\":{\"message\":\"nope\",\"type\":\"server_error\"}}")
            << int(ApiError::Kind::Api) << u"nope"_s;
    }

    void malformedResponses()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, messagePart);
        ImagesResponse response;
        ApiError error;
        QVERIFY(!ResponseParser::parseImagesResponse(body, &response, &error));
        QCOMPARE(int(error.kind), kind);
        QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
    }

    void streamEvents_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("partialIndex");
        QTest::addColumn<qint64>("totalTokens");
        QTest::newRow("generation partial")
            << QByteArray("image_generation.partial_image")
            << QByteArray("{\"type\":\"image_generation.partial_image\",\"b64_json\":\"QUJD\","
                          "\"partial_image_index\":2,\"size\":\"1024x1024\",\"quality\":\"high\","
                          "\"background\":\"opaque\",\"output_format\":\"png\",\"created_at\":5}")
            << int(StreamEvent::Type::PartialImage) << 2 << qint64(-1);
        QTest::newRow("generation completed")
            << QByteArray("image_generation.completed")
            << QByteArray("{\"type\":\"image_generation.completed\",\"b64_json\":\"QUJD\","
                          "\"usage\":{\"total_tokens\":100,\"input_tokens\":50,\"output_tokens\":"
                          "50,\"input_tokens_details\":{\"text_tokens\":10,\"image_tokens\":40}}}")
            << int(StreamEvent::Type::Completed) << 0 << qint64(100);
        QTest::newRow("edit partial") << QByteArray("image_edit.partial_image")
                                      << QByteArray("{\"type\":\"image_edit.partial_image\",\"b64_"
                                                    "json\":\"QUJD\",\"partial_image_index\":0}")
                                      << int(StreamEvent::Type::PartialImage) << 0 << qint64(-1);
        QTest::newRow("edit completed")
            << QByteArray("image_edit.completed")
            << QByteArray("{\"type\":\"image_edit.completed\",\"b64_json\":\"QUJD\",\"usage\":{"
                          "\"total_tokens\":7,\"input_tokens\":3,\"output_tokens\":4,\"input_"
                          "tokens_details\":{\"text_tokens\":3,\"image_tokens\":0}}}")
            << int(StreamEvent::Type::Completed) << 0 << qint64(7);
        QTest::newRow("type only in data")
            << QByteArray()
            << QByteArray("{\"type\":\"image_generation.completed\",\"b64_json\":\"QUJD\"}")
            << int(StreamEvent::Type::Completed) << 0 << qint64(-1);
        QTest::newRow("unknown") << QByteArray("response.created")
                                 << QByteArray("{\"type\":\"response.created\"}")
                                 << int(StreamEvent::Type::Unknown) << 0 << qint64(-1);
        QTest::newRow("error event") << QByteArray("error")
                                     << QByteArray("{\"type\":\"error\",\"error\":{\"message\":"
                                                   "\"Your request was rejected by the safety "
                                                   "system.\",\"type\":\"image_generation_user_"
                                                   "error\",\"code\":\"moderation_blocked\"}}")
                                     << int(StreamEvent::Type::Error) << 0 << qint64(-1);
        QTest::newRow("error without wrapper")
            << QByteArray("error")
            << QByteArray("{\"message\":\"server overloaded\",\"code\":\"server_error\"}")
            << int(StreamEvent::Type::Error) << 0 << qint64(-1);
        QTest::newRow("malformed json")
            << QByteArray("image_generation.completed") << QByteArray("{\"type\":\"image_gen")
            << int(StreamEvent::Type::Error) << 0 << qint64(-1);
        QTest::newRow("completed without image")
            << QByteArray("image_generation.completed")
            << QByteArray("{\"type\":\"image_generation.completed\"}")
            << int(StreamEvent::Type::Error) << 0 << qint64(-1);
    }

    void streamEvents()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, data);
        QFETCH(int, type);
        QFETCH(int, partialIndex);
        QFETCH(qint64, totalTokens);
        const StreamEvent event = ResponseParser::parseStreamEvent(name, data);
        QCOMPARE(int(event.type), type);
        QCOMPARE(event.partialIndex, partialIndex);
        QCOMPARE(event.usage.totalTokens, totalTokens);
        if (event.type == StreamEvent::Type::PartialImage
            || event.type == StreamEvent::Type::Completed)
            QCOMPARE(event.base64, QByteArray("QUJD"));
        if (event.type == StreamEvent::Type::Error)
            QVERIFY(!event.error.message.isEmpty());
    }

    void errorEventKeepsApiFields()
    {
        const StreamEvent event = ResponseParser::parseStreamEvent(
            "error",
            "{\"type\":\"error\",\"error\":{\"message\":\"Rejected.\",\"type\":\"image_generation_"
            "user_error\",\"code\":\"moderation_blocked\",\"param\":\"prompt\"}}");
        QCOMPARE(event.error.code, u"moderation_blocked"_s);
        QCOMPARE(event.error.param, u"prompt"_s);
        QCOMPARE(event.error.kind, ApiError::Kind::Api);
    }

    void errorBodies_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("readable");
        QTest::newRow("openai 400")
            << 400
            << QByteArray("{\"error\":{\"message\":\"Invalid value: 'huge'. Supported values are: "
                          "'1024x1024'.\",\"type\":\"invalid_request_error\",\"param\":\"size\","
                          "\"code\":\"invalid_value\"}}")
            << u"The API refused the request (HTTP 400): Invalid value: 'huge'. Supported values are: '1024x1024'. (type invalid_request_error, code invalid_value, parameter size, request id req_123)"_s;
        QTest::newRow("429 numeric code")
            << 429
            << QByteArray("{\"error\":{\"message\":\"Rate limit "
                          "reached\",\"type\":\"requests\",\"code\":429}}")
            << u"The API refused the request (HTTP 429): Rate limit reached (type requests, code 429, request id req_123)"_s;
        QTest::newRow("gateway html")
            << 502 << QByteArray("<html><body>Bad Gateway</body></html>")
            << u"The API refused the request (HTTP 502): the server answered with a web page (\"Bad Gateway\") instead of the API's JSON; a gateway or proxy between Atelier and the API is probably failing (request id req_123)"_s;
        QTest::newRow("empty body")
            << 500 << QByteArray()
            << u"The API refused the request (HTTP 500): the server gave no explanation (request id req_123)"_s;
        QTest::newRow("error object without message")
            << 500 << QByteArray("{\"error\":{\"code\":\"server_error\"}}")
            << u"The API refused the request (HTTP 500): the server reported an error without an explanation (code server_error, request id req_123)"_s;
        QTest::newRow("azure string error")
            << 401 << QByteArray("{\"error\":\"Access denied due to invalid subscription key.\"}")
            << u"The API refused the request (HTTP 401): Access denied due to invalid subscription key. (request id req_123)"_s;
    }

    void errorBodies()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, readable);
        const ApiError error = ResponseParser::parseErrorBody(status, body, u"req_123"_s);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.toString(), readable);
    }
};

QTEST_GUILESS_MAIN(TestResponseParser)
#include "tst_responseparser.moc"
