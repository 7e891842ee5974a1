#include "jobpanel.h"

#include "catalog/catalog.h"
#include "catalog/modelswitch.h"
#include "compose/consent.h"
#include "studio/joblistmodel.h"
#include "studio/recipeguard.h"
#include "studio/studiosession.h"
#include "studioapp.h"
#include "theme/icons.h"

#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

JobPanel::JobPanel(StudioSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(u"jobPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = new QTableView(this);
    m_view->setObjectName(u"jobs"_s);
    m_view->setModel(m_session->jobs());
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(JobListModel::PromptColumn,
                                                     QHeaderView::Stretch);
    layout->addWidget(m_view);
    // The row's own actions from the keyboard and the context menu too.
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_view->indexAt(at);
        if (!index.isValid())
            return;
        m_view->selectRow(index.row());
        QMenu menu(this);
        const JobId id = m_session->jobs()->idAt(index.row());
        QAction *cancel = menu.addAction(Icons::cancel(), tr("Cancel"), this,
                                         [this, id] { m_session->cancel(id); });
        cancel->setEnabled(index.data(JobListModel::CanCancelRole).toBool());
        QAction *again
            = menu.addAction(Icons::retry(), tr("Retry"), this, [this, id] { retry(id); });
        again->setEnabled(index.data(JobListModel::CanRetryRole).toBool());
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    m_view->horizontalHeader()->setSectionResizeMode(JobListModel::ActionsColumn,
                                                     QHeaderView::Fixed);
    JobListModel *jobs = m_session->jobs();
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!m_selectingNew && current.isValid())
                    Q_EMIT jobSelected(m_session->jobs()->idAt(current.row()));
            });
    for (int row = 0; row < jobs->rowCount(); ++row)
        addRowActions(row);
    // A new job is selected, so that Cancel and Retry act on what was just sent.
    connect(jobs, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                for (int row = first; row <= last; ++row)
                    addRowActions(row);
                m_selectingNew = true;
                m_view->selectRow(last);
                m_selectingNew = false;
                m_view->scrollTo(m_view->model()->index(last, 0));
                Q_EMIT summaryChanged(summary());
            });
    connect(jobs, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                showRowActions(topLeft.row(), bottomRight.row());
                Q_EMIT summaryChanged(summary());
            });
}

void JobPanel::addRowActions(int row)
{
    const JobId id = m_session->jobs()->idAt(row);
    auto *actions = new QWidget;
    auto *layout = new QHBoxLayout(actions);
    layout->setContentsMargins(2, 0, 2, 0);
    layout->setSpacing(2);
    auto *cancel = new QToolButton(actions);
    cancel->setObjectName(u"cancelJob"_s);
    cancel->setText(tr("Cancel"));
    cancel->setIcon(Icons::cancel());
    cancel->setToolTip(tr("Cancel this job"));
    cancel->setAutoRaise(true);
    cancel->setAccessibleName(tr("Cancel this job"));
    auto *retry = new QToolButton(actions);
    retry->setObjectName(u"retryJob"_s);
    retry->setText(tr("Retry"));
    retry->setIcon(Icons::retry());
    retry->setToolTip(tr("Send this job again"));
    retry->setAutoRaise(true);
    retry->setAccessibleName(tr("Send this job again"));
    layout->addWidget(cancel);
    layout->addWidget(retry);
    connect(cancel, &QToolButton::clicked, this, [this, id] { m_session->cancel(id); });
    connect(retry, &QToolButton::clicked, this, [this, id] { this->retry(id); });
    m_view->setIndexWidget(m_view->model()->index(row, JobListModel::ActionsColumn), actions);
    m_view->setColumnWidth(JobListModel::ActionsColumn, actions->sizeHint().width());
    showRowActions(row, row);
}

void JobPanel::showRowActions(int first, int last)
{
    const QAbstractItemModel *jobs = m_view->model();
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = jobs->index(row, JobListModel::ActionsColumn);
        QWidget *actions = m_view->indexWidget(index);
        if (!actions)
            continue;
        actions->findChild<QToolButton *>(u"cancelJob"_s)
            ->setVisible(index.data(JobListModel::CanCancelRole).toBool());
        actions->findChild<QToolButton *>(u"retryJob"_s)
            ->setVisible(index.data(JobListModel::CanRetryRole).toBool());
    }
}

QString JobPanel::summary() const
{
    int running = 0;
    int queued = 0;
    const JobQueue *queue = m_session->queue();
    for (qsizetype index = 0; index < queue->count(); ++index) {
        const Job &job = queue->at(index);
        if (job.queued)
            ++queued;
        else if (!job.isDone())
            ++running;
    }
    if (running == 0 && queued == 0)
        return queue->count() == 0 ? tr("No jobs yet") : tr("Jobs: all done");
    if (queued == 0)
        return tr("%n running", nullptr, running);
    return tr("%1 running · %2 queued").arg(running).arg(queued);
}

