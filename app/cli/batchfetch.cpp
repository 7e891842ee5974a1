#include "batchfetch.h"

#include "api/base64.h"
#include "batch/batchclient.h"
#include "batch/batchoutputline.h"
#include "batch/batchplan.h"
#include "imagewriter.h"
#include "imaging/imagefileinfo.h"
#include "imaging/svgimage.h"
#include "library/embeddedrecipe.h"
#include "library/fileslug.h"
#include "model/imageresult.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Atelier {

int BatchFetch::start(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        m_err << BatchText::tr(
            "error: 'batch fetch' needs one batch id, e.g. 'atelier-cli batch fetch "
            "batch_abc123 --out DIR'.")
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    Result<BatchRecord> record = m_store.load(positional.first());
    if (!record) {
        m_cli.error(record.error());
        return ExitCode::InvalidInput;
    }
    m_record = *std::move(record);
    const Result<Access> access = accessFor(parser, &m_record);
    if (!access) {
        m_cli.error(access.error());
        return ExitCode::InvalidInput;
    }
    m_outDirectory = parser.value(u"out"_s);
    m_wait = parser.isSet(u"wait"_s);
    if (parser.isSet(u"poll-interval"_s)) {
        bool ok = false;
        const double seconds = parser.value(u"poll-interval"_s).toDouble(&ok);
        if (!ok || seconds < 0) {
            m_err << BatchText::tr("error: --poll-interval needs a number of seconds, e.g. 60.")
                  << Qt::endl;
            return ExitCode::InvalidInput;
        }
        m_pollIntervalMs = int(seconds * 1000);
    }
    m_saved = m_store.savedResults(m_record.id);
    makeClient(*access);
    poll();
    return -1;
}

void BatchFetch::poll()
{
    m_client->retrieveBatch(m_record.id, [this](const QJsonObject &json, const ApiError &error) {
        if (error.isError()) {
            fail(BatchText::tr("batch %1").arg(m_record.id), error);
            return;
        }
        onFetchInfo(BatchInfo::fromJson(json));
    });
}

void BatchFetch::onFetchInfo(const BatchInfo &info)
{
    m_info = info;
    remember(info.id, info.status);
    if (!info.isFinished()) {
        if (!m_wait) {
            m_err << BatchText::tr(
                         "Batch %1 is %2 (%3 of %4 requests done); nothing to fetch yet. Run this "
                         "again later, or add --wait.")
                         .arg(info.id, BatchInfo::statusText(info.status))
                         .arg(info.completed + info.failed)
                         .arg(info.total)
                  << Qt::endl;
            end(ExitCode::NotFinished);
            return;
        }
        if (info.status != m_lastStatus)
            m_err << BatchText::tr("Batch %1 is %2; waiting…")
                         .arg(info.id, BatchInfo::statusText(info.status))
                  << Qt::endl;
        m_lastStatus = info.status;
        QTimer::singleShot(m_pollIntervalMs, this, &BatchFetch::poll);
        return;
    }
    if (info.status == u"failed") {
        m_err
            << BatchText::tr("error: batch %1 failed as a whole; no request was run:").arg(info.id)
            << Qt::endl;
        for (const BatchInfo::Error &error : info.errors) {
            const BatchEntry *entry = error.line > 0 && error.line <= m_record.entries.size()
                ? &m_record.entries.at(error.line - 1)
                : nullptr;
            m_err << (entry ? BatchText::tr("  line %1 (\"%2\"): %3")
                                  .arg(entry->line)
                                  .arg(shortened(entry->prompt), error.message)
                            : BatchText::tr("  %1").arg(error.message))
                  << Qt::endl;
        }
        end(ExitCode::ApiError);
        return;
    }
    if (info.outputFileId.isEmpty()) {
        downloadErrors();
        return;
    }
    m_client->downloadLines(
        info.outputFileId, [this](QByteArray line) { return onOutputLine(std::move(line)); },
        [this](const ApiError &error) {
            if (error.isError()) {
                fail(BatchText::tr("the output file %1 could not be read").arg(m_info.outputFileId),
                     error);
                return;
            }
            downloadErrors();
        });
}

