#include "batchstore.h"

#include "model/jsonvalues.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

const BatchEntry *BatchRecord::entry(const QString &customId) const
{
    for (const BatchEntry &candidate : entries) {
        if (candidate.customId == customId)
            return &candidate;
    }
    return nullptr;
}

ProviderProfile BatchRecord::providerProfile() const
{
    return ProviderProfile::fromJson(provider);
}

QJsonObject BatchRecord::toJson() const
{
    QJsonArray entryArray;
    for (const BatchEntry &entry : entries)
        entryArray.append(entry.toJson());
    QJsonObject providerJson = provider;
    // A password in the base URL is a credential: never written.
    if (QUrl url(providerJson.value(u"baseUrl"_s).toString()); !url.password().isEmpty()) {
        url.setPassword(QString());
        providerJson.insert(u"baseUrl"_s, url.toString());
    }
    QJsonObject json {{u"id"_s, id},
                      {u"submitted_at"_s, submittedAt.toString(Qt::ISODateWithMs)},
                      {u"provider"_s, providerJson},
                      {u"request"_s, request.toJson()},
                      {u"entries"_s, entryArray},
                      {u"input_file_id"_s, inputFileId},
                      {u"uploaded_file_ids"_s, QJsonArray::fromStringList(uploadedFileIds)},
                      {u"status"_s, status}};
    if (estimatedCost >= 0)
        json.insert(u"estimated_cost_usd"_s, estimatedCost);
    if (normalCost >= 0)
        json.insert(u"normal_cost_usd"_s, normalCost);
    if (fetchedAt.isValid())
        json.insert(u"fetched_at"_s, fetchedAt.toString(Qt::ISODateWithMs));
    if (actualCost >= 0)
        json.insert(u"actual_cost_usd"_s, actualCost);
    if (!lastSeen.isEmpty())
        json.insert(u"last_seen"_s, lastSeen);
    return json;
}

BatchRecord BatchRecord::fromJson(const QJsonObject &json)
{
    BatchRecord record;
    record.id = json.value(u"id"_s).toString();
    record.submittedAt
        = QDateTime::fromString(json.value(u"submitted_at"_s).toString(), Qt::ISODateWithMs);
    record.provider = json.value(u"provider"_s).toObject();
    record.request = ImageRequest::fromJson(json.value(u"request"_s).toObject());
    const QJsonArray entryArray = json.value(u"entries"_s).toArray();
    for (const QJsonValue &value : entryArray)
        record.entries.append(BatchEntry::fromJson(value.toObject()));
    record.inputFileId = json.value(u"input_file_id"_s).toString();
    record.uploadedFileIds = stringsOf(json.value(u"uploaded_file_ids"_s));
    record.status = json.value(u"status"_s).toString();
    record.estimatedCost = json.value(u"estimated_cost_usd"_s).toDouble(-1);
    record.normalCost = json.value(u"normal_cost_usd"_s).toDouble(-1);
    record.fetchedAt
        = QDateTime::fromString(json.value(u"fetched_at"_s).toString(), Qt::ISODateWithMs);
    record.actualCost = json.value(u"actual_cost_usd"_s).toDouble(-1);
    record.lastSeen = json.value(u"last_seen"_s).toObject();
    return record;
}

BatchStore::BatchStore(const QString &directory)
    : m_directory(directory)
{ }

QString BatchStore::defaultDirectory()
{
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    return QDir(config).filePath(u"Atelier/batches"_s);
}

bool BatchStore::isValidId(const QString &batchId)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_-]{1,128}$"_s);
    return pattern.match(batchId).hasMatch();
}

QString BatchStore::recordPath(const QString &batchId) const
{
    return QDir(m_directory).filePath(batchId + u".json"_s);
}

QString BatchStore::journalPath(const QString &batchId) const
{
    return QDir(m_directory).filePath(batchId + u".saved.jsonl"_s);
}

