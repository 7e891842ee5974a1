#include "canvaspanel.h"
#include "imageactionbar.h"
#include "resultgrid.h"

#include "imaging/imagefile.h"
#include "library/librarystore.h"
#include "mask/maskcompositor.h"
#include "maskpainter/maskpainter.h"
#include "model/apierror.h"
#include "model/parameters.h"
#include "preview/imagepreview.h"
#include "studio/studiosession.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPointer>
#include <QStackedWidget>
#include <QThreadPool>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

QIcon thumbnail(const QImage &image, int size)
{
    return QIcon(QPixmap::fromImage(
        image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

// The image with the compositor's heat map painted over it.
QImage withHeatMap(const QImage &image, const QImage &heatMap)
{
    QImage overlay = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&overlay);
    painter.drawImage(overlay.rect(), heatMap);
    return overlay;
}

// Why a job made no image, in a word for its cell.
QString failureWord(const ApiError &error)
{
    switch (error.kind) {
    case ApiError::Kind::Cancelled:
        return CanvasPanel::tr("Cancelled");
    case ApiError::Kind::Timeout:
        return CanvasPanel::tr("Timed out");
    case ApiError::Kind::Network:
        return CanvasPanel::tr("Offline");
    case ApiError::Kind::NoApiKey:
        return CanvasPanel::tr("No key");
    default:
        break;
    }
    if (error.code.contains(u"moderation"_s) || error.code.contains(u"safety"_s))
        return CanvasPanel::tr("Refused");
    if (error.httpStatus == 429)
        return CanvasPanel::tr("Rate-limited");
    return CanvasPanel::tr("Failed");
}

// Width over height of what a request asks for ("1536x1024"); 1 when it does not say.
double requestedAspect(const ImageRequest &request)
{
    const QStringList sides = request.option(Param::Size).toString().split(u'x');
    const double width = sides.value(0).toDouble();
    const double height = sides.size() == 2 ? sides.at(1).toDouble() : 0.0;
    return width > 0 && height > 0 ? width / height : 1.0;
}

} // namespace

// The filmstrip's model resets while ~QListWidget runs, after this object is no longer a
// CanvasPanel: the visibility lambda must not hear it.
CanvasPanel::~CanvasPanel()
{
    disconnect(m_filmstrip->model(), nullptr, this, nullptr);
}

CanvasPanel::CanvasPanel(StudioSession *session, QWidget *parent)
    : QTabWidget(parent)
    , m_session(session)
{
    setObjectName(u"canvas"_s);
    setDocumentMode(true);
    m_preview = new ImagePreview;
    m_grid = new ResultGrid;
    m_pages = new QStackedWidget;
    m_pages->setObjectName(u"canvasPages"_s);
    m_pages->addWidget(m_preview);
    m_pages->addWidget(m_grid);
    m_filmstrip = new QListWidget;
    m_filmstrip->setObjectName(u"filmstrip"_s);
    m_filmstrip->setViewMode(QListView::IconMode);
    m_filmstrip->setFlow(QListView::LeftToRight);
    m_filmstrip->setWrapping(false);
    m_filmstrip->setIconSize(QSize(72, 72));
    m_filmstrip->setFixedHeight(96);
    m_filmstrip->setToolTip(tr("Every partial image of the current job; click one to look at it."));
    auto *viewer = new QWidget;
    auto *viewerLayout = new QVBoxLayout(viewer);
    viewerLayout->setContentsMargins(0, 0, 0, 0);
    viewerLayout->addWidget(m_pages, 1);
    viewerLayout->addWidget(m_filmstrip);
    // One image needs no filmstrip: it shows when a job has partials or frames to pick from.
    m_filmstrip->setVisible(false);
    const auto showFilmstrip = [this] {
        updateFilmstrip();
    };
    connect(m_filmstrip->model(), &QAbstractItemModel::rowsInserted, this, showFilmstrip);
    connect(m_filmstrip->model(), &QAbstractItemModel::rowsRemoved, this, showFilmstrip);
    connect(m_filmstrip->model(), &QAbstractItemModel::modelReset, this, showFilmstrip);
    m_painter = new MaskPainter;
    // Its toolbars fold what does not fit behind »: they must not hold the window wider than a
    // 1280-pixel screen (a minimum set here wins over the toolbars' own).
    m_painter->setMinimumWidth(320);
    addTab(viewer, tr("Preview"));
    addTab(m_painter, tr("Mask"));
    setTabToolTip(1, tr("Paint where the image to edit may change."));

    m_actionBar = new ImageActionBar(m_preview, m_grid, m_pages);
    connect(m_actionBar, &ImageActionBar::triggered, this,
            [this](Action action) { Q_EMIT actionRequested(action, m_shownPath, m_shownId); });
    m_preview->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_preview, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu(this);
        fillActions(&menu);
        if (!menu.isEmpty())
            menu.exec(m_preview->mapToGlobal(at));
    });
    connect(m_preview, &ImagePreview::fileFailed, this,
            [this](const QString &path, const QString &error) {
                Q_EMIT statusMessage(tr("%1 could not be read (%2); is the file still there?")
                                         .arg(QDir::toNativeSeparators(path), error),
                                     10000);
            });
    connect(m_painter, &MaskPainter::statusMessage, this,
            [this](const QString &text) { Q_EMIT statusMessage(text, 10000); });
    connect(m_filmstrip, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        if (showsGrid()) {
            if (ResultCell *cell = m_grid->focusedCell())
                cell->showFrame(m_filmstrip->row(item));
            return;
        }
        m_preview->setImage(item->data(Qt::UserRole).value<QImage>(), item->text(),
                            item->data(Qt::UserRole + 1).value<QImage>());
    });
    m_grid->setContextMenuPolicy(Qt::NoContextMenu); // the cells ask for theirs
    connect(m_grid, &ResultGrid::focusChanged, this, &CanvasPanel::showFocused);
    connect(m_grid, &ResultGrid::activated, this, &CanvasPanel::activateCell);
    connect(m_grid, &ResultGrid::arranged, m_actionBar, &ImageActionBar::place);
    connect(m_grid, &ResultGrid::contextMenuAsked, this, [this](int, const QPoint &at) {
        QMenu menu(this);
        fillActions(&menu);
        if (!menu.isEmpty())
            menu.exec(at);
    });
    JobQueue *queue = m_session->queue();
    connect(queue, &JobQueue::jobAdded, this, &CanvasPanel::jobAdded);
    connect(queue, &JobQueue::jobChanged, this, &CanvasPanel::describeCells);
    connect(m_session, &StudioSession::jobFailed, this, &CanvasPanel::failCells);
    // Received images get their preview made at the view's size on the decode threads.
    connect(m_preview, &ImagePreview::viewSizeChanged, m_session, &StudioSession::setPreviewSize);
    connect(m_session, &StudioSession::partialImage, this, &CanvasPanel::showImage);
    connect(m_session, &StudioSession::imageReady, this, &CanvasPanel::showImage);
    connect(m_session, &StudioSession::compositeSaved, this,
            [this](JobId job, qint64 id, qint64, double changed, const QImage &heatMap) {
                showComposite(job, id, changed, heatMap);
            });
}

