#include "imageviewer.h"

#include "gallery/gallerypanel.h"
#include "library/librarymodel.h"
#include "preview/imagepreview.h"
#include "theme/icons.h"
#include "theme/theme.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

QToolButton *barButton(QWidget *parent, const QString &name, const QIcon &icon, const QString &text,
                       const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setIcon(icon);
    button->setText(text);
    button->setToolTip(tip);
    button->setAccessibleName(text);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::NoFocus); // the keys are the viewer's
    button->setIconSize(QSize(20, 20));
    return button;
}

} // namespace

ImageViewer::ImageViewer(LibraryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(u"imageViewer"_s);
    setAccessibleName(tr("Image viewer"));
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(true);
    QPalette ground = palette();
    ground.setColor(QPalette::Window, Theme::imageGround());
    ground.setColor(QPalette::WindowText, Theme::imageGroundText());
    ground.setColor(QPalette::ButtonText, Theme::imageGroundText());
    setPalette(ground);
    hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_preview = new ImagePreview(this);
    m_preview->setObjectName(u"viewerImage"_s);
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_preview->setFocusProxy(this); // a click on the image leaves the keys with the viewer
    m_preview->setToolTip(
        tr("← → browse · wheel, + and - zoom · 0 fits · 1 is 100 % · F favourite · Delete moves to "
           "the trash · Ctrl+C copies · Esc closes"));
    layout->addWidget(m_preview, 1);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(10, 4, 6, 4);
    m_caption = new QLabel(this);
    m_caption->setObjectName(u"viewerCaption"_s);
    QFont small = m_caption->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_caption->setFont(small);
    m_caption->setMinimumWidth(50);
    m_caption->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_position = new QLabel(this);
    m_position->setObjectName(u"viewerPosition"_s);
    m_position->setFont(small);
    m_zoom = new QLabel(this);
    m_zoom->setObjectName(u"viewerZoom"_s);
    m_zoom->setFont(small);
    m_favourite = barButton(this, u"viewerFavourite"_s, Icons::favourite(), tr("Favourite"),
                            tr("Favourite (F)"));
    m_favourite->setCheckable(true);
    auto *copy = barButton(this, u"viewerCopy"_s, Icons::copy(), tr("Copy"),
                           tr("Copy the image (Ctrl+C)"));
    auto *remove = barButton(this, u"viewerDelete"_s, Icons::remove(), tr("Delete"),
                             tr("Move the image to the trash (Delete)"));
    auto *close
        = barButton(this, u"viewerClose"_s, Icons::cancel(), tr("Close"), tr("Close (Esc)"));
    bar->addWidget(m_caption, 1);
    bar->addSpacing(12);
    bar->addWidget(m_zoom);
    bar->addSpacing(12);
    bar->addWidget(m_position);
    bar->addSpacing(8);
    for (QToolButton *button : {m_favourite, copy, remove, close})
        bar->addWidget(button);
    layout->addLayout(bar);

    connect(m_favourite, &QToolButton::clicked, this, &ImageViewer::toggleFavourite);
    connect(copy, &QToolButton::clicked, this, &ImageViewer::copyShown);
    connect(remove, &QToolButton::clicked, this, &ImageViewer::removeShown);
    connect(close, &QToolButton::clicked, this, &ImageViewer::finish);
    connect(m_preview, &ImagePreview::zoomChanged, this, &ImageViewer::showZoom);
    connect(m_preview, &ImagePreview::fileFailed, this,
            [this](const QString &, const QString &error) {
                m_preview->clear(
                    tr("This image could not be read (%1); is the file still there?").arg(error));
            });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ImageViewer::modelReset);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                if (m_row >= from.row() && m_row <= to.row())
                    showCaption();
            });
    if (parent)
        parent->installEventFilter(this);
}

QString ImageViewer::caption() const
{
    return m_fullCaption;
}

void ImageViewer::open(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    if (QWidget *host = parentWidget()) {
        setGeometry(host->rect());
        raise();
        QWidget::show();
    } else {
        showMaximized();
    }
    setFocus(Qt::OtherFocusReason);
    showRow(row);
}

void ImageViewer::finish()
{
    if (isHidden())
        return;
    hide();
    Q_EMIT closed(m_row);
}

