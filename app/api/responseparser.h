#pragma once

#include <optional>

#include "model/apierror.h"
#include "model/imageresult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

namespace Atelier {

// One image entry of a non-streaming response, before decoding.
struct ResponseImage
{
    QByteArray base64; // b64_json, still encoded
    QUrl url; // response_format=url
    QString revisedPrompt;
};

struct ImagesResponse
{
    qint64 created = 0;
    QList<ResponseImage> images;
    QString size;
    QString quality;
    QString background;
    QString outputFormat;
    Usage usage;
};

// A parsed streaming event.
struct StreamEvent
{
    enum class Type { PartialImage, Completed, Error, Unknown };
    Type type = Type::Unknown;
    QByteArray name; // e.g. image_generation.partial_image
    int partialIndex = 0;
    QByteArray base64;
    qint64 createdAt = 0;
    QString size;
    QString quality;
    QString background;
    QString outputFormat;
    Usage usage;
    ApiError error; // Type::Error
};

// Parses what the Images API sends back. Pure functions, safe on any thread. Base64 image data
// is cut out of the JSON text before the rest is parsed, so a 20 MB string is never turned into
// a QJsonValue or a QString.
class ResponseParser final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::ResponseParser)

public:
    // Removes the string values of every "b64_json" key from `json` (leaving "") and returns
    // them in document order. Values with escape sequences are left for the JSON parser.
    static QList<QByteArray> extractBase64Fields(QByteArray &json);
    // Where the "b64_json" string values lie in `json` (begin, end of the text between the
    // quotes), skipping values with escape sequences.
    static QList<std::pair<qsizetype, qsizetype>> base64Ranges(const QByteArray &json);

    static bool parseImagesResponse(QByteArray body, ImagesResponse *response, ApiError *error);
    // The images answer `root` (its "b64_json" strings cut out by extractBase64Fields() as
    // `extracted`): the settings it echoes, its usage and its image entries, none checked.
    static ImagesResponse imagesResponseFrom(const QJsonObject &root,
                                             const QList<QByteArray> &extracted);
    // The index of the first image entry of `response` with neither data nor a URL, or -1.
    static qsizetype missingImage(const ImagesResponse &response);
    // With `imageStreamed`, the image string was taken out as the event arrived (it is empty in
    // `data`, and `base64` stays empty).
    static StreamEvent parseStreamEvent(const QByteArray &eventName, QByteArray data,
                                        bool imageStreamed = false);
    // The API's error object ({"error": {message, type, param, code}}) or a readable stand-in
    // for a body that is not one (an HTML error page from a proxy, say).
    static ApiError parseErrorBody(int httpStatus, const QByteArray &body,
                                   const QString &requestId);
    // The <title> of an HTML page (empty when it has none); nullopt when `body` is no HTML page.
    static std::optional<QString> htmlPageTitle(const QByteArray &body);
    // The API's error object ({message, type, param, code}) as an ApiError; also what the
    // Responses API reports.
    static ApiError errorFromObject(const QJsonObject &object);
};

} // namespace Atelier
