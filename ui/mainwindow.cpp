#include "mainwindow.h"
#include "studioapp.h"

#include "imaging/imagefile.h"

#include "catalog/modelswitch.h"
#include "catalog/variationplan.h"
#include "compare/comparegriddialog.h"
#include "gallery/gallerypanel.h"
#include "library/contentfiles.h"
#include "library/exporter.h"
#include "library/librarymodel.h"
#include "library/librarystore.h"
#include "mask/maskcompositor.h"
#include "maskpainter/maskpainter.h"
#include "model/imagerequest.h"
#include "model/parameters.h"
#include "params/parameterpanel.h"
#include "platform/safefiles.h"
#include "preview/imagepreview.h"
#include "prompt/historydialog.h"
#include "prompt/prompteditor.h"
#include "settings/settingsdialog.h"
#include "studio/editinputs.h"
#include "studio/generationplan.h"
#include "studio/prompttemplate.h"
#include "studio/recipeguard.h"
#include "studio/studiosession.h"
#include "studio/studiosettings.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QThreadPool>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

QIcon thumbnail(const QImage &image, int size)
{
    return QIcon(QPixmap::fromImage(
        image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

// A row of the reference list: the file name shown, the path kept.
QListWidgetItem *referenceItem(const QString &path)
{
    auto *item = new QListWidgetItem(QFileInfo(path).fileName());
    item->setData(Qt::UserRole, path);
    item->setToolTip(path);
    return item;
}

// The image with the compositor's heat map painted over it.
QImage withHeatMap(const QImage &image, const QImage &heatMap)
{
    QImage overlay = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&overlay);
    painter.drawImage(overlay.rect(), heatMap);
    return overlay;
}

} // namespace

MainWindow::MainWindow(StudioSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setWindowTitle(tr("Atelier"));
    setAcceptDrops(true);
    buildUi();
    buildMenus();
    loadPresets();
    restoreSettings();
    SettingsDialog::restore(m_session);

    connect(m_session, &StudioSession::partialImage, this, &MainWindow::showImage);
    // Received images get their preview made at the view's size on the decode threads.
    connect(m_preview, &ImagePreview::viewSizeChanged, m_session, &StudioSession::setPreviewSize);
    connect(m_session, &StudioSession::imageReady, this, &MainWindow::showImage);
    connect(m_session, &StudioSession::imageSaved, this, [this] { m_gallery->refresh(); });
    connect(m_session, &StudioSession::jobFailed, this, [this](int row, const ApiError &error) {
        if (error.kind == ApiError::Kind::Cancelled) {
            statusBar()->showMessage(error.message, 8000);
            return;
        }
        m_problems->setText(tr("The request failed: %1 Your prompt and settings are kept; use "
                               "Retry in the job list.")
                                .arg(error.toString()));
        m_problems->setVisible(true);
        m_shownFailure = {m_session->recipeOf(row).toJson(), m_problems->text()};
        statusBar()->showMessage(error.toString(), 15000);
    });
    // A Retry of the failed request that works takes its failure off the screen.
    connect(m_session, &StudioSession::imageReady, this, [this](int row) {
        if (m_shownFailure.text.isEmpty() || m_problems->text() != m_shownFailure.text
            || m_session->recipeOf(row).toJson() != m_shownFailure.recipe)
            return;
        m_shownFailure = {};
        m_problems->clear();
        m_problems->setVisible(false);
    });
    connect(
        m_session, &StudioSession::compositeSaved, this,
        [this](int, qint64 id, qint64, double changed, const QImage &heatMap) {
            const std::optional<LibraryImage> kept = m_session->library().image(id);
            if (kept) {
                QImage shown(kept->path);
                m_preview->setImage(shown, tr("Edit, outside the mask kept"));
                const QImage overlay = withHeatMap(shown, heatMap);
                auto *item = new QListWidgetItem(thumbnail(overlay, 72), tr("Changes outside"),
                                                 m_filmstrip);
                item->setData(Qt::UserRole, overlay);
                item->setToolTip(tr(
                    "Red: where the model changed pixels outside the mask (they were restored)."));
            }
            statusBar()->showMessage(
                tr("The model changed %1% of the pixels outside the mask; they were put back. "
                   "The filmstrip shows where; the model's own output is in the library too.")
                    .arg(changed * 100, 0, 'f', 1),
                15000);
        });
    connect(m_session, &StudioSession::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_session, &StudioSession::libraryNoticeChanged, this, &MainWindow::showLibraryNotice);
    connect(m_session, &StudioSession::sessionCostChanged, this, [this](double cost) {
        m_sessionCost->setText(tr("Session: $%1").arg(cost, 0, 'f', 3));
    });
    refresh();
    m_prompt->setFocus();
    QMetaObject::invokeMethod(this, &MainWindow::offerInterruptedJobs, Qt::QueuedConnection);
    QMetaObject::invokeMethod(this, &MainWindow::welcome, Qt::QueuedConnection);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    // Left: what to make.
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    m_keyBanner = new QLabel(left);
    m_keyBanner->setWordWrap(true);
    m_keyBanner->setTextFormat(Qt::RichText);
    m_keyBanner->setOpenExternalLinks(true);
    m_keyBanner->setFrameShape(QFrame::StyledPanel);
    m_keyBanner->setText(
        tr("<b>No API key yet.</b> Create one at "
           "<a href=\"https://platform.openai.com/api-keys\">platform.openai.com/api-keys</a>, "
           "then set <tt>OPENAI_API_KEY</tt> before starting Atelier, or store it with "
           "<tt>atelier-cli key set</tt>. Everything else works without one."));
    m_keyBanner->setVisible(!m_session->hasApiKey());
    leftLayout->addWidget(m_keyBanner);
    m_libraryNotice = new QFrame(left);
    m_libraryNotice->setObjectName(u"libraryNotice"_s);
    static_cast<QFrame *>(m_libraryNotice)->setFrameShape(QFrame::StyledPanel);
    auto *noticeLayout = new QHBoxLayout(m_libraryNotice);
    noticeLayout->setContentsMargins(6, 4, 4, 4);
    m_libraryNoticeText = new QLabel(m_libraryNotice);
    m_libraryNoticeText->setTextFormat(Qt::PlainText); // folder names, shown as they are
    m_libraryNoticeText->setWordWrap(true);
    m_libraryNoticeText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    noticeLayout->addWidget(m_libraryNoticeText, 1);
    auto *dismissNotice = new QToolButton(m_libraryNotice);
    dismissNotice->setText(u"×"_s);
    dismissNotice->setAutoRaise(true);
    dismissNotice->setToolTip(tr("Dismiss"));
    dismissNotice->setAccessibleName(tr("Dismiss the library notice"));
    connect(dismissNotice, &QToolButton::clicked, m_libraryNotice, &QWidget::hide);
    noticeLayout->addWidget(dismissNotice, 0, Qt::AlignTop);
    m_libraryNotice->setVisible(false);
    leftLayout->addWidget(m_libraryNotice);

    auto *presetRow = new QHBoxLayout;
    m_presets = new QComboBox(left);
    m_presets->setToolTip(tr("A preset wraps your prompt: its {prompt} slot takes what you write. "
                             "Wildcards like {red|green|blue} make one request per choice."));
    auto *savePreset = new QToolButton(left);
    savePreset->setText(tr("Save as preset…"));
    savePreset->setToolTip(
        tr("Keep the prompt as a preset; write {prompt} where later prompts should go."));
    presetRow->addWidget(new QLabel(tr("Preset"), left));
    presetRow->addWidget(m_presets, 1);
    presetRow->addWidget(savePreset);
    leftLayout->addLayout(presetRow);
    connect(savePreset, &QToolButton::clicked, this, &MainWindow::savePreset);
    connect(m_presets, &QComboBox::currentIndexChanged, this, &MainWindow::refresh);

    m_prompt = new PromptEditor(left);
    m_prompt->setMinimumHeight(90);
    leftLayout->addWidget(m_prompt, 2);
    m_count = new QLabel(left);
    m_count->setAlignment(Qt::AlignRight);
    leftLayout->addWidget(m_count);

    m_parameters = new ParameterPanel(m_session->catalog(), left);
    m_parameters->setServedByOpenAI(m_session->validationContext().servedByOpenAI);
    connect(m_session, &StudioSession::providerChanged, m_parameters, [this] {
        m_parameters->setServedByOpenAI(m_session->validationContext().servedByOpenAI);
    });
    leftLayout->addWidget(m_parameters);

    m_inputs = new QWidget(left);
    auto *inputLayout = new QVBoxLayout(m_inputs);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    inputLayout->addWidget(
        new QLabel(tr("Reference images (the mask applies to the first):"), m_inputs));
    m_references = new QListWidget(m_inputs);
    m_references->setObjectName(u"references"_s);
    m_references->setMaximumHeight(90);
    m_references->setToolTip(tr("The images to edit or use as references."));
    inputLayout->addWidget(m_references);
    auto *inputButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add images…"), m_inputs);
    auto *remove = new QPushButton(tr("Remove"), m_inputs);
    auto *paint = new QPushButton(tr("Paint mask"), m_inputs);
    paint->setToolTip(tr("Paint where the first image may change, in the Mask tab."));
    auto *mask = new QPushButton(tr("Mask file…"), m_inputs);
    mask->setToolTip(
        tr("Import a mask: a PNG whose transparent pixels mark where the first image may change, "
           "or a black-and-white image, black marking it."));
    inputButtons->addWidget(add);
    inputButtons->addWidget(remove);
    inputButtons->addWidget(paint);
    inputButtons->addWidget(mask);
    inputLayout->addLayout(inputButtons);
    m_maskLabel = new QLabel(tr("No mask: the whole image may change."), m_inputs);
    m_maskLabel->setWordWrap(true);
    inputLayout->addWidget(m_maskLabel);
    m_keepOutside = new QCheckBox(tr("Keep pixels outside the mask"), m_inputs);
    m_keepOutside->setChecked(true);
    m_keepOutside->setToolTip(
        tr("Put the original back wherever you did not paint, with a soft seam, and show how much "
           "the model changed there. The model's own output is kept in the library too."));
    inputLayout->addWidget(m_keepOutside);
    connect(paint, &QPushButton::clicked, this, [this] {
        if (m_references->count() == 0) {
            addReferenceImages();
            if (m_references->count() == 0)
                return;
        }
        const QString first = m_references->item(0)->data(Qt::UserRole).toString();
        if (m_painter->imagePath() != first)
            openForEdit(first);
        m_centerTabs->setCurrentWidget(m_painter);
        m_painter->canvas()->setFocus();
    });
    leftLayout->addWidget(m_inputs);
    connect(add, &QPushButton::clicked, this, &MainWindow::addReferenceImages);
    connect(remove, &QPushButton::clicked, this, [this] {
        delete m_references->currentItem();
        refresh();
    });
    connect(mask, &QPushButton::clicked, this, &MainWindow::chooseMask);

    m_estimate = new QLabel(left);
    m_estimate->setWordWrap(true);
    leftLayout->addWidget(m_estimate);
    m_problems = new QLabel(left);
    m_problems->setObjectName(u"problems"_s);
    // It shows what servers say: plain text, so an answer cannot style it or pull in images.
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(
        u"color: palette(bright-text); background: #b3261e; padding: 4px; border-radius: 3px;"_s);
    m_problems->setVisible(false);
    leftLayout->addWidget(m_problems);
    m_generate = new QPushButton(tr("Generate"), left);
    m_generate->setToolTip(tr("Send the request (Ctrl+Return)."));
    m_generate->setDefault(true);
    leftLayout->addWidget(m_generate);
    leftLayout->addStretch(1);
    auto *leftScroll = new QScrollArea;
    leftScroll->setWidget(left);
    leftScroll->setWidgetResizable(true);
    // Wide enough for its controls (in any language): it scrolls vertically, never sideways.
    leftScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int leftWidth = left->minimumSizeHint().width()
        + leftScroll->verticalScrollBar()->sizeHint().width() + 2 * leftScroll->frameWidth();
    leftScroll->setMinimumWidth(leftWidth);

    // Middle: the image as it arrives, its partials, and the session's images.
    m_preview = new ImagePreview;
    m_filmstrip = new QListWidget;
    m_filmstrip->setViewMode(QListView::IconMode);
    m_filmstrip->setFlow(QListView::LeftToRight);
    m_filmstrip->setWrapping(false);
    m_filmstrip->setIconSize(QSize(72, 72));
    m_filmstrip->setFixedHeight(100);
    m_filmstrip->setToolTip(tr("Every partial image of the current job; click one to look at it."));
    m_libraryModel = new LibraryModel(&m_session->library(), this);
    m_gallery = new GalleryPanel(m_libraryModel);
    auto describeLibrary = [this] {
        m_gallery->view()->setToolTip(tr("Everything you made, saved in %1. Right-click for more.")
                                          .arg(m_session->libraryFolder()));
    };
    describeLibrary();
    connect(m_session, &StudioSession::libraryChanged, this, [this, describeLibrary] {
        m_libraryModel->libraryChanged();
        describeLibrary();
        showLibraryNotice(m_session->libraryNotice());
        statusBar()->showMessage(
            tr("Library: %1").arg(QDir::toNativeSeparators(m_session->libraryFolder())), 5000);
        offerInterruptedJobs();
    });
    connect(m_gallery, &GalleryPanel::reuseRequested, this, &MainWindow::reuseRecipe);
    connect(m_gallery, &GalleryPanel::editRequested, this,
            [this](const QString &path, qint64 id) { openForEdit(path, id); });
    connect(m_gallery, &GalleryPanel::variationRequested, this, &MainWindow::openForVariation);
    connect(m_gallery, &GalleryPanel::lineageRequested, this, &MainWindow::showLineage);
    connect(m_gallery, &GalleryPanel::heatMapRequested, this, &MainWindow::showHeatMap);
    connect(m_gallery, &GalleryPanel::imageActivated, this, &MainWindow::showImageFile);
    auto *viewer = new QWidget;
    auto *viewerLayout = new QVBoxLayout(viewer);
    viewerLayout->setContentsMargins(0, 0, 0, 0);
    viewerLayout->addWidget(m_preview, 1);
    viewerLayout->addWidget(m_filmstrip);
    m_painter = new MaskPainter;
    connect(m_painter, &MaskPainter::sendRequested, this, &MainWindow::generate);
    connect(m_painter, &MaskPainter::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_painter->document()->undoStack(), &QUndoStack::indexChanged, this,
            &MainWindow::showMaskState);
    m_centerTabs = new QTabWidget;
    m_centerTabs->setDocumentMode(true);
    m_centerTabs->addTab(viewer, tr("Preview"));
    m_centerTabs->addTab(m_painter, tr("Mask"));
    m_centerTabs->setTabToolTip(1, tr("Paint where the image to edit may change."));
    m_centerSplitter = new QSplitter(Qt::Vertical);
    m_centerSplitter->addWidget(m_centerTabs);
    m_centerSplitter->addWidget(m_gallery);
    m_centerSplitter->setStretchFactor(0, 3);
    m_centerSplitter->setStretchFactor(1, 1);
    m_centerSplitter->setSizes({600, 200});

    // Right: the jobs.
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    m_jobView = new QTableView(right);
    m_jobView->setModel(m_session->jobs());
    m_jobView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_jobView->setWordWrap(false);
    m_jobView->verticalHeader()->hide();
    m_jobView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_jobView->horizontalHeader()->setSectionResizeMode(JobListModel::PromptColumn,
                                                        QHeaderView::Stretch);
    rightLayout->addWidget(m_jobView);
    auto *jobButtons = new QHBoxLayout;
    auto *cancel = new QPushButton(tr("Cancel"), right);
    auto *retry = new QPushButton(tr("Retry"), right);
    retry->setObjectName(u"retry"_s);
    retry->setToolTip(tr("Send the same recipe again."));
    jobButtons->addWidget(cancel);
    jobButtons->addWidget(retry);
    rightLayout->addLayout(jobButtons);
    auto selectedRow = [this] {
        const QModelIndexList rows = m_jobView->selectionModel()->selectedRows();
        return rows.isEmpty() ? -1 : rows.first().row();
    };
    connect(cancel, &QPushButton::clicked, this,
            [this, selectedRow] { m_session->cancel(selectedRow()); });
    connect(retry, &QPushButton::clicked, this, [this, selectedRow] {
        const int row = selectedRow();
        if (row < 0)
            return;
        if (!agreeToOutsideFiles(RecipeGuard::filesOutside(m_session->jobs()->entry(row).request,
                                                           m_session->inputsFolder()))) {
            statusBar()->showMessage(tr("Not sent again: it uses files from outside the library."),
                                     8000);
            return;
        }
        m_followedRow = -1;
        retryRow(row);
    });

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->addWidget(leftScroll);
    m_mainSplitter->addWidget(m_centerSplitter);
    m_mainSplitter->addWidget(right);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setSizes({leftWidth, 700, 420});
    setCentralWidget(m_mainSplitter);

    m_sessionCost = new QLabel(tr("Session: $0.000"));
    m_sessionCost->setToolTip(tr("Estimated cost of the images made in this session."));
    statusBar()->addPermanentWidget(m_sessionCost);

    connect(m_prompt, &PromptEditor::submitRequested, this, &MainWindow::generate);
    connect(m_prompt, &PromptEditor::textChanged, this, &MainWindow::refresh);
    connect(m_parameters, &ParameterPanel::changed, this, &MainWindow::refresh);
    connect(m_parameters, &ParameterPanel::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_generate, &QPushButton::clicked, this, &MainWindow::generate);
    connect(m_filmstrip, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            m_preview->setImage(item->data(Qt::UserRole).value<QImage>(), item->text(),
                                item->data(Qt::UserRole + 1).value<QImage>());
    });
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
            openForEdit(path);
    });
    file->addAction(tr("Add &reference images…"), this, &MainWindow::addReferenceImages);
    QAction *exportAction
        = file->addAction(tr("E&xport selected images…"), m_gallery, &GalleryPanel::exportSelected);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportAction->setObjectName(u"actionExport"_s);
    file->addAction(tr("&Compare grid…"), this,
                    [this] {
                        CompareGridDialog dialog(m_session, currentRequest(), this);
                        dialog.exec();
                    })
        ->setObjectName(u"actionCompareGrid"_s);
    file->addSeparator();
    file->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::openSettings)
        ->setObjectName(u"actionSettings"_s);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *history = edit->addAction(tr("Prompt &history…"), this, [this] {
        HistoryDialog dialog(m_prompt->history(), this);
        if (dialog.exec() == QDialog::Accepted && !dialog.chosenPrompt().isEmpty())
            m_prompt->setPrompt(dialog.chosenPrompt());
        m_prompt->setFocus();
    });
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    history->setObjectName(u"actionPromptHistory"_s);
    QAction *paste
        = edit->addAction(tr("&Paste image as reference"), this, &MainWindow::pasteImage);
    paste->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
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

