#pragma once

#include "model/apierror.h"
#include "model/imageresult.h"

#include <QJsonObject>
#include <QMainWindow>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QMimeData;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;

namespace Atelier {

class GalleryPanel;
class ImagePreview;
class LibraryModel;
class MaskPainter;
class ParameterPanel;
class PromptEditor;
class StudioSession;
struct ImageRequest;

// The studio: prompt and parameters on the left, the image as it streams in the middle with its
// partials below, the jobs on the right and this session's images along the bottom.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(StudioSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    PromptEditor *promptEditor() const { return m_prompt; }
    ParameterPanel *parameterPanel() const { return m_parameters; }
    QPushButton *generateButton() const { return m_generate; }
    ImagePreview *preview() const { return m_preview; }
    QListWidget *filmstrip() const { return m_filmstrip; }
    MaskPainter *maskPainter() const { return m_painter; }
    QTabWidget *centerTabs() const { return m_centerTabs; }
    GalleryPanel *gallery() const { return m_gallery; }
    LibraryModel *libraryModel() const { return m_libraryModel; }
    QLabel *problemsLabel() const { return m_problems; }
    QComboBox *presetBox() const { return m_presets; }
    // The prompts the next Generate sends: the preset applied, then the wildcards expanded.
    QStringList expandedPrompts(QString *error) const;
    // Where the key came from (shown in the settings).
    void setKeySource(const QString &source) { m_keySource = source; }
    // One line about the library (its index made anew, the fallback folder in use), shown above
    // the prompt until dismissed; never a dialog.
    void showLibraryNotice(const QString &text);

    // The request the controls describe right now.
    ImageRequest currentRequest() const;

    // Opens images from files: one that carries a recipe restores it; others become references
    // for an edit.
    void openImages(const QStringList &paths);
    // Opens an image in the mask painter as the first reference of an edit (`id`: its library
    // entry, for lineage; 0 looks it up by path). False, saying why, when it cannot be read.
    bool openForEdit(const QString &path, qint64 id = 0);
    // "Open with Atelier" and `atelier FILE...`: the first image opens in the mask painter, the
    // others join it as references. False, saying why, when the first cannot be read.
    bool openForEditing(const QStringList &paths);
    // Makes it the input of a variation.
    void openForVariation(const QString &path, qint64 id = 0);
    // Takes an image (or image files) from the clipboard as references.
    void pasteImage();

public Q_SLOTS:
    void generate();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void refresh();
    void addReferenceImages();
    void addReferences(const QStringList &paths);
    void takeMimeData(const QMimeData *mime);
    void chooseMask();
    void showImage(int row, const ImageResult &image);
    // Restores a recipe into the controls: its texts cut to the model's limits, and input files
    // from outside the library's inputs folder only if the user agrees (recipes are data).
    void reuseRecipe(const ImageRequest &recipe);
    // Lists input files from outside the library's inputs folder and asks whether to use them
    // (true: yes). Asks nothing, and says yes, when `files` is empty.
    bool agreeToOutsideFiles(const QStringList &files);
    // Applies fixes to the inputs (asking first where they lose anything); false if the user
    // declined or a file could not be written.
    bool prepareInputs(QList<ImageRequest> &requests);
    void showLineage(qint64 id);
    void showHeatMap(qint64 id);
    void showImageFile(const QString &path, const QString &caption);
    // An animated GIF's frames as filmstrip items after the image itself.
    void addAnimationFrames(const QByteArray &gif);
    // Retry of a job row; a recipe whose model OpenAI shut down is offered its replacement.
    void retryRow(int row);
    void showMaskState();
    // The library id of the image stored at `path`, or 0.
    qint64 libraryIdOf(const QString &path) const;
    void offerInterruptedJobs();
    void openSettings();
    void welcome();
    void restoreSettings();
    void saveSettings() const;

    StudioSession *m_session;
    void savePreset();
    void loadPresets();

    PromptEditor *m_prompt = nullptr;
    QComboBox *m_presets = nullptr;
    QString m_keySource;
    // The failure the problems box shows: its request's recipe (JSON) and the text shown.
    struct ShownFailure
    {
        QJsonObject recipe;
        QString text;
    };
    ShownFailure m_shownFailure;
    QLabel *m_count = nullptr;
    QLabel *m_keyBanner = nullptr;
    QWidget *m_libraryNotice = nullptr;
    QLabel *m_libraryNoticeText = nullptr;
    ParameterPanel *m_parameters = nullptr;
    QWidget *m_inputs = nullptr;
    QListWidget *m_references = nullptr;
    QLabel *m_maskLabel = nullptr;
    QCheckBox *m_keepOutside = nullptr;
    qint64 m_editParentId = 0;
    QTabWidget *m_centerTabs = nullptr;
    MaskPainter *m_painter = nullptr;
    QLabel *m_estimate = nullptr;
    QLabel *m_problems = nullptr;
    QPushButton *m_generate = nullptr;
    ImagePreview *m_preview = nullptr;
    QListWidget *m_filmstrip = nullptr;
    LibraryModel *m_libraryModel = nullptr;
    GalleryPanel *m_gallery = nullptr;
    QTableView *m_jobView = nullptr;
    QLabel *m_sessionCost = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_centerSplitter = nullptr;
    int m_followedRow = -1; // the job whose images the preview follows
    quint64 m_previewLoads = 0; // image files opened into the preview: only the last is shown
};

} // namespace Atelier
