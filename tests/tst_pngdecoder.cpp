// The fast PNG reader must give exactly what Qt's reader gives, or leave the file to Qt.
// Qt's reader (libpng) is the reference: every handled case is compared with QImage::fromData,
// on both implementations (SSE2 and portable).
#include "imaging/imagefile.h"
#include "imaging/pngdecoder.h"
#include "library/contentfiles.h"
#include "library/librarymodel.h"

#include <QColorSpace>
#include <QImageReader>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <libdeflate.h>

#include <sys/resource.h>

using namespace Atelier;
using Implementation = PngDecoder::Implementation;
using namespace Qt::StringLiterals;

namespace {

QByteArray bigEndian(quint32 value)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray chunk(const char *type, const QByteArray &payload)
{
    QByteArray body = QByteArray(type, 4) + payload;
    const quint32 crc = libdeflate_crc32(0, body.constData(), size_t(body.size()));
    return bigEndian(quint32(payload.size())) + body + bigEndian(crc);
}

int paeth(int a, int b, int c)
{
    const int p = a + b - c;
    const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// A PNG written here, not by libpng, so that every row filter is used on purpose.
struct PngSpec
{
    int width = 5;
    int height = 7;
    int colorType = 2; // 2 RGB, 6 RGBA
    int depth = 8;
    int interlace = 0;
    std::function<int(int row)> filter = [](int row) {
        return row % 5;
    };
    QByteArray before; // chunks between IHDR and IDAT
    QByteArray after; // chunks between IDAT and IEND
    int idatPieces = 1;
    QByteArray zlibTail; // bytes after the zlib stream
    int dropRawBytes = 0; // compress fewer bytes than the image needs
    bool smooth = false; // neighbouring pixels alike, as in photos (Paeth's case)
    quint32 seed = 1;
};

QByteArray writePng(const PngSpec &spec)
{
    const int channels = spec.colorType == 6 ? 4 : spec.colorType == 2 ? 3 : 1;
    const int bpp = channels * spec.depth / 8;
    const qsizetype rowBytes = qsizetype(spec.width) * bpp;
    QRandomGenerator random(spec.seed);
    QList<QByteArray> rows;
    for (int y = 0; y < spec.height; ++y) {
        QByteArray row(rowBytes, Qt::Uninitialized);
        for (qsizetype i = 0; i < rowBytes; ++i)
            row[i] = char(spec.smooth ? (i * 3 + y * 5 + int(random.bounded(4))) & 255
                                      : int(random.bounded(256)));
        rows.append(row);
    }
    QByteArray raw;
    const QByteArray zeros(rowBytes, '\0');
    for (int y = 0; y < spec.height; ++y) {
        const QByteArray &row = rows.at(y);
        const QByteArray &prior = y > 0 ? rows.at(y - 1) : zeros;
        const int filter = spec.filter(y);
        raw.append(char(filter));
        for (qsizetype i = 0; i < rowBytes; ++i) {
            const int a = i >= bpp ? uchar(row.at(i - bpp)) : 0;
            const int b = uchar(prior.at(i));
            const int c = i >= bpp ? uchar(prior.at(i - bpp)) : 0;
            const int predictor = filter == 1 ? a
                : filter == 2                 ? b
                : filter == 3                 ? (a + b) / 2
                : filter == 4                 ? paeth(a, b, c)
                                              : 0;
            raw.append(char((uchar(row.at(i)) - predictor) & 255));
        }
    }
    raw.chop(spec.dropRawBytes);
    const QByteArray compressed
        = qCompress(raw).mid(4) + spec.zlibTail; // qCompress: 4-byte size, then zlib
    QByteArray header = bigEndian(quint32(spec.width)) + bigEndian(quint32(spec.height));
    header += char(spec.depth);
    header += char(spec.colorType);
    header += QByteArray(2, '\0');
    header += char(spec.interlace);
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += chunk("IHDR", header) + spec.before;
    const qsizetype piece = compressed.size() / spec.idatPieces + 1;
    for (qsizetype at = 0; at < compressed.size(); at += piece)
        png += chunk("IDAT", compressed.mid(at, piece));
    png += spec.after + chunk("IEND", {});
    return png;
}

// A PNG written from the default spec with `change` applied.
template<typename Change> QByteArray spec(Change change)
{
    PngSpec s;
    change(s);
    return writePng(s);
}

QByteArray savedByQt(QImage::Format format, bool smooth, const char *text = nullptr)
{
    QImage image(211, 67, format);
    QRandomGenerator random(7);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const int noise = int(random.bounded(smooth ? 6 : 256));
            image.setPixel(x, y,
                           qRgba((x * 3 + noise) & 255, (y * 2 + noise) & 255,
                                 (x + y + noise) & 255, (x * 7 + noise) & 255));
        }
    }
    if (text)
        image.setText(QStringLiteral("Atelier"), QString::fromLatin1(text));
    image.setDotsPerMeterX(3780);
    image.setDotsPerMeterY(2835);
    return ContentFiles::png(image);
}

