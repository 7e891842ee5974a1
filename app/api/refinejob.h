#pragma once

#include "imagesclient.h"
#include "model/apierror.h"
#include "model/imageresult.h"
#include "model/refinerequest.h"
#include "providerprofile.h"
#include "responsesparser.h"
#include "retryschedule.h"
#include "sseparser.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;

namespace Atelier {

class HttpAttempt;

// One turn of a refine conversation in flight (POST /v1/responses with the image_generation
// tool): sends through HttpAttempt, retries by RetrySchedule (never once a stream has begun),
// reads a stream with SseParser and ResponsesParser, and checks each image's bytes with
// ImageDecoder. Emits the response id as soon as it is known, every partial and the final
// image, the turn's usage, then exactly one of failed() or succeeded(), then finished().
// The images are only bytes with their header checked (as the CLI keeps them); lives on one
// thread.
class RefineJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefineJob)

public:
    RefineJob(QNetworkAccessManager *network, const ProviderProfile &profile, QString apiKey,
              const ClientOptions &options, RefineRequest request, QObject *parent = nullptr);
    ~RefineJob() override;

    void start();
    void cancel();

    const RefineRequest &request() const { return m_request; }
    QString responseId() const { return m_responseId; }
    QString requestId() const { return m_requestId; }
    const ResponsesUsage &usage() const { return m_usage; }
    bool isDone() const { return m_done; }

    // Why a turn failed, where the caller words it differently from other API errors.
    enum class Failure {
        Other,
        NoResponsesApi, // the provider answered 404 for /responses: it has no Responses API
        ConversationGone, // previous_response_id is unknown or expired at the provider
        Refused, // moderation: the API's error, a failed image call, or a refusal output
    };
    // `continuing`: the request sent a previous_response_id.
    static Failure classify(const ApiError &error, bool continuing);

Q_SIGNALS:
    void responseIdKnown(const QString &responseId);
    void retrying(int retry, int delayMs, const Atelier::ApiError &reason);
    void partialImage(const Atelier::ImageResult &image);
    void imageReady(const Atelier::ImageResult &image);
    void usageReported(const Atelier::ResponsesUsage &usage);
    void failed(const Atelier::ApiError &error);
    void succeeded();
    void finished();

private:
    void sendAttempt();
    void onAttemptFinished();
    void handle(const ResponsesEvent &event);
    void handleTurn(const ResponsesTurn &turn);
    // An image's base64 to an ImageResult with its header checked; false (and fail()) if not.
    bool deliverImage(const ResponsesImage &answer, bool partial);
    void fail(ApiError error);
    void finish();

    QNetworkAccessManager *m_network;
    ProviderProfile m_profile;
    QString m_apiKey;
    ClientOptions m_options;
    RefineRequest m_request;
    QPointer<HttpAttempt> m_attempt;
    SseParser m_sse;
    RetrySchedule m_retry;
    QTimer m_retryTimer;
    QString m_responseId;
    QString m_requestId;
    ResponsesUsage m_usage;
    ApiError m_error;
    int m_partials = 0;
    int m_images = 0;
    bool m_sawCompleted = false;
    bool m_cancelled = false;
    bool m_done = false;
};

} // namespace Atelier
