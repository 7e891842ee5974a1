#pragma once

#include "fakebatchapi.h"
#include "fakemodelrules.h"
#include "fakeresponsesapi.h"
#include "openapivalidator.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSize>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace AtelierTest {

// What the server received, for tests to inspect.
struct RecordedRequest
{
    QByteArray method;
    QString path;
    QString query;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QJsonObject json; // generations
    QList<ReceivedPart> parts; // edits, variations
    QStringList violations; // what breaks the SDK's schema or the model's rules (answered 400)

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QStringList partNames() const;
    const ReceivedPart *part(const QString &name) const;
};

// How to answer the next request. Without a scripted reply the server answers like the API:
// JSON for plain requests, a stream of partial images for stream=true.
struct ScriptedReply
{
    enum class Kind {
        Normal, // answer like the API, honouring the shape below
        Error, // status + body
        ResetAfterEvents, // stream, then drop the connection after `events` events
        StallAfterEvents, // stream, then send nothing more (keep the socket open)
        StreamWithoutCompleted, // stream partials, then close cleanly without the final image
        MalformedStream, // an event whose data is not JSON
        CorruptImage, // valid JSON, but the base64 is not an image
        HugeImage, // an image header claiming 100000x100000 pixels
        DamagedPixels, // a PNG whose header is sound but whose image data is cut short
        Redirect, // 307 to `location`
        Raw, // write `raw` bytes and close
    };
    Kind kind = Kind::Normal;
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int events = 0;
    QUrl location;
    QByteArray raw;
};

// The parts of a multipart/form-data body (what QHttpMultiPart, curl and the SDKs send); a body
// cut short is added to `problems` (if given).
QList<ReceivedPart> formParts(const QByteArray &body, const QByteArray &contentType,
                              QStringList *problems = nullptr);

// A local stand-in for the Images API: real HTTP/1.1 on 127.0.0.1 (any free port). Validates
// each request against the official SDK's schema and each model's rules, answers with generated
// images (PNG, JPEG, WebP, animated GIF, SVG; streamed with delays when asked), and can fail in
// every way the real one can. A model the models list gives a shutdown date on or before
// today() is answered as OpenAI answers it: 404 model_not_found.
class FakeImagesServer : public QObject
{
    Q_OBJECT

public:
    explicit FakeImagesServer(QObject *parent = nullptr);
    ~FakeImagesServer() override;

    bool listen(quint16 port = 0);
    quint16 port() const { return m_server.serverPort(); }
    QUrl baseUrl() const; // http://127.0.0.1:PORT/v1

    void setApiKey(const QString &key) { m_apiKey = key; } // empty: accept any
    // Every image is drawn at this size unless useRequestedSize is on (tests stay fast).
    void setImageSize(const QSize &size) { m_imageSize = size; }
    void setUseRequestedSize(bool use) { m_useRequestedSize = use; }
    void setEventDelayMs(int ms) { m_eventDelayMs = ms; }
    // Streams at most this many bytes a second (0: as fast as the socket takes them), as a
    // network link would: an event's bytes then arrive over time, not at once.
    void setRateBytesPerSecond(qint64 rate) { m_rate = rate; }
    // Burst: a streamed answer is written in one go, its whole body at once (as a fast link
    // with a buffering proxy delivers it), instead of event by event.
    void setBurst(bool burst) { m_burst = burst; }
    void setNoiseImages(bool noise) { m_noise = noise; } // photo-like PNG sizes
    void enqueue(const ScriptedReply &reply) { m_script.enqueue(reply); }
    // The next stream sends `events` events, then nothing more: its job runs until cancelled.
    void stallNextStream(int events = 1);
    // How to answer the next GET /models (without one: the models set below).
    void enqueueModelsReply(const ScriptedReply &reply) { m_modelsScript.enqueue(reply); }
    // What GET /models lists: ids without a shutdown date, or with the dates (e.g.
    // FakeModelRules::openAiModels(), OpenAI's lineup of 2026-12-01).
    void setModels(const QStringList &models);
    void setModels(const QList<ServedModel> &models) { m_models = models; }
    const QList<ServedModel> &models() const { return m_models; }
    // The server's date for shutdowns (default 2026-12-01, the catalog's date).
    void setToday(const QDate &today) { m_today = today; }
    QDate today() const { return m_today; }
    bool isShutDown(const QString &model) const;

    const QList<RecordedRequest> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    // Images are cached by size and format; the benchmark preloads them.
    QByteArray imageBytes(const QSize &size, const QString &format, int variant);
    // An animated GIF of `frames` frames, `delayMs` each, and an SVG document, as answered.
    QByteArray gifBytes(const QSize &size, int frames, int delayMs, int variant) const;
    static QByteArray svgBytes(const QSize &size, int variant);
    // The Files and Batches endpoints (see FakeBatchApi).
    FakeBatchApi &batchApi() { return m_batchApi; }
    // POST /responses with the image_generation tool (see FakeResponsesApi).
    FakeResponsesApi &responsesApi() { return m_responsesApi; }

Q_SIGNALS:
    void requestReceived(int index);

private:
    friend class FakeBatchApi;
    friend class FakeResponsesApi;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, RecordedRequest request);
    void answer(QTcpSocket *socket, const RecordedRequest &request, const ScriptedReply &reply);
    void sendJson(QTcpSocket *socket, int status, const QByteArray &body,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    void stream(QTcpSocket *socket, const RecordedRequest &request, const ScriptedReply &reply);
    QSize requestedSize(const RecordedRequest &request) const;
    QString requestedFormat(const RecordedRequest &request) const;
    QString field(const RecordedRequest &request, const QString &name) const;
    QByteArray answerImage(const RecordedRequest &request, int variant);
    void sendModels(QTcpSocket *socket, const RecordedRequest &request);
    bool authorized(const RecordedRequest &request) const;

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QQueue<ScriptedReply> m_script;
    QQueue<ScriptedReply> m_modelsScript;
    QList<RecordedRequest> m_requests;
    QHash<QString, QByteArray> m_imageCache;
    QHash<QString, QByteArray> m_files; // served for response_format=url
    QString m_apiKey;
    // No shutdown dates by default: the older tests send retired models as a gateway takes them.
    QList<ServedModel> m_models {{QStringLiteral("gpt-4o"), {}},
                                 {QStringLiteral("gpt-image-1.5"), {}},
                                 {QStringLiteral("dall-e-3"), {}}};
    QDate m_today {2026, 12, 1};
    QSize m_imageSize {64, 64};
    int m_eventDelayMs = 0;
    qint64 m_rate = 0;
    bool m_noise = false;
    bool m_burst = false;
    bool m_useRequestedSize = false;
    int m_nextRequestId = 1;
    FakeBatchApi m_batchApi {this};
    FakeResponsesApi m_responsesApi {this};
};

} // namespace AtelierTest
