#pragma once

#include "model/apierror.h"
#include "providerprofile.h"

#include <QDate>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QNetworkAccessManager;
class QNetworkReply;

namespace Atelier {

// "Test connection": asks the provider which models the key can use (GET /models), which also
// proves the key works. Providers without the endpoint (Azure deployments) report that plainly.
class ModelLister final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelLister)

public:
    ModelLister(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ModelLister() override;

    void list(const ProviderProfile &profile, const QString &apiKey);
    // Ids that look like image models ("image" or "dall-e" in the name).
    static QStringList imageModels(const QStringList &ids);

Q_SIGNALS:
    void listed(const QStringList &modelIds);
    // Emitted just before listed(): the models whose entry carries a shutdown_date, and that
    // date (the provider's word on its lifecycle, newer than the catalog's).
    void shutdownDates(const QMap<QString, QDate> &dates);
    void failed(const Atelier::ApiError &error);

private:
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
};

} // namespace Atelier
