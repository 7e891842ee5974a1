#include "cliapplication.h"

#include "api/imagejob.h"
#include "api/imagesclient.h"
#include "api/keystore.h"
#include "api/modellister.h"
#include "api/requestbuilder.h"
#include "atelierversion.h"
#include "batchcommand.h"
#include "catalog/variationplan.h"
#include "imagewriter.h"
#include "model/parameters.h"
#include "studio/generationplan.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

enum class ValueType { Text, Integer, Flag, Repeated };

// One command-line option: the table drives both parsing and --help.
struct OptionSpec
{
    QString name;
    QString valueName; // empty for flags
    QString description;
    QStringList commands; // where it applies
    ValueType type = ValueType::Text;
    QString parameter; // the API parameter it sets, if any
};

const QStringList imageCommands = {u"generate"_s, u"edit"_s, u"vary"_s};
const QStringList promptCommands = {u"generate"_s, u"edit"_s};
const QStringList networkCommands = {u"generate"_s, u"edit"_s, u"vary"_s, u"key"_s, u"models"_s};

// Free functions here translate in the class's context (lupdate reads the macro).
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::CliApplication)
};

const QList<OptionSpec> &optionSpecs()
{
    static const QList<OptionSpec> specs = {
        {u"prompt"_s, u"TEXT"_s,
         Text::tr("What the image should show (or what to change, for edit; vary with OpenAI: what "
                  "the variation keeps or changes)."),
         imageCommands, ValueType::Text, QString()},
        {u"image"_s,
         u"FILE"_s,
         Text::tr("Input image; repeat for several references (edit: up to 16 for GPT image "
                  "models, vary: one square PNG)."),
         {u"edit"_s, u"vary"_s},
         ValueType::Repeated,
         QString()},
        {u"mask"_s,
         u"FILE"_s,
         Text::tr("PNG whose transparent pixels mark where the first image may change."),
         {u"edit"_s},
         ValueType::Text,
         QString()},
        {u"markup"_s,
         u"FILE"_s,
         Text::tr("Transparent PNG the size of the first image whose drawn marks show where and "
                  "what to change (gpt-image-2.5 and later; not with --mask)."),
         {u"edit"_s},
         ValueType::Text,
         QString()},
        {u"model"_s, u"M"_s,
         Text::tr("Model (default gpt-image-2.6-flare; vary at Azure or a gateway: dall-e-2). See "
                  "'atelier-cli models'."),
         imageCommands, ValueType::Text, QString()},
        {u"n"_s, u"N"_s, Text::tr("Number of images (1-10; dall-e-3: 1)."), imageCommands,
         ValueType::Integer, Param::N},
        {u"size"_s, u"S"_s,
         Text::tr("Size: auto, 1024x1024, 1536x1024, ...; gpt-image-2 accepts any WIDTHxHEIGHT in "
                  "multiples of 16."),
         imageCommands, ValueType::Text, Param::Size},
        {u"quality"_s, u"Q"_s,
         Text::tr("Quality: auto, low, medium, high (GPT image), xhigh and max (gpt-image-2.5); "
                  "standard, hd (dall-e-3)."),
         promptCommands, ValueType::Text, Param::Quality},
        {u"complexity"_s, u"C"_s,
         Text::tr("Planning effort, independent of quality: low, medium or high (gpt-image-2.6)."),
         promptCommands, ValueType::Text, Param::Complexity},
        {u"style"_s, u"S"_s, Text::tr("Style for dall-e-3: vivid or natural."), promptCommands,
         ValueType::Text, Param::Style},
        {u"background"_s, u"B"_s,
         Text::tr("Background: auto, opaque or transparent (transparent needs png or webp)."),
         promptCommands, ValueType::Text, Param::Background},
        {u"moderation"_s, u"M"_s, Text::tr("Moderation for GPT image generations: auto or low."),
         promptCommands, ValueType::Text, Param::Moderation},
        {u"output-format"_s, u"F"_s,
         Text::tr(
             "Output format for GPT image models: png, jpeg or webp; gif and svg (gpt-image-2.6)."),
         promptCommands, ValueType::Text, Param::OutputFormat},
        {u"frame-count"_s, u"N"_s,
         Text::tr("Frames of a GIF (2-16, default 9; needs --output-format gif)."), promptCommands,
         ValueType::Integer, Param::FrameCount},
        {u"frame-duration-ms"_s, u"MS"_s,
         Text::tr("Delay per GIF frame in milliseconds (default 200, rounded to 10; needs "
                  "--output-format gif)."),
         promptCommands, ValueType::Integer, Param::FrameDurationMs},
        {u"svg-model"_s, u"M"_s,
         Text::tr("The text model that writes SVG output (needs --output-format svg and SVG model "
                  "selection on the account)."),
         promptCommands, ValueType::Text, QString()},
        {u"svg-reasoning-effort"_s, u"E"_s,
         Text::tr(
             "Reasoning effort of the SVG author: none, minimal, low, medium, high, xhigh or max."),
         promptCommands, ValueType::Text, QString()},
        {u"output-compression"_s, u"C"_s, Text::tr("Compression 0-100 for jpeg and webp output."),
         promptCommands, ValueType::Integer, Param::OutputCompression},
        {u"response-format"_s, u"F"_s,
         Text::tr("url or b64_json (DALL·E models; URLs are downloaded at once)."), imageCommands,
         ValueType::Text, Param::ResponseFormat},
        {u"input-fidelity"_s,
         u"F"_s,
         Text::tr("How closely an edit keeps the input's features: high or low."),
         {u"edit"_s},
         ValueType::Text,
         Param::InputFidelity},
        {u"safety-identifier"_s, u"ID"_s,
         Text::tr("A stable id for your end user (hash it), for OpenAI's abuse monitoring; "
                  "replaces --user."),
         promptCommands, ValueType::Text, Param::SafetyIdentifier},
        {u"user"_s, u"U"_s,
         Text::tr("Deprecated: use --safety-identifier. An end-user id passed to the API for abuse "
                  "monitoring."),
         imageCommands, ValueType::Text, Param::User},
        {u"stream"_s, QString(),
         Text::tr("Stream the image: partial images are saved as they arrive (GPT image models)."),
         promptCommands, ValueType::Flag, Param::Stream},
        {u"partial-images"_s, u"K"_s,
         Text::tr("Partial images to stream before the final one (0-3; needs --stream)."),
         promptCommands, ValueType::Integer, Param::PartialImages},
        {u"out"_s, u"DIR"_s, Text::tr("Folder for the images (default: the current folder)."),
         imageCommands, ValueType::Text, QString()},
        {u"name"_s, u"STEM"_s,
         Text::tr("File name stem (default: atelier-<date>-<time>-<prompt>)."), imageCommands,
         ValueType::Text, QString()},
        {u"dry-run"_s, QString(),
         Text::tr("Send nothing; print the exact request as JSON (the key shown as ***)."),
         imageCommands, ValueType::Flag, QString()},
        {u"json"_s,
         QString(),
         Text::tr(
             "Print one JSON summary instead of one path per line (models: the full catalog)."),
         {u"generate"_s, u"edit"_s, u"vary"_s, u"models"_s},
         ValueType::Flag,
         QString()},
        {u"provider"_s, u"P"_s,
         Text::tr("openai (default), azure or compatible; the environment decides when not given."),
         networkCommands, ValueType::Text, QString()},
        {u"base-url"_s, u"URL"_s,
         Text::tr("API base URL (OpenAI-compatible gateway), or the Azure resource endpoint. "
                  "Default: OPENAI_BASE_URL or https://api.openai.com/v1."),
         networkCommands, ValueType::Text, QString()},
        {u"organization"_s, u"ID"_s, Text::tr("OpenAI organization id (default: OPENAI_ORG_ID)."),
         networkCommands, ValueType::Text, QString()},
        {u"project"_s, u"ID"_s, Text::tr("OpenAI project id (default: OPENAI_PROJECT_ID)."),
         networkCommands, ValueType::Text, QString()},
        {u"deployment"_s, u"NAME"_s, Text::tr("Azure deployment name (default: the model name)."),
         networkCommands, ValueType::Text, QString()},
        {u"api-version"_s, u"V"_s,
         Text::tr("Azure api-version (default: OPENAI_API_VERSION or 2025-04-01-preview)."),
         networkCommands, ValueType::Text, QString()},
        {u"model-prefix"_s, u"P"_s,
         Text::tr("Put P before every model name sent, for gateways that name models by provider "
                  "(e.g. openai/); default: ATELIER_MODEL_PREFIX."),
         networkCommands, ValueType::Text, QString()},
        {u"key-name"_s, u"NAME"_s,
         Text::tr("Keychain entry to use, whatever the base URL (default: the provider's name and "
                  "the base URL's host, e.g. openai@api.openai.com)."),
         networkCommands, ValueType::Text, QString()},
        {u"allow-insecure-http"_s, QString(),
         Text::tr("Allow a plain http:// base URL on another machine (the key travels unencrypted; "
                  "warned every time)."),
         networkCommands, ValueType::Flag, QString()},
        {u"timeout"_s, u"SECONDS"_s,
         Text::tr("Give up when the server sends nothing for this long (default 300)."),
         imageCommands, ValueType::Integer, QString()},
        {u"connect-timeout"_s, u"SECONDS"_s,
         Text::tr("Give up when the server does not answer within this long (default 30)."),
         imageCommands, ValueType::Integer, QString()},
        {u"retries"_s, u"N"_s,
         Text::tr("Retries on 408/409/429/5xx and connection errors (default 2)."), imageCommands,
         ValueType::Integer, QString()},
        {u"catalog"_s,
         u"FILE"_s,
         Text::tr("Model catalog overlay to use instead of the one in the config folder."),
         {u"generate"_s, u"edit"_s, u"vary"_s, u"models"_s},
         ValueType::Text,
         QString()},
        {u"prompts"_s,
         u"FILE"_s,
         Text::tr("batch submit: a text file of prompts, one request a line (wildcards expand)."),
         {u"batch"_s},
         ValueType::Text,
         QString()},
        {u"wait"_s,
         QString(),
         Text::tr("batch fetch: wait until the batch has finished, asking every --poll-interval."),
         {u"batch"_s},
         ValueType::Flag,
         QString()},
        {u"poll-interval"_s,
         u"SECONDS"_s,
         Text::tr("batch fetch --wait: seconds between two questions (default 30)."),
         {u"batch"_s},
         ValueType::Text,
         QString()},
        {u"refresh"_s,
         QString(),
         Text::tr("Ask the provider for its models first (GET /models) and record the shutdown "
                  "dates it announces in the catalog overlay."),
         {u"models"_s},
         ValueType::Flag,
         QString()},
    };
    return specs;
}

