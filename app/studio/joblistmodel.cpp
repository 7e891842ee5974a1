#include "joblistmodel.h"

#include "catalog/catalog.h"
#include "platform/plaintext.h"

#include <QLocale>

namespace Atelier {

JobListModel::JobListModel(const JobQueue *queue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_queue(queue)
{
    // Jobs are only ever added at the end.
    connect(queue, &JobQueue::jobAdded, this, [this](JobId id) {
        const int row = rowOf(id);
        beginInsertRows({}, row, row);
        endInsertRows();
    });
    connect(queue, &JobQueue::jobChanged, this, [this](JobId id) {
        const int row = rowOf(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
}

int JobListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_queue->count());
}

JobId JobListModel::idAt(int row) const
{
    return row >= 0 && row < m_queue->count() ? m_queue->at(row).id : JobId();
}

int JobListModel::rowOf(JobId id) const
{
    return int(m_queue->indexOf(id));
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobListModel::stateText(ImageJob::State state)
{
    switch (state) {
    case ImageJob::State::Sending:
        return tr("Sending");
    case ImageJob::State::Receiving:
        return tr("Receiving");
    case ImageJob::State::WaitingToRetry:
        return tr("Waiting to retry");
    case ImageJob::State::Succeeded:
        return tr("Done");
    case ImageJob::State::Failed:
        return tr("Failed");
    case ImageJob::State::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_queue->count())
        return {};
    const Job &entry = m_queue->at(index.row());
    const bool done = entry.isDone();
    switch (role) {
    case RequestRole:
        return QVariant::fromValue(entry.request.toJson());
    case ErrorRole:
        return entry.error.isError() ? entry.error.toString() : QString();
    case StateRole:
        return int(entry.state);
    case CanCancelRole:
        return !done;
    case CanRetryRole:
        return done && entry.state != ImageJob::State::Succeeded;
    case Qt::ToolTipRole:
        // Server text and recipe prompts as plain text: a tooltip would render markup in them.
        if (entry.error.isError())
            return PlainText::toolTip(entry.error.toString());
        // While an answer arrives, how much has (a big image takes a while on a slow link); as a
        // tooltip, so the columns do not change width as it grows.
        if (index.column() == StateColumn && !entry.queued
            && entry.state == ImageJob::State::Receiving && entry.receivedBytes > 0)
            return tr("%1 received so far")
                .arg(QLocale().formattedDataSize(entry.receivedBytes, 1));
        return PlainText::toolTip(entry.request.prompt);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case PromptColumn:
        return entry.request.prompt.left(80).simplified();
    case ModelColumn:
        return Catalog::effectiveModel(entry.request);
    case StateColumn:
        return entry.queued ? tr("Queued") : stateText(entry.state);
    case ElapsedColumn:
        return QString(QLocale().toString(entry.elapsedMs / 1000.0, 'f', 1) + tr(" s"));
    case PartialsColumn:
        return entry.partials;
    case CostColumn:
        return entry.estimate.available ? QStringLiteral("$%1").arg(entry.estimate.cost, 0, 'f', 3)
                                        : tr("unknown");
    default:
        return {};
    }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PromptColumn:
        return tr("Prompt");
    case ModelColumn:
        return tr("Model");
    case StateColumn:
        return tr("State");
    case ElapsedColumn:
        return tr("Time");
    case PartialsColumn:
        return tr("Partials");
    case CostColumn:
        return tr("Est. cost");
    default:
        return {};
    }
}

} // namespace Atelier
