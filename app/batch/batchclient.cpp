#include "batchclient.h"

#include "api/requestbuilder.h"
#include "api/responseparser.h"
#include "api/retrypolicy.h"
#include "imaging/imagefileinfo.h"

#include <QFile>
#include <QFileInfo>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Atelier {

BatchClient::BatchClient(const ProviderProfile &profile, const QString &apiKey, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_apiKey(apiKey)
{ }

BatchClient::~BatchClient()
{
    // No callback runs from here: the callers are going away too.
    m_cancelled = true;
    const QList<QNetworkReply *> replies
        = findChildren<QNetworkReply *>(Qt::FindDirectChildrenOnly);
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

Status BatchClient::checkSupported(const ProviderProfile &profile)
{
    if (profile.kind == ProviderProfile::Kind::Azure)
        return failure(
            tr("Azure OpenAI's Batch API works differently (global-batch deployments and "
               "files of its own); Atelier sends batches to OpenAI or to a gateway with "
               "OpenAI's /files and /batches endpoints. Nothing was sent."));
    return success();
}

QNetworkRequest BatchClient::request(const QString &path, const QByteArray &accept) const
{
    HttpRequestSpec spec;
    spec.url = m_profile.apiUrl(path);
    spec.headers = m_profile.headers(m_apiKey);
    spec.headers.append({"User-Agent", RequestBuilder::userAgent()});
    spec.headers.append({"Accept", accept});
    QNetworkRequest request = RequestBuilder::networkRequest(spec);
    request.setTransferTimeout(m_idleTimeoutMs);
    return request;
}

void BatchClient::finishJson(QNetworkReply *reply, Answer answer,
                             const std::function<void()> &retry, int attempt)
{
    reply->deleteLater();
    if (m_cancelled) {
        answer({},
               ApiError::make(ApiError::Kind::Cancelled, tr("Stopped before the answer came.")));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QString requestId = QString::fromLatin1(reply->rawHeader("x-request-id"));
    ApiError error;
    if (status >= 400) {
        error = ResponseParser::parseErrorBody(status, body, requestId);
        error.retryable = RetryPolicy::isRetryableStatus(status);
    } else if (reply->error() != QNetworkReply::NoError) {
        const bool timeout = reply->error() == QNetworkReply::OperationCanceledError;
        error = ApiError::make(timeout ? ApiError::Kind::Timeout : ApiError::Kind::Network,
                               reply->errorString());
        error.retryable = timeout || RetryPolicy::isRetryableNetworkError(reply->error());
    }
    if (error.isError()) {
        if (retry && error.retryable && attempt < m_maxRetries) {
            const RetryPolicy policy;
            const int delay = RetryPolicy::serverDelayMs(reply->rawHeader("retry-after-ms"),
                                                         reply->rawHeader("retry-after"))
                                  .value_or(policy.backoffMs(
                                      attempt + 1, QRandomGenerator::global()->generateDouble()));
            QTimer::singleShot(delay, this, retry);
            return;
        }
        answer({}, error);
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        answer({},
               ApiError::make(ApiError::Kind::InvalidResponse,
                              tr("The server's answer is not the JSON the API sends (%1).")
                                  .arg(parseError.errorString())));
        return;
    }
    answer(document.object(), ApiError());
}

void BatchClient::sendJson(const QByteArray &verb, const QString &path, const QByteArray &body,
                           Answer answer, int attempt)
{
    if (m_cancelled) {
        answer({}, ApiError::make(ApiError::Kind::Cancelled, tr("Stopped before sending.")));
        return;
    }
    QNetworkRequest networkRequest = request(path, "application/json");
    QNetworkReply *reply = nullptr;
    if (verb == "GET") {
        reply = m_network.get(networkRequest);
    } else {
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                                 QByteArrayLiteral("application/json"));
        reply = m_network.post(networkRequest, body);
    }
    reply->setParent(this);
    // Reading a batch may be repeated safely; creating or cancelling one is not retried
    // (a second create would start a second, paid batch).
    std::function<void()> retry;
    if (verb == "GET")
        retry = [this, verb, path, body, answer, attempt] {
            sendJson(verb, path, body, answer, attempt + 1);
        };
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, answer, retry, attempt] { finishJson(reply, answer, retry, attempt); });
}

