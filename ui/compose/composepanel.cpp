#include "composepanel.h"

#include "batch/batchmonitor.h"
#include "batches/batchoffer.h"
#include "consent.h"
#include "referencetray.h"

#include "catalog/variationplan.h"
#include "library/contentfiles.h"
#include "library/exporter.h"
#include "library/librarystore.h"
#include "maskpainter/maskpainter.h"
#include "model/imagerequest.h"
#include "model/parameters.h"
#include "params/parameterpanel.h"
#include "platform/safefiles.h"
#include "prompt/prompteditor.h"
#include "studio/editfit.h"
#include "studio/editinputs.h"
#include "studio/generationplan.h"
#include "studio/prompttemplate.h"
#include "studio/recipeguard.h"
#include "studio/studiosettings.h"
#include "theme/icons.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

ComposePanel::ComposePanel(StudioSession *session, MaskPainter *painter, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_painter(painter)
{
    setObjectName(u"composePanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *presetRow = new QHBoxLayout;
    m_presets = new QComboBox(this);
    m_presets->setObjectName(u"presets"_s);
    m_presets->setToolTip(tr("A preset wraps your prompt: its {prompt} slot takes what you write. "
                             "Wildcards like {red|green|blue} make one request per choice."));
    auto *savePreset = new QToolButton(this);
    savePreset->setText(tr("Save as preset…"));
    savePreset->setToolTip(
        tr("Keep the prompt as a preset; write {prompt} where later prompts should go."));
    presetRow->addWidget(new QLabel(tr("Preset"), this));
    presetRow->addWidget(m_presets, 1);
    presetRow->addWidget(savePreset);
    layout->addLayout(presetRow);
    connect(savePreset, &QToolButton::clicked, this, &ComposePanel::savePreset);
    connect(m_presets, &QComboBox::currentIndexChanged, this, &ComposePanel::refresh);

    m_prompt = new PromptEditor(this);
    m_prompt->setMinimumHeight(70);
    layout->addWidget(m_prompt, 1);
    m_count = new QLabel(this);
    m_count->setAlignment(Qt::AlignRight);
    layout->addWidget(m_count);

    // The parameters and references scroll; the prompt above them and the estimate and
    // Generate below stay in sight at any window height.
    auto *settings = new QWidget;
    auto *settingsLayout = new QVBoxLayout(settings);
    settingsLayout->setContentsMargins(0, 0, 0, 0);
    m_parameters = new ParameterPanel(m_session->catalog(), settings);
    m_parameters->setServedByOpenAI(m_session->validationContext().servedByOpenAI);
    // In Edit mode the images come first: they are what the edit is about.
    buildReferences(settings);
    settingsLayout->addWidget(m_inputs);
    settingsLayout->addWidget(m_parameters);
    settingsLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"composeSettings"_s);
    scroll->setWidget(settings);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // No tab stop of its own: Tab goes from control to control and the area follows the focus.
    scroll->setFocusPolicy(Qt::NoFocus);
    // Wide enough for its controls (in any language): it scrolls vertically, never sideways.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(settings->minimumSizeHint().width()
                            + scroll->verticalScrollBar()->sizeHint().width());
    layout->addWidget(scroll, 3);

    m_estimate = new QLabel(this);
    m_estimate->setObjectName(u"estimate"_s);
    m_estimate->setWordWrap(true);
    layout->addWidget(m_estimate);
    m_problems = new QLabel(this);
    m_problems->setObjectName(u"problems"_s);
    // It shows what servers say: plain text, so an answer cannot style it or pull in images.
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(
        u"color: palette(bright-text); background: #b3261e; padding: 4px; border-radius: 3px;"_s);
    m_problems->setVisible(false);
    layout->addWidget(m_problems);
    m_batchChoice = new QCheckBox(this);
    m_batchChoice->setObjectName(u"batchChoice"_s);
    m_batchChoice->setVisible(false);
    layout->addWidget(m_batchChoice);
    m_generate = new QPushButton(tr("Generate"), this);
    m_generate->setObjectName(u"generate"_s);
    m_generate->setIcon(Icons::generate());
    m_generate->setToolTip(tr("Send the request (Ctrl+Return)."));
    m_generate->setDefault(true);
    layout->addWidget(m_generate);

    connect(m_prompt, &PromptEditor::submitRequested, this, &ComposePanel::generate);
    connect(m_prompt, &PromptEditor::textChanged, this, &ComposePanel::refresh);
    connect(m_parameters, &ParameterPanel::changed, this, &ComposePanel::refresh);
    connect(m_parameters, &ParameterPanel::statusMessage, this,
            [this](const QString &text) { Q_EMIT statusMessage(text, 10000); });
    connect(m_generate, &QPushButton::clicked, this, &ComposePanel::generate);
    connect(m_painter, &MaskPainter::sendRequested, this, &ComposePanel::generate);
    connect(m_painter->document()->undoStack(), &QUndoStack::indexChanged, this,
            &ComposePanel::showMaskState);
    loadPresets();
}

