#include "batchresults.h"

#include "api/base64.h"
#include "api/providerprofile.h"
#include "batchclient.h"
#include "batchoutputline.h"
#include "batchplan.h"
#include "catalog/catalog.h"
#include "imaging/imagefileinfo.h"
#include "imaging/svgimage.h"
#include "library/librarystore.h"

#include <QBuffer>
#include <QDateTime>
#include <QImageReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

QString shortened(const QString &text, int length = 50)
{
    const QString simple = text.simplified();
    return simple.size() <= length ? simple : simple.left(length - 1) + u"…"_s;
}

QString reasonOf(const ApiError &error)
{
    QString reason = error.message.isEmpty() ? error.toString() : error.message;
    if (!error.code.isEmpty())
        reason += u" ("_s + error.code + u')';
    return reason;
}

} // namespace

// A fetch under way: the batch, the files to read, and what was seen so far.
struct BatchResults::Running
{
    BatchRecord record;
    QString errorFileId;
    BatchClient *client = nullptr;
    Fetch fetch;
};

BatchResults::BatchResults(const Catalog *catalog, LibraryStore *library, BatchStore store,
                           QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_library(library)
    , m_store(std::move(store))
{ }

BatchResults::~BatchResults() = default;

void BatchResults::fetch(const BatchRecord &record, const BatchInfo &info, BatchClient *client)
{
    const QString id = record.id;
    auto running = std::make_unique<Running>();
    running->record = record;
    running->errorFileId = info.errorFileId;
    running->client = client;
    running->fetch.saved = m_store.savedResults(id);
    m_running[id] = std::move(running);
    if (info.outputFileId.isEmpty()) {
        fetchErrors(id);
        return;
    }
    client->downloadLines(
        info.outputFileId,
        [this, id](QByteArray bytes) {
            Running &running = *m_running.at(id);
            Fetch &fetch = running.fetch;
            ++fetch.outputLine;
            Result<BatchOutputLine> parsed = BatchOutputLine::parse(std::move(bytes));
            if (!parsed) {
                fetch.failures.append(tr("line %1 of the output file cannot be read (%2); the "
                                         "other results are kept.")
                                          .arg(fetch.outputLine)
                                          .arg(parsed.error()));
                return true;
            }
            fetch.seen.insert(parsed->customId);
            if (!parsed->succeeded()) {
                noteFailure(running, parsed->customId, parsed->error);
                return true;
            }
            return saveLine(running, *parsed);
        },
        [this, id](const ApiError &error) {
            if (error.isError()) {
                fail(id, tr("The output file could not be read"), error);
                return;
            }
            fetchErrors(id);
        });
}

void BatchResults::fetchErrors(const QString &id)
{
    const Running &running = *m_running.at(id);
    if (running.errorFileId.isEmpty() || !running.client) {
        finish(id);
        return;
    }
    running.client->downloadLines(
        running.errorFileId,
        [this, id](QByteArray bytes) {
            Running &running = *m_running.at(id);
            Fetch &fetch = running.fetch;
            ++fetch.errorLine;
            Result<BatchOutputLine> parsed = BatchOutputLine::parse(std::move(bytes));
            if (!parsed) {
                fetch.failures.append(tr("line %1 of the error file cannot be read (%2).")
                                          .arg(fetch.errorLine)
                                          .arg(parsed.error()));
                return true;
            }
            fetch.seen.insert(parsed->customId);
            ApiError reason = parsed->error;
            if (!reason.isError())
                reason = ApiError::make(ApiError::Kind::Api, tr("listed in the error file"));
            noteFailure(running, parsed->customId, reason);
            return true;
        },
        [this, id](const ApiError &error) {
            if (error.isError()) {
                fail(id, tr("The error file could not be read"), error);
                return;
            }
            finish(id);
        });
}

void BatchResults::finish(const QString &id)
{
    const auto found = m_running.find(id);
    if (found == m_running.end())
        return;
    const std::unique_ptr<Running> running = std::move(found->second);
    m_running.erase(found);
    Q_EMIT fetched(id, running->fetch);
}

void BatchResults::fail(const QString &id, const QString &what, const ApiError &error)
{
    QStringList failures;
    if (const auto found = m_running.find(id); found != m_running.end()) {
        failures = found->second->fetch.failures;
        m_running.erase(found);
    }
    Q_EMIT failed(id, what, error, failures);
}

QString BatchResults::label(const BatchRecord &record, const QString &customId) const
{
    const BatchEntry *entry = record.entry(customId);
    return entry ? tr("request %1 (\"%2\")").arg(entry->line).arg(shortened(entry->prompt))
                 : tr("request %1").arg(customId);
}

void BatchResults::noteFailure(Running &running, const QString &customId, const ApiError &error)
{
    running.fetch.failures.append(
        tr("%1 failed: %2").arg(label(running.record, customId), reasonOf(error)));
}

double BatchResults::costOf(const ImageRequest &request, const Usage &usage) const
{
    const CostEstimate estimate = m_catalog->estimate(request);
    const CostRules rules = m_catalog->spec(Catalog::effectiveModel(request)).cost;
    if (!usage.isValid() || rules.imageOutputPerMillion <= 0 || usage.outputTokens < 0)
        return estimate.available ? estimate.cost : -1;
    const qint64 text = std::max<qint64>(0, usage.inputTextTokens);
    const qint64 images = std::max<qint64>(0, usage.inputImageTokens);
    return (double(text) * rules.textInputPerMillion + double(images) * rules.imageInputPerMillion
            + double(usage.outputTokens) * rules.imageOutputPerMillion)
        / 1e6;
}

bool BatchResults::saveLine(Running &running, BatchOutputLine &line)
{
    Fetch &fetch = running.fetch;
    const BatchRecord &record = running.record;
    if (fetch.saved.contains(line.customId))
        return true; // fetched before: nothing is added twice
    if (!m_library || !m_library->isOpen()) {
        fetch.failures.append(tr("%1 could not be saved: the library is not open.")
                                  .arg(label(record, line.customId)));
        return true;
    }
    const BatchEntry *entry = record.entry(line.customId);
    const ImageRequest request
        = entry ? BatchPlan::requestFor(record.request, *entry) : record.request;
    QStringList paths;
    const qsizetype count = line.response.images.size();
    for (qsizetype i = 0; i < count; ++i) {
        ResponseImage &answer = line.response.images[i];
        QByteArray bytes = std::move(answer.base64);
        if (!decodeBase64InPlace(bytes)) {
            fetch.failures.append(tr("image %1 of %2 is not base64; it was not saved.")
                                      .arg(i + 1)
                                      .arg(label(record, line.customId)));
            continue;
        }
        LibraryImage image;
        image.request = request;
        image.revisedPrompt = answer.revisedPrompt;
        image.usage = line.response.usage;
        image.requestId = line.requestId;
        image.provider = ProviderProfile::kindName(record.providerProfile().kind);
        image.batch = {{u"id"_s, record.id}, {u"custom_id"_s, line.customId}};
        image.bytes = bytes.size();
        image.savedAt = QDateTime::currentDateTime();
        if (SvgImage::looksLikeSvg(bytes)) {
            image.format = u"svg"_s;
        } else {
            image.format = QString::fromLatin1(sniffImageFormat(
                QByteArrayView(bytes).first(std::min<qsizetype>(16, bytes.size()))));
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::ReadOnly);
            image.size = QImageReader(&buffer, image.format.toLatin1()).size();
        }
        if (image.format.isEmpty())
            image.format
                = line.response.outputFormat.isEmpty() ? u"png"_s : line.response.outputFormat;
        const Result<QString> written = LibraryStore::writeFiles(m_library->folder(), image, bytes);
        if (!written) {
            fetch.failures.append(
                tr("%1 could not be saved: %2").arg(label(record, line.customId), written.error()));
            continue;
        }
        image.path = *written;
        paths.append(*written);
        if (const Result<qint64> indexed = m_library->add(image))
            Q_EMIT imageSaved(*indexed);
    }
    if (paths.isEmpty())
        return true;
    ++fetch.savedNow;
    fetch.saved.insert(line.customId, paths);
    const double cost = costOf(request, line.response.usage);
    fetch.costKnown = fetch.costKnown && cost >= 0;
    fetch.cost += std::max(0.0, cost) / 2; // at batch price
    if (const Status recorded = m_store.recordSaved(record.id, line.customId, paths); !recorded)
        fetch.failures.append(recorded.error());
    return true;
}

} // namespace Atelier
