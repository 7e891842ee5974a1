#include "batchaction.h"

#include "batch/batchclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Atelier {

BatchAction::BatchAction(CliContext &cli, QObject *parent)
    : QObject(parent)
    , m_cli(cli)
    , m_out(cli.out())
    , m_err(cli.err())
{ }

BatchAction::~BatchAction() = default;

int BatchAction::run(const QCommandLineParser &parser)
{
    m_json = parser.isSet(u"json"_s);
    if (parser.isSet(u"timeout"_s))
        m_idleTimeoutMs = std::max(1, parser.value(u"timeout"_s).toInt()) * 1000;
    if (parser.isSet(u"retries"_s))
        m_maxRetries = std::max(0, parser.value(u"retries"_s).toInt());
    return start(parser);
}

void BatchAction::interrupt()
{
    m_interrupted = true;
    if (m_client)
        m_client->cancelAll();
    end(ExitCode::Interrupted);
}

QString BatchAction::adviceFor(const ApiError &) const
{
    return {};
}

void BatchAction::end(int exitCode)
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

void BatchAction::fail(const QString &what, const ApiError &error)
{
    if (error.kind == ApiError::Kind::Cancelled && m_interrupted)
        return;
    QString message = error.toString();
    if (const QString advice = adviceFor(error); !advice.isEmpty())
        message += u' ' + advice;
    m_err << BatchText::tr("error: %1: %2").arg(what, message) << Qt::endl;
    end(CliContext::exitCodeFor(error));
}

Result<BatchAction::Access> BatchAction::accessFor(const QCommandLineParser &parser,
                                                   const BatchRecord *record)
{
    Access access;
    if (asksRecordedProvider(parser, record)) {
        access.profile = record->providerProfile();
        if (parser.isSet(u"key-name"_s))
            access.profile.keyName = parser.value(u"key-name"_s);
        if (const QString problem = access.profile.problem(); !problem.isEmpty())
            return failure(problem);
    } else {
        Result<ProviderProfile> profile = m_cli.profile(parser);
        if (!profile)
            return profile.failure();
        access.profile = *std::move(profile);
    }
    if (const Status supported = BatchClient::checkSupported(access.profile); !supported)
        return supported.failure();
    const Result<ApiKey> apiKey = CliContext::requireApiKey(access.profile);
    if (!apiKey)
        return apiKey.failure();
    access.apiKey = apiKey->value;
    return access;
}

bool BatchAction::asksRecordedProvider(const QCommandLineParser &parser, const BatchRecord *record)
{
    const bool named = parser.isSet(u"provider"_s) || parser.isSet(u"base-url"_s);
    return record && !record->provider.isEmpty() && !named;
}

std::unique_ptr<BatchClient> BatchAction::newClient(const Access &access) const
{
    auto client = std::make_unique<BatchClient>(access.profile, access.apiKey);
    if (m_idleTimeoutMs > 0)
        client->setIdleTimeoutMs(m_idleTimeoutMs);
    if (m_maxRetries >= 0)
        client->setMaxRetries(m_maxRetries);
    return client;
}

void BatchAction::makeClient(const Access &access)
{
    m_client = newClient(access);
}

void BatchAction::remember(const QString &batchId, const QString &status)
{
    Result<BatchRecord> record = m_store.load(batchId);
    if (!record || record->status == status)
        return;
    record->status = status;
    if (const Status saved = m_store.save(*record); !saved)
        m_cli.warning(saved.error());
}

QString BatchAction::money(double dollars)
{
    return u"$"_s + QString::number(dollars, 'f', 4);
}

QString BatchAction::shortened(const QString &text, int length)
{
    const QString simple = text.simplified();
    return simple.size() <= length ? simple : simple.left(length - 1) + u"…"_s;
}

} // namespace Atelier
