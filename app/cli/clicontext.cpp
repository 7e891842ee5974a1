#include "clicontext.h"

#include "api/imagesclient.h"
#include "imagewriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Atelier {

CliContext::CliContext()
    : m_out(stdout)
    , m_err(stderr)
{ }

void CliContext::error(const QString &message)
{
    m_err << CliText::tr("error: %1").arg(message) << Qt::endl;
}

void CliContext::warning(const QString &message)
{
    m_err << CliText::tr("warning: %1").arg(message) << Qt::endl;
}

QString CliContext::overlayPath(const QCommandLineParser &parser)
{
    return parser.isSet(u"catalog"_s) ? parser.value(u"catalog"_s) : Catalog::defaultOverlayPath();
}

Catalog CliContext::loadCatalog(const QCommandLineParser &parser)
{
    Catalog catalog = Catalog::load(overlayPath(parser));
    for (const QString &problem : catalog.loadWarnings())
        warning(problem);
    return catalog;
}

Result<ProviderProfile> CliContext::profile(const QCommandLineParser &parser)
{
    ProviderProfile profile = ProviderProfile::fromEnvironment();
    if (parser.isSet(u"provider"_s)) {
        const std::optional<ProviderProfile::Kind> kind
            = ProviderProfile::kindFromName(parser.value(u"provider"_s));
        if (!kind)
            return failure(
                CliText::tr("provider \"%1\" is unknown; use openai, azure or compatible.")
                    .arg(parser.value(u"provider"_s)),
                u"provider"_s);
        if (*kind != profile.kind) {
            ProviderProfile fresh;
            fresh.kind = *kind;
            fresh.name = ProviderProfile::kindName(*kind);
            if (*kind == ProviderProfile::Kind::Azure) {
                fresh.auth = ProviderProfile::Auth::ApiKeyHeader;
                fresh.baseUrl = QUrl(qEnvironmentVariable("AZURE_OPENAI_ENDPOINT"));
            } else if (*kind == ProviderProfile::Kind::Compatible) {
                fresh.baseUrl = QUrl(qEnvironmentVariable("OPENAI_BASE_URL"));
            }
            fresh.organization = profile.organization;
            fresh.project = profile.project;
            profile = fresh;
        }
    }
    if (parser.isSet(u"base-url"_s))
        profile.baseUrl = QUrl(parser.value(u"base-url"_s));
    if (parser.isSet(u"organization"_s))
        profile.organization = parser.value(u"organization"_s);
    if (parser.isSet(u"project"_s))
        profile.project = parser.value(u"project"_s);
    if (parser.isSet(u"deployment"_s))
        profile.azureDeployment = parser.value(u"deployment"_s);
    if (parser.isSet(u"api-version"_s))
        profile.azureApiVersion = parser.value(u"api-version"_s);
    if (parser.isSet(u"key-name"_s))
        profile.keyName = parser.value(u"key-name"_s);
    profile.allowInsecureHttp = parser.isSet(u"allow-insecure-http"_s);
    if (parser.isSet(u"model-prefix"_s))
        profile.modelPrefix = parser.value(u"model-prefix"_s).trimmed();
    if (const QString problem = profile.problem(); !problem.isEmpty())
        return failure(problem);
    if (const QString insecure = profile.insecureWarning(); !insecure.isEmpty())
        warning(insecure);
    return profile;
}

Result<ApiKey> CliContext::requireApiKey(const ApiKeyResolver::Lookup &lookup,
                                         const ProviderProfile &profile, const QString &account)
{
    if (lookup && lookup->has_value())
        return **lookup;
    return failure(
        CliText::tr("no API key found: %1. Set %2 in the environment, or store a key "
                    "with 'atelier-cli key set'.")
            .arg(ApiKeyResolver::describeMissing(lookup, account), profile.apiKeyVariable()));
}

CliContext::KeyLookup CliContext::lookUpKey(const ProviderProfile &profile)
{
    const ApiKeyResolver::Lookup lookup = ApiKeyResolver().find(profile);
    return {lookup, requireApiKey(lookup, profile, profile.keyAccount())};
}

bool CliContext::acceptName(const QCommandLineParser &parser)
{
    if (const Status stem
        = parser.isSet(u"name"_s) ? ImageWriter::checkStem(parser.value(u"name"_s)) : success();
        !stem) {
        m_err << CliText::tr("error: %1").arg(stem.error()) << Qt::endl
              << CliText::tr("Nothing was sent.") << Qt::endl;
        return false;
    }
    return true;
}

ClientOptions CliContext::clientOptions(const QCommandLineParser &parser)
{
    ClientOptions options;
    options.decode.decodePixels = false; // the CLI saves the bytes as received; headers are checked
    if (parser.isSet(u"timeout"_s))
        options.idleTimeoutMs = std::max(1, parser.value(u"timeout"_s).toInt()) * 1000;
    if (parser.isSet(u"connect-timeout"_s))
        options.connectTimeoutMs = std::max(1, parser.value(u"connect-timeout"_s).toInt()) * 1000;
    if (parser.isSet(u"retries"_s))
        options.retry.maxRetries = std::max(0, parser.value(u"retries"_s).toInt());
    return options;
}

int CliContext::exitCodeFor(const ApiError &error)
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

void CliContext::printDryRun(QJsonObject description, const KeyLookup &key,
                             const ProviderProfile &profile)
{
    if (!key.found)
        m_err << CliText::tr("warning: no API key found (%1); a real run would stop here.")
                     .arg(ApiKeyResolver::describeMissing(key.lookup, profile.keyAccount()))
              << Qt::endl;
    // A password in the URL is a credential too: shown as *** like the key.
    if (QUrl url(description.value(u"url"_s).toString()); !url.password().isEmpty()) {
        url.setPassword(u"***"_s);
        description.insert(u"url"_s, url.toString());
    }
    m_out << QJsonDocument(description).toJson(QJsonDocument::Indented);
    m_out.flush();
}

std::shared_ptr<ImageWriter> CliContext::prepareWriter(const QCommandLineParser &parser,
                                                       const QString &prompt)
{
    const QString stem
        = parser.isSet(u"name"_s) ? parser.value(u"name"_s) : ImageWriter::defaultStem(prompt);
    auto writer = std::make_shared<ImageWriter>(parser.value(u"out"_s), stem);
    if (const Status prepared = writer->prepare(); !prepared) {
        m_err << CliText::tr("error: %1").arg(prepared.error()) << Qt::endl
              << CliText::tr("Nothing was sent.") << Qt::endl;
        return nullptr;
    }
    return writer;
}

std::shared_ptr<ImageWriter> CliContext::prepareRun(const KeyLookup &key,
                                                    const QCommandLineParser &parser,
                                                    const QString &prompt)
{
    if (!key.found) {
        error(key.found.error());
        return nullptr;
    }
    return prepareWriter(parser, prompt);
}

void CliContext::refuse(const QList<Violation> &errors)
{
    for (const Violation &violation : errors)
        m_err << CliText::tr("error: %1: %2").arg(violation.parameter, violation.message)
              << Qt::endl;
    m_err << CliText::tr("Nothing was sent.") << Qt::endl;
}

} // namespace Atelier
