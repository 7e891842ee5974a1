#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class QTcpSocket;

namespace AtelierTest {

class FakeImagesServer;
struct ReceivedPart;
struct RecordedRequest;

// The Files and Batches endpoints of the fake server (the SDK's files.d.ts and batches.d.ts):
// POST /files (purpose batch), GET /files/{id}, GET /files/{id}/content, POST /batches,
// GET /batches/{id}, GET /batches, POST /batches/{id}/cancel.
//
// Edits come as JSON edits: images and mask as {"file_id"} of files uploaded before (or
// {"image_url"}), checked as the multipart edit they stand for.
// A batch goes validating -> in_progress -> finalizing -> completed, one state each time it is
// retrieved (or, with setStepMs(), one state per step of time). An input file that breaks the
// line format (not JSON, no or a repeated custom_id, another method or url) makes it failed,
// with errors naming the lines. When it runs, every line's body is checked by the same rules
// as a direct request (the SDK's schema, the model's rules, shut-down models); a line that
// breaks them, or whose prompt contains "forbidden-subject" (the safety system), goes to the
// error file with the API's error object; the others to the output file with their images.
// The output file is made as it is sent, one line at a time: a thousand multi-megabyte images
// never sit in memory.
class FakeBatchApi
{
public:
    explicit FakeBatchApi(FakeImagesServer *server);

    // Each state lasts this long (0: one state per GET /batches/{id}).
    void setStepMs(int ms) { m_stepMs = ms; }
    // Run only this many lines, then expire (the others go to the error file as batch_expired);
    // -1: never expire.
    void setExpireAfter(int lines) { m_expireAfter = lines; }
    // Off: answer 404 as a gateway without the Batch API does.
    void setAvailable(bool available) { m_available = available; }
    // Write this line (1-based) of every output file cut short, as a broken transfer would.
    void setMalformedOutputLine(int line) { m_malformedLine = line; }

    bool handles(const RecordedRequest &request) const;
    void handle(QTcpSocket *socket, RecordedRequest request);

    int batchCount() const { return int(m_batches.size()); }
    // The uploaded input file of a batch, for tests.
    QByteArray inputFile(const QString &batchId) const;
    QString status(const QString &batchId) const;

private:
    struct Line
    {
        QString customId;
        QJsonObject body;
        enum class Outcome { Pending, Succeeded, Failed, Expired } outcome = Outcome::Pending;
        QJsonObject error; // Failed: the API's error object
        int status = 0; // Failed: the HTTP status
    };
    struct Batch
    {
        QString id;
        QString status;
        QString endpoint;
        QString inputFileId;
        QString outputFileId;
        QString errorFileId;
        QJsonObject metadata;
        qint64 createdAt = 0;
        QHash<QString, qint64> times; // in_progress_at, completed_at, ...
        QList<Line> lines;
        QList<QJsonObject> errors; // failed as a whole
        QElapsedTimer clock;
        int steps = 0;
    };
    struct File
    {
        QString id;
        QString purpose;
        QString fileName;
        QString contentType;
        QByteArray bytes; // uploaded files
        QString batchId; // generated files: the batch whose output or errors they are
        bool errors = false;
        qint64 createdAt = 0;
    };

    void uploadFile(QTcpSocket *socket, const RecordedRequest &request);
    void createBatch(QTcpSocket *socket, const RecordedRequest &request);
    void sendFileContent(QTcpSocket *socket, const File &file);
    void advance(Batch &batch);
    void run(Batch &batch);
    void validateInput(Batch &batch, const QByteArray &input);
    // A JSON edit as the multipart edit it stands for (files by their ids), for the checks a
    // direct edit gets; what cannot be turned into one is added to `violations`.
    QList<ReceivedPart> editParts(const QJsonObject &body, QStringList *violations) const;
    QJsonObject describe(const Batch &batch) const;
    QJsonObject describe(const File &file) const;
    QByteArray outputLine(const Batch &batch, int index);
    QByteArray base64Image(const QJsonObject &body, int variant);
    void sendError(QTcpSocket *socket, int status, const QString &message, const QString &code,
                   const QString &param = QString());

    FakeImagesServer *m_server;
    QHash<QString, Batch> m_batches;
    QList<QString> m_batchOrder;
    QHash<QString, File> m_files;
    QHash<QString, QByteArray> m_base64Cache;
    int m_nextId = 1;
    int m_stepMs = 0;
    int m_expireAfter = -1;
    int m_malformedLine = 0;
    bool m_available = true;
};

} // namespace AtelierTest
