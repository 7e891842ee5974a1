#include "batchcommand.h"

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
#include "model/parameters.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryFile>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

const QString PurposeBatch = u"batch"_s;

QString money(double dollars)
{
    return u"$"_s + QString::number(dollars, 'f', 4);
}

QString shortened(const QString &text, int length = 60)
{
    const QString simple = text.simplified();
    return simple.size() <= length ? simple : simple.left(length - 1) + u"…"_s;
}

} // namespace

BatchCommand::BatchCommand(CliApplication *cli, QTextStream &out, QTextStream &err)
    : QObject(cli)
    , m_cli(cli)
    , m_out(out)
    , m_err(err)
{ }

BatchCommand::~BatchCommand() = default;

int BatchCommand::start(const QString &action, const QStringList &arguments)
{
    static const QStringList actions
        = {u"submit"_s, u"status"_s, u"fetch"_s, u"cancel"_s, u"--help"_s, u"-h"_s, u"help"_s};
    if (!actions.contains(action)) {
        m_err << (action.isEmpty()
                      ? tr("error: 'batch' needs submit, status, fetch or cancel, e.g. "
                           "'atelier-cli batch submit --prompts prompts.txt'.")
                      : tr("error: unknown batch action \"%1\"; use submit, status, fetch or "
                           "cancel (see --help).")
                            .arg(action))
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    if (action.startsWith(u'-') || action == u"help") {
        m_out << CliApplication::usage();
        m_out.flush();
        return ExitCode::Success;
    }
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    CliApplication::addCommandOptions(&parser, u"batch"_s);
    // submit takes every option of generate; the others only say where the batch lives.
    // (edit's options: generate's and the input images).
    CliApplication::addCommandOptions(&parser, action == u"submit" ? u"edit"_s : u"key"_s);
    if (action != u"submit") {
        parser.addOptions(
            {QCommandLineOption(u"json"_s, tr("Print JSON instead of text.")),
             QCommandLineOption(
                 u"out"_s, tr("Folder for the images (default: the current folder)."), u"DIR"_s),
             QCommandLineOption(
                 u"timeout"_s,
                 tr("Give up when the server sends nothing for this long (default 300)."),
                 u"SECONDS"_s),
             QCommandLineOption(u"retries"_s,
                                tr("Retries on 408/409/429/5xx and connection errors (default 2)."),
                                u"N"_s)});
    }
    if (!parser.parse(arguments)) {
        m_err << tr("error: %1; see 'atelier-cli batch --help'.").arg(parser.errorText())
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    if (parser.isSet(u"help"_s)) {
        m_out << CliApplication::usage();
        m_out.flush();
        return ExitCode::Success;
    }
    m_json = parser.isSet(u"json"_s);
    if (action == u"submit")
        return submit(parser);
    if (action == u"status")
        return status(parser);
    if (action == u"fetch")
        return fetch(parser);
    return cancel(parser);
}

void BatchCommand::interrupt()
{
    m_interrupted = true;
    if (m_client)
        m_client->cancelAll();
    end(ExitCode::Interrupted);
}

void BatchCommand::end(int exitCode)
{
    // Once: a cancelled request's callback may come after an interrupt already ended the run.
    if (std::exchange(m_ended, true))
        return;
    m_out.flush();
    m_err.flush();
    // Queued: the caller may still be inside start(), before it listens for finished().
    QMetaObject::invokeMethod(
        this, [this, exitCode] { Q_EMIT finished(exitCode); }, Qt::QueuedConnection);
}

int BatchCommand::exitCodeFor(const ApiError &error) const
{
    return m_cli->exitCodeFor(error);
}

void BatchCommand::fail(const QString &what, const ApiError &error)
{
    if (error.kind == ApiError::Kind::Cancelled && m_interrupted)
        return;
    QString message = error.toString();
    // A gateway without OpenAI's Batch API answers the files or batches path of a submit with
    // 404 or 405 (an unknown batch later is just that).
    const bool submitting = m_record.id.isEmpty() && !m_record.entries.isEmpty();
    if (submitting && (error.httpStatus == 404 || error.httpStatus == 405))
        message += u' '
            + tr("If this provider has no Batch API (Azure's differs, many gateways lack it), "
                 "send the prompts one by one with 'atelier-cli generate'.");
    m_err << tr("error: %1: %2").arg(what, message) << Qt::endl;
    end(exitCodeFor(error));
}

bool BatchCommand::profileFor(const QCommandLineParser &parser, const BatchRecord *record,
                              ProviderProfile *profile, QString *apiKey)
{
    const bool named = parser.isSet(u"provider"_s) || parser.isSet(u"base-url"_s);
    if (record && !record->provider.isEmpty() && !named) {
        *profile = record->providerProfile();
        if (parser.isSet(u"key-name"_s))
            profile->keyName = parser.value(u"key-name"_s);
        if (const QString problem = profile->problem(); !problem.isEmpty()) {
            m_err << tr("error: %1").arg(problem) << Qt::endl;
            return false;
        }
    } else if (!m_cli->buildProfile(parser, profile)) {
        return false;
    }
    if (const QString reason = BatchClient::unsupportedReason(*profile); !reason.isEmpty()) {
        m_err << tr("error: %1").arg(reason) << Qt::endl;
        return false;
    }
    QString keySource;
    *apiKey = m_cli->findApiKey(*profile, profile->keyAccount(), &keySource);
    if (apiKey->isEmpty()) {
        m_err << tr("error: no API key found: %1. Set %2 in the environment, or store a key "
                    "with 'atelier-cli key set'.")
                     .arg(keySource, profile->apiKeyVariable())
              << Qt::endl;
        return false;
    }
    return true;
}

void BatchCommand::makeClient(const QCommandLineParser &parser, const ProviderProfile &profile,
                              const QString &apiKey)
{
    m_client = std::make_unique<BatchClient>(profile, apiKey);
    if (parser.isSet(u"timeout"_s))
        m_client->setIdleTimeoutMs(std::max(1, parser.value(u"timeout"_s).toInt()) * 1000);
    if (parser.isSet(u"retries"_s))
        m_client->setMaxRetries(std::max(0, parser.value(u"retries"_s).toInt()));
}

void BatchCommand::remember(const QString &batchId, const QString &status)
{
    QString error;
    std::optional<BatchRecord> record = m_store.load(batchId, &error);
    if (!record || record->status == status)
        return;
    record->status = status;
    if (!m_store.save(*record, &error))
        m_err << tr("warning: %1").arg(error) << Qt::endl;
}

// ---- submit ---------------------------------------------------------------------------------

int BatchCommand::submit(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"prompts"_s)) {
        m_err << tr("error: 'batch submit' needs --prompts FILE, a text file with one prompt a "
                    "line.")
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    if (parser.isSet(u"prompt"_s) || !parser.positionalArguments().isEmpty()) {
        m_err << tr("error: the prompts of a batch come from --prompts FILE, one a line; "
                    "--prompt and other arguments are for 'atelier-cli generate'.")
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    // With --image the batch edits; the options mean what they mean for generate or edit.
    const bool edit = parser.isSet(u"image"_s);
    const Endpoint endpoint = edit ? Endpoint::Edits : Endpoint::Generations;
    if (parser.isSet(u"markup"_s)) {
        m_err << tr("error: --markup is not offered in a batch: JSON edits take --image and "
                    "--mask; send markup edits with 'atelier-cli edit'.")
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    m_cli->m_command = edit ? u"edit"_s : u"generate"_s;
    m_cli->m_catalog = Catalog::load(parser.isSet(u"catalog"_s) ? parser.value(u"catalog"_s)
                                                                : Catalog::defaultOverlayPath());
    const Catalog &catalog = m_cli->m_catalog;
    for (const QString &warning : catalog.loadWarnings())
        m_err << tr("warning: %1").arg(warning) << Qt::endl;
    ImageRequest shared;
    if (!m_cli->buildRequest(endpoint, parser, &shared))
        return ExitCode::InvalidInput;
    if (edit && catalog.spec(Catalog::effectiveModel(shared)).family != u"gpt-image") {
        m_err << tr("error: model: a batch sends edits as JSON, which only GPT image models "
                    "take; %1 edits need 'atelier-cli edit'.")
                     .arg(Catalog::effectiveModel(shared))
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    if (shared.hasOption(Param::Stream) || shared.hasOption(Param::PartialImages)) {
        m_err << tr("note: a batch never streams; --stream and --partial-images are left out.")
              << Qt::endl;
        shared.clearOption(Param::Stream);
        shared.clearOption(Param::PartialImages);
    }
    ProviderProfile profile;
    if (!m_cli->buildProfile(parser, &profile))
        return ExitCode::InvalidInput;
    if (const QString reason = BatchClient::unsupportedReason(profile); !reason.isEmpty()) {
        m_err << tr("error: %1").arg(reason) << Qt::endl;
        return ExitCode::InvalidInput;
    }

    QList<BatchEntry> entries;
    QStringList problems;
    const QString promptsPath = parser.value(u"prompts"_s);
    if (!BatchPlan::readPrompts(promptsPath, &entries, &problems)) {
        for (const QString &problem : std::as_const(problems))
            m_err << tr("error: %1: %2").arg(promptsPath, problem) << Qt::endl;
        m_err << tr("Nothing was uploaded.") << Qt::endl;
        return ExitCode::InvalidInput;
    }

    // Every line is validated before anything leaves: one bad line stops the whole batch.
    const ValidationContext context {profile.kind == ProviderProfile::Kind::OpenAI,
                                     QDate::currentDate()};
    QSet<QString> warned;
    bool invalid = false;
    double cost = 0;
    bool costAvailable = true;
    bool tokensEstimated = false;
    for (const BatchEntry &entry : std::as_const(entries)) {
        const ImageRequest request = BatchPlan::requestFor(shared, entry.prompt);
        const QList<Violation> violations = catalog.validate(request, context);
        for (const Violation &violation : violations) {
            if (violation.isError()) {
                invalid = true;
                m_err << tr("error: %1 line %2 (\"%3\"): %4: %5")
                             .arg(promptsPath)
                             .arg(entry.line)
                             .arg(shortened(entry.prompt), violation.parameter, violation.message)
                      << Qt::endl;
            } else if (!warned.contains(violation.message)) {
                warned.insert(violation.message);
                m_err << tr("warning: %1").arg(violation.message) << Qt::endl;
            }
        }
        const CostEstimate estimate = catalog.estimate(request);
        costAvailable = costAvailable && estimate.available;
        tokensEstimated = tokensEstimated || estimate.tokensEstimated;
        cost += estimate.cost;
    }
    if (invalid) {
        m_err << tr("Nothing was uploaded.") << Qt::endl;
        return ExitCode::InvalidInput;
    }

    if (parser.isSet(u"dry-run"_s)) {
        // The input file exactly as it would be uploaded (an edit's files named, not sent).
        BatchPlan::FileIds placeholders;
        for (const QString &path : BatchPlan::inputFiles(shared))
            placeholders.insert(path, u"file-(upload of %1)"_s.arg(QFileInfo(path).fileName()));
        QFile output;
        if (!output.open(stdout, QIODevice::WriteOnly)) {
            m_err << tr("error: standard output cannot be written.") << Qt::endl;
            return ExitCode::Failure;
        }
        m_out.flush();
        QString error;
        if (!BatchPlan::writeJsonl(&output, shared, entries, profile, &error, placeholders)) {
            m_err << tr("error: %1").arg(error) << Qt::endl;
            return ExitCode::InvalidInput;
        }
        return ExitCode::Success;
    }

    QString apiKey;
    QString keySource;
    apiKey = m_cli->findApiKey(profile, profile.keyAccount(), &keySource);
    if (apiKey.isEmpty()) {
        m_err << tr("error: no API key found: %1. Set %2 in the environment, or store a key "
                    "with 'atelier-cli key set'.")
                     .arg(keySource, profile.apiKeyVariable())
              << Qt::endl;
        return ExitCode::InvalidInput;
    }

    const double batchCost = cost / 2;
    if (costAvailable && !m_json)
        m_err << (tokensEstimated
                      ? tr("Estimated cost: %1 at batch price (%2 at the normal price; output "
                           "tokens by an unofficial formula).")
                      : tr("Estimated cost: %1 at batch price (%2 at the normal price)."))
                     .arg(money(batchCost), money(cost))
              << Qt::endl;

    makeClient(parser, profile, apiKey);
    m_profile = profile;
    m_record = BatchRecord();
    m_record.submittedAt = QDateTime::currentDateTimeUtc();
    m_record.provider = profile.toJson();
    m_record.request = shared;
    m_record.entries = entries;
    m_record.estimatedCost = costAvailable ? batchCost : -1;
    m_normalCost = costAvailable ? cost : -1;
    m_pendingUploads = BatchPlan::inputFiles(shared);
    uploadNextInput();
    return -1;
}

void BatchCommand::uploadNextInput()
{
    if (m_pendingUploads.isEmpty()) {
        uploadBatchFile();
        return;
    }
    // An edit's images go up once, however many lines use them.
    const QString path = m_pendingUploads.takeFirst();
    m_client->uploadFile(path, u"vision"_s,
                         [this, path](const QJsonObject &uploaded, const ApiError &error) {
                             if (error.isError()) {
                                 fail(tr("%1 could not be uploaded").arg(path), error);
                                 return;
                             }
                             const QString id = uploaded.value(u"id"_s).toString();
                             m_fileIds.insert(path, id);
                             m_record.uploadedFileIds.append(id);
                             uploadNextInput();
                         });
}

void BatchCommand::uploadBatchFile()
{
    // The input file: written line by line into a private temporary file, then uploaded from
    // disk; no more than one body is in memory at a time.
    auto file = std::make_shared<QTemporaryFile>(QDir::temp().filePath(
        u"atelier-batch-"_s + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s)
        + u"-XXXXXX.jsonl"_s));
    QString error;
    if (!file->open()) {
        m_err << tr("error: the batch file cannot be created in %1: %2.")
                     .arg(QDir::tempPath(), file->errorString())
              << Qt::endl;
        end(ExitCode::Failure);
        return;
    }
    if (!BatchPlan::writeJsonl(file.get(), m_record.request, m_record.entries, m_profile, &error,
                               m_fileIds)
        || !file->flush()) {
        m_err << tr("error: %1").arg(error.isEmpty() ? file->errorString() : error) << Qt::endl;
        end(ExitCode::InvalidInput);
        return;
    }
    file->close();
    if (!m_json)
        m_err << tr("Uploading %n request(s)…", nullptr, int(m_record.entries.size())) << Qt::endl;
    m_client->uploadFile(
        file->fileName(), PurposeBatch,
        [this, file](const QJsonObject &uploaded, const ApiError &error) mutable {
            file.reset(); // the temporary file goes once it is sent
            if (error.isError()) {
                fail(tr("the batch file could not be uploaded"), error);
                return;
            }
            m_record.inputFileId = uploaded.value(u"id"_s).toString();
            m_client->createBatch(
                m_record.inputFileId, BatchPlan::endpointUrl(m_record.request.endpoint),
                QJsonObject {{u"source"_s, u"atelier-cli"_s}},
                [this](const QJsonObject &created, const ApiError &error) {
                    if (error.isError()) {
                        fail(tr("the batch could not be created (the uploaded file is %1)")
                                 .arg(m_record.inputFileId),
                             error);
                        return;
                    }
                    const BatchInfo info = BatchInfo::fromJson(created);
                    m_record.id = info.id;
                    m_record.status = info.status;
                    QString saveError;
                    if (!m_store.save(m_record, &saveError))
                        m_err
                            << tr("warning: %1 Note the batch id to fetch it later.").arg(saveError)
                            << Qt::endl;
                    if (m_json) {
                        QJsonObject summary {{u"ok"_s, true},
                                             {u"batch_id"_s, info.id},
                                             {u"status"_s, info.status},
                                             {u"input_file_id"_s, m_record.inputFileId},
                                             {u"requests"_s, m_record.entries.size()}};
                        if (!m_record.uploadedFileIds.isEmpty())
                            summary.insert(u"uploaded_file_ids"_s,
                                           QJsonArray::fromStringList(m_record.uploadedFileIds));
                        if (m_record.estimatedCost >= 0) {
                            summary.insert(u"estimated_cost_usd"_s, m_record.estimatedCost);
                            summary.insert(u"normal_cost_usd"_s, m_normalCost);
                        }
                        m_out << QJsonDocument(summary).toJson(QJsonDocument::Indented);
                    } else {
                        m_out << info.id << Qt::endl;
                        m_err << tr("Batch %1 is %2; results within 24 hours. Follow it with "
                                    "'atelier-cli batch status %1', save the images with "
                                    "'atelier-cli "
                                    "batch fetch %1'.")
                                     .arg(info.id, BatchInfo::statusText(info.status))
                              << Qt::endl;
                    }
                    end(ExitCode::Success);
                });
        });
}

// ---- status ---------------------------------------------------------------------------------

int BatchCommand::status(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        m_err << tr("error: 'batch status' takes at most one batch id.") << Qt::endl;
        return ExitCode::InvalidInput;
    }
    QStringList warnings;
    if (positional.isEmpty()) {
        m_records = m_store.all(&warnings);
        for (const QString &warning : std::as_const(warnings))
            m_err << tr("warning: %1").arg(warning) << Qt::endl;
        if (m_records.isEmpty()) {
            m_out << tr("Atelier knows no batches yet; start one with 'atelier-cli batch submit "
                        "--prompts FILE'.")
                  << Qt::endl;
            return ExitCode::Success;
        }
        for (const BatchRecord &record : std::as_const(m_records))
            m_statusIds.append(record.id);
        if (!m_json)
            m_out << QString(tr("BATCH")).leftJustified(34)
                  << QString(tr("STATUS")).leftJustified(14)
                  << QString(tr("DONE")).leftJustified(12) << QString(tr("FAILED")).leftJustified(8)
                  << tr("SUBMITTED") << Qt::endl;
    } else {
        QString error;
        if (std::optional<BatchRecord> record = m_store.load(positional.first(), &error))
            m_records.append(*record);
        m_statusIds.append(positional.first());
        m_statusDetail = true;
    }
    // One provider for all: the first remembered batch's, or the options'.
    ProviderProfile profile;
    QString apiKey;
    if (!profileFor(parser, m_records.isEmpty() ? nullptr : &m_records.first(), &profile, &apiKey))
        return ExitCode::InvalidInput;
    makeClient(parser, profile, apiKey);
    m_statusExit = ExitCode::Success;
    statusNext();
    return -1;
}

void BatchCommand::statusNext()
{
    if (m_statusNext >= m_statusIds.size()) {
        end(m_statusExit);
        return;
    }
    const QString id = m_statusIds.at(m_statusNext++);
    m_client->retrieveBatch(id, [this, id](const QJsonObject &json, const ApiError &error) {
        const BatchRecord *record = nullptr;
        for (const BatchRecord &candidate : std::as_const(m_records)) {
            if (candidate.id == id)
                record = &candidate;
        }
        if (error.isError()) {
            if (error.kind == ApiError::Kind::Cancelled && m_interrupted)
                return;
            m_err << tr("error: batch %1: %2").arg(id, error.toString()) << Qt::endl;
            m_statusExit = exitCodeFor(error);
            statusNext();
            return;
        }
        const BatchInfo info = BatchInfo::fromJson(json);
        remember(id, info.status);
        if (m_json)
            m_out << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
        else if (m_statusDetail)
            printStatusDetail(info, record);
        else
            printStatusLine(info, record);
        statusNext();
    });
}

void BatchCommand::printStatusLine(const BatchInfo &info, const BatchRecord *record)
{
    const QString done = u"%1/%2"_s.arg(info.completed).arg(info.total);
    m_out << info.id.leftJustified(34) << BatchInfo::statusText(info.status).leftJustified(14)
          << done.leftJustified(12) << QString::number(info.failed).leftJustified(8)
          << (record ? record->submittedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s)
                     : QString())
          << Qt::endl;
}

void BatchCommand::printStatusDetail(const BatchInfo &info, const BatchRecord *record)
{
    m_out << tr("Batch %1: %2").arg(info.id, BatchInfo::statusText(info.status)) << Qt::endl;
    m_out << tr("Requests: %1 completed, %2 failed, %3 in all")
                 .arg(info.completed)
                 .arg(info.failed)
                 .arg(info.total)
          << Qt::endl;
    if (record) {
        m_out << tr("Submitted: %1, %n prompt(s)", nullptr, int(record->entries.size()))
                     .arg(record->submittedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s))
              << Qt::endl;
        if (record->estimatedCost >= 0)
            m_out << tr("Estimated cost: %1 at batch price").arg(money(record->estimatedCost))
                  << Qt::endl;
    }
    for (const BatchInfo::Error &error : info.errors)
        m_out << (error.line > 0
                      ? tr("  line %1: %2 (%3)").arg(error.line).arg(error.message, error.code)
                      : tr("  %1 (%2)").arg(error.message, error.code))
              << Qt::endl;
    if (info.status == u"completed" || info.status == u"expired" || info.status == u"cancelled")
        m_out << tr("Save the results with 'atelier-cli batch fetch %1'.").arg(info.id) << Qt::endl;
}

