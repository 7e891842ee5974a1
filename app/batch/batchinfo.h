#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Atelier {

// A batch as the Batch API describes it (the SDK's Batch): its state, counts and files.
struct BatchInfo
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::BatchInfo)

public:
    struct Error
    {
        QString code;
        QString message;
        QString param;
        int line = 0; // of the input file; 0 when not given
    };

    QString id;
    // validating, failed, in_progress, finalizing, completed, expired, cancelling, cancelled
    QString status;
    QString endpoint;
    QString inputFileId;
    QString outputFileId;
    QString errorFileId;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    int total = 0;
    int completed = 0;
    int failed = 0;
    QList<Error> errors; // why a batch failed as a whole

    static BatchInfo fromJson(const QJsonObject &json);
    // completed, failed, expired, cancelled: nothing more will change.
    bool isFinished() const;
    // The state in words a person reads ("in progress", "finalizing").
    static QString statusText(const QString &status);
};

} // namespace Atelier
