#include "mask/maskdocument.h"
#include "maskimages.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTest>

using namespace Atelier;
using namespace AtelierTest;

namespace {

int at(const MaskDocument &document, int x, int y)
{
    return document.coverage().constScanLine(y)[x];
}

QByteArray fingerprint(const QImage &image)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (int y = 0; y < image.height(); ++y)
        hash.addData(
            QByteArrayView(reinterpret_cast<const char *>(image.constScanLine(y)), image.width()));
    return hash.result().toHex();
}

void stroke(MaskDocument &document, const QList<QPointF> &points,
            MaskDocument::Mode mode = MaskDocument::Mode::Add)
{
    document.beginStroke(points.first(), mode);
    for (qsizetype i = 1; i < points.size(); ++i)
        document.strokeTo(points.at(i));
    document.endStroke();
}

} // namespace

class TestMaskDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty()
    {
        MaskDocument document;
        document.reset(QSize(64, 32));
        QCOMPARE(document.size(), QSize(64, 32));
        QCOMPARE(document.coverage().format(), QImage::Format_Alpha8);
        QVERIFY(document.isEmpty());
        QCOMPARE(document.undoStack()->count(), 0);
    }

    void hardBrushPaintsItsDisc_data()
    {
        QTest::addColumn<int>("x");
        QTest::addColumn<int>("y");
        QTest::addColumn<int>("expected");
        // Hard brush, diameter 20, one dab at (50.5, 50.5): radius 10.
        QTest::newRow("centre") << 50 << 50 << 255;
        QTest::newRow("8 px right") << 58 << 50 << 255;
        QTest::newRow("8 px up") << 50 << 42 << 255;
        QTest::newRow("12 px right") << 62 << 50 << 0;
        QTest::newRow("diagonal corner outside") << 58 << 58 << 0;
        QTest::newRow("far away") << 5 << 5 << 0;
    }
    void hardBrushPaintsItsDisc()
    {
        QFETCH(int, x);
        QFETCH(int, y);
        QFETCH(int, expected);
        MaskDocument document;
        document.reset(QSize(100, 100));
        document.setBrushDiameter(20);
        document.setBrushHardness(1.0);
        stroke(document, {QPointF(50.5, 50.5)});
        QCOMPARE(at(document, x, y), expected);
    }

    void strokeCoversItsPath()
    {
        MaskDocument document;
        document.reset(QSize(100, 100));
        document.setBrushDiameter(10);
        document.setBrushHardness(1.0);
        stroke(document, {QPointF(20, 50), QPointF(50, 50), QPointF(80, 80)});
        for (int x = 20; x < 50; ++x)
            QCOMPARE(at(document, x, 50), 255);
        for (int i = 0; i < 30; ++i)
            QCOMPARE(at(document, 50 + i, 50 + i), 255);
        QCOMPARE(at(document, 50, 70), 0);
        QCOMPARE(at(document, 10, 50), 0);
        QCOMPARE(document.undoStack()->count(), 1); // one stroke, one step
    }

    void softBrushFallsOffAndDoesNotBuildUp()
    {
        MaskDocument once;
        once.reset(QSize(120, 60));
        once.setBrushDiameter(40);
        once.setBrushHardness(0.0);
        stroke(once, {QPointF(20, 30), QPointF(100, 30)});
        QCOMPARE(at(once, 60, 30), 255);
        const int near = at(once, 60, 38);
        const int far = at(once, 60, 46);
        QVERIFY2(near > far && far > 0 && near < 255, qPrintable(u"%1 %2"_qs.arg(near).arg(far)));
        QCOMPARE(at(once, 60, 55), 0);

        // Back and forth over the same path: the same pixels as one pass.
        MaskDocument scrubbed;
        scrubbed.reset(QSize(120, 60));
        scrubbed.setBrushDiameter(40);
        scrubbed.setBrushHardness(0.0);
        stroke(scrubbed, {QPointF(20, 30), QPointF(100, 30), QPointF(20, 30), QPointF(100, 30)});
        QCOMPARE(fingerprint(scrubbed.coverage()), fingerprint(once.coverage()));
    }

    void eraserRemoves()
    {
        MaskDocument document;
        document.reset(QSize(100, 100));
        document.fillAll();
        document.setBrushDiameter(10);
        document.setBrushHardness(1.0);
        stroke(document, {QPointF(10, 50), QPointF(90, 50)}, MaskDocument::Mode::Subtract);
        QCOMPARE(at(document, 50, 50), 0);
        QCOMPARE(at(document, 50, 20), 255);
        QCOMPARE(document.undoStack()->count(), 2);
        document.undoStack()->undo();
        QCOMPARE(at(document, 50, 50), 255);
    }

    void shapes_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<bool>("subtract");
        QTest::addColumn<QPoint>("inside");
        QTest::addColumn<QPoint>("outside");
        for (bool subtract : {false, true}) {
            const char *suffix = subtract ? " subtract" : " add";
            QTest::addRow("rectangle%s", suffix)
                << u"rectangle"_qs << subtract << QPoint(15, 15) << QPoint(35, 35);
            QTest::addRow("ellipse%s", suffix)
                << u"ellipse"_qs << subtract << QPoint(20, 20) << QPoint(11, 11);
            QTest::addRow("polygon%s", suffix)
                << u"polygon"_qs << subtract << QPoint(15, 25) << QPoint(28, 12);
        }
    }
    void shapes()
    {
        QFETCH(QString, shape);
        QFETCH(bool, subtract);
        QFETCH(QPoint, inside);
        QFETCH(QPoint, outside);
        MaskDocument document;
        document.reset(QSize(40, 40));
        if (subtract)
            document.fillAll();
        const auto mode = subtract ? MaskDocument::Mode::Subtract : MaskDocument::Mode::Add;
        const QRectF box(10, 10, 20, 20);
        if (shape == u"rectangle")
            document.fillRectangle(box, mode);
        else if (shape == u"ellipse")
            document.fillEllipse(box, mode);
        else
            document.fillPolygon(QPolygonF({QPointF(10, 10), QPointF(10, 30), QPointF(30, 30)}),
                                 mode);
        QCOMPARE(at(document, inside.x(), inside.y()), subtract ? 0 : 255);
        QCOMPARE(at(document, outside.x(), outside.y()), subtract ? 255 : 0);
        QCOMPARE(document.undoStack()->count(), subtract ? 2 : 1);
    }

    void fillClearInvert()
    {
        MaskDocument document;
        document.reset(QSize(30, 20));
        document.fillRectangle(QRectF(0, 0, 10, 20), MaskDocument::Mode::Add);
        QCOMPARE(document.coveredFraction(), 1.0 / 3.0);
        document.invert();
        QCOMPARE(at(document, 5, 5), 0);
        QCOMPARE(at(document, 20, 5), 255);
        QCOMPARE(document.coveredFraction(), 2.0 / 3.0);
        document.fillAll();
        QCOMPARE(document.coveredFraction(), 1.0);
        document.clear();
        QVERIFY(document.isEmpty());
        QCOMPARE(document.undoStack()->count(), 4);
    }

    void featherGrowsAndShrinks_data()
    {
        QTest::addColumn<int>("grow");
        QTest::addColumn<QPoint>("covered");
        QTest::addColumn<QPoint>("uncovered");
        // The square covers x, y in [40, 60).
        QTest::newRow("grow 5") << 5 << QPoint(64, 50) << QPoint(66, 50);
        QTest::newRow("grow 10 diagonal is round") << 10 << QPoint(66, 66) << QPoint(68, 68);
        QTest::newRow("shrink 4") << -4 << QPoint(44, 50) << QPoint(42, 50);
    }
    void featherGrowsAndShrinks()
    {
        QFETCH(int, grow);
        QFETCH(QPoint, covered);
        QFETCH(QPoint, uncovered);
        MaskDocument document;
        document.reset(QSize(100, 100));
        document.fillRectangle(QRectF(40, 40, 20, 20), MaskDocument::Mode::Add);
        document.feather(grow, 0);
        QCOMPARE(at(document, covered.x(), covered.y()), 255);
        QCOMPARE(at(document, uncovered.x(), uncovered.y()), 0);
        QCOMPARE(at(document, 50, 50), 255);
        QCOMPARE(at(document, 0, 0), 0);
        document.undoStack()->undo();
        QCOMPARE(at(document, 62, 50), 0);
    }

    void featherBlursTheEdge()
    {
        MaskDocument document;
        document.reset(QSize(100, 40));
        document.fillRectangle(QRectF(0, 0, 50, 40), MaskDocument::Mode::Add);
        document.feather(0, 12);
        QCOMPARE(at(document, 10, 20), 255);
        QCOMPARE(at(document, 90, 20), 0);
        int previous = 256;
        for (int x = 40; x < 60; ++x) {
            const int value = at(document, x, 20);
            QVERIFY(value <= previous); // a ramp, never a step back
            previous = value;
        }
        QVERIFY(at(document, 48, 20) > 128 && at(document, 48, 20) < 255);
        QVERIFY(at(document, 52, 20) > 0 && at(document, 52, 20) < 128);
    }

    void undoRedoSequences()
    {
        MaskDocument document;
        document.reset(QSize(80, 80));
        QList<QByteArray> states {fingerprint(document.coverage())};
        document.setBrushHardness(0.5);
        stroke(document, {QPointF(5, 5), QPointF(70, 40)});
        states << fingerprint(document.coverage());
        document.fillEllipse(QRectF(30, 30, 40, 30), MaskDocument::Mode::Add);
        states << fingerprint(document.coverage());
        stroke(document, {QPointF(60, 10), QPointF(10, 60)}, MaskDocument::Mode::Subtract);
        states << fingerprint(document.coverage());
        document.invert();
        states << fingerprint(document.coverage());
        document.feather(3, 4);
        states << fingerprint(document.coverage());

        QUndoStack *undo = document.undoStack();
        QCOMPARE(undo->count(), 5);
        for (int i = 5; i > 0; --i) {
            undo->undo();
            QCOMPARE(fingerprint(document.coverage()), states.at(i - 1));
        }
        for (int i = 1; i <= 5; ++i) {
            undo->redo();
            QCOMPARE(fingerprint(document.coverage()), states.at(i));
        }
        // Undo twice, then a new change drops the two redo steps.
        undo->undo();
        undo->undo();
        document.clear();
        QCOMPARE(undo->count(), 4);
        undo->undo();
        QCOMPARE(fingerprint(document.coverage()), states.at(3));
    }

    void changedNamesTheDirtyRectangle()
    {
        MaskDocument document;
        document.reset(QSize(200, 200));
        QSignalSpy changed(&document, &MaskDocument::changed);
        document.setBrushDiameter(10);
        document.beginStroke(QPointF(100, 100), MaskDocument::Mode::Add);
        QCOMPARE(changed.count(), 1);
        const QRect dirty = changed.takeFirst().at(0).toRect();
        QVERIFY(dirty.contains(QPoint(100, 100)));
        QVERIFY(dirty.width() < 20 && dirty.height() < 20); // not the whole mask
        document.endStroke();
    }

    void historyMemoryIsCapped()
    {
        MaskDocument document;
        document.reset(QSize(1920, 1080));
        document.setBrushDiameter(120);
        document.setBrushHardness(0.3);
        const qint64 limit = 1024 * 1024; // a few of these strokes
        document.setHistoryLimit(limit);
        QList<QByteArray> states;
        for (int i = 0; i < 60; ++i) {
            const double y = 20 + i * 17;
            stroke(document, {QPointF(0, y), QPointF(960, 1080 - y), QPointF(1920, y)},
                   i % 3 == 2 ? MaskDocument::Mode::Subtract : MaskDocument::Mode::Add);
            states << fingerprint(document.coverage());
            QVERIFY2(document.historyBytes() <= limit,
                     qPrintable(QString::number(document.historyBytes())));
        }
        QUndoStack *undo = document.undoStack();
        QVERIFY(undo->count() > 1);
        QVERIFY(undo->count() < 60);
        // The steps that were kept still undo to the right states, and redo back.
        const int kept = undo->count();
        for (int i = 1; i <= kept; ++i) {
            undo->undo();
            if (i < kept)
                QCOMPARE(fingerprint(document.coverage()), states.at(states.size() - 1 - i));
        }
        while (undo->canRedo())
            undo->redo();
        QCOMPARE(fingerprint(document.coverage()), states.constLast());
    }

    void apiMaskIsTransparentWherePainted()
    {
        MaskDocument document;
        document.reset(QSize(64, 48));
        document.fillRectangle(QRectF(0, 0, 32, 48), MaskDocument::Mode::Add);
        const QImage mask = document.apiMask();
        QCOMPARE(mask.size(), QSize(64, 48));
        QVERIFY(mask.hasAlphaChannel());
        QCOMPARE(qAlpha(mask.pixel(10, 10)), 0);
        QCOMPARE(qAlpha(mask.pixel(50, 10)), 255);
        // It reads back as the same mask.
        MaskDocument again;
        again.reset(QSize(64, 48));
        QVERIFY(again.importMask(mask));
        QCOMPARE(fingerprint(again.coverage()), fingerprint(document.coverage()));
    }

    void importsBlackAndWhite()
    {
        QImage bw(40, 20, QImage::Format_RGB32);
        bw.fill(Qt::white);
        for (int y = 0; y < 20; ++y)
            for (int x = 0; x < 10; ++x)
                bw.setPixel(x, y, qRgb(0, 0, 0));
        MaskDocument document;
        document.reset(QSize(40, 20));
        const Result<QString> note = document.importMask(bw);
        QVERIFY(note);
        QVERIFY(note->isEmpty());
        QCOMPARE(at(document, 5, 5), 255); // black: the area to change, as the guide converts it
        QCOMPARE(at(document, 30, 5), 0);
        QCOMPARE(document.undoStack()->count(), 1);
    }

    void importScalesAnotherSizeAndSaysSo()
    {
        const QImage small = leftMask(QSize(20, 10), 10);
        MaskDocument document;
        document.reset(QSize(40, 20));
        const Result<QString> note = document.importMask(small);
        QVERIFY(note);
        QVERIFY(note->contains(u"20x10"_qs));
        QVERIFY(note->contains(u"40x20"_qs));
        QCOMPARE(at(document, 5, 10), 255);
        QCOMPARE(at(document, 35, 10), 0);
    }

    void importRefusesWhatIsNotAnImage()
    {
        MaskDocument document;
        document.reset(QSize(10, 10));
        const Result<QString> refused = document.importMask(QImage());
        QVERIFY(!refused);
        QVERIFY(refused.error().contains(u"PNG"_qs));
        QCOMPARE(document.undoStack()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMaskDocument)
#include "tst_maskdocument.moc"