void CanvasPanel::setShown(const QString &path, qint64 id)
{
    m_shownPath = path;
    if (id < 0) {
        const std::optional<LibraryImage> known = path.isEmpty() || !m_session->library().isOpen()
            ? std::nullopt
            : m_session->library().imageAt(path);
        id = known ? known->id : 0;
    }
    m_shownId = id;
    m_actionBar->setHasImage(!path.isEmpty());
}

void CanvasPanel::fillActions(QMenu *menu)
{
    m_actionBar->fillMenu(menu);
}

void CanvasPanel::updateFilmstrip()
{
    // In the grid it stays once shown, so that the cells do not jump as the focus moves.
    const bool wanted = m_filmstrip->count() > 1 || (m_keepFilmstrip && showsGrid());
    if (wanted && showsGrid())
        m_keepFilmstrip = true;
    m_filmstrip->setVisible(wanted);
}

bool CanvasPanel::showsGrid() const
{
    return m_pages->currentWidget() == m_grid;
}

QImage CanvasPanel::shownImage() const
{
    if (showsGrid()) {
        const ResultCell *cell = m_grid->focusedCell();
        return cell ? cell->image() : QImage();
    }
    return m_preview->image();
}

void CanvasPanel::showPage(QWidget *page)
{
    m_actionBar->moveTo(page);
    if (m_pages->currentWidget() != page) {
        const bool hadFocus = m_pages->currentWidget()->hasFocus();
        m_pages->setCurrentWidget(page);
        if (hadFocus)
            page->setFocus();
    }
    updateFilmstrip();
    m_actionBar->describe();
}

