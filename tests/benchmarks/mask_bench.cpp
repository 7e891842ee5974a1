// Mask painter targets (issue 4): at 3840x2160, a stroke segment reaches the screen within 8 ms
// at the 99th percentile, and 200 strokes of history take at most 100 MB.
// Run: QT_QPA_PLATFORM=offscreen build/release/tests/benchmarks/mask_bench
#include "maskpainter/maskcanvas.h"
#include "maskpainter/maskpainter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace Atelier;

namespace {

// Counts the canvas's paint events, to be sure each measured segment really painted.
class PaintCounter final : public QObject
{
public:
    int paints = 0;
    qint64 pixels = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            ++paints;
            const QRect r = static_cast<QPaintEvent *>(event)->rect();
            pixels += qint64(r.width()) * r.height();
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    QImage photo(3840, 2160, QImage::Format_RGB32);
    QRandomGenerator random(3);
    for (int y = 0; y < photo.height(); ++y) {
        auto *row = reinterpret_cast<QRgb *>(photo.scanLine(y));
        for (int x = 0; x < photo.width(); ++x)
            row[x] = qRgb(x / 15, y / 9, int(random.bounded(40)) + 100);
    }
    const QString path = dir.filePath(QStringLiteral("uhd.png"));
    photo.save(path);

    MaskPainter painter;
    painter.resize(1600, 1000);
    painter.show();
    if (const Status opened = painter.openImage(path); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    MaskCanvas *canvas = painter.canvas();
    MaskDocument *document = painter.document();
    document->setBrushDiameter(120);
    document->setBrushHardness(0.6);
    app.processEvents();
    PaintCounter counter;
    canvas->installEventFilter(&counter);

    // Each segment: the mouse event, the mask change, and the repaint of what changed.
    std::vector<double> segments;
    const int strokes = 200;
    for (int stroke = 0; stroke < strokes; ++stroke) {
        const double y0 = random.bounded(2160.0);
        const double y1 = random.bounded(2160.0);
        const QPointF start(random.bounded(400.0), y0);
        const QPointF end(3400 + random.bounded(400.0), y1);
        const QPoint first = canvas->toWidget(start).toPoint();
        QMouseEvent press(QEvent::MouseButtonPress, first, canvas->mapToGlobal(first),
                          Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(canvas, &press);
        const int steps = 60;
        QPoint at = first;
        for (int i = 1; i <= steps; ++i) {
            const QPointF p
                = start + (end - start) * (double(i) / steps) + QPointF(0, 200 * std::sin(i / 6.0));
            at = canvas->toWidget(p).toPoint();
            QElapsedTimer timer;
            timer.start();
            QMouseEvent move(QEvent::MouseMove, at, canvas->mapToGlobal(at), Qt::NoButton,
                             Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(canvas, &move);
            // Paint now what the move made dirty (the widget's pending update, not all of it).
            QCoreApplication::sendPostedEvents(canvas->window(), QEvent::UpdateRequest);
            segments.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        QMouseEvent release(QEvent::MouseButtonRelease, at, canvas->mapToGlobal(at), Qt::LeftButton,
                            Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(canvas, &release);
    }
    std::sort(segments.begin(), segments.end());
    const auto percentile = [&](double p) {
        return segments[std::min(segments.size() - 1, size_t(p * segments.size()))];
    };
    std::printf("segments: %zu, median %.2f ms, p99 %.2f ms, max %.2f ms (target p99 <= 8 ms)\n",
                segments.size(), percentile(0.5), percentile(0.99), segments.back());
    std::printf("paint events: %d, %.0f pixels each on average\n", counter.paints,
                counter.paints ? double(counter.pixels) / counter.paints : 0.0);
    std::printf("history: %d steps kept, %.1f MB (target 200 strokes <= 100 MB; cap %.0f MB)\n",
                document->undoStack()->count(), document->historyBytes() / 1048576.0,
                document->historyLimit() / 1048576.0);
    return 0;
}
