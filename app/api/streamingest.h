#pragma once

#include "imagedecoder.h"
#include "imagejob.h"
#include "platform/result.h"
#include "sseparser.h"

#include <functional>
#include <memory>
#include <optional>

namespace Atelier {

struct ClientOptions;

// One image's encoded bytes on their way into the stream sink: its writer (null once the sink
// failed; what was written is then discarded), and why it failed.
struct SinkTransfer
{
    std::shared_ptr<ImageJob::StreamSink::Writer> writer;
    QString error;
    void write(QByteArrayView bytes);
};

// The stream of one attempt, from bytes to decode tasks: server-sent events parsed as they come,
// each event's image posted to the job's decode thread, and, when the images are taken as they
// arrive, their bytes handed to a StreamedBytes (pixels decoded on the way) and/or the stream
// sink while the event is still arriving. Lives on the job's thread.
class StreamIngest final
{
public:
    using Work = std::function<void(const ImageDecoder::Deliver &)>;
    // Runs a task on the job's decode thread, in order; `delivers`: it delivers an outcome, which
    // the job waits for.
    using Post = std::function<void(Work work, bool delivers)>;
    // After decoding, on the decode thread: keeps what decoded, with the stream sink that took
    // its bytes (`sunk`), else as the job does.
    using Keep = std::function<void(DecodeOutcome &outcome, const SinkTransfer *sunk)>;

    // `options` must outlive the ingest. `keeper` makes the Keep for each event's task.
    StreamIngest(const ClientOptions *options, Post post, std::function<Keep()> keeper);
    StreamIngest(const StreamIngest &) = delete;
    StreamIngest &operator=(const StreamIngest &) = delete;

    // A new attempt: nothing of the last stream is kept.
    void reset();
    // This attempt's images are taken as their bytes arrive, given to `sink` (may be null: the
    // bytes are only decoded).
    void takeImagesAsTheyArrive(std::shared_ptr<ImageJob::StreamSink> sink);
    bool takesImagesAsTheyArrive() const { return m_imagesStreamed; }

    // The bytes of the stream, read into the parser's buffer (see SseParser::prepareAppend).
    // Fails when an event has grown over the limit: the stream must stop.
    char *prepareAppend(qsizetype count) { return m_sse.prepareAppend(count); }
    Status commitAppend(qint64 read);
    // The reply ended: an image still arriving never will (its sink file goes).
    void dropArriving() { m_arriving.reset(); }
    // The stream ended cleanly: dispatches an event whose last blank line never came.
    void finish();
    // A delivered image's bytes, which may have lived in the parser's buffer.
    void recycle(QByteArray bytes);

private:
    struct ArrivingBytes;
    void onStreamedBytes(SseParser::SinkEvent what, QByteArrayView bytes);
    Status dispatch(QList<SseEvent> events);

    const ClientOptions *m_options;
    Post m_post;
    std::function<Keep()> m_keeper;
    SseParser m_sse;
    std::shared_ptr<ImageJob::StreamSink> m_streamSink;
    bool m_imagesStreamed = false; // this attempt's images come through the parser's sink
    // A streamed image whose bytes are arriving, and the one whose bytes are complete (its event
    // follows).
    std::shared_ptr<ArrivingBytes> m_arriving;
    std::shared_ptr<ArrivingBytes> m_arrived;
};

} // namespace Atelier
