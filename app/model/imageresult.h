#pragma once

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace Atelier {

// Token usage as the API reports it (GPT image models only). -1: not reported.
struct Usage
{
    qint64 inputTokens = -1;
    qint64 outputTokens = -1;
    qint64 totalTokens = -1;
    qint64 inputTextTokens = -1;
    qint64 inputImageTokens = -1;
    qint64 outputImageTokens = -1;
    qint64 outputTextTokens = -1;
    // SVG output: the author model's own usage, as the API reports it in "svg_usage"
    // ({model, input_tokens, output_tokens, reasoning_tokens, total_tokens}); empty otherwise.
    QJsonObject svg;

    bool isValid() const { return totalTokens >= 0 || outputTokens >= 0 || !svg.isEmpty(); }
    static Usage fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

// One image the API sent: a partial (streaming) or a final image, with the file bytes exactly as
// received (to save without re-encoding) and, when asked for, the decoded pixels.
struct ImageResult
{
    int index = 0; // final: image index in the response; partial: partial_image_index
    int imageIndex = 0; // which image of the request a partial belongs to
    bool partial = false;
    QByteArray encoded; // the file bytes (png, jpeg, webp, gif, svg)
    QString format; // png, jpeg, webp, gif, svg
    QSize size;
    QImage image; // decoded pixels (null when the client does not decode)
    QImage preview; // fits DecodeLimits::previewSize (null when not asked for)
    QImage thumbnail; // at most DecodeLimits::thumbnailEdge a side
    QString revisedPrompt;
    QUrl sourceUrl; // for response_format=url
    qint64 created = 0;
    // Echoes of what the API used.
    QString echoedSize;
    QString echoedQuality;
    QString echoedBackground;
    QString echoedOutputFormat;
    Usage usage; // final images of GPT image models
    QString requestId;
    // Filled in on the decode thread when the job has a persister (see ImageJob::setPersister).
    QString savedPath;
    QString saveError;
    // Timings on std::chrono::steady_clock (ns), for diagnostics and benchmarks: when
    // the stream event carrying the image was complete, and how long decoding it took
    // (base64, image, preview and thumbnail); 0 when not streamed.
    qint64 receivedAtNs = 0;
    qint64 decodeNs = 0;
};

} // namespace Atelier

Q_DECLARE_METATYPE(Atelier::Usage)
Q_DECLARE_METATYPE(Atelier::ImageResult)