int CanvasPanel::firstCell(JobId id) const
{
    if (!m_set.isValid())
        return -1;
    const JobQueue *queue = m_session->queue();
    const Job *job = queue->job(id);
    if (!job || job->set != m_set)
        return -1;
    int cell = 0;
    for (const JobId member : queue->setOf(m_set)) {
        if (member == id)
            return cell;
        cell += queue->job(member)->imageCount();
    }
    return -1;
}

void CanvasPanel::jobAdded(JobId id)
{
    const Job *job = m_session->queue()->job(id);
    if (!job)
        return;
    if (job->set == id) {
        // A new Generate: the canvas follows the newest set.
        startSet(id, false);
        return;
    }
    if (job->set != m_set)
        return;
    m_grid->grow(job->imageCount());
    describeCells(id);
    if (m_grid->count() > 1 && !m_setHasImages)
        showPage(m_grid);
}

void CanvasPanel::startSet(JobId set, bool fromLibrary)
{
    const JobQueue *queue = m_session->queue();
    const QList<JobId> jobs = queue->setOf(set);
    if (jobs.isEmpty())
        return;
    m_set = set;
    m_setHasImages = false;
    m_keepFilmstrip = false;
    m_composited.clear();
    ++m_setLoads;
    int count = 0;
    for (const JobId id : jobs)
        count += queue->job(id)->imageCount();
    m_grid->setAspect(requestedAspect(queue->job(set)->request));
    m_grid->reset(count);
    m_filmstrip->clear();
    for (const JobId id : jobs) {
        describeCells(id);
        const Job *job = queue->job(id);
        if (job->error.isError())
            failCells(id, job->error);
    }
    setShown(QString());
    if (!fromLibrary) {
        m_preview->clear(tr("Waiting for the first image…"));
        showPage(count > 1 ? static_cast<QWidget *>(m_grid) : m_preview);
        return;
    }
    // An older set: its finals are in the library (its partials were not kept).
    showPage(count > 1 ? static_cast<QWidget *>(m_grid) : m_preview);
    if (count == 1) {
        const Job *job = queue->job(set);
        if (job->savedPaths.isEmpty())
            m_preview->clear(job->error.isError() ? job->error.toString()
                                                  : tr("Waiting for the first image…"));
        else
            showImageFile(job->savedPaths.first(), job->request.prompt);
        return;
    }
    const QSize box = m_grid->size();
    for (const JobId id : jobs) {
        const Job *job = queue->job(id);
        const int first = firstCell(id);
        for (int i = 0; i < job->savedPaths.size() && i < job->imageCount(); ++i) {
            QThreadPool::globalInstance()->start([canvas = QPointer<CanvasPanel>(this),
                                                  load = m_setLoads, cell = first + i,
                                                  path = job->savedPaths.at(i), box] {
                const QImage image = ImageFile::read(path).valueOr(QImage());
                const QImage preview = image.isNull() ? QImage() : ImageFile::fitted(image, box);
                QMetaObject::invokeMethod(
                    qApp,
                    [canvas, load, cell, path, image, preview] {
                        if (!canvas || load != canvas->m_setLoads || image.isNull())
                            return;
                        ResultCell *target = canvas->m_grid->cell(cell);
                        if (!target)
                            return;
                        target->addFrame({image, preview, QImage(), tr("Final"), false, path});
                        canvas->m_setHasImages = true;
                        if (target == canvas->m_grid->focusedCell())
                            canvas->showFocused();
                    },
                    Qt::QueuedConnection);
            });
        }
    }
}

