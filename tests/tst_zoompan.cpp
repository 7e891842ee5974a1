#include "viewer/zoompan.h"

#include <QTest>

#include <cmath>

using namespace Atelier;

class TestZoomPan : public QObject
{
    Q_OBJECT

private:
    static ZoomPan made(const QSize &image, const QSize &view, double zoom = 0.0)
    {
        ZoomPan zoomPan;
        zoomPan.setViewSize(view);
        zoomPan.setImageSize(image);
        if (zoom > 0)
            zoomPan.setZoom(zoom);
        return zoomPan;
    }

    static bool near(const QPointF &a, const QPointF &b)
    {
        return std::abs(a.x() - b.x()) < 1e-6 && std::abs(a.y() - b.y()) < 1e-6;
    }

private Q_SLOTS:
    void mapping_data()
    {
        QTest::addColumn<QSize>("image");
        QTest::addColumn<QSize>("view");
        QTest::addColumn<double>("zoom");
        QTest::addColumn<QPointF>("imagePoint");
        QTest::addColumn<QPointF>("widgetPoint");
        // Fitting: a wide image in a tall view is centred with bands above and below.
        QTest::newRow("fit, same shape")
            << QSize(800, 600) << QSize(400, 300) << 0.0 << QPointF(400, 300) << QPointF(200, 150);
        QTest::newRow("fit, letterboxed")
            << QSize(1000, 500) << QSize(400, 400) << 0.0 << QPointF(0, 0) << QPointF(0, 100);
        // A small image is enlarged at most four times by fitting.
        QTest::newRow("fit, small image")
            << QSize(50, 50) << QSize(400, 400) << 0.0 << QPointF(0, 0) << QPointF(100, 100);
        // Zoomed: the image centre sits at the view centre until panned.
        QTest::newRow("100 %") << QSize(800, 600) << QSize(400, 300) << 1.0 << QPointF(400, 300)
                               << QPointF(200, 150);
        QTest::newRow("200 %, corner")
            << QSize(800, 600) << QSize(400, 300) << 2.0 << QPointF(350, 280) << QPointF(100, 110);
    }

    void mapping()
    {
        QFETCH(QSize, image);
        QFETCH(QSize, view);
        QFETCH(double, zoom);
        QFETCH(QPointF, imagePoint);
        QFETCH(QPointF, widgetPoint);
        const ZoomPan zoomPan = made(image, view, zoom);
        QCOMPARE(zoomPan.isFitting(), zoom <= 0);
        QVERIFY2(near(zoomPan.toWidget(imagePoint), widgetPoint),
                 qPrintable(QString::number(zoomPan.toWidget(imagePoint).x()) + u','
                            + QString::number(zoomPan.toWidget(imagePoint).y())));
        QVERIFY(near(zoomPan.toImage(widgetPoint), imagePoint));
        // The image rectangle is the image's corners mapped.
        QVERIFY(near(zoomPan.imageRect().topLeft(), zoomPan.toWidget(QPointF(0, 0))));
    }

    void fitScaleAndRect()
    {
        const ZoomPan zoomPan = made(QSize(1000, 500), QSize(400, 400));
        QCOMPARE(zoomPan.zoom(), 0.0);
        QCOMPARE(zoomPan.scale(), 0.4);
        QCOMPARE(zoomPan.fittedRect(), QRect(0, 100, 400, 200));
        QCOMPARE(made(QSize(50, 50), QSize(400, 400)).scale(), 4.0); // the fit limit
        ZoomPan limitless = made(QSize(50, 50), QSize(400, 400));
        limitless.setFitLimit(ZoomPan::MaximumZoom);
        QCOMPARE(limitless.scale(), 8.0);
    }