// ---- cancel ---------------------------------------------------------------------------------

int BatchCommand::cancel(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        m_err << tr("error: 'batch cancel' needs one batch id, e.g. 'atelier-cli batch cancel "
                    "batch_abc123'.")
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    const QString id = positional.first();
    QString error;
    const std::optional<BatchRecord> record = m_store.load(id, &error);
    ProviderProfile profile;
    QString apiKey;
    if (!profileFor(parser, record ? &*record : nullptr, &profile, &apiKey))
        return ExitCode::InvalidInput;
    makeClient(parser, profile, apiKey);
    m_client->cancelBatch(id, [this, id](const QJsonObject &json, const ApiError &error) {
        if (error.isError()) {
            fail(tr("batch %1 could not be cancelled").arg(id), error);
            return;
        }
        const BatchInfo info = BatchInfo::fromJson(json);
        remember(id, info.status);
        m_out << tr("Batch %1 is %2; what it finished so far can still be fetched.")
                     .arg(id, BatchInfo::statusText(info.status))
              << Qt::endl;
        end(ExitCode::Success);
    });
    return -1;
}

// ---- fetch ----------------------------------------------------------------------------------

int BatchCommand::fetch(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        m_err << tr("error: 'batch fetch' needs one batch id, e.g. 'atelier-cli batch fetch "
                    "batch_abc123 --out DIR'.")
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    QString error;
    std::optional<BatchRecord> record = m_store.load(positional.first(), &error);
    if (!record) {
        m_err << tr("error: %1").arg(error) << Qt::endl;
        return ExitCode::InvalidInput;
    }
    m_record = *record;
    ProviderProfile profile;
    QString apiKey;
    if (!profileFor(parser, &m_record, &profile, &apiKey))
        return ExitCode::InvalidInput;
    m_outDirectory = parser.value(u"out"_s);
    m_wait = parser.isSet(u"wait"_s);
    if (parser.isSet(u"poll-interval"_s)) {
        bool ok = false;
        const double seconds = parser.value(u"poll-interval"_s).toDouble(&ok);
        if (!ok || seconds < 0) {
            m_err << tr("error: --poll-interval needs a number of seconds, e.g. 60.") << Qt::endl;
            return ExitCode::InvalidInput;
        }
        m_pollIntervalMs = int(seconds * 1000);
    }
    m_saved = m_store.savedResults(m_record.id);
    makeClient(parser, profile, apiKey);
    poll();
    return -1;
}

