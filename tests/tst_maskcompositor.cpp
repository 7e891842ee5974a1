#include "mask/maskcompositor.h"
#include "maskimages.h"

#include <QTest>

using namespace Atelier;
using namespace AtelierTest;

namespace {

QImage gradient(const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            image.setPixel(x, y, qRgb(x * 255 / size.width(), y * 255 / size.height(), 128));
    return image;
}

// Every channel moved by half its range: unmistakably changed everywhere.
QImage inverted(QImage image)
{
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            image.setPixel(
                x, y, qRgb((qRed(p) + 128) % 256, (qGreen(p) + 128) % 256, (qBlue(p) + 128) % 256));
        }
    return image;
}

} // namespace

class TestMaskCompositor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsOutsideAndTakesInside()
    {
        const QSize size(120, 60);
        const QImage original = gradient(size);
        const QImage output = inverted(original); // the model changed everything
        const CompositeResult result
            = MaskCompositor::keepOutsideMask(original, leftMask(size, 40), output, 8);
        QVERIFY2(result.isValid(), qPrintable(result.error));
        QCOMPARE(result.image.size(), size);
        // Painted: the model's pixels in full.
        for (int x = 0; x < 40; ++x)
            QCOMPARE(result.image.pixel(x, 30), output.pixel(x, 30));
        // Past the seam: the original, exactly.
        for (int x = 60; x < 120; ++x)
            QCOMPARE(result.image.pixel(x, 30), original.pixel(x, 30));
        // In the seam: between the two.
        const QRgb seam = result.image.pixel(43, 30);
        QVERIFY(seam != output.pixel(43, 30) && seam != original.pixel(43, 30));
        // Every pixel outside the mask was changed by the model.
        QCOMPARE(result.changedOutsideMask, 1.0);
        QCOMPARE(qRed(result.heatMap.pixel(100, 30)), 255);
        QVERIFY(qAlpha(result.heatMap.pixel(100, 30)) > 0);
    }

    void countsOnlyRealChanges_data()
    {
        QTest::addColumn<int>("changedColumns");
        QTest::addColumn<int>("noise");
        QTest::addColumn<double>("expected");
        // 100 columns, 20 painted: 80 outside.
        QTest::newRow("untouched") << 0 << 0 << 0.0;
        QTest::newRow("encoding noise is not a change") << 0 << 10 << 0.0;
        QTest::newRow("8 of 80 columns") << 8 << 0 << 0.1;
        QTest::newRow("40 of 80 columns") << 40 << 0 << 0.5;
    }
    void countsOnlyRealChanges()
    {
        QFETCH(int, changedColumns);
        QFETCH(int, noise);
        QFETCH(double, expected);
        const QSize size(100, 50);
        const QImage original = gradient(size);
        QImage output = original.copy();
        for (int y = 0; y < size.height(); ++y) {
            for (int x = 0; x < size.width(); ++x) {
                const QRgb p = original.pixel(x, y);
                if (x < 20 || (x >= 100 - changedColumns))
                    output.setPixel(x, y, qRgb(255 - qRed(p), 255 - qGreen(p), 0));
                else if (noise)
                    output.setPixel(x, y,
                                    qRgb(std::min(255, qRed(p) + noise), qGreen(p), qBlue(p)));
            }
        }
        const CompositeResult result
            = MaskCompositor::keepOutsideMask(original, leftMask(size, 20), output);
        QVERIFY(result.isValid());
        QVERIFY2(qAbs(result.changedOutsideMask - expected) < 1e-9,
                 qPrintable(QString::number(result.changedOutsideMask)));
    }

    void scalesToALargerOutputOfTheSameShape()
    {
        const QImage original = gradient(QSize(64, 32));
        const QImage output = inverted(gradient(QSize(128, 64)));
        const CompositeResult result
            = MaskCompositor::keepOutsideMask(original, leftMask(QSize(64, 32), 16), output, 4);
        QVERIFY(result.isValid());
        QCOMPARE(result.image.size(), QSize(128, 64));
        QCOMPARE(result.image.pixel(5, 10), output.pixel(5, 10));
    }

    void refusesAnotherShape()
    {
        const CompositeResult result = MaskCompositor::keepOutsideMask(
            gradient(QSize(100, 50)), leftMask(QSize(100, 50), 10), gradient(QSize(64, 64)));
        QVERIFY(!result.isValid());
        QVERIFY(result.error.contains(u"64x64"_qs));
        QVERIFY(result.error.contains(u"100x50"_qs));
    }
};

QTEST_GUILESS_MAIN(TestMaskCompositor)
#include "tst_maskcompositor.moc"
