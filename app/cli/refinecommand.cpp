#include "refinecommand.h"

#include "api/refinejob.h"
#include "api/requestbuilder.h"
#include "api/responsesrequestbuilder.h"
#include "catalog/costestimator.h"
#include "clioptions.h"
#include "imagewriter.h"
#include "library/embeddedrecipe.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// A data URL shortened for --dry-run: its type and size, not megabytes of base64.
void shortenDataUrls(QJsonValueRef value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            shortenDataUrls(it.value());
        value = object;
    } else if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (QJsonValueRef entry : array)
            shortenDataUrls(entry);
        value = array;
    } else if (value.isString() && value.toString().startsWith(u"data:"_s)) {
        const QString text = value.toString();
        const qsizetype comma = text.indexOf(u',');
        value = QString(text.left(comma + 1)
                        + u"… (%1 base64 characters)"_s.arg(text.size() - comma - 1));
    }
}

QString host(const ProviderProfile &profile)
{
    return profile.baseUrl.host().isEmpty() ? profile.baseUrl.toString() : profile.baseUrl.host();
}

} // namespace

RefineCommand::RefineCommand(CliContext &cli, QObject *parent)
    : QObject(parent)
    , m_cli(cli)
{ }

RefineCommand::~RefineCommand() = default;

int RefineCommand::start(const QCommandLineParser &parser)
{
    m_json = parser.isSet(u"json"_s);
    if (!m_cli.acceptName(parser))
        return ExitCode::InvalidInput;
    m_catalog = m_cli.loadCatalog(parser);
    Result<RefineRequest> described = CliOptions::refineRequest(parser, m_catalog);
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
    m_profile = *provider;
    const ValidationContext context {m_profile.kind == ProviderProfile::Kind::OpenAI,
                                     QDate::currentDate()};
    QList<Violation> errors;
    for (const Violation &violation : m_catalog.validateRefine(m_request, context)) {
        if (violation.isError())
            errors.append(violation);
        else
            m_cli.err() << CliText::tr("warning: %1").arg(violation.message) << Qt::endl;
    }
    // Each input image must be one the API takes: found out now, not after paying.
    for (const QString &path : std::as_const(m_request.images)) {
        if (const Result<QString> image = ResponsesRequestBuilder::dataUrl(path); !image)
            errors.append({Violation::Severity::Error, u"image"_s, image.error()});
    }
    if (!errors.isEmpty()) {
        m_cli.refuse(errors);
        return ExitCode::InvalidInput;
    }
    const CliContext::KeyLookup key = CliContext::lookUpKey(m_profile);
    const QString apiKey = key.value();

    if (parser.isSet(u"dry-run"_s)) {
        const Result<HttpRequestSpec> spec
            = ResponsesRequestBuilder::build(m_request, m_profile, apiKey);
        if (!spec) {
            m_cli.error(spec.error());
            return ExitCode::InvalidInput;
        }
        QJsonObject description = spec->describe();
        shortenDataUrls(description[u"json"_s]);
        m_cli.printDryRun(description, key, m_profile);
        return ExitCode::Success;
    }

    // The folder is made and tried before the request goes out: a turn is paid for.
    m_writer = m_cli.prepareRun(key, parser, m_request.prompt);
    if (!m_writer)
        return ExitCode::InvalidInput;

    m_network = std::make_unique<QNetworkAccessManager>();
    m_job = new RefineJob(m_network.get(), m_profile, apiKey, CliContext::clientOptions(parser),
                          m_request, this);
    connect(m_job, &RefineJob::responseIdKnown, this,
            [this](const QString &id) { m_responseId = id; });
    connect(m_job, &RefineJob::partialImage, this, &RefineCommand::save);
    connect(m_job, &RefineJob::imageReady, this, &RefineCommand::save);
    connect(m_job, &RefineJob::usageReported, this,
            [this](const ResponsesUsage &usage) { m_usage = usage; });
    connect(m_job, &RefineJob::retrying, this,
            [this](int retry, int delayMs, const ApiError &reason) {
                if (!m_json)
                    m_cli.err() << CliText::tr("Retrying (%1) in %2 s: %3")
                                       .arg(retry)
                                       .arg(delayMs / 1000.0, 0, 'f', 1)
                                       .arg(reason.toString())
                                << Qt::endl;
            });
    connect(m_job, &RefineJob::failed, this, &RefineCommand::onFailed);
    connect(m_job, &RefineJob::finished, this, &RefineCommand::onFinished);
    m_job->start();
    return -1;
}