QByteArray text(const QByteArray &keyword, const QByteArray &value)
{
    return chunk("tEXt", keyword + '\0' + value);
}

QByteArray corruptCrc(QByteArray png, const char *type)
{
    const qsizetype at = png.indexOf(type);
    const quint32 length = qFromBigEndian<quint32>(png.constData() + at - 4);
    png[at + 4 + qsizetype(length)] = char(png.at(at + 4 + qsizetype(length)) ^ 1);
    return png;
}

} // namespace

class TestPngDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsQt_data();
    void sameAsQt();
    void leftToQt_data();
    void leftToQt();
    void damagedNeverCrashes();
    void streamDecodesRowsAsTheyArrive();
    void streamGivesUpBeyondTheLimits();
    void streamWithWideRows();
    void declaredHugeImageIsRefused();
};

// Feeds `png` to a StreamDecoder in pieces of `piece` bytes (0: a cut at `cut`, then the rest).
bool streamDecode(const QByteArray &png, qsizetype piece, QImage *image,
                  Implementation implementation = Implementation::Best, qsizetype cut = 0)
{
    PngDecoder::StreamDecoder decoder(1 << 16, 1LL << 28, implementation);
    bool fed = true;
    if (piece == 0) {
        fed = decoder.feed(QByteArrayView(png).first(cut))
            && decoder.feed(QByteArrayView(png).sliced(cut));
    } else {
        for (qsizetype at = 0; at < png.size() && fed; at += piece)
            fed = decoder.feed(QByteArrayView(png).sliced(at, std::min(piece, png.size() - at)));
    }
    const bool finished = decoder.finish(image);
    if (!fed && finished)
        qWarning("feed() refused, yet finish() gave an image");
    return fed && finished;
}

