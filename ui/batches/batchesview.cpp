#include "batchesview.h"

#include "batch/batchmonitor.h"
#include "batchoffer.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

} // namespace

QString BatchesView::describe(const BatchRecord &record)
{
    if (record.entries.isEmpty())
        return {};
    QString first = record.entries.first().prompt.simplified();
    if (first.size() > 40)
        first = first.left(39) + u"…"_s;
    return record.entries.size() > 1
        ? tr("“%1” and %n more", nullptr, int(record.entries.size() - 1)).arg(first)
        : tr("“%1”").arg(first);
}

BatchesView::BatchesView(BatchMonitor *monitor, QWidget *parent)
    : QWidget(parent)
    , m_monitor(monitor)
{
    setObjectName(u"batchesView"_s);
    auto *layout = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(u"batchesTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Batch"), tr("State"), tr("Requests"), tr("Cost"), tr("Submitted")});
    m_table->horizontalHeaderItem(RequestsColumn)->setToolTip(tr("Completed / failed / in all"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(BatchColumn, QHeaderView::Stretch);
    for (int column = StateColumn; column <= CreatedColumn; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);
    m_empty = new QLabel(tr("No batches yet. A run of several requests (wildcards, the compare "
                            "grid, File > Open a prompt list…) can be sent as a batch at half "
                            "the price."),
                         this);
    m_empty->setObjectName(u"batchesEmpty"_s);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);
    m_detail = new QLabel(this);
    m_detail->setObjectName(u"batchDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_detail);
    auto *buttons = new QHBoxLayout;
    m_fetch = new QPushButton(tr("Fetch now"), this);
    m_fetch->setObjectName(u"batchFetch"_s);
    m_fetch->setToolTip(tr("Ask for the batch's state now, and save what it finished."));
    m_cancel = new QPushButton(tr("Cancel batch"), this);
    m_cancel->setObjectName(u"batchCancel"_s);
    m_cancel->setToolTip(tr("Stop the batch; what it finished so far is still saved."));
    m_show = new QPushButton(tr("Show in gallery"), this);
    m_show->setObjectName(u"batchShowInGallery"_s);
    buttons->addWidget(m_fetch);
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_show);
    layout->addLayout(buttons);

    connect(m_fetch, &QPushButton::clicked, this, [this] { m_monitor->fetchNow(currentBatch()); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { m_monitor->cancel(currentBatch()); });
    connect(m_show, &QPushButton::clicked, this,
            [this] { Q_EMIT showInGalleryRequested(currentBatch()); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &BatchesView::updateActions);
    connect(m_monitor, &BatchMonitor::batchChanged, this, &BatchesView::rebuild);
    rebuild();
}

QString BatchesView::currentBatch() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty()
        ? QString()
        : m_table->item(selected.first()->row(), BatchColumn)->data(IdRole).toString();
}

void BatchesView::selectBatch(const QString &id)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, BatchColumn)->data(IdRole).toString() == id)
            m_table->selectRow(row);
    }
}

void BatchesView::rebuild()
{
    const QString current = currentBatch();
    const QList<BatchMonitor::Batch> batches = m_monitor->batches();
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(batches.size()));
    int row = 0;
    for (const BatchMonitor::Batch &batch : batches) {
        const BatchRecord &record = batch.record;
        auto *name = new QTableWidgetItem(describe(record));
        name->setData(IdRole, record.id);
        name->setToolTip(record.id);
        m_table->setItem(row, BatchColumn, name);
        QString state = BatchInfo::statusText(batch.status());
        if (batch.fetching)
            state = tr("saving…");
        else if (batch.status() == u"completed" && batch.isFetched())
            state = tr("in the gallery");
        auto *stateItem = new QTableWidgetItem(state);
        stateItem->setData(Qt::UserRole, batch.status());
        if (!batch.problem.isEmpty())
            stateItem->setToolTip(batch.problem);
        m_table->setItem(row, StateColumn, stateItem);
        const int total = batch.info.total > 0 ? batch.info.total : int(record.entries.size());
        m_table->setItem(
            row, RequestsColumn,
            new QTableWidgetItem(
                tr("%1/%2/%3").arg(batch.info.completed).arg(batch.info.failed).arg(total)));
        const QString estimated
            = record.estimatedCost >= 0 ? BatchOffer::money(record.estimatedCost) : tr("unknown");
        const QString cost = record.actualCost >= 0
            ? tr("%1 (estimated %2)").arg(BatchOffer::money(record.actualCost), estimated)
            : tr("~%1").arg(estimated);
        auto *costItem = new QTableWidgetItem(cost);
        costItem->setToolTip(record.normalCost >= 0
                                 ? tr("At batch price; the same requests one by one: %1.")
                                       .arg(BatchOffer::money(record.normalCost))
                                 : tr("At batch price."));
        m_table->setItem(row, CostColumn, costItem);
        m_table->setItem(row, CreatedColumn,
                         new QTableWidgetItem(QLocale().toString(record.submittedAt.toLocalTime(),
                                                                 QLocale::ShortFormat)));
        ++row;
    }
    m_table->setVisible(!batches.isEmpty());
    m_empty->setVisible(batches.isEmpty());
    if (!current.isEmpty())
        selectBatch(current);
    else if (!batches.isEmpty())
        m_table->selectRow(0);
    updateActions();
}

void BatchesView::updateActions()
{
    const BatchMonitor::Batch *batch = m_monitor->batch(currentBatch());
    m_fetch->setEnabled(batch && !batch->fetching);
    m_cancel->setEnabled(batch && !batch->isFinal() && batch->status() != u"cancelling");
    m_show->setEnabled(batch && batch->savedRequests > 0);
    QStringList lines;
    if (batch) {
        lines.append(tr("%1 — %2").arg(batch->record.id, BatchInfo::statusText(batch->status())));
        if (!batch->problem.isEmpty())
            lines.append(batch->problem);
        const int shown = 5;
        for (int i = 0; i < std::min<int>(shown, int(batch->failures.size())); ++i)
            lines.append(batch->failures.at(i));
        if (batch->failures.size() > shown)
            lines.append(tr("… and %n more.", nullptr, int(batch->failures.size()) - shown));
        if (!batch->isFinal() && batch->nextPollAt.isValid())
            lines.append(
                tr("Asked again at %1.").arg(batch->nextPollAt.time().toString(u"HH:mm:ss"_s)));
    }
    m_detail->setText(lines.join(u'\n'));
    m_detail->setVisible(!lines.isEmpty());
}

} // namespace Atelier
