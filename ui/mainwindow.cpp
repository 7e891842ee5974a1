#include "mainwindow.h"

#include "batches/batchstudio.h"
#include "canvas/canvaspanel.h"
#include "compare/comparegriddialog.h"
#include "compose/composepanel.h"
#include "gallery/gallerypanel.h"
#include "jobs/jobpanel.h"
#include "library/librarymodel.h"
#include "library/librarystore.h"
#include "lineage/lineagedialog.h"
#include "maskpainter/maskpainter.h"
#include "model/imagerequest.h"
#include "notices/messagebar.h"
#include "notices/noticearea.h"
#include "notices/welcome.h"
#include "panefocus.h"
#include "params/parameterpanel.h"
#include "preview/imagepreview.h"
#include "prompt/historydialog.h"
#include "prompt/prompteditor.h"
#include "refine/refinestudio.h"
#include "settings/settingsdialog.h"
#include "studio/studiosession.h"
#include "studio/studiosettings.h"
#include "studioapp.h"
#include "theme/icons.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

MainWindow::MainWindow(StudioSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setWindowTitle(tr("Atelier"));
    setAcceptDrops(true);
    buildUi();
    buildMenus();
    restoreSettings();
    SettingsDialog::restore(m_session);
    connectSession();
    RefineStudio::install(this, m_session);
    m_compose->refresh();
    promptEditor()->setFocus();
    QMetaObject::invokeMethod(m_jobs, &JobPanel::offerInterruptedJobs, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (Welcome::askOnce(this, m_session))
                openSettings();
        },
        Qt::QueuedConnection);
}

MainWindow::~MainWindow() = default;

bool MainWindow::openForEdit(const QString &path, qint64 id)
{
    return m_compose->openForEdit(path, id);
}
void MainWindow::openForVariation(const QString &path, qint64 id)
{
    m_compose->openForVariation(path, id);
}

bool MainWindow::openForEditing(const QStringList &paths)
{
    if (paths.isEmpty() || !openForEdit(paths.first()))
        return false;
    if (paths.size() > 1)
        m_compose->addReferences(paths.mid(1));
    return true;
}

void MainWindow::showStatus(const QString &text, int timeout)
{
    m_messages->post(text, timeout);
}