void BatchCommand::poll()
{
    m_client->retrieveBatch(m_record.id, [this](const QJsonObject &json, const ApiError &error) {
        if (error.isError()) {
            fail(tr("batch %1").arg(m_record.id), error);
            return;
        }
        onFetchInfo(BatchInfo::fromJson(json));
    });
}

void BatchCommand::onFetchInfo(const BatchInfo &info)
{
    m_info = info;
    remember(info.id, info.status);
    if (!info.isFinished()) {
        if (!m_wait) {
            m_err << tr("Batch %1 is %2 (%3 of %4 requests done); nothing to fetch yet. Run this "
                        "again later, or add --wait.")
                         .arg(info.id, BatchInfo::statusText(info.status))
                         .arg(info.completed + info.failed)
                         .arg(info.total)
                  << Qt::endl;
            end(ExitCode::NotFinished);
            return;
        }
        if (info.status != m_lastStatus)
            m_err << tr("Batch %1 is %2; waiting…").arg(info.id, BatchInfo::statusText(info.status))
                  << Qt::endl;
        m_lastStatus = info.status;
        QTimer::singleShot(m_pollIntervalMs, this, &BatchCommand::poll);
        return;
    }
    if (info.status == u"failed") {
        m_err << tr("error: batch %1 failed as a whole; no request was run:").arg(info.id)
              << Qt::endl;
        for (const BatchInfo::Error &error : info.errors) {
            const BatchEntry *entry = error.line > 0 && error.line <= m_record.entries.size()
                ? &m_record.entries.at(error.line - 1)
                : nullptr;
            m_err << (entry ? tr("  line %1 (\"%2\"): %3")
                                  .arg(entry->line)
                                  .arg(shortened(entry->prompt), error.message)
                            : tr("  %1").arg(error.message))
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
                fail(tr("the output file %1 could not be read").arg(m_info.outputFileId), error);
                return;
            }
            downloadErrors();
        });
}

