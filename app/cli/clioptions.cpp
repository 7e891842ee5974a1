#include "clioptions.h"

#include "atelierversion.h"
#include "clicontext.h"
#include "model/parameters.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>

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

const QList<OptionSpec> &optionSpecs()
{
    static const QList<OptionSpec> specs = {
        {u"prompt"_s, u"TEXT"_s,
         CliText::tr(
             "What the image should show (or what to change, for edit; vary with OpenAI: what "
             "the variation keeps or changes)."),
         imageCommands, ValueType::Text, QString()},
        {u"image"_s,
         u"FILE"_s,
         CliText::tr("Input image; repeat for several references (edit: up to 16 for GPT image "
                     "models, vary: one square PNG)."),
         {u"edit"_s, u"vary"_s},
         ValueType::Repeated,
         QString()},
        {u"mask"_s,
         u"FILE"_s,
         CliText::tr("PNG whose transparent pixels mark where the first image may change."),
         {u"edit"_s},
         ValueType::Text,
         QString()},
        {u"markup"_s,
         u"FILE"_s,
         CliText::tr("Transparent PNG the size of the first image whose drawn marks show where and "
                     "what to change (gpt-image-2.5 and later; not with --mask)."),
         {u"edit"_s},
         ValueType::Text,
         QString()},
        {u"model"_s, u"M"_s,
         CliText::tr(
             "Model (default gpt-image-2.6-flare; vary at Azure or a gateway: dall-e-2). See "
             "'atelier-cli models'."),
         imageCommands, ValueType::Text, QString()},
        {u"n"_s, u"N"_s, CliText::tr("Number of images (1-10; dall-e-3: 1)."), imageCommands,
         ValueType::Integer, Param::N},
        {u"size"_s, u"S"_s,
         CliText::tr(
             "Size: auto, 1024x1024, 1536x1024, ...; gpt-image-2 accepts any WIDTHxHEIGHT in "
             "multiples of 16."),
         imageCommands, ValueType::Text, Param::Size},
        {u"quality"_s, u"Q"_s,
         CliText::tr("Quality: auto, low, medium, high (GPT image), xhigh and max (gpt-image-2.5); "
                     "standard, hd (dall-e-3)."),
         promptCommands, ValueType::Text, Param::Quality},
        {u"complexity"_s, u"C"_s,
         CliText::tr(
             "Planning effort, independent of quality: low, medium or high (gpt-image-2.6)."),
         promptCommands, ValueType::Text, Param::Complexity},
        {u"style"_s, u"S"_s, CliText::tr("Style for dall-e-3: vivid or natural."), promptCommands,
         ValueType::Text, Param::Style},
        {u"background"_s, u"B"_s,
         CliText::tr("Background: auto, opaque or transparent (transparent needs png or webp)."),
         promptCommands, ValueType::Text, Param::Background},
        {u"moderation"_s, u"M"_s, CliText::tr("Moderation for GPT image generations: auto or low."),
         promptCommands, ValueType::Text, Param::Moderation},
        {u"output-format"_s, u"F"_s,
         CliText::tr(
             "Output format for GPT image models: png, jpeg or webp; gif and svg (gpt-image-2.6)."),
         promptCommands, ValueType::Text, Param::OutputFormat},
        {u"frame-count"_s, u"N"_s,
         CliText::tr("Frames of a GIF (2-16, default 9; needs --output-format gif)."),
         promptCommands, ValueType::Integer, Param::FrameCount},
        {u"frame-duration-ms"_s, u"MS"_s,
         CliText::tr("Delay per GIF frame in milliseconds (default 200, rounded to 10; needs "
                     "--output-format gif)."),
         promptCommands, ValueType::Integer, Param::FrameDurationMs},
        {u"svg-model"_s, u"M"_s,
         CliText::tr(
             "The text model that writes SVG output (needs --output-format svg and SVG model "
             "selection on the account)."),
         promptCommands, ValueType::Text, QString()},
        {u"svg-reasoning-effort"_s, u"E"_s,
         CliText::tr(
             "Reasoning effort of the SVG author: none, minimal, low, medium, high, xhigh or max."),
         promptCommands, ValueType::Text, QString()},
        {u"output-compression"_s, u"C"_s,
         CliText::tr("Compression 0-100 for jpeg and webp output."), promptCommands,
         ValueType::Integer, Param::OutputCompression},
        {u"response-format"_s, u"F"_s,
         CliText::tr("url or b64_json (DALL·E models; URLs are downloaded at once)."),
         imageCommands, ValueType::Text, Param::ResponseFormat},
        {u"input-fidelity"_s,
         u"F"_s,
         CliText::tr("How closely an edit keeps the input's features: high or low."),
         {u"edit"_s},
         ValueType::Text,
         Param::InputFidelity},
        {u"safety-identifier"_s, u"ID"_s,
         CliText::tr("A stable id for your end user (hash it), for OpenAI's abuse monitoring; "
                     "replaces --user."),
         promptCommands, ValueType::Text, Param::SafetyIdentifier},
        {u"user"_s, u"U"_s,
         CliText::tr(
             "Deprecated: use --safety-identifier. An end-user id passed to the API for abuse "
             "monitoring."),
         imageCommands, ValueType::Text, Param::User},
        {u"stream"_s, QString(),
         CliText::tr(
             "Stream the image: partial images are saved as they arrive (GPT image models)."),
         promptCommands, ValueType::Flag, Param::Stream},
        {u"partial-images"_s, u"K"_s,
         CliText::tr("Partial images to stream before the final one (0-3; needs --stream)."),
         promptCommands, ValueType::Integer, Param::PartialImages},
        {u"out"_s, u"DIR"_s, CliText::tr("Folder for the images (default: the current folder)."),
         imageCommands, ValueType::Text, QString()},
        {u"name"_s, u"STEM"_s,
         CliText::tr("File name stem (default: atelier-<date>-<time>-<prompt>)."), imageCommands,
         ValueType::Text, QString()},
        {u"dry-run"_s, QString(),
         CliText::tr("Send nothing; print the exact request as JSON (the key shown as ***)."),
         imageCommands, ValueType::Flag, QString()},
        {u"json"_s,
         QString(),
         CliText::tr(
             "Print one JSON summary instead of one path per line (models: the full catalog)."),
         {u"generate"_s, u"edit"_s, u"vary"_s, u"models"_s},
         ValueType::Flag,
         QString()},
        {u"provider"_s, u"P"_s,
         CliText::tr(
             "openai (default), azure or compatible; the environment decides when not given."),
         networkCommands, ValueType::Text, QString()},
        {u"base-url"_s, u"URL"_s,
         CliText::tr("API base URL (OpenAI-compatible gateway), or the Azure resource endpoint. "
                     "Default: OPENAI_BASE_URL or https://api.openai.com/v1."),
         networkCommands, ValueType::Text, QString()},
        {u"organization"_s, u"ID"_s,
         CliText::tr("OpenAI organization id (default: OPENAI_ORG_ID)."), networkCommands,
         ValueType::Text, QString()},
        {u"project"_s, u"ID"_s, CliText::tr("OpenAI project id (default: OPENAI_PROJECT_ID)."),
         networkCommands, ValueType::Text, QString()},
        {u"deployment"_s, u"NAME"_s,
         CliText::tr("Azure deployment name (default: the model name)."), networkCommands,
         ValueType::Text, QString()},
        {u"api-version"_s, u"V"_s,
         CliText::tr("Azure api-version (default: OPENAI_API_VERSION or 2025-04-01-preview)."),
         networkCommands, ValueType::Text, QString()},
        {u"model-prefix"_s, u"P"_s,
         CliText::tr(
             "Put P before every model name sent, for gateways that name models by provider "
             "(e.g. openai/); default: ATELIER_MODEL_PREFIX."),
         networkCommands, ValueType::Text, QString()},
        {u"key-name"_s, u"NAME"_s,
         CliText::tr(
             "Keychain entry to use, whatever the base URL (default: the provider's name and "
             "the base URL's host, e.g. openai@api.openai.com)."),
         networkCommands, ValueType::Text, QString()},
        {u"allow-insecure-http"_s, QString(),
         CliText::tr(
             "Allow a plain http:// base URL on another machine (the key travels unencrypted; "
             "warned every time)."),
         networkCommands, ValueType::Flag, QString()},
        {u"timeout"_s, u"SECONDS"_s,
         CliText::tr("Give up when the server sends nothing for this long (default 300)."),
         imageCommands, ValueType::Integer, QString()},
        {u"connect-timeout"_s, u"SECONDS"_s,
         CliText::tr("Give up when the server does not answer within this long (default 30)."),
         imageCommands, ValueType::Integer, QString()},
        {u"retries"_s, u"N"_s,
         CliText::tr("Retries on 408/409/429/5xx and connection errors (default 2)."),
         imageCommands, ValueType::Integer, QString()},
        {u"catalog"_s,
         u"FILE"_s,
         CliText::tr("Model catalog overlay to use instead of the one in the config folder."),
         {u"generate"_s, u"edit"_s, u"vary"_s, u"models"_s},
         ValueType::Text,
         QString()},
        {u"prompts"_s,
         u"FILE"_s,
         CliText::tr(
             "batch submit: a text file of prompts, one request a line (wildcards expand)."),
         {u"batch"_s},
         ValueType::Text,
         QString()},
        {u"wait"_s,
         QString(),
         CliText::tr(
             "batch fetch: wait until the batch has finished, asking every --poll-interval."),
         {u"batch"_s},
         ValueType::Flag,
         QString()},
        {u"poll-interval"_s,
         u"SECONDS"_s,
         CliText::tr("batch fetch --wait: seconds between two questions (default 30)."),
         {u"batch"_s},
         ValueType::Text,
         QString()},
        {u"refresh"_s,
         QString(),
         CliText::tr("Ask the provider for its models first (GET /models) and record the shutdown "
                     "dates it announces in the catalog overlay."),
         {u"models"_s},
         ValueType::Flag,
         QString()},
        {u"continue"_s,
         u"RESPONSE_ID"_s,
         CliText::tr("refine: continue the conversation of this response id (printed as "
                     "'conversation: resp_...'); only the new instruction is sent."),
         {u"refine"_s},
         ValueType::Text,
         QString()},
        {u"responses-model"_s,
         u"MODEL"_s,
         CliText::tr("refine: the mainline model the image tool runs under (default: the "
                     "catalog's, gpt-5.5)."),
         {u"refine"_s},
         ValueType::Text,
         QString()},
        {u"action"_s,
         u"A"_s,
         CliText::tr("refine: whether the tool makes a new image or edits one: generate, edit or "
                     "auto (default)."),
         {u"refine"_s},
         ValueType::Text,
         u"action"_s},
    };
    return specs;
}