struct CommandSpec
{
    QString name;
    QString synopsis;
    QString description;
};

const QList<CommandSpec> &commandSpecs()
{
    static const QList<CommandSpec> commands = {
        {u"models"_s, u"models [--refresh] [--json]"_s,
         Text::tr("List the models Atelier knows, what they can do and their status.")},
        {u"generate"_s, u"generate --prompt TEXT [options]"_s,
         Text::tr("Create images from a prompt (POST /images/generations).")},
        {u"edit"_s, u"edit --prompt TEXT --image FILE [--image FILE ...] [--mask FILE] [options]"_s,
         Text::tr("Edit or combine images (POST /images/edits).")},
        {u"vary"_s, u"vary --image FILE [--prompt TEXT] [--model M] [--n N] [--size S] [options]"_s,
         Text::tr("Variations of an image: with OpenAI an edit with a GPT image model and a "
                  "variation prompt (POST /images/edits; OpenAI retired the variations endpoint), "
                  "elsewhere dall-e-2's POST /images/variations.")},
        {u"key"_s, u"key set|clear|status [--provider P] [--key-name NAME]"_s,
         Text::tr("Store the API key in the desktop keychain (read from standard input, never an "
                  "argument), remove it, or say where the key comes from.")},
        {u"batch"_s, u"batch submit --prompts FILE [generate options]"_s,
         Text::tr("Send one request per line of FILE through the Batch API, at half price, "
                  "results within 24 hours; prints the batch id.")},
        {u"batch"_s, u"batch status [BATCH_ID]"_s,
         Text::tr("The state and counts of one batch, or of every batch Atelier knows.")},
        {u"batch"_s, u"batch fetch BATCH_ID [--out DIR] [--wait]"_s,
         Text::tr("Download and save a finished batch's images with their recipes; again adds "
                  "nothing.")},
        {u"batch"_s, u"batch cancel BATCH_ID"_s, Text::tr("Cancel a batch that is still running.")},
    };
    return commands;
}

