#include "batchsubmit.h"

#include "batch/batchclient.h"
#include "batch/batchinfo.h"
#include "clioptions.h"
#include "model/parameters.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

const QString PurposeBatch = u"batch"_s;

} // namespace

int BatchSubmit::start(const QCommandLineParser &parser)
{
    if (!parser.isSet(u"prompts"_s)) {
        m_err << BatchText::tr(
            "error: 'batch submit' needs --prompts FILE, a text file with one prompt a "
            "line.")
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    if (parser.isSet(u"prompt"_s) || !parser.positionalArguments().isEmpty()) {
        m_err << BatchText::tr(
            "error: the prompts of a batch come from --prompts FILE, one a line; "
            "--prompt and other arguments are for 'atelier-cli generate'.")
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    // With --image the batch edits; the options mean what they mean for generate or edit.
    const bool edit = parser.isSet(u"image"_s);
    const Endpoint endpoint = edit ? Endpoint::Edits : Endpoint::Generations;
    if (parser.isSet(u"markup"_s)) {
        m_err << BatchText::tr(
            "error: --markup is not offered in a batch: JSON edits take --image and "
            "--mask; send markup edits with 'atelier-cli edit'.")
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    const Catalog catalog = m_cli.loadCatalog(parser);
    Result<ImageRequest> described
        = CliOptions::request(endpoint, edit ? u"edit"_s : u"generate"_s, parser, catalog);
    if (!described) {
        m_cli.error(described.error());
        return ExitCode::InvalidInput;
    }
    ImageRequest shared = *std::move(described);
    if (edit && catalog.spec(Catalog::effectiveModel(shared)).family != u"gpt-image") {
        m_err << BatchText::tr(
                     "error: model: a batch sends edits as JSON, which only GPT image models "
                     "take; %1 edits need 'atelier-cli edit'.")
                     .arg(Catalog::effectiveModel(shared))
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    if (shared.hasOption(Param::Stream) || shared.hasOption(Param::PartialImages)) {
        m_err << BatchText::tr(
            "note: a batch never streams; --stream and --partial-images are left out.")
              << Qt::endl;
        shared.clearOption(Param::Stream);
        shared.clearOption(Param::PartialImages);
    }
    const Result<ProviderProfile> found = m_cli.profile(parser);
    if (!found) {
        m_cli.error(found.error());
        return ExitCode::InvalidInput;
    }
    const ProviderProfile &profile = *found;
    if (const Status supported = BatchClient::checkSupported(profile); !supported) {
        m_cli.error(supported.error());
        return ExitCode::InvalidInput;
    }

    QList<BatchEntry> entries;
    QStringList problems;
    const QString promptsPath = parser.value(u"prompts"_s);
    if (!BatchPlan::readPrompts(promptsPath, &entries, &problems)) {
        for (const QString &problem : std::as_const(problems))
            m_err << BatchText::tr("error: %1: %2").arg(promptsPath, problem) << Qt::endl;
        m_err << BatchText::tr("Nothing was uploaded.") << Qt::endl;
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
                m_err << BatchText::tr("error: %1 line %2 (\"%3\"): %4: %5")
                             .arg(promptsPath)
                             .arg(entry.line)
                             .arg(shortened(entry.prompt), violation.parameter, violation.message)
                      << Qt::endl;
            } else if (!warned.contains(violation.message)) {
                warned.insert(violation.message);
                m_err << BatchText::tr("warning: %1").arg(violation.message) << Qt::endl;
            }
        }
        const CostEstimate estimate = catalog.estimate(request);
        costAvailable = costAvailable && estimate.available;
        tokensEstimated = tokensEstimated || estimate.tokensEstimated;
        cost += estimate.cost;
    }
    if (invalid) {
        m_err << BatchText::tr("Nothing was uploaded.") << Qt::endl;
        return ExitCode::InvalidInput;
    }

    if (parser.isSet(u"dry-run"_s)) {
        // The input file exactly as it would be uploaded (an edit's files named, not sent).
        BatchPlan::FileIds placeholders;
        for (const QString &path : BatchPlan::inputFiles(shared))
            placeholders.insert(path, u"file-(upload of %1)"_s.arg(QFileInfo(path).fileName()));
        QFile output;
        if (!output.open(stdout, QIODevice::WriteOnly)) {
            m_err << BatchText::tr("error: standard output cannot be written.") << Qt::endl;
            return ExitCode::Failure;
        }
        m_out.flush();
        if (const Status written
            = BatchPlan::writeJsonl(&output, shared, entries, profile, placeholders);
            !written) {
            m_cli.error(written.error());
            return ExitCode::InvalidInput;
        }
        return ExitCode::Success;
    }

    const Result<ApiKey> apiKey = CliContext::requireApiKey(profile);
    if (!apiKey) {
        m_cli.error(apiKey.error());
        return ExitCode::InvalidInput;
    }

    const double batchCost = cost / 2;
    if (costAvailable && !m_json)
        m_err << (tokensEstimated
                      ? BatchText::tr(
                          "Estimated cost: %1 at batch price (%2 at the normal price; output "
                          "tokens by an unofficial formula).")
                      : BatchText::tr(
                          "Estimated cost: %1 at batch price (%2 at the normal price)."))
                     .arg(money(batchCost), money(cost))
              << Qt::endl;

    makeClient({profile, apiKey->value});
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

void BatchSubmit::uploadNextInput()
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
                                 fail(BatchText::tr("%1 could not be uploaded").arg(path), error);
                                 return;
                             }
                             const QString id = uploaded.value(u"id"_s).toString();
                             m_fileIds.insert(path, id);
                             m_record.uploadedFileIds.append(id);
                             uploadNextInput();
                         });
}

