// GUI benchmark (not a test): the studio window receives a streamed generation (3 partials +
// final, 1536x1024, as the API sends them) from the local fake server — in its own process, so
// that only the studio's work is on this GUI thread — while a 1 ms timer on the GUI thread
// records how long the thread was ever unable to run it: the longest stall.
//
// Arguments: runs (default 5), the link's speed in Mbit/s (default 0: unpaced, as fast as
// localhost goes), and "gathered" to switch off decoding while receiving.
//
// Second measure: for every image of the stream, the time from the moment its event's last
// byte had arrived (ImageResult::receivedAtNs) to the end of the window repaint that put it on
// screen, against the bare decode time of the same bytes (base64 + image decode, alone on an
// idle thread, after the runs): with Qt's reader (QImage::fromData), the baseline, and with
// Atelier's own PNG reader, which shows the pipeline's overhead over the decode it does.
#include "api/base64.h"
#include "api/imagedecoder.h"
#include "api/imagesclient.h"
#include "imaging/pngdecoder.h"
#include "mainwindow.h"
#include "model/parameters.h"
#include "params/parameterpanel.h"
#include "prompt/prompteditor.h"
#include "studio/studiosession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <functional>

using namespace Atelier;

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Notices when the window has finished a repaint (painted and flushed), once an image is waiting
// to be shown.
class Application : public QApplication
{
public:
    using QApplication::QApplication;
    QWidget *window = nullptr;
    bool waiting = false;
    std::function<void(qint64 shownAtNs)> shown; // called once the waiting image is on screen

    bool notify(QObject *receiver, QEvent *event) override
    {
        const bool repaint
            = waiting && receiver == window && event->type() == QEvent::UpdateRequest;
        const bool result = QApplication::notify(receiver, event);
        if (repaint) {
            waiting = false;
            shown(nowNs());
        }
        return result;
    }
};

