#include "api/base64.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Atelier;

class TestBase64 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesQtOnRandomData()
    {
        QRandomGenerator random(42);
        for (int length = 0; length < 300; ++length) {
            QByteArray bytes(length, Qt::Uninitialized);
            for (char &byte : bytes)
                byte = char(random.bounded(256));
            for (const QByteArray::Base64Options options : {QByteArray::Base64Options(QByteArray::Base64Encoding), QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals}) {
                QByteArray text = bytes.toBase64(options);
                QVERIFY(decodeBase64InPlace(text));
                QCOMPARE(text, bytes);
            }
        }
    }

    void largeInput()
    {
        QByteArray bytes(3 * 1024 * 1024 + 1, Qt::Uninitialized);
        QRandomGenerator random(7);
        for (char &byte : bytes)
            byte = char(random.bounded(256));
        QByteArray text = bytes.toBase64();
        QVERIFY(decodeBase64InPlace(text));
        QVERIFY(text == bytes);
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("url-safe alphabet") << QByteArray("ab-_");
        QTest::newRow("space") << QByteArray("QUJD REVG");
        QTest::newRow("newline") << QByteArray("QUJD\nREVG");
        QTest::newRow("escaped slash") << QByteArray("QU\\/J");
        QTest::newRow("one leftover char") << QByteArray("QUJDR");
        QTest::newRow("three paddings") << QByteArray("QU===");
        QTest::newRow("padding in the middle") << QByteArray("QU==QUJD");
        QTest::newRow("padding with wrong length") << QByteArray("QUJ==");
        QTest::newRow("quote") << QByteArray("QUJ\"");
        QTest::newRow("non-ascii") << QByteArray("QUJ\xC3");
    }

    void rejectsInvalid()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!decodeBase64InPlace(text));
    }

    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("bytes");
        // RFC 4648, section 10.
        QTest::newRow("empty") << QByteArray("") << QByteArray("");
        QTest::newRow("f") << QByteArray("Zg==") << QByteArray("f");
        QTest::newRow("fo") << QByteArray("Zm8=") << QByteArray("fo");
        QTest::newRow("foo") << QByteArray("Zm9v") << QByteArray("foo");
        QTest::newRow("foob") << QByteArray("Zm9vYg==") << QByteArray("foob");
        QTest::newRow("fooba") << QByteArray("Zm9vYmE=") << QByteArray("fooba");
        QTest::newRow("foobar") << QByteArray("Zm9vYmFy") << QByteArray("foobar");
        QTest::newRow("unpadded fo") << QByteArray("Zm8") << QByteArray("fo");
    }

    void knownVectors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, bytes);
        QVERIFY(decodeBase64InPlace(text));
        QCOMPARE(text, bytes);
    }
};

QTEST_GUILESS_MAIN(TestBase64)
#include "tst_base64.moc"