void MainWindow::buildUi()
{
    // Left: what to make, under the notices.
    m_canvas = new CanvasPanel(m_session);
    m_compose = new ComposePanel(m_session, m_canvas->maskPainter());
    auto *left = new QWidget;
    left->setObjectName(u"composeColumn"_s);
    auto *leftLayout = new QVBoxLayout(left);
    m_notices = new NoticeArea(m_session->hasApiKey());
    leftLayout->addWidget(m_notices);
    leftLayout->addWidget(m_compose, 1);
    const int leftWidth = left->minimumSizeHint().width();

    // The middle is the image's: it takes what the compose column and the gallery leave.
    m_libraryModel = new LibraryModel(&m_session->library(), this);
    m_gallery = new GalleryPanel(m_libraryModel);
    m_gallery->setObjectName(u"galleryPanel"_s);
    // The jobs are a compact queue under the image: a line when nothing runs.
    m_jobs = new JobPanel(m_session);
    m_centerSplitter = new QSplitter(Qt::Vertical);
    m_centerSplitter->addWidget(m_canvas);
    m_centerSplitter->addWidget(m_jobs);
    m_centerSplitter->setStretchFactor(0, 1);
    m_centerSplitter->setStretchFactor(1, 0);
    m_centerSplitter->setCollapsible(0, false);
    m_centerSplitter->setSizes({800, 84});
    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->addWidget(left);
    m_mainSplitter->addWidget(m_centerSplitter);
    m_mainSplitter->addWidget(m_gallery);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setStretchFactor(2, 0);
    m_mainSplitter->setCollapsible(1, false);
    // The first start: compose as narrow as its controls allow, a slim gallery, the rest the
    // image's (resizeEvent keeps it so until the user moves a splitter or one was saved).
    m_mainSplitter->setSizes({leftWidth, 800, FirstGalleryWidth});
    connect(m_mainSplitter, &QSplitter::splitterMoved, this, [this] { m_splittersChosen = true; });
    setCentralWidget(m_mainSplitter);
    new PaneFocus(this,
                  {{left, promptEditor()},
                   {m_canvas, m_canvas->preview()},
                   {m_jobs, m_jobs->view()},
                   {m_gallery, m_gallery->view()}});

    m_messages = new MessageBar;
    statusBar()->addWidget(m_messages, 1);
    m_jobSummary = new QLabel(m_jobs->summary());
    m_jobSummary->setObjectName(u"jobSummary"_s);
    statusBar()->addPermanentWidget(m_jobSummary);
    connect(m_jobs, &JobPanel::summaryChanged, m_jobSummary, &QLabel::setText);
    m_sessionCost = new QLabel(tr("Session: $0.000"));
    m_sessionCost->setToolTip(tr("Estimated cost of the images made in this session."));
    statusBar()->addPermanentWidget(m_sessionCost);

    connect(m_compose, &ComposePanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_canvas, &CanvasPanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_jobs, &JobPanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_compose, &ComposePanel::painterRequested, m_canvas, &CanvasPanel::showPainter);
    connect(m_compose, &ComposePanel::imageFileRequested, m_canvas,
            [this](const QString &path, const QString &caption) {
                m_canvas->showImageFile(path, caption);
            });
    connect(m_compose, &ComposePanel::previewRequested, m_canvas, &CanvasPanel::showPreview);
    connect(m_jobs, &JobPanel::restoreRequested, m_compose, &ComposePanel::reuseRecipe);
    connect(m_compose, &ComposePanel::submitted, m_canvas, &CanvasPanel::followNewJob);
    connect(m_jobs, &JobPanel::resubmitted, m_canvas, &CanvasPanel::followNewJob);
    connect(m_jobs, &JobPanel::jobSelected, m_canvas, &CanvasPanel::showJob);
    connect(m_canvas, &CanvasPanel::viewerRequested, m_gallery, &GalleryPanel::openViewerFor);
    connect(m_gallery, &GalleryPanel::viewerReturned, m_canvas, &CanvasPanel::returnFromViewer);
    connect(m_gallery, &GalleryPanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_jobs, &JobPanel::problems, m_compose, &ComposePanel::showViolations);

    connect(m_gallery, &GalleryPanel::reuseRequested, m_compose, &ComposePanel::reuseRecipe);
    connect(m_gallery, &GalleryPanel::editRequested, this,
            [this](const QString &path, qint64 id) { m_compose->editImage(path, id); });
    connect(m_gallery, &GalleryPanel::variationRequested, m_compose,
            &ComposePanel::openForVariation);
    connect(m_gallery, &GalleryPanel::lineageRequested, this, &MainWindow::showLineage);
    connect(m_gallery, &GalleryPanel::heatMapRequested, this,
            [this](qint64 id) { m_canvas->showHeatMap(id); });
    connect(m_gallery, &GalleryPanel::imageActivated, m_canvas,
            [this](const QString &path, const QString &caption) {
                m_canvas->showImageFile(path, caption);
            });
    // Selecting shows the image; the arrow keys browse.
    connect(m_gallery, &GalleryPanel::currentImageChanged, this,
            [this](const QString &path, int row, qint64 id) {
                if (path.isEmpty())
                    return;
                m_canvas->showImageFile(path, m_libraryModel->imageAt(row).request.prompt, id);
                m_canvas->showPreview();
            });
    connect(m_canvas, &CanvasPanel::actionRequested, this, &MainWindow::actOnImage);
}

void MainWindow::connectSession()
{
    auto describeLibrary = [this] {
        m_gallery->view()->setToolTip(tr("Everything you made, saved in %1. Right-click for more.")
                                          .arg(m_session->libraryFolder()));
    };
    describeLibrary();
    connect(m_session, &StudioSession::libraryChanged, this, [this, describeLibrary] {
        m_libraryModel->libraryChanged();
        describeLibrary();
        showLibraryNotice(m_session->libraryNotice());
        m_messages->post(
            tr("Library: %1").arg(QDir::toNativeSeparators(m_session->libraryFolder())), 5000);
        m_jobs->offerInterruptedJobs();
    });
    connect(m_session, &StudioSession::providerChanged, m_compose, [this] {
        m_compose->setServedByOpenAI(m_session->validationContext().servedByOpenAI);
    });
    connect(m_session, &StudioSession::imageSaved, this, [this] { m_gallery->refresh(); });
    connect(m_session, &StudioSession::jobFailed, this, [this](JobId id, const ApiError &error) {
        if (error.kind == ApiError::Kind::Cancelled) {
            m_messages->post(error.message, 8000);
            return;
        }
        m_compose->showProblems(tr("The request failed: %1 Your prompt and settings are kept; use "
                                   "Retry in the job list.")
                                    .arg(error.toString()));
        m_shownFailure = {m_session->recipeOf(id).toJson(), problemsLabel()->text()};
        m_messages->post(error.toString(), 15000);
    });
    // A Retry of the failed request that works takes its failure off the screen.
    connect(m_session, &StudioSession::imageReady, this, [this](JobId id) {
        if (m_shownFailure.text.isEmpty() || problemsLabel()->text() != m_shownFailure.text
            || m_session->recipeOf(id).toJson() != m_shownFailure.recipe)
            return;
        m_shownFailure = {};
        m_compose->showProblems(QString());
    });
    connect(m_session, &StudioSession::statusMessage, this,
            [this](const QString &text) { m_messages->post(text, 10000); });
    connect(m_session, &StudioSession::libraryNoticeChanged, this, &MainWindow::showLibraryNotice);
    connect(m_session, &StudioSession::sessionCostChanged, this, [this](double cost) {
        m_sessionCost->setText(tr("Session: $%1").arg(cost, 0, 'f', 3));
    });
}