void ComposePanel::buildReferences(QWidget *parent)
{
    m_inputs = new QWidget(parent);
    auto *inputLayout = new QVBoxLayout(m_inputs);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    inputLayout->addWidget(
        new QLabel(tr("Reference images (the mask applies to the first):"), m_inputs));
    m_references = new ReferenceTray(m_inputs);
    inputLayout->addWidget(m_references);
    auto *inputButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add images…"), m_inputs);
    add->setObjectName(u"addReferences"_s);
    add->setToolTip(tr("Choose image files to add to the references."));
    auto *remove = new QPushButton(tr("Remove"), m_inputs);
    remove->setObjectName(u"removeReferences"_s);
    remove->setToolTip(tr("Remove the selected references (Delete in the tray)."));
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
    m_keepOutside->setObjectName(u"keepOutsideMask"_s);
    m_keepOutside->setChecked(true);
    m_keepOutside->setToolTip(
        tr("Put the original back wherever you did not paint, with a soft seam, and show how much "
           "the model changed there. The model's own output is kept in the library too."));
    inputLayout->addWidget(m_keepOutside);
    // Whether the shape of the result matters follows it (see refresh()).
    connect(m_keepOutside, &QCheckBox::toggled, this, &ComposePanel::refresh);
    connect(paint, &QPushButton::clicked, this, [this] {
        if (m_references->count() == 0) {
            addReferenceImages();
            if (m_references->count() == 0)
                return;
        }
        const QString first = m_references->pathAt(0);
        if (m_painter->imagePath() != first)
            openForEdit(first);
        Q_EMIT painterRequested();
    });
    connect(add, &QPushButton::clicked, this, &ComposePanel::addReferenceImages);
    connect(remove, &QPushButton::clicked, m_references, &ReferenceTray::removeSelected);
    connect(m_references, &ReferenceTray::addRequested, this, &ComposePanel::addReferenceImages);
    connect(m_references, &ReferenceTray::filesOffered, this, &ComposePanel::addReferences);
    connect(m_references, &ReferenceTray::imageOffered, this, &ComposePanel::addPastedImage);
    connect(m_references, &ReferenceTray::referencesChanged, this,
            &ComposePanel::referencesChanged);
    connect(m_references, &ReferenceTray::statusMessage, this, &ComposePanel::statusMessage);
    connect(mask, &QPushButton::clicked, this, &ComposePanel::chooseMask);
}

int ComposePanel::referenceCount() const
{
    return m_references->count();
}

void ComposePanel::showProblems(const QString &text)
{
    m_problems->setText(text);
    m_problems->setVisible(!text.isEmpty());
}

void ComposePanel::showViolations(const QList<Violation> &violations)
{
    QStringList messages;
    for (const Violation &violation : violations)
        messages.append(violation.message);
    showProblems(messages.join(u'\n'));
}

void ComposePanel::setServedByOpenAI(bool served)
{
    m_parameters->setServedByOpenAI(served);
}

void ComposePanel::refreshModels()
{
    m_parameters->refreshModels();
}