Status BatchStore::makeDirectory() const
{
    if (QDir(m_directory).exists() || QDir().mkpath(m_directory)) {
        QFile::setPermissions(m_directory, OwnerOnly | QFileDevice::ExeOwner);
        return success();
    }
    return failure(tr("The folder %1 cannot be created.").arg(m_directory), m_directory);
}

Status BatchStore::save(const BatchRecord &record) const
{
    if (!isValidId(record.id))
        return failure(tr("\"%1\" is not a batch id Atelier can remember.").arg(record.id));
    if (const Status made = makeDirectory(); !made)
        return made;
    QSaveFile file(recordPath(record.id));
    if (!file.open(QIODevice::WriteOnly))
        return failure(tr("%1 cannot be written: %2.").arg(file.fileName(), file.errorString()),
                       file.fileName());
    file.setPermissions(OwnerOnly);
    file.write(QJsonDocument(record.toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return failure(tr("%1 cannot be written: %2.").arg(file.fileName(), file.errorString()),
                       file.fileName());
    return success();
}

bool BatchStore::contains(const QString &batchId) const
{
    return isValidId(batchId) && QFile::exists(recordPath(batchId));
}

Result<BatchRecord> BatchStore::load(const QString &batchId) const
{
    if (!contains(batchId))
        return failure(tr("Atelier does not know the batch %1 (it remembers those submitted with "
                          "'atelier-cli batch submit' in %2).")
                           .arg(batchId, m_directory),
                       batchId);
    QFile file(recordPath(batchId));
    if (!file.open(QIODevice::ReadOnly))
        return failure(tr("%1 cannot be read: %2.").arg(file.fileName(), file.errorString()),
                       file.fileName());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return failure(tr("%1 is damaged (%2); remove it to forget the batch.")
                           .arg(file.fileName(), parseError.errorString()),
                       file.fileName());
    return BatchRecord::fromJson(document.object());
}

QList<BatchRecord> BatchStore::all(QStringList *warnings) const
{
    QList<BatchRecord> records;
    const QStringList files = QDir(m_directory).entryList({u"*.json"_s}, QDir::Files);
    for (const QString &name : files) {
        if (Result<BatchRecord> record = load(name.chopped(5)))
            records.append(*std::move(record));
        else
            warnings->append(record.error());
    }
    std::sort(records.begin(), records.end(), [](const BatchRecord &a, const BatchRecord &b) {
        return a.submittedAt > b.submittedAt;
    });
    return records;
}

QHash<QString, QStringList> BatchStore::savedResults(const QString &batchId) const
{
    QHash<QString, QStringList> saved;
    QFile file(journalPath(batchId));
    if (!isValidId(batchId) || !file.open(QIODevice::ReadOnly))
        return saved;
    while (!file.atEnd()) {
        // A line cut short by a crash is no result: that request is saved again.
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        const QString customId = line.value(u"custom_id"_s).toString();
        if (customId.isEmpty())
            continue;
        saved.insert(customId, stringsOf(line.value(u"paths"_s)));
    }
    return saved;
}

Status BatchStore::recordSaved(const QString &batchId, const QString &customId,
                               const QStringList &paths) const
{
    if (!isValidId(batchId))
        return failure(tr("\"%1\" is not a batch id Atelier can remember.").arg(batchId));
    if (const Status made = makeDirectory(); !made)
        return made;
    QFile file(journalPath(batchId));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return failure(tr("%1 cannot be written: %2.").arg(file.fileName(), file.errorString()),
                       file.fileName());
    file.setPermissions(OwnerOnly);
    const QJsonObject line {{u"custom_id"_s, customId},
                            {u"paths"_s, QJsonArray::fromStringList(paths)}};
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(bytes) != bytes.size() || !file.flush())
        return failure(tr("%1 cannot be written: %2.").arg(file.fileName(), file.errorString()),
                       file.fileName());
    return success();
}

} // namespace Atelier