// The options of other commands that refine takes too (the image tool's fields keep the names
// the Images API gives them).
const QStringList &refineAlsoTakes()
{
    static const QStringList options = {u"prompt"_s,
                                        u"image"_s,
                                        u"model"_s,
                                        u"size"_s,
                                        u"quality"_s,
                                        u"complexity"_s,
                                        u"background"_s,
                                        u"moderation"_s,
                                        u"output-format"_s,
                                        u"output-compression"_s,
                                        u"stream"_s,
                                        u"partial-images"_s,
                                        u"out"_s,
                                        u"name"_s,
                                        u"dry-run"_s,
                                        u"json"_s,
                                        u"provider"_s,
                                        u"base-url"_s,
                                        u"organization"_s,
                                        u"project"_s,
                                        u"deployment"_s,
                                        u"api-version"_s,
                                        u"model-prefix"_s,
                                        u"key-name"_s,
                                        u"allow-insecure-http"_s,
                                        u"timeout"_s,
                                        u"connect-timeout"_s,
                                        u"retries"_s,
                                        u"catalog"_s};
    return options;
}

// The commands an option applies to.
QStringList commandsOf(const OptionSpec &spec)
{
    if (!spec.commands.contains(u"refine"_s) && refineAlsoTakes().contains(spec.name))
        return spec.commands + QStringList {u"refine"_s};
    return spec.commands;
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
         CliText::tr("List the models Atelier knows, what they can do and their status.")},
        {u"generate"_s, u"generate --prompt TEXT [options]"_s,
         CliText::tr("Create images from a prompt (POST /images/generations).")},
        {u"edit"_s, u"edit --prompt TEXT --image FILE [--image FILE ...] [--mask FILE] [options]"_s,
         CliText::tr("Edit or combine images (POST /images/edits).")},
        {u"vary"_s, u"vary --image FILE [--prompt TEXT] [--model M] [--n N] [--size S] [options]"_s,
         CliText::tr(
             "Variations of an image: with OpenAI an edit with a GPT image model and a "
             "variation prompt (POST /images/edits; OpenAI retired the variations endpoint), "
             "elsewhere dall-e-2's POST /images/variations.")},
        {u"key"_s, u"key set|clear|status [--provider P] [--key-name NAME]"_s,
         CliText::tr(
             "Store the API key in the desktop keychain (read from standard input, never an "
             "argument), remove it, or say where the key comes from.")},
        {u"batch"_s, u"batch submit --prompts FILE [generate options]"_s,
         CliText::tr("Send one request per line of FILE through the Batch API, at half price, "
                     "results within 24 hours; prints the batch id.")},
        {u"batch"_s, u"batch status [BATCH_ID]"_s,
         CliText::tr("The state and counts of one batch, or of every batch Atelier knows.")},
        {u"batch"_s, u"batch fetch BATCH_ID [--out DIR] [--wait]"_s,
         CliText::tr("Download and save a finished batch's images with their recipes; again adds "
                     "nothing.")},
        {u"batch"_s, u"batch cancel BATCH_ID"_s,
         CliText::tr("Cancel a batch that is still running.")},
        {u"refine"_s,
         u"refine --prompt TEXT [--image FILE ...] [--continue RESPONSE_ID] [options]"_s,
         CliText::tr("Refine an image in conversation through the Responses API's image tool "
                     "(POST /responses): each turn prints the response id to continue from.")},
    };
    return commands;
}

