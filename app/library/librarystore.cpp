#include "librarystore.h"

#include "libraryfiles.h"

#include "imaging/imagefileinfo.h"
#include "platform/safefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Atelier {

LibraryStore::LibraryStore() = default;

LibraryStore::~LibraryStore()
{
    close();
}

void LibraryStore::close()
{
    m_index.close();
}

bool LibraryStore::isOpen() const
{
    return m_index.isOpen();
}

Status LibraryStore::open(const QString &folder, IntegrityCheck check)
{
    close();
    m_repair = Repair();
    m_folder = QDir(folder).absolutePath();
    if (const Status usable = SafeFiles::prepareWritableFolder(m_folder); !usable)
        return failure(
            tr("The library folder %1 cannot be used (%2); choose another in the settings.")
                .arg(QDir::toNativeSeparators(m_folder), usable.error()),
            m_folder);
    const LibraryIndex::Opened opened
        = m_index.open(m_folder,
                       check == IntegrityCheck::OnOpen ? LibraryIndex::Check::Pages
                                                       : LibraryIndex::Check::Structure);
    if (opened.state == LibraryIndex::State::Damaged)
        return rebuildIndex(opened.damage);
    if (opened.state != LibraryIndex::State::Ready)
        return failure(opened.error, QDir(m_folder).filePath(LibraryIndex::fileName()));
    finishOpen();
    return success();
}

std::optional<QString> LibraryStore::findDamage(const QString &folder)
{
    return LibraryIndex::findDamage(folder);
}

Status LibraryStore::rebuild(const QString &damage)
{
    if (m_folder.isEmpty())
        return failure(tr("No library is open."));
    m_repair = Repair();
    return rebuildIndex(damage);
}

Status LibraryStore::rebuildIndex(const QString &damage)
{
    const QString index = QDir(m_folder).filePath(LibraryIndex::fileName());
    m_repair.damage = damage;
    // The files are the truth: the damaged index is kept beside them under a dated name,
    // and a new one is made from the images and their recipes.
    close();
    const QString aside
        = index + u".damaged-"_s + QDateTime::currentDateTime().toString(u"yyyy-MM-dd-HHmmss"_s);
    if (!QFile::rename(index, aside))
        return failure(tr("The library index %1 is damaged and cannot be moved aside; move it "
                          "away and start Atelier again.")
                           .arg(QDir::toNativeSeparators(index)),
                       index);
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        if (QFile::exists(index + suffix) && !QFile::rename(index + suffix, aside + suffix))
            QFile::remove(index + suffix);
    }
    m_repair.movedAside = aside;
    const LibraryIndex::Opened opened = m_index.open(m_folder); // new: checked in full at no cost
    if (!opened.damage.isEmpty())
        m_repair.damage = opened.damage;
    if (opened.state != LibraryIndex::State::Ready)
        return failure(opened.error, index);
    m_repair.rebuilt = true;
    finishOpen();
    return success();
}

void LibraryStore::finishOpen()
{
    const Repair found = reconcile();
    m_repair.indexed = found.indexed;
    m_repair.dropped = found.dropped;
    // A job's partial images live in .partials/job-<id> while its journal entry exists. A crash
    // between closing the entry and removing the folder leaves the folder behind: its job
    // finished (its images are in the library), so the folder goes.
    LibraryFiles::sweepOrphanedPartials(m_folder, [this] { return m_journal.ids(); });
    LibraryFiles::sweepIncoming(m_folder);
}

Result<QString> LibraryStore::writeFiles(const QString &folder, const LibraryImage &image,
                                         const QByteArray &bytes)
{
    return LibraryFiles::writeFiles(folder, image, bytes);
}

Result<QString> LibraryStore::keepFiles(const QString &folder, const LibraryImage &image,
                                        const QString &incoming)
{
    return LibraryFiles::keepFiles(folder, image, incoming);
}

Result<QString> LibraryStore::incomingPath(const QString &folder)
{
    return LibraryFiles::incomingPath(folder);
}

Result<QString> LibraryStore::writePartial(const QString &folder, qint64 jobId,
                                           const ImageResult &image)
{
    return LibraryFiles::writePartial(folder, jobId, image);
}