void BatchSubmit::uploadBatchFile()
{
    // The input file: written line by line into a private temporary file, then uploaded from
    // disk; no more than one body is in memory at a time.
    auto file = std::make_shared<QTemporaryFile>(QDir::temp().filePath(
        u"atelier-batch-"_s + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s)
        + u"-XXXXXX.jsonl"_s));
    if (!file->open()) {
        m_err << BatchText::tr("error: the batch file cannot be created in %1: %2.")
                     .arg(QDir::tempPath(), file->errorString())
              << Qt::endl;
        end(ExitCode::Failure);
        return;
    }
    const Status written = BatchPlan::writeJsonl(file.get(), m_record.request, m_record.entries,
                                                 m_profile, m_fileIds);
    if (!written || !file->flush()) {
        m_cli.error(written ? file->errorString() : written.error());
        end(ExitCode::InvalidInput);
        return;
    }
    file->close();
    if (!m_json)
        m_err << BatchText::tr("Uploading %n request(s)…", nullptr, int(m_record.entries.size()))
              << Qt::endl;
    m_client->uploadFile(
        file->fileName(), PurposeBatch,
        [this, file](const QJsonObject &uploaded, const ApiError &error) mutable {
            file.reset(); // the temporary file goes once it is sent
            if (error.isError()) {
                fail(BatchText::tr("the batch file could not be uploaded"), error);
                return;
            }
            m_record.inputFileId = uploaded.value(u"id"_s).toString();
            m_client->createBatch(
                m_record.inputFileId, BatchPlan::endpointUrl(m_record.request.endpoint),
                QJsonObject {{u"source"_s, u"atelier-cli"_s}},
                [this](const QJsonObject &created, const ApiError &error) {
                    if (error.isError()) {
                        fail(BatchText::tr(
                                 "the batch could not be created (the uploaded file is %1)")
                                 .arg(m_record.inputFileId),
                             error);
                        return;
                    }
                    const BatchInfo info = BatchInfo::fromJson(created);
                    m_record.id = info.id;
                    m_record.status = info.status;
                    if (const Status saved = m_store.save(m_record); !saved)
                        m_err << BatchText::tr("warning: %1 Note the batch id to fetch it later.")
                                     .arg(saved.error())
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
                        m_err << BatchText::tr(
                                     "Batch %1 is %2; results within 24 hours. Follow it with "
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

QString BatchSubmit::adviceFor(const ApiError &error) const
{
    // A gateway without OpenAI's Batch API answers the files or batches path with 404 or 405.
    if (error.httpStatus == 404 || error.httpStatus == 405)
        return BatchText::tr(
            "If this provider has no Batch API (Azure's differs, many gateways lack "
            "it), send the prompts one by one with 'atelier-cli generate'.");
    return {};
}

} // namespace Atelier