void CanvasPanel::describeCells(JobId id)
{
    const int first = firstCell(id);
    if (first < 0)
        return;
    const Job *job = m_session->queue()->job(id);
    const int asked = int(job->request.option(Param::PartialImages).toInteger(0));
    const bool streamed = job->request.option(Param::Stream).toBool(false);
    for (int i = 0; i < job->imageCount(); ++i) {
        ResultCell *cell = m_grid->cell(first + i);
        if (!cell || cell->isFailed())
            continue;
        if (job->state == ImageJob::State::Cancelled) {
            cell->setFailed(tr("Cancelled"), tr("This job was cancelled."));
            continue;
        }
        QString status;
        double progress = -1.0;
        if (job->queued)
            status = tr("Queued");
        else if (job->state == ImageJob::State::Sending)
            status = tr("Sending…");
        else if (job->state == ImageJob::State::WaitingToRetry)
            status = tr("Waiting to retry");
        else if (job->state == ImageJob::State::Receiving)
            status = job->receivedBytes > 0
                ? tr("Receiving · %1 KB").arg(std::max<qint64>(1, job->receivedBytes / 1024))
                : tr("Receiving…");
        if (!job->isDone() && streamed)
            progress = std::min(1.0, double(cell->frames().size()) / double(asked + 1));
        // Once the final is in, the cell says only what it shows.
        if (!cell->savedPath().isEmpty() || job->isDone())
            status.clear(), progress = -1.0;
        cell->setStatus(status, progress);
    }
}

void CanvasPanel::failCells(JobId id, const ApiError &error)
{
    const int first = firstCell(id);
    if (first < 0)
        return;
    const Job *job = m_session->queue()->job(id);
    const QString word = failureWord(error);
    for (int i = 0; i < job->imageCount(); ++i) {
        ResultCell *cell = m_grid->cell(first + i);
        // The images that arrived stay; only those still missing failed.
        if (cell && cell->savedPath().isEmpty())
            cell->setFailed(word, error.toString());
    }
    if (!showsGrid() && m_preview->image().isNull())
        m_preview->clear(tr("No image: %1").arg(word));
}

void CanvasPanel::showFocused()
{
    if (m_grid->count() <= 1)
        return;
    m_filmstrip->clear();
    ResultCell *cell = m_grid->focusedCell();
    if (!cell)
        return;
    for (const ResultCell::Frame &frame : cell->frames()) {
        auto *item = new QListWidgetItem(frame.thumbnail.isNull()
                                             ? thumbnail(frame.image, 72)
                                             : QIcon(QPixmap::fromImage(frame.thumbnail)),
                                         frame.caption, m_filmstrip);
        item->setData(Qt::UserRole, frame.image);
        item->setData(Qt::UserRole + 1, frame.preview);
    }
    if (QListWidgetItem *shown = m_filmstrip->item(cell->shownFrame()))
        m_filmstrip->scrollToItem(shown);
    setShown(cell->savedPath());
    m_actionBar->place();
}

void CanvasPanel::activateCell(int index)
{
    const ResultCell *cell = m_grid->cell(index);
    if (!cell)
        return;
    const QString path = cell->savedPath();
    if (path.isEmpty()) {
        Q_EMIT statusMessage(
            cell->isFailed() ? tr("Image %1 did not arrive: %2").arg(index + 1).arg(cell->toolTip())
                             : tr("Image %1 has not arrived yet.").arg(index + 1),
            6000);
        return;
    }
    const std::optional<LibraryImage> known
        = m_session->library().isOpen() ? m_session->library().imageAt(path) : std::nullopt;
    Q_EMIT viewerRequested(path, known ? known->id : 0);
}

