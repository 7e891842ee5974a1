#include "preview/imagepreview.h"

#include <QBuffer>
#include <QImageReader>
#include <QTest>

#include "gifencoder.h"
#include <QWheelEvent>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestImagePreview : public QObject
{
    Q_OBJECT

private:
    static QImage pattern()
    {
        QImage image(800, 600, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        for (int y = 0; y < 600; y += 50)
            for (int x = 0; x < 800; x += 50)
                image.setPixelColor(x, y, QColor(x % 255, y % 255, 128));
        return image;
    }

private Q_SLOTS:
    void animatedGifPlaysAndPauses()
    {
        QByteArray gif = AtelierTest::GifEncoder::twoFrames();
        {
            QBuffer buffer(&gif);
            buffer.open(QIODevice::ReadOnly);
            QImageReader reader(&buffer, "gif");
            QCOMPARE(reader.imageCount(), 2);
            QCOMPARE(reader.read().pixelColor(1, 1), QColor(Qt::black));
            QCOMPARE(reader.read().pixelColor(1, 1), QColor(Qt::white));
        }
        ImagePreview preview;
        preview.resize(200, 150);
        QVERIFY(preview.setDocument(gif, u"Final"_s));
        QVERIFY(preview.isAnimated());
        QCOMPARE(preview.frameCount(), 2);
        QCOMPARE(preview.image().size(), QSize(2, 2));
        // It plays: the white frame comes, then the black one again.
        QTRY_COMPARE(preview.image().pixelColor(0, 0), QColor(Qt::white));
        QTRY_COMPARE(preview.image().pixelColor(0, 0), QColor(Qt::black));
        QVERIFY(!preview.isPaused());
        QTest::keyClick(&preview, Qt::Key_Space);
        QVERIFY(preview.isPaused());
        QTest::keyClick(&preview, Qt::Key_Space);
        QVERIFY(!preview.isPaused());
        // Any other image stops it.
        preview.setImage(pattern(), u"Other"_s);
        QVERIFY(!preview.isAnimated());
        QVERIFY(!preview.setDocument("not an image", u"x"_s));
    }

    void svgIsDrawnFromItsVectorsAtEveryZoom()
    {
        const QByteArray svg
            = "<?xml version=\"1.0\"?>\n"
              "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\" viewBox=\"0 0 "
              "40 20\">"
              "<rect x=\"0\" y=\"0\" width=\"20\" height=\"20\" fill=\"#ff0000\"/>"
              "<rect x=\"20\" y=\"0\" width=\"20\" height=\"20\" fill=\"#0000ff\"/></svg>";
        ImagePreview preview;
        preview.resize(400, 300);
        QVERIFY(preview.setDocument(svg, u"Final"_s));
        QVERIFY(preview.isVector());
        QCOMPARE(preview.image().size(), QSize(40, 20));
        preview.setZoom(8.0);
        const QImage shown = preview.grab().toImage();
        // At 8x the edge between red and blue is one sharp step at the centre, no blur.
        const int y = shown.height() / 2;
        const int x = shown.width() / 2;
        QCOMPARE(shown.pixelColor(x - 2, y), QColor(Qt::red));
        QCOMPARE(shown.pixelColor(x + 2, y), QColor(Qt::blue));
    }

    void fitsByDefaultAndZoomsByKey()
    {
        ImagePreview preview;
        preview.resize(400, 300);
        preview.setImage(pattern(), u"Final"_s);
        QCOMPARE(preview.zoom(), 0.0);
        QTest::keyClick(&preview, Qt::Key_1);
        QCOMPARE(preview.zoom(), 1.0);
        QCOMPARE(preview.center(), QPointF(400, 300)); // the middle of the image stays in view
        QTest::keyClick(&preview, Qt::Key_Plus);
        QCOMPARE(preview.zoom(), 1.25);
        QTest::keyClick(&preview, Qt::Key_F);
        QCOMPARE(preview.zoom(), 0.0);
        QVERIFY(!preview.grab().isNull()); // paints at every zoom
    }

    void longCaptionStaysOnANarrowImage()
    {
        // A tall, narrow image: the caption badge is shortened to the image's width instead
        // of reaching out over the background.
        ImagePreview preview;
        preview.resize(640, 480);
        QImage narrow(100, 400, QImage::Format_RGB32);
        narrow.fill(Qt::white);
        preview.setImage(narrow,
                         u"A lighthouse on a cliff at dusk, oil painting, seen from the sea"_s);
        const QImage shown = preview.grab().toImage();
        // The image is 120 pixels wide in the middle (x 260..379); the badge sits at its top.
        const QColor background = shown.pixelColor(620, 470);
        int darkest = 255;
        for (int y = 8; y < 30; ++y) {
            for (int x = 385; x < 640; ++x)
                darkest = std::min(darkest, qGray(shown.pixel(x, y)));
        }
        QCOMPARE(darkest, qGray(background.rgb()));
        int badge = 255;
        for (int x = 262; x < 300; ++x)
            badge = std::min(badge, qGray(shown.pixel(x, 18)));
        QVERIFY(badge < 100); // the (shortened) badge is there, dark over the white image
    }

    void wheelZoomsAroundThePointer()
    {
        ImagePreview preview;
        preview.resize(400, 300);
        preview.setImage(pattern(), u"Final"_s);
        preview.setZoom(1.0);
        // The image point under the pointer stays under it: 50 px left of centre at 100 %
        // is image x 350; at 125 % the centre must move so that it is still there.
        const QPointF pointer(150, 150);
        QWheelEvent wheel(pointer, preview.mapToGlobal(pointer), {}, QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&preview, &wheel);
        QCOMPARE(preview.zoom(), 1.25);
        QCOMPARE(preview.center().x(), 350 + 50 / 1.25);
        QVERIFY(!preview.grab().isNull());
    }

    void dragPans()
    {
        ImagePreview preview;
        preview.resize(400, 300);
        preview.setImage(pattern(), u"Final"_s);
        preview.setZoom(2.0);
        const QPointF before = preview.center();
        QTest::mousePress(&preview, Qt::LeftButton, {}, QPoint(200, 150));
        QMouseEvent move(QEvent::MouseMove, QPointF(260, 150),
                         preview.mapToGlobal(QPointF(260, 150)), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(&preview, &move);
        QCOMPARE(preview.center(), before - QPointF(30, 0)); // 60 screen pixels at 200 %
        QTest::mouseDClick(&preview, Qt::LeftButton, {}, QPoint(200, 150));
        QCOMPARE(preview.zoom(), 0.0); // double-click: back to fit
    }
};

QTEST_MAIN(TestImagePreview)
#include "tst_imagepreview.moc"
