#pragma once

#include "model/imageresult.h"
#include "studio/jobqueue.h"

#include <QTabWidget>

class QListWidget;
class QMenu;
class QStackedWidget;

namespace Atelier {

struct ApiError;
class ImageActionBar;
class ImagePreview;
class MaskPainter;
class ResultGrid;
class StudioSession;

// The middle of the studio: the image as it arrives with its partial images in the filmstrip
// below (the Preview tab), and the mask painter (the Mask tab). It follows the newest set of jobs
// (one Generate, see Job::set): one image shows large; several show side by side in a grid, each
// cell streaming its own partials, the focused cell's in the filmstrip and its image the one the
// actions act on. Selecting a job in the job strip shows its set (showJob()).
class CanvasPanel final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CanvasPanel)

public:
    // What can be done with the image shown, from its hover bar or its context menu.
    enum class Action { Edit, Vary, Refine, UseAsReference, Favourite, Copy, Export, Delete };
    Q_ENUM(Action)

    explicit CanvasPanel(StudioSession *session, QWidget *parent = nullptr);
    ~CanvasPanel() override;

    ImagePreview *preview() const { return m_preview; }
    ResultGrid *grid() const { return m_grid; }
    // Whether the grid shows (a set of several images), not the single preview.
    bool showsGrid() const;
    // The image the actions act on: the focused cell's in the grid, else the preview's.
    QImage shownImage() const;
    // The set whose images are shown (none: waiting for the next one).
    JobId shownSet() const { return m_set; }
    QListWidget *filmstrip() const { return m_filmstrip; }
    MaskPainter *maskPainter() const { return m_painter; }

    // Shows a file: a GIF plays and an SVG is drawn from its vectors; other images are read and
    // fitted off the GUI thread (only the last of several asked for quickly is shown). `id`:
    // its library entry when the caller knows it (the gallery does); -1 looks it up by path.
    void showImageFile(const QString &path, const QString &caption, qint64 id = -1);
    // The edit `id` with red where the model changed pixels outside the mask.
    void showHeatMap(qint64 id);
    void showPreview();
    void showPainter();
    // An image as it streams in from outside the job queue (a refine turn): not a library one.
    void showStreamedImage(const QImage &image, const QString &caption);
    // The library image shown (empty and 0 while none is: a partial image, a file from
    // elsewhere).
    QString shownPath() const { return m_shownPath; }
    qint64 shownId() const { return m_shownId; }
    // The actions for the image shown, as the context menu offers them.
    void fillActions(QMenu *menu);

public Q_SLOTS:
    // The next job's images are shown; until the first arrives, the preview says it waits.
    void followNewJob();
    // Shows the set job `id` belongs to, the job's first cell focused (its finals read from the
    // library when the set is not the one shown).
    void showJob(Atelier::JobId id);
    // The full-window viewer opened from a cell closed on library image `id`: the grid shows
    // again and takes the keyboard, with that image's cell focused when it is one of the set's
    // (false: there is no grid to go back to).
    bool returnFromViewer(qint64 id);

Q_SIGNALS:
    void statusMessage(const QString &text, int timeout);
    // The user asked for `action` on the library image at `path` (`id` 0: not in the library).
    void actionRequested(Atelier::CanvasPanel::Action action, const QString &path, qint64 id);
    // A cell was double-clicked (or Enter pressed on it): the library image to open full-window.
    void viewerRequested(const QString &path, qint64 id);

private:
    void jobAdded(JobId id);
    // Makes the cells of `set` anew; `fromLibrary`: with the finals its jobs saved.
    void startSet(JobId set, bool fromLibrary);
    // The first cell of job `id` in the set shown, -1 when the job is not of it.
    int firstCell(JobId id) const;
    // Where each cell of job `id` stands, from the queue.
    void describeCells(JobId id);
    void failCells(JobId id, const ApiError &error);
    // The focused cell's frames in the filmstrip; its final is what the actions act on.
    void showFocused();
    void activateCell(int index);
    // Which page shows (the grid or the single preview); the action bar goes with it.
    void showPage(QWidget *page);
    void updateFilmstrip();
    void showImage(JobId id, const ImageResult &image);
    void showComposite(JobId job, qint64 id, double changed, const QImage &heatMap);
    // An edit's result shows its input as the original (before / after); others none.
    void findOriginal(const ImageRequest &request);
    // An animated GIF's frames as filmstrip items after the image itself.
    void addAnimationFrames(const QByteArray &gif);
    // The image now shown is the library's file at `path` (empty: none is), entry `id` (-1:
    // looked up by path).
    void setShown(const QString &path, qint64 id = -1);

    StudioSession *m_session;
    ImagePreview *m_preview = nullptr;
    ResultGrid *m_grid = nullptr;
    QStackedWidget *m_pages = nullptr;
    QListWidget *m_filmstrip = nullptr;
    MaskPainter *m_painter = nullptr;
    ImageActionBar *m_actionBar = nullptr; // over the page shown while the mouse is in it
    QString m_shownPath;
    qint64 m_shownId = 0;
    JobId m_set; // the set whose images are shown (none: the next one)
    bool m_setHasImages = false;
    bool m_keepFilmstrip = false; // shown once in the grid: kept for the set
    QList<int> m_composited; // cells whose edit was composited
    quint64 m_setLoads = 0; // startSet(): finals read for an older set
};

} // namespace Atelier