bool applies(const QString &option, const QString &command)
{
    return std::any_of(optionSpecs().cbegin(), optionSpecs().cend(), [&](const OptionSpec &spec) {
        return spec.name == option && spec.commands.contains(command);
    });
}

void addOptions(QCommandLineParser *parser, const QString &command)
{
    for (const OptionSpec &spec : optionSpecs()) {
        if (!spec.commands.contains(command))
            continue;
        if (spec.valueName.isEmpty())
            parser->addOption(QCommandLineOption(spec.name, spec.description));
        else
            parser->addOption(QCommandLineOption(spec.name, spec.description, spec.valueName));
    }
}

QJsonValue integerOrText(const QString &text)
{
    bool ok = false;
    const qint64 number = text.trimmed().toLongLong(&ok);
    return ok ? QJsonValue(number) : QJsonValue(text); // text: the validator explains
}

QString readSecretLine()
{
    const bool terminal = ::isatty(STDIN_FILENO);
    termios saved {};
    if (terminal) {
        std::fputs(Text::tr("API key (input hidden): ").toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QFile input;
    QString line;
    if (input.open(stdin, QIODevice::ReadOnly))
        line = QString::fromUtf8(input.readLine(64 * 1024)).trimmed();
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    return line;
}

} // namespace

CliApplication::CliApplication(QObject *parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
{ }

CliApplication::~CliApplication() = default;

QString CliApplication::usage()
{
    QString text;
    QTextStream stream(&text);
    stream << "atelier-cli " << ATELIER_VERSION << " — "
           << Text::tr("the Images API from the command line") << "\n\n";
    stream << Text::tr("Usage:") << "\n";
    for (const CommandSpec &command : commandSpecs())
        stream << "  atelier-cli " << command.synopsis << "\n      " << command.description << "\n";
    stream << "  atelier-cli --help | --version\n\n";
    stream << Text::tr("Options (the commands each applies to in brackets):") << "\n";
    for (const OptionSpec &spec : optionSpecs()) {
        QString left = u"  --"_s + spec.name;
        if (!spec.valueName.isEmpty())
            left += u' ' + spec.valueName;
        stream << left.leftJustified(30) << u' ' << spec.description << " ["
               << spec.commands.join(u", "_s) << "]\n";
    }
    stream << "\n"
           << Text::tr("API key: OPENAI_API_KEY (AZURE_OPENAI_API_KEY for Azure), else the "
                       "keychain entry stored with 'atelier-cli key set'.")
           << "\n";
    stream << Text::tr("Environment: OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID; "
                       "AZURE_OPENAI_ENDPOINT, OPENAI_API_VERSION.")
           << "\n";
    stream << Text::tr("Model catalog overlay: %1").arg(Catalog::defaultOverlayPath()) << "\n\n";
    stream << Text::tr("Exit codes: 0 success; 1 other failure; 2 invalid input (every problem "
                       "printed, nothing sent); 3 the API answered with an error; 4 network "
                       "failure or timeout; 130 interrupted (images received so far are kept).")
           << "\n";
    return text;
}

int CliApplication::start(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command.isEmpty() || command == u"--help" || command == u"-h" || command == u"help") {
        m_out << usage();
        m_out.flush();
        return command.isEmpty() ? ExitCode::InvalidInput : ExitCode::Success;
    }
    if (command == u"--version" || command == u"-v") {
        m_out << "atelier-cli " << ATELIER_VERSION << Qt::endl;
        return ExitCode::Success;
    }
    const bool known = std::any_of(commandSpecs().cbegin(), commandSpecs().cend(),
                                   [&](const CommandSpec &spec) { return spec.name == command; });
    if (!known) {
        m_err
            << Text::tr(
                   "error: unknown command \"%1\"; use models, generate, edit, vary, key or batch "
                   "(see --help).")
                   .arg(command)
            << Qt::endl;
        return ExitCode::InvalidInput;
    }

    m_command = command;
    if (command == u"batch") {
        m_batch = new BatchCommand(this, m_out, m_err);
        connect(m_batch, &BatchCommand::finished, this, &CliApplication::finished);
        QStringList batchArguments = arguments.mid(3);
        batchArguments.prepend(arguments.value(0));
        return m_batch->start(arguments.value(2), batchArguments);
    }
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    addOptions(&parser, command);
    QStringList commandArguments = arguments;
    commandArguments.removeAt(1);
    if (!parser.parse(commandArguments)) {
        m_err
            << Text::tr("error: %1; see 'atelier-cli %2 --help'.").arg(parser.errorText(), command)
            << Qt::endl;
        return ExitCode::InvalidInput;
    }
    if (parser.isSet(u"help"_s)) {
        m_out << usage();
        m_out.flush();
        return ExitCode::Success;
    }
    if (command == u"models")
        return runModels(parser);
    if (command == u"key")
        return runKey(parser);
    const Endpoint endpoint = command == u"generate" ? Endpoint::Generations
        : command == u"edit"                         ? Endpoint::Edits
                                                     : Endpoint::Variations;
    return runImages(endpoint, parser);
}

int CliApplication::refreshLifecycles(const QCommandLineParser &parser, const QString &overlayPath)
{
    ProviderProfile profile;
    if (!buildProfile(parser, &profile))
        return ExitCode::InvalidInput;
    QString keySource;
    const QString apiKey = findApiKey(profile, profile.name, &keySource);
    if (apiKey.isEmpty()) {
        m_err << Text::tr("error: no API key found: %1. Set %2 in the environment, or store a key "
                          "with 'atelier-cli key set'.")
                     .arg(keySource, profile.apiKeyVariable())
              << Qt::endl;
        return ExitCode::InvalidInput;
    }
    QNetworkAccessManager network;
    ModelLister lister(&network);
    QEventLoop loop;
    QMap<QString, QDate> dates;
    QStringList listed;
    std::optional<ApiError> failure;
    connect(&lister, &ModelLister::shutdownDates, &loop,
            [&dates](const QMap<QString, QDate> &announced) { dates = announced; });
    connect(&lister, &ModelLister::listed, &loop, [&](const QStringList &ids) {
        listed = ids;
        loop.quit();
    });
    connect(&lister, &ModelLister::failed, &loop, [&](const ApiError &error) {
        failure = error;
        loop.quit();
    });
    lister.list(profile, apiKey);
    if (!failure && listed.isEmpty())
        loop.exec();
    if (failure) {
        m_err << Text::tr("error: the provider's model list could not be read: %1")
                     .arg(failure->toString())
              << Qt::endl;
        return exitCodeFor(*failure);
    }
    const Result<QStringList> changed = m_catalog.recordShutdownDates(overlayPath, dates);
    if (!changed) {
        m_err << Text::tr("error: %1").arg(changed.error()) << Qt::endl;
        return ExitCode::Failure;
    }
    for (const QString &id : *changed) {
        QDate date;
        for (auto it = dates.cbegin(); it != dates.cend(); ++it) {
            if (m_catalog.canonicalId(it.key()) == id)
                date = it.value();
        }
        m_err << Text::tr("%1: the provider announces its shutdown on %2 (recorded in %3).")
                     .arg(id, date.toString(Qt::ISODate), overlayPath)
              << Qt::endl;
    }
    const QStringList unknown = m_catalog.mapListed(ModelLister::imageModels(listed)).unmapped;
    if (!unknown.isEmpty())
        m_err << Text::tr("The provider also lists image models Atelier does not know: %1. Add "
                          "them to %2 to use them with their rules.")
                     .arg(unknown.join(u", "_s), overlayPath)
              << Qt::endl;
    return ExitCode::Success;
}

int CliApplication::runModels(const QCommandLineParser &parser)
{
    const QString overlayPath
        = parser.isSet(u"catalog"_s) ? parser.value(u"catalog"_s) : Catalog::defaultOverlayPath();
    m_catalog = Catalog::load(overlayPath);
    for (const QString &warning : m_catalog.loadWarnings())
        m_err << Text::tr("warning: %1").arg(warning) << Qt::endl;
    if (parser.isSet(u"refresh"_s)) {
        if (const int code = refreshLifecycles(parser, overlayPath); code != ExitCode::Success)
            return code;
        m_catalog = Catalog::load(overlayPath);
    }
    // On a gateway that names models by provider, the names as it spells them.
    const QString prefix = parser.isSet(u"model-prefix"_s)
        ? parser.value(u"model-prefix"_s).trimmed()
        : qEnvironmentVariable("ATELIER_MODEL_PREFIX").trimmed();
    ProviderProfile naming;
    naming.kind = ProviderProfile::Kind::Compatible;
    naming.modelPrefix = prefix;
    const QDate today = QDate::currentDate();
    auto statusOf = [&today](const ModelSpec &spec) {
        if (spec.isShutDown(today))
            return spec.replacement.isEmpty()
                ? Text::tr("shut down %1").arg(spec.shutdownDate.toString(Qt::ISODate))
                : Text::tr("shut down %1, use %2")
                      .arg(spec.shutdownDate.toString(Qt::ISODate), spec.replacement);
        if (spec.daysUntilShutdown(today) >= 0)
            return Text::tr("shuts down %1").arg(spec.shutdownDate.toString(Qt::ISODate));
        return spec.lifecycleStatus;
    };
    if (parser.isSet(u"json"_s)) {
        QJsonArray models;
        for (const QString &id : m_catalog.modelIds()) {
            const ModelSpec spec = m_catalog.spec(id);
            QJsonObject endpoints;
            for (Endpoint endpoint : allEndpoints) {
                const EndpointRules *rules = spec.rulesFor(endpoint);
                if (!rules)
                    continue;
                QJsonObject parameters;
                for (const QString &name : rules->parameters()) {
                    const ParameterRule *rule = rules->rule(name);
                    QJsonObject ruleJson;
                    if (!rule->values.isEmpty())
                        ruleJson.insert(u"values"_s, QJsonArray::fromStringList(rule->values));
                    if (rule->kind == ParameterKind::Integer) {
                        ruleJson.insert(u"min"_s, rule->minimum);
                        ruleJson.insert(u"max"_s, rule->maximum);
                    }
                    if (rule->maxLength > 0)
                        ruleJson.insert(u"maxLength"_s, rule->maxLength);
                    if (rule->kind == ParameterKind::Files) {
                        ruleJson.insert(u"maxCount"_s, rule->maxCount);
                        ruleJson.insert(u"formats"_s, QJsonArray::fromStringList(rule->formats));
                        ruleJson.insert(u"maxBytes"_s, rule->maxBytes);
                        if (rule->square)
                            ruleJson.insert(u"square"_s, true);
                    }
                    if (rule->freeSize.enabled)
                        ruleJson.insert(u"free"_s, rule->freeSize.explain);
                    if (!rule->defaultValue.isUndefined() && !rule->defaultValue.isNull())
                        ruleJson.insert(u"default"_s, rule->defaultValue);
                    parameters.insert(name, ruleJson);
                }
                endpoints.insert(endpointName(endpoint), parameters);
            }
            QJsonObject model {
                {u"id"_s, naming.sentModelName(id)}, {u"name"_s, spec.displayName},
                {u"status"_s, spec.lifecycleStatus}, {u"available"_s, !spec.isShutDown(today)},
                {u"note"_s, spec.lifecycleNote},     {u"endpoints"_s, endpoints}};
            if (spec.shutdownDate.isValid())
                model.insert(u"shutdown_date"_s, spec.shutdownDate.toString(Qt::ISODate));
            if (!spec.replacement.isEmpty())
                model.insert(u"replacement"_s, spec.replacement);
            models.append(model);
        }
        m_out << QJsonDocument(QJsonObject {{u"models"_s, models}}).toJson(QJsonDocument::Indented);
        m_out.flush();
        return ExitCode::Success;
    }
    m_out << QString(Text::tr("MODEL")).leftJustified(34)
          << QString(Text::tr("ENDPOINTS")).leftJustified(32) << Text::tr("STATUS") << "\n";
    for (const QString &id : m_catalog.modelIds()) {
        const ModelSpec spec = m_catalog.spec(id);
        QStringList endpoints;
        for (Endpoint endpoint : allEndpoints) {
            if (spec.serves(endpoint))
                endpoints.append(endpointName(endpoint));
        }
        m_out << naming.sentModelName(id).leftJustified(34)
              << endpoints.join(u", "_s).leftJustified(32) << statusOf(spec) << "\n";
        if (!spec.lifecycleNote.isEmpty())
            m_out << "    " << spec.lifecycleNote << "\n";
    }
    m_out.flush();
    return ExitCode::Success;
}

bool CliApplication::buildRequest(Endpoint endpoint, const QCommandLineParser &parser,
                                  ImageRequest *request)
{
    request->endpoint = endpoint;
    request->model
        = parser.isSet(u"model"_s) ? parser.value(u"model"_s) : m_catalog.defaultModel(endpoint);
    auto value = [&](const QString &name) {
        return applies(name, m_command) ? parser.value(name) : QString();
    };
    request->prompt = value(u"prompt"_s);
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        if (request->prompt.isEmpty() && endpoint != Endpoint::Variations
            && positional.size() == 1) {
            request->prompt = positional.first();
        } else {
            m_err << Text::tr(
                         "error: unexpected argument \"%1\"; options start with -- (see --help).")
                         .arg(positional.first())
                  << Qt::endl;
            return false;
        }
    }
    request->images = applies(u"image"_s, m_command) ? parser.values(u"image"_s) : QStringList();
    request->mask = value(u"mask"_s);
    request->markup = value(u"markup"_s);
    QJsonObject svg;
    if (applies(u"svg-model"_s, m_command) && parser.isSet(u"svg-model"_s))
        svg.insert(u"model"_s, parser.value(u"svg-model"_s));
    if (applies(u"svg-reasoning-effort"_s, m_command) && parser.isSet(u"svg-reasoning-effort"_s))
        svg.insert(u"reasoning"_s,
                   QJsonObject {{u"effort"_s, parser.value(u"svg-reasoning-effort"_s)}});
    if (!svg.isEmpty())
        request->setOption(Param::Svg, svg);
    for (const OptionSpec &spec : optionSpecs()) {
        if (spec.parameter.isEmpty() || !spec.commands.contains(m_command)
            || !parser.isSet(spec.name))
            continue;
        switch (spec.type) {
        case ValueType::Flag:
            request->setOption(spec.parameter, true);
            break;
        case ValueType::Integer:
            request->setOption(spec.parameter, integerOrText(parser.value(spec.name)));
            break;
        case ValueType::Text:
        case ValueType::Repeated:
            // An empty text is no value: "--safety-identifier ''" sends none.
            if (!parser.value(spec.name).trimmed().isEmpty())
                request->setOption(spec.parameter, parser.value(spec.name));
            break;
        }
    }
    return true;
}