void BatchClient::uploadFile(const QString &path, const QString &purpose, Answer answer)
{
    auto *multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType, this);
    QHttpPart purposePart;
    purposePart.setRawHeader("Content-Disposition", "form-data; name=\"purpose\"");
    purposePart.setBody(purpose.toUtf8());
    multiPart->append(purposePart);
    auto *file = new QFile(path, multiPart);
    if (!file->open(QIODevice::ReadOnly)) {
        delete multiPart;
        answer({},
               ApiError::make(
                   ApiError::Kind::InvalidRequest,
                   tr("%1 cannot be opened for sending: %2.").arg(path, file->errorString())));
        return;
    }
    QHttpPart filePart;
    QByteArray fileName = QFileInfo(path).fileName().toUtf8();
    fileName.replace('"', "%22").replace('\r', "").replace('\n', "");
    filePart.setRawHeader("Content-Disposition",
                          "form-data; name=\"file\"; filename=\"" + fileName + '"');
    const QString imageFormat = ImageFileInfo::inspect(path).format;
    filePart.setHeader(QNetworkRequest::ContentTypeHeader,
                       path.endsWith(u".jsonl"_s) ? QByteArrayLiteral("application/jsonl")
                           : imageFormat.isEmpty()
                           ? QByteArrayLiteral("application/octet-stream")
                           : ImageFileInfo::mimeTypeForFormat(imageFormat).toLatin1());
    filePart.setBodyDevice(file);
    multiPart->append(filePart);
    QNetworkRequest networkRequest = request(u"files"_s, "application/json");
    networkRequest.setHeader(
        QNetworkRequest::ContentTypeHeader,
        QByteArray("multipart/form-data; boundary=\"" + multiPart->boundary() + '"'));
    QNetworkReply *reply = m_network.post(networkRequest, multiPart);
    reply->setParent(this);
    multiPart->setParent(reply);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, answer] { finishJson(reply, answer, {}, 0); });
}

void BatchClient::createBatch(const QString &inputFileId, const QString &endpoint,
                              const QJsonObject &metadata, Answer answer)
{
    QJsonObject body {{u"input_file_id"_s, inputFileId},
                      {u"endpoint"_s, endpoint},
                      {u"completion_window"_s, u"24h"_s}};
    if (!metadata.isEmpty())
        body.insert(u"metadata"_s, metadata);
    sendJson("POST", u"batches"_s, QJsonDocument(body).toJson(QJsonDocument::Compact), answer);
}

void BatchClient::retrieveBatch(const QString &batchId, Answer answer)
{
    sendJson("GET", u"batches/"_s + QString::fromLatin1(QUrl::toPercentEncoding(batchId)), {},
             answer);
}

void BatchClient::cancelBatch(const QString &batchId, Answer answer)
{
    sendJson("POST",
             u"batches/"_s + QString::fromLatin1(QUrl::toPercentEncoding(batchId)) + u"/cancel"_s,
             {}, answer);
}

void BatchClient::downloadLines(const QString &fileId, BatchFetcher::LineHandler line, Done done)
{
    if (m_cancelled) {
        done(ApiError::make(ApiError::Kind::Cancelled, tr("Stopped before sending.")));
        return;
    }
    const QString path
        = u"files/"_s + QString::fromLatin1(QUrl::toPercentEncoding(fileId)) + u"/content"_s;
    QNetworkReply *reply = m_network.get(request(path, "application/jsonl, */*"));
    auto *fetcher = new BatchFetcher(reply, std::move(line), this);
    connect(fetcher, &BatchFetcher::finished, this, [fetcher, done](const ApiError &error) {
        fetcher->deleteLater();
        done(error);
    });
}

void BatchClient::cancelAll()
{
    m_cancelled = true;
    const QList<BatchFetcher *> fetchers = findChildren<BatchFetcher *>();
    for (BatchFetcher *fetcher : fetchers)
        fetcher->abort();
    const QList<QNetworkReply *> replies = findChildren<QNetworkReply *>();
    for (QNetworkReply *reply : replies)
        reply->abort();
}

} // namespace Atelier