void RefineCommand::save(const ImageResult &received)
{
    ImageResult image = received;
    QString suffix = image.partial ? u"-partial-%1"_s.arg(image.index)
                                   : (image.index > 0 ? u"-%1"_s.arg(image.index + 1) : QString());
    if (!image.partial) {
        // The recipe travels in the file, as batch fetch writes it: the turn, the response id
        // to continue from and the one it continued.
        QJsonObject recipe = m_request.toJson();
        if (!m_responseId.isEmpty())
            recipe.insert(u"response_id"_s, m_responseId);
        if (!image.revisedPrompt.isEmpty())
            recipe.insert(u"revised_prompt"_s, image.revisedPrompt);
        if (!image.requestId.isEmpty())
            recipe.insert(u"request_id"_s, image.requestId);
        image.encoded = EmbeddedRecipe::embed(image.encoded, image.format, m_request.prompt,
                                              QJsonDocument(recipe).toJson(QJsonDocument::Compact));
    }
    const Result<QString> written = m_writer->write(image, suffix);
    if (!written) {
        m_writeFailed = true;
        m_cli.error(written.error());
        return;
    }
    if (image.partial) {
        m_savedPartials.append(*written);
    } else {
        QJsonObject saved {{u"path"_s, *written},
                           {u"format"_s, image.format},
                           {u"width"_s, image.size.width()},
                           {u"height"_s, image.size.height()}};
        if (!image.revisedPrompt.isEmpty())
            saved.insert(u"revised_prompt"_s, image.revisedPrompt);
        m_savedImages.append(saved);
    }
    if (!m_json)
        m_cli.out() << *written << Qt::endl;
}

void RefineCommand::onFailed(const ApiError &error)
{
    m_error = error;
    if (m_json)
        return;
    const bool continuing = !m_request.previousResponseId.isEmpty();
    switch (RefineJob::classify(error, continuing)) {
    case RefineJob::Failure::NoResponsesApi:
        m_cli.err() << CliText::tr("error: the provider %1 (%2) has no Responses API: POST %3 "
                                   "answered 404, so refine cannot run there. Use 'atelier-cli "
                                   "edit --image FILE --prompt TEXT' instead.")
                           .arg(m_profile.name, host(m_profile),
                                ResponsesRequestBuilder::url(m_profile).path())
                    << Qt::endl;
        return;
    case RefineJob::Failure::ConversationGone:
        m_cli.err() << CliText::tr("error: the conversation %1 has expired at %2 (the provider "
                                   "no longer knows that response id): %3")
                           .arg(m_request.previousResponseId, host(m_profile), error.message)
                    << Qt::endl
                    << CliText::tr("Start a new one: refine again with --image and the last "
                                   "image, without --continue.")
                    << Qt::endl;
        return;
    case RefineJob::Failure::Refused:
        m_cli.err() << CliText::tr("error: the turn was refused: %1").arg(error.toString())
                    << Qt::endl;
        return;
    case RefineJob::Failure::Other:
        break;
    }
    m_cli.err() << CliText::tr("error: %1").arg(error.toString()) << Qt::endl;
}

double RefineCommand::imageCost() const
{
    const QString model = m_request.imageModel().isEmpty() ? m_catalog.responsesImageModel()
                                                           : m_request.imageModel();
    return CostEstimator::costOfUsage(m_catalog.spec(model).cost, m_usage.image);
}

