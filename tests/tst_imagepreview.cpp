#include "preview/imagepreview.h"

#include <QBuffer>
#include <QImageReader>
#include <QSignalSpy>
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

    static QImage filled(const QColor &color, const QSize &size = {400, 300})
    {
        QImage image(size, QImage::Format_RGB32);
        image.fill(color);
        return image;
    }

    // The colour the widget paints at `at`.
    static QColor shown(ImagePreview &preview, const QPoint &at)
    {
        return preview.grab().toImage().pixelColor(at);
    }

    static void drag(ImagePreview &preview, const QPoint &to)
    {
        QMouseEvent move(QEvent::MouseMove, QPointF(to), preview.mapToGlobal(QPointF(to)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&preview, &move);
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

    // Holding backslash shows an edit's original in the result's place; releasing it, the
    // result again.
    void backslashFlipsToTheOriginal()
    {
        ImagePreview preview;
        preview.resize(400, 300);
        preview.setImage(filled(Qt::red), u"Final"_s);
        const QPoint middle(200, 150);
        QTest::keyPress(&preview, Qt::Key_Backslash);
        QVERIFY(!preview.isShowingOriginal()); // none yet: nothing to flip to
        QTest::keyRelease(&preview, Qt::Key_Backslash);
        preview.setOriginal(filled(Qt::blue, QSize(200, 150))); // another size: stretched over
        QVERIFY(preview.toolTip().contains(u'\\'));
        QCOMPARE(shown(preview, middle), QColor(Qt::red));
        QTest::keyPress(&preview, Qt::Key_Backslash);
        QVERIFY(preview.isShowingOriginal());
        QCOMPARE(shown(preview, middle), QColor(Qt::blue));
        QCOMPARE(shown(preview, QPoint(preview.zoomPan().fittedRect().right() - 2, 150)),
                 QColor(Qt::blue));
        QTest::keyRelease(&preview, Qt::Key_Backslash);
        QVERIFY(!preview.isShowingOriginal());
        QCOMPARE(shown(preview, middle), QColor(Qt::red));
        // Another image drops the original.
        preview.setImage(filled(Qt::green), u"Final"_s);
        QVERIFY(!preview.hasOriginal());
        QTest::keyPress(&preview, Qt::Key_Backslash);
        QCOMPARE(shown(preview, middle), QColor(Qt::green));
    }

    void theWipeSplitsOriginalAndResult_data()
    {
        QTest::addColumn<double>("position");
        QTest::addColumn<double>("zoom");
        QTest::newRow("middle") << 0.5 << 0.0;
        QTest::newRow("a quarter") << 0.25 << 0.0;
        QTest::newRow("three quarters") << 0.75 << 0.0;
        QTest::newRow("zoomed in") << 0.4 << 3.0;
    }

    // Compare: the original left of the line, the result right of it, at any zoom.
    void theWipeSplitsOriginalAndResult()
    {
        QFETCH(double, position);
        QFETCH(double, zoom);
        ImagePreview preview;
        preview.resize(400, 300);
        preview.setImage(filled(Qt::red), u"Final"_s);
        preview.setOriginal(filled(Qt::blue));
        QSignalSpy comparing(&preview, &ImagePreview::comparingChanged);
        preview.setComparing(true);
        QCOMPARE(comparing.count(), 1);
        preview.setZoom(zoom);
        preview.setWipePosition(position);
        const int line = preview.wipeX();
        QCOMPARE(line, qRound(position * 400));
        // Just inside the image, both sides of the line (the fitted image starts at x 0).
        const int y = 150;
        QCOMPARE(shown(preview, QPoint(line - 12, y)), QColor(Qt::blue));
        QCOMPARE(shown(preview, QPoint(line + 12, y)), QColor(Qt::red));
        QCOMPARE(shown(preview, QPoint(line - 60, y + 40)), QColor(Qt::blue));
        QCOMPARE(shown(preview, QPoint(line + 60, y - 40)), QColor(Qt::red));
        // The line is dragged; a drag away from it pans as before.
        QTest::mousePress(&preview, Qt::LeftButton, {}, QPoint(line + 3, y));
        drag(preview, QPoint(300, y));
        QTest::mouseRelease(&preview, Qt::LeftButton, {}, QPoint(300, y));
        QCOMPARE(preview.wipeX(), 300);
        QCOMPARE(shown(preview, QPoint(290, y)), QColor(Qt::blue));
        QCOMPARE(shown(preview, QPoint(310, y)), QColor(Qt::red));
        if (zoom > 0) {
            const QPointF before = preview.center();
            QTest::mousePress(&preview, Qt::LeftButton, {}, QPoint(100, y));
            drag(preview, QPoint(130, y));
            QTest::mouseRelease(&preview, Qt::LeftButton, {}, QPoint(130, y));
            QCOMPARE(preview.center(), before - QPointF(10, 0)); // 30 screen pixels at 300 %
            QCOMPARE(preview.wipeX(), 300);
        }
        preview.setComparing(false);
        QCOMPARE(shown(preview, QPoint(100, y)), QColor(Qt::red));
    }
};

QTEST_MAIN(TestImagePreview)
#include "tst_imagepreview.moc"
