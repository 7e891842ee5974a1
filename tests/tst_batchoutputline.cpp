#include "batch/batchoutputline.h"

#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestBatchOutputLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answered()
    {
        const QByteArray image = QByteArray(3 * 1024 * 1024, 'A'); // base64 of zero bytes
        const QByteArray line
            = "{\"id\":\"batch_req_1\",\"custom_id\":\"line-7\",\"response\":{\"status_code\":200,"
              "\"request_id\":\"req_9\",\"body\":{\"created\":17,\"data\":[{\"b64_json\":\""
            + image + "\"},{\"b64_json\":\"QUJD\",\"revised_prompt\":\"two\"}],"
            + "\"output_format\":\"webp\",\"usage\":{\"total_tokens\":100,\"input_tokens\":40,"
              "\"output_tokens\":60}}},\"error\":null}";
        const Result<BatchOutputLine> parsed = BatchOutputLine::parse(line);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        const BatchOutputLine &result = *parsed;
        QVERIFY(result.succeeded());
        QCOMPARE(result.id, u"batch_req_1"_s);
        QCOMPARE(result.customId, u"line-7"_s);
        QCOMPARE(result.statusCode, 200);
        QCOMPARE(result.requestId, u"req_9"_s);
        QCOMPARE(result.response.images.size(), 2);
        QCOMPARE(result.response.images.at(0).base64.size(), image.size());
        QCOMPARE(result.response.images.at(1).base64, QByteArray("QUJD"));
        QCOMPARE(result.response.images.at(1).revisedPrompt, u"two"_s);
        QCOMPARE(result.response.outputFormat, u"webp"_s);
        QCOMPARE(result.response.usage.totalTokens, 100);
        QCOMPARE(result.response.usage.outputTokens, 60);
    }

    void failed_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        QTest::newRow("the endpoint refused it")
            << QByteArray("{\"id\":\"r\",\"custom_id\":\"line-2\",\"response\":{\"status_code\":"
                          "400,\"request_id\":\"req_2\",\"body\":{\"error\":{\"message\":\"Your "
                          "request was rejected.\",\"type\":\"image_generation_user_error\","
                          "\"param\":null,\"code\":\"moderation_blocked\"}}},\"error\":null}")
            << 400 << u"Your request was rejected."_s << u"moderation_blocked"_s;
        QTest::newRow("never run: expired")
            << QByteArray("{\"id\":\"r\",\"custom_id\":\"line-2\",\"response\":null,\"error\":"
                          "{\"code\":\"batch_expired\",\"message\":\"Not run in time.\"}}")
            << 0 << u"Not run in time."_s << u"batch_expired"_s;
        QTest::newRow("an error without a message")
            << QByteArray("{\"custom_id\":\"line-2\",\"response\":{\"status_code\":500,"
                          "\"body\":{}}}")
            << 500 << u"The request failed (status 500) without a reason."_s << QString();
    }

    void failed()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, status);
        QFETCH(QString, message);
        QFETCH(QString, code);
        const Result<BatchOutputLine> parsed = BatchOutputLine::parse(line);
        QVERIFY2(parsed, qPrintable(parsed.error()));
        const BatchOutputLine &result = *parsed;
        QVERIFY(!result.succeeded());
        QCOMPARE(result.customId, u"line-2"_s);
        QCOMPARE(result.error.httpStatus, status);
        QCOMPARE(result.error.message, message);
        QCOMPARE(result.error.code, code);
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("problem");
        QTest::newRow("cut short")
            << QByteArray("{\"id\":\"r\",\"custom_id\":\"line-1\",\"response\":{\"status_code\":"
                          "200,\"body\":{\"data\":[{\"b64_json\":\"QUJD")
            << u"not JSON"_s;
        QTest::newRow("no custom_id")
            << QByteArray("{\"response\":{\"status_code\":200,\"body\":{}}}") << u"custom_id"_s;
        QTest::newRow("an array") << QByteArray("[1,2]") << u"not a JSON object"_s;
        QTest::newRow("no response, no error")
            << QByteArray("{\"custom_id\":\"line-1\"}") << u"neither a response nor an error"_s;
        QTest::newRow("no images")
            << QByteArray("{\"custom_id\":\"line-1\",\"response\":{\"status_code\":200,\"body\":"
                          "{\"data\":[]}}}")
            << u"no images"_s;
    }

    void malformed()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, problem);
        const Result<BatchOutputLine> parsed = BatchOutputLine::parse(line);
        QVERIFY(!parsed);
        QVERIFY2(parsed.error().contains(problem), qPrintable(parsed.error()));
    }
};

QTEST_GUILESS_MAIN(TestBatchOutputLine)
#include "tst_batchoutputline.moc"