ImageRequest ComposePanel::request() const
{
    ImageRequest request = m_parameters->request();
    if (request.endpoint != Endpoint::Variations)
        request.prompt = m_prompt->prompt();
    if (request.endpoint != Endpoint::Generations) {
        for (int i = 0; i < m_references->count(); ++i) {
            const QString path = m_references->pathAt(i);
            request.images.append(path);
            // The name shown goes with the recipe, so that a kept input is not a hash to it.
            if (m_references->nameAt(i) != QFileInfo(path).fileName())
                request.inputNames.insert(QFileInfo(path).fileName(), m_references->nameAt(i));
        }
    }
    return request;
}

Result<ImageRequest> ComposePanel::requestToSend() const
{
    ImageRequest request = this->request();
    // The painted mask and the marks go into the library beside the inputs, so the edit can be
    // reopened; they belong to the first image, the one in the painter.
    const bool painted = request.endpoint == Endpoint::Edits && !request.images.isEmpty()
        && m_painter->imagePath() == request.images.first();
    for (const bool markup : {false, true}) {
        if (!painted || !(markup ? m_painter->hasMarkup() : m_painter->hasMask()))
            continue;
        const Result<QString> saved = markup ? m_painter->saveMarkup(m_session->inputsFolder())
                                             : m_painter->saveApiMask(m_session->inputsFolder());
        if (!saved)
            return saved.failure();
        (markup ? request.markup : request.mask) = *saved;
    }
    return request;
}

EditContext ComposePanel::editContext() const
{
    return {m_editParentId, m_keepOutside->isChecked()};
}

