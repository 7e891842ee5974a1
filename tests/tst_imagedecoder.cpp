// ImageDecoder's helpers for the window: previews fitted to a box, and image files read with
// the fast PNG reader.
#include "api/imagedecoder.h"
#include "library/contentfiles.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Atelier;

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
        const QImage fitted = ImageDecoder::fitted(image, box);
        QCOMPARE(fitted.size(), target);
        QCOMPARE(fitted, image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    }

    void fittedKeepsWhatAlreadyFits()
    {
        const QImage image = photoLike(QSize(300, 200), QImage::Format_RGB32);
        QCOMPARE(ImageDecoder::fitted(image, QSize(300, 300)).constBits(), image.constBits()); // the same, not a copy
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
        const QString path = dir.filePath(QStringLiteral("image.") + QString::fromLatin1(format).toLower());
        QVERIFY(photoLike(QSize(333, 222), QImage::Format_RGB32).save(path, format.constData()));
        QString error;
        const QImage read = ImageDecoder::readFile(path, &error);
        QVERIFY2(!read.isNull(), qPrintable(error));
        QCOMPARE(read, QImage(path));
        QVERIFY(ImageDecoder::readFile(dir.filePath(QStringLiteral("missing.png")), &error).isNull());
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "tst_imagedecoder.moc"
