#include "batchplan.h"

#include "api/requestbuilder.h"
#include "model/parameters.h"
#include "studio/prompttemplate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Atelier {

QJsonObject BatchEntry::toJson() const
{
    QJsonObject json {{u"custom_id"_s, customId}, {u"prompt"_s, prompt}, {u"line"_s, line}};
    if (!request.isEmpty())
        json.insert(u"request"_s, request);
    return json;
}

BatchEntry BatchEntry::fromJson(const QJsonObject &json)
{
    BatchEntry entry;
    entry.customId = json.value(u"custom_id"_s).toString();
    entry.prompt = json.value(u"prompt"_s).toString();
    entry.line = json.value(u"line"_s).toInt();
    entry.request = json.value(u"request"_s).toObject();
    return entry;
}

bool BatchPlan::readPrompts(const QString &path, QList<BatchEntry> *entries, QStringList *errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        errors->append(tr("The prompts file %1 cannot be read: %2.").arg(path, file.errorString()));
        return false;
    }
    return readPrompts(&file, entries, errors);
}

bool BatchPlan::readPrompts(QIODevice *device, QList<BatchEntry> *entries, QStringList *errors)
{
    const int errorsBefore = int(errors->size());
    int lineNumber = 0;
    while (!device->atEnd()) {
        QByteArray bytes = device->readLine();
        ++lineNumber;
        while (bytes.endsWith('\n') || bytes.endsWith('\r'))
            bytes.chop(1);
        const QString text = QString::fromUtf8(bytes).trimmed();
        if (text.isEmpty())
            continue;
        const Result<QStringList> expanded = PromptTemplate::expand(text);
        if (!expanded) {
            errors->append(tr("line %1: %2").arg(lineNumber).arg(expanded.error()));
            continue;
        }
        const QStringList &prompts = *expanded;
        for (qsizetype i = 0; i < prompts.size(); ++i)
            entries->append({customIdFor(lineNumber, int(i), int(prompts.size())),
                             prompts.at(i),
                             lineNumber,
                             {}});
        if (entries->size() > MaximumRequests) {
            errors->append(tr("line %1: the file makes more than %2 requests, the most one batch "
                              "takes; split it into several files.")
                               .arg(lineNumber)
                               .arg(MaximumRequests));
            return false;
        }
    }
    if (entries->isEmpty() && errors->size() == errorsBefore)
        errors->append(tr("The prompts file has no prompt; write one prompt a line."));
    return errors->size() == errorsBefore;
}

QString BatchPlan::customIdFor(int line, int expansion, int expansions)
{
    return expansions > 1 ? u"line-%1-%2"_s.arg(line).arg(expansion + 1) : u"line-%1"_s.arg(line);
}

ImageRequest BatchPlan::requestFor(const ImageRequest &shared, const QString &prompt)
{
    ImageRequest request = shared;
    request.prompt = prompt;
    request.clearOption(Param::Stream);
    request.clearOption(Param::PartialImages);
    return request;
}

ImageRequest BatchPlan::requestFor(const ImageRequest &shared, const BatchEntry &entry)
{
    if (entry.request.isEmpty())
        return requestFor(shared, entry.prompt);
    ImageRequest own = ImageRequest::fromJson(entry.request);
    return requestFor(own, own.prompt);
}

QJsonObject BatchPlan::body(const ImageRequest &request, const ProviderProfile &profile,
                            const FileIds &fileIds)
{
    if (request.endpoint != Endpoint::Generations) {
        // A JSON edit: what the multipart edit sends, the files as references.
        ImageRequest asGeneration = request;
        asGeneration.endpoint = Endpoint::Generations;
        asGeneration.images.clear();
        asGeneration.mask.clear();
        asGeneration.markup.clear();
        QJsonObject json = body(asGeneration, profile);
        QJsonArray images;
        for (const QString &path : request.images)
            images.append(QJsonObject {{u"file_id"_s, fileIds.value(path)}});
        json.insert(u"images"_s, images);
        if (!request.mask.isEmpty())
            json.insert(Param::Mask, QJsonObject {{u"file_id"_s, fileIds.value(request.mask)}});
        return json;
    }
    // The very builder `generate` uses, without a key: only its body is wanted.
    QJsonObject json = RequestBuilder::build(request, profile, QString()).json;
    json.remove(Param::Stream);
    json.remove(Param::PartialImages);
    return json;
}

QStringList BatchPlan::inputFiles(const ImageRequest &shared)
{
    QStringList files;
    for (const QString &path : shared.images) {
        if (!files.contains(path))
            files.append(path);
    }
    if (!shared.mask.isEmpty() && !files.contains(shared.mask))
        files.append(shared.mask);
    return files;
}

QString BatchPlan::endpointUrl(Endpoint endpoint)
{
    return u"/v1/"_s + endpointPath(endpoint);
}

QByteArray BatchPlan::line(const QString &customId, const QString &url, const QJsonObject &body)
{
    const QJsonObject line {
        {u"custom_id"_s, customId}, {u"method"_s, u"POST"_s}, {u"url"_s, url}, {u"body"_s, body}};
    return QJsonDocument(line).toJson(QJsonDocument::Compact);
}

Status BatchPlan::writeJsonl(QIODevice *device, const ImageRequest &shared,
                             const QList<BatchEntry> &entries, const ProviderProfile &profile,
                             const FileIds &fileIds)
{
    if (entries.size() > MaximumRequests)
        return failure(tr("A batch takes at most %1 requests; this one has %2.")
                           .arg(MaximumRequests)
                           .arg(entries.size()));
    const QString url = endpointUrl(shared.endpoint);
    qint64 written = 0;
    for (const BatchEntry &entry : entries) {
        const QByteArray bytes
            = line(entry.customId, url, body(requestFor(shared, entry), profile, fileIds)) + '\n';
        written += bytes.size();
        if (written > MaximumFileBytes)
            return failure(tr("The batch file would be larger than %1 MB, the most the Batch API "
                              "takes (at line %2 of the prompts file); split the prompts.")
                               .arg(MaximumFileBytes / (1024 * 1024))
                               .arg(entry.line));
        if (device->write(bytes) != bytes.size())
            return failure(tr("The batch file cannot be written: %1.").arg(device->errorString()));
    }
    return success();
}

} // namespace Atelier