void BatchCommand::downloadErrors()
{
    if (m_info.errorFileId.isEmpty()) {
        finishFetch();
        return;
    }
    m_client->downloadLines(
        m_info.errorFileId, [this](QByteArray line) { return onErrorLine(std::move(line)); },
        [this](const ApiError &error) {
            if (error.isError()) {
                fail(tr("the error file %1 could not be read").arg(m_info.errorFileId), error);
                return;
            }
            finishFetch();
        });
}

QString BatchCommand::promptLabel(const QString &customId) const
{
    const BatchEntry *entry = m_record.entry(customId);
    return entry ? tr("line %1 (\"%2\")").arg(entry->line).arg(shortened(entry->prompt))
                 : tr("request %1").arg(customId);
}

void BatchCommand::reportFailure(const QString &customId, const ApiError &error)
{
    ++m_failedLines;
    QString reason = error.message;
    if (!error.code.isEmpty())
        reason += u" ("_s + error.code + u')';
    m_err << tr("error: %1 failed: %2").arg(promptLabel(customId), reason) << Qt::endl;
}

bool BatchCommand::onOutputLine(QByteArray line)
{
    ++m_outputLine;
    BatchOutputLine result;
    QString problem;
    if (!BatchOutputLine::parse(std::move(line), &result, &problem)) {
        ++m_malformedLines;
        m_err << tr("error: line %1 of the output file cannot be read (%2); the other results "
                    "are kept.")
                     .arg(m_outputLine)
                     .arg(problem)
              << Qt::endl;
        return true;
    }
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
    QJsonObject recipe = BatchPlan::requestFor(m_record.request, prompt).toJson();
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
            m_err << tr("error: image %1 of %2 is not base64; it was not saved.")
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
        QString error;
        const QString path
            = writer.write(image, count > 1 ? u"-%1"_s.arg(i + 1) : QString(), &error);
        if (path.isEmpty()) {
            m_writeFailed = true;
            m_err << tr("error: %1").arg(error) << Qt::endl;
            continue;
        }
        paths.append(path);
        if (!m_json)
            m_out << path << Qt::endl;
    }
    if (!paths.isEmpty()) {
        ++m_savedNow;
        m_saved.insert(result.customId, paths);
        QString error;
        if (!m_store.recordSaved(m_record.id, result.customId, paths, &error))
            m_err << tr("warning: %1").arg(error) << Qt::endl;
    }
    return !m_interrupted;
}