void ComposePanel::refresh()
{
    const ImageRequest request = this->request();
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
    options.keepOutsideMask = m_keepOutside->isChecked();
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
    // A run of several sends can go as one batch instead: offered beside Generate, no question.
    const bool batchable
        = plan.canSend() && plan.sends.size() > 1 && BatchOffer::offered(m_session);
    m_batchChoice->setVisible(batchable);
    if (batchable) {
        const Status can = BatchOffer::canSend(m_session, plan.requests);
        m_batchChoice->setText(BatchOffer::offerText(m_session, plan.requests, true));
        m_batchChoice->setEnabled(bool(can));
        m_batchChoice->setToolTip(can ? BatchOffer::explanation() : can.error());
        if (!can)
            m_batchChoice->setChecked(false);
    }

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

Result<QStringList> ComposePanel::expandedPrompts() const
{
    const QString preset = m_presets->currentData().toString();
    return PromptTemplate::expand(PromptTemplate::applyPreset(preset, m_prompt->prompt()));
}

void ComposePanel::generate()
{
    if (!m_generate->isEnabled()) {
        Q_EMIT statusMessage(m_generate->toolTip(), 8000);
        return;
    }
    const Result<ImageRequest> withMask = requestToSend();
    if (!withMask) {
        showProblems(withMask.error());
        return;
    }
    const ImageRequest request = *withMask;
    GenerationPlan::Options options = m_session->planOptions();
    options.preset = m_presets->currentData().toString();
    options.keepOutsideMask = m_keepOutside->isChecked();
    GenerationPlan plan = GenerationPlan::make(m_session->catalog(), request, options);
    if (!plan.errors.isEmpty()) {
        showProblems(plan.errorText());
        return;
    }
    // As a batch: chosen beside Generate, or in the question several prompts ask.
    bool asBatch
        = !m_batchChoice->isHidden() && m_batchChoice->isEnabled() && m_batchChoice->isChecked();
    if (!asBatch && plan.requests.size() > 1) {
        const QString cost = plan.each.available ? tr("about $%1 in all").arg(plan.total, 0, 'f', 3)
                                                 : tr("at a cost Atelier cannot estimate");
        const BatchOffer::Choice choice = BatchOffer::choose(
            this, m_session, plan.requests, tr("Send %1 requests?").arg(plan.sends.size()),
            tr("The wildcards make %1 prompts, %2. Send them all?")
                .arg(plan.requests.size())
                .arg(cost));
        if (choice == BatchOffer::Choice::Cancel)
            return;
        asBatch = choice == BatchOffer::Choice::Batch;
    }
    QString fittedNote;
    if (request.endpoint != Endpoint::Generations) {
        QList<ImageRequest> requests = plan.requests;
        if (!prepareInputs(requests))
            return;
        // A Size of another shape than the image, where the shape matters: it follows the
        // image, as the plan said before sending.
        const QJsonValue asked = requests.first().option(Param::Size);
        for (ImageRequest &one : requests)
            one = EditFit::fitted(m_session->catalog(), one, options.keepOutsideMask);
        const QString fitting = requests.first().option(Param::Size).toString();
        if (requests.first().option(Param::Size) != asked) {
            m_parameters->setSize(fitting);
            fittedNote = tr("Size follows the image to edit: %1.").arg(EditFit::describe(fitting));
        }
        plan = GenerationPlan::forRequests(m_session->catalog(), requests, options); // fixed
    }
    if (asBatch) { // the monitor says what became of it
        BatchOffer::submit(m_session, plan.requests);
        m_batchChoice->setChecked(false); // a day's wait is chosen each time
        m_prompt->addToHistory(m_prompt->prompt());
        return;
    }
    const QList<Violation> errors = m_session->submitPlan(plan, nullptr, editContext());
    if (!errors.isEmpty()) {
        QStringList messages;
        for (const Violation &violation : errors)
            messages.append(violation.message);
        showProblems(messages.join(u'\n'));
        return;
    }
    m_prompt->addToHistory(m_prompt->prompt());
    Q_EMIT submitted(request);
    Q_EMIT statusMessage(fittedNote.isEmpty() ? tr("Sent to %1.").arg(request.model)
                                              : tr("Sent to %1. %2").arg(request.model, fittedNote),
                         fittedNote.isEmpty() ? 5000 : 10000);
}

void ComposePanel::loadPresets()
{
    const QString current = m_presets->currentText();
    m_presets->clear();
    m_presets->addItem(tr("None"), QString());
    const QStringList names = StudioSettings::presets.names();
    for (const QString &name : names)
        m_presets->addItem(name, StudioSettings::presets.value(name));
    m_presets->setCurrentIndex(std::max(0, m_presets->findText(current)));
}

void ComposePanel::savePreset()
{
    const QString text = m_prompt->prompt();
    if (text.trimmed().isEmpty()) {
        Q_EMIT statusMessage(
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
    Q_EMIT statusMessage(tr("Preset \"%1\" saved; now write the prompt it wraps.").arg(name), 8000);
}

void ComposePanel::reuseRecipe(const ImageRequest &asked)
{
    // A recipe is data from a file: cut to the model's limits before any widget sees it, and
    // its files used only from the library's inputs, unless the user says otherwise.
    QStringList shortened;
    ImageRequest recipe = RecipeGuard::capped(asked, m_session->catalog(), &shortened);
    const QString inputs = m_session->inputsFolder();
    const QStringList outside = RecipeGuard::filesOutside(recipe, inputs);
    const bool leftOut = !Consent::outsideFiles(this, outside);
    if (leftOut)
        recipe = RecipeGuard::withoutFilesOutside(recipe, inputs);
    m_parameters->applyRequest(recipe);
    if (recipe.endpoint != Endpoint::Variations)
        m_prompt->setPrompt(recipe.prompt);
    {
        const QSignalBlocker quiet(m_references); // one change, said below
        m_references->clear();
        for (const QString &file : recipe.images)
            m_references->addReference(
                file, referenceName(file, recipe.inputNames.value(QFileInfo(file).fileName())));
    }
    m_firstReference = m_references->pathAt(0);
    if (recipe.endpoint == Endpoint::Edits && !recipe.images.isEmpty()
        && QFileInfo::exists(recipe.images.first())) {
        // Reopening an edit restores its image and mask in the painter.
        if (m_painter->openImage(recipe.images.first()) && !recipe.mask.isEmpty()) {
            if (const Status imported = m_painter->importMask(recipe.mask); !imported)
                Q_EMIT statusMessage(imported.error(), 8000);
        }
        m_editParentId = libraryIdOf(recipe.images.first());
    }
    showMaskState();
    QStringList notes;
    if (const QString fitted = fitSizeToFirstImage(); !fitted.isEmpty())
        notes.append(fitted);
    refresh();
    if (!shortened.isEmpty())
        notes.append(
            tr("Longer than the model takes, so shortened: %1.").arg(shortened.join(u", "_s)));
    if (leftOut)
        notes.append(
            tr("%n file(s) from outside the library were left out.", nullptr, int(outside.size())));
    Q_EMIT statusMessage(notes.isEmpty() ? tr("Recipe restored: prompt, model and every parameter.")
                                         : tr("Recipe restored. %1").arg(notes.join(u' ')),
                         notes.isEmpty() ? 6000 : 15000);
}

bool ComposePanel::prepareInputs(QList<ImageRequest> &requests)
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
            showProblems(tr("Not sent: the inputs do not meet the model's rules.\n%1")
                             .arg(asks.join(u'\n')));
            return false;
        }
        for (const InputFix &fix : fixes) {
            if (fix.needsConsent)
                agreed.append(fix);
        }
    }
    const Result<FixedInputs> fixed
        = inputs.apply(requests.first(), agreed, m_session->inputsFolder());
    if (!fixed) {
        showProblems(fixed.error());
        return false;
    }
    for (ImageRequest &request : requests) {
        request.images = fixed->request.images;
        request.mask = fixed->request.mask;
    }
    Q_EMIT statusMessage(fixed->done.join(u' '), 15000);
    return true;
}

