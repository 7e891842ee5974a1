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

ModelLister::ModelLister(QNetworkAccessManager *network, QObject *parent) : QObject(parent), m_network(network) { }

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
        if (id.contains(u"image"_s, Qt::CaseInsensitive) || id.contains(u"dall-e"_s, Qt::CaseInsensitive))
            images.append(id);
    }
    return images;
}

void ModelLister::list(const ProviderProfile &profile, const QString &apiKey)
{
    if (profile.kind == ProviderProfile::Kind::Azure) {
        Q_EMIT failed(ApiError::make(ApiError::Kind::InvalidRequest,
                                     tr("Azure OpenAI lists no models per key; your deployments are the models. "
                                        "Type a deployment's name as the model.")));
        return;
    }
    QNetworkRequest request(profile.apiUrl(u"models"_s));
    for (const auto &[name, value] : profile.headers(apiKey))
        request.setRawHeader(name, value);
    request.setRawHeader("User-Agent", RequestBuilder::userAgent());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setTransferTimeout(20'000);
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QString requestId = QString::fromLatin1(reply->rawHeader("x-request-id"));
        if (status == 0) {
            Q_EMIT failed(ApiError::make(ApiError::Kind::Network, reply->errorString()));
            return;
        }
        if (status >= 400) {
            Q_EMIT failed(ResponseParser::parseErrorBody(status, body, requestId));
            return;
        }
        QStringList ids;
        QMap<QString, QDate> dates;
        const QJsonArray data = QJsonDocument::fromJson(body).object().value(u"data"_s).toArray();
        for (const QJsonValue &entry : data) {
            const QJsonObject model = entry.toObject();
            const QString id = model.value(u"id"_s).toString();
            if (id.isEmpty())
                continue;
            ids.append(id);
            const QDate shutdown =
                QDate::fromString(model.value(u"shutdown_date"_s).toString(), Qt::ISODate);
            if (shutdown.isValid())
                dates.insert(id, shutdown);
        }
        ids.sort();
        Q_EMIT shutdownDates(dates);
        Q_EMIT listed(ids);
    });
}

} // namespace Atelier
