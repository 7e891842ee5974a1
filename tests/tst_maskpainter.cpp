#include "maskpainter/maskcanvas.h"
#include "maskpainter/maskpainter.h"
#include "widgetdrag.h"

#include <QAction>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Atelier;
using AtelierTest::dragWithLeftButton;

namespace {

int coverageAt(const MaskDocument *document, const QPointF &imagePoint)
{
    return document->coverage().constScanLine(int(imagePoint.y()))[int(imagePoint.x())];
}

} // namespace

class TestMaskPainter : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_imagePath;
    std::unique_ptr<MaskPainter> m_painter; // fresh for every test, showing the 400x300 image

private Q_SLOTS:
    void initTestCase()
    {
        QImage image(400, 300, QImage::Format_RGB32);
        image.fill(qRgb(20, 120, 200));
        m_imagePath = m_dir.filePath(QStringLiteral("photo.png"));
        QVERIFY(image.save(m_imagePath));
    }

    void init()
    {
        m_painter = std::make_unique<MaskPainter>();
        m_painter->resize(800, 600);
        m_painter->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_painter.get()));
        const Status opened = m_painter->openImage(m_imagePath);
        QVERIFY2(opened, qPrintable(opened.error()));
    }

    void cleanup() { m_painter.reset(); }

    void markupMarksAreDrawnUndoneAndSaved()
    {
        MaskPainter &painter = *m_painter;
        MaskCanvas *canvas = painter.canvas();
        QAction *arrow = nullptr;
        for (QAction *action : painter.findChildren<QAction *>()) {
            if (action->text() == QStringLiteral("Arrow"))
                arrow = action;
        }
        QVERIFY(arrow);
        arrow->trigger();
        QCOMPARE(canvas->tool(), MaskCanvas::Tool::MarkArrow);
        QVERIFY(!painter.hasMarkup());
        painter.markup()->setColor(QColor(0, 200, 0));
        painter.markup()->setLineWidth(6);
        dragWithLeftButton(canvas, canvas->toWidget(QPointF(60, 150)).toPoint(),
                           canvas->toWidget(QPointF(300, 150)).toPoint());
        QVERIFY(painter.hasMarkup());
        QVERIFY(!painter.hasMask()); // marks are not the mask
        const QImage &layer = painter.markup()->layer();
        QCOMPARE(QColor::fromRgba(layer.pixel(180, 150)).green(), 200);
        QCOMPARE(qAlpha(layer.pixel(180, 100)), 0); // nothing beside the line
        QVERIFY(qAlpha(layer.pixel(295, 146)) > 0 || qAlpha(layer.pixel(290, 143)) > 0); // the head

        // A box and a freehand line are steps of their own; Undo takes the last one back.
        canvas->setTool(MaskCanvas::Tool::MarkBox);
        dragWithLeftButton(canvas, canvas->toWidget(QPointF(20, 20)).toPoint(),
                           canvas->toWidget(QPointF(80, 60)).toPoint());
        QVERIFY(qAlpha(painter.markup()->layer().pixel(20, 40)) > 0);
        QAction *undo = painter.findChild<QAction *>(QStringLiteral("undo"));
        QVERIFY(undo->isEnabled());
        undo->trigger();
        QCOMPARE(qAlpha(painter.markup()->layer().pixel(20, 40)), 0);
        QVERIFY(qAlpha(painter.markup()->layer().pixel(180, 150)) > 0);
        // Undo on a mask tool acts on the mask's history, not the marks.
        canvas->setTool(MaskCanvas::Tool::Brush);
        QVERIFY(!undo->isEnabled());
        canvas->setTool(MaskCanvas::Tool::MarkPen);
        dragWithLeftButton(canvas, canvas->toWidget(QPointF(100, 250)).toPoint(),
                           canvas->toWidget(QPointF(200, 260)).toPoint());
        QCOMPARE(painter.markup()->undoStack()->count(), 2);

        // Saved as the API takes it: a PNG the image's size with transparency.
        const Result<QString> saved = painter.saveMarkup(m_dir.filePath(QStringLiteral("inputs")));
        QVERIFY2(saved, qPrintable(saved.error()));
        const QImage file(*saved);
        QCOMPARE(file.size(), QSize(400, 300));
        QVERIFY(file.hasAlphaChannel());
        QCOMPARE(qAlpha(file.pixel(10, 290)), 0);
        QVERIFY(qAlpha(file.pixel(180, 150)) > 0);
        // A new image starts with no marks.
        QVERIFY(painter.openImage(m_imagePath));
        QVERIFY(!painter.hasMarkup());
        QCOMPARE(painter.markup()->undoStack()->count(), 0);
    }

    void dragPaintsUnderThePointer()
    {
        MaskPainter &painter = *m_painter;
        MaskCanvas *canvas = painter.canvas();
        QCOMPARE(canvas->tool(),
                 MaskCanvas::Tool::Brush); // the brush is ready when the canvas opens
        painter.document()->setBrushDiameter(20);
        painter.document()->setBrushHardness(1.0);

        // Drag from a quarter to three quarters across, half-way down the image.
        const QPoint from = canvas->toWidget(QPointF(100, 150)).toPoint();
        const QPoint to = canvas->toWidget(QPointF(300, 150)).toPoint();
        dragWithLeftButton(canvas, from, to);

        MaskDocument *document = painter.document();
        for (int x = 110; x <= 290; x += 20)
            QCOMPARE(coverageAt(document, canvas->toImage(canvas->toWidget(QPointF(x, 150)))), 255);
        QCOMPARE(coverageAt(document, QPointF(200, 200)), 0);
        QCOMPARE(coverageAt(document, QPointF(50, 150)), 0);
        QCOMPARE(document->undoStack()->count(), 1);

        // The API mask: transparent where painted, opaque elsewhere, the image's size.
        const QImage mask = painter.apiMask();
        QCOMPARE(mask.size(), QSize(400, 300));
        QCOMPARE(qAlpha(mask.pixel(200, 150)), 0);
        QCOMPARE(qAlpha(mask.pixel(200, 250)), 255);

        // The toolbar's Undo keeps its short text; what it undoes is in its tooltip.
        auto *undo = painter.findChild<QAction *>(QStringLiteral("undo"));
        auto *redo = painter.findChild<QAction *>(QStringLiteral("redo"));
        QVERIFY(undo && redo);
        QCOMPARE(undo->text(), QStringLiteral("Undo"));
        QVERIFY(undo->isEnabled());
        QVERIFY2(undo->toolTip().contains(document->undoStack()->undoText()),
                 qPrintable(undo->toolTip()));
        QVERIFY(!redo->isEnabled());

        // Ctrl+Z undoes the stroke.
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(document->isEmpty());
        QVERIFY(!undo->isEnabled());
        QVERIFY(redo->isEnabled());
        QCOMPARE(redo->text(), QStringLiteral("Redo"));
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!document->isEmpty());
    }

    void eraserAndShapes()
    {
        MaskPainter &painter = *m_painter;
        MaskCanvas *canvas = painter.canvas();
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_R);
        QCOMPARE(canvas->tool(), MaskCanvas::Tool::Rectangle);
        dragWithLeftButton(canvas, canvas->toWidget(QPointF(50, 50)).toPoint(),
                           canvas->toWidget(QPointF(150, 120)).toPoint());
        QCOMPARE(coverageAt(painter.document(), QPointF(100, 85)), 255);
        QCOMPARE(coverageAt(painter.document(), QPointF(200, 85)), 0);

        QTest::keyClick(canvas, Qt::Key_E);
        QCOMPARE(canvas->tool(), MaskCanvas::Tool::Eraser);
        painter.document()->setBrushDiameter(10);
        const QPoint at = canvas->toWidget(QPointF(100, 85)).toPoint();
        QTest::mousePress(canvas, Qt::LeftButton, {}, at);
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, at);
        QCOMPARE(coverageAt(painter.document(), canvas->toImage(at)), 0);
    }

    void keysChangeBrushViewAndSend()
    {
        MaskPainter &painter = *m_painter;
        MaskCanvas *canvas = painter.canvas();
        canvas->setFocus();
        const double size = painter.document()->brushDiameter();
        QTest::keyClick(canvas, Qt::Key_BracketRight);
        QVERIFY(painter.document()->brushDiameter() > size);
        auto *sizeField = painter.findChild<QSpinBox *>(QStringLiteral("brushSize"));
        QVERIFY(sizeField);
        QCOMPARE(sizeField->value(),
                 int(painter.document()->brushDiameter())); // the field follows the key
        QTest::keyClick(canvas, Qt::Key_BracketLeft);
        QTest::keyClick(canvas, Qt::Key_BracketLeft);
        QVERIFY(painter.document()->brushDiameter() < size);
        QCOMPARE(sizeField->value(), int(painter.document()->brushDiameter()));
        painter.document()->setBrushHardness(0.35);
        QCOMPARE(painter.findChild<QSpinBox *>(QStringLiteral("brushHardness"))->value(), 35);
        QCOMPARE(canvas->view(), MaskCanvas::View::Overlay);
        auto *apiView = painter.findChild<QAction *>(QStringLiteral("apiView"));
        QVERIFY(apiView);
        QVERIFY(!apiView->isChecked());
        QTest::keyClick(canvas, Qt::Key_M);
        QCOMPARE(canvas->view(), MaskCanvas::View::Result);
        QVERIFY(apiView->isChecked()); // the toolbar follows the key
        apiView->trigger();
        QCOMPARE(canvas->view(), MaskCanvas::View::Overlay);
        QTest::keyClick(canvas, Qt::Key_1);
        QCOMPARE(canvas->zoom(), 1.0);
        QTest::keyClick(canvas, Qt::Key_F);
        QVERIFY(canvas->isFitting());
        QSignalSpy send(&painter, &MaskPainter::sendRequested);
        QTest::keyClick(canvas, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(send.count(), 1);
    }

    void wheelZoomsAroundThePointer()
    {
        MaskPainter &painter = *m_painter;
        MaskCanvas *canvas = painter.canvas();
        const QPointF pointer = canvas->toWidget(QPointF(300, 100));
        const double before = canvas->zoom();
        QWheelEvent wheel(pointer, canvas->mapToGlobal(pointer), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas, &wheel);
        QVERIFY(canvas->zoom() > before);
        const QPointF still = canvas->toImage(pointer);
        QVERIFY(qAbs(still.x() - 300) < 0.5
                && qAbs(still.y() - 100) < 0.5); // the point under the pointer stays
    }

    void refusesWhatIsNotAnImage()
    {
        MaskPainter painter;
        const Status refused = painter.openImage(m_dir.filePath(QStringLiteral("missing.png")));
        QVERIFY(!refused);
        QVERIFY(refused.error().contains(QStringLiteral("missing.png")));
        QVERIFY(!painter.hasImage());
    }
};

QTEST_MAIN(TestMaskPainter)
#include "tst_maskpainter.moc"