bool CliApplication::buildProfile(const QCommandLineParser &parser, ProviderProfile *profile)
{
    *profile = ProviderProfile::fromEnvironment();
    if (parser.isSet(u"provider"_s)) {
        const std::optional<ProviderProfile::Kind> kind
            = ProviderProfile::kindFromName(parser.value(u"provider"_s));
        if (!kind) {
            m_err << Text::tr("error: provider \"%1\" is unknown; use openai, azure or compatible.")
                         .arg(parser.value(u"provider"_s))
                  << Qt::endl;
            return false;
        }
        if (*kind != profile->kind) {
            ProviderProfile fresh;
            fresh.kind = *kind;
            fresh.name = ProviderProfile::kindName(*kind);
            if (*kind == ProviderProfile::Kind::Azure) {
                fresh.auth = ProviderProfile::Auth::ApiKeyHeader;
                fresh.baseUrl = QUrl(qEnvironmentVariable("AZURE_OPENAI_ENDPOINT"));
            } else if (*kind == ProviderProfile::Kind::Compatible) {
                fresh.baseUrl = QUrl(qEnvironmentVariable("OPENAI_BASE_URL"));
            }
            fresh.organization = profile->organization;
            fresh.project = profile->project;
            *profile = fresh;
        }
    }
    if (parser.isSet(u"base-url"_s))
        profile->baseUrl = QUrl(parser.value(u"base-url"_s));
    if (parser.isSet(u"organization"_s))
        profile->organization = parser.value(u"organization"_s);
    if (parser.isSet(u"project"_s))
        profile->project = parser.value(u"project"_s);
    if (parser.isSet(u"deployment"_s))
        profile->azureDeployment = parser.value(u"deployment"_s);
    if (parser.isSet(u"api-version"_s))
        profile->azureApiVersion = parser.value(u"api-version"_s);
    if (parser.isSet(u"key-name"_s))
        profile->keyName = parser.value(u"key-name"_s);
    profile->allowInsecureHttp = parser.isSet(u"allow-insecure-http"_s);
    if (parser.isSet(u"model-prefix"_s))
        profile->modelPrefix = parser.value(u"model-prefix"_s).trimmed();
    if (const QString problem = profile->problem(); !problem.isEmpty()) {
        m_err << Text::tr("error: %1").arg(problem) << Qt::endl;
        return false;
    }
    if (const QString warning = profile->insecureWarning(); !warning.isEmpty())
        m_err << Text::tr("warning: %1").arg(warning) << Qt::endl;
    return true;
}

