#pragma once

#include "model/apierror.h"
#include "model/imageresult.h"
#include "responseparser.h"

#include <QCoreApplication>
#include <QObject>

#include <QSize>

#include <atomic>
#include <functional>
#include <memory>

namespace Atelier {

// Limits on what the client accepts from a server.
struct DecodeLimits
{
    int maxEdge = 16384; // pixels on either side
    qint64 maxPixels = 64LL * 1024 * 1024; // 8192x8192
    bool decodePixels = true; // false: check the header only (the CLI saves bytes as received)
    // Also make display-sized copies off the GUI thread (empty / 0: none): a preview that fits
    // the box (aspect ratio kept, never enlarged) — the window passes its view's size, so that it
    // can show the preview as it is — and a thumbnail; showing an image then never scales
    // megapixels on the GUI thread.
    QSize previewSize;
    int thumbnailEdge = 0;
};

namespace PngDecoder {
class StreamDecoder;
}

// The encoded bytes of one streamed image, before it is an ImageResult: handed over piece by piece
// as its base64 is decoded (see SseParser::setBase64Sink), kept, and a PNG's pixels decoded on the
// way, so that little is left to do when the last piece comes. append() runs on one thread at a
// time, in order; markComplete() on any thread.
class StreamedBytes
{
public:
    explicit StreamedBytes(const DecodeLimits &limits);
    ~StreamedBytes();
    StreamedBytes(const StreamedBytes &) = delete;
    StreamedBytes &operator=(const StreamedBytes &) = delete;

    void append(QByteArrayView bytes);
    // The last piece has arrived (it may still wait to be appended). From then on, a decoder far
    // behind (a fast local link) stops: decoding the whole bytes at once is then sooner.
    void markComplete() { m_complete.store(true, std::memory_order_relaxed); }
    qsizetype size() const { return m_bytes.size(); }
    // After the last append(): the bytes, and the pixels if they were decoded on the way (null:
    // decode the bytes as usual).
    QByteArray takeBytes() { return std::exchange(m_bytes, {}); }
    QImage takePixels();

private:
    QByteArray m_bytes;
    std::unique_ptr<PngDecoder::StreamDecoder> m_png;
    std::atomic<bool> m_complete = false;
};

// What a decode produced: an image, or why there is none.
struct DecodeOutcome
{
    enum class What { PartialImage, FinalImage, UrlToDownload, ResponseDone, Error, Ignored };
    What what = What::Ignored;
    ImageResult image;
    Usage usage;
    ApiError error;
    bool lastOfTask = true; // the job counts tasks: each delivers exactly one last outcome
};

// Decodes what the API sent, off the GUI thread: base64, image headers and pixels, with size
// limits. Lives in a worker thread; each call posts its outcomes back through `deliver`.
class ImageDecoder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageDecoder)

public:
    // By value: the outcome moves on to the job's thread, which then holds the only reference to
    // the image's bytes (and may recycle their buffer).
    using Deliver = std::function<void(DecodeOutcome outcome)>;

    explicit ImageDecoder(QObject *parent = nullptr)
        : QObject(parent)
    { }

    // A streamed event: one outcome (partial, final image with usage, error or ignored).
    static DecodeOutcome decodeEvent(const QByteArray &eventName, QByteArray data,
                                     const DecodeLimits &limits);
    // A streamed event whose image went to a stream sink as it arrived (ImageJob::StreamSink):
    // the event's JSON without the image string, and the image's first bytes, whose header is
    // checked (format, size, limits; no pixels). The image's `encoded` stays empty.
    static DecodeOutcome decodeStreamedEvent(const QByteArray &eventName, QByteArray data,
                                             const QByteArray &head, const DecodeLimits &limits);
    // A streamed event whose image's bytes were gathered (and a PNG decoded) as they arrived:
    // the event's JSON without the image string, and the image. As decodeEvent() gives it.
    static DecodeOutcome decodeStreamedImage(const QByteArray &eventName, QByteArray data,
                                             StreamedBytes &streamed, const DecodeLimits &limits);
    // A streamed image string that was not base64, or broke off.
    static DecodeOutcome streamFailure(const QByteArray &eventName);
    // A whole JSON response: one outcome per image (decoded, or a URL to download), then
    // ResponseDone (carrying usage) or Error.
    static void decodeResponse(QByteArray body, const DecodeLimits &limits, const Deliver &deliver);
    // Whether an image of `size` is within the limits; if not, `error` says why.
    static bool sizeAllowed(const QSize &size, const DecodeLimits &limits, ApiError *error);
    // The bytes of one image file; fills in format, size and (if asked) pixels. `decoded`: the
    // pixels of these bytes if a PNG was decoded already (StreamedBytes).
    static bool decodeImage(QByteArray bytes, const DecodeLimits &limits, ImageResult *image,
                            ApiError *error, QImage decoded = {});
    // decodeImage for an SVG document (output_format svg): its size from the document, its
    // pixels, preview and thumbnail drawn at their sizes.
    static bool decodeSvg(QByteArray bytes, const DecodeLimits &limits, ImageResult *image,
                          ApiError *error);
};

} // namespace Atelier