QJsonValue integerOrText(const QString &text)
{
    bool ok = false;
    const qint64 number = text.trimmed().toLongLong(&ok);
    return ok ? QJsonValue(number) : QJsonValue(text); // text: the validator explains
}

} // namespace

bool CliOptions::isCommand(const QString &name)
{
    return std::any_of(commandSpecs().cbegin(), commandSpecs().cend(),
                       [&](const CommandSpec &spec) { return spec.name == name; });
}

bool CliOptions::applies(const QString &option, const QString &command)
{
    return std::any_of(optionSpecs().cbegin(), optionSpecs().cend(), [&](const OptionSpec &spec) {
        return spec.name == option && commandsOf(spec).contains(command);
    });
}

void CliOptions::add(QCommandLineParser *parser, const QString &command)
{
    for (const OptionSpec &spec : optionSpecs()) {
        if (!commandsOf(spec).contains(command))
            continue;
        if (spec.valueName.isEmpty())
            parser->addOption(QCommandLineOption(spec.name, spec.description));
        else
            parser->addOption(QCommandLineOption(spec.name, spec.description, spec.valueName));
    }
}

QString CliOptions::usage()
{
    QString text;
    QTextStream stream(&text);
    stream << "atelier-cli " << ATELIER_VERSION << " — "
           << CliText::tr("the Images API from the command line") << "\n\n";
    stream << CliText::tr("Usage:") << "\n";
    for (const CommandSpec &command : commandSpecs())
        stream << "  atelier-cli " << command.synopsis << "\n      " << command.description << "\n";
    stream << "  atelier-cli --help | --version\n\n";
    stream << CliText::tr("Options (the commands each applies to in brackets):") << "\n";
    for (const OptionSpec &spec : optionSpecs()) {
        QString left = u"  --"_s + spec.name;
        if (!spec.valueName.isEmpty())
            left += u' ' + spec.valueName;
        stream << left.leftJustified(30) << u' ' << spec.description << " ["
               << commandsOf(spec).join(u", "_s) << "]\n";
    }
    stream << "\n"
           << CliText::tr("API key: OPENAI_API_KEY (AZURE_OPENAI_API_KEY for Azure), else the "
                          "keychain entry stored with 'atelier-cli key set'.")
           << "\n";
    stream << CliText::tr("Environment: OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID; "
                          "AZURE_OPENAI_ENDPOINT, OPENAI_API_VERSION.")
           << "\n";
    stream << CliText::tr("Model catalog overlay: %1").arg(Catalog::defaultOverlayPath()) << "\n\n";
    stream << CliText::tr("Exit codes: 0 success; 1 other failure; 2 invalid input (every problem "
                          "printed, nothing sent); 3 the API answered with an error; 4 network "
                          "failure or timeout; 130 interrupted (images received so far are kept).")
           << "\n";
    return text;
}