bool ComposePanel::openForEdit(const QString &path, qint64 id)
{
    if (const Status opened = m_painter->openImage(path); !opened) {
        Q_EMIT statusMessage(opened.error(), 10000);
        showProblems(opened.error());
        return false;
    }
    m_editParentId = id > 0 ? id : libraryIdOf(path);
    if (m_parameters->endpoint() != Endpoint::Edits)
        m_parameters->setEndpoint(Endpoint::Edits);
    // The image to edit is the first reference; others stay behind it.
    {
        const QSignalBlocker quiet(m_references); // one change, said below
        QString name;
        for (int i = m_references->count() - 1; i >= 0; --i) {
            if (m_references->pathAt(i) == path) {
                name = m_references->nameAt(i);
                m_references->removeReference(i);
            }
        }
        m_references->addReference(path, name.isEmpty() ? referenceName(path) : name, 0);
    }
    m_firstReference = path;
    Q_EMIT painterRequested();
    showMaskState();
    const QString fitted = fitSizeToFirstImage();
    refresh();
    const QString paint = tr("Paint where %1 may change, describe the change, then Ctrl+Return.")
                              .arg(shownName(path));
    Q_EMIT statusMessage(fitted.isEmpty() ? paint : fitted + u' ' + paint, 10000);
    return true;
}

qint64 ComposePanel::libraryIdOf(const QString &path) const
{
    if (!m_session->library().isOpen())
        return 0;
    const std::optional<LibraryImage> known = m_session->library().imageAt(path);
    return known ? known->id : 0;
}

void ComposePanel::openForVariation(const QString &path, qint64 id)
{
    m_editParentId = id > 0 ? id : libraryIdOf(path);
    {
        const QSignalBlocker quiet(m_references); // one change, said by refresh()
        m_references->clear();
        m_references->addReference(path, referenceName(path));
    }
    m_firstReference = path;
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
        Q_EMIT statusMessage(
            tr("OpenAI retired the variations endpoint: this variation is an edit with %1; change "
               "the prompt if you like, then Generate.")
                .arg(edit.model),
            10000);
    } else {
        m_parameters->setEndpoint(Endpoint::Variations);
    }
    Q_EMIT imageFileRequested(path, tr("Variations of this"));
    Q_EMIT previewRequested();
    refresh();
}