ImageRequest MainWindow::currentRequest() const
{
    ImageRequest request = m_parameters->request();
    if (request.endpoint != Endpoint::Variations)
        request.prompt = m_prompt->prompt();
    if (request.endpoint != Endpoint::Generations) {
        for (int i = 0; i < m_references->count(); ++i)
            request.images.append(m_references->item(i)->data(Qt::UserRole).toString());
    }
    return request;
}

void MainWindow::refresh()
{
    const ImageRequest request = currentRequest();
    const Endpoint endpoint = request.endpoint;
    m_inputs->setVisible(endpoint != Endpoint::Generations);
    m_prompt->setEnabled(endpoint != Endpoint::Variations);
    const auto promptRule = m_session->catalog().allowed(request.model, endpoint, Param::Prompt);
    m_prompt->setMaximumLength(promptRule ? promptRule->maxLength : 0);
    const int count = m_prompt->characterCount();
    const int limit = m_prompt->maximumLength();
    m_count->setText(limit > 0 ? tr("%1 / %2 characters").arg(count).arg(limit)
                               : tr("%1 characters").arg(count));
    m_count->setStyleSheet(m_prompt->isOverLimit() ? u"color: #b3261e; font-weight: bold;"_s
                                                   : QString());

    GenerationPlan::Options options = m_session->planOptions();
    options.budget = 0; // said when sending: what is on the way changes meanwhile
    options.preset = m_presets->currentData().toString();
    const GenerationPlan plan = GenerationPlan::make(m_session->catalog(), request, options);
    QStringList errors;
    QStringList warnings;
    for (const Violation &violation : plan.errors) {
        if (violation.parameter == Param::Prompt && plan.promptMissing)
            continue; // an empty editor is not an error worth shouting about
        errors.append(violation.message);
    }
    // Input files are checked again when sending, where Atelier offers to fix them.
    for (const QList<Violation> &said : {plan.fixable, plan.warnings}) {
        for (const Violation &violation : said)
            warnings.append(violation.message);
    }
    QString reason;
    if (plan.promptMissing)
        reason = tr("Write a prompt first.");
    else if (!errors.isEmpty())
        reason = errors.join(u'\n');
    else if (!m_session->hasApiKey())
        reason = tr(
            "No API key: set OPENAI_API_KEY or run 'atelier-cli key set', then restart Atelier.");
    m_generate->setEnabled(reason.isEmpty());
    m_generate->setToolTip(reason.isEmpty() ? tr("Send the request (Ctrl+Return).") : reason);
    m_problems->setVisible(!errors.isEmpty());
    m_problems->setText(errors.join(u'\n'));

    const CostEstimate &estimate = plan.each;
    const qsizetype prompts = plan.requests.size();
    QString estimateText = !estimate.available ? tr("No price known for this model.")
        : prompts > 1                          ? tr("%1 prompts × $%2 = $%3 estimated")
                            .arg(prompts)
                            .arg(estimate.cost, 0, 'f', 3)
                            .arg(plan.total, 0, 'f', 3)
                      : tr("Estimated cost: $%1").arg(estimate.cost, 0, 'f', 3);
    if (estimate.available && estimate.outputTokens > 0)
        estimateText += estimate.tokensEstimated
            // No published token table: the figure is a formula's, and says so.
            ? tr(" (about %1 output tokens; an estimate, the answer's usage is billed)")
                  .arg(estimate.outputTokens)
            : tr(" (%1 output tokens)").arg(estimate.outputTokens);
    if (!warnings.isEmpty())
        estimateText += u"\n"_s + warnings.join(u'\n');
    m_estimate->setText(estimateText);
    m_estimate->setToolTip(estimate.assumptions.join(u'\n'));
}

