#include "api/base64.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;
using Base64Detail::Implementation;

Q_DECLARE_METATYPE(Atelier::Base64Detail::Implementation)

namespace {

constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool isBase64Char(char c)
{
    return c != '\0' && std::strchr(Alphabet, c) != nullptr;
}

void addImplementations()
{
    QTest::addColumn<Implementation>("implementation");
    QTest::newRow("table") << Implementation::Scalar;
    // Without AVX2 "best" is the table again: still a valid run, not a skipped one.
    QTest::newRow(Base64Detail::hasAvx2() ? "avx2" : "best (table: no AVX2 here)")
        << Implementation::Best;
}

QByteArray randomBytes(qsizetype length, QRandomGenerator *random)
{
    QByteArray bytes(length, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random->bounded(256));
    return bytes;
}

} // namespace

class TestBase64 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesQtOnRandomData_data() { addImplementations(); }
    void matchesQtOnRandomData()
    {
        QFETCH(Implementation, implementation);
        QRandomGenerator random(42);
        // Every length around the 32-character blocks and their 24-byte output.
        for (int length = 0; length < 300; ++length) {
            const QByteArray bytes = randomBytes(length, &random);
            for (const QByteArray::Base64Options options :
                 {QByteArray::Base64Options(QByteArray::Base64Encoding),
                  QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals}) {
                QByteArray text = bytes.toBase64(options);
                QVERIFY(Base64Detail::decodeInPlace(text, implementation));
                QCOMPARE(text, bytes);
            }
        }
    }

    void largeInput_data() { addImplementations(); }
    void largeInput()
    {
        QFETCH(Implementation, implementation);
        QRandomGenerator random(7);
        const QByteArray bytes = randomBytes(3 * 1024 * 1024 + 1, &random);
        QByteArray text = bytes.toBase64();
        QVERIFY(Base64Detail::decodeInPlace(text, implementation));
        QVERIFY(text == bytes);
    }

    // Every byte value at every position of two 32-character blocks and a tail: accepted exactly
    // when it is in the alphabet, and then decoded as the table decodes it.
    void everyByteAtEveryPosition_data() { addImplementations(); }
    void everyByteAtEveryPosition()
    {
        QFETCH(Implementation, implementation);
        QRandomGenerator random(3);
        const QByteArray valid = randomBytes(54, &random).toBase64(); // 72 characters, no padding
        QCOMPARE(valid.size(), 72);
        for (int position = 0; position < valid.size(); ++position) {
            for (int value = 0; value < 256; ++value) {
                QByteArray text = valid;
                text[position] = char(value);
                QByteArray reference = text;
                // '=' in the last place is padding, anywhere else an error.
                const bool expected
                    = isBase64Char(char(value)) || (value == '=' && position == valid.size() - 1);
                QCOMPARE(Base64Detail::decodeInPlace(reference, Implementation::Scalar), expected);
                const bool decoded = Base64Detail::decodeInPlace(text, implementation);
                if (decoded != expected)
                    QFAIL(qPrintable(QStringLiteral("byte 0x%1 at %2: %3")
                                         .arg(value, 2, 16, QLatin1Char('0'))
                                         .arg(position)
                                         .arg(decoded ? u"accepted" : u"refused")));
                if (expected)
                    QCOMPARE(text, reference);
            }
        }
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<Implementation>("implementation");
        QTest::addColumn<QByteArray>("text");
        const QByteArray block(64, 'A'); // long enough for the vector path to see the error
        for (const auto &[name, implementation] : {std::pair {"table", Implementation::Scalar},
                                                   std::pair {"best", Implementation::Best}}) {
            auto row = [&](const char *what, const QByteArray &text) {
                QTest::addRow("%s: %s", name, what) << implementation << text;
                QTest::addRow("%s: %s after 64 characters", name, what)
                    << implementation << block + text;
            };
            row("url-safe alphabet", "ab-_");
            row("space", "QUJD REVG");
            row("newline", "QUJD\nREVG");
            row("escaped slash", "QU\\/J");
            row("one leftover char", "QUJDR");
            row("three paddings", "QU===");
            row("padding in the middle", "QU==QUJD");
            row("padding with wrong length", "QUJ==");
            row("quote", "QUJ\"");
            row("non-ascii", "QUJ\xC3");
            QTest::addRow("%s: padding inside a block", name)
                << implementation
                << QByteArray("QUJD").repeated(4) + "QU==" + QByteArray("QUJD").repeated(8);
        }
    }

    void rejectsInvalid()
    {
        QFETCH(Implementation, implementation);
        QFETCH(QByteArray, text);
        QVERIFY(!Base64Detail::decodeInPlace(text, implementation));
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
        // The whole alphabet, in a 64-character block the vector path decodes.
        QTest::newRow("alphabet") << QByteArray(Alphabet)
                                  << QByteArray::fromHex(
                                         "00108310518720928b30d38f41149351559761969b71d79f8218a3925"
                                         "9a7a29aabb2dbafc31cb3d35db7e39ebbf3dfbf");
    }

    void knownVectors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, bytes);
        for (const Implementation implementation : {Implementation::Scalar, Implementation::Best}) {
            QByteArray copy = text;
            QVERIFY(Base64Detail::decodeInPlace(copy, implementation));
            QCOMPARE(copy, bytes);
        }
        QVERIFY(decodeBase64InPlace(text));
        QCOMPARE(text, bytes);
    }

    // Text that arrives in pieces: decoded prefix by prefix (what is left over carried on to the
    // next piece), the result is the whole text's, and text the whole decoder refuses is refused.
    void prefixesDecodeAsTheWhole_data()
    {
        QTest::addColumn<QByteArray>("text");
        const QByteArray long64 = QByteArray("Atelier streams images. ").repeated(4).toBase64();
        const QList<QByteArray> texts = {"QUJD",         "QUI=", "QQ==",          "QUI",
                                         "QQ",           long64, long64 + "QQ==", "QQ==on",
                                         "QUJDQQ==QUJD", "QQ=A", "Q===",          "QUJDQ",
                                         long64 + "!",   "QU=D"};
        for (const QByteArray &text : texts)
            QTest::addRow("%s", text.left(24).constData()) << text;
    }

    void prefixesDecodeAsTheWhole()
    {
        QFETCH(QByteArray, text);
        QByteArray whole = text;
        const bool valid = decodeBase64InPlace(whole);
        for (qsizetype cut = 0; cut <= text.size(); ++cut) {
            QByteArray first = text.first(cut);
            qsizetype consumed = 0;
            const qsizetype decoded
                = decodeBase64Prefix(first.data(), first.size(), false, &consumed);
            if (decoded < 0) {
                QVERIFY2(!valid, qPrintable(u"refused at %1"_s.arg(cut)));
                continue;
            }
            QByteArray rest = text.sliced(consumed);
            qsizetype all = 0;
            const qsizetype last = decodeBase64Prefix(rest.data(), rest.size(), true, &all);
            QCOMPARE(all, rest.size());
            QCOMPARE(last >= 0, valid);
            if (valid)
                QCOMPARE(first.first(decoded) + rest.first(last), whole);
        }
    }

    // A shared QByteArray is detached, not decoded under another owner's feet.
    void leavesSharedCopiesAlone()
    {
        const QByteArray original = QByteArray("hello, world! ").repeated(10).toBase64();
        QByteArray text = original;
        QVERIFY(decodeBase64InPlace(text));
        QCOMPARE(text, QByteArray("hello, world! ").repeated(10));
        QCOMPARE(original, QByteArray("hello, world! ").repeated(10).toBase64());
    }
};

QTEST_GUILESS_MAIN(TestBase64)
#include "tst_base64.moc"
