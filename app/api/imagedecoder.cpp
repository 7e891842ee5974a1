#include "imagedecoder.h"

#include "base64.h"
#include "imaging/imagefile.h"
#include "imaging/imagefileinfo.h"
#include "imaging/pngdecoder.h"
#include "imaging/svgimage.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// Free functions here translate in the class's context (lupdate reads the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::ImageDecoder)
};

// What the API says it used, copied onto each image.
void setEchoes(ImageResult *image, const QString &size, const QString &quality,
               const QString &background, const QString &outputFormat)
{
    image->echoedSize = size;
    image->echoedQuality = quality;
    image->echoedBackground = background;
    image->echoedOutputFormat = outputFormat;
}

bool fromBase64(QByteArray base64, QByteArray *bytes, ApiError *error)
{
    if (!decodeBase64InPlace(base64) || base64.isEmpty()) {
        *error = ApiError::make(ApiError::Kind::Decode,
                                Text::tr("The server sent image data that is not valid base64."));
        return false;
    }
    *bytes = std::move(base64);
    return true;
}

} // namespace

bool ImageDecoder::sizeAllowed(const QSize &size, const DecodeLimits &limits, ApiError *error)
{
    if (size.isValid() && size.width() <= limits.maxEdge && size.height() <= limits.maxEdge
        && qint64(size.width()) * size.height() <= limits.maxPixels)
        return true;
    *error = ApiError::make(ApiError::Kind::Decode,
                            size.isValid()
                                ? Text::tr("The server sent an image of %1x%2 pixels, larger than "
                                           "Atelier accepts (%3 pixels a side); it was refused.")
                                      .arg(size.width())
                                      .arg(size.height())
                                      .arg(limits.maxEdge)
                                : Text::tr("The server sent an image whose size cannot be read."));
    return false;
}

bool ImageDecoder::decodeSvg(QByteArray bytes, const DecodeLimits &limits, ImageResult *image,
                             ApiError *error)
{
    const QSize size = SvgImage::defaultSize(bytes);
    if (!size.isValid()) {
        *error = ApiError::make(ApiError::Kind::Decode,
                                Text::tr("The server sent an SVG document Atelier cannot read."));
        return false;
    }
    if (!sizeAllowed(size, limits, error))
        return false;
    image->format = u"svg"_s;
    image->size = size;
    if (limits.decodePixels) {
        // Drawn at each size it is shown at, so the preview and thumbnail are sharp.
        QImage pixels = SvgImage::render(bytes, size);
        if (pixels.isNull()) {
            *error
                = ApiError::make(ApiError::Kind::Decode,
                                 Text::tr("The server sent an SVG document Atelier cannot draw."));
            return false;
        }
        if (!limits.previewSize.isEmpty())
            image->preview = SvgImage::render(
                bytes, size.scaled(limits.previewSize, Qt::KeepAspectRatio).boundedTo(size));
        if (limits.thumbnailEdge > 0)
            image->thumbnail = SvgImage::render(
                bytes,
                size.scaled(QSize(limits.thumbnailEdge, limits.thumbnailEdge), Qt::KeepAspectRatio)
                    .boundedTo(size));
        image->image = std::move(pixels);
    }
    image->encoded = std::move(bytes);
    return true;
}

bool ImageDecoder::decodeImage(QByteArray bytes, const DecodeLimits &limits, ImageResult *image,
                               ApiError *error, QImage decoded)
{
    if (SvgImage::looksLikeSvg(bytes))
        return decodeSvg(std::move(bytes), limits, image, error);
    // The API sends PNG, JPEG, WebP or GIF: name the format from its first bytes, so only that
    // handler is used (PNG is built into Qt; guessing would load every image plugin).
    const QByteArray sniffed
        = sniffImageFormat(QByteArrayView(bytes).first(std::min<qsizetype>(16, bytes.size())));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, sniffed);
    reader.setAutoDetectImageFormat(false);
    const QByteArray format
        = !sniffed.isEmpty() && reader.canRead() ? reader.format() : QByteArray();
    if (format.isEmpty()) {
        *error = ApiError::make(
            ApiError::Kind::Decode,
            Text::tr("The server sent data that is not an image Atelier can read."));
        return false;
    }
    const QSize size = reader.size();
    if (!sizeAllowed(size, limits, error))
        return false;
    image->format = QString::fromLatin1(format).toLower();
    if (image->format == u"jpg")
        image->format = u"jpeg"_s;
    image->size = size;
    if (limits.decodePixels) {
        // PNG, what the API sends unless asked otherwise, with the fast reader where it can;
        // Qt's reader for everything else (and for any PNG the fast one leaves to it).
        QImage pixels = format == "png" ? std::move(decoded) : QImage();
        if (pixels.isNull() && (format != "png" || !PngDecoder::decode(bytes, &pixels)))
            pixels = reader.read();
        if (pixels.isNull()) {
            *error = ApiError::make(
                ApiError::Kind::Decode,
                Text::tr("The server sent a damaged image (%1).").arg(reader.errorString()));
            return false;
        }
        if (!limits.previewSize.isEmpty())
            image->preview = ImageFile::fitted(pixels, limits.previewSize);
        if (limits.thumbnailEdge > 0)
            image->thumbnail = ImageFile::fitted(image->preview.isNull() ? pixels : image->preview,
                                                 QSize(limits.thumbnailEdge, limits.thumbnailEdge));
        image->image = std::move(pixels);
    }
    buffer.close();
    image->encoded = std::move(bytes);
    return true;
}