void MainWindow::actOnImage(CanvasPanel::Action action, const QString &path, qint64 id)
{
    switch (action) {
    case CanvasPanel::Action::Edit:
        m_compose->editImage(path, id); // a fresh edit of this image, asking first
        return;
    case CanvasPanel::Action::Vary:
        m_compose->openForVariation(path, id);
        return;
    case CanvasPanel::Action::Refine: // RefineStudio answers it
        return;
    case CanvasPanel::Action::UseAsReference:
        m_compose->addReferences({path});
        showStatus(tr("%1 is a reference of the next edit.").arg(QFileInfo(path).fileName()), 5000);
        return;
    case CanvasPanel::Action::Copy:
        QGuiApplication::clipboard()->setImage(m_canvas->shownImage());
        showStatus(tr("Image copied."), 3000);
        return;
    case CanvasPanel::Action::Favourite:
    case CanvasPanel::Action::Export:
    case CanvasPanel::Action::Delete:
        if (id <= 0) {
            showStatus(tr("This image is not in the library."), 5000);
            return;
        }
        if (action == CanvasPanel::Action::Favourite)
            m_gallery->toggleFavourite(id);
        else if (action == CanvasPanel::Action::Export)
            m_gallery->exportImage(id);
        else
            m_gallery->removeImage(id);
        return;
    }
}

void MainWindow::showLineage(qint64 id)
{
    LineageDialog dialog(m_session->library(), m_libraryModel, id, this);
    connect(&dialog, &LineageDialog::imageChosen, this,
            [this](const QString &path, const QString &caption) {
                m_canvas->showImageFile(path, caption);
                m_canvas->showPreview();
            });
    dialog.exec();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *generateAction = file->addAction(tr("&Generate"), this, &MainWindow::generate);
    generateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    generateAction->setShortcutContext(
        Qt::WidgetShortcut); // the prompt editor handles Ctrl+Return itself
    file->addAction(
            tr("&Open image…"), QKeySequence::Open, this,
            [this] {
                openImages(QFileDialog::getOpenFileNames(this, tr("Open images"), QString(),
                                                         tr("Images (*.png *.jpg *.jpeg *.webp)")));
            })
        ->setObjectName(u"actionOpenImage"_s);
    file->addAction(tr("&Edit an image…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Edit an image"), QString(),
                                                          tr("Images (*.png *.jpg *.jpeg *.webp)"));
        if (!path.isEmpty())
            m_compose->editImage(path);
    });
    file->addAction(tr("Add &reference images…"), m_compose, &ComposePanel::addReferenceImages);
    QAction *exportAction
        = file->addAction(tr("E&xport selected images…"), m_gallery, &GalleryPanel::exportSelected);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportAction->setObjectName(u"actionExport"_s);
    file->addAction(tr("&Compare grid…"), this,
                    [this] {
                        // An edit is compared as one: with its references and mask.
                        const Result<ImageRequest> base = m_compose->requestToSend();
                        if (!base) {
                            showStatus(base.error(), 10000);
                            return;
                        }
                        CompareGridDialog dialog(m_session, *base, m_compose->editContext(), this);
                        dialog.exec();
                    })
        ->setObjectName(u"actionCompareGrid"_s);
    file->addSeparator();
    file->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::openSettings)
        ->setObjectName(u"actionSettings"_s);
    findChild<QAction *>(u"actionSettings"_s)->setIcon(Icons::settings());
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *history = edit->addAction(tr("Prompt &history…"), this, [this] {
        HistoryDialog dialog(promptEditor()->history(), this);
        if (dialog.exec() == QDialog::Accepted && !dialog.chosenPrompt().isEmpty())
            promptEditor()->setPrompt(dialog.chosenPrompt());
        promptEditor()->setFocus();
    });
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    history->setObjectName(u"actionPromptHistory"_s);
    QAction *paste
        = edit->addAction(tr("&Paste image as reference"), this, &MainWindow::pasteImage);
    paste->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    const auto addPanel = [this, view](const QString &text, QWidget *panel, const QString &name,
                                       const QKeySequence &shortcut) {
        QAction *action = view->addAction(text);
        action->setObjectName(name);
        action->setCheckable(true);
        action->setChecked(true);
        action->setShortcut(shortcut);
        connect(action, &QAction::toggled, panel, &QWidget::setVisible);
        m_panelActions.append(action);
    };
    addPanel(tr("&Compose"), m_mainSplitter->widget(0), u"actionShowCompose"_s,
             QKeySequence(Qt::CTRL | Qt::Key_1));
    addPanel(tr("&Gallery"), m_gallery, u"actionShowGallery"_s, QKeySequence(Qt::CTRL | Qt::Key_2));
    addPanel(tr("&Jobs"), m_jobs, u"actionShowJobs"_s, QKeySequence(Qt::CTRL | Qt::Key_3));
    view->addSeparator();
    QAction *fullScreen = view->addAction(tr("&Full screen"));
    fullScreen->setObjectName(u"actionFullScreen"_s);
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    connect(fullScreen, &QAction::toggled, this,
            [this](bool on) { setWindowState(windowState().setFlag(Qt::WindowFullScreen, on)); });
    QAction *cancelNewest = view->addAction(tr("Cancel the newest &job"));
    cancelNewest->setObjectName(u"actionCancelNewest"_s);
    cancelNewest->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(cancelNewest, &QAction::triggered, this, [this] {
        if (!m_jobs->cancelNewest())
            m_messages->post(tr("No job is running."), 3000);
    });
    connect(new BatchStudio(this, m_session, file, view), &BatchStudio::statusMessage, this,
            &MainWindow::showStatus);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Atelier"), this, [this] {
        QMessageBox::about(
            this, tr("About Atelier"),
            tr("<h3>Atelier %1</h3><p>A desktop image studio for the OpenAI Images API.</p>"
               "<p>Images are saved in %2.</p>")
                .arg(QApplication::applicationVersion(),
                     m_session->libraryFolder().toHtmlEscaped()));
    });
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_session, m_keySource, this);
    connect(&dialog, &SettingsDialog::catalogChanged, m_compose, &ComposePanel::refreshModels);
    dialog.exec();
    m_notices->setKeyMissing(!m_session->hasApiKey());
    m_compose->refresh();
}