QStringList MainWindow::expandedPrompts(QString *error) const
{
    const QString preset = m_presets->currentData().toString();
    return PromptTemplate::expand(PromptTemplate::applyPreset(preset, m_prompt->prompt()), error);
}

void MainWindow::generate()
{
    if (!m_generate->isEnabled()) {
        statusBar()->showMessage(m_generate->toolTip(), 8000);
        return;
    }
    ImageRequest request = currentRequest();
    // The painted mask and the marks go into the library beside the inputs, so the edit can be
    // reopened; they belong to the first image, the one in the painter.
    const bool painted = request.endpoint == Endpoint::Edits && !request.images.isEmpty()
        && m_painter->imagePath() == request.images.first();
    for (const bool markup : {false, true}) {
        if (!painted || !(markup ? m_painter->hasMarkup() : m_painter->hasMask()))
            continue;
        QString saveError;
        QString &path = markup ? request.markup : request.mask;
        path = markup ? m_painter->saveMarkup(m_session->inputsFolder(), &saveError)
                      : m_painter->saveApiMask(m_session->inputsFolder(), &saveError);
        if (path.isEmpty()) {
            m_problems->setText(saveError);
            m_problems->setVisible(true);
            return;
        }
    }
    GenerationPlan::Options options = m_session->planOptions();
    options.preset = m_presets->currentData().toString();
    GenerationPlan plan = GenerationPlan::make(m_session->catalog(), request, options);
    if (!plan.errors.isEmpty()) {
        m_problems->setText(plan.errorText());
        m_problems->setVisible(true);
        return;
    }
    if (plan.requests.size() > 1) {
        const QString cost = plan.each.available ? tr("about $%1 in all").arg(plan.total, 0, 'f', 3)
                                                 : tr("at a cost Atelier cannot estimate");
        const auto answer
            = QMessageBox::question(this, tr("Send %1 requests?").arg(plan.requests.size()),
                                    tr("The wildcards make %1 prompts, %2. Send them all?")
                                        .arg(plan.requests.size())
                                        .arg(cost));
        if (answer != QMessageBox::Yes)
            return;
    }
    if (request.endpoint != Endpoint::Generations) {
        QList<ImageRequest> requests = plan.requests;
        if (!prepareInputs(requests))
            return;
        plan = GenerationPlan::forRequests(m_session->catalog(), requests, options); // fixed
    }
    const EditContext context {m_editParentId, m_keepOutside->isChecked()};
    const QList<Violation> errors = m_session->submitPlan(plan, nullptr, context);
    if (!errors.isEmpty()) {
        QStringList messages;
        for (const Violation &violation : errors)
            messages.append(violation.message);
        m_problems->setText(messages.join(u'\n'));
        m_problems->setVisible(true);
        return;
    }
    m_prompt->addToHistory(m_prompt->prompt());
    m_followedRow = -1; // follow the new job
    m_filmstrip->clear();
    m_preview->clear(tr("Waiting for the first image…"));
    statusBar()->showMessage(tr("Sent to %1.").arg(request.model), 5000);
}