QString RefineCommand::costLine() const
{
    if (!m_usage.isValid())
        return {};
    const QString model = m_request.imageModel().isEmpty() ? m_catalog.responsesImageModel()
                                                           : m_request.imageModel();
    QStringList parts;
    if (m_usage.image.isValid())
        parts.append(CliText::tr("%1: %2 input and %3 output tokens")
                         .arg(model)
                         .arg(std::max<qint64>(0, m_usage.image.inputTokens))
                         .arg(std::max<qint64>(0, m_usage.image.outputTokens)));
    if (m_usage.mainline.isValid())
        parts.append(CliText::tr("%1: %2 input and %3 output tokens, billed at its own price")
                         .arg(m_request.responsesModel)
                         .arg(std::max<qint64>(0, m_usage.mainline.inputTokens))
                         .arg(std::max<qint64>(0, m_usage.mainline.outputTokens)));
    const double cost = imageCost();
    if (cost < 0)
        return CliText::tr("Usage: %1").arg(parts.join(u"; "_s));
    return CliText::tr("Cost of the image: $%1 (%2)").arg(cost, 0, 'f', 4).arg(parts.join(u"; "_s));
}

void RefineCommand::onFinished()
{
    int code = ExitCode::Success;
    if (m_interrupted)
        code = ExitCode::Interrupted;
    else if (m_error.isError())
        code = CliContext::exitCodeFor(m_error);
    else if (m_writeFailed)
        code = ExitCode::Failure;
    // The id to continue from: only a turn that made its image is one to build on.
    const bool continuable = !m_responseId.isEmpty() && !m_error.isError();
    if (m_json) {
        QJsonObject summary {
            {u"ok"_s, code == ExitCode::Success}, {u"api"_s, u"responses"_s},
            {u"model"_s, m_request.imageModel()}, {u"responses_model"_s, m_request.responsesModel},
            {u"images"_s, m_savedImages},         {u"partials"_s, m_savedPartials}};
        if (!m_responseId.isEmpty())
            summary.insert(u"response_id"_s, m_responseId);
        if (!m_request.previousResponseId.isEmpty())
            summary.insert(u"previous_response_id"_s, m_request.previousResponseId);
        if (m_job && !m_job->requestId().isEmpty())
            summary.insert(u"request_id"_s, m_job->requestId());
        const QJsonObject usage = m_usage.toJson();
        for (auto it = usage.constBegin(); it != usage.constEnd(); ++it)
            summary.insert(it.key(), it.value());
        if (const double cost = imageCost(); cost >= 0)
            summary.insert(u"image_cost_usd"_s, cost);
        if (m_error.isError()) {
            const RefineJob::Failure failure
                = RefineJob::classify(m_error, !m_request.previousResponseId.isEmpty());
            static const char *const names[]
                = {"api", "no_responses_api", "conversation_expired", "refused"};
            summary.insert(u"error"_s,
                           QJsonObject {{u"kind"_s, ApiError::kindName(m_error.kind)},
                                        {u"reason"_s, QString::fromLatin1(names[int(failure)])},
                                        {u"message"_s, m_error.message},
                                        {u"status"_s, m_error.httpStatus},
                                        {u"type"_s, m_error.type},
                                        {u"param"_s, m_error.param},
                                        {u"code"_s, m_error.code},
                                        {u"request_id"_s, m_error.requestId}});
        }
        m_cli.out() << QJsonDocument(summary).toJson(QJsonDocument::Indented);
        m_cli.out().flush();
    } else {
        if (const QString cost = costLine(); !cost.isEmpty())
            m_cli.err() << cost << Qt::endl;
    }
    if (continuable)
        m_cli.err() << "conversation: " << m_responseId << Qt::endl;
    if (m_job)
        m_job->deleteLater();
    Q_EMIT finished(code);
}

void RefineCommand::interrupt()
{
    m_interrupted = true;
    if (!m_job || m_job->isDone()) {
        Q_EMIT finished(ExitCode::Interrupted);
        return;
    }
    m_job->cancel();
}

} // namespace Atelier
