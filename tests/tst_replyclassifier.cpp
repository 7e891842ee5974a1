#include "api/replyclassifier.h"

#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Atelier::ApiError::Kind)
Q_DECLARE_METATYPE(Atelier::ReplyVerdict::Kind)

// Every way an attempt can end, as rows: the facts of the reply in, the verdict out. No socket.
class TestReplyClassifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QNetworkReply::NetworkError>("networkError");
        QTest::addColumn<QByteArray>("shouldRetry");
        QTest::addColumn<QByteArray>("retryAfterMs");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ApiError::Kind>("abortReason");
        QTest::addColumn<ReplyVerdict::Kind>("verdict");
        QTest::addColumn<ApiError::Kind>("errorKind");
        QTest::addColumn<int>("serverDelayMs"); // -1: none
        QTest::addColumn<QString>("messagePart");

        using K = ApiError::Kind;
        using V = ReplyVerdict::Kind;
        const QByteArray rateLimited
            = R"({"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}})";
        const QByteArray badParam
            = R"({"error":{"message":"Invalid size","type":"invalid_request_error","param":"size"}})";

        QTest::newRow("200 ok") << 200 << QNetworkReply::NoError << QByteArray() << QByteArray()
                                << QByteArray() << QByteArray("{}") << K::None << V::Success
                                << K::None << -1 << QString();
        QTest::newRow("429 with retry-after-ms")
            << 429 << QNetworkReply::UnknownContentError << QByteArray() << QByteArray("1500")
            << QByteArray() << rateLimited << K::None << V::Retryable << K::Api << 1500
            << u"Rate limit reached"_s;
        QTest::newRow("503 with Retry-After seconds")
            << 503 << QNetworkReply::ServiceUnavailableError << QByteArray() << QByteArray()
            << QByteArray("2") << QByteArray() << K::None << V::Retryable << K::Api << 2000
            << QString();
        QTest::newRow("503 with Retry-After date")
            << 503 << QNetworkReply::ServiceUnavailableError << QByteArray() << QByteArray()
            << QByteArray("Tue, 01 Dec 2026 12:00:05 GMT") << QByteArray() << K::None
            << V::Retryable << K::Api << 5000 << QString();
        QTest::newRow("500 absurd Retry-After")
            << 500 << QNetworkReply::InternalServerError << QByteArray() << QByteArray()
            << QByteArray("3600") << QByteArray() << K::None << V::Retryable << K::Api << -1
            << QString();
        QTest::newRow("400 is final") << 400 << QNetworkReply::ProtocolInvalidOperationError
                                      << QByteArray() << QByteArray() << QByteArray() << badParam
                                      << K::None << V::Failed << K::Api << -1 << u"Invalid size"_s;
        QTest::newRow("400 but x-should-retry true")
            << 400 << QNetworkReply::ProtocolInvalidOperationError << QByteArray("true")
            << QByteArray() << QByteArray() << badParam << K::None << V::Retryable << K::Api << -1
            << QString();
        QTest::newRow("500 but x-should-retry false")
            << 500 << QNetworkReply::InternalServerError << QByteArray("false") << QByteArray()
            << QByteArray() << QByteArray() << K::None << V::Failed << K::Api << -1 << QString();
        QTest::newRow("502 gateway page")
            << 502 << QNetworkReply::UnknownServerError << QByteArray() << QByteArray()
            << QByteArray() << QByteArray("<html><title>502 Bad Gateway</title></html>") << K::None
            << V::Retryable << K::Api << -1 << u"502 Bad Gateway"_s;
        QTest::newRow("307 redirect")
            << 307 << QNetworkReply::NoError << QByteArray() << QByteArray() << QByteArray()
            << QByteArray() << K::None << V::Failed << K::Redirect << -1
            << u"https://elsewhere.example/v1"_s;
        QTest::newRow("connection refused")
            << 0 << QNetworkReply::ConnectionRefusedError << QByteArray() << QByteArray()
            << QByteArray() << QByteArray() << K::None << V::Retryable << K::Network << -1
            << u"refused"_s;
        QTest::newRow("TLS failure is final")
            << 0 << QNetworkReply::SslHandshakeFailedError << QByteArray() << QByteArray()
            << QByteArray() << QByteArray() << K::None << V::Failed << K::Network << -1
            << QString();
        QTest::newRow("insecure redirect")
            << 0 << QNetworkReply::InsecureRedirectError << QByteArray() << QByteArray()
            << QByteArray() << QByteArray() << K::None << V::Failed << K::Redirect << -1
            << QString();
        QTest::newRow("no status, no error")
            << 0 << QNetworkReply::NoError << QByteArray() << QByteArray() << QByteArray()
            << QByteArray() << K::None << V::Failed << K::Network << -1 << QString();
        QTest::newRow("timeout is retried")
            << 0 << QNetworkReply::OperationCanceledError << QByteArray() << QByteArray()
            << QByteArray() << QByteArray() << K::Timeout << V::Retryable << K::Timeout << -1
            << u"stopped by the job"_s;
        QTest::newRow("too large is final, whatever the status")
            << 200 << QNetworkReply::OperationCanceledError << QByteArray() << QByteArray()
            << QByteArray() << QByteArray() << K::TooLarge << V::Failed << K::TooLarge << -1
            << u"stopped by the job"_s;
    }

    void classify()
    {
        QFETCH(int, status);
        QFETCH(QNetworkReply::NetworkError, networkError);
        QFETCH(QByteArray, shouldRetry);
        QFETCH(QByteArray, retryAfterMs);
        QFETCH(QByteArray, retryAfter);
        QFETCH(QByteArray, body);
        QFETCH(ApiError::Kind, abortReason);
        QFETCH(ReplyVerdict::Kind, verdict);
        QFETCH(ApiError::Kind, errorKind);
        QFETCH(int, serverDelayMs);
        QFETCH(QString, messagePart);

        ReplyFacts facts;
        facts.httpStatus = status;
        facts.networkError = networkError;
        facts.networkErrorText = u"Connection refused"_s;
        facts.location = "https://elsewhere.example/v1";
        facts.shouldRetry = shouldRetry;
        facts.retryAfterMs = retryAfterMs;
        facts.retryAfter = retryAfter;
        facts.body = body;
        facts.abortReason = abortReason;
        facts.abortMessage = u"stopped by the job"_s;
        facts.requestId = u"req_123"_s;
        const QDateTime now(QDate(2026, 12, 1), QTime(12, 0, 0), Qt::UTC);

        const ReplyVerdict result = ReplyClassifier::classify(facts, now);
        QCOMPARE(result.kind, verdict);
        QCOMPARE(result.error.kind, errorKind);
        QCOMPARE(result.error.retryable, verdict == ReplyVerdict::Kind::Retryable);
        QCOMPARE(result.serverDelayMs.value_or(-1), serverDelayMs);
        if (verdict != ReplyVerdict::Kind::Success)
            QCOMPARE(result.error.requestId, u"req_123"_s);
        if (!messagePart.isEmpty())
            QVERIFY2(result.error.message.contains(messagePart, Qt::CaseInsensitive),
                     qPrintable(result.error.message));
    }

    void brokenStreamCountsWhatWasKept()
    {
        ReplyFacts facts;
        facts.httpStatus = 200;
        facts.networkError = QNetworkReply::RemoteHostClosedError;
        facts.networkErrorText = u"Remote host closed the connection"_s;
        facts.streamStarted = true;
        facts.imagesReceived = 3;
        const ReplyVerdict result = ReplyClassifier::classify(facts);
        QCOMPARE(result.kind, ReplyVerdict::Kind::Retryable);
        QVERIFY2(result.error.message.contains(u"during the stream"_s),
                 qPrintable(result.error.message));
        QVERIFY2(result.error.message.contains(u"the 3 image(s)"_s),
                 qPrintable(result.error.message));
        QVERIFY(result.error.message.contains(u"Remote host closed the connection"_s));
    }

    void eventStream_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<bool>("stream");
        QTest::newRow("sse") << 200 << QByteArray("text/event-stream") << true;
        QTest::newRow("sse with charset, odd case")
            << 200 << QByteArray(" Text/Event-Stream; charset=utf-8") << true;
        QTest::newRow("json") << 200 << QByteArray("application/json") << false;
        QTest::newRow("sse error status") << 500 << QByteArray("text/event-stream") << false;
        QTest::newRow("redirect") << 302 << QByteArray("text/event-stream") << false;
    }

    void eventStream()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(bool, stream);
        QCOMPARE(ReplyClassifier::isEventStream(status, contentType), stream);
    }
};

QTEST_GUILESS_MAIN(TestReplyClassifier)
#include "tst_replyclassifier.moc"