void MainWindow::loadPresets()
{
    const QString current = m_presets->currentText();
    m_presets->clear();
    m_presets->addItem(tr("None"), QString());
    const QStringList names = StudioSettings::presets.names();
    for (const QString &name : names)
        m_presets->addItem(name, StudioSettings::presets.value(name));
    m_presets->setCurrentIndex(std::max(0, m_presets->findText(current)));
}

void MainWindow::savePreset()
{
    const QString text = m_prompt->prompt();
    if (text.trimmed().isEmpty()) {
        statusBar()->showMessage(
            tr("Write the preset in the prompt first, with {prompt} where later prompts go."),
            8000);
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save preset"), tr("Name:"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    StudioSettings::presets.setValue(name, text);
    loadPresets();
    m_presets->setCurrentIndex(m_presets->findText(name));
    m_prompt->clear();
    statusBar()->showMessage(tr("Preset \"%1\" saved; now write the prompt it wraps.").arg(name),
                             8000);
}

void MainWindow::showImage(int row, const ImageResult &image)
{
    if (m_followedRow < 0)
        m_followedRow = row;
    if (row != m_followedRow)
        return;
    const QString caption = image.partial ? tr("Partial %1").arg(image.index + 1) : tr("Final");
    // GIF plays and SVG is drawn from its vectors; the rest shows its decoded pixels.
    const bool document = (image.format == u"gif" || image.format == u"svg")
        && m_preview->setDocument(image.encoded, caption);
    if (!document)
        m_preview->setImage(image.image, caption, image.preview);
    auto *item
        = new QListWidgetItem(image.thumbnail.isNull() ? thumbnail(image.image, 72)
                                                       : QIcon(QPixmap::fromImage(image.thumbnail)),
                              caption, m_filmstrip);
    item->setData(Qt::UserRole, image.image);
    item->setData(Qt::UserRole + 1, image.preview);
    m_filmstrip->scrollToItem(item);
    if (image.format == u"gif")
        addAnimationFrames(image.encoded);
}

bool MainWindow::agreeToOutsideFiles(const QStringList &files)
{
    if (files.isEmpty())
        return true;
    QStringList listed;
    for (const QString &file : files)
        listed.append(u"• "_s + QDir::toNativeSeparators(file).left(300));
    if (listed.size() > 20)
        listed = listed.mid(0, 20) << u"…"_s;
    QMessageBox box(QMessageBox::Warning, tr("Use files from outside the library?"),
                    tr("This recipe names %n file(s) outside the library's inputs folder. If you "
                       "use them, they "
                       "are sent to the provider with the request. Use them only if you know them.",
                       nullptr, int(files.size()))
                        + u"\n\n"_s + listed.join(u'\n'),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(u"outsideFilesQuestion"_s);
    box.setTextFormat(Qt::PlainText); // file names from a recipe, shown as they are
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void MainWindow::reuseRecipe(const ImageRequest &asked)
{
    // A recipe is data from a file: cut to the model's limits before any widget sees it, and
    // its files used only from the library's inputs, unless the user says otherwise.
    QStringList shortened;
    ImageRequest recipe = RecipeGuard::capped(asked, m_session->catalog(), &shortened);
    const QString inputs = m_session->inputsFolder();
    const QStringList outside = RecipeGuard::filesOutside(recipe, inputs);
    const bool leftOut = !agreeToOutsideFiles(outside);
    if (leftOut)
        recipe = RecipeGuard::withoutFilesOutside(recipe, inputs);
    m_parameters->applyRequest(recipe);
    if (recipe.endpoint != Endpoint::Variations)
        m_prompt->setPrompt(recipe.prompt);
    m_references->clear();
    for (const QString &file : recipe.images)
        m_references->addItem(referenceItem(file));
    if (recipe.endpoint == Endpoint::Edits && !recipe.images.isEmpty()
        && QFileInfo::exists(recipe.images.first())) {
        // Reopening an edit restores its image and mask in the painter.
        QString error;
        if (m_painter->openImage(recipe.images.first(), &error) && !recipe.mask.isEmpty()
            && !m_painter->importMask(recipe.mask, &error))
            statusBar()->showMessage(error, 8000);
        m_editParentId = libraryIdOf(recipe.images.first());
    }
    showMaskState();
    refresh();
    QStringList notes;
    if (!shortened.isEmpty())
        notes.append(
            tr("Longer than the model takes, so shortened: %1.").arg(shortened.join(u", "_s)));
    if (leftOut)
        notes.append(
            tr("%n file(s) from outside the library were left out.", nullptr, int(outside.size())));
    statusBar()->showMessage(notes.isEmpty()
                                 ? tr("Recipe restored: prompt, model and every parameter.")
                                 : tr("Recipe restored. %1").arg(notes.join(u' ')),
                             notes.isEmpty() ? 6000 : 15000);
}

bool MainWindow::prepareInputs(QList<ImageRequest> &requests)
{
    const EditInputs inputs(m_session->catalog());
    const QList<InputFix> fixes = inputs.proposeFixes(requests.first());
    if (fixes.isEmpty())
        return true;
    QList<InputFix> agreed;
    QStringList asks;
    for (const InputFix &fix : fixes) {
        if (fix.needsConsent)
            asks.append(u"• "_s + fix.sentence);
        else
            agreed.append(fix);
    }
    if (!asks.isEmpty()) {
        const auto answer
            = QMessageBox::question(this, tr("Fix the input images?"),
                                    tr("The model's rules need these changes before "
                                       "sending:\n\n%1\n\nYour files stay as they are; fixed "
                                       "copies are sent.")
                                        .arg(asks.join(u'\n')),
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer != QMessageBox::Yes) {
            m_problems->setText(tr("Not sent: the inputs do not meet the model's rules.\n%1")
                                    .arg(asks.join(u'\n')));
            m_problems->setVisible(true);
            return false;
        }
        for (const InputFix &fix : fixes) {
            if (fix.needsConsent)
                agreed.append(fix);
        }
    }
    QStringList done;
    QString error;
    const std::optional<ImageRequest> fixed
        = inputs.apply(requests.first(), agreed, m_session->inputsFolder(), &done, &error);
    if (!fixed) {
        m_problems->setText(error);
        m_problems->setVisible(true);
        return false;
    }
    for (ImageRequest &request : requests) {
        request.images = fixed->images;
        request.mask = fixed->mask;
    }
    statusBar()->showMessage(done.join(u' '), 15000);
    return true;
}

bool MainWindow::openForEdit(const QString &path, qint64 id)
{
    QString error;
    if (!m_painter->openImage(path, &error)) {
        statusBar()->showMessage(error, 10000);
        m_problems->setText(error);
        m_problems->setVisible(true);
        return false;
    }
    m_editParentId = id > 0 ? id : libraryIdOf(path);
    if (m_parameters->endpoint() != Endpoint::Edits)
        m_parameters->setEndpoint(Endpoint::Edits);
    // The image to edit is the first reference; others stay behind it.
    for (int i = m_references->count() - 1; i >= 0; --i) {
        if (m_references->item(i)->data(Qt::UserRole).toString() == path)
            delete m_references->takeItem(i);
    }
    m_references->insertItem(0, referenceItem(path));
    m_centerTabs->setCurrentWidget(m_painter);
    m_painter->canvas()->setFocus();
    showMaskState();
    refresh();
    statusBar()->showMessage(tr("Paint where %1 may change, describe the change, then Ctrl+Return.")
                                 .arg(QFileInfo(path).fileName()),
                             10000);
    return true;
}

bool MainWindow::openForEditing(const QStringList &paths)
{
    if (paths.isEmpty() || !openForEdit(paths.first()))
        return false;
    if (paths.size() > 1)
        addReferences(paths.mid(1));
    return true;
}

qint64 MainWindow::libraryIdOf(const QString &path) const
{
    if (!m_session->library().isOpen())
        return 0;
    const std::optional<LibraryImage> known = m_session->library().imageAt(path);
    return known ? known->id : 0;
}

void MainWindow::openForVariation(const QString &path, qint64 id)
{
    m_editParentId = id > 0 ? id : libraryIdOf(path);
    m_references->clear();
    m_references->addItem(referenceItem(path));
    if (m_session->validationContext().servedByOpenAI) {
        // OpenAI retired the variations endpoint: a variation is an edit with a GPT image model
        // and a prompt, which the user can change before sending.
        ImageRequest variation;
        variation.endpoint = Endpoint::Variations;
        variation.images = {path};
        const ImageRequest edit = VariationPlan::plan(m_session->catalog(), variation, true, false);
        m_parameters->setEndpoint(Endpoint::Edits);
        m_parameters->setModel(edit.model);
        m_prompt->setPrompt(edit.prompt);
        statusBar()->showMessage(
            tr("OpenAI retired the variations endpoint: this variation is an edit with %1; change "
               "the prompt if you like, then Generate.")
                .arg(edit.model),
            10000);
    } else {
        m_parameters->setEndpoint(Endpoint::Variations);
    }
    showImageFile(path, tr("Variations of this"));
    m_centerTabs->setCurrentIndex(0);
    refresh();
}

void MainWindow::showMaskState()
{
    if (!m_painter->hasImage()) {
        m_maskLabel->setText(tr("No mask: the whole image may change."));
        return;
    }
    const double share = m_painter->document()->coveredFraction();
    const QString name = QFileInfo(m_painter->imagePath()).fileName();
    m_maskLabel->setText(
        share > 0
            ? tr("Painted mask on %1: %2% of it may change.").arg(name).arg(share * 100, 0, 'f', 1)
            : tr("Nothing painted on %1 yet: the whole image may change.").arg(name));
}

void MainWindow::showLineage(qint64 id)
{
    const QList<LibraryImage> chain = m_session->library().lineage(id);
    const QList<LibraryImage> children = m_session->library().children(id);
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Lineage"));
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(
        new QLabel(tr("Where the image came from (top) and what was made from it (bottom). "
                      "Double-click one to look at it."),
                   &dialog));
    auto *list = new QListWidget(&dialog);
    list->setIconSize(QSize(64, 64));
    const auto add
        = [list, id, thumbnails = m_libraryModel](const LibraryImage &image, const QString &role) {
              const QString text = u"%1  #%2 · %3 · %4\n%5"_s.arg(role).arg(image.id).arg(
                  endpointName(image.request.endpoint), image.request.model,
                  image.request.prompt.left(80));
              auto *item = new QListWidgetItem(text, list);
              item->setData(Qt::UserRole, image.path);
              // The icons are the gallery's thumbnails (cached, or made), read off the GUI thread.
              QThreadPool::globalInstance()->start([list = QPointer<QListWidget>(list),
                                                    row = list->count() - 1, path = image.path,
                                                    cached = thumbnails->thumbnailPath(image.id)] {
                  const QImage source = LibraryModel::loadThumbnail(path, cached);
                  const QImage icon
                      = source.isNull() ? QImage() : ImageFile::fitted(source, QSize(64, 64));
                  QMetaObject::invokeMethod(
                      qApp,
                      [list, row, icon] {
                          if (list && !icon.isNull() && list->item(row))
                              list->item(row)->setIcon(QIcon(QPixmap::fromImage(icon)));
                      },
                      Qt::QueuedConnection);
              });
              if (image.id == id) {
                  QFont bold = item->font();
                  bold.setBold(true);
                  item->setFont(bold);
              }
          };
    for (const LibraryImage &image : chain)
        add(image, image.id == id ? tr("This") : tr("From"));
    for (const LibraryImage &image : children)
        add(image,
            image.edit.contains(u"composite_of"_s) ? tr("Edit (kept outside)")
                                                   : tr("Made from it"));
    layout->addWidget(list);
    connect(list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        showImageFile(item->data(Qt::UserRole).toString(), item->text().section(u'\n', 0, 0));
        m_centerTabs->setCurrentIndex(0);
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(560, 420);
    dialog.exec();
}

void MainWindow::retryRow(int row)
{
    auto showProblems = [this](const QList<Violation> &violations) {
        QStringList messages;
        for (const Violation &violation : violations)
            messages.append(violation.message);
        m_problems->setText(messages.join(u'\n'));
        m_problems->setVisible(!messages.isEmpty());
    };
    const QList<Violation> errors = m_session->retry(row);
    if (errors.isEmpty())
        return;
    const ImageRequest recipe = m_session->recipeOf(row);
    const QString replacement
        = ModelSwitch::replacementFor(m_session->catalog(), recipe, QDate::currentDate());
    if (replacement.isEmpty()) {
        showProblems(errors);
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
        = m_session->submit(moved.request, m_session->editContextOf(row));
        !again.isEmpty())
        showProblems(again);
}

void MainWindow::addAnimationFrames(const QByteArray &gif)
{
    QByteArray bytes = gif;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "gif");
    const int frames = std::min(reader.imageCount(), 64);
    for (int frame = 0; frame < frames; ++frame) {
        const QImage image = reader.read();
        if (image.isNull())
            break;
        auto *item
            = new QListWidgetItem(thumbnail(image, 72), tr("Frame %1").arg(frame + 1), m_filmstrip);
        item->setData(Qt::UserRole, image);
    }
}

void MainWindow::showImageFile(const QString &path, const QString &caption)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"gif" || suffix == u"svg") {
        QFile file(path);
        constexpr qint64 MaxDocument = 64 * 1024 * 1024;
        if (file.open(QIODevice::ReadOnly) && file.size() <= MaxDocument
            && m_preview->setDocument(file.readAll(), caption.left(60)))
            return;
    }
    // Read and fitted to the view off the GUI thread (a big PNG takes tens of milliseconds);
    // when several are opened quickly, only the last one is shown.
    const quint64 load = ++m_previewLoads;
    QThreadPool::globalInstance()->start(
        [window = QPointer<MainWindow>(this), load, path, caption, box = m_preview->size()] {
            const Result<QImage> read = ImageFile::read(path);
            const QImage image = read.valueOr(QImage());
            const QString error = read.error();
            const QImage display = image.isNull() ? QImage() : ImageFile::fitted(image, box);
            QMetaObject::invokeMethod(
                qApp,
                [window, load, path, caption, image, display, error] {
                    if (!window || load != window->m_previewLoads)
                        return;
                    if (image.isNull()) {
                        window->statusBar()->showMessage(
                            tr("%1 could not be read (%2); is the file still there?")
                                .arg(QDir::toNativeSeparators(path), error),
                            10000);
                        return;
                    }
                    window->m_preview->setImage(image, caption.left(60), display);
                },
                Qt::QueuedConnection);
        });
}

void MainWindow::showHeatMap(qint64 id)
{
    const std::optional<LibraryImage> kept = m_session->library().image(id);
    if (!kept)
        return;
    const std::optional<LibraryImage> raw
        = m_session->library().image(kept->edit.value(u"composite_of"_s).toInteger());
    if (!raw || kept->request.images.isEmpty() || kept->request.mask.isEmpty()) {
        statusBar()->showMessage(
            tr("The model's output or the inputs of this edit are no longer in the library."),
            8000);
        return;
    }
    // Three full-size images read and compared: off the GUI thread.
    statusBar()->showMessage(tr("Finding the changes outside the mask…"));
    QThreadPool::globalInstance()->start([window = QPointer<MainWindow>(this),
                                          original = kept->request.images.first(),
                                          mask = kept->request.mask, rawPath = raw->path,
                                          keptPath = kept->path] {
        const CompositeResult result = MaskCompositor::keepOutsideMask(
            ImageFile::read(original).valueOr(QImage()), ImageFile::read(mask).valueOr(QImage()),
            ImageFile::read(rawPath).valueOr(QImage()));
        const QImage shown = result.isValid()
            ? withHeatMap(ImageFile::read(keptPath).valueOr(QImage()), result.heatMap)
            : QImage();
        QMetaObject::invokeMethod(
            qApp,
            [window, result, shown] {
                if (!window)
                    return;
                if (!result.isValid()) {
                    window->statusBar()->showMessage(result.error, 10000);
                    return;
                }
                window->statusBar()->clearMessage();
                window->m_preview->setImage(shown,
                                            tr("Changes outside the mask: %1%")
                                                .arg(result.changedOutsideMask * 100, 0, 'f', 1));
                window->m_centerTabs->setCurrentIndex(0);
            },
            Qt::QueuedConnection);
    });
}

void MainWindow::welcome()
{
    // Once, on a first run without a key: where to get one, and that nothing else needs it.
    if (m_session->hasApiKey() || StudioSettings::onboardingShown.value())
        return;
    StudioSettings::onboardingShown.setValue(true);
    QMessageBox box(
        QMessageBox::Information, tr("Welcome to Atelier"),
        tr("<p>To make images, Atelier needs an OpenAI API key. Create one at "
           "<a href=\"https://platform.openai.com/api-keys\">platform.openai.com/api-keys</a>.</p>"
           "<p>Then either set <tt>OPENAI_API_KEY</tt> before starting Atelier, or store the key "
           "in your desktop's keychain in the settings.</p>"
           "<p>The gallery, export and everything else that needs no network work without "
           "one.</p>"),
        QMessageBox::NoButton, this);
    QPushButton *settingsButton = box.addButton(tr("Open the settings"), QMessageBox::AcceptRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.setObjectName(u"welcome"_s);
    box.exec();
    if (box.clickedButton() == settingsButton)
        openSettings();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_session, m_keySource, this);
    connect(&dialog, &SettingsDialog::catalogChanged, m_parameters, &ParameterPanel::refreshModels);
    dialog.exec();
    m_keyBanner->setVisible(!m_session->hasApiKey());
    refresh();
}

void MainWindow::showLibraryNotice(const QString &text)
{
    m_libraryNoticeText->setText(text);
    m_libraryNotice->setVisible(!text.isEmpty());
}

void MainWindow::offerInterruptedJobs()
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
        const bool agreed = agreeToOutsideFiles(outside);
        if (studioIsEnding())
            return;
        m_session->dismissInterruptedJobs();
        int held = 0;
        for (const JournaledJob &job : jobs) {
            if (!agreed
                && !RecipeGuard::filesOutside(job.request, m_session->inputsFolder()).isEmpty())
                ++held;
            else
                m_session->submit(job.request);
        }
        if (held > 0)
            statusBar()->showMessage(
                tr("%n request(s) not sent again: they use files from outside the library.",
                   nullptr, held),
                10000);
        return;
    }
    m_session->dismissInterruptedJobs();
    if (box.clickedButton() == restore)
        reuseRecipe(jobs.constLast().request);
}

