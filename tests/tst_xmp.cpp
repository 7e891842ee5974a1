// Xmp::embedInWebp: the packet goes into the "XMP " chunk of any WebP file Qt writes (lossy,
// lossless, with and without alpha), replacing one already there, and the image stays as it was.
// The chunks are read here with a RIFF walker of the test's own, not with the library's.
#include "library/xmp.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

namespace {

struct Chunk
{
    QByteArray fourCC;
    QByteArray payload;
};

quint32 littleEndian(const QByteArray &bytes, qsizetype at, int width)
{
    quint32 value = 0;
    for (int i = 0; i < width; ++i)
        value |= quint32(quint8(bytes.at(at + i))) << (8 * i);
    return value;
}

// Every chunk after "RIFF <size> WEBP", in order; nothing when the file is not well formed (a
// RIFF size that is not the file's, a chunk running past the end).
QList<Chunk> chunksOf(const QByteArray &webp)
{
    if (webp.size() < 12 || !webp.startsWith("RIFF") || webp.mid(8, 4) != "WEBP"
        || littleEndian(webp, 4, 4) != quint32(webp.size() - 8))
        return {};
    QList<Chunk> chunks;
    qsizetype at = 12;
    while (at + 8 <= webp.size()) {
        const qsizetype size = littleEndian(webp, at + 4, 4);
        if (at + 8 + size > webp.size())
            return {};
        chunks.append({webp.mid(at, 4), webp.mid(at + 8, size)});
        at += 8 + size + (size % 2);
    }
    return at == webp.size() ? chunks : QList<Chunk>();
}

QList<Chunk> chunksNamed(const QList<Chunk> &chunks, const QByteArray &fourCC)
{
    QList<Chunk> named;
    for (const Chunk &chunk : chunks)
        if (chunk.fourCC == fourCC)
            named.append(chunk);
    return named;
}

// 64x48 pixels of a gradient; with alpha, the right half fully transparent.
QImage picture(bool alpha)
{
    QImage image(64, 48, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, qRgba(x * 4, y * 5, 128, alpha && x >= 32 ? 0 : 255));
    return image;
}

QByteArray encodedWebp(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "webp");
    writer.setQuality(quality);
    if (!writer.write(image))
        qFatal("the WebP writer failed: %s", qPrintable(writer.errorString()));
    return bytes;
}

QByteArray packetFor(const QString &prompt)
{
    const QByteArray recipe = R"({"model":"gpt-image-2","prompt":")" + prompt.toUtf8() + "\"}";
    return Xmp::packet(prompt, recipe, u"Atelier test"_s);
}

} // namespace

