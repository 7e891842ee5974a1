#include "modellister.h"

#include "requestbuilder.h"
#include "responseparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// A models list is a few kilobytes (OpenAI's has about a hundred entries); anything near this is
// not one, and is not kept in memory.
constexpr qint64 MaxModelsBytes = 8 * 1024 * 1024;

} // namespace

ModelLister::ModelLister(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{ }

ModelLister::~ModelLister()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QStringList ModelLister::imageModels(const QStringList &ids)
{
    QStringList images;
    for (const QString &id : ids) {
        if (id.contains(u"image"_s, Qt::CaseInsensitive)
            || id.contains(u"dall-e"_s, Qt::CaseInsensitive))
            images.append(id);
    }
    return images;
}

void ModelLister::list(const ProviderProfile &profile, const QString &apiKey)
{
    if (profile.kind == ProviderProfile::Kind::Azure) {
        Q_EMIT failed(ApiError::make(
            ApiError::Kind::InvalidRequest,
            tr("Azure OpenAI lists no models per key; your deployments are the models. "
               "Type a deployment's name as the model.")));
        return;
    }
    QNetworkRequest request(profile.apiUrl(u"models"_s));
    for (const auto &[name, value] : profile.headers(apiKey))
        request.setRawHeader(name, value);
    request.setRawHeader("User-Agent", RequestBuilder::userAgent());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setTransferTimeout(20'000);
    m_reply = m_network->get(request);
    // Read as it arrives, so that an answer over the cap is stopped there rather than gathered.
    auto body = std::make_shared<QByteArray>();
    auto tooLarge = std::make_shared<bool>(false);
    connect(m_reply, &QNetworkReply::readyRead, this, [reply = m_reply.data(), body, tooLarge] {
        if (*tooLarge)
            return;
        *body += reply->read(MaxModelsBytes + 1 - body->size());
        if (body->size() > MaxModelsBytes) {
            *tooLarge = true;
            body->clear();
            reply->abort();
        }
    });
    connect(
        m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data(), body, tooLarge] {
            reply->deleteLater();
            if (!*tooLarge && reply->bytesAvailable() > 0)
                *body += reply->read(MaxModelsBytes + 1 - body->size());
            if (*tooLarge || body->size() > MaxModelsBytes) {
                Q_EMIT failed(ApiError::make(
                    ApiError::Kind::TooLarge,
                    tr("The answer to the models list is larger than %1 MB, more than Atelier "
                       "accepts; it was refused. Is the base URL an OpenAI-compatible API?")
                        .arg(MaxModelsBytes / (1024 * 1024))));
                return;
            }
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QString requestId = QString::fromLatin1(reply->rawHeader("x-request-id"));
            if (status == 0) {
                Q_EMIT failed(ApiError::make(ApiError::Kind::Network, reply->errorString()));
                return;
            }
            if (status >= 400) {
                Q_EMIT failed(ResponseParser::parseErrorBody(status, *body, requestId));
                return;
            }
            QStringList ids;
            QMap<QString, QDate> dates;
            const QJsonArray data
                = QJsonDocument::fromJson(*body).object().value(u"data"_s).toArray();
            for (const QJsonValue &entry : data) {
                const QJsonObject model = entry.toObject();
                const QString id = model.value(u"id"_s).toString();
                if (id.isEmpty())
                    continue;
                ids.append(id);
                const QDate shutdown
                    = QDate::fromString(model.value(u"shutdown_date"_s).toString(), Qt::ISODate);
                if (shutdown.isValid())
                    dates.insert(id, shutdown);
            }
            ids.sort();
            Q_EMIT shutdownDates(dates);
            Q_EMIT listed(ids);
        });
}

} // namespace Atelier
