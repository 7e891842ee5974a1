#include "editsources.h"

#include "composepanel.h"
#include "referencetray.h"

#include "catalog/variationplan.h"
#include "library/contentfiles.h"
#include "library/exporter.h"
#include "library/librarystore.h"
#include "maskpainter/maskpainter.h"
#include "model/parameters.h"
#include "params/parameterpanel.h"
#include "platform/safefiles.h"
#include "prompt/prompteditor.h"
#include "studio/editfit.h"
#include "studio/editinputs.h"
#include "studio/studiosession.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

// Its texts are ComposePanel's (tr() in that context): they were written, and translated, there.

EditSources::EditSources(StudioSession *session, MaskPainter *painter, ComposePanel *panel,
                         QWidget *parent)
    : QObject(panel)
    , m_session(session)
    , m_painter(painter)
    , m_panel(panel)
    , m_inputs(new QWidget(parent))
{
    build();
    connect(m_painter->document()->undoStack(), &QUndoStack::indexChanged, this,
            &EditSources::showMaskState);
}

bool EditSources::keepOutsideMask() const
{
    return m_keepOutside->isChecked();
}

void EditSources::build()
{
    auto *inputLayout = new QVBoxLayout(m_inputs);
    inputLayout->setContentsMargins(0, 0, 0, 0);
    inputLayout->addWidget(new QLabel(
        ComposePanel::tr("Reference images (the mask applies to the first):"), m_inputs));
    m_references = new ReferenceTray(m_inputs);
    inputLayout->addWidget(m_references);
    auto *inputButtons = new QHBoxLayout;
    auto *add = new QPushButton(ComposePanel::tr("Add images…"), m_inputs);
    add->setObjectName(u"addReferences"_s);
    add->setToolTip(ComposePanel::tr("Choose image files to add to the references."));
    auto *remove = new QPushButton(ComposePanel::tr("Remove"), m_inputs);
    remove->setObjectName(u"removeReferences"_s);
    remove->setToolTip(ComposePanel::tr("Remove the selected references (Delete in the tray)."));
    auto *paint = new QPushButton(ComposePanel::tr("Paint mask"), m_inputs);
    paint->setToolTip(ComposePanel::tr("Paint where the first image may change, in the Mask tab."));
    auto *mask = new QPushButton(ComposePanel::tr("Mask file…"), m_inputs);
    mask->setToolTip(ComposePanel::tr(
        "Import a mask: a PNG whose transparent pixels mark where the first image may change, "
        "or a black-and-white image, black marking it."));
    inputButtons->addWidget(add);
    inputButtons->addWidget(remove);
    inputButtons->addWidget(paint);
    inputButtons->addWidget(mask);
    inputLayout->addLayout(inputButtons);
    m_maskLabel = new QLabel(ComposePanel::tr("No mask: the whole image may change."), m_inputs);
    m_maskLabel->setWordWrap(true);
    inputLayout->addWidget(m_maskLabel);
    m_keepOutside = new QCheckBox(ComposePanel::tr("Keep pixels outside the mask"), m_inputs);
    m_keepOutside->setObjectName(u"keepOutsideMask"_s);
    m_keepOutside->setChecked(true);
    m_keepOutside->setToolTip(ComposePanel::tr(
        "Put the original back wherever you did not paint, with a soft seam, and show how much "
        "the model changed there. The model's own output is kept in the library too."));
    inputLayout->addWidget(m_keepOutside);
    // Whether the shape of the result matters follows it (see refresh()).
    connect(m_keepOutside, &QCheckBox::toggled, m_panel, &ComposePanel::refresh);
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
    connect(add, &QPushButton::clicked, this, &EditSources::addReferenceImages);
    connect(remove, &QPushButton::clicked, m_references, &ReferenceTray::removeSelected);
    connect(m_references, &ReferenceTray::addRequested, this, &EditSources::addReferenceImages);
    connect(m_references, &ReferenceTray::filesOffered, this, &EditSources::addReferences);
    connect(m_references, &ReferenceTray::imageOffered, this, &EditSources::addPastedImage);
    connect(m_references, &ReferenceTray::referencesChanged, this, &EditSources::referencesChanged);
    connect(m_references, &ReferenceTray::statusMessage, this, &EditSources::statusMessage);
    connect(mask, &QPushButton::clicked, this, &EditSources::chooseMask);
}