void CanvasPanel::showJob(JobId id)
{
    const Job *job = m_session->queue()->job(id);
    if (!job)
        return;
    if (job->set != m_set) {
        startSet(job->set, true);
    } else if (m_grid->count() > 1 && !showsGrid()) {
        // A file was shown meanwhile.
        showPage(m_grid);
        showFocused();
    } else if (m_grid->count() == 1 && !job->savedPaths.isEmpty()
               && m_shownPath != job->savedPaths.first()) {
        showImageFile(job->savedPaths.first(), job->request.prompt);
    }
    if (m_grid->count() > 1)
        m_grid->focusCell(firstCell(id));
}

bool CanvasPanel::returnFromViewer(qint64 id)
{
    if (m_grid->count() <= 1)
        return false;
    // On the cell of the image the viewer ended on, when it is one of the set's.
    const std::optional<LibraryImage> image
        = m_session->library().isOpen() ? m_session->library().image(id) : std::nullopt;
    for (int index = 0; image && index < m_grid->count(); ++index) {
        if (m_grid->cell(index)->savedPath() == image->path) {
            m_grid->focusCell(index);
            break;
        }
    }
    showPage(m_grid);
    showFocused();
    m_grid->setFocus(Qt::OtherFocusReason);
    return true;
}

void CanvasPanel::findOriginal(const ImageRequest &request)
{
    // Before / after: an edit's first input is what the result was made from.
    if (request.endpoint == Endpoint::Edits && !request.images.isEmpty()
        && QFileInfo::exists(request.images.first()))
        m_preview->setOriginalFile(request.images.first());
}

void CanvasPanel::showPreview()
{
    setCurrentIndex(0);
}

void CanvasPanel::showPainter()
{
    setCurrentWidget(m_painter);
    m_painter->canvas()->setFocus();
}

void CanvasPanel::followNewJob()
{
    // Sent already (the compose panel says so after sending): its set is shown.
    const JobQueue *queue = m_session->queue();
    const Job *newest = queue->job(queue->newest());
    if (newest && newest->set == m_set && !m_setHasImages)
        return;
    m_set = JobId();
    m_setHasImages = false;
    m_grid->reset(0);
    m_filmstrip->clear();
    m_preview->clear(tr("Waiting for the first image…"));
    showPage(m_preview);
    setShown(QString());
}

void CanvasPanel::showComposite(JobId job, qint64 id, double changed, const QImage &heatMap)
{
    const std::optional<LibraryImage> kept = m_session->library().image(id);
    const int first = firstCell(job);
    if (kept && first >= 0 && m_grid->count() > 1) {
        // The job's next cell not composited yet takes it, the heat map as a frame after it.
        const int images = m_session->queue()->job(job)->imageCount();
        for (int index = first; index < first + images; ++index) {
            if (m_composited.contains(index))
                continue;
            m_composited.append(index);
            ResultCell *cell = m_grid->cell(index);
            const QImage shown(kept->path);
            cell->addFrame(
                {shown, QImage(), QImage(), tr("Edit, outside the mask kept"), false, kept->path});
            cell->addFrame({withHeatMap(shown, heatMap), QImage(), QImage(), tr("Changes outside"),
                            true, QString()},
                           false);
            if (cell == m_grid->focusedCell())
                showFocused();
            break;
        }
    } else if (kept) {
        QImage shown(kept->path);
        m_preview->setImage(shown, tr("Edit, outside the mask kept"));
        const QImage overlay = withHeatMap(shown, heatMap);
        auto *item
            = new QListWidgetItem(thumbnail(overlay, 72), tr("Changes outside"), m_filmstrip);
        item->setData(Qt::UserRole, overlay);
        item->setToolTip(
            tr("Red: where the model changed pixels outside the mask (they were restored)."));
        findOriginal(kept->request);
    }
    Q_EMIT statusMessage(tr("The model changed %1% of the pixels outside the mask; they were put "
                            "back. The filmstrip shows where; the model's own output is in the "
                            "library too.")
                             .arg(changed * 100, 0, 'f', 1),
                         15000);
}