void BatchFetch::downloadErrors()
{
    if (m_info.errorFileId.isEmpty()) {
        finishFetch();
        return;
    }
    m_client->downloadLines(
        m_info.errorFileId, [this](QByteArray line) { return onErrorLine(std::move(line)); },
        [this](const ApiError &error) {
            if (error.isError()) {
                fail(BatchText::tr("the error file %1 could not be read").arg(m_info.errorFileId),
                     error);
                return;
            }
            finishFetch();
        });
}

QString BatchFetch::promptLabel(const QString &customId) const
{
    const BatchEntry *entry = m_record.entry(customId);
    return entry ? BatchText::tr("line %1 (\"%2\")").arg(entry->line).arg(shortened(entry->prompt))
                 : BatchText::tr("request %1").arg(customId);
}

void BatchFetch::reportFailure(const QString &customId, const ApiError &error)
{
    ++m_failedLines;
    QString reason = error.message;
    if (!error.code.isEmpty())
        reason += u" ("_s + error.code + u')';
    m_err << BatchText::tr("error: %1 failed: %2").arg(promptLabel(customId), reason) << Qt::endl;
}

bool BatchFetch::onOutputLine(QByteArray line)
{
    ++m_outputLine;
    Result<BatchOutputLine> parsed = BatchOutputLine::parse(std::move(line));
    if (!parsed) {
        ++m_malformedLines;
        m_err << BatchText::tr(
                     "error: line %1 of the output file cannot be read (%2); the other results "
                     "are kept.")
                     .arg(m_outputLine)
                     .arg(parsed.error())
              << Qt::endl;
        return true;
    }
    BatchOutputLine &result = *parsed;
    m_seen.insert(result.customId);
    if (!result.succeeded()) {
        reportFailure(result.customId, result.error);
        return true;
    }
    if (m_saved.contains(result.customId)) {
        ++m_savedBefore;
        return true;
    }
    const BatchEntry *entry = m_record.entry(result.customId);
    const QString prompt = entry ? entry->prompt : QString();
    QJsonObject recipe = (entry ? BatchPlan::requestFor(m_record.request, *entry)
                                : BatchPlan::requestFor(m_record.request, prompt))
                             .toJson();
    if (result.response.usage.isValid())
        recipe.insert(u"usage"_s, result.response.usage.toJson());
    recipe.insert(u"batch_id"_s, m_record.id);
    recipe.insert(u"custom_id"_s, result.customId);
    if (!result.requestId.isEmpty())
        recipe.insert(u"request_id"_s, result.requestId);

    const QString stem = u"atelier-%1-%2"_s.arg(m_record.id.right(8), result.customId)
        + (prompt.isEmpty() ? QString() : u'-' + fileSlug(prompt, 40));
    ImageWriter writer(m_outDirectory, stem);
    QStringList paths;
    const qsizetype count = result.response.images.size();
    for (qsizetype i = 0; i < count; ++i) {
        ResponseImage &answer = result.response.images[i];
        ImageResult image;
        image.index = int(i);
        image.imageIndex = int(i);
        image.encoded = std::move(answer.base64);
        if (!decodeBase64InPlace(image.encoded)) {
            ++m_malformedLines;
            m_err << BatchText::tr("error: image %1 of %2 is not base64; it was not saved.")
                         .arg(i + 1)
                         .arg(promptLabel(result.customId))
                  << Qt::endl;
            continue;
        }
        image.format = SvgImage::looksLikeSvg(image.encoded)
            ? u"svg"_s
            : QString::fromLatin1(
                sniffImageFormat(QByteArrayView(image.encoded)
                                     .first(std::min<qsizetype>(16, image.encoded.size()))));
        if (image.format.isEmpty())
            image.format
                = result.response.outputFormat.isEmpty() ? u"png"_s : result.response.outputFormat;
        QJsonObject imageRecipe = recipe;
        if (!answer.revisedPrompt.isEmpty())
            imageRecipe.insert(u"revised_prompt"_s, answer.revisedPrompt);
        image.encoded
            = EmbeddedRecipe::embed(image.encoded, image.format, prompt,
                                    QJsonDocument(imageRecipe).toJson(QJsonDocument::Compact));
        const Result<QString> path
            = writer.write(image, count > 1 ? u"-%1"_s.arg(i + 1) : QString());
        if (!path) {
            m_writeFailed = true;
            m_cli.error(path.error());
            continue;
        }
        paths.append(*path);
        if (!m_json)
            m_out << *path << Qt::endl;
    }
    if (!paths.isEmpty()) {
        ++m_savedNow;
        m_saved.insert(result.customId, paths);
        if (const Status recorded = m_store.recordSaved(m_record.id, result.customId, paths);
            !recorded)
            m_cli.warning(recorded.error());
    }
    return !m_interrupted;
}

