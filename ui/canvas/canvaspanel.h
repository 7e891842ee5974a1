#pragma once

#include "model/imageresult.h"
#include "studio/jobqueue.h"

#include <QTabWidget>

class QListWidget;
class QMenu;

namespace Atelier {

class ImagePreview;
class MaskPainter;
class StudioSession;

// The middle of the studio: the image as it arrives with its partial images in the filmstrip
// below (the Preview tab), and the mask painter (the Mask tab). It follows the newest job: the
// first job sent after followNewJob() is the one whose images it shows.
class CanvasPanel final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CanvasPanel)

public:
    // What can be done with the image shown, from its hover bar or its context menu.
    enum class Action { Edit, Vary, UseAsReference, Favourite, Copy, Export, Delete };
    Q_ENUM(Action)

    explicit CanvasPanel(StudioSession *session, QWidget *parent = nullptr);
    ~CanvasPanel() override;

    ImagePreview *preview() const { return m_preview; }
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
    // The library image shown (empty and 0 while none is: a partial image, a file from
    // elsewhere).
    QString shownPath() const { return m_shownPath; }
    qint64 shownId() const { return m_shownId; }
    // The actions for the image shown, as the context menu offers them.
    void fillActions(QMenu *menu);

public Q_SLOTS:
    // The next job's images are shown; until the first arrives, the preview says it waits.
    void followNewJob();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeout);
    // The user asked for `action` on the library image at `path` (`id` 0: not in the library).
    void actionRequested(Atelier::CanvasPanel::Action action, const QString &path, qint64 id);

private:
    void showImage(JobId id, const ImageResult &image);
    void showComposite(qint64 id, double changed, const QImage &heatMap);
    // An animated GIF's frames as filmstrip items after the image itself.
    void addAnimationFrames(const QByteArray &gif);
    void buildActionBar();
    // The image now shown is the library's file at `path` (empty: none is), entry `id` (-1:
    // looked up by path).
    void setShown(const QString &path, qint64 id = -1);
    bool eventFilter(QObject *watched, QEvent *event) override;

    StudioSession *m_session;
    ImagePreview *m_preview = nullptr;
    QListWidget *m_filmstrip = nullptr;
    MaskPainter *m_painter = nullptr;
    QWidget *m_actionBar = nullptr; // over the preview's top-right corner while the mouse is in
    QString m_shownPath;
    qint64 m_shownId = 0;
    JobId m_followed; // the job whose images the preview follows (none: the next one)
};

} // namespace Atelier