void ComposePanel::showMaskState()
{
    if (!m_painter->hasImage()) {
        m_maskLabel->setText(tr("No mask: the whole image may change."));
        return;
    }
    const double share = m_painter->document()->coveredFraction();
    const QString name = shownName(m_painter->imagePath());
    const QString first = m_references->pathAt(0);
    if (m_painter->imagePath() != first && (share > 0 || m_painter->hasMarkup())) {
        // What is painted belongs to the image it was painted on, which is not the one to edit.
        m_maskLabel->setText(
            first.isEmpty()
                ? tr("The mask painted on %1 is not sent: %1 is no longer a reference.").arg(name)
                : tr("The mask painted on %1 is not sent: the mask applies to the first image, "
                     "now %2. Move %1 back to the front to send it.")
                      .arg(name, shownName(first)));
        return;
    }
    m_maskLabel->setText(
        share > 0
            ? tr("Painted mask on %1: %2% of it may change.").arg(name).arg(share * 100, 0, 'f', 1)
            : tr("Nothing painted on %1 yet: the whole image may change.").arg(name));
}

void ComposePanel::addReferenceImages()
{
    addReferences(QFileDialog::getOpenFileNames(this, tr("Add reference images"), QString(),
                                                tr("Images (*.png *.jpg *.jpeg *.webp)")));
}

void ComposePanel::addReferences(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (m_parameters->endpoint() == Endpoint::Generations)
        m_parameters->setEndpoint(Endpoint::Edits); // references mean an edit
    const bool first = m_references->count() == 0;
    {
        const QSignalBlocker quiet(m_references); // one change, said below
        for (const QString &file : paths)
            m_references->addReference(file, referenceName(file));
    }
    m_firstReference = m_references->pathAt(0);
    const QString fitted = first ? fitSizeToFirstImage() : QString();
    refresh();
    if (!fitted.isEmpty())
        Q_EMIT statusMessage(fitted, 10000);
}

QString ComposePanel::fitSizeToFirstImage()
{
    const ImageRequest request = this->request();
    const QString fitting = EditFit::fittingSize(m_session->catalog(), request);
    const QString current = request.option(Param::Size).toString();
    if (fitting.isEmpty() || current == fitting)
        return {};
    if (EditFit::parseSize(current).isValid() ? !EditFit::check(m_session->catalog(), request, true)
                                              : fitting == u"auto"_s)
        return {}; // it keeps the image's shape already
    m_parameters->setSize(fitting);
    const QString set = m_parameters->request().option(Param::Size).toString();
    if (set != fitting && !(set.isEmpty() && fitting == u"auto"_s)) // auto may be left unset
        return {}; // not a value the panel offers
    return tr("Size follows the image to edit: %1.").arg(EditFit::describe(fitting));
}

void ComposePanel::chooseMask()
{
    if (m_references->count() == 0) {
        Q_EMIT statusMessage(
            tr("Add the image to edit first; the mask applies to the first reference."), 8000);
        return;
    }
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Import a mask"), QString(), tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"));
    if (file.isEmpty())
        return;
    // The mask is imported into the painter, where it can be looked at and touched up.
    const QString first = m_references->pathAt(0);
    if (m_painter->imagePath() != first && !openForEdit(first))
        return;
    if (const Status imported = m_painter->importMask(file); !imported) {
        Q_EMIT statusMessage(imported.error(), 10000);
        return;
    }
    showMaskState();
    refresh();
}

void ComposePanel::openImages(const QStringList &paths)
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
            Q_EMIT imageFileRequested(paths.first(), tr("Opened"));
            return;
        }
    }
    addReferences(paths);
    if (!paths.isEmpty())
        Q_EMIT imageFileRequested(paths.first(), tr("Reference"));
}