bool BatchCommand::onErrorLine(QByteArray line)
{
    ++m_errorLine;
    BatchOutputLine result;
    QString problem;
    if (!BatchOutputLine::parse(std::move(line), &result, &problem)) {
        ++m_malformedLines;
        m_err << tr("error: line %1 of the error file cannot be read (%2).")
                     .arg(m_errorLine)
                     .arg(problem)
              << Qt::endl;
        return true;
    }
    m_seen.insert(result.customId);
    if (result.succeeded()) // an answer in the error file: treat it as failed without a reason
        result.error = ApiError::make(ApiError::Kind::Api, tr("listed in the error file"));
    reportFailure(result.customId, result.error);
    return true;
}

void BatchCommand::finishFetch()
{
    // Requests neither file answered: an expired or cancelled batch never ran them.
    int notRun = 0;
    for (const BatchEntry &entry : std::as_const(m_record.entries)) {
        if (m_seen.contains(entry.customId) || m_saved.contains(entry.customId))
            continue;
        ++notRun;
        m_err << tr("error: %1 was not run: the batch is %2.")
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
        m_err << tr("Batch %1: %2 request(s) saved now, %3 saved before, %4 failed.")
                     .arg(m_record.id)
                     .arg(m_savedNow)
                     .arg(m_savedBefore)
                     .arg(m_failedLines + notRun + m_malformedLines)
              << Qt::endl;
    }
    end(code);
}

} // namespace Atelier
