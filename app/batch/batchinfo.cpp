#include "batchinfo.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Atelier {

BatchInfo BatchInfo::fromJson(const QJsonObject &json)
{
    BatchInfo info;
    info.id = json.value(u"id"_s).toString();
    info.status = json.value(u"status"_s).toString();
    info.endpoint = json.value(u"endpoint"_s).toString();
    info.inputFileId = json.value(u"input_file_id"_s).toString();
    info.outputFileId = json.value(u"output_file_id"_s).toString();
    info.errorFileId = json.value(u"error_file_id"_s).toString();
    info.createdAt = json.value(u"created_at"_s).toInteger();
    info.expiresAt = json.value(u"expires_at"_s).toInteger();
    const QJsonObject counts = json.value(u"request_counts"_s).toObject();
    info.total = counts.value(u"total"_s).toInt();
    info.completed = counts.value(u"completed"_s).toInt();
    info.failed = counts.value(u"failed"_s).toInt();
    const QJsonArray errors = json.value(u"errors"_s).toObject().value(u"data"_s).toArray();
    for (const QJsonValue &value : errors) {
        const QJsonObject object = value.toObject();
        info.errors.append({object.value(u"code"_s).toString(),
                            object.value(u"message"_s).toString(),
                            object.value(u"param"_s).toString(), object.value(u"line"_s).toInt()});
    }
    return info;
}

bool BatchInfo::isFinished() const
{
    return status == u"completed" || status == u"failed" || status == u"expired"
        || status == u"cancelled";
}

QString BatchInfo::statusText(const QString &status)
{
    if (status == u"validating")
        return tr("validating");
    if (status == u"in_progress")
        return tr("in progress");
    if (status == u"finalizing")
        return tr("finalizing");
    if (status == u"completed")
        return tr("completed");
    if (status == u"failed")
        return tr("failed");
    if (status == u"expired")
        return tr("expired");
    if (status == u"cancelling")
        return tr("cancelling");
    if (status == u"cancelled")
        return tr("cancelled");
    return status;
}

} // namespace Atelier