void TestPngDecoder::sameAsQt_data()
{
    QTest::addColumn<QByteArray>("png");
    for (const int colorType : {2, 6}) {
        const QByteArray kind = colorType == 2 ? "rgb " : "rgba ";
        for (const int filter : {0, 1, 2, 3, 4}) {
            for (const int width : {1, 2, 3, 16, 37}) {
                QTest::addRow("%sfilter %d width %d", kind.constData(), filter, width)
                    << spec([&](PngSpec &s) {
                           s.colorType = colorType;
                           s.width = width;
                           s.filter = [filter](int) {
                               return filter;
                           };
                       });
                QTest::addRow("%sfilter %d width %d smooth", kind.constData(), filter, width)
                    << spec([&](PngSpec &s) {
                           s.colorType = colorType;
                           s.width = width;
                           s.smooth = true;
                           s.filter = [filter](int) {
                               return filter;
                           };
                       });
            }
        }
        QTest::addRow("%severy filter in turn, tall", kind.constData()) << spec([&](PngSpec &s) {
            s.colorType = colorType;
            s.width = 64;
            s.height = 41;
        });
        QTest::addRow("%sone pixel", kind.constData()) << spec([&](PngSpec &s) {
            s.colorType = colorType;
            s.width = 1;
            s.height = 1;
        });
        QTest::addRow("%simage data in many IDAT chunks", kind.constData())
            << spec([&](PngSpec &s) {
                   s.colorType = colorType;
                   s.idatPieces = 9;
               });
    }
    QTest::newRow("saved by Qt, rgb noise") << savedByQt(QImage::Format_RGB32, false);
    QTest::newRow("saved by Qt, rgb smooth") << savedByQt(QImage::Format_RGB32, true);
    QTest::newRow("saved by Qt, rgba noise") << savedByQt(QImage::Format_ARGB32, false);
    QTest::newRow("saved by Qt, rgba smooth, with a text")
        << savedByQt(QImage::Format_ARGB32, true, "{\"prompt\":\"a fox\"}");
    QTest::newRow("texts before and after the image data") << spec([](PngSpec &s) {
        s.before = text("Title", "Fox") + text("Comment", "caf\xe9 au lait");
        s.after = text("Atelier", "{\"model\":\"gpt-image-1\"}");
    });
    QTest::newRow("resolution per metre") << spec([](PngSpec &s) {
        s.before = chunk("pHYs", bigEndian(5000) + bigEndian(4000) + QByteArray(1, '\1'));
    });
    QTest::newRow("aspect ratio only") << spec([](PngSpec &s) {
        s.before = chunk("pHYs", bigEndian(2) + bigEndian(1) + QByteArray(1, '\0'));
    });
    QTest::newRow("unknown ancillary chunks (time, provenance, private)") << spec([](PngSpec &s) {
        s.before = chunk("tIME", QByteArray::fromHex("07ea0b160c0000"))
            + chunk("caBX", QByteArray(40, 'j'));
        s.after = chunk("prVt", "private");
    });
    QTest::newRow("suggested palette in an RGB image") << spec(
        [](PngSpec &s) { s.before = chunk("PLTE", QByteArray::fromHex("ff000000ff000000ff")); });
}

void TestPngDecoder::sameAsQt()
{
    QFETCH(QByteArray, png);
    const QImage expected = QImage::fromData(png, "PNG");
    QVERIFY(!expected.isNull());
    for (const Implementation implementation : {Implementation::Best, Implementation::Scalar}) {
        QImage image;
        QVERIFY(PngDecoder::decode(png, &image, implementation));
        QCOMPARE(image.format(), expected.format());
        QCOMPARE(image.size(), expected.size());
        for (int y = 0; y < image.height(); ++y) {
            if (std::memcmp(image.constScanLine(y), expected.constScanLine(y),
                            size_t(image.width()) * 4)
                != 0)
                QFAIL(qPrintable(QStringLiteral("row %1 differs (implementation %2)")
                                     .arg(y)
                                     .arg(int(implementation))));
        }
        QCOMPARE(image.dotsPerMeterX(), expected.dotsPerMeterX());
        QCOMPARE(image.dotsPerMeterY(), expected.dotsPerMeterY());
        QCOMPARE(image.textKeys(), expected.textKeys());
        for (const QString &key : expected.textKeys())
            QCOMPARE(image.text(key), expected.text(key));
        QCOMPARE(image.colorSpace(), expected.colorSpace());
        QCOMPARE(image.offset(), expected.offset());
        QVERIFY(image == expected);
    }
    // Streamed in pieces, the same image, whatever the pieces.
    for (const qsizetype piece : {qsizetype(1), qsizetype(2), qsizetype(5), qsizetype(13),
                                  qsizetype(64), qsizetype(4096), png.size()}) {
        for (const Implementation implementation : {Implementation::Best, Implementation::Scalar}) {
            QImage image;
            QVERIFY2(streamDecode(png, piece, &image, implementation),
                     qPrintable(QStringLiteral("pieces of %1").arg(piece)));
            QVERIFY2(image == expected, qPrintable(QStringLiteral("pieces of %1").arg(piece)));
            QCOMPARE(image.format(), expected.format());
            QCOMPARE(image.dotsPerMeterX(), expected.dotsPerMeterX());
            QCOMPARE(image.dotsPerMeterY(), expected.dotsPerMeterY());
            QCOMPARE(image.textKeys(), expected.textKeys());
            for (const QString &key : expected.textKeys())
                QCOMPARE(image.text(key), expected.text(key));
        }
    }
    if (png.size() <= 4096) {
        for (qsizetype cut = 0; cut <= png.size(); ++cut) {
            QImage image;
            QVERIFY2(streamDecode(png, 0, &image, Implementation::Best, cut) && image == expected,
                     qPrintable(QStringLiteral("cut at %1").arg(cut)));
        }
    }
}

