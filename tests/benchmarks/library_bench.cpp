// Library benchmark (not a test): a library (1,000, 10,000, 100,000 images) opens to the first
// gallery paint, with its peak memory; prompt searches as the gallery runs them (a new query:
// its first page) and reading the next pages are timed.
//   library_bench create DIR [COUNT]   builds the library once (test data: no fsync)
//   library_bench measure DIR [check-first]   a fresh process: open, first paint, searches
//                                      (check-first: every page of the index read before the
//                                      first paint, not after)
#include "library/librarymodel.h"
#include "library/librarystore.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QListView>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <ctime>

using namespace Atelier;

namespace {

const QStringList words = {
    QStringLiteral("fox"),         QStringLiteral("lighthouse"), QStringLiteral("dusk"),
    QStringLiteral("watercolour"), QStringLiteral("castle"),     QStringLiteral("clouds"),
    QStringLiteral("portrait"),    QStringLiteral("neon"),       QStringLiteral("forest"),
    QStringLiteral("robot"),       QStringLiteral("ocean"),      QStringLiteral("mountain"),
    QStringLiteral("city"),        QStringLiteral("cat"),        QStringLiteral("garden"),
    QStringLiteral("snow"),        QStringLiteral("desert"),     QStringLiteral("library"),
    QStringLiteral("train"),       QStringLiteral("bridge"),     QStringLiteral("oil"),
    QStringLiteral("painting"),    QStringLiteral("sketch"),     QStringLiteral("cinematic"),
    QStringLiteral("macro"),       QStringLiteral("sunset"),     QStringLiteral("storm"),
    QStringLiteral("market"),
};

qint64 peakResidentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// CPU time of this thread, in ms: on a VM shared with other sessions' builds the wall time of a
// search says more about their load than about the search.
double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double processCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

int create(const QString &folder, int count)
{
    LibraryStore store;
    if (const Status opened = store.open(folder); !opened) {
        QTextStream(stderr) << opened.error() << Qt::endl;
        return 1;
    }
    QRandomGenerator random(7);
    QList<QByteArray> pngs;
    for (int i = 0; i < 32; ++i) {
        QImage image(256, 256, QImage::Format_RGB32);
        image.fill(QColor::fromHsv(i * 11, 160, 200));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        pngs.append(bytes);
    }
    const QDateTime start = QDateTime::currentDateTime().addDays(-400);
    for (int i = store.count(); i < count; ++i) {
        LibraryImage image;
        QStringList prompt;
        for (int w = 0; w < 8; ++w)
            prompt.append(words.at(int(random.bounded(words.size()))));
        image.request.prompt = prompt.join(QLatin1Char(' '));
        image.request.model
            = i % 3 == 0 ? QStringLiteral("gpt-image-2") : QStringLiteral("gpt-image-1.5");
        image.size = QSize(256, 256);
        image.format = QStringLiteral("png");
        image.savedAt = start.addSecs(i * 3000);
        // Test data: plain writes (the real path writes atomically with fsync).
        QDir dir(QDir(folder).filePath(image.savedAt.toString(QStringLiteral("yyyy-MM"))));
        dir.mkpath(QStringLiteral("."));
        image.path = dir.filePath(QStringLiteral("bench-%1.png").arg(i));
        QFile png(image.path);
        png.open(QIODevice::WriteOnly);
        png.write(pngs.at(i % pngs.size()));
        QFile json(dir.filePath(QStringLiteral("bench-%1.json").arg(i)));
        json.open(QIODevice::WriteOnly);
        json.write(QJsonDocument(image.toRecipeJson()).toJson(QJsonDocument::Compact));
        if (const Result<qint64> id = store.add(image); !id) {
            QTextStream(stderr) << id.error() << Qt::endl;
            return 1;
        }
    }
    QTextStream(stdout) << "library with " << store.count() << " images in " << folder << Qt::endl;
    return 0;
}

class FirstPaint : public QObject
{
public:
    QElapsedTimer *clock = nullptr;
    qint64 paintedAt = -1;
    double cpuAtPaint = -1;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && paintedAt < 0) {
            paintedAt = clock->elapsed();
            cpuAtPaint = processCpuMs();
        }
        return QObject::eventFilter(watched, event);
    }
};