QString CliApplication::findApiKey(const ProviderProfile &profile, const QString &account,
                                   QString *where)
{
    const QString fromEnvironment = profile.apiKeyFromEnvironment();
    if (!fromEnvironment.isEmpty()) {
        *where = Text::tr("the environment variable %1").arg(profile.apiKeyVariable());
        return fromEnvironment;
    }
    const KeyStore::Result stored = KeyStore::readFor(profile);
    if (stored.ok && !stored.key.isEmpty()) {
        *where = Text::tr("the keychain entry \"%1\"").arg(account);
        return stored.key;
    }
    *where = stored.notFound ? Text::tr("the keychain has no entry \"%1\"").arg(account)
                             : Text::tr("the keychain cannot be used: %1").arg(stored.error);
    return {};
}

int CliApplication::runKey(const QCommandLineParser &parser)
{
    const QString action = parser.positionalArguments().value(0);
    ProviderProfile profile;
    if (!buildProfile(parser, &profile))
        return ExitCode::InvalidInput;
    const QString account = profile.keyAccount();
    if (action == u"set") {
        const QString key = readSecretLine();
        if (key.isEmpty()) {
            m_err << Text::tr("error: no key was given; pipe it in, e.g. 'atelier-cli key set < "
                              "key.txt', or type it when asked.")
                  << Qt::endl;
            return ExitCode::InvalidInput;
        }
        const KeyStore::Result result = KeyStore::write(account, key);
        if (!result.ok) {
            m_err
                << Text::tr(
                       "error: the key could not be stored: %1. Set %2 in the environment instead.")
                       .arg(result.error, profile.apiKeyVariable())
                << Qt::endl;
            return ExitCode::Failure;
        }
        m_out << Text::tr("The key for \"%1\" is stored in the keychain.").arg(account) << Qt::endl;
        return ExitCode::Success;
    }
    if (action == u"clear") {
        const KeyStore::Result result = KeyStore::remove(account);
        if (!result.ok) {
            m_err << Text::tr("error: the key could not be removed: %1.").arg(result.error)
                  << Qt::endl;
            return ExitCode::Failure;
        }
        m_out << Text::tr("The key for \"%1\" was removed from the keychain.").arg(account)
              << Qt::endl;
        return ExitCode::Success;
    }
    if (action == u"status") {
        QString where;
        const QString key = findApiKey(profile, account, &where);
        if (key.isEmpty()) {
            m_out << Text::tr("No API key for \"%1\": %2. Set %3 or run 'atelier-cli key set'.")
                         .arg(account, where, profile.apiKeyVariable())
                  << Qt::endl;
            return ExitCode::Failure;
        }
        m_out << Text::tr("The API key for \"%1\" comes from %2.").arg(account, where) << Qt::endl;
        return ExitCode::Success;
    }
    m_err << Text::tr("error: 'key' needs set, clear or status, e.g. 'atelier-cli key set'.")
          << Qt::endl;
    return ExitCode::InvalidInput;
}