void CanvasPanel::showImage(JobId id, const ImageResult &image)
{
    const int first = firstCell(id);
    if (first < 0)
        return;
    const Job *job = m_session->queue()->job(id);
    const int index = first
        + std::clamp(image.partial ? image.imageIndex : image.index, 0, job->imageCount() - 1);
    const QString caption = image.partial ? tr("Partial %1").arg(image.index + 1) : tr("Final");
    ResultCell *cell = m_grid->cell(index);
    if (!m_setHasImages && !image.image.isNull())
        m_grid->setAspect(double(image.image.width()) / std::max(1, image.image.height()));
    m_setHasImages = true;
    if (cell)
        cell->addFrame({image.image, image.preview, image.thumbnail, caption, image.partial,
                        image.partial ? QString() : image.savedPath});
    describeCells(id);
    if (m_grid->count() > 1) {
        if (!showsGrid()) {
            // Back from a file shown meanwhile: the set is what arrives.
            showPage(m_grid);
            showFocused();
            return;
        }
        if (cell && cell == m_grid->focusedCell()) {
            const ResultCell::Frame &frame = cell->frames().constLast();
            auto *item = new QListWidgetItem(frame.thumbnail.isNull()
                                                 ? thumbnail(frame.image, 72)
                                                 : QIcon(QPixmap::fromImage(frame.thumbnail)),
                                             caption, m_filmstrip);
            item->setData(Qt::UserRole, frame.image);
            item->setData(Qt::UserRole + 1, frame.preview);
            m_filmstrip->scrollToItem(item);
            setShown(cell->savedPath());
        }
        return;
    }
    showPage(m_preview);
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
    setShown(image.partial ? QString() : image.savedPath);
    if (!document && !image.partial) // read once, for the final
        findOriginal(job->request);
}

void CanvasPanel::addAnimationFrames(const QByteArray &gif)
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

void CanvasPanel::showImageFile(const QString &path, const QString &caption, qint64 id)
{
    // Read and fitted off the GUI thread; when several are asked for quickly, only the last
    // one is shown.
    showPage(m_preview);
    m_preview->showFile(path, caption.left(60));
    setShown(path, id);
    if (m_shownId > 0) {
        if (const std::optional<LibraryImage> known = m_session->library().image(m_shownId))
            findOriginal(known->request);
    }
}

void CanvasPanel::showStreamedImage(const QImage &image, const QString &caption)
{
    showPage(m_preview);
    m_preview->setImage(image, caption.left(60));
    setShown({}, 0);
}

void CanvasPanel::showHeatMap(qint64 id)
{
    const std::optional<LibraryImage> kept = m_session->library().image(id);
    if (!kept)
        return;
    const std::optional<LibraryImage> raw
        = m_session->library().image(kept->edit.value(u"composite_of"_s).toInteger());
    if (!raw || kept->request.images.isEmpty() || kept->request.mask.isEmpty()) {
        Q_EMIT statusMessage(
            tr("The model's output or the inputs of this edit are no longer in the library."),
            8000);
        return;
    }
    // Three full-size images read and compared: off the GUI thread.
    Q_EMIT statusMessage(tr("Finding the changes outside the mask…"), 0);
    QThreadPool::globalInstance()->start([canvas = QPointer<CanvasPanel>(this),
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
            [canvas, result, shown] {
                if (!canvas)
                    return;
                if (!result.isValid()) {
                    Q_EMIT canvas->statusMessage(result.error, 10000);
                    return;
                }
                Q_EMIT canvas->statusMessage(QString(), 0);
                canvas->showPage(canvas->m_preview);
                canvas->m_preview->setImage(shown,
                                            tr("Changes outside the mask: %1%")
                                                .arg(result.changedOutsideMask * 100, 0, 'f', 1));
                canvas->showPreview();
            },
            Qt::QueuedConnection);
    });
}
} // namespace Atelier
