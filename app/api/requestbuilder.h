#pragma once

#include "platform/result.h"

#include "providerprofile.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QNetworkRequest>

class QHttpMultiPart;

namespace Atelier {

struct ImageRequest;

// One field of a multipart body: text, or a file streamed from disk.
struct MultipartField
{
    QString name;
    QString value; // text fields
    QString filePath; // file fields
    QString fileName;
    QString contentType;
    qint64 bytes = 0;

    bool isFile() const { return !filePath.isEmpty(); }
};

// The exact HTTP request Atelier will send, before it is sent: what --dry-run prints and what the
// client turns into a QNetworkRequest.
struct HttpRequestSpec
{
    QByteArray method = "POST";
    QUrl url;
    HttpHeaders headers; // Content-Type of multipart bodies is added when the body is made
    bool multipart = false;
    QJsonObject json;
    QList<MultipartField> fields;

    QByteArray jsonBody() const;
    // {method, url, headers, json | multipart}; secret header values become "***".
    QJsonObject describe() const;
};

// Turns an ImageRequest into HTTP: JSON for generations, multipart/form-data for edits and
// variations (one image as "image", several as repeated "image[]"; objects as name[key]). Sends
// exactly the options the request sets; callers validate first.
class RequestBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::RequestBuilder)

public:
    static QByteArray userAgent();
    static HttpRequestSpec build(const ImageRequest &request, const ProviderProfile &profile,
                                 const QString &apiKey);
    static QNetworkRequest networkRequest(const HttpRequestSpec &spec);
    // A multipart body whose file parts read from disk as they are sent (nothing is copied into
    // memory); the caller owns it. Fails when a file cannot be opened.
    static Result<QHttpMultiPart *> createMultiPart(const HttpRequestSpec &spec);
    // The multipart text fields of one option: one field, or one per leaf of an object.
    static void appendTextFields(QList<MultipartField> *fields, const QString &name,
                                 const QJsonValue &value);
};

} // namespace Atelier
