#include "platform/result.h"

#include <QTest>

#include <memory>

using namespace Atelier;
using namespace Qt::StringLiterals;

namespace {

Result<int> parsePositive(const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok)
        return failure(u"%1 is not a number"_s.arg(text), text);
    if (value <= 0)
        return failure(u"%1 is not positive"_s.arg(value));
    return value;
}

// Passes a failure on through a function of another result type.
Result<QString> doubled(const QString &text)
{
    const Result<int> parsed = parsePositive(text);
    if (!parsed)
        return parsed.failure();
    return QString::number(*parsed * 2);
}

Status checkedTwice(const QString &text)
{
    if (const Result<QString> twice = doubled(text); !twice)
        return twice.failure();
    return success();
}

} // namespace

class ResultTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valuesAndFailures_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("subject");
        QTest::newRow("number") << u"21"_s << true << u"42"_s << QString() << QString();
        QTest::newRow("word") << u"abc"_s << false << QString() << u"abc is not a number"_s
                              << u"abc"_s;
        QTest::newRow("negative") << u"-3"_s << false << QString() << u"-3 is not positive"_s
                                  << QString();
    }

    void valuesAndFailures()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, value);
        QFETCH(QString, error);
        QFETCH(QString, subject);
        const Result<QString> result = doubled(text);
        QCOMPARE(result.ok(), ok);
        QCOMPARE(bool(result), ok);
        QCOMPARE(result.error(), error);
        QCOMPARE(result.failure().subject, subject);
        QCOMPARE(result.valueOr(u"none"_s), ok ? value : u"none"_s);
        if (ok)
            QCOMPARE(*result, value);
        const Status status = checkedTwice(text);
        QCOMPARE(status.ok(), ok);
        QCOMPARE(status.error(), error);
    }

    void holdsMoveOnlyValues()
    {
        Result<std::unique_ptr<int>> owned = std::make_unique<int>(7);
        QVERIFY(owned);
        std::unique_ptr<int> taken = std::move(owned).value();
        QCOMPARE(*taken, 7);
        const Result<std::unique_ptr<int>> none = failure(u"nothing"_s);
        QVERIFY(!none);
        QCOMPARE(none.error(), u"nothing"_s);
    }

    void defaultStatusIsSuccess()
    {
        Status status;
        QVERIFY(status);
        QVERIFY(status.error().isEmpty());
        status = failure(u"disk full"_s, u"/srv"_s);
        QVERIFY(!status);
        QCOMPARE(status.failure().subject, u"/srv"_s);
    }
};

QTEST_GUILESS_MAIN(ResultTest)
#include "tst_result.moc"