int CliApplication::runImages(Endpoint endpoint, const QCommandLineParser &parser)
{
    m_json = parser.isSet(u"json"_s);
    if (const QString problem
        = parser.isSet(u"name"_s) ? ImageWriter::stemProblem(parser.value(u"name"_s)) : QString();
        !problem.isEmpty()) {
        m_err << Text::tr("error: %1").arg(problem) << Qt::endl
              << Text::tr("Nothing was sent.") << Qt::endl;
        return ExitCode::InvalidInput;
    }
    m_catalog = Catalog::load(parser.isSet(u"catalog"_s) ? parser.value(u"catalog"_s)
                                                         : Catalog::defaultOverlayPath());
    for (const QString &warning : m_catalog.loadWarnings())
        m_err << Text::tr("warning: %1").arg(warning) << Qt::endl;
    if (!buildRequest(endpoint, parser, &m_request))
        return ExitCode::InvalidInput;
    ProviderProfile profile;
    if (!buildProfile(parser, &profile))
        return ExitCode::InvalidInput;
    const bool servedByOpenAI = profile.kind == ProviderProfile::Kind::OpenAI;
    if (endpoint == Endpoint::Variations) {
        m_request
            = VariationPlan::plan(m_catalog, m_request, servedByOpenAI, parser.isSet(u"model"_s));
        if (m_request.endpoint == Endpoint::Edits)
            m_err << Text::tr("note: %1").arg(VariationPlan::explain(m_request)) << Qt::endl;
    }
    // What goes out, checked once: the same plan the studio makes (no wildcards here: a prompt
    // is sent as written).
    GenerationPlan::Options planning;
    planning.expandWildcards = false;
    planning.context = ValidationContext {servedByOpenAI, QDate::currentDate()};
    const GenerationPlan plan = GenerationPlan::make(m_catalog, m_request, planning);
    for (const Violation &violation : plan.warnings)
        m_err << Text::tr("warning: %1").arg(violation.message) << Qt::endl;
    // Input files the studio would offer to fix are errors here: the CLI sends files as given.
    const QList<Violation> errors = plan.errors + plan.fixable;
    if (!errors.isEmpty()) {
        for (const Violation &violation : errors)
            m_err << Text::tr("error: %1: %2").arg(violation.parameter, violation.message)
                  << Qt::endl;
        m_err << Text::tr("Nothing was sent.") << Qt::endl;
        return ExitCode::InvalidInput;
    }
    m_request = plan.requests.first();
    QString keySource;
    const QString apiKey = findApiKey(profile, profile.keyAccount(), &keySource);

    // Streaming several images: parallel n=1 requests, so that every image streams.
    const int imagesRequested = int(m_request.option(Param::N).toInteger(1));
    const bool split = plan.splitsStreams();
    const ImageRequest single = plan.sends.first();

    if (parser.isSet(u"dry-run"_s)) {
        if (apiKey.isEmpty())
            m_err << Text::tr("warning: no API key found (%1); a real run would stop here.")
                         .arg(keySource)
                  << Qt::endl;
        QJsonObject description = RequestBuilder::build(single, profile, apiKey).describe();
        // A password in the URL is a credential too: shown as *** like the key.
        if (QUrl url(description.value(u"url"_s).toString()); !url.password().isEmpty()) {
            url.setPassword(u"***"_s);
            description.insert(u"url"_s, url.toString());
        }
        if (split)
            description.insert(u"parallel_requests"_s, imagesRequested);
        m_out << QJsonDocument(description).toJson(QJsonDocument::Indented);
        m_out.flush();
        return ExitCode::Success;
    }
    if (apiKey.isEmpty()) {
        m_err << Text::tr("error: no API key found: %1. Set %2 in the environment, or store a key "
                          "with 'atelier-cli key set'.")
                     .arg(keySource, profile.apiKeyVariable())
              << Qt::endl;
        return ExitCode::InvalidInput;
    }

    // The folder is made and tried before the request goes out: a request is paid for, and its
    // images would have nowhere to go.
    const QString stem = parser.isSet(u"name"_s) ? parser.value(u"name"_s)
                                                 : ImageWriter::defaultStem(m_request.prompt);
    m_writer = std::make_shared<ImageWriter>(parser.value(u"out"_s), stem);
    if (QString problem; !m_writer->prepare(&problem)) {
        m_err << Text::tr("error: %1").arg(problem) << Qt::endl
              << Text::tr("Nothing was sent.") << Qt::endl;
        return ExitCode::InvalidInput;
    }

    if (plan.each.available && !m_json)
        m_err << Text::tr("Estimated cost: $%1").arg(plan.each.cost, 0, 'f', 4) << Qt::endl;

    m_client = std::make_unique<ImagesClient>(
        [catalog = m_catalog](const ImageRequest &request, const ValidationContext &context) {
            return catalog.validate(request, context);
        });
    m_client->setProvider(profile, apiKey);
    ClientOptions options;
    options.decode.decodePixels = false; // the CLI saves the bytes as received; headers are checked
    if (parser.isSet(u"timeout"_s))
        options.idleTimeoutMs = std::max(1, parser.value(u"timeout"_s).toInt()) * 1000;
    if (parser.isSet(u"connect-timeout"_s))
        options.connectTimeoutMs = std::max(1, parser.value(u"connect-timeout"_s).toInt()) * 1000;
    if (parser.isSet(u"retries"_s))
        options.retry.maxRetries = std::max(0, parser.value(u"retries"_s).toInt());
    m_client->setOptions(options);

    if (split) {
        for (int i = 0; i < imagesRequested; ++i)
            startJob(single, i, imagesRequested);
    } else {
        startJob(m_request, -1, imagesRequested);
    }
    return -1;
}

