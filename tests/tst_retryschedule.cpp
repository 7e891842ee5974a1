#include "api/retryschedule.h"

#include <QTest>

using namespace Atelier;

// What a request may be sent again for: retryable errors, within the policy's retries, never
// once a stream has begun (its images are paid for); the server's delay over the backoff.
class TestRetrySchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void retryAfter_data()
    {
        QTest::addColumn<int>("attempts");
        QTest::addColumn<bool>("retryable");
        QTest::addColumn<bool>("streamStarted");
        QTest::addColumn<int>("serverDelayMs"); // -1: none
        QTest::addColumn<double>("jitter");
        QTest::addColumn<int>("retry"); // -1: none, the error is final
        QTest::addColumn<int>("delayMs");

        // The policy: 2 retries, 500 ms doubling up to 8 s.
        QTest::newRow("first retry") << 1 << true << false << -1 << 0.0 << 1 << 500;
        QTest::newRow("second retry doubles") << 2 << true << false << -1 << 0.0 << 2 << 1000;
        QTest::newRow("jitter shortens") << 2 << true << false << -1 << 0.5 << 2 << 875;
        QTest::newRow("retries used up") << 3 << true << false << -1 << 0.0 << -1 << 0;
        QTest::newRow("server delay wins") << 1 << true << false << 2500 << 0.9 << 1 << 2500;
        QTest::newRow("not retryable") << 1 << false << false << 1000 << 0.0 << -1 << 0;
        QTest::newRow("stream begun: never paid twice")
            << 1 << true << true << -1 << 0.0 << -1 << 0;
    }

    void retryAfter()
    {
        QFETCH(int, attempts);
        QFETCH(bool, retryable);
        QFETCH(bool, streamStarted);
        QFETCH(int, serverDelayMs);
        QFETCH(double, jitter);
        QFETCH(int, retry);
        QFETCH(int, delayMs);

        RetrySchedule schedule;
        for (int i = 0; i < attempts; ++i)
            schedule.beginAttempt();
        QCOMPARE(schedule.attempts(), attempts);
        if (streamStarted)
            schedule.markStreamStarted();
        ApiError error = ApiError::make(ApiError::Kind::Api, QStringLiteral("busy"));
        error.retryable = retryable;
        const RetryPolicy policy;
        const std::optional<RetrySchedule::Retry> next = schedule.retryAfter(
            error, serverDelayMs < 0 ? std::nullopt : std::optional<int>(serverDelayMs), policy,
            jitter);
        QCOMPARE(next.has_value(), retry > 0);
        if (next) {
            QCOMPARE(next->number, retry);
            QCOMPARE(next->delayMs, delayMs);
        }
    }

    void streamStartedStaysForTheJob()
    {
        // A retry after a stream began is refused for the rest of the request, attempt or not.
        RetrySchedule schedule;
        schedule.beginAttempt();
        schedule.markStreamStarted();
        schedule.beginAttempt();
        QVERIFY(schedule.streamStarted());
        ApiError error = ApiError::make(ApiError::Kind::Timeout, QStringLiteral("idle"));
        error.retryable = true;
        QVERIFY(!schedule.retryAfter(error, std::nullopt, RetryPolicy(), 0.0));
    }
};

QTEST_GUILESS_MAIN(TestRetrySchedule)
#include "tst_retryschedule.moc"