int measure(const QString &folder, LibraryStore::IntegrityCheck check, QElapsedTimer &clock)
{
    LibraryStore store;
    // As the studio opens it: the index's pages are read after the first paint (on a worker
    // thread there: StudioSession::checkLibrary()), timed below; "check-first": before it, as
    // the CLI does (and the studio did).
    if (const Status opened = store.open(folder, check); !opened) {
        QTextStream(stderr) << opened.error() << Qt::endl;
        return 1;
    }
    const qint64 opened = clock.elapsed();
    LibraryModel model(&store);
    const qint64 queried = clock.elapsed();
    QListView view;
    view.setViewMode(QListView::IconMode);
    view.setUniformItemSizes(true);
    view.setIconSize(QSize(96, 96));
    view.setGridSize(QSize(120, 132));
    view.setModel(&model);
    view.resize(1200, 800);
    FirstPaint first;
    first.clock = &clock;
    view.viewport()->installEventFilter(&first);
    view.show();
    while (first.paintedAt < 0)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const qint64 memory = peakResidentKiB();

    QList<double> searches;
    QList<double> searchCpu;
    QRandomGenerator random(11);
    int found = 0;
    for (int i = 0; i < 30; ++i) {
        LibraryQuery query;
        query.text = words.at(int(random.bounded(words.size()))) + QLatin1Char(' ')
            + words.at(int(random.bounded(words.size())));
        QElapsedTimer timer;
        timer.start();
        const double cpu = threadCpuMs();
        model.setQuery(query); // what the search box does: the first page of the matches
        searchCpu.append(threadCpuMs() - cpu);
        searches.append(timer.nsecsElapsed() / 1e6);
        found += model.rowCount();
    }
    std::sort(searches.begin(), searches.end());
    std::sort(searchCpu.begin(), searchCpu.end());
    // Scrolling: the next pages of the whole library, as the view asks for them at its end.
    model.setQuery({});
    QList<double> pages;
    for (int i = 0; i < 20 && model.canFetchMore(); ++i) {
        QElapsedTimer timer;
        timer.start();
        model.fetchMore();
        pages.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(pages.begin(), pages.end());
    QElapsedTimer recount;
    recount.start();
    const int total = model.totalCount();
    const double counted = recount.nsecsElapsed() / 1e6;
    QElapsedTimer again;
    again.start();
    (void)store.reconcile();
    const double reconciled = again.nsecsElapsed() / 1e6;
    QElapsedTimer checking;
    checking.start();
    const bool damaged = LibraryStore::findDamage(folder).has_value();
    const double checked = checking.nsecsElapsed() / 1e6;
    const qint64 finalMemory = peakResidentKiB();
    QTextStream out(stdout);
    out << "images:                    " << total << " (" << counted << " ms to count)" << Qt::endl;
    out << "open (index + reconcile):  " << opened
        << " ms   (reconcile alone, again: " << reconciled << " ms)" << Qt::endl;
    out << "every page checked:        " << checked << " ms, after the paint ("
        << (damaged ? "damaged" : "sound") << ")" << Qt::endl;
    out << "first page of the model:   " << queried - opened << " ms (" << model.pageSize()
        << " rows)" << Qt::endl;
    out << "start to first paint:      " << first.paintedAt << " ms   (target <= 300; CPU time "
        << first.cpuAtPaint << " ms)" << Qt::endl;
    out << "peak memory at first paint: " << memory / 1024 << " MiB, at the end "
        << finalMemory / 1024 << " MiB   (target <= 200)" << Qt::endl;
    out << "prompt search, median:     " << searches.at(searches.size() / 2)
        << " ms   (target <= 30; " << found / searches.size() << " rows a search)" << Qt::endl;
    out << "prompt search, slowest:    " << searches.last() << " ms" << Qt::endl;
    out << "prompt search, CPU time:   " << searchCpu.at(searchCpu.size() / 2) << " ms median, "
        << searchCpu.last() << " ms slowest" << Qt::endl;
    if (!pages.isEmpty())
        out << "next page, median:         " << pages.at(pages.size() / 2) << " ms, slowest "
            << pages.last() << " ms" << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() >= 3 && arguments.at(1) == QLatin1String("create"))
        return create(arguments.at(2), arguments.value(3, QStringLiteral("10000")).toInt());
    if (arguments.size() >= 3 && arguments.at(1) == QLatin1String("measure"))
        return measure(arguments.at(2),
                       arguments.value(3) == QLatin1String("check-first")
                           ? LibraryStore::IntegrityCheck::OnOpen
                           : LibraryStore::IntegrityCheck::Later,
                       clock);
    QTextStream(stderr) << "usage: library_bench create DIR [COUNT] | measure DIR [check-first]"
                        << Qt::endl;
    return 2;
}
