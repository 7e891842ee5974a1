#pragma once

#include "studio/studiosession.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace Atelier {

class EditSources;
class MaskPainter;
class ParameterPanel;
class PromptEditor;
class ReferenceTray;
struct ImageRequest;

// What to make: the preset and the prompt, the parameters, the reference images and the mask,
// the estimate and Generate. generate() turns what the controls say into a GenerationPlan and
// sends it through the session, asking first where the user must agree (many requests, input
// fixes); what it cannot send it says in the problems line.
class ComposePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComposePanel)

public:
    // `painter`: the mask painter of the canvas, whose mask and marks an edit sends.
    ComposePanel(StudioSession *session, MaskPainter *painter, QWidget *parent = nullptr);

    PromptEditor *promptEditor() const { return m_prompt; }
    ParameterPanel *parameterPanel() const { return m_parameters; }
    QPushButton *generateButton() const { return m_generate; }
    QLabel *problemsLabel() const { return m_problems; }
    QComboBox *presetBox() const { return m_presets; }
    ReferenceTray *referenceTray() const;

    // The request the controls describe right now.
    ImageRequest request() const;
    // The request as Generate sends it: with the painted mask or marks of the first image saved
    // as files in the inputs folder. std::nullopt, saying why in `error`, when they cannot be.
    Result<ImageRequest> requestToSend() const;
    // What an edit's results are kept with: the image edited, whether the outside is put back.
    EditContext editContext() const;
    // The prompts the next Generate sends: the preset applied, then the wildcards expanded.
    Result<QStringList> expandedPrompts() const;

    // Restores a recipe into the controls: its texts cut to the model's limits, and input files
    // from outside the library's inputs folder only if the user agrees (recipes are data).
    void reuseRecipe(const ImageRequest &recipe);
    // Opens an image in the mask painter as the first reference of an edit (`id`: its library
    // entry, for lineage; 0 looks it up by path). False, saying why, when it cannot be read.
    bool openForEdit(const QString &path, qint64 id = 0);
    // "Edit this" on an image: a fresh edit of that one image. When the tray holds other
    // images, asks first whether to replace them or keep them behind it; false when the user
    // cancels or the image cannot be read.
    bool editImage(const QString &path, qint64 id = 0);
    // Opens images from files: one that carries a recipe restores it; others become references
    // for an edit.
    void openImages(const QStringList &paths);
    // A pasted or dropped image becomes a file (in the library's .pasted folder, or the
    // session's private one), then the image to edit, or a reference when there is one.
    void takeImage(const QImage &image);
    // Makes it the input of a variation.
    void openForVariation(const QString &path, qint64 id = 0);
    // References mean an edit: the endpoint switches to Edits when it was Generations.
    void addReferences(const QStringList &paths);
    void addReferenceImages();
    int referenceCount() const;
    // Shows `text` in the red problems line (empty hides it).
    void showProblems(const QString &text);
    void showViolations(const QList<Violation> &violations);
    void setServedByOpenAI(bool served);
    void refreshModels();
    void loadPresets();

public Q_SLOTS:
    void generate();
    // Checks what the controls say and shows the estimate, the problems and Generate's state.
    void refresh();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeout);
    // The mask painter should be shown (an image opened for editing, Paint mask).
    void painterRequested();
    // The preview should show this file (a variation's input).
    void imageFileRequested(const QString &path, const QString &caption);
    // The preview tab should be in front (a variation's input is shown there).
    void previewRequested();
    // A plan was sent: the canvas follows its first job.
    void submitted(const Atelier::ImageRequest &request);

private:
    void savePreset();

    StudioSession *m_session;
    MaskPainter *m_painter;
    QComboBox *m_presets = nullptr;
    PromptEditor *m_prompt = nullptr;
    QLabel *m_count = nullptr;
    ParameterPanel *m_parameters = nullptr;
    EditSources *m_sources = nullptr; // references, mask state, the inputs' fixes
    QLabel *m_estimate = nullptr;
    QLabel *m_problems = nullptr;
    QCheckBox *m_batchChoice = nullptr; // "Send as a batch", where a run has several sends
    QPushButton *m_generate = nullptr;
};

} // namespace Atelier
