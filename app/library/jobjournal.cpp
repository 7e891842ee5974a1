#include "jobjournal.h"

#include "libraryfiles.h"
#include "libraryindex.h"

#include "platform/leftovers.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace Atelier {

qint64 JobJournal::start(const ImageRequest &request, const QJsonObject &context)
{
    QSqlQuery query(m_index->database());
    query.prepare(u"INSERT INTO jobs(recipe, context, started_at, owner_pid, owner_start,"
                  " owner_machine) VALUES(?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact)));
    query.addBindValue(
        context.isEmpty()
            ? QVariant()
            : QVariant(QString::fromUtf8(QJsonDocument(context).toJson(QJsonDocument::Compact))));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    const qint64 pid = QCoreApplication::applicationPid();
    query.addBindValue(pid);
    query.addBindValue(processStartToken(pid));
    query.addBindValue(machineName());
    if (!query.exec())
        return 0;
    const qint64 id = query.lastInsertId().toLongLong();
    // Ids of closed entries come back: nothing of an earlier job with this id may remain.
    LibraryFiles::removePartials(m_index->folder(), id);
    return id;
}

void JobJournal::finish(qint64 jobId)
{
    QSqlQuery query(m_index->database());
    query.prepare(u"DELETE FROM jobs WHERE id = ?"_s);
    query.addBindValue(jobId);
    query.exec();
    LibraryFiles::removePartials(m_index->folder(), jobId);
}

QList<JournaledJob> JobJournal::jobs() const
{
    QList<JournaledJob> jobs;
    QSqlQuery query(m_index->database());
    if (!query.exec(u"SELECT id, recipe, started_at, owner_pid, owner_start, owner_machine,"
                    " context FROM jobs ORDER BY id"_s))
        return jobs;
    while (query.next()) {
        JournaledJob job;
        job.id = query.value(0).toLongLong();
        job.request = ImageRequest::fromJson(
            QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object());
        job.startedAt = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong());
        job.ownerPid = query.value(3).toLongLong();
        job.ownerStart = query.value(4).toString();
        job.ownerMachine = query.value(5).toString();
        job.context = QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object();
        job.ownerGone = ownerIsGone(job.ownerPid, job.ownerStart, job.ownerMachine);
        job.partialFiles = LibraryFiles::partialFiles(m_index->folder(), job.id);
        jobs.append(job);
    }
    return jobs;
}

QList<JournaledJob> JobJournal::unfinishedJobs() const
{
    QList<JournaledJob> jobs = this->jobs();
    jobs.removeIf([](const JournaledJob &job) { return !job.ownerGone; });
    return jobs;
}

QList<JournaledJob> JobJournal::claimUnfinishedJobs()
{
    // Two windows may start at once after a crash: each entry goes to the one whose update
    // finds it still under the dead owner, and to no other.
    QList<JournaledJob> claimed;
    const qint64 pid = QCoreApplication::applicationPid();
    const QString start = processStartToken(pid);
    const QString machine = machineName();
    const QList<JournaledJob> unfinished = unfinishedJobs();
    for (JournaledJob job : unfinished) {
        QSqlQuery query(m_index->database());
        query.prepare(
            u"UPDATE jobs SET owner_pid = ?, owner_start = ?, owner_machine = ?"
            " WHERE id = ? AND owner_pid IS ? AND owner_start IS ? AND owner_machine IS ?"_s);
        query.addBindValue(pid);
        query.addBindValue(start);
        query.addBindValue(machine);
        query.addBindValue(job.id);
        query.addBindValue(job.ownerPid > 0 ? QVariant(job.ownerPid) : QVariant());
        query.addBindValue(job.ownerStart.isNull() ? QVariant() : QVariant(job.ownerStart));
        query.addBindValue(job.ownerMachine.isNull() ? QVariant() : QVariant(job.ownerMachine));
        if (!query.exec() || query.numRowsAffected() != 1)
            continue;
        job.ownerPid = pid;
        job.ownerStart = start;
        job.ownerMachine = machine;
        job.ownerGone = false;
        claimed.append(job);
    }
    return claimed;
}

std::optional<QSet<qint64>> JobJournal::ids() const
{
    QSqlQuery query(m_index->database());
    if (!query.exec(u"SELECT id FROM jobs"_s))
        return std::nullopt;
    QSet<qint64> ids;
    while (query.next())
        ids.insert(query.value(0).toLongLong());
    return ids;
}

} // namespace Atelier