bool JobPanel::cancelNewest()
{
    const JobQueue *queue = m_session->queue();
    for (qsizetype index = queue->count() - 1; index >= 0; --index) {
        if (!queue->at(index).isDone()) {
            m_session->cancel(queue->at(index).id);
            return true;
        }
    }
    return false;
}

void JobPanel::retry(JobId id)
{
    if (!id.isValid())
        return;
    if (!Consent::outsideFiles(
            this, RecipeGuard::filesOutside(m_session->recipeOf(id), m_session->inputsFolder()))) {
        Q_EMIT statusMessage(tr("Not sent again: it uses files from outside the library."), 8000);
        return;
    }
    Q_EMIT resubmitted();
    retryJob(id);
}

void JobPanel::retryJob(JobId id)
{
    const QList<Violation> errors = m_session->retry(id);
    if (errors.isEmpty())
        return;
    const ImageRequest recipe = m_session->recipeOf(id);
    const QString replacement
        = ModelSwitch::replacementFor(m_session->catalog(), recipe, QDate::currentDate());
    if (replacement.isEmpty()) {
        Q_EMIT problems(errors);
        return;
    }
    // The recipe names a model OpenAI shut down: one click moves it to the replacement, and
    // what that changes is said first.
    const ModelSwitch moved = ModelSwitch::to(m_session->catalog(), recipe, replacement);
    QMessageBox box(QMessageBox::Question, tr("Retry"),
                    tr("OpenAI shut %1 down, so this recipe would fail there. Retry it with %2, "
                       "which replaces it?")
                        .arg(Catalog::effectiveModel(recipe), replacement),
                    QMessageBox::Cancel, this);
    box.setObjectName(u"retryWithReplacement"_s);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(moved.dropped.isEmpty()
                               ? tr("Everything else stays as it was.")
                               : tr("%1 does not take %2; they are left out.")
                                     .arg(replacement, moved.dropped.join(u", "_s)));
    QPushButton *switchButton
        = box.addButton(tr("Retry with %1").arg(replacement), QMessageBox::AcceptRole);
    box.setDefaultButton(switchButton);
    box.exec();
    if (box.clickedButton() != switchButton)
        return;
    if (const QList<Violation> again
        = m_session->submit(moved.request, m_session->editContextOf(id));
        !again.isEmpty())
        Q_EMIT problems(again);
}

void JobPanel::offerInterruptedJobs()
{
    const QList<JournaledJob> jobs = m_session->interruptedJobs();
    if (jobs.isEmpty())
        return;
    QMessageBox box(QMessageBox::Question, tr("Unfinished requests"),
                    tr("%n request(s) did not finish when Atelier last ran. Send them again?",
                       nullptr, int(jobs.size())),
                    QMessageBox::NoButton, this);
    QStringList prompts;
    for (const JournaledJob &job : jobs)
        prompts.append(u"• "_s + job.request.prompt.left(100));
    box.setDetailedText(prompts.join(u'\n'));
    if (const int partials = m_session->recoveredPartials(); partials > 0)
        box.setInformativeText(
            tr("%n partial image(s) they had received are in the gallery.", nullptr, partials));
    QPushButton *retry = box.addButton(tr("Send again"), QMessageBox::AcceptRole);
    QPushButton *restore = box.addButton(tr("Restore the last recipe"), QMessageBox::ActionRole);
    box.addButton(tr("Dismiss"), QMessageBox::RejectRole);
    box.setObjectName(u"unfinishedRequests"_s);
    box.exec();
    // Not answered (the studio is ending): the requests stay journaled and are offered at the
    // next start.
    if (studioIsEnding())
        return;
    if (box.clickedButton() == retry) {
        // The journal is a file too: its requests' files are used from the library's inputs, others
        // only if the user agrees.
        QStringList outside;
        for (const JournaledJob &job : jobs) {
            for (const QString &file :
                 RecipeGuard::filesOutside(job.request, m_session->inputsFolder())) {
                if (!outside.contains(file))
                    outside.append(file);
            }
        }
        const bool agreed = Consent::outsideFiles(this, outside);
        if (studioIsEnding())
            return;
        m_session->dismissInterruptedJobs();
        int held = 0;
        for (const JournaledJob &job : jobs) {
            if (!agreed
                && !RecipeGuard::filesOutside(job.request, m_session->inputsFolder()).isEmpty())
                ++held;
            else if (const QList<Violation> again = m_session->resend(job); !again.isEmpty())
                Q_EMIT problems(again);
        }
        if (held > 0)
            Q_EMIT statusMessage(
                tr("%n request(s) not sent again: they use files from outside the library.",
                   nullptr, held),
                10000);
        return;
    }
    m_session->dismissInterruptedJobs();
    if (box.clickedButton() == restore)
        Q_EMIT restoreRequested(jobs.constLast().request);
}

} // namespace Atelier
