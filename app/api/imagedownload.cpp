#include "imagedownload.h"

#include "imageurlpolicy.h"
#include "requestbuilder.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Atelier {

namespace {

constexpr int MaxImageRedirects = 5;

} // namespace

ImageDownload::ImageDownload(QNetworkAccessManager *network, const ImageResult &image,
                             const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_image(image)
    , m_baseUrl(baseUrl)
{ }

ImageDownload::~ImageDownload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

// The messages keep the translation context of ImageJob, whose failures they describe.
Status ImageDownload::start(int transferTimeoutMs, qint64 maxBytes)
{
    // The answer is untrusted: a URL naming a local file or a machine on the user's network is
    // refused before anything is fetched, so the error says the same whatever is there.
    if (const QString refusal = ImageUrlPolicy::refusal(m_image.sourceUrl, m_baseUrl);
        !refusal.isEmpty())
        return failure(refusal);
    // A plain request: the image host gets no Authorization header.
    QNetworkRequest request(m_image.sourceUrl);
    request.setRawHeader("User-Agent", RequestBuilder::userAgent());
    // Each redirect is checked like the URL itself (below).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(MaxImageRedirects);
    request.setTransferTimeout(transferTimeoutMs);
    QNetworkReply *reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::redirected, this, [this, reply](const QUrl &target) {
        if (const QString refusal = ImageUrlPolicy::refusal(target, m_baseUrl);
            !refusal.isEmpty()) {
            m_stopped = ApiError::make(ApiError::Kind::InvalidResponse, refusal);
            reply->abort();
            return;
        }
        Q_EMIT reply->redirectAllowed();
    });
    connect(reply, &QNetworkReply::downloadProgress, this,
            [this, reply, maxBytes](qint64 received, qint64) {
                if (received > maxBytes && !m_stopped.isError()) {
                    m_stopped = ApiError::make(
                        ApiError::Kind::TooLarge,
                        QCoreApplication::translate("Atelier::ImageJob",
                                                    "The image is larger than %1 MB, more than "
                                                    "Atelier accepts; it was refused.")
                            .arg(maxBytes / (1024 * 1024)));
                    reply->abort();
                }
            });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_reply = nullptr;
        if (m_stopped.isError() || reply->error() != QNetworkReply::NoError
            || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 400) {
            m_error = m_stopped.isError()
                ? m_stopped
                : ApiError::make(
                    ApiError::Kind::Network,
                    QCoreApplication::translate("Atelier::ImageJob",
                                                "The image at %1 could not be downloaded: %2. "
                                                "Image URLs expire after 60 minutes.")
                        .arg(m_image.sourceUrl.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo),
                             reply->errorString()));
        } else {
            m_bytes = reply->readAll();
        }
        Q_EMIT finished();
    });
    return success();
}

void ImageDownload::abort()
{
    if (m_reply)
        m_reply->abort();
}

} // namespace Atelier
