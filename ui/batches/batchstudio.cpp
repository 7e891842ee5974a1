#include "batchstudio.h"

#include "api/apikeyresolver.h"
#include "batch/batchmonitor.h"
#include "batchesview.h"
#include "batchnotifier.h"
#include "batchoffer.h"
#include "gallery/gallerypanel.h"
#include "library/librarymodel.h"
#include "mainwindow.h"
#include "menuplace.h"
#include "studio/generationplan.h"
#include "studio/studiosession.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

bool sameProvider(const ProviderProfile &a, const ProviderProfile &b)
{
    return a.kind == b.kind && a.apiUrl(u"batches"_s) == b.apiUrl(u"batches"_s);
}

} // namespace

BatchStudio::BatchStudio(MainWindow *window, StudioSession *session, QMenu *fileMenu,
                         QMenu *viewMenu)
    : QObject(window)
    , m_window(window)
    , m_session(session)
{
    m_monitor = BatchMonitor::of(session);
    if (!m_monitor) { // once per session: a second window follows the same batches
        m_monitor
            = new BatchMonitor(&session->catalog(), &session->library(), BatchStore(), session);
        m_monitor->setKeyFinder([session](const ProviderProfile &profile) {
            if (sameProvider(profile, session->client()->provider()))
                return session->apiKey();
            const ApiKeyResolver::Lookup found = ApiKeyResolver().find(profile);
            return found && found->has_value() ? (*found)->value : QString();
        });
        QTimer::singleShot(0, m_monitor, [monitor = m_monitor] { monitor->resume(); });
    }

    m_view = new BatchesView(m_monitor);
    m_dock = new QDockWidget(tr("Batches"), window);
    m_dock->setObjectName(u"batchesDock"_s);
    m_dock->setWidget(m_view);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();
    QAction *show = m_dock->toggleViewAction();
    show->setText(tr("&Batches"));
    show->setObjectName(u"actionShowBatches"_s);
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    insertAfter(viewMenu, u"actionShowJobs"_s, show);

    auto *open = new QAction(tr("Open a &prompt list…"), this);
    open->setObjectName(u"actionOpenPromptList"_s);
    open->setToolTip(tr("Send the prompts of a text file, one a line, with the options set "
                        "here; now, or as a batch at half the price."));
    connect(open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            m_window, tr("Open a prompt list"), QString(), tr("Text files (*.txt);;All files (*)"));
        if (!path.isEmpty())
            openPromptList(path);
    });
    insertAfter(fileMenu, u"actionCompareGrid"_s, open);

    m_notifier = new BatchNotifier(this);
    connect(m_notifier, &BatchNotifier::statusMessage, this, &BatchStudio::statusMessage);
    // Many images arrive at once: the gallery reads them in one go.
    m_refresh = new QTimer(this);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(250);
    connect(m_refresh, &QTimer::timeout, window->gallery(), &GalleryPanel::refresh);
    connect(m_monitor, &BatchMonitor::imageSaved, m_refresh, qOverload<>(&QTimer::start));
    connect(m_monitor, &BatchMonitor::submitted, this, [this](const QString &id) {
        m_dock->show();
        m_view->selectBatch(id);
        Q_EMIT statusMessage(tr("Batch %1 sent: results within 24 hours. View > Batches follows "
                                "it; the images land in the gallery.")
                                 .arg(id),
                             10000);
    });
    connect(m_monitor, &BatchMonitor::submitFailed, this,
            [this](const QString &reason) { Q_EMIT statusMessage(reason, 15000); });
    connect(m_monitor, &BatchMonitor::batchFinished, this,
            [this](const QString &, const QString &summary) {
                m_notifier->notify(tr("Atelier: a batch is done"), summary);
            });
    connect(m_view, &BatchesView::showInGalleryRequested, this, &BatchStudio::showInGallery);
}

void BatchStudio::openPromptList(const QString &path)
{
    QList<BatchEntry> entries;
    QStringList problems;
    if (!BatchPlan::readPrompts(path, &entries, &problems)) {
        QMessageBox::warning(
            m_window, tr("Open a prompt list"),
            tr("%1 cannot be sent:\n%2").arg(QFileInfo(path).fileName(), problems.join(u'\n')));
        return;
    }
    const ImageRequest shared = m_window->currentRequest();
    QList<ImageRequest> requests;
    for (const BatchEntry &entry : std::as_const(entries)) {
        ImageRequest request = shared;
        request.prompt = entry.prompt;
        requests.append(request);
    }
    const GenerationPlan plan
        = GenerationPlan::forRequests(m_session->catalog(), requests, m_session->planOptions());
    if (!plan.errors.isEmpty()) {
        QMessageBox::warning(m_window, tr("Open a prompt list"),
                             tr("%1 cannot be sent with these options:\n%2")
                                 .arg(QFileInfo(path).fileName(), plan.errorText()));
        return;
    }
    const QString cost = plan.each.available ? tr("about $%1 in all").arg(plan.total, 0, 'f', 3)
                                             : tr("at a cost Atelier cannot estimate");
    const BatchOffer::Choice choice = BatchOffer::ask(
        m_window, m_session, plan.requests, tr("Send %1 requests?").arg(plan.sends.size()),
        tr("%1 has %2 prompts, %3. Send them all?")
            .arg(QFileInfo(path).fileName())
            .arg(plan.requests.size())
            .arg(cost),
        &entries);
    if (choice != BatchOffer::Choice::Now)
        return;
    if (const QList<Violation> errors = m_session->submitPlan(plan); !errors.isEmpty()) {
        Q_EMIT statusMessage(errors.first().message, 10000);
        return;
    }
    Q_EMIT statusMessage(
        tr("Sent %n request(s) from the prompt list.", nullptr, int(plan.sends.size())), 5000);
}

void BatchStudio::showInGallery(const QString &batchId)
{
    GalleryPanel *gallery = m_window->gallery();
    gallery->setVisible(true);
    gallery->refresh();
    QString label;
    for (const BatchMonitor::Batch &batch : m_monitor->batches()) {
        if (batch.record.id == batchId)
            label = BatchesView::describe(batch.record);
    }
    gallery->showBatch(batchId, label); // grouped: the batch's images only, until cleared
    const QHash<QString, QStringList> saved = m_monitor->store().savedResults(batchId);
    QListView *view = gallery->view();
    QItemSelectionModel *selection = view->selectionModel();
    selection->clearSelection();
    QModelIndex first;
    for (const QStringList &paths : saved) {
        for (const QString &path : paths) {
            const std::optional<LibraryImage> image = m_session->library().imageAt(path);
            const int row = image ? gallery->model()->rowOf(image->id) : -1;
            if (row < 0)
                continue;
            const QModelIndex index = gallery->model()->index(row);
            selection->select(index, QItemSelectionModel::Select);
            if (!first.isValid() || row < first.row())
                first = index;
        }
    }
    if (!first.isValid()) {
        Q_EMIT statusMessage(tr("The images of batch %1 are not in this library.").arg(batchId),
                             8000);
        return;
    }
    selection->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    view->scrollTo(first);
    view->setFocus();
}

} // namespace Atelier
