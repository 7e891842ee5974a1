#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Atelier {

class BatchMonitor;
struct BatchRecord;

// The Batches view (View > Batches): a row per batch the monitor follows, with its state, its
// request counts (completed/failed/total), its cost (estimated at batch price, and what the
// saved requests cost once fetched) and when it was submitted; under the table, why the selected
// batch stopped and which requests failed; Fetch now, Cancel and Show in gallery for it.
class BatchesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BatchesView)

public:
    enum Column { BatchColumn, StateColumn, RequestsColumn, CostColumn, CreatedColumn };

    explicit BatchesView(BatchMonitor *monitor, QWidget *parent = nullptr);

    // The prompts of a batch in a few words: the first one, and how many more.
    static QString describe(const BatchRecord &record);

    QTableWidget *table() const { return m_table; }
    // The batch of the selected row; empty when none is selected.
    QString currentBatch() const;
    void selectBatch(const QString &id);

Q_SIGNALS:
    void showInGalleryRequested(const QString &batchId);

private:
    void rebuild();
    void updateActions();

    BatchMonitor *m_monitor;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_detail = nullptr;
    QPushButton *m_fetch = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_show = nullptr;
};

} // namespace Atelier
