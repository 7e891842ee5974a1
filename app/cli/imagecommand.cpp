#include "imagecommand.h"

#include "api/imagejob.h"
#include "api/imagesclient.h"
#include "api/requestbuilder.h"
#include "catalog/variationplan.h"
#include "clioptions.h"
#include "imagewriter.h"
#include "model/parameters.h"
#include "studio/generationplan.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Atelier {

ImageCommand::ImageCommand(CliContext &cli, QObject *parent)
    : QObject(parent)
    , m_cli(cli)
{ }

ImageCommand::~ImageCommand() = default;

int ImageCommand::start(Endpoint endpoint, const QString &command, const QCommandLineParser &parser)
{
    m_json = parser.isSet(u"json"_s);
    if (!m_cli.acceptName(parser))
        return ExitCode::InvalidInput;
    m_catalog = m_cli.loadCatalog(parser);
    Result<ImageRequest> described = CliOptions::request(endpoint, command, parser, m_catalog);
    if (!described) {
        m_cli.error(described.error());
        return ExitCode::InvalidInput;
    }
    m_request = *std::move(described);
    const Result<ProviderProfile> provider = m_cli.profile(parser);
    if (!provider) {
        m_cli.error(provider.error());
        return ExitCode::InvalidInput;
    }
    const ProviderProfile &profile = *provider;
    const bool servedByOpenAI = profile.kind == ProviderProfile::Kind::OpenAI;
    if (endpoint == Endpoint::Variations) {
        m_request
            = VariationPlan::plan(m_catalog, m_request, servedByOpenAI, parser.isSet(u"model"_s));
        if (m_request.endpoint == Endpoint::Edits)
            m_cli.err() << CliText::tr("note: %1").arg(VariationPlan::explain(m_request))
                        << Qt::endl;
    }
    // What goes out, checked once: the same plan the studio makes (no wildcards here: a prompt
    // is sent as written).
    GenerationPlan::Options planning;
    planning.expandWildcards = false;
    planning.context = ValidationContext {servedByOpenAI, QDate::currentDate()};
    const GenerationPlan plan = GenerationPlan::make(m_catalog, m_request, planning);
    for (const Violation &violation : plan.warnings)
        m_cli.err() << CliText::tr("warning: %1").arg(violation.message) << Qt::endl;
    // Input files the studio would offer to fix are errors here: the CLI sends files as given.
    const QList<Violation> errors = plan.errors + plan.fixable;
    if (!errors.isEmpty()) {
        m_cli.refuse(errors);
        return ExitCode::InvalidInput;
    }
    m_request = plan.requests.first();
    const CliContext::KeyLookup key = CliContext::lookUpKey(profile);
    const QString apiKey = key.value();

    // Streaming several images: parallel n=1 requests, so that every image streams.
    const int imagesRequested = int(m_request.option(Param::N).toInteger(1));
    const bool split = plan.splitsStreams();
    const ImageRequest single = plan.sends.first();

    if (parser.isSet(u"dry-run"_s)) {
        QJsonObject description = RequestBuilder::build(single, profile, apiKey).describe();
        if (split)
            description.insert(u"parallel_requests"_s, imagesRequested);
        m_cli.printDryRun(description, key, profile);
        return ExitCode::Success;
    }

    // The folder is made and tried before the request goes out: a request is paid for, and its
    // images would have nowhere to go.
    m_writer = m_cli.prepareRun(key, parser, m_request.prompt);
    if (!m_writer)
        return ExitCode::InvalidInput;

    if (plan.each.available && !m_json)
        m_cli.err() << CliText::tr("Estimated cost: $%1").arg(plan.each.cost, 0, 'f', 4)
                    << Qt::endl;

    m_client = std::make_unique<ImagesClient>(
        [catalog = m_catalog](const ImageRequest &request, const ValidationContext &context) {
            return catalog.validate(request, context);
        });
    m_client->setProvider(profile, apiKey);
    m_client->setOptions(CliContext::clientOptions(parser));

    if (split) {
        for (int i = 0; i < imagesRequested; ++i)
            startJob(single, i, imagesRequested);
    } else {
        startJob(m_request, -1, imagesRequested);
    }
    return -1;
}

