#include "preview/imagepreview.h"

#include <QTest>
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
        preview.setImage(narrow, u"A lighthouse on a cliff at dusk, oil painting, seen from the sea"_s);
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
        QWheelEvent wheel(pointer, preview.mapToGlobal(pointer), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
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
        QMouseEvent move(QEvent::MouseMove, QPointF(260, 150), preview.mapToGlobal(QPointF(260, 150)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&preview, &move);
        QCOMPARE(preview.center(), before - QPointF(30, 0)); // 60 screen pixels at 200 %
        QTest::mouseDClick(&preview, Qt::LeftButton, {}, QPoint(200, 150));
        QCOMPARE(preview.zoom(), 0.0); // double-click: back to fit
    }
};

QTEST_MAIN(TestImagePreview)
#include "tst_imagepreview.moc"
