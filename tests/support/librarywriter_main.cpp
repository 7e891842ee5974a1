// library-writer: saves images into a library as fast as it can, forever, the way the studio
// does (two partial images beside the journal entry, then the final one: files first, then the
// index). tst_librarystore kills it with SIGKILL at random moments.
#include "library/librarystore.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QTextStream>

using namespace Atelier;

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
            if (LibraryStore::writePartial(store.folder(), job, partial, &error).isEmpty())
                return 1;
        }
        entry.path = LibraryStore::writeFiles(store.folder(), entry, bytes, &error);
        if (entry.path.isEmpty() || !store.add(entry, &error))
            return 1;
        store.journalFinish(job);
    }
}