    void anchorStaysUnderThePointer_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("steps");
        QTest::addColumn<QPointF>("pointer");
        QTest::newRow("in from fit") << 0.0 << 1.0 << QPointF(120, 80);
        QTest::newRow("out from fit") << 0.0 << -1.0 << QPointF(300, 250);
        QTest::newRow("in at 100 %") << 1.0 << 1.0 << QPointF(150, 150);
        QTest::newRow("three notches in") << 1.0 << 3.0 << QPointF(10, 290);
        QTest::newRow("half a notch out") << 2.0 << -0.5 << QPointF(390, 5);
    }

    void anchorStaysUnderThePointer()
    {
        QFETCH(double, from);
        QFETCH(double, steps);
        QFETCH(QPointF, pointer);
        ZoomPan zoomPan = made(QSize(800, 600), QSize(400, 300), from);
        const double before = zoomPan.scale();
        const QPointF under = zoomPan.toImage(pointer);
        zoomPan.zoomBy(steps, pointer);
        QVERIFY(!zoomPan.isFitting());
        QCOMPARE(zoomPan.scale(), before * std::pow(ZoomPan::WheelStep, steps));
        QVERIFY(near(zoomPan.toImage(pointer), under));
        QVERIFY(near(zoomPan.toWidget(under), pointer));
    }

    void zoomIsClamped_data()
    {
        QTest::addColumn<double>("asked");
        QTest::addColumn<double>("shown");
        QTest::newRow("tiny") << 0.001 << ZoomPan::MinimumZoom;
        QTest::newRow("huge") << 500.0 << ZoomPan::MaximumZoom;
        QTest::newRow("within") << 3.0 << 3.0;
    }

    void zoomIsClamped()
    {
        QFETCH(double, asked);
        QFETCH(double, shown);
        ZoomPan zoomPan = made(QSize(800, 600), QSize(400, 300));
        zoomPan.setZoom(asked);
        QCOMPARE(zoomPan.zoom(), shown);
        zoomPan.setZoom(0);
        QVERIFY(zoomPan.isFitting());
    }

    void panIsClamped_data()
    {
        QTest::addColumn<QPointF>("drag");
        QTest::addColumn<QPointF>("center");
        // At 100 % in a 400x300 view, the centre may go 100 (x) and 75 (y) image pixels
        // beyond the image's edge, and no further.
        QTest::newRow("a little") << QPointF(60, -30) << QPointF(340, 330);
        QTest::newRow("far right") << QPointF(-5000, 0) << QPointF(900, 300);
        QTest::newRow("far down-left") << QPointF(5000, -5000) << QPointF(-100, 675);
    }

    void panIsClamped()
    {
        QFETCH(QPointF, drag);
        QFETCH(QPointF, center);
        ZoomPan zoomPan = made(QSize(800, 600), QSize(400, 300), 1.0);
        zoomPan.panBy(drag);
        QVERIFY(near(zoomPan.center(), center));
        // At least a quarter of the view is on the image.
        const QRectF shown = zoomPan.imageRect().intersected(QRectF(0, 0, 400, 300));
        QVERIFY(shown.width() >= 100 - 1e-6 && shown.height() >= 75 - 1e-6);
    }

    void panFromFitStartsFromWhatIsShown()
    {
        ZoomPan zoomPan = made(QSize(1000, 500), QSize(400, 400));
        zoomPan.panBy(QPointF(40, 0));
        QVERIFY(!zoomPan.isFitting());
        QCOMPARE(zoomPan.zoom(), 0.4);
        QVERIFY(near(zoomPan.center(), QPointF(500 - 100, 250)));
    }

    void anotherImageSizeFitsAgain()
    {
        ZoomPan zoomPan = made(QSize(800, 600), QSize(400, 300), 2.0);
        zoomPan.setImageSize(QSize(800, 600)); // a streamed partial of the same image
        QCOMPARE(zoomPan.zoom(), 2.0);
        zoomPan.setImageSize(QSize(600, 600));
        QVERIFY(zoomPan.isFitting());
        QCOMPARE(zoomPan.center(), QPointF(300, 300));
        ZoomPan empty;
        QCOMPARE(empty.scale(), 0.0);
        empty.zoomBy(1);
        QVERIFY(empty.isFitting()); // nothing to zoom
    }
};

QTEST_GUILESS_MAIN(TestZoomPan)
#include "tst_zoompan.moc"