Result<ImageRequest> CliOptions::request(Endpoint endpoint, const QString &command,
                                         const QCommandLineParser &parser, const Catalog &catalog)
{
    ImageRequest made;
    ImageRequest *request = &made;
    request->endpoint = endpoint;
    request->model
        = parser.isSet(u"model"_s) ? parser.value(u"model"_s) : catalog.defaultModel(endpoint);
    auto value = [&](const QString &name) {
        return applies(name, command) ? parser.value(name) : QString();
    };
    request->prompt = value(u"prompt"_s);
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        if (request->prompt.isEmpty() && endpoint != Endpoint::Variations
            && positional.size() == 1) {
            request->prompt = positional.first();
        } else {
            return failure(
                CliText::tr("unexpected argument \"%1\"; options start with -- (see --help).")
                    .arg(positional.first()));
        }
    }
    request->images = applies(u"image"_s, command) ? parser.values(u"image"_s) : QStringList();
    request->mask = value(u"mask"_s);
    request->markup = value(u"markup"_s);
    QJsonObject svg;
    if (applies(u"svg-model"_s, command) && parser.isSet(u"svg-model"_s))
        svg.insert(u"model"_s, parser.value(u"svg-model"_s));
    if (applies(u"svg-reasoning-effort"_s, command) && parser.isSet(u"svg-reasoning-effort"_s))
        svg.insert(u"reasoning"_s,
                   QJsonObject {{u"effort"_s, parser.value(u"svg-reasoning-effort"_s)}});
    if (!svg.isEmpty())
        request->setOption(Param::Svg, svg);
    for (const OptionSpec &spec : optionSpecs()) {
        if (spec.parameter.isEmpty() || !spec.commands.contains(command)
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
    return made;
}

Result<RefineRequest> CliOptions::refineRequest(const QCommandLineParser &parser,
                                                const Catalog &catalog)
{
    RefineRequest request;
    request.prompt = parser.value(u"prompt"_s);
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        if (request.prompt.isEmpty() && positional.size() == 1)
            request.prompt = positional.first();
        else
            return failure(
                CliText::tr("unexpected argument \"%1\"; options start with -- (see --help).")
                    .arg(positional.first()));
    }
    request.images = parser.values(u"image"_s);
    request.previousResponseId = parser.value(u"continue"_s).trimmed();
    if (parser.isSet(u"continue"_s) && request.previousResponseId.isEmpty())
        return failure(CliText::tr("--continue needs the response id of the turn to continue "
                                   "(printed as 'conversation: resp_...')."));
    request.responsesModel = parser.isSet(u"responses-model"_s)
        ? parser.value(u"responses-model"_s).trimmed()
        : catalog.responsesMainlineModel();
    request.stream = parser.isSet(u"stream"_s);
    request.setTool(u"model"_s,
                    parser.isSet(u"model"_s) ? parser.value(u"model"_s).trimmed()
                                             : catalog.responsesImageModel());
    for (const OptionSpec &spec : optionSpecs()) {
        if (spec.parameter.isEmpty() || spec.parameter == Param::Stream
            || !commandsOf(spec).contains(u"refine"_s) || !parser.isSet(spec.name))
            continue;
        if (spec.type == ValueType::Integer)
            request.setTool(spec.parameter, integerOrText(parser.value(spec.name)));
        else if (!parser.value(spec.name).trimmed().isEmpty())
            request.setTool(spec.parameter, parser.value(spec.name));
    }
    return request;
}

} // namespace Atelier
