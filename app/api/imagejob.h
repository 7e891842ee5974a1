#pragma once

#include "imagedecoder.h"
#include "imagesclient.h"
#include "model/apierror.h"
#include "model/imagerequest.h"
#include "platform/result.h"
#include "retryschedule.h"
#include "sseparser.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Atelier {

class HttpAttempt;
class ImageDownload;
class StreamIngest;

// One request in flight: sends, retries, streams, decodes. Emits every partial and final image
// as it arrives, then exactly one of failed() or succeeded(), then finished(). The facade over
// the parts of a request: HttpAttempt (one send, its reply sorted by ReplyClassifier),
// StreamIngest (server-sent events to images), ImageDownload (images delivered as URLs) and
// RetrySchedule (what is retried, and when).
class ImageJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageJob)

public:
    enum class State { Sending, Receiving, WaitingToRetry, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    ~ImageJob() override;

    const ImageRequest &request() const { return m_request; }
    State state() const { return m_state; }
    bool isDone() const
    {
        return m_state == State::Succeeded || m_state == State::Failed
            || m_state == State::Cancelled;
    }
    QString requestId() const { return m_requestId; }
    int partialCount() const { return m_partialCount; }
    int imageCount() const { return m_imageCount; }
    const ApiError &error() const { return m_error; }
    const Usage &usage() const { return m_usage; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    // Bytes of the answer read so far (this attempt): progress while a big image arrives.
    qint64 bytesReceived() const;

    // Stops the request. What was already received is still delivered before finished().
    void cancel();

    // Where an image was kept on disk (ImageResult::savedPath): its path, empty when there was
    // nothing to keep it for; and, when it is not where it was meant to go (the library folder
    // stopped taking images, so it went to the fallback folder), why (ImageResult::saveError).
    struct Kept
    {
        QString path;
        QString note = {};
    };

    // Saves each image on the decode thread, right after decoding and before the image is
    // delivered: where it was kept, or why it was not. Set it before returning to the event loop
    // after start(); it may run on any thread, one image at a time per job.
    using Persister = std::function<Result<Kept>(const ImageResult &image)>;
    void setPersister(Persister persister);

    // Takes each streamed image's bytes while they arrive instead of whole at the end (the CLI
    // and the studio write them straight to a file), so that the file is all but written when
    // the last byte comes. Without pixel decoding (DecodeLimits::decodePixels false, the CLI) no
    // multi-megabyte event is gathered in memory at all: the header is checked, and write() runs
    // on the job's thread. With it (the studio), the bytes are also gathered and decoded, and
    // write() runs on the decode thread; should writing fail, the persister keeps the gathered
    // bytes. Images that arrive in one piece (not streamed, or too small to be worth it), and all
    // of them with decoding but ClientOptions::decodeWhileReceiving off, go through the persister.
    class StreamSink
    {
    public:
        // Takes one image's encoded bytes as they arrive (the image itself, an ImageResult, is
        // made from them once they are all there).
        class Writer
        {
        public:
            virtual ~Writer() = default; // not committed: what was written is discarded
            // The next bytes; called on one thread at a time, in order, then commit().
            virtual Status write(QByteArrayView bytes) = 0;
            // All bytes arrived and the header was checked: keep them as `image` describes. Runs
            // on a decode thread. Where they were kept, or why not.
            virtual Result<Kept> commit(const ImageResult &image) = 0;
        };
        virtual ~StreamSink() = default;
        // On the job's thread, when an image's bytes begin: its writer, or why there is none.
        virtual Result<std::unique_ptr<Writer>> begin() = 0;
    };
    void setStreamSink(std::shared_ptr<StreamSink> sink) { m_streamSink = std::move(sink); }

Q_SIGNALS:
    void stateChanged(Atelier::ImageJob::State state);
    void retrying(int retry, int delayMs, const Atelier::ApiError &reason);
    void partialImage(const Atelier::ImageResult &image);
    void imageReady(const Atelier::ImageResult &image);
    void usageReported(const Atelier::Usage &usage);
    void failed(const Atelier::ApiError &error);
    void succeeded();
    void finished();

private:
    friend class ImagesClient;
    ImageJob(ImagesClient *client, quint64 id, const ImageRequest &request);

    void begin(const QList<Violation> &violations);
    void sendAttempt();
    void onMetaData();
    void onAttemptFinished();
    void handleOutcome(DecodeOutcome outcome);
    // Runs `work` on the job's decode thread; `delivers`: it delivers an outcome, waited for.
    void post(std::function<void(const ImageDecoder::Deliver &)> work, bool delivers = true);
    void recycle(QByteArray bytes);
    void startDownload(const ImageResult &image);
    void onDownloadFinished(ImageDownload *download);
    void retryOrFail(const ApiError &error, std::optional<int> serverDelayMs);
    void fail(const ApiError &error);
    void stopTransfers(ApiError::Kind reason, const QString &message);
    void finishIfIdle();
    void setState(State state);
    bool isStreaming() const;
    bool isReplyDone() const;

    ImagesClient *m_client;
    std::shared_ptr<const Persister> m_persister;
    std::shared_ptr<StreamSink> m_streamSink;
    quint64 m_id;
    ImageRequest m_request;
    QNetworkAccessManager *m_network;
    // The current (or last) attempt; its stream's events; the URL images being fetched.
    QPointer<HttpAttempt> m_attempt;
    std::unique_ptr<StreamIngest> m_ingest;
    QList<QPointer<ImageDownload>> m_downloads;
    RetrySchedule m_retry;
    QTimer m_retryTimer;
    QElapsedTimer m_clock;

    State m_state = State::Sending;
    bool m_sawCompleted = false;
    bool m_ending = false; // failed or cancelled: deliver what is pending, then finish
    int m_pendingDecodes = 0;
    int m_partialCount = 0;
    int m_imageCount = 0;
    QString m_requestId;
    ApiError m_error;
    Usage m_usage;
};

} // namespace Atelier