void TestPngDecoder::leftToQt_data()
{
    QTest::addColumn<QByteArray>("png");
    QTest::newRow("grayscale") << spec([](PngSpec &s) { s.colorType = 0; });
    QTest::newRow("16 bits a sample") << spec([](PngSpec &s) { s.depth = 16; });
    QTest::newRow("palette") << spec([](PngSpec &s) {
        s.colorType = 3;
        s.before = chunk("PLTE", QByteArray(768, '\x40'));
    });
    QTest::newRow("interlaced") << spec([](PngSpec &s) { s.interlace = 1; });
    QTest::newRow("transparent colour key")
        << spec([](PngSpec &s) { s.before = chunk("tRNS", QByteArray(6, '\0')); });
    QTest::newRow("gamma") << spec([](PngSpec &s) { s.before = chunk("gAMA", bigEndian(45455)); });
    QTest::newRow("sRGB") << spec(
        [](PngSpec &s) { s.before = chunk("sRGB", QByteArray(1, '\0')); });
    QTest::newRow("ICC profile") << spec([](PngSpec &s) {
        s.before = chunk("iCCP", QByteArray("icc\0\0", 5) + qCompress("x").mid(4));
    });
    QTest::newRow("compressed text") << spec([](PngSpec &s) {
        s.before = chunk("zTXt", QByteArray("k\0\0", 3) + qCompress("v").mid(4));
    });
    QTest::newRow("international text")
        << spec([](PngSpec &s) { s.after = chunk("iTXt", QByteArray("k\0\0\0\0\0v", 7)); });
    QTest::newRow("offset") << spec(
        [](PngSpec &s) { s.before = chunk("oFFs", QByteArray(9, '\1')); });
    QTest::newRow("unknown critical chunk")
        << spec([](PngSpec &s) { s.before = chunk("XYZW", "?"); });
    QTest::newRow("chunk name not letters") << spec([](PngSpec &s) {
        s.before = chunk("l\x9d"
                         "er",
                         "?");
    });
    QTest::newRow("chunk between image data chunks") << [] {
        PngSpec s;
        s.idatPieces = 3;
        QByteArray png = writePng(s);
        const qsizetype second = png.indexOf("IDAT", png.indexOf("IDAT") + 4) - 4;
        return png.insert(second, text("Between", "IDATs"));
    }();
    QTest::newRow("text without keyword")
        << spec([](PngSpec &s) { s.before = chunk("tEXt", QByteArray("\0value", 6)); });
    QTest::newRow("text without separator")
        << spec([](PngSpec &s) { s.before = chunk("tEXt", "keyword"); });
    QTest::newRow("resolution after the image data") << spec([](PngSpec &s) {
        s.after = chunk("pHYs", bigEndian(5000) + bigEndian(4000) + QByteArray(1, '\1'));
    });
    QTest::newRow("resolution out of range") << spec([](PngSpec &s) {
        s.before = chunk("pHYs", bigEndian(5000) + bigEndian(0x80000000U) + QByteArray(1, '\1'));
    });
    QTest::newRow("wrong checksum on image data") << corruptCrc(writePng({}), "IDAT");
    QTest::newRow("wrong checksum on a text")
        << corruptCrc(spec([](PngSpec &s) { s.before = text("a", "b"); }), "tEXt");
    QTest::newRow("row filter 5") << spec([](PngSpec &s) {
        s.filter = [](int row) {
            return row == 3 ? 5 : 0;
        };
    });
    QTest::newRow("too little image data") << spec([](PngSpec &s) { s.dropRawBytes = 4; });
    QTest::newRow("data after the compressed stream")
        << spec([](PngSpec &s) { s.zlibTail = "junk"; });
    QTest::newRow("no image data") << [] {
        QByteArray png = writePng({});
        const qsizetype at = png.indexOf("IDAT") - 4;
        return png.remove(at, 12 + qFromBigEndian<quint32>(png.constData() + at));
    }();
    QTest::newRow("no end chunk") << writePng({}).chopped(12);
    QTest::newRow("truncated") << writePng({}).chopped(40);
    QTest::newRow("not a PNG") << QByteArray("GIF89a this is not it at all, not a PNG in any way");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no header first") << [] {
        QByteArray png = writePng({});
        return png.insert(8, text("a", "b"));
    }();
    QTest::newRow("zero width") << spec([](PngSpec &s) { s.width = 0; });
}