bool EditSources::prepareInputs(QList<ImageRequest> &requests)
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
        const auto answer = QMessageBox::question(
            m_panel, ComposePanel::tr("Fix the input images?"),
            ComposePanel::tr("The model's rules need these changes before "
                             "sending:\n\n%1\n\nYour files stay as they are; fixed "
                             "copies are sent.")
                .arg(asks.join(u'\n')),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer != QMessageBox::Yes) {
            m_panel->showProblems(
                ComposePanel::tr("Not sent: the inputs do not meet the model's rules.\n%1")
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
        m_panel->showProblems(fixed.error());
        return false;
    }
    for (ImageRequest &request : requests) {
        request.images = fixed->request.images;
        request.mask = fixed->request.mask;
    }
    Q_EMIT statusMessage(fixed->done.join(u' '), 15000);
    return true;
}

bool EditSources::openForEdit(const QString &path, qint64 id)
{
    if (const Status opened = m_painter->openImage(path); !opened) {
        Q_EMIT statusMessage(opened.error(), 10000);
        m_panel->showProblems(opened.error());
        return false;
    }
    m_editParentId = id > 0 ? id : libraryIdOf(path);
    if (m_panel->parameterPanel()->endpoint() != Endpoint::Edits)
        m_panel->parameterPanel()->setEndpoint(Endpoint::Edits);
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
    m_panel->refresh();
    const QString paint
        = ComposePanel::tr("Paint where %1 may change, describe the change, then Ctrl+Return.")
              .arg(shownName(path));
    Q_EMIT statusMessage(fitted.isEmpty() ? paint : fitted + u' ' + paint, 10000);
    return true;
}

qint64 EditSources::libraryIdOf(const QString &path) const
{
    if (!m_session->library().isOpen())
        return 0;
    const std::optional<LibraryImage> known = m_session->library().imageAt(path);
    return known ? known->id : 0;
}

void EditSources::openForVariation(const QString &path, qint64 id)
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
        m_panel->parameterPanel()->setEndpoint(Endpoint::Edits);
        m_panel->parameterPanel()->setModel(edit.model);
        m_panel->promptEditor()->setPrompt(edit.prompt);
        Q_EMIT statusMessage(
            ComposePanel::tr(
                "OpenAI retired the variations endpoint: this variation is an edit with %1; change "
                "the prompt if you like, then Generate.")
                .arg(edit.model),
            10000);
    } else {
        m_panel->parameterPanel()->setEndpoint(Endpoint::Variations);
    }
    Q_EMIT imageFileRequested(path, ComposePanel::tr("Variations of this"));
    Q_EMIT previewRequested();
    m_panel->refresh();
}

void EditSources::showMaskState()
{
    if (!m_painter->hasImage()) {
        m_maskLabel->setText(ComposePanel::tr("No mask: the whole image may change."));
        return;
    }
    const double share = m_painter->document()->coveredFraction();
    const QString name = shownName(m_painter->imagePath());
    const QString first = m_references->pathAt(0);
    if (m_painter->imagePath() != first && (share > 0 || m_painter->hasMarkup())) {
        // What is painted belongs to the image it was painted on, which is not the one to edit.
        m_maskLabel->setText(
            first.isEmpty()
                ? ComposePanel::tr(
                      "The mask painted on %1 is not sent: %1 is no longer a reference.")
                      .arg(name)
                : ComposePanel::tr(
                      "The mask painted on %1 is not sent: the mask applies to the first image, "
                      "now %2. Move %1 back to the front to send it.")
                      .arg(name, shownName(first)));
        return;
    }
    m_maskLabel->setText(
        share > 0
            ? ComposePanel::tr("Painted mask on %1: %2% of it may change.")
                  .arg(name)
                  .arg(share * 100, 0, 'f', 1)
            : ComposePanel::tr("Nothing painted on %1 yet: the whole image may change.").arg(name));
}

void EditSources::addReferenceImages()
{
    addReferences(
        QFileDialog::getOpenFileNames(m_panel, ComposePanel::tr("Add reference images"), QString(),
                                      ComposePanel::tr("Images (*.png *.jpg *.jpeg *.webp)")));
}

void EditSources::addReferences(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    if (m_panel->parameterPanel()->endpoint() == Endpoint::Generations)
        m_panel->parameterPanel()->setEndpoint(Endpoint::Edits); // references mean an edit
    const bool first = m_references->count() == 0;
    {
        const QSignalBlocker quiet(m_references); // one change, said below
        for (const QString &file : paths)
            m_references->addReference(file, referenceName(file));
    }
    m_firstReference = m_references->pathAt(0);
    const QString fitted = first ? fitSizeToFirstImage() : QString();
    m_panel->refresh();
    if (!fitted.isEmpty())
        Q_EMIT statusMessage(fitted, 10000);
}