class TestXmp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void webpCarriesThePacket_data()
    {
        QTest::addColumn<int>("quality");
        QTest::addColumn<bool>("alpha");
        QTest::addColumn<QByteArray>("bitstream"); // the image chunk Qt's writer makes
        QTest::addColumn<QByteArray>("firstChunk"); // and how its file starts
        QTest::newRow("lossy") << 80 << false << QByteArray("VP8 ") << QByteArray("VP8 ");
        QTest::newRow("lossy, alpha") << 80 << true << QByteArray("VP8 ") << QByteArray("VP8X");
        QTest::newRow("lossless") << 100 << false << QByteArray("VP8L") << QByteArray("VP8L");
        QTest::newRow("lossless, alpha") << 100 << true << QByteArray("VP8L") << QByteArray("VP8L");
    }

    void webpCarriesThePacket()
    {
        QFETCH(int, quality);
        QFETCH(bool, alpha);
        QFETCH(QByteArray, bitstream);
        QFETCH(QByteArray, firstChunk);
        const QByteArray original = encodedWebp(picture(alpha), quality);
        const QList<Chunk> before = chunksOf(original);
        QVERIFY(!before.isEmpty());
        QCOMPARE(before.first().fourCC, firstChunk); // the layout this row is about
        QVERIFY(chunksNamed(before, "XMP ").isEmpty());

        const QByteArray packet = packetFor(u"a fox in snow"_s);
        const QByteArray embedded = Xmp::embedInWebp(original, packet);
        const QList<Chunk> after = chunksOf(embedded);
        QVERIFY2(!after.isEmpty(), "not a well-formed RIFF file");
        // The extended layout: VP8X first, saying there is XMP, and alpha exactly when there is.
        QCOMPARE(after.first().fourCC, QByteArray("VP8X"));
        const QByteArray header = after.first().payload;
        QCOMPARE(header.size(), 10);
        const auto flags = quint8(header.at(0));
        QVERIFY(flags & 0x04);
        QCOMPARE(bool(flags & 0x10), alpha);
        QCOMPARE(littleEndian(header, 4, 3) + 1, 64u);
        QCOMPARE(littleEndian(header, 7, 3) + 1, 48u);
        // The image's own chunks, unchanged; one XMP chunk, the packet.
        for (const QByteArray &kept : {bitstream, QByteArray("ALPH")}) {
            const QList<Chunk> was = chunksNamed(before, kept);
            const QList<Chunk> is = chunksNamed(after, kept);
            QCOMPARE(is.size(), was.size());
            for (qsizetype i = 0; i < was.size(); ++i)
                QVERIFY2(is.at(i).payload == was.at(i).payload, kept.constData());
        }
        QCOMPARE(chunksNamed(after, bitstream).size(), 1);
        if (alpha && bitstream == "VP8 ")
            QCOMPARE(chunksNamed(after, "ALPH").size(), 1);
        const QList<Chunk> xmp = chunksNamed(after, "XMP ");
        QCOMPARE(xmp.size(), 1);
        QCOMPARE(xmp.first().payload, packet);

        const QImage decodedBefore = QImage::fromData(original, "webp");
        const QImage decodedAfter = QImage::fromData(embedded, "webp");
        QVERIFY(!decodedAfter.isNull());
        QCOMPARE(decodedAfter, decodedBefore);
        if (alpha)
            QCOMPARE(qAlpha(decodedAfter.pixel(60, 10)), 0);
        QVERIFY(Xmp::recipeFrom(embedded).contains("a fox in snow"));
    }

    // Writing the packet again (a re-export of a file that has one) replaces it: one XMP chunk.
    void webpPacketIsReplacedNotAdded_data() { webpCarriesThePacket_data(); }

    void webpPacketIsReplacedNotAdded()
    {
        QFETCH(int, quality);
        QFETCH(bool, alpha);
        const QByteArray first
            = Xmp::embedInWebp(encodedWebp(picture(alpha), quality), packetFor(u"first"_s));
        QVERIFY(!first.isEmpty());
        const QByteArray second = packetFor(u"second"_s);
        const QByteArray again = Xmp::embedInWebp(first, second);
        const QList<Chunk> chunks = chunksOf(again);
        QVERIFY2(!chunks.isEmpty(), "not a well-formed RIFF file");
        const QList<Chunk> xmp = chunksNamed(chunks, "XMP ");
        QCOMPARE(xmp.size(), 1);
        QCOMPARE(xmp.first().payload, second);
        QCOMPARE(chunksNamed(chunks, "VP8X").size(), 1);
        QVERIFY(Xmp::recipeFrom(again).contains("second"));
        QVERIFY(!Xmp::recipeFrom(again).contains("first"));
        QCOMPARE(QImage::fromData(again, "webp"), QImage::fromData(first, "webp"));
    }

    void notAWebpFileGetsNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("gif") << QByteArray("GIF89a\x02\x00\x02\x00\x00\x00\x00;", 14);
        const QByteArray webp = encodedWebp(picture(false), 80);
        QTest::newRow("cut short") << webp.left(webp.size() / 2);
        QTest::newRow("riff, not webp") << QByteArray("RIFF\x04\x00\x00\x00WAVE", 12);
    }

    void notAWebpFileGetsNothing()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(Xmp::embedInWebp(bytes, packetFor(u"x"_s)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestXmp)
#include "tst_xmp.moc"