void TestPngDecoder::leftToQt()
{
    QFETCH(QByteArray, png);
    for (const Implementation implementation : {Implementation::Best, Implementation::Scalar}) {
        QImage image(3, 3, QImage::Format_RGB32);
        image.fill(Qt::red);
        QVERIFY(!PngDecoder::decode(png, &image, implementation));
        QCOMPARE(image.pixel(0, 0), QColor(Qt::red).rgb()); // untouched
    }
    // The stream decoder refuses them too, however they arrive.
    for (const qsizetype piece :
         {qsizetype(1), qsizetype(3), qsizetype(64), std::max<qsizetype>(1, png.size())}) {
        QImage image(3, 3, QImage::Format_RGB32);
        image.fill(Qt::red);
        QVERIFY2(!streamDecode(png, piece, &image),
                 qPrintable(QStringLiteral("pieces of %1").arg(piece)));
        QCOMPARE(image.pixel(0, 0), QColor(Qt::red).rgb());
    }
}

void TestPngDecoder::damagedNeverCrashes()
{
    // Every single-byte change and every truncation of a small file: a result or a refusal,
    // never a crash or a read out of bounds (the sanitizer build checks the latter).
    PngSpec spec;
    spec.width = 6;
    spec.height = 4;
    spec.before = text("k", "v");
    const QByteArray png = writePng(spec);
    int decoded = 0;
    for (qsizetype at = 0; at < png.size(); ++at) {
        for (const int flip : {0x01, 0x80, 0xff}) {
            QByteArray damaged = png;
            damaged[at] = char(damaged.at(at) ^ flip);
            QImage image;
            if (PngDecoder::decode(damaged, &image))
                ++decoded;
            if (streamDecode(damaged, 3, &image))
                ++decoded;
        }
        QImage image;
        QVERIFY(!PngDecoder::decode(QByteArrayView(png).first(at), &image));
        QVERIFY(!streamDecode(png.first(at), 7, &image));
    }
    // The signature and the chunks' CRCs catch every single-byte change.
    QCOMPARE(decoded, 0);
}

void TestPngDecoder::streamDecodesRowsAsTheyArrive()
{
    PngSpec spec;
    spec.width = 300;
    spec.height = 400;
    spec.idatPieces = 20;
    const QByteArray png = writePng(spec);
    PngDecoder::StreamDecoder decoder;
    QCOMPARE(decoder.rowsDone(), 0);
    QVERIFY(decoder.feed(QByteArrayView(png).first(png.size() / 2)));
    // Half the file: about half the rows are done already (the inflater keeps a little back).
    QVERIFY2(decoder.rowsDone() > spec.height / 3 && decoder.rowsDone() < spec.height,
             qPrintable(QString::number(decoder.rowsDone())));
    QVERIFY(decoder.feed(QByteArrayView(png).sliced(png.size() / 2)));
    QCOMPARE(decoder.rowsDone(), spec.height);
    QImage image;
    QVERIFY(decoder.finish(&image));
    QVERIFY(image == QImage::fromData(png, "PNG"));
    QVERIFY(!decoder.hasFailed());
}

