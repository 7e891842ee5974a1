#pragma once

#include "model/imageresult.h"
#include "studio/jobqueue.h"

#include <QTabWidget>

class QListWidget;

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
    explicit CanvasPanel(StudioSession *session, QWidget *parent = nullptr);

    ImagePreview *preview() const { return m_preview; }
    QListWidget *filmstrip() const { return m_filmstrip; }
    MaskPainter *maskPainter() const { return m_painter; }

    // Shows a file: a GIF plays and an SVG is drawn from its vectors; other images are read and
    // fitted off the GUI thread (only the last of several asked for quickly is shown).
    void showImageFile(const QString &path, const QString &caption);
    // The edit `id` with red where the model changed pixels outside the mask.
    void showHeatMap(qint64 id);
    void showPreview();
    void showPainter();

public Q_SLOTS:
    // The next job's images are shown; until the first arrives, the preview says it waits.
    void followNewJob();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeout);

private:
    void showImage(JobId id, const ImageResult &image);
    void showComposite(qint64 id, double changed, const QImage &heatMap);
    // An animated GIF's frames as filmstrip items after the image itself.
    void addAnimationFrames(const QByteArray &gif);

    StudioSession *m_session;
    ImagePreview *m_preview = nullptr;
    QListWidget *m_filmstrip = nullptr;
    MaskPainter *m_painter = nullptr;
    JobId m_followed; // the job whose images the preview follows (none: the next one)
    quint64 m_previewLoads = 0; // image files opened into the preview: only the last is shown
};

} // namespace Atelier