void ImageViewer::showRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const bool moved = row != m_row;
    const LibraryImage &image = m_model->imageAt(row);
    const bool another = image.id != m_id;
    m_row = row;
    m_id = image.id;
    if (another)
        m_preview->showFile(image.path, QString());
    showCaption();
    if (moved || another)
        Q_EMIT currentChanged(row);
}

void ImageViewer::showCaption()
{
    if (m_row < 0 || m_row >= m_model->rowCount())
        return;
    const LibraryImage &image = m_model->imageAt(m_row);
    m_fullCaption = image.request.model.isEmpty()
        ? image.request.prompt
        : tr("%1 · %2").arg(image.request.prompt.simplified(), image.request.model);
    m_caption->setToolTip(m_fullCaption);
    m_caption->setText(m_caption->fontMetrics().elidedText(m_fullCaption, Qt::ElideRight,
                                                           std::max(m_caption->width(), 50)));
    m_position->setText(tr("%1 of %2").arg(m_row + 1).arg(m_model->totalCount()));
    m_favourite->setChecked(image.favourite);
}

void ImageViewer::showZoom(double scale)
{
    m_zoom->setText(m_preview->zoom() <= 0 ? tr("Fit (%1 %)").arg(qRound(scale * 100))
                                           : tr("%1 %").arg(qRound(scale * 100)));
}

void ImageViewer::modelReset()
{
    // Rows moved (a search, a new image, a delete): follow the image, or show the one that
    // took its row.
    if (m_id < 0)
        return;
    const int count = m_model->rowCount();
    const int same = m_model->rowOf(m_id);
    if (same >= 0) {
        m_row = -1; // the row may be another now
        showRow(same);
        return;
    }
    if (count == 0) {
        m_row = -1;
        m_id = -1;
        m_preview->clear();
        if (isVisible())
            finish();
        return;
    }
    showRow(std::min(m_row, count - 1));
}

void ImageViewer::toggleFavourite()
{
    if (m_row < 0)
        return;
    m_model->setFavourite(m_row, !m_model->imageAt(m_row).favourite);
    showCaption();
}

void ImageViewer::removeShown()
{
    if (m_row >= 0)
        GalleryPanel::removeAfterAsking(this, m_model, {m_row});
}

void ImageViewer::copyShown()
{
    if (m_row < 0)
        return;
    const QImage shown = m_preview->image();
    QGuiApplication::clipboard()->setImage(shown.isNull() ? QImage(m_model->imageAt(m_row).path)
                                                          : shown);
}

bool ImageViewer::handles(const QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy))
        return true;
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Minus:
    case Qt::Key_0:
    case Qt::Key_1:
    case Qt::Key_F:
    case Qt::Key_Delete:
    case Qt::Key_Escape:
        return true;
    default:
        return false;
    }
}

bool ImageViewer::event(QEvent *event)
{
    // The window's shortcuts (Delete, Ctrl+C, F…) must not act behind the viewer.
    if (event->type() == QEvent::ShortcutOverride && handles(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void ImageViewer::keyPressEvent(QKeyEvent *event)
{
    if (!handles(event)) {
        QWidget::keyPressEvent(event);
        return;
    }
    if (event->matches(QKeySequence::Copy)) {
        copyShown();
        return;
    }
    // The gallery reads its rows a page at a time: the next page, or all, when they are asked for.
    if (event->key() == Qt::Key_Right && m_row + 1 >= m_model->rowCount())
        m_model->fetchMore();
    else if (event->key() == Qt::Key_End)
        m_model->fetchAll();
    const int last = m_model->rowCount() - 1;
    switch (event->key()) {
    case Qt::Key_Left:
        showRow(std::max(m_row - 1, 0));
        break;
    case Qt::Key_Right:
        showRow(std::min(m_row + 1, last));
        break;
    case Qt::Key_Home:
        showRow(0);
        break;
    case Qt::Key_End:
        showRow(last);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_preview->zoomBy(1);
        break;
    case Qt::Key_Minus:
        m_preview->zoomBy(-1);
        break;
    case Qt::Key_0:
        m_preview->fit();
        break;
    case Qt::Key_1:
        m_preview->setZoom(1.0);
        break;
    case Qt::Key_F:
        toggleFavourite();
        break;
    case Qt::Key_Delete:
        removeShown();
        break;
    case Qt::Key_Escape:
        finish();
        break;
    default:
        break;
    }
}

bool ImageViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void ImageViewer::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    showCaption();
}

} // namespace Atelier
