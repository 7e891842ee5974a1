#pragma once

#include "studio/jobqueue.h"

#include <QAbstractTableModel>

namespace Atelier {

// The jobs of a session, one row each: what was asked, where it stands, what it cost. A
// read-only view of the JobQueue, in the order the jobs were sent.
class JobListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobListModel)

public:
    enum Column {
        PromptColumn,
        ModelColumn,
        StateColumn,
        ElapsedColumn,
        PartialsColumn,
        CostColumn,
        ActionsColumn, // the row's own Cancel and Retry (the view puts buttons there)
        ColumnCount
    };
    enum Role { RequestRole = Qt::UserRole + 1, ErrorRole, StateRole, CanCancelRole, CanRetryRole };

    explicit JobListModel(const JobQueue *queue, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The job a row shows, and the row that shows a job (-1: none).
    JobId idAt(int row) const;
    int rowOf(JobId id) const;
    static QString stateText(ImageJob::State state);

private:
    const JobQueue *m_queue;
};

} // namespace Atelier