struct Shown
{
    QByteArray encoded;
    qint64 latencyNs = 0;
    bool partial = false;
    qint64 decodeNs = 0; // in the pipeline: base64, image, preview, thumbnail
    qint64 deliveredNs = 0; // event complete -> the window has the image
};

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    Application app(argc, argv);
    QProcess server;
    // Second argument: the link's speed in Mbit/s (default: none, as fast as localhost goes).
    const QString rate = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("0");
    server.start(QStringLiteral(FAKE_SERVER_PATH),
                 {QStringLiteral("--use-requested-size"), QStringLiteral("--noise"),
                  QStringLiteral("--event-delay-ms"), QStringLiteral("150"),
                  QStringLiteral("--rate-mbit"), rate});
    if (!server.waitForReadyRead(10000))
        return 1;
    const QString port
        = QString::fromLatin1(server.readLine()).split(QLatin1Char(' ')).value(2).trimmed();

    QTemporaryDir library;
    StudioSession session(Catalog::fromJson(Catalog::builtinJson()));
    ProviderProfile profile;
    profile.kind = ProviderProfile::Kind::Compatible;
    profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
    session.setProvider(profile, QStringLiteral("sk-bench"));
    (void)session.openLibrary(library.path());
    // Third argument "gathered": events are gathered whole and decoded at the end, as before
    // images were decoded while they arrive (for comparison).
    if (argc > 3 && QByteArray(argv[3]) == "gathered") {
        ClientOptions options = session.client()->options();
        options.decodeWhileReceiving = false;
        session.client()->setOptions(options);
    }
    MainWindow window(&session);
    window.resize(1400, 900);
    window.show();
    app.window = &window;
    QList<Shown> shown;
    qint64 receivedAt = 0;
    // Connected after the window's own slots: the preview already has the image when these run.
    const auto arrived = [&](JobId, const ImageResult &image) {
        if (image.receivedAtNs == 0)
            return;
        shown.append(
            {image.encoded, 0, image.partial, image.decodeNs, nowNs() - image.receivedAtNs});
        receivedAt = image.receivedAtNs;
        app.waiting = true;
    };
    QObject::connect(&session, &StudioSession::partialImage, &app, arrived);
    QObject::connect(&session, &StudioSession::imageReady, &app, arrived);
    app.shown = [&](qint64 shownAtNs) {
        shown.last().latencyNs = shownAtNs - receivedAt;
    };

    const int runs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 5;
    QList<qint64> stalls;
    for (int run = -1; run < runs; ++run) { // run -1 warms the server's image cache
        ImageRequest recipe;
        recipe.model = QStringLiteral("gpt-image-1.5");
        recipe.setOption(Param::Size, QStringLiteral("1536x1024"));
        recipe.setOption(Param::Stream, true);
        recipe.setOption(Param::PartialImages, 3);
        window.parameterPanel()->applyRequest(recipe);
        window.promptEditor()->setPrompt(QStringLiteral("benchmark run %1").arg(run));
        QElapsedTimer clock;
        qint64 last = 0;
        qint64 worst = 0;
        QTimer probe;
        probe.setInterval(1);
        QObject::connect(&probe, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed();
            worst = std::max(worst, now - last);
            last = now;
        });
        bool done = false;
        QObject::connect(&session, &StudioSession::imageSaved, &app, [&] { done = true; });
        clock.start();
        probe.start();
        window.generate();
        QElapsedTimer guard;
        guard.start();
        while (!done && guard.elapsed() < 20000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!done) {
            QTextStream(stderr) << "run " << run << " did not finish: "
                                << session.jobs()
                                       ->index(session.jobs()->rowCount() - 1,
                                               JobListModel::StateColumn)
                                       .data()
                                       .toString()
                                << ' '
                                << session.jobs()
                                       ->data(
                                           session.jobs()->index(session.jobs()->rowCount() - 1, 0),
                                           JobListModel::ErrorRole)
                                       .toString()
                                << " rows=" << session.jobs()->rowCount() << Qt::endl;
            return 1;
        }
        QElapsedTimer painted;
        painted.start();
        while ((shown.isEmpty() || shown.last().latencyNs == 0) && painted.elapsed() < 2000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5); // the final image is painted
        probe.stop();
        if (run < 0)
            shown.clear();
        if (run >= 0)
            stalls.append(worst / 1000);
        QObject::disconnect(&session, &StudioSession::imageSaved, &app, nullptr);
    }
    std::sort(stalls.begin(), stalls.end());
    QTextStream(stdout) << "longest GUI-thread stall per run (us): ";
    for (qint64 stall : stalls)
        QTextStream(stdout) << stall << ' ';
    QTextStream(stdout) << "\nmedian: " << stalls.at(stalls.size() / 2) / 1000.0
                        << " ms   (target <= 16)" << Qt::endl;

    // The bare decode of each image's bytes, now that nothing else runs: base64 then the image.
    QList<double> ratios;
    QList<double> partialRatios;
    QList<double> finalRatios;
    QList<double> latencies;
    QList<double> decodes;
    QList<double> pipelineDecodes;
    QList<double> aloneDecodes;
    QList<double> delivered;
    QList<double> fastDecodes;
    QList<double> fastRatios;
    for (const Shown &image : std::as_const(shown)) {
        if (image.latencyNs <= 0)
            continue;
        const QByteArray base64 = image.encoded.toBase64();
        QList<double> times;
        for (int repeat = 0; repeat < 3; ++repeat) {
            QByteArray bytes = base64;
            const qint64 start = nowNs();
            decodeBase64InPlace(bytes);
            const QImage decoded = QImage::fromData(bytes);
            times.append(double(nowNs() - start));
            if (decoded.isNull())
                return 1;
        }
        const double bare = median(times);
        // The same with Atelier's own PNG reader (what the pipeline uses for PNG).
        QList<double> fastTimes;
        for (int repeat = 0; repeat < 3; ++repeat) {
            QByteArray bytes = base64;
            QImage decoded;
            const qint64 start = nowNs();
            decodeBase64InPlace(bytes);
            const bool read = PngDecoder::decode(bytes, &decoded);
            fastTimes.append(double(nowNs() - start));
            if (!read)
                fastTimes.last() = bare; // not a PNG it handles: Qt's reader is the pipeline's too
        }
        fastDecodes.append(median(fastTimes) / 1e6);
        fastRatios.append(image.latencyNs / median(fastTimes));
        // The pipeline's own decode of such an event, alone: the event JSON, base64, image,
        // preview and thumbnail.
        QList<double> eventTimes;
        for (int repeat = 0; repeat < 3; ++repeat) {
            QByteArray event = QByteArrayLiteral("{\"type\":\"image_generation.partial_image\","
                                                 "\"partial_image_index\":0,\"b64_json\":\"")
                + base64 + QByteArrayLiteral("\"}");
            const qint64 start = nowNs();
            const DecodeOutcome outcome
                = ImageDecoder::decodeEvent(QByteArrayLiteral("image_generation.partial_image"),
                                            std::move(event), session.client()->options().decode);
            eventTimes.append(double(nowNs() - start));
            if (outcome.what != DecodeOutcome::What::PartialImage)
                return 1;
        }
        aloneDecodes.append(median(eventTimes) / 1e6);
        latencies.append(image.latencyNs / 1e6);
        pipelineDecodes.append(image.decodeNs / 1e6);
        delivered.append(image.deliveredNs / 1e6);
        decodes.append(bare / 1e6);
        ratios.append(image.latencyNs / bare);
        (image.partial ? partialRatios : finalRatios).append(image.latencyNs / bare);
    }
    std::sort(ratios.begin(), ratios.end());
    QTextStream(stdout) << "last byte of an event -> pixels on screen, " << ratios.size()
                        << " images: median " << median(latencies)
                        << " ms; bare decode of the same bytes: median " << median(decodes)
                        << " ms\nratio (latency / bare decode): median " << median(ratios)
                        << ", partials " << median(partialRatios)
                        << ", finals (written to the library first) " << median(finalRatios)
                        << ", worst " << (ratios.isEmpty() ? 0.0 : ratios.last())
                        << "   (target <= 1.2)\nwhere it goes (medians): decoding in the pipeline "
                        << median(pipelineDecodes)
                        << " ms (with preview and thumbnail; the same alone: "
                        << median(aloneDecodes) << " ms), event complete -> window has it "
                        << median(delivered) << " ms, -> on screen " << median(latencies) << " ms\n"
                        << "bare decode with Atelier's PNG reader instead of Qt's: median "
                        << median(fastDecodes) << " ms; latency / that: median "
                        << median(fastRatios) << " (the pipeline's overhead over its own decoder)"
                        << Qt::endl;
    server.kill();
    server.waitForFinished();
    return 0;
}