namespace {

// What a stream event says besides its image: Ignored or Error outcomes are final; for an image
// event the outcome's image is described and true returned.
bool describeStreamEvent(const StreamEvent &event, DecodeOutcome *outcome)
{
    switch (event.type) {
    case StreamEvent::Type::Unknown:
        outcome->what = DecodeOutcome::What::Ignored;
        return false;
    case StreamEvent::Type::Error:
        outcome->what = DecodeOutcome::What::Error;
        outcome->error = event.error;
        return false;
    case StreamEvent::Type::PartialImage:
    case StreamEvent::Type::Completed:
        break;
    }
    ImageResult &image = outcome->image;
    image.partial = event.type == StreamEvent::Type::PartialImage;
    image.index = event.partialIndex;
    image.created = event.createdAt;
    setEchoes(&image, event.size, event.quality, event.background, event.outputFormat);
    outcome->usage = event.usage;
    image.usage = event.usage;
    return true;
}

} // namespace

DecodeOutcome ImageDecoder::decodeEvent(const QByteArray &eventName, QByteArray data,
                                        const DecodeLimits &limits)
{
    DecodeOutcome outcome;
    StreamEvent event = ResponseParser::parseStreamEvent(eventName, std::move(data));
    if (!describeStreamEvent(event, &outcome))
        return outcome;
    ImageResult &image = outcome.image;
    QByteArray bytes;
    if (!fromBase64(std::exchange(event.base64, {}), &bytes, &outcome.error)
        || !decodeImage(std::move(bytes), limits, &image, &outcome.error)) {
        outcome.what = DecodeOutcome::What::Error;
        return outcome;
    }
    outcome.what
        = image.partial ? DecodeOutcome::What::PartialImage : DecodeOutcome::What::FinalImage;
    return outcome;
}

DecodeOutcome ImageDecoder::decodeStreamedEvent(const QByteArray &eventName, QByteArray data,
                                                const QByteArray &head, const DecodeLimits &limits)
{
    DecodeOutcome outcome;
    const StreamEvent event = ResponseParser::parseStreamEvent(eventName, std::move(data), true);
    if (!describeStreamEvent(event, &outcome))
        return outcome;
    ImageResult &image = outcome.image;
    // A PNG's size is in its first chunk, whatever metadata comes before its pixels; other
    // formats are asked of Qt's reader with the first bytes.
    bool checked = false;
    if (const QSize pngSize = PngDecoder::headerSize(head); pngSize.isValid()) {
        image.format = u"png"_s;
        image.size = pngSize;
        checked = sizeAllowed(image.size, limits, &outcome.error);
    } else if (!head.isEmpty()) {
        DecodeLimits headerOnly = limits;
        headerOnly.decodePixels = false;
        checked = decodeImage(head, headerOnly, &image, &outcome.error);
        image.encoded.clear(); // only the first bytes: the file is the sink's
    } else {
        outcome.error
            = ApiError::make(ApiError::Kind::Decode, Text::tr("The server sent an empty image."));
    }
    if (!checked) {
        outcome.what = DecodeOutcome::What::Error;
        return outcome;
    }
    outcome.what
        = image.partial ? DecodeOutcome::What::PartialImage : DecodeOutcome::What::FinalImage;
    return outcome;
}