Result<QString> LibraryStore::keepPartial(const QString &folder, qint64 jobId,
                                          const ImageResult &image, const QString &incoming)
{
    return LibraryFiles::keepPartial(folder, jobId, image, incoming);
}

Result<qint64> LibraryStore::add(const LibraryImage &image)
{
    return m_index.add(image);
}

QList<LibraryImage> LibraryStore::query(const LibraryQuery &query) const
{
    return m_index.query(query);
}

std::optional<LibraryImage> LibraryStore::image(qint64 id) const
{
    return m_index.image(id);
}

std::optional<LibraryImage> LibraryStore::imageAt(const QString &path) const
{
    return m_index.imageAt(path);
}

QList<LibraryImage> LibraryStore::lineage(qint64 id) const
{
    return m_index.lineage(id);
}

QList<LibraryImage> LibraryStore::children(qint64 id) const
{
    return m_index.children(id);
}

int LibraryStore::count() const
{
    return m_index.count();
}

int LibraryStore::count(const LibraryQuery &query) const
{
    return m_index.count(query);
}

QStringList LibraryStore::models() const
{
    return m_index.models();
}

bool LibraryStore::setFavourite(qint64 id, bool favourite)
{
    if (!m_index.setFavourite(id, favourite))
        return false;
    // The recipe says it too, so an index made anew from the files keeps the favourites.
    if (const std::optional<LibraryImage> found = m_index.image(id))
        LibraryFiles::setRecipeFavourite(found->path, favourite);
    return true;
}

int LibraryStore::remove(const QList<qint64> &ids, bool keepFiles)
{
    const QList<LibraryImage> removed = m_index.remove(ids);
    if (!keepFiles) {
        for (const LibraryImage &image : removed)
            LibraryFiles::trash(image.path);
    }
    return int(removed.size());
}

qint64 LibraryStore::journalStart(const ImageRequest &request, const QJsonObject &context)
{
    return m_journal.start(request, context);
}

void LibraryStore::journalFinish(qint64 jobId)
{
    m_journal.finish(jobId);
}

QList<JournaledJob> LibraryStore::journaledJobs() const
{
    return m_journal.jobs();
}

QList<JournaledJob> LibraryStore::unfinishedJobs() const
{
    return m_journal.unfinishedJobs();
}

QList<JournaledJob> LibraryStore::claimUnfinishedJobs()
{
    return m_journal.claimUnfinishedJobs();
}

LibraryStore::Recovered LibraryStore::recoverPartials(const JournaledJob &job)
{
    Recovered recovered;
    static const QRegularExpression name(u"^image(\\d+)-partial(\\d+)$"_s);
    for (const QString &file : job.partialFiles) {
        const QFileInfo info(file);
        const ImageFileInfo inspected = ImageFileInfo::inspect(file);
        if (!inspected.readable || !inspected.size.isValid())
            continue; // not an image (cannot happen with atomic writes; never index garbage)
        QFile source(file);
        if (!source.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = source.readAll();
        LibraryImage image;
        image.request = job.request;
        image.size = inspected.size;
        image.format = inspected.format;
        image.bytes = bytes.size();
        image.savedAt = info.lastModified();
        const QRegularExpressionMatch match = name.match(info.completeBaseName());
        image.edit = {{u"partial_image_index"_s, match.hasMatch() ? match.captured(2).toInt() : 0},
                      {u"interrupted"_s, true}};
        const Result<QString> written = writeFiles(m_folder, image, bytes);
        if (!written) {
            recovered.status = written.failure();
            return recovered; // the partial stays where it is: the next start tries again
        }
        image.path = *written;
        if (const Result<qint64> added = add(image); !added) {
            recovered.status = added.failure();
            return recovered;
        }
        SafeFiles::removeOwnFile(file);
        ++recovered.kept;
    }
    LibraryFiles::removePartials(m_folder, job.id);
    return recovered;
}

LibraryStore::Repair LibraryStore::reconcile()
{
    const LibraryIndex::Reconciled found = m_index.reconcile();
    Repair repair;
    repair.indexed = found.indexed;
    repair.dropped = found.dropped;
    return repair;
}

} // namespace Atelier
