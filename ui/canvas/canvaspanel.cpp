#include "canvaspanel.h"

#include "imaging/imagefile.h"
#include "library/librarystore.h"
#include "mask/maskcompositor.h"
#include "maskpainter/maskpainter.h"
#include "preview/imagepreview.h"
#include "studio/studiosession.h"
#include "theme/icons.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPointer>
#include <QThreadPool>
#include <QToolButton>
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
    viewerLayout->addWidget(m_preview, 1);
    viewerLayout->addWidget(m_filmstrip);
    // One image needs no filmstrip: it shows when a job has partials or frames to pick from.
    m_filmstrip->setVisible(false);
    const auto showFilmstrip = [this] {
        m_filmstrip->setVisible(m_filmstrip->count() > 1);
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

    buildActionBar();
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
        if (item)
            m_preview->setImage(item->data(Qt::UserRole).value<QImage>(), item->text(),
                                item->data(Qt::UserRole + 1).value<QImage>());
    });
    // Received images get their preview made at the view's size on the decode threads.
    connect(m_preview, &ImagePreview::viewSizeChanged, m_session, &StudioSession::setPreviewSize);
    connect(m_session, &StudioSession::partialImage, this, &CanvasPanel::showImage);
    connect(m_session, &StudioSession::imageReady, this, &CanvasPanel::showImage);
    connect(m_session, &StudioSession::compositeSaved, this,
            [this](JobId, qint64 id, qint64, double changed, const QImage &heatMap) {
                showComposite(id, changed, heatMap);
            });
}

namespace {

struct ActionText
{
    CanvasPanel::Action action;
    QIcon (*icon)();
    const char *text;
    const char *name;
};

const ActionText actionTexts[] = {
    {CanvasPanel::Action::Edit, Icons::editMask,
     QT_TRANSLATE_NOOP("Atelier::CanvasPanel", "Edit (paint a mask)"), "imageEdit"},
    {CanvasPanel::Action::Vary, Icons::vary, QT_TRANSLATE_NOOP("Atelier::CanvasPanel", "Vary"),
     "imageVary"},
    {CanvasPanel::Action::UseAsReference, Icons::reference,
     QT_TRANSLATE_NOOP("Atelier::CanvasPanel", "Use as reference"), "imageReference"},
    {CanvasPanel::Action::Favourite, Icons::favourite,
     QT_TRANSLATE_NOOP("Atelier::CanvasPanel", "Favourite"), "imageFavourite"},
    {CanvasPanel::Action::Copy, Icons::copy, QT_TRANSLATE_NOOP("Atelier::CanvasPanel", "Copy"),
     "imageCopy"},
    {CanvasPanel::Action::Export, Icons::exportImage,
     QT_TRANSLATE_NOOP("Atelier::CanvasPanel", "Export…"), "imageExport"},
    {CanvasPanel::Action::Delete, Icons::remove,
     QT_TRANSLATE_NOOP("Atelier::CanvasPanel", "Delete…"), "imageDelete"},
};

} // namespace

void CanvasPanel::buildActionBar()
{
    m_actionBar = new QWidget(m_preview);
    m_actionBar->setObjectName(u"imageActions"_s);
    m_actionBar->setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(m_actionBar);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    for (const ActionText &entry : actionTexts) {
        auto *button = new QToolButton(m_actionBar);
        button->setObjectName(QString::fromLatin1(entry.name));
        button->setIcon(entry.icon());
        button->setAutoRaise(true);
        const QString text = tr(entry.text);
        button->setToolTip(text);
        button->setAccessibleName(text);
        connect(button, &QToolButton::clicked, this, [this, action = entry.action] {
            Q_EMIT actionRequested(action, m_shownPath, m_shownId);
        });
        layout->addWidget(button);
    }
    m_actionBar->adjustSize();
    m_actionBar->hide();
    m_preview->installEventFilter(this);
}

bool CanvasPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_preview) {
        switch (event->type()) {
        case QEvent::Enter:
            m_actionBar->setVisible(!m_shownPath.isEmpty());
            break;
        case QEvent::Leave:
            if (!m_actionBar->underMouse())
                m_actionBar->hide();
            break;
        case QEvent::Resize:
            m_actionBar->move(m_preview->width() - m_actionBar->width() - 8, 8);
            break;
        default:
            break;
        }
    }
    return QTabWidget::eventFilter(watched, event);
}

void CanvasPanel::fillActions(QMenu *menu)
{
    if (m_shownPath.isEmpty())
        return;
    for (const ActionText &entry : actionTexts) {
        QAction *action = menu->addAction(entry.icon(), tr(entry.text));
        action->setObjectName(QString::fromLatin1(entry.name));
        connect(action, &QAction::triggered, this, [this, chosen = entry.action] {
            Q_EMIT actionRequested(chosen, m_shownPath, m_shownId);
        });
    }
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
    if (path.isEmpty())
        m_actionBar->hide();
    else if (m_preview->underMouse())
        m_actionBar->show();
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
    m_followed = JobId();
    m_filmstrip->clear();
    m_preview->clear(tr("Waiting for the first image…"));
    setShown(QString());
}

void CanvasPanel::showComposite(qint64 id, double changed, const QImage &heatMap)
{
    const std::optional<LibraryImage> kept = m_session->library().image(id);
    if (kept) {
        QImage shown(kept->path);
        m_preview->setImage(shown, tr("Edit, outside the mask kept"));
        const QImage overlay = withHeatMap(shown, heatMap);
        auto *item
            = new QListWidgetItem(thumbnail(overlay, 72), tr("Changes outside"), m_filmstrip);
        item->setData(Qt::UserRole, overlay);
        item->setToolTip(
            tr("Red: where the model changed pixels outside the mask (they were restored)."));
    }
    Q_EMIT statusMessage(tr("The model changed %1% of the pixels outside the mask; they were put "
                            "back. The filmstrip shows where; the model's own output is in the "
                            "library too.")
                             .arg(changed * 100, 0, 'f', 1),
                         15000);
}

void CanvasPanel::showImage(JobId id, const ImageResult &image)
{
    if (!m_followed.isValid())
        m_followed = id;
    if (id != m_followed)
        return;
    const QString caption = image.partial ? tr("Partial %1").arg(image.index + 1) : tr("Final");
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
    m_preview->showFile(path, caption.left(60));
    setShown(path, id);
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
                canvas->m_preview->setImage(shown,
                                            tr("Changes outside the mask: %1%")
                                                .arg(result.changedOutsideMask * 100, 0, 'f', 1));
                canvas->showPreview();
            },
            Qt::QueuedConnection);
    });
}
} // namespace Atelier