void MainWindow::showLibraryNotice(const QString &text)
{
    m_notices->showLibraryNotice(text);
}

void MainWindow::takeMimeData(const QMimeData *mime)
{
    if (!mime)
        return;
    QStringList files;
    QStringList folders;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            (QFileInfo(url.toLocalFile()).isDir() ? folders : files).append(url.toLocalFile());
    }
    if (!folders.isEmpty())
        showStatus(tr("%1 is a folder, not an image file; drop the images in it instead.", nullptr,
                      int(folders.size()))
                       .arg(QDir::toNativeSeparators(folders.join(u", "_s))),
                   10000);
    if (!files.isEmpty()) {
        openImages(files);
        return;
    }
    if (!folders.isEmpty())
        return;
    if (mime->hasImage()) {
        m_compose->takeImage(qvariant_cast<QImage>(mime->imageData()));
        return;
    }
    showStatus(tr("There is no image to paste."), 5000);
}

void MainWindow::pasteImage()
{
    takeMimeData(QGuiApplication::clipboard()->mimeData());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    takeMimeData(event->mimeData());
    event->acceptProposedAction();
}

void MainWindow::restoreSettings()
{
    // Never larger than the screen it opens on, whatever was saved on a bigger one.
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1400, 900);
    if (!restoreGeometry(StudioSettings::windowGeometry.value()))
        resize(QSize(1400, 900).boundedTo(available.size()));
    if (!isFullScreen() && !isMaximized()
        && (width() > available.width() || height() > available.height()))
        resize(size().boundedTo(available.size()));
    m_splittersChosen = m_mainSplitter->restoreState(StudioSettings::mainSplitter.value());
    m_centerSplitter->restoreState(StudioSettings::centerSplitter.value());
    promptEditor()->setHistory(StudioSettings::promptHistory.value());
    const QByteArray last = StudioSettings::lastParameters.value();
    if (!last.isEmpty())
        parameterPanel()->applyRequest(
            ImageRequest::fromJson(QJsonDocument::fromJson(last).object()));
    if (const QString model = SettingsDialog::defaultModel();
        !model.isEmpty() && m_session->catalog().contains(model))
        parameterPanel()->setModel(model);
}

void MainWindow::saveSettings() const
{
    StudioSettings::windowGeometry.setValue(saveGeometry());
    StudioSettings::mainSplitter.setValue(m_mainSplitter->saveState());
    StudioSettings::centerSplitter.setValue(m_centerSplitter->saveState());
    StudioSettings::promptHistory.setValue(promptEditor()->history());
    StudioSettings::lastParameters.setValue(
        QJsonDocument(parameterPanel()->request().toJson()).toJson(QJsonDocument::Compact));
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (m_splittersChosen)
        return;
    const int compose = m_mainSplitter->widget(0)->minimumSizeHint().width();
    const int gallery = std::max(FirstGalleryWidth, m_gallery->minimumSizeHint().width());
    m_mainSplitter->setSizes({compose, std::max(0, width() - compose - gallery), gallery});
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

} // namespace Atelier