bool BatchFetch::onErrorLine(QByteArray line)
{
    ++m_errorLine;
    Result<BatchOutputLine> parsed = BatchOutputLine::parse(std::move(line));
    if (!parsed) {
        ++m_malformedLines;
        m_err << BatchText::tr("error: line %1 of the error file cannot be read (%2).")
                     .arg(m_errorLine)
                     .arg(parsed.error())
              << Qt::endl;
        return true;
    }
    BatchOutputLine &result = *parsed;
    m_seen.insert(result.customId);
    if (result.succeeded()) // an answer in the error file: treat it as failed without a reason
        result.error
            = ApiError::make(ApiError::Kind::Api, BatchText::tr("listed in the error file"));
    reportFailure(result.customId, result.error);
    return true;
}

void BatchFetch::finishFetch()
{
    // Requests neither file answered: an expired or cancelled batch never ran them.
    int notRun = 0;
    for (const BatchEntry &entry : std::as_const(m_record.entries)) {
        if (m_seen.contains(entry.customId) || m_saved.contains(entry.customId))
            continue;
        ++notRun;
        m_err << BatchText::tr("error: %1 was not run: the batch is %2.")
                     .arg(promptLabel(entry.customId), BatchInfo::statusText(m_info.status))
              << Qt::endl;
    }
    QJsonArray savedJson;
    if (m_json) {
        for (const BatchEntry &entry : std::as_const(m_record.entries)) {
            if (const auto it = m_saved.constFind(entry.customId); it != m_saved.cend())
                savedJson.append(QJsonObject {{u"custom_id"_s, entry.customId},
                                              {u"prompt"_s, entry.prompt},
                                              {u"paths"_s, QJsonArray::fromStringList(*it)}});
        }
    }
    const bool someFailed = m_failedLines > 0 || m_malformedLines > 0 || notRun > 0;
    const int code = m_interrupted ? ExitCode::Interrupted
        : someFailed               ? ExitCode::ApiError
        : m_writeFailed            ? ExitCode::Failure
                                   : ExitCode::Success;
    if (m_json) {
        m_out << QJsonDocument(QJsonObject {{u"ok"_s, code == ExitCode::Success},
                                            {u"batch_id"_s, m_record.id},
                                            {u"status"_s, m_info.status},
                                            {u"saved_now"_s, m_savedNow},
                                            {u"saved_before"_s, m_savedBefore},
                                            {u"failed"_s, m_failedLines + notRun},
                                            {u"malformed_lines"_s, m_malformedLines},
                                            {u"results"_s, savedJson}})
                     .toJson(QJsonDocument::Indented);
    } else {
        m_err << BatchText::tr("Batch %1: %2 request(s) saved now, %3 saved before, %4 failed.")
                     .arg(m_record.id)
                     .arg(m_savedNow)
                     .arg(m_savedBefore)
                     .arg(m_failedLines + notRun + m_malformedLines)
              << Qt::endl;
    }
    end(code);
}

} // namespace Atelier
