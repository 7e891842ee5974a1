#pragma once

#include "model/apierror.h"
#include "model/imageresult.h"
#include "platform/result.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Atelier {

// The download of one image the API delivered as a URL (response_format=url). The URL is
// untrusted: it, and every redirect, must pass ImageUrlPolicy for the provider's base URL, the
// image host gets no Authorization header, and the bytes are capped. Lives on the thread of its
// network manager.
class ImageDownload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageDownload)

public:
    // `image` carries the URL (sourceUrl) and what the answer said about the image.
    ImageDownload(QNetworkAccessManager *network, const ImageResult &image, const QUrl &baseUrl,
                  QObject *parent = nullptr);
    ~ImageDownload() override; // a download still running is aborted, without signals

    // Starts the download; fails (and fetches nothing) when the URL is refused.
    Status start(int transferTimeoutMs, qint64 maxBytes);
    // Stops it; finished() follows, with an error.
    void abort();

    const ImageResult &image() const { return m_image; }
    // After finished(): why it failed (none: the bytes are there).
    const ApiError &error() const { return m_error; }
    QByteArray takeBytes() { return std::exchange(m_bytes, {}); }

Q_SIGNALS:
    void finished();

private:
    QNetworkAccessManager *m_network;
    ImageResult m_image;
    QUrl m_baseUrl;
    QPointer<QNetworkReply> m_reply;
    // Why the download was stopped, when it was: said instead of Qt's "Operation canceled".
    ApiError m_stopped;
    ApiError m_error;
    QByteArray m_bytes;
};

} // namespace Atelier