QString EditSources::fitSizeToFirstImage()
{
    const ImageRequest request = m_panel->request();
    const QString fitting = EditFit::fittingSize(m_session->catalog(), request);
    const QString current = request.option(Param::Size).toString();
    if (fitting.isEmpty() || current == fitting)
        return {};
    if (EditFit::parseSize(current).isValid() ? !EditFit::check(m_session->catalog(), request, true)
                                              : fitting == u"auto"_s)
        return {}; // it keeps the image's shape already
    m_panel->parameterPanel()->setSize(fitting);
    const QString set = m_panel->parameterPanel()->request().option(Param::Size).toString();
    if (set != fitting && !(set.isEmpty() && fitting == u"auto"_s)) // auto may be left unset
        return {}; // not a value the panel offers
    return ComposePanel::tr("Size follows the image to edit: %1.").arg(EditFit::describe(fitting));
}

void EditSources::chooseMask()
{
    if (m_references->count() == 0) {
        Q_EMIT statusMessage(
            ComposePanel::tr(
                "Add the image to edit first; the mask applies to the first reference."),
            8000);
        return;
    }
    const QString file = QFileDialog::getOpenFileName(
        m_panel, ComposePanel::tr("Import a mask"), QString(),
        ComposePanel::tr("Images (*.png *.jpg *.jpeg *.webp *.bmp)"));
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
    m_panel->refresh();
}

void EditSources::openImages(const QStringList &paths)
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
            m_panel->reuseRecipe(*recipe);
            Q_EMIT imageFileRequested(paths.first(), ComposePanel::tr("Opened"));
            return;
        }
    }
    addReferences(paths);
    if (!paths.isEmpty())
        Q_EMIT imageFileRequested(paths.first(), ComposePanel::tr("Reference"));
}

QString EditSources::savePastedImage(const QImage &image)
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
        saved = failure(
            ComposePanel::tr("The folder %1 cannot be created: %2.").arg(folder, saved.error()));
    else
        saved = ContentFiles::writeNew(path, ContentFiles::png(image));
    if (!saved) {
        Q_EMIT statusMessage(
            ComposePanel::tr("The pasted image could not be saved: %1").arg(saved.error()), 10000);
        return {};
    }
    return path;
}

void EditSources::takeImage(const QImage &image)
{
    const QString path = savePastedImage(image);
    if (path.isEmpty())
        return;
    if (m_references->count() == 0)
        openForEdit(path); // the first image of an edit: ready to paint its mask
    else
        addReferences({path});
}

void EditSources::addPastedImage(const QImage &image)
{
    // Into the tray it goes at the end, as every reference added there does.
    const QString path = savePastedImage(image);
    if (!path.isEmpty())
        addReferences({path});
}

bool EditSources::editImage(const QString &path, qint64 id)
{
    int others = 0;
    for (int i = 0; i < m_references->count(); ++i)
        others += m_references->pathAt(i) != path ? 1 : 0;
    if (others > 0) {
        QMessageBox ask(QMessageBox::Question, ComposePanel::tr("Edit %1").arg(referenceName(path)),
                        ComposePanel::tr(
                            "The references hold %n other image(s). Edit this image alone, or keep "
                            "them as references behind it?",
                            nullptr, others),
                        QMessageBox::Cancel, m_panel);
        ask.setObjectName(u"replaceReferences"_s);
        QPushButton *replace = ask.addButton(ComposePanel::tr("Replace"), QMessageBox::AcceptRole);
        replace->setObjectName(u"replace"_s);
        QPushButton *keep
            = ask.addButton(ComposePanel::tr("Add to the references"), QMessageBox::AcceptRole);
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

QString EditSources::referenceName(const QString &path, const QString &known) const
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
    return made.isValid()
        ? ComposePanel::tr("Image from %1").arg(QLocale().toString(made, QLocale::ShortFormat))
        : ComposePanel::tr("Image");
}

QString EditSources::shownName(const QString &path) const
{
    for (int i = 0; i < m_references->count(); ++i) {
        if (m_references->pathAt(i) == path)
            return m_references->nameAt(i);
    }
    return referenceName(path);
}

void EditSources::referencesChanged()
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
    m_panel->refresh();
    if (!notes.isEmpty())
        Q_EMIT statusMessage(notes.join(u' '), 10000);
}

QString EditSources::restore(const ImageRequest &recipe)
{
    {
        const QSignalBlocker quiet(m_references); // one change, said by the caller
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
    return fitSizeToFirstImage();
}

} // namespace Atelier
