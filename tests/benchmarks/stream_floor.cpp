// Floors for the stream ingest benchmark (stream_ingest.sh): what Qt's network stack and the
// disk cost by themselves, so that atelier-cli's own share of the time can be told apart.
//
// Usage: stream_floor BASE_URL [OUT_DIR]
//   Sends the benchmark's streamed generation request with QNetworkAccessManager, as atelier-cli
//   does, and reads the answer in 256 KiB slices.
//   Without OUT_DIR every byte is thrown away: Qt's HTTP stack alone.
//   With OUT_DIR three quarters of every slice (what base64 decodes to) are written to a file,
//   and a new file is begun at every blank line (an event's end): the disk work atelier-cli must
//   do for four images, without parsing or decoding anything.
// Exit code 0 when more than 1 MB arrived with HTTP status 200.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        std::fprintf(stderr, "usage: stream_floor BASE_URL [OUT_DIR]\n");
        return 2;
    }
    const QString outDir = arguments.size() > 2 ? arguments.at(2) : QString();

    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(arguments.at(1) + QStringLiteral("/images/generations")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer sk-benchmark");
    QNetworkReply *reply = network.post(
        request,
        QByteArrayLiteral(R"({"model":"gpt-image-1.5","prompt":"benchmark","size":"1536x1024",)"
                          R"("stream":true,"partial_images":3})"));

    constexpr qint64 SliceBytes = 256 * 1024;
    auto slice = std::make_unique<char[]>(SliceBytes);
    qint64 total = 0;
    int files = 0;
    bool lineFeedSeen = false; // the slice before ended in '\n'
    QFile file;
    auto beginFile = [&] {
        file.close();
        file.setFileName(QDir(outDir).filePath(QStringLiteral("floor-%1.png").arg(files++)));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
            app.exit(1);
        }
    };
    if (!outDir.isEmpty())
        beginFile();

    QObject::connect(reply, &QNetworkReply::readyRead, &app, [&] {
        qint64 read = 0;
        while ((read = reply->read(slice.get(), SliceBytes)) > 0) {
            total += read;
            if (outDir.isEmpty())
                continue;
            file.write(slice.get(), read * 3 / 4);
            // An event ends at a blank line: "\n\n" inside the slice or across two slices.
            const char *data = slice.get();
            bool eventEnded = lineFeedSeen && data[0] == '\n';
            for (const char *at = data; !eventEnded
                 && (at
                     = static_cast<const char *>(std::memchr(at, '\n', size_t(data + read - at))));
                 ++at) {
                eventEnded = at + 1 < data + read && at[1] == '\n';
            }
            lineFeedSeen = data[read - 1] == '\n';
            if (eventEnded)
                beginFile();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &app, [&] {
        file.close();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200 || total < 1000000)
            std::fprintf(stderr, "stream_floor: HTTP %d, %lld bytes\n", status,
                         static_cast<long long>(total));
        app.exit(status == 200 && total >= 1000000 ? 0 : 1);
    });
    return app.exec();
}
