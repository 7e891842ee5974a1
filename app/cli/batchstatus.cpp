#include "batchstatus.h"

#include "batch/batchclient.h"
#include "batch/batchinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Atelier {

BatchStatus::~BatchStatus() = default;

void BatchStatus::interrupt()
{
    m_interrupted = true;
    for (const Provider &provider : m_providers) {
        if (provider.client)
            provider.client->cancelAll();
    }
    BatchAction::interrupt();
}

const BatchRecord *BatchStatus::recordOf(const QString &batchId) const
{
    for (const BatchRecord &record : m_records) {
        if (record.id == batchId)
            return &record;
    }
    return nullptr;
}

int BatchStatus::start(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        m_err << BatchText::tr("error: 'batch status' takes at most one batch id.") << Qt::endl;
        return ExitCode::InvalidInput;
    }
    QStringList warnings;
    if (positional.isEmpty()) {
        m_records = m_store.all(&warnings);
        for (const QString &warning : std::as_const(warnings))
            m_cli.warning(warning);
        if (m_records.isEmpty()) {
            m_out << BatchText::tr(
                "Atelier knows no batches yet; start one with 'atelier-cli batch submit "
                "--prompts FILE'.")
                  << Qt::endl;
            return ExitCode::Success;
        }
        for (const BatchRecord &record : std::as_const(m_records))
            m_statusIds.append(record.id);
        if (!m_json)
            m_out << QString(BatchText::tr("BATCH")).leftJustified(34)
                  << QString(BatchText::tr("STATUS")).leftJustified(14)
                  << QString(BatchText::tr("DONE")).leftJustified(12)
                  << QString(BatchText::tr("FAILED")).leftJustified(8) << BatchText::tr("SUBMITTED")
                  << Qt::endl;
    } else {
        // One Atelier does not know is asked at the options' provider.
        if (Result<BatchRecord> record = m_store.load(positional.first()))
            m_records.append(*std::move(record));
        m_statusIds.append(positional.first());
        m_statusDetail = true;
    }
    // Each batch is asked at the provider it went to (BatchStore remembers it); one Atelier does
    // not know, and every one when --provider or --base-url name a provider, at the options'.
    for (const QString &id : std::as_const(m_statusIds)) {
        const BatchRecord *record = recordOf(id);
        const QString where = asksRecordedProvider(parser, record)
            ? QString::fromUtf8(QJsonDocument(record->provider).toJson(QJsonDocument::Compact))
            : QString();
        auto known
            = std::find_if(m_providers.cbegin(), m_providers.cend(),
                           [&](const Provider &provider) { return provider.where == where; });
        if (known == m_providers.cend()) {
            Provider provider {where, accessFor(parser, record), nullptr};
            // The options' provider, or the one batch asked for, unusable: nothing is asked.
            if (!provider.access && (where.isEmpty() || m_statusDetail)) {
                m_cli.error(provider.access.error());
                return ExitCode::InvalidInput;
            }
            if (provider.access)
                provider.client = newClient(*provider.access);
            m_providers.push_back(std::move(provider));
            known = std::prev(m_providers.cend());
        }
        m_providerOf.append(int(known - m_providers.cbegin()));
    }
    m_statusExit = ExitCode::Success;
    statusNext();
    return -1;
}

void BatchStatus::statusNext()
{
    if (m_statusNext >= m_statusIds.size()) {
        end(m_statusExit);
        return;
    }
    const Provider &provider = m_providers.at(size_t(m_providerOf.at(m_statusNext)));
    const QString id = m_statusIds.at(m_statusNext++);
    if (!provider.access) { // a remembered provider that cannot be asked: the others still are
        m_err << BatchText::tr("error: batch %1: %2").arg(id, provider.access.error()) << Qt::endl;
        m_statusExit = ExitCode::InvalidInput;
        statusNext();
        return;
    }
    provider.client->retrieveBatch(id, [this, id](const QJsonObject &json, const ApiError &error) {
        const BatchRecord *record = recordOf(id);
        if (error.isError()) {
            if (error.kind == ApiError::Kind::Cancelled && m_interrupted)
                return;
            m_err << BatchText::tr("error: batch %1: %2").arg(id, error.toString()) << Qt::endl;
            m_statusExit = CliContext::exitCodeFor(error);
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

void BatchStatus::printStatusLine(const BatchInfo &info, const BatchRecord *record)
{
    const QString done = u"%1/%2"_s.arg(info.completed).arg(info.total);
    m_out << info.id.leftJustified(34) << BatchInfo::statusText(info.status).leftJustified(14)
          << done.leftJustified(12) << QString::number(info.failed).leftJustified(8)
          << (record ? record->submittedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s)
                     : QString())
          << Qt::endl;
}

void BatchStatus::printStatusDetail(const BatchInfo &info, const BatchRecord *record)
{
    m_out << BatchText::tr("Batch %1: %2").arg(info.id, BatchInfo::statusText(info.status))
          << Qt::endl;
    m_out << BatchText::tr("Requests: %1 completed, %2 failed, %3 in all")
                 .arg(info.completed)
                 .arg(info.failed)
                 .arg(info.total)
          << Qt::endl;
    if (record) {
        m_out << BatchText::tr("Submitted: %1, %n prompt(s)", nullptr, int(record->entries.size()))
                     .arg(record->submittedAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s))
              << Qt::endl;
        if (record->estimatedCost >= 0)
            m_out << BatchText::tr("Estimated cost: %1 at batch price")
                         .arg(money(record->estimatedCost))
                  << Qt::endl;
    }
    for (const BatchInfo::Error &error : info.errors)
        m_out << (error.line > 0 ? BatchText::tr("  line %1: %2 (%3)")
                                       .arg(error.line)
                                       .arg(error.message, error.code)
                                 : BatchText::tr("  %1 (%2)").arg(error.message, error.code))
              << Qt::endl;
    if (info.status == u"completed" || info.status == u"expired" || info.status == u"cancelled")
        m_out << BatchText::tr("Save the results with 'atelier-cli batch fetch %1'.").arg(info.id)
              << Qt::endl;
}

} // namespace Atelier