void TestPngDecoder::streamGivesUpBeyondTheLimits()
{
    PngSpec spec;
    spec.width = 50;
    spec.height = 40;
    const QByteArray png = writePng(spec);
    const QByteArrayView header = QByteArrayView(png).first(8 + 25); // signature and IHDR
    {
        PngDecoder::StreamDecoder decoder(49, 1 << 20);
        QVERIFY(!decoder.feed(header)); // known from the header: no pixel is decoded
        QVERIFY(decoder.hasFailed());
        QVERIFY(!decoder.feed(QByteArrayView(png).sliced(header.size())));
        QImage image;
        QVERIFY(!decoder.finish(&image));
    }
    {
        PngDecoder::StreamDecoder decoder(1000, 50 * 40 - 1);
        QVERIFY(!decoder.feed(header));
    }
    PngDecoder::StreamDecoder decoder(50, 50 * 40);
    QVERIFY(decoder.feed(png));
    QImage image;
    QVERIFY(decoder.finish(&image));
    QCOMPARE(image.size(), QSize(50, 40));
}

void TestPngDecoder::streamWithWideRows()
{
    // Rows longer than the inflate window's usual size: the window grows to two rows.
    for (const int colorType : {2, 6}) {
        PngSpec spec;
        spec.width = 40000;
        spec.height = 3;
        spec.colorType = colorType;
        const QByteArray png = writePng(spec);
        QImage image;
        QVERIFY(streamDecode(png, 10000, &image));
        QVERIFY(image == QImage::fromData(png, "PNG"));
    }
}

// The proof: a small PNG declaring 16000x16000 took 1.8 GB in the studio, because the
// fast reader skipped Qt's allocation limit. Now both readers refuse it, and memory stays put.
void TestPngDecoder::declaredHugeImageIsRefused()
{
    constexpr quint32 Edge = 16000;
    QByteArray header = bigEndian(Edge) + bigEndian(Edge);
    header += QByteArray("\x08\x02\x00\x00\x00", 5); // 8-bit RGB
    // A few rows of real data (compressed to almost nothing); the rest is simply missing.
    const QByteArray rows((Edge * 3 + 1) * 64, '\0');
    libdeflate_compressor *compressor = libdeflate_alloc_compressor(9);
    QByteArray compressed(
        qsizetype(libdeflate_zlib_compress_bound(compressor, size_t(rows.size()))),
        Qt::Uninitialized);
    compressed.resize(
        qsizetype(libdeflate_zlib_compress(compressor, rows.constData(), size_t(rows.size()),
                                           compressed.data(), size_t(compressed.size()))));
    libdeflate_free_compressor(compressor);
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png += chunk("IHDR", header) + chunk("IDAT", compressed) + chunk("IEND", {});
    QVERIFY(png.size() < 4096);
    QVERIFY(quint64(Edge) * Edge * 4 > quint64(QImageReader::allocationLimit()) * 1024 * 1024);

    rusage before {};
    getrusage(RUSAGE_SELF, &before);
    for (const Implementation implementation : {Implementation::Best, Implementation::Scalar}) {
        QImage image;
        QVERIFY(!PngDecoder::decode(png, &image, implementation));
        PngDecoder::StreamDecoder decoder(1 << 16, 1LL << 28,
                                          implementation); // limits that would allow it
        QVERIFY(!decoder.feed(png));
    }
    // As a file in the library: neither the reader nor the thumbnail decodes it.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"huge.png"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(png) == png.size());
    file.close();
    QVERIFY(!ImageFile::read(path));
    QVERIFY(LibraryModel::loadThumbnail(path, dir.filePath(u".thumbnails/1.jpg"_s)).isNull());
    rusage after {};
    getrusage(RUSAGE_SELF, &after);
    const long grownKilobytes = after.ru_maxrss - before.ru_maxrss;
    qInfo("peak memory grew by %ld KB while refusing a %lld-byte PNG declaring %ux%u",
          grownKilobytes, qint64(png.size()), Edge, Edge);
    QVERIFY2(grownKilobytes < 64 * 1024, qPrintable(QString::number(grownKilobytes)));
}

QTEST_GUILESS_MAIN(TestPngDecoder)
#include "tst_pngdecoder.moc"