void CliApplication::startJob(const ImageRequest &request, int jobIndex, int imagesRequested)
{
    ImageJob *job = m_client->start(request);
    m_jobs.append(job);
    ++m_running;
    // Images are saved on the decode thread as soon as they are decoded, so writing files never
    // holds up receiving the stream; the main thread only reports the paths.
    job->setPersister(
        [writer = m_writer, jobIndex, imagesRequested](const ImageResult &image, QString *error) {
            return writer->write(image, ImageWriter::suffixFor(image, imagesRequested, jobIndex),
                                 error);
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
            m_err << Text::tr("error: %1").arg(image.saveError) << Qt::endl;
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
            m_out << path << Qt::endl;
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
            m_err << Text::tr("Retrying (%1) in %2 s: %3")
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
            m_err << Text::tr("error: %1").arg(error.toString()) << Qt::endl;
    });
    connect(job, &ImageJob::finished, this, &CliApplication::onJobFinished);
}

int CliApplication::exitCodeFor(const ApiError &error) const
{
    switch (error.kind) {
    case ApiError::Kind::None:
        return ExitCode::Success;
    case ApiError::Kind::InvalidRequest:
    case ApiError::Kind::NoApiKey:
        return ExitCode::InvalidInput;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Redirect:
        return ExitCode::NetworkError;
    case ApiError::Kind::Cancelled:
        return ExitCode::Interrupted;
    case ApiError::Kind::Api:
    case ApiError::Kind::InvalidResponse:
    case ApiError::Kind::TooLarge:
    case ApiError::Kind::Decode:
        return ExitCode::ApiError;
    }
    return ExitCode::Failure;
}

void CliApplication::onJobFinished()
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
        code = exitCodeFor(m_failures.constFirst());
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
        m_out << QJsonDocument(summary).toJson(QJsonDocument::Indented);
        m_out.flush();
    }
    Q_EMIT finished(code);
}

void CliApplication::addCommandOptions(QCommandLineParser *parser, const QString &command)
{
    addOptions(parser, command);
}

void CliApplication::interrupt()
{
    m_interrupted = true;
    if (m_batch) {
        m_batch->interrupt();
        return;
    }
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
