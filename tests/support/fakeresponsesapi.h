#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class QTcpSocket;

namespace AtelierTest {

class FakeImagesServer;
struct RecordedRequest;

// POST /responses with the image_generation tool, as the Responses API answers it (openai-node
// 7.59.0): a Response object, or with stream=true the events response.created, .in_progress,
// response.output_item.added, response.image_generation_call.in_progress / .generating /
// .partial_image (partial_images of them) / .completed, response.output_item.done with the call
// and its `result`, and response.completed with usage and tool_usage. Each body is checked
// against the SDK (OpenApiValidator::validateResponses) and the tool's model against what the
// SDK lists (and the Images API's rules for it). It remembers the response ids it issued: a
// previous_response_id it never issued gets the API's 400 previous_response_not_found, an
// expired one 404. A prompt with "BLOCKED" is answered with the API's moderation error, one
// with "REFUSE" with a refusal instead of an image.
class FakeResponsesApi
{
public:
    explicit FakeResponsesApi(FakeImagesServer *server);

    // Off: answer 404 as a provider without the Responses API does.
    void setAvailable(bool available) { m_available = available; }
    // The provider forgets a response it issued, as it does after its retention period.
    void expire(const QString &responseId) { m_expired.insert(responseId); }

    bool handles(const RecordedRequest &request) const;
    void handle(QTcpSocket *socket, RecordedRequest request);

    // The response ids issued, oldest first, and the one each continued ("" for a first turn).
    const QStringList &issued() const { return m_issued; }
    QString previousOf(const QString &responseId) const { return m_previous.value(responseId); }

    // The image models the SDK's ImageGeneration.model names.
    static const QStringList &toolModels();
    // The input_image parts of a request `body`'s input, over all its messages.
    static int inputImages(const QJsonObject &body);

private:
    QStringList violations(const QJsonObject &body) const;
    void answer(QTcpSocket *socket, const RecordedRequest &request);
    void stream(QTcpSocket *socket, QList<QByteArray> events);

    FakeImagesServer *m_server;
    bool m_available = true;
    QStringList m_issued;
    QHash<QString, QString> m_previous;
    QSet<QString> m_expired;
    int m_nextItem = 1;
};

} // namespace AtelierTest