StreamedBytes::StreamedBytes(const DecodeLimits &limits)
{
    if (limits.decodePixels)
        m_png = std::make_unique<PngDecoder::StreamDecoder>(limits.maxEdge, limits.maxPixels);
}

StreamedBytes::~StreamedBytes() = default;

void StreamedBytes::append(QByteArrayView bytes)
{
    m_bytes.append(bytes);
    if (!m_png)
        return;
    // Far behind a fast link: when the last byte is in and not an eighth of the rows is done,
    // decoding the whole bytes at once is sooner (the stream decoder takes about 1.12 times as
    // long as the whole-bytes reader for an image).
    if (m_complete.load(std::memory_order_relaxed)) {
        const QSize size = PngDecoder::headerSize(m_bytes);
        if (size.isValid() && m_png->rowsDone() < size.height() / 8) {
            m_png.reset();
            return;
        }
    }
    // Not a PNG (JPEG, WebP), or one it gives up on: the whole bytes are decoded at the end, and
    // any error named there.
    if (!m_png->feed(bytes))
        m_png.reset();
}

QImage StreamedBytes::takePixels()
{
    QImage pixels;
    if (m_png && !m_png->finish(&pixels))
        pixels = QImage();
    m_png.reset();
    return pixels;
}

DecodeOutcome ImageDecoder::decodeStreamedImage(const QByteArray &eventName, QByteArray data,
                                                StreamedBytes &streamed, const DecodeLimits &limits)
{
    DecodeOutcome outcome;
    const StreamEvent event = ResponseParser::parseStreamEvent(eventName, std::move(data), true);
    if (!describeStreamEvent(event, &outcome))
        return outcome;
    ImageResult &image = outcome.image;
    QImage pixels = streamed.takePixels();
    const QByteArray bytes = streamed.takeBytes();
    if (bytes.isEmpty()) {
        outcome.error
            = ApiError::make(ApiError::Kind::Decode, Text::tr("The server sent an empty image."));
        outcome.what = DecodeOutcome::What::Error;
        return outcome;
    }
    if (!decodeImage(bytes, limits, &image, &outcome.error, std::move(pixels))) {
        outcome.what = DecodeOutcome::What::Error;
        return outcome;
    }
    outcome.what
        = image.partial ? DecodeOutcome::What::PartialImage : DecodeOutcome::What::FinalImage;
    return outcome;
}

DecodeOutcome ImageDecoder::streamFailure(const QByteArray &eventName)
{
    DecodeOutcome outcome;
    outcome.what = DecodeOutcome::What::Error;
    outcome.error = ApiError::make(
        ApiError::Kind::InvalidResponse,
        Text::tr("The image data of a streamed %1 event is not base64, or it broke off.")
            .arg(QString::fromUtf8(eventName.isEmpty() ? QByteArray("image") : eventName)));
    return outcome;
}

void ImageDecoder::decodeResponse(QByteArray body, const DecodeLimits &limits,
                                  const Deliver &deliver)
{
    ImagesResponse response;
    DecodeOutcome done;
    if (!ResponseParser::parseImagesResponse(std::move(body), &response, &done.error)) {
        done.what = DecodeOutcome::What::Error;
        deliver(std::move(done));
        return;
    }
    for (qsizetype i = 0; i < response.images.size(); ++i) {
        ResponseImage &entry = response.images[i];
        DecodeOutcome outcome;
        ImageResult &image = outcome.image;
        image.index = int(i);
        image.imageIndex = int(i);
        image.created = response.created;
        image.revisedPrompt = entry.revisedPrompt;
        setEchoes(&image, response.size, response.quality, response.background,
                  response.outputFormat);
        image.usage = response.usage;
        outcome.lastOfTask = false;
        if (entry.base64.isEmpty()) {
            image.sourceUrl = entry.url;
            outcome.what = DecodeOutcome::What::UrlToDownload;
            deliver(std::move(outcome));
            continue;
        }
        QByteArray bytes;
        if (!fromBase64(std::exchange(entry.base64, {}), &bytes, &outcome.error)
            || !decodeImage(std::move(bytes), limits, &image, &outcome.error)) {
            outcome.what = DecodeOutcome::What::Error;
            outcome.lastOfTask = true;
            deliver(std::move(outcome));
            return;
        }
        outcome.what = DecodeOutcome::What::FinalImage;
        deliver(std::move(outcome));
    }
    done.what = DecodeOutcome::What::ResponseDone;
    done.usage = response.usage;
    deliver(std::move(done));
}

} // namespace Atelier
