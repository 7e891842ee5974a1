#include "api/retrypolicy.h"

#include <QTest>

using namespace Atelier;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retryableStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retryable");
        for (int status : {408, 409, 429, 500, 502, 503, 504})
            QTest::addRow("%d", status) << status << true;
        for (int status : {200, 400, 401, 403, 404, 413, 422})
            QTest::addRow("%d", status) << status << false;
    }

    void retryableStatus()
    {
        QFETCH(int, status);
        QFETCH(bool, retryable);
        QCOMPARE(RetryPolicy::isRetryableStatus(status), retryable);
    }

    void networkErrors()
    {
        QVERIFY(RetryPolicy::isRetryableNetworkError(QNetworkReply::ConnectionRefusedError));
        QVERIFY(RetryPolicy::isRetryableNetworkError(QNetworkReply::RemoteHostClosedError));
        QVERIFY(!RetryPolicy::isRetryableNetworkError(QNetworkReply::OperationCanceledError));
        QVERIFY(!RetryPolicy::isRetryableNetworkError(QNetworkReply::SslHandshakeFailedError));
    }

    void serverDelay_data()
    {
        QTest::addColumn<QByteArray>("retryAfterMs");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("expected"); // -1: none
        QTest::newRow("ms wins") << QByteArray("250") << QByteArray("3") << 250;
        QTest::newRow("seconds") << QByteArray() << QByteArray("2") << 2000;
        QTest::newRow("fractional seconds") << QByteArray() << QByteArray("0.5") << 500;
        QTest::newRow("too long ignored") << QByteArray() << QByteArray("3600") << -1;
        QTest::newRow("zero ignored") << QByteArray("0") << QByteArray() << -1;
        QTest::newRow("garbage") << QByteArray("soon") << QByteArray("later") << -1;
        QTest::newRow("http date")
            << QByteArray() << QByteArray("Sat, 21 Nov 2026 12:00:10 GMT") << 10000;
        QTest::newRow("http date in the past")
            << QByteArray() << QByteArray("Sat, 21 Nov 2026 11:59:00 GMT") << -1;
    }

    void serverDelay()
    {
        QFETCH(QByteArray, retryAfterMs);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, expected);
        const QDateTime now(QDate(2026, 11, 21), QTime(12, 0, 0), Qt::UTC);
        const std::optional<int> delay = RetryPolicy::serverDelayMs(retryAfterMs, retryAfter, now);
        QCOMPARE(delay.value_or(-1), expected);
    }

    void backoffGrowsAndIsCapped()
    {
        RetryPolicy policy;
        QCOMPARE(policy.backoffMs(1, 0.0), 500);
        QCOMPARE(policy.backoffMs(2, 0.0), 1000);
        QCOMPARE(policy.backoffMs(3, 0.0), 2000);
        QCOMPARE(policy.backoffMs(10, 0.0), 8000);
        QCOMPARE(policy.backoffMs(1, 1.0), 375); // jitter takes off at most a quarter
        QVERIFY(policy.backoffMs(2, 0.5) < 1000 && policy.backoffMs(2, 0.5) >= 750);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
