#include "streamingest.h"

#include "imagesclient.h"

#include <chrono>

namespace Atelier {

namespace {

// Of a streamed image, this much is kept for the header check (JPEG's size comes after its
// metadata segments).
constexpr qsizetype StreamedHeadBytes = 256 * 1024;

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

void SinkTransfer::write(QByteArrayView bytes)
{
    if (!writer)
        return;
    if (const Status written = writer->write(bytes); !written) {
        error = written.error();
        writer.reset(); // discards what was written; the error is reported with the event
    }
}

// Decoding while receiving (`pixels`): the bytes are gathered, decoded and written to the sink on
// the decode thread. Header only (the CLI): they are written to the sink on the job's thread, and
// only the first ones are kept, for the header check.
struct StreamIngest::ArrivingBytes
{
    SinkTransfer sink;
    std::optional<StreamedBytes> pixels;
    QByteArray head;
};

StreamIngest::StreamIngest(const ClientOptions *options, Post post, std::function<Keep()> keeper)
    : m_options(options)
    , m_post(std::move(post))
    , m_keeper(std::move(keeper))
{ }

void StreamIngest::reset()
{
    m_sse = SseParser();
    m_arriving.reset();
    m_arrived.reset();
    m_imagesStreamed = false;
    m_streamSink.reset();
}

void StreamIngest::takeImagesAsTheyArrive(std::shared_ptr<ImageJob::StreamSink> sink)
{
    m_imagesStreamed = true;
    m_streamSink = std::move(sink);
    m_sse.setBase64Sink(
        [this](SseParser::SinkEvent what, QByteArrayView bytes) { onStreamedBytes(what, bytes); });
}

Status StreamIngest::commitAppend(qint64 read)
{
    return dispatch(m_sse.commitAppend(read));
}

void StreamIngest::finish()
{
    // Past the end of the reply, an oversized event no longer matters.
    (void)dispatch(m_sse.finish());
}

void StreamIngest::recycle(QByteArray bytes)
{
    // A streamed image's bytes live in the buffer its event arrived in (decoded in place): if no
    // receiver kept them, that memory takes the next event. (Images taken as they arrive never
    // were in the parser's buffers.)
    if (!m_imagesStreamed)
        m_sse.recycle(std::move(bytes));
}

void StreamIngest::onStreamedBytes(SseParser::SinkEvent what, QByteArrayView bytes)
{
    switch (what) {
    case SseParser::SinkEvent::Begin: {
        m_arriving = std::make_shared<ArrivingBytes>();
        const DecodeLimits &limits = m_options->decode;
        if (limits.decodePixels)
            m_arriving->pixels.emplace(limits);
        if (m_streamSink) {
            Result<std::unique_ptr<ImageJob::StreamSink::Writer>> writer = m_streamSink->begin();
            if (writer)
                m_arriving->sink.writer = std::move(writer).value();
            else
                m_arriving->sink.error = writer.error();
        }
        break;
    }
    case SseParser::SinkEvent::Bytes:
        if (!m_arriving)
            break;
        if (m_arriving->pixels) {
            // Each piece goes to the job's decode thread, in order.
            m_post(
                [arriving = m_arriving,
                 piece = QByteArray(bytes.data(), bytes.size())](const ImageDecoder::Deliver &) {
                    arriving->pixels->append(piece);
                    arriving->sink.write(piece);
                },
                false);
            break;
        }
        if (m_arriving->head.size() < StreamedHeadBytes)
            m_arriving->head.append(
                bytes.first(std::min(bytes.size(), StreamedHeadBytes - m_arriving->head.size())));
        m_arriving->sink.write(bytes);
        break;
    case SseParser::SinkEvent::End:
        if (m_arriving && m_arriving->pixels)
            m_arriving->pixels->markComplete();
        m_arrived = std::exchange(m_arriving, {});
        break;
    case SseParser::SinkEvent::Abort:
        m_arriving.reset();
        break;
    }
}

Status StreamIngest::dispatch(QList<SseEvent> events)
{
    for (SseEvent &event : events) {
        const DecodeLimits limits = m_options->decode;
        if (event.streamFailed || event.streamedBytes >= 0) {
            // The image's bytes were taken as they came (onStreamedBytes): what is left is the
            // event's JSON, and the image's pixels (decoded on this same thread, by the tasks
            // before this one) or its header; then the sink keeps the file.
            std::shared_ptr<ArrivingBytes> arrived = std::exchange(m_arrived, {});
            m_post(
                [type = event.type, payload = std::exchange(event.data, {}), limits,
                 failed = event.streamFailed || !arrived, arrived,
                 withSink = m_streamSink != nullptr, receivedAt = monotonicNs(),
                 keep = m_keeper()](const ImageDecoder::Deliver &deliver) mutable {
                    const qint64 decodeStart = monotonicNs();
                    DecodeOutcome outcome = failed ? ImageDecoder::streamFailure(type)
                        : arrived->pixels
                        ? ImageDecoder::decodeStreamedImage(type, std::move(payload),
                                                            *arrived->pixels, limits)
                        : ImageDecoder::decodeStreamedEvent(type, std::move(payload), arrived->head,
                                                            limits);
                    outcome.image.receivedAtNs = receivedAt;
                    outcome.image.decodeNs = monotonicNs() - decodeStart;
                    keep(outcome, withSink && arrived ? &arrived->sink : nullptr);
                    arrived.reset(); // an uncommitted sink file goes now
                    deliver(std::move(outcome));
                },
                true);
            continue;
        }
        // Moved, not shared: the decoder then works on the event text in place.
        m_post(
            [type = event.type, payload = std::exchange(event.data, {}), limits,
             receivedAt = monotonicNs(),
             keep = m_keeper()](const ImageDecoder::Deliver &deliver) mutable {
                const qint64 decodeStart = monotonicNs();
                DecodeOutcome outcome = ImageDecoder::decodeEvent(type, std::move(payload), limits);
                outcome.image.receivedAtNs = receivedAt;
                outcome.image.decodeNs = monotonicNs() - decodeStart;
                keep(outcome, nullptr);
                deliver(std::move(outcome));
            },
            true);
    }
    if (m_sse.pendingBytes() > m_options->maxEventBytes)
        return failure(QCoreApplication::translate("Atelier::ImageJob",
                                                   "A streamed event is larger than %1 MB, more "
                                                   "than Atelier accepts; the stream was stopped.")
                           .arg(m_options->maxEventBytes / (1024 * 1024)));
    return success();
}

} // namespace Atelier
