// ImageDecoder: streamed images checked and decoded; ImageFile: previews fitted to a box, and
// image files read with the fast PNG reader.
#include "api/imagedecoder.h"
#include "imaging/imagefile.h"
#include "library/contentfiles.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

namespace {

QImage photoLike(const QSize &size, QImage::Format format)
{
    QImage image(size, QImage::Format_ARGB32);
    QRandomGenerator random(3);
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const int noise = int(random.bounded(40));
            line[x] = qRgba((x / 3 + noise) & 255, (y / 2 + noise) & 255, ((x ^ y) + noise) & 255,
                            format == QImage::Format_RGB32 ? 255 : (x + y) & 255);
        }
    }
    return image.convertToFormat(format);
}

} // namespace

class TestImageDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A streamed image is checked from its first bytes: the event's JSON says what it is, the
    // header its format and size, whatever metadata comes before its pixels.
    void streamedEventIsCheckedFromItsHead_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("errorPart");
        auto encoded = [](const QImage &image, const char *format, const QString &text = {}) {
            QImage copy = image;
            if (!text.isEmpty())
                copy.setText(u"Comment"_s, text);
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            copy.save(&buffer, format);
            return bytes;
        };
        const QImage image = photoLike(QSize(300, 200), QImage::Format_RGB32);
        QTest::newRow("png") << encoded(image, "PNG") << u"png"_s << QSize(300, 200) << QString();
        // Metadata before the pixels larger than what is kept of a streamed image (256 KiB).
        QString text(700000, u'x');
        QRandomGenerator random(7);
        for (QChar &c : text)
            c = QChar(u'a' + int(random.bounded(26)));
        const QByteArray withText = encoded(image, "PNG", text);
        QVERIFY(withText.size() > 256 * 1024 && withText.indexOf("IDAT") > 256 * 1024);
        QTest::newRow("png with big metadata")
            << withText.first(256 * 1024) << u"png"_s << QSize(300, 200) << QString();
        QTest::newRow("jpeg") << encoded(image, "JPEG") << u"jpeg"_s << QSize(300, 200)
                              << QString();
        QTest::newRow("not an image")
            << QByteArray(1000, 'x') << QString() << QSize() << u"not an image"_s;
        QTest::newRow("empty") << QByteArray() << QString() << QSize() << u"empty image"_s;
        QByteArray huge = encoded(image, "PNG");
        huge.replace(16, 4, QByteArray("\x00\x01\x86\xA0", 4)); // width 100000
        QTest::newRow("absurd width") << huge << QString() << QSize() << u"100000x200"_s;
    }

    void streamedEventIsCheckedFromItsHead()
    {
        QFETCH(QByteArray, head);
        QFETCH(QString, format);
        QFETCH(QSize, size);
        QFETCH(QString, errorPart);
        const DecodeOutcome outcome = ImageDecoder::decodeStreamedEvent(
            "image_generation.partial_image",
            R"({"type":"image_generation.partial_image","b64_json":"","partial_image_index":2,"size":"300x200"})",
            head, DecodeLimits());
        if (!errorPart.isEmpty()) {
            QCOMPARE(outcome.what, DecodeOutcome::What::Error);
            QVERIFY2(outcome.error.message.contains(errorPart), qPrintable(outcome.error.message));
            return;
        }
        QCOMPARE(outcome.what, DecodeOutcome::What::PartialImage);
        QCOMPARE(outcome.image.index, 2);
        QCOMPARE(outcome.image.format, format);
        QCOMPARE(outcome.image.size, size);
        QCOMPARE(outcome.image.echoedSize, u"300x200"_s);
        QVERIFY(outcome.image.encoded.isEmpty());
        QVERIFY(outcome.image.image.isNull());
    }

    void fittedIsWhatThePreviewWouldShow_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QSize>("box");
        QTest::newRow("1536x1024 into the studio's view") << QSize(1536, 1024) << QSize(575, 520);
        QTest::newRow("1024x1024 into a thumbnail") << QSize(1024, 1024) << QSize(128, 128);
        QTest::newRow("odd sizes") << QSize(1537, 1025) << QSize(500, 500);
        QTest::newRow("tall") << QSize(1024, 1536) << QSize(900, 300);
    }

    void fittedIsWhatThePreviewWouldShow()
    {
        // Made off the GUI thread at the size the preview computes for it, exactly as smooth as
        // the preview would scale it itself.
        QFETCH(QSize, size);
        QFETCH(QSize, box);
        const QImage image = photoLike(size, QImage::Format_RGB32);
        const QSize target = size.scaled(box, Qt::KeepAspectRatio);
        const QImage fitted = ImageFile::fitted(image, box);
        QCOMPARE(fitted.size(), target);
        QCOMPARE(fitted, image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    }

    void fittedKeepsWhatAlreadyFits()
    {
        const QImage image = photoLike(QSize(300, 200), QImage::Format_RGB32);
        QCOMPARE(ImageFile::fitted(image, QSize(300, 300)).constBits(),
                 image.constBits()); // the same, not a copy
    }

    void readFileReadsWhatQtReads_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("png") << QByteArray("PNG");
        QTest::newRow("jpeg") << QByteArray("JPEG");
        QTest::newRow("webp") << QByteArray("WEBP");
    }

    void readFileReadsWhatQtReads()
    {
        QFETCH(QByteArray, format);
        QTemporaryDir dir;
        const QString path
            = dir.filePath(QStringLiteral("image.") + QString::fromLatin1(format).toLower());
        QVERIFY(photoLike(QSize(333, 222), QImage::Format_RGB32).save(path, format.constData()));
        const Result<QImage> read = ImageFile::read(path);
        QVERIFY2(read, qPrintable(read.error()));
        QCOMPARE(*read, QImage(path));
        const Result<QImage> missing = ImageFile::read(dir.filePath(QStringLiteral("missing.png")));
        QVERIFY(!missing);
        QVERIFY(!missing.error().isEmpty());
    }

    // Thumbnails of big images are decoded small (Qt's readers scale while reading, a PNG a row
    // at a time), never whole: the same picture, in the box.
    void readFileWithinABoxDecodesSmall_data() { readFileReadsWhatQtReads_data(); }

    void readFileWithinABoxDecodesSmall()
    {
        QFETCH(QByteArray, format);
        QTemporaryDir dir;
        const QString path
            = dir.filePath(QStringLiteral("big.") + QString::fromLatin1(format).toLower());
        const QImage image = photoLike(QSize(1200, 800), QImage::Format_RGB32);
        QVERIFY(image.save(path, format.constData()));
        const Result<QImage> small = ImageFile::read(path, QSize(192, 192));
        QVERIFY2(small, qPrintable(small.error()));
        const QImage read = *small;
        QCOMPARE(read.size(), QSize(192, 128));
        // The same picture: each pixel near the full image's, scaled smoothly.
        const QImage expected
            = image.scaled(read.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        for (int y = 8; y < read.height(); y += 24) {
            for (int x = 8; x < read.width(); x += 24) {
                const QRgb a = read.pixel(x, y);
                const QRgb b = expected.pixel(x, y);
                QVERIFY2(qAbs(qRed(a) - qRed(b)) < 48 && qAbs(qGreen(a) - qGreen(b)) < 48
                             && qAbs(qBlue(a) - qBlue(b)) < 48,
                         qPrintable(QStringLiteral("%1,%2").arg(x).arg(y)));
            }
        }
        // One that fits already comes whole, as before.
        QCOMPARE(ImageFile::read(path, QSize(2000, 2000))->size(), QSize(1200, 800));
    }

    // A streamed image handed over in pieces gives what the whole event gives: decoded on the way
    // when it is a PNG the fast reader reads and the decoder keeps up, decoded whole otherwise.
    void streamedImageIsTheWholeEventsImage_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<int>("piece");
        QTest::addColumn<bool>("completeFirst"); // the last byte was in before any was decoded
        QTest::addColumn<bool>("decodedOnTheWay");
        QTest::newRow("png, pieces of 64 KiB") << QByteArray("PNG") << 65536 << false << true;
        QTest::newRow("png, pieces of 7 bytes") << QByteArray("PNG") << 7 << false << true;
        QTest::newRow("png, in one piece") << QByteArray("PNG") << (1 << 30) << false << true;
        QTest::newRow("png, decoder far behind") << QByteArray("PNG") << 65536 << true << false;
        QTest::newRow("jpeg") << QByteArray("JPEG") << 65536 << false << false;
        QTest::newRow("webp") << QByteArray("WEBP") << 65536 << false << false;
    }

    void streamedImageIsTheWholeEventsImage()
    {
        QFETCH(QByteArray, format);
        QFETCH(int, piece);
        QFETCH(bool, completeFirst);
        QFETCH(bool, decodedOnTheWay);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(
            photoLike(QSize(600, 400), QImage::Format_ARGB32).save(&buffer, format.constData()));
        DecodeLimits limits;
        limits.previewSize = QSize(200, 200);
        limits.thumbnailEdge = 50;
        const QByteArray name = "image_generation.partial_image";
        const QByteArray json
            = R"({"type":"image_generation.partial_image","partial_image_index":1,"b64_json":""})";

        StreamedBytes streamed(limits);
        if (completeFirst)
            streamed.markComplete();
        for (qsizetype at = 0; at < bytes.size(); at += piece)
            streamed.append(
                QByteArrayView(bytes).sliced(at, std::min<qsizetype>(piece, bytes.size() - at)));
        QCOMPARE(streamed.size(), bytes.size());
        const DecodeOutcome outcome
            = ImageDecoder::decodeStreamedImage(name, json, streamed, limits);

        QByteArray whole = json;
        whole.insert(whole.indexOf("\"\"}") + 1, bytes.toBase64());
        const DecodeOutcome expected = ImageDecoder::decodeEvent(name, whole, limits);
        QCOMPARE(expected.what, DecodeOutcome::What::PartialImage);
        QCOMPARE(outcome.what, expected.what);
        QCOMPARE(outcome.image.index, 1);
        QCOMPARE(outcome.image.encoded, bytes);
        QCOMPARE(outcome.image.format, expected.image.format);
        QCOMPARE(outcome.image.size, QSize(600, 400));
        QVERIFY(outcome.image.image == expected.image.image);
        QVERIFY(outcome.image.preview == expected.image.preview);
        QVERIFY(outcome.image.thumbnail == expected.image.thumbnail);

        // Whether the pixels came from the decoder on the way.
        StreamedBytes again(limits);
        if (completeFirst)
            again.markComplete();
        for (qsizetype at = 0; at < bytes.size(); at += piece)
            again.append(
                QByteArrayView(bytes).sliced(at, std::min<qsizetype>(piece, bytes.size() - at)));
        QCOMPARE(!again.takePixels().isNull(), decodedOnTheWay);
    }

    void streamedImageWithoutPixels()
    {
        DecodeLimits limits;
        limits.decodePixels = false;
        StreamedBytes streamed(limits);
        const QByteArray bytes = ContentFiles::png(photoLike(QSize(64, 48), QImage::Format_RGB32));
        streamed.append(bytes);
        QVERIFY(streamed.takePixels().isNull());
        QCOMPARE(streamed.takeBytes(), bytes);
        // And an empty one is an error, not an image.
        StreamedBytes empty {DecodeLimits()};
        const DecodeOutcome outcome = ImageDecoder::decodeStreamedImage(
            "image_generation.completed", R"({"type":"image_generation.completed","b64_json":""})",
            empty, DecodeLimits());
        QCOMPARE(outcome.what, DecodeOutcome::What::Error);
        QVERIFY(outcome.error.message.contains(u"empty"_s));
    }
};

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "tst_imagedecoder.moc"
