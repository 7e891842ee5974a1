#pragma once

#include "model/apierror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QPointer>

#include <functional>

class QNetworkReply;

namespace Atelier {

// Reads a batch's output or error file as it downloads and hands it over one line at a time:
// only the line being received is held (a multi-megabyte image at most), never the file.
// Lines are split on '\n'; a last line without one is handed over when the download ends.
class BatchFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchFetcher)

public:
    // Called for each line (without its newline, never empty). Returning false stops the
    // download (finished() then reports Cancelled).
    using LineHandler = std::function<bool(QByteArray line)>;

    // One line longer than this is refused rather than held (the Batch API's files are at most
    // 200 MB in; an answer line is one request's images).
    static constexpr qsizetype MaximumLineBytes = 512LL * 1024 * 1024;

    BatchFetcher(QNetworkReply *reply, LineHandler handler, QObject *parent = nullptr);
    ~BatchFetcher() override;

    // For tests and callers with bytes of their own: split `bytes` into lines as if received.
    bool feed(const QByteArray &bytes);
    bool finish();

    qint64 linesHandled() const { return m_lines; }
    qint64 bytesReceived() const { return m_bytes; }
    void abort();

Q_SIGNALS:
    void finished(const Atelier::ApiError &error); // kind None: every line was handed over

private:
    void onReadyRead();
    void onFinished();
    bool handOver(QByteArray line);

    QPointer<QNetworkReply> m_reply;
    LineHandler m_handler;
    QByteArray m_pending; // the line being received
    qint64 m_lines = 0;
    qint64 m_bytes = 0;
    bool m_stopped = false;
    ApiError m_error;
};

} // namespace Atelier