QString ComposePanel::savePastedImage(const QImage &image)
{
    // A pasted image becomes a file, so that it can be sent and remembered.
    // Without a library: the session's private folder, never a shared fixed one.
    const QString folder = QDir(m_session->libraryFolder().isEmpty() ? m_session->temporaryFolder()
                                                                     : m_session->libraryFolder())
                               .filePath(u".pasted"_s);
    const QString path = QDir(folder).filePath(
        u"pasted-%1.png"_s.arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmsszzz"_s)));
    Status saved = SafeFiles::makePath(folder);
    if (!saved)
        saved = failure(tr("The folder %1 cannot be created: %2.").arg(folder, saved.error()));
    else
        saved = ContentFiles::writeNew(path, ContentFiles::png(image));
    if (!saved) {
        Q_EMIT statusMessage(tr("The pasted image could not be saved: %1").arg(saved.error()),
                             10000);
        return {};
    }
    return path;
}

void ComposePanel::takeImage(const QImage &image)
{
    const QString path = savePastedImage(image);
    if (path.isEmpty())
        return;
    if (m_references->count() == 0)
        openForEdit(path); // the first image of an edit: ready to paint its mask
    else
        addReferences({path});
}

void ComposePanel::addPastedImage(const QImage &image)
{
    // Into the tray it goes at the end, as every reference added there does.
    const QString path = savePastedImage(image);
    if (!path.isEmpty())
        addReferences({path});
}

bool ComposePanel::editImage(const QString &path, qint64 id)
{
    int others = 0;
    for (int i = 0; i < m_references->count(); ++i)
        others += m_references->pathAt(i) != path ? 1 : 0;
    if (others > 0) {
        QMessageBox ask(QMessageBox::Question, tr("Edit %1").arg(referenceName(path)),
                        tr("The references hold %n other image(s). Edit this image alone, or keep "
                           "them as references behind it?",
                           nullptr, others),
                        QMessageBox::Cancel, this);
        ask.setObjectName(u"replaceReferences"_s);
        QPushButton *replace = ask.addButton(tr("Replace"), QMessageBox::AcceptRole);
        replace->setObjectName(u"replace"_s);
        QPushButton *keep = ask.addButton(tr("Add to the references"), QMessageBox::AcceptRole);
        keep->setObjectName(u"addToReferences"_s);
        ask.setDefaultButton(replace);
        ask.exec();
        if (ask.clickedButton() == replace) {
            const QSignalBlocker quiet(m_references);
            m_references->clear();
        } else if (ask.clickedButton() != keep) {
            return false;
        }
    }
    return openForEdit(path, id);
}

QString ComposePanel::referenceName(const QString &path, const QString &known) const
{
    if (!known.trimmed().isEmpty())
        return known;
    const QFileInfo file(path);
    if (!ContentFiles::isContentName(file.fileName()))
        return file.fileName();
    // Kept under its content's hash, with no name known: when it was made says more.
    QDateTime made = file.lastModified();
    if (m_session->library().isOpen()) {
        if (const std::optional<LibraryImage> known = m_session->library().imageAt(path))
            made = known->savedAt;
    }
    return made.isValid() ? tr("Image from %1").arg(QLocale().toString(made, QLocale::ShortFormat))
                          : tr("Image");
}

QString ComposePanel::shownName(const QString &path) const
{
    for (int i = 0; i < m_references->count(); ++i) {
        if (m_references->pathAt(i) == path)
            return m_references->nameAt(i);
    }
    return referenceName(path);
}

void ComposePanel::referencesChanged()
{
    const QString first = m_references->pathAt(0);
    const bool firstChanged = first != m_firstReference;
    m_firstReference = first;
    QStringList notes;
    if (firstChanged)
        m_editParentId = libraryIdOf(first); // the lineage follows the image edited
    if (firstChanged && !first.isEmpty()) {
        if (const QString fitted = fitSizeToFirstImage(); !fitted.isEmpty())
            notes.append(fitted);
    }
    const bool marked = m_painter->hasImage() && (m_painter->hasMask() || m_painter->hasMarkup());
    if (firstChanged && !marked && m_painter->hasImage()) {
        // Nothing painted to keep: the painter follows the image to edit.
        if (first.isEmpty())
            m_painter->close();
        else if (const Status opened = m_painter->openImage(first); !opened)
            notes.append(opened.error());
    }
    showMaskState();
    if (firstChanged && marked && m_painter->imagePath() != first)
        notes.append(m_maskLabel->text());
    refresh();
    if (!notes.isEmpty())
        Q_EMIT statusMessage(notes.join(u' '), 10000);
}

} // namespace Atelier
