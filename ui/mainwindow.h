#pragma once

#include "canvas/canvaspanel.h"
#include "compose/composepanel.h"

#include <QJsonObject>
#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QMimeData;
class QPushButton;
class QSplitter;
class QTabWidget;

namespace Atelier {

class CanvasPanel;
class ComposePanel;
class GalleryPanel;
class ImagePreview;
class JobPanel;
class LibraryModel;
class MessageBar;
class NoticeArea;
class MaskPainter;
class ParameterPanel;
class PromptEditor;
class StudioSession;
struct ImageRequest;

// The studio's shell: what to make on the left (ComposePanel), the image as it arrives and the
// mask painter in the middle (CanvasPanel) over the gallery (GalleryPanel), the jobs on the
// right (JobPanel). The window owns the splitters, the menus, drag and drop, the notices and
// its state; the panels own their parts.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(StudioSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    ComposePanel *compose() const { return m_compose; }
    CanvasPanel *canvas() const { return m_canvas; }
    JobPanel *jobPanel() const { return m_jobs; }
    GalleryPanel *gallery() const { return m_gallery; }
    LibraryModel *libraryModel() const { return m_libraryModel; }
    // The panels' parts, for tests and the start-up code.
    PromptEditor *promptEditor() const { return m_compose->promptEditor(); }
    ParameterPanel *parameterPanel() const { return m_compose->parameterPanel(); }
    QPushButton *generateButton() const { return m_compose->generateButton(); }
    ImagePreview *preview() const { return m_canvas->preview(); }
    QListWidget *filmstrip() const { return m_canvas->filmstrip(); }
    MaskPainter *maskPainter() const { return m_canvas->maskPainter(); }
    QTabWidget *centerTabs() const { return m_canvas; }
    QLabel *problemsLabel() const { return m_compose->problemsLabel(); }
    QComboBox *presetBox() const { return m_compose->presetBox(); }
    // The prompts the next Generate sends: the preset applied, then the wildcards expanded.
    Result<QStringList> expandedPrompts() const { return m_compose->expandedPrompts(); }
    // The request the controls describe right now.
    ImageRequest currentRequest() const { return m_compose->request(); }

    // Where the key came from (shown in the settings).
    void setKeySource(const QString &source) { m_keySource = source; }
    // One line about the library (its index made anew, the fallback folder in use), shown above
    // the prompt until dismissed; never a dialog.
    void showLibraryNotice(const QString &text);

    // Opens images from files: one that carries a recipe restores it; others become references
    // for an edit.
    void openImages(const QStringList &paths) { m_compose->openImages(paths); }
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
    void generate() { m_compose->generate(); }

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void connectSession();
    void showStatus(const QString &text, int timeout);
    void takeMimeData(const QMimeData *mime);
    void showLineage(qint64 id);
    // A cell of the canvas grid asked for the full-window viewer; Esc brings the grid back.
    void actOnImage(CanvasPanel::Action action, const QString &path, qint64 id);
    void openSettings();
    void restoreSettings();
    void saveSettings() const;

    StudioSession *m_session;
    QString m_keySource;
    // The failure the problems line shows: its request's recipe (JSON) and the text shown.
    struct ShownFailure
    {
        QJsonObject recipe;
        QString text;
    };
    ShownFailure m_shownFailure;
    NoticeArea *m_notices = nullptr;
    ComposePanel *m_compose = nullptr;
    CanvasPanel *m_canvas = nullptr;
    JobPanel *m_jobs = nullptr;
    LibraryModel *m_libraryModel = nullptr;
    GalleryPanel *m_gallery = nullptr;
    QLabel *m_sessionCost = nullptr;
    QLabel *m_jobSummary = nullptr;
    MessageBar *m_messages = nullptr;
    QList<QAction *> m_panelActions; // View > Compose, Gallery, Jobs
    static constexpr int FirstGalleryWidth = 200;
    QSplitter *m_mainSplitter = nullptr;
    bool m_splittersChosen = false; // by the user, or restored: resizing keeps their sizes
    QSplitter *m_centerSplitter = nullptr;
};

} // namespace Atelier
