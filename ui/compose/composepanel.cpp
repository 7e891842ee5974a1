#include "composepanel.h"

#include "batch/batchmonitor.h"
#include "batches/batchoffer.h"
#include "consent.h"
#include "editsources.h"
#include "referencetray.h"

#include "maskpainter/maskpainter.h"
#include "model/imagerequest.h"
#include "model/parameters.h"
#include "params/parameterpanel.h"
#include "prompt/prompteditor.h"
#include "studio/editfit.h"
#include "studio/generationplan.h"
#include "studio/prompttemplate.h"
#include "studio/recipeguard.h"
#include "studio/studiosettings.h"
#include "theme/icons.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QToolButton>
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
    m_sources = new EditSources(m_session, m_painter, this, settings);
    connect(m_sources, &EditSources::statusMessage, this, &ComposePanel::statusMessage);
    connect(m_sources, &EditSources::painterRequested, this, &ComposePanel::painterRequested);
    connect(m_sources, &EditSources::imageFileRequested, this, &ComposePanel::imageFileRequested);
    connect(m_sources, &EditSources::previewRequested, this, &ComposePanel::previewRequested);
    settingsLayout->addWidget(m_sources->widget());
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
    loadPresets();
}

int ComposePanel::referenceCount() const
{
    return m_sources->tray()->count();
}

ReferenceTray *ComposePanel::referenceTray() const
{
    return m_sources->tray();
}

bool ComposePanel::openForEdit(const QString &path, qint64 id)
{
    return m_sources->openForEdit(path, id);
}

bool ComposePanel::editImage(const QString &path, qint64 id)
{
    return m_sources->editImage(path, id);
}

void ComposePanel::openImages(const QStringList &paths)
{
    m_sources->openImages(paths);
}

void ComposePanel::takeImage(const QImage &image)
{
    m_sources->takeImage(image);
}

void ComposePanel::openForVariation(const QString &path, qint64 id)
{
    m_sources->openForVariation(path, id);
}

void ComposePanel::addReferences(const QStringList &paths)
{
    m_sources->addReferences(paths);
}

void ComposePanel::addReferenceImages()
{
    m_sources->addReferenceImages();
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
        const ReferenceTray *references = m_sources->tray();
        for (int i = 0; i < references->count(); ++i) {
            const QString path = references->pathAt(i);
            request.images.append(path);
            // The name shown goes with the recipe, so that a kept input is not a hash to it.
            if (references->nameAt(i) != QFileInfo(path).fileName())
                request.inputNames.insert(QFileInfo(path).fileName(), references->nameAt(i));
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
    return {m_sources->editParentId(), m_sources->keepOutsideMask()};
}

void ComposePanel::refresh()
{
    const ImageRequest request = this->request();
    const Endpoint endpoint = request.endpoint;
    m_sources->widget()->setVisible(endpoint != Endpoint::Generations);
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
    options.keepOutsideMask = m_sources->keepOutsideMask();
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
    options.keepOutsideMask = m_sources->keepOutsideMask();
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
        if (!m_sources->prepareInputs(requests))
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
    QStringList notes;
    if (const QString fitted = m_sources->restore(recipe); !fitted.isEmpty())
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

} // namespace Atelier
