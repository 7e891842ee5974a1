// library-writer: saves images into a library as fast as it can, forever, the way the studio
// does (two partial images beside the journal entry, then the final one: files first, then the
// index); every other image the way streamed ones are saved, written piece by piece into
// .incoming and moved into place. tst_librarystore kills it with SIGKILL at random moments.
#include "library/librarystore.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QTextStream>

using namespace Atelier;

namespace {

// As the studio's stream sink writes an arriving image: in pieces, into .incoming.
QString writeIncoming(const QString &folder, const QByteArray &bytes, QString *error)
{
    const QString path = LibraryStore::incomingPath(folder, error);
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
    LibraryStore store;
    QString error;
    if (!store.open(QString::fromLocal8Bit(argv[1]), &error)) {
        QTextStream(stderr) << error << Qt::endl;
        return 1;
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
            const QString incoming = streamed ? writeIncoming(store.folder(), bytes, &error) : QString();
            if ((streamed ? LibraryStore::keepPartial(store.folder(), job, partial, incoming, &error)
                          : LibraryStore::writePartial(store.folder(), job, partial, &error))
                    .isEmpty())
                return 1;
        }
        if (i % 2 == 1) {
            const QString incoming = writeIncoming(store.folder(), bytes, &error);
            entry.path = incoming.isEmpty() ? QString() : LibraryStore::keepFiles(store.folder(), entry, incoming, &error);
        } else {
            entry.path = LibraryStore::writeFiles(store.folder(), entry, bytes, &error);
        }
        if (entry.path.isEmpty() || !store.add(entry, &error))
            return 1;
        store.journalFinish(job);
    }
}