void ImageCommand::startJob(const ImageRequest &request, int jobIndex, int imagesRequested)
{
    ImageJob *job = m_client->start(request);
    m_jobs.append(job);
    ++m_running;
    // Images are saved on the decode thread as soon as they are decoded, so writing files never
    // holds up receiving the stream; the main thread only reports the paths.
    job->setPersister([writer = m_writer, jobIndex,
                       imagesRequested](const ImageResult &image) -> Result<ImageJob::Kept> {
        const Result<QString> written
            = writer->write(image, ImageWriter::suffixFor(image, imagesRequested, jobIndex));
        if (!written)
            return written.failure();
        return ImageJob::Kept {*written};
    });
    // Streamed images go to their file slice by slice as they arrive: no image is held whole.
    job->setStreamSink(
        ImageWriter::streamSink(m_writer, [jobIndex, imagesRequested](const ImageResult &image) {
            return ImageWriter::suffixFor(image, imagesRequested, jobIndex);
        }));
    auto save = [this](const ImageResult &image) {
        const QString &path = image.savedPath;
        if (path.isEmpty()) {
            m_writeFailed = true;
            m_cli.err() << CliText::tr("error: %1").arg(image.saveError) << Qt::endl;
            return;
        }
        if (image.partial) {
            m_savedPartials.append(path);
        } else {
            QJsonObject saved {{u"path"_s, path},
                               {u"format"_s, image.format},
                               {u"width"_s, image.size.width()},
                               {u"height"_s, image.size.height()}};
            if (!image.revisedPrompt.isEmpty())
                saved.insert(u"revised_prompt"_s, image.revisedPrompt);
            if (image.sourceUrl.isValid())
                saved.insert(u"url"_s, image.sourceUrl.toString());
            m_savedImages.append(saved);
        }
        if (!m_json)
            m_cli.out() << path << Qt::endl;
    };
    connect(job, &ImageJob::partialImage, this, save);
    connect(job, &ImageJob::imageReady, this, save);
    connect(job, &ImageJob::usageReported, this, [this](const Usage &usage) {
        auto add = [](qint64 a, qint64 b) {
            return a < 0 ? b : (b < 0 ? a : a + b);
        };
        m_usage.inputTokens = add(m_usage.inputTokens, usage.inputTokens);
        m_usage.outputTokens = add(m_usage.outputTokens, usage.outputTokens);
        m_usage.totalTokens = add(m_usage.totalTokens, usage.totalTokens);
        m_usage.inputTextTokens = add(m_usage.inputTextTokens, usage.inputTextTokens);
        m_usage.inputImageTokens = add(m_usage.inputImageTokens, usage.inputImageTokens);
        if (!usage.svg.isEmpty())
            m_usage.svg = usage.svg;
    });
    connect(job, &ImageJob::retrying, this, [this](int retry, int delayMs, const ApiError &reason) {
        if (!m_json)
            m_cli.err() << CliText::tr("Retrying (%1) in %2 s: %3")
                               .arg(retry)
                               .arg(delayMs / 1000.0, 0, 'f', 1)
                               .arg(reason.toString())
                        << Qt::endl;
    });
    connect(job, &ImageJob::failed, this, [this](const ApiError &error) {
        m_failures.append(error);
        m_errors.append(QJsonObject {{u"kind"_s, ApiError::kindName(error.kind)},
                                     {u"message"_s, error.message},
                                     {u"status"_s, error.httpStatus},
                                     {u"type"_s, error.type},
                                     {u"param"_s, error.param},
                                     {u"code"_s, error.code},
                                     {u"request_id"_s, error.requestId}});
        if (!m_json)
            m_cli.err() << CliText::tr("error: %1").arg(error.toString()) << Qt::endl;
    });
    connect(job, &ImageJob::finished, this, &ImageCommand::onJobFinished);
}

void ImageCommand::onJobFinished()
{
    auto *job = qobject_cast<ImageJob *>(sender());
    if (job && !job->requestId().isEmpty())
        m_requestIds.append(job->requestId());
    if (--m_running > 0)
        return;
    int code = ExitCode::Success;
    if (m_interrupted)
        code = ExitCode::Interrupted;
    else if (!m_failures.isEmpty())
        code = CliContext::exitCodeFor(m_failures.constFirst());
    else if (m_writeFailed)
        code = ExitCode::Failure;
    if (m_json) {
        QJsonObject summary {{u"ok"_s, code == ExitCode::Success},
                             {u"endpoint"_s, endpointName(m_request.endpoint)},
                             {u"model"_s, Catalog::effectiveModel(m_request)},
                             {u"images"_s, m_savedImages},
                             {u"partials"_s, m_savedPartials},
                             {u"request_ids"_s, m_requestIds}};
        if (m_usage.isValid())
            summary.insert(u"usage"_s, m_usage.toJson());
        if (!m_usage.svg.isEmpty())
            summary.insert(u"svg_usage"_s, m_usage.svg);
        const CostEstimate estimate = m_catalog.estimate(m_request);
        if (estimate.available)
            summary.insert(u"estimated_cost_usd"_s, estimate.cost);
        if (!m_errors.isEmpty())
            summary.insert(u"errors"_s, m_errors);
        m_cli.out() << QJsonDocument(summary).toJson(QJsonDocument::Indented);
        m_cli.out().flush();
    }
    Q_EMIT finished(code);
}

void ImageCommand::interrupt()
{
    m_interrupted = true;
    if (m_running == 0) {
        Q_EMIT finished(ExitCode::Interrupted);
        return;
    }
    for (const QPointer<ImageJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->cancel();
    }
}

} // namespace Atelier
