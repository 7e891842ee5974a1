// GUI benchmark (not a test): the studio window receives a streamed generation (3 partials +
// final, 1536x1024, as the API sends them) from the local fake server — in its own process, so
// that only the studio's work is on this GUI thread — while a 1 ms timer on the GUI thread
// records how long the thread was ever unable to run it: the longest stall.
#include "mainwindow.h"
#include "prompt/prompteditor.h"
#include "studio/studiosession.h"
#include "api/parameters.h"
#include "params/parameterpanel.h"

#include <QApplication>
#include <QProcess>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace Atelier;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QProcess server;
    server.start(QStringLiteral(FAKE_SERVER_PATH),
                 {QStringLiteral("--use-requested-size"), QStringLiteral("--noise"), QStringLiteral("--event-delay-ms"), QStringLiteral("150")});
    if (!server.waitForReadyRead(10000))
        return 1;
    const QString port = QString::fromLatin1(server.readLine()).split(QLatin1Char(' ')).value(2).trimmed();

    QTemporaryDir library;
    StudioSession session(Catalog::fromJson(Catalog::builtinJson()));
    ProviderProfile profile;
    profile.kind = ProviderProfile::Kind::Compatible;
    profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
    session.setProvider(profile, QStringLiteral("sk-bench"));
    QString error;
    session.openLibrary(library.path(), &error);
    MainWindow window(&session);
    window.resize(1400, 900);
    window.show();

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
                                << session.jobs()->index(session.jobs()->rowCount() - 1, JobListModel::StateColumn).data().toString()
                                << ' ' << session.jobs()->data(session.jobs()->index(session.jobs()->rowCount() - 1, 0), JobListModel::ErrorRole).toString()
                                << " rows=" << session.jobs()->rowCount() << Qt::endl;
            return 1;
        }
        QCoreApplication::processEvents(); // the final image is painted
        probe.stop();
        if (run >= 0)
            stalls.append(worst / 1000);
        QObject::disconnect(&session, &StudioSession::imageSaved, &app, nullptr);
    }
    std::sort(stalls.begin(), stalls.end());
    QTextStream(stdout) << "longest GUI-thread stall per run (us): ";
    for (qint64 stall : stalls)
        QTextStream(stdout) << stall << ' ';
    QTextStream(stdout) << "\nmedian: " << stalls.at(stalls.size() / 2) / 1000.0 << " ms   (target <= 16)" << Qt::endl;
    server.kill();
    server.waitForFinished();
    return 0;
}