void MainWindow::addReferenceImages()
{
    addReferences(QFileDialog::getOpenFileNames(this, tr("Add reference images"), QString(),
                                                tr("Images (*.png *.jpg *.jpeg *.webp)")));
}

void MainWindow::addReferences(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (m_parameters->endpoint() == Endpoint::Generations)
        m_parameters->setEndpoint(Endpoint::Edits); // references mean an edit
    for (const QString &file : paths)
        m_references->addItem(referenceItem(file));
    refresh();
}

void MainWindow::openImages(const QStringList &paths)
{
    if (paths.size() == 1) {
        // A recipe embedded in the file, or the library's .json beside it.
        std::optional<ImageRequest> recipe = Exporter::readRecipe(paths.first());
        if (!recipe) {
            const QFileInfo info(paths.first());
            QFile sidecar(info.dir().filePath(info.completeBaseName() + u".json"_s));
            if (sidecar.open(QIODevice::ReadOnly)) {
                const QJsonObject json = QJsonDocument::fromJson(sidecar.readAll()).object();
                if (json.contains(u"request"_s))
                    recipe = LibraryImage::fromRecipeJson(json, paths.first()).request;
            }
        }
        if (recipe) {
            reuseRecipe(*recipe);
            showImageFile(paths.first(), tr("Opened"));
            return;
        }
    }
    addReferences(paths);
    if (!paths.isEmpty())
        showImageFile(paths.first(), tr("Reference"));
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
        statusBar()->showMessage(
            tr("%1 is a folder, not an image file; drop the images in it instead.", nullptr,
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
        // A pasted image becomes a file, so that it can be sent and remembered.
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        // Without a library: the session's private folder, never a shared fixed one.
        const QString folder
            = QDir(m_session->libraryFolder().isEmpty() ? m_session->temporaryFolder()
                                                        : m_session->libraryFolder())
                  .filePath(u".pasted"_s);
        const QString path = QDir(folder).filePath(
            u"pasted-%1.png"_s.arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmsszzz"_s)));
        QString error;
        if (const Status made = SafeFiles::makePath(folder); !made)
            error = tr("The folder %1 cannot be created: %2.").arg(folder, made.error());
        else
            ContentFiles::writeNew(path, ContentFiles::png(image), &error);
        if (!error.isEmpty())
            statusBar()->showMessage(tr("The pasted image could not be saved: %1").arg(error),
                                     10000);
        else if (m_references->count() == 0)
            openForEdit(path); // the first image of an edit: ready to paint its mask
        else
            addReferences({path});
        return;
    }
    statusBar()->showMessage(tr("There is no image to paste."), 5000);
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

void MainWindow::chooseMask()
{
    if (m_references->count() == 0) {
        statusBar()->showMessage(
            tr("Add the image to edit first; the mask applies to the first reference."), 8000);
        return;
    }
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Import a mask"), QString(), tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"));
    if (file.isEmpty())
        return;
    // The mask is imported into the painter, where it can be looked at and touched up.
    const QString first = m_references->item(0)->data(Qt::UserRole).toString();
    QString error;
    if ((m_painter->imagePath() != first && !openForEdit(first))
        || !m_painter->importMask(file, &error)) {
        if (!error.isEmpty())
            statusBar()->showMessage(error, 10000);
        return;
    }
    showMaskState();
    refresh();
}

void MainWindow::restoreSettings()
{
    restoreGeometry(StudioSettings::windowGeometry.value());
    m_mainSplitter->restoreState(StudioSettings::mainSplitter.value());
    m_centerSplitter->restoreState(StudioSettings::centerSplitter.value());
    m_prompt->setHistory(StudioSettings::promptHistory.value());
    const QByteArray last = StudioSettings::lastParameters.value();
    if (!last.isEmpty())
        m_parameters->applyRequest(ImageRequest::fromJson(QJsonDocument::fromJson(last).object()));
    if (const QString model = SettingsDialog::defaultModel();
        !model.isEmpty() && m_session->catalog().contains(model))
        m_parameters->setModel(model);
}

void MainWindow::saveSettings() const
{
    StudioSettings::windowGeometry.setValue(saveGeometry());
    StudioSettings::mainSplitter.setValue(m_mainSplitter->saveState());
    StudioSettings::centerSplitter.setValue(m_centerSplitter->saveState());
    StudioSettings::promptHistory.setValue(m_prompt->history());
    StudioSettings::lastParameters.setValue(
        QJsonDocument(m_parameters->request().toJson()).toJson(QJsonDocument::Compact));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

} // namespace Atelier
