#pragma once

#include "api/imagejob.h"
#include "catalog/costestimate.h"
#include "model/apierror.h"
#include "model/imagerequest.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace Atelier {

// The jobs of a session, one row each: what was asked, where it stands, what it cost. The job
// list view shows it; StudioSession fills it.
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
        ColumnCount
    };
    enum Role { RequestRole = Qt::UserRole + 1, ErrorRole, StateRole, CanCancelRole, CanRetryRole };

    struct Entry
    {
        ImageRequest request;
        QPointer<ImageJob> job;
        bool queued = false; // waiting for a free slot (see StudioSession::setMaxConcurrentJobs)
        ImageJob::State state = ImageJob::State::Sending;
        ApiError error;
        qint64 elapsedMs = 0;
        qint64 receivedBytes = 0; // of the answer, while it arrives
        int partials = 0;
        int images = 0;
        CostEstimate estimate;
        Usage usage;
        QStringList savedPaths;
        // Edits and variations: the library image the first input came from (0: none), and
        // whether the pixels outside the mask are put back onto the model's output.
        qint64 parentId = 0;
        bool keepOutsideMask = false;
    };

    explicit JobListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    int append(const Entry &entry);
    const Entry &entry(int row) const { return m_entries.at(row); }
    // Applies `change` to the row and tells views.
    void update(int row, const std::function<void(Entry &)> &change);
    int rowOf(const ImageJob *job) const;
    static QString stateText(ImageJob::State state);

private:
    QList<Entry> m_entries;
};

} // namespace Atelier
