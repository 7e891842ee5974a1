// library-writer FOLDER --journal RECIPE.json [PARTIAL.png...]: journals one request as the studio
// does when it sends one, keeps the given partial images beside the entry, prints the entry's id
// and exits without finishing it: a process that died in the middle of a request
// (tests/support/crashedjob.h).
//
// library-writer FOLDER --studio-open: opens the library as the studio does at its start (the
// unfinished requests of processes that are gone are taken over, their partial images moved into
// the library), prints "interrupted <n> recovered <m>" and stays open until its standard input
// closes: a second window on the library.
//
// library-writer FOLDER: saves images into a library as fast as it can, forever, the way the studio
// does (two partial images beside the journal entry, then the final one: files first, then the
// index); every other image the way streamed ones are saved, written piece by piece into
// .incoming and moved into place. tst_librarystore kills it with SIGKILL at random moments.
#include "catalog/catalog.h"
#include "library/librarystore.h"
#include "studio/studiosession.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Atelier;

namespace {

// As the studio's stream sink writes an arriving image: in pieces, into .incoming.
QString writeIncoming(const QString &folder, const QByteArray &bytes, QString *error)
{
    const Result<QString> made = LibraryStore::incomingPath(folder);
    if (!made)
        *error = made.error();
    const QString path = made.valueOr(QString());
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return {};
    for (qsizetype at = 0; at < bytes.size(); at += 1000) {
        if (file.write(bytes.mid(at, 1000)) < 0 || !file.flush())
            return {};
    }
    return path;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    if (argc >= 3 && qstrcmp(argv[2], "--studio-open") == 0) {
        StudioSession session(Catalog::fromJson(Catalog::builtinJson()));
        if (const Status opened = session.openLibrary(QString::fromLocal8Bit(argv[1])); !opened) {
            QTextStream(stderr) << opened.error() << Qt::endl;
            return 1;
        }
        QTextStream(stdout) << "interrupted " << session.interruptedJobs().size() << " recovered "
                            << session.recoveredPartials() << Qt::endl;
        // The window stays open (what it took over stays its own) until standard input closes.
        QFile input;
        if (input.open(stdin, QIODevice::ReadOnly))
            input.readAll();
        return 0;
    }
    LibraryStore store;
    QString error;
    if (const Status opened = store.open(QString::fromLocal8Bit(argv[1])); !opened) {
        QTextStream(stderr) << opened.error() << Qt::endl;
        return 1;
    }
    if (argc >= 4 && qstrcmp(argv[2], "--journal") == 0) {
        QFile recipe(QString::fromLocal8Bit(argv[3]));
        if (!recipe.open(QIODevice::ReadOnly))
            return 1;
        // {"recipe": the request, "context": what the studio journals beside it}
        const QJsonObject entry = QJsonDocument::fromJson(recipe.readAll()).object();
        const qint64 job = store.journalStart(
            ImageRequest::fromJson(entry.value(QStringLiteral("recipe")).toObject()),
            entry.value(QStringLiteral("context")).toObject());
        for (int k = 4; k < argc; ++k) {
            QFile png(QString::fromLocal8Bit(argv[k]));
            if (!png.open(QIODevice::ReadOnly))
                return 1;
            ImageResult partial;
            partial.partial = true;
            partial.index = k - 4;
            partial.format = QStringLiteral("png");
            partial.encoded = png.readAll();
            if (!LibraryStore::writePartial(store.folder(), job, partial))
                return 1;
        }
        QTextStream(stdout) << job << Qt::endl;
        return job > 0 ? 0 : 1; // the entry stays open: its process is gone
    }
    QImage image(96, 64, QImage::Format_RGB32);
    QTextStream(stdout) << "ready" << Qt::endl;
    for (int i = 0;; ++i) {
        image.fill(QColor::fromHsv(i % 360, 200, 200));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        LibraryImage entry;
        entry.request.prompt = QStringLiteral("crash test image %1").arg(i);
        entry.request.model = QStringLiteral("gpt-image-1.5");
        entry.size = image.size();
        entry.format = QStringLiteral("png");
        const qint64 job = store.journalStart(entry.request);
        for (int k = 0; k < 2; ++k) {
            ImageResult partial;
            partial.partial = true;
            partial.index = k;
            partial.format = entry.format;
            partial.encoded = bytes;
            const bool streamed = i % 2 == 1;
            const QString incoming
                = streamed ? writeIncoming(store.folder(), bytes, &error) : QString();
            if (!(streamed ? LibraryStore::keepPartial(store.folder(), job, partial, incoming)
                           : LibraryStore::writePartial(store.folder(), job, partial)))
                return 1;
        }
        if (i % 2 == 1) {
            const QString incoming = writeIncoming(store.folder(), bytes, &error);
            entry.path = incoming.isEmpty()
                ? QString()
                : LibraryStore::keepFiles(store.folder(), entry, incoming).valueOr(QString());
        } else {
            entry.path = LibraryStore::writeFiles(store.folder(), entry, bytes).valueOr(QString());
        }
        if (entry.path.isEmpty() || !store.add(entry))
            return 1;
        store.journalFinish(job);
        if (i == 0) // whoever kills it now knows an image was saved, however loaded the machine
            QTextStream(stdout) << "saved" << Qt::endl;
    }
}
