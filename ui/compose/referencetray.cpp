#include "referencetray.h"

#include "imaging/imagefile.h"
#include "imaging/imagefileinfo.h"
#include "platform/plaintext.h"
#include "theme/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

constexpr int PathRole = Qt::UserRole;
constexpr int NameRole = Qt::UserRole + 1;
constexpr int CellWidth = 108; // room for a name of about 16 characters
constexpr int CloseSize = 18;

// A thumbnail above its name, and a × in the corner of the hovered one that removes it.
class ReferenceDelegate final : public QStyledItemDelegate
{
public:
    explicit ReferenceDelegate(ReferenceTray *tray)
        : QStyledItemDelegate(tray)
        , m_tray(tray)
    { }

    static QRect closeRect(const QRect &cell)
    {
        return QRect(cell.right() - CloseSize - 2, cell.top() + 2, CloseSize, CloseSize);
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return QSize(CellWidth, ReferenceTray::ThumbnailSize + option.fontMetrics.height() + 14);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        if (index.row() == 0 && m_tray->count() > 1) {
            // The first image is the one the size and the mask follow: it is marked.
            painter->save();
            QPen pen(option.palette.color(QPalette::Highlight));
            pen.setWidth(2);
            painter->setPen(pen);
            painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
            painter->restore();
        }
        if (!(option.state & QStyle::State_MouseOver))
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRect close = closeRect(option.rect);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 170));
        painter->drawEllipse(close);
        QPen pen(Qt::white);
        pen.setWidthF(1.8);
        painter->setPen(pen);
        const QRect cross = close.adjusted(5, 5, -5, -5);
        painter->drawLine(cross.topLeft(), cross.bottomRight());
        painter->drawLine(cross.topRight(), cross.bottomLeft());
        painter->restore();
    }

    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override
    {
        if (event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonRelease
            || event->type() == QEvent::MouseButtonDblClick) {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            if (mouse->button() == Qt::LeftButton
                && closeRect(option.rect).contains(mouse->position().toPoint())) {
                if (event->type() == QEvent::MouseButtonRelease)
                    m_tray->removeReference(index.row());
                return true; // neither selects nor starts a drag
            }
        }
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    }

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->decorationPosition = QStyleOptionViewItem::Top;
        option->decorationAlignment = Qt::AlignCenter;
        option->displayAlignment = Qt::AlignHCenter | Qt::AlignTop;
        option->decorationSize = QSize(ReferenceTray::ThumbnailSize, ReferenceTray::ThumbnailSize);
        option->textElideMode = Qt::ElideMiddle;
        option->features &= ~QStyleOptionViewItem::WrapText;
    }

private:
    ReferenceTray *m_tray;
};

QPixmap placeholder()
{
    QPixmap pixmap(ReferenceTray::ThumbnailSize, ReferenceTray::ThumbnailSize);
    pixmap.fill(Qt::transparent);
    return pixmap;
}

} // namespace

ReferenceTray::ReferenceTray(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(u"referenceTray"_s);
    setAccessibleName(tr("Reference images"));
    // A strip in list mode: dragging within it reorders the rows (icon mode would only move
    // the icons about).
    setViewMode(QListView::ListMode);
    setFlow(QListView::LeftToRight);
    setWrapping(false);
    setUniformItemSizes(true);
    setIconSize(QSize(ThumbnailSize, ThumbnailSize));
    setSpacing(2);
    setItemDelegate(new ReferenceDelegate(this));
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setDragDropOverwriteMode(false);
    setDropIndicatorShown(true);
    setAcceptDrops(true);
    setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_Hover);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_pool.setMaxThreadCount(2);
    connect(model(), &QAbstractItemModel::rowsInserted, this, &ReferenceTray::describeItems);
    connect(model(), &QAbstractItemModel::rowsRemoved, this, &ReferenceTray::describeItems);
    connect(model(), &QAbstractItemModel::rowsMoved, this, &ReferenceTray::describeItems);
    connect(model(), &QAbstractItemModel::modelReset, this, &ReferenceTray::describeItems);
    describeItems();
}

ReferenceTray::~ReferenceTray()
{
    // Thumbnail tasks call back into the tray: none may outlive it.
    m_pool.clear();
    m_pool.waitForDone();
    // The model is cleared as the view dies, after its viewport: nothing left to describe.
    disconnect(model(), nullptr, this, nullptr);
}

QSize ReferenceTray::sizeHint() const
{
    const int cell = ThumbnailSize + fontMetrics().height() + 14 + 2 * spacing();
    return QSize(3 * CellWidth,
                 cell + horizontalScrollBar()->sizeHint().height() + 2 * frameWidth());
}

QSize ReferenceTray::minimumSizeHint() const
{
    return QSize(CellWidth + 2 * frameWidth(), sizeHint().height());
}

QString ReferenceTray::pathAt(int row) const
{
    const QListWidgetItem *entry = item(row);
    return entry ? entry->data(PathRole).toString() : QString();
}

QString ReferenceTray::nameAt(int row) const
{
    const QListWidgetItem *entry = item(row);
    return entry ? entry->data(NameRole).toString() : QString();
}

QStringList ReferenceTray::paths() const
{
    QStringList all;
    for (int row = 0; row < count(); ++row)
        all.append(pathAt(row));
    return all;
}

QSize ReferenceTray::pixelSizeAt(int row) const
{
    return m_loaded.value(pathAt(row)).size;
}

bool ReferenceTray::thumbnailReady(int row) const
{
    return m_loaded.contains(pathAt(row));
}

void ReferenceTray::addReference(const QString &path, const QString &name, int row)
{
    auto *entry = new QListWidgetItem;
    entry->setData(PathRole, path);
    entry->setData(NameRole, name);
    entry->setText(name);
    entry->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    decorate(entry);
    insertItem(row < 0 || row > count() ? count() : row, entry);
    requestThumbnail(path);
    Q_EMIT referencesChanged();
}

bool ReferenceTray::moveReference(int from, int to)
{
    if (from < 0 || from >= count() || to < 0 || to >= count() || from == to)
        return false;
    // Moving down, the row lands before `to + 1` (moveRow counts the place before it is taken).
    model()->moveRow(QModelIndex(), from, QModelIndex(), to > from ? to + 1 : to);
    setCurrentRow(to);
    Q_EMIT referencesChanged();
    return true;
}

void ReferenceTray::removeReference(int row)
{
    if (row < 0 || row >= count())
        return;
    delete takeItem(row);
    Q_EMIT referencesChanged();
}

void ReferenceTray::removeSelected()
{
    QList<int> rows;
    const QList<QListWidgetItem *> chosen = selectedItems();
    for (const QListWidgetItem *entry : chosen)
        rows.append(row(entry));
    if (rows.isEmpty() && currentRow() >= 0)
        rows.append(currentRow());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int each : std::as_const(rows))
        delete takeItem(each);
    Q_EMIT referencesChanged();
}

void ReferenceTray::paste()
{
    if (!takeMimeData(QGuiApplication::clipboard()->mimeData()))
        Q_EMIT statusMessage(tr("The clipboard holds no image and no image file to add."), 6000);
}

bool ReferenceTray::takeMimeData(const QMimeData *mime)
{
    if (!mime)
        return false;
    QList<QUrl> urls = mime->urls();
    if (urls.isEmpty() && mime->hasText()) {
        // A copied path or file:// address as text (some file managers, a terminal).
        const QStringList lines = mime->text().split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            const QString text = line.trimmed();
            const QUrl url = text.startsWith(u"file:"_s) ? QUrl(text) : QUrl::fromLocalFile(text);
            if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isAbsolute()
                && QFileInfo::exists(url.toLocalFile()))
                urls.append(url);
        }
    }
    QStringList files;
    QStringList folders;
    for (const QUrl &url : std::as_const(urls)) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        (QFileInfo(path).isDir() ? folders : files).append(path);
    }
    if (!folders.isEmpty())
        Q_EMIT statusMessage(tr("%1 is a folder, not an image file; add the images in it instead.",
                                nullptr, int(folders.size()))
                                 .arg(QDir::toNativeSeparators(folders.join(u", "_s))),
                             10000);
    if (!files.isEmpty()) {
        Q_EMIT filesOffered(files);
        return true;
    }
    if (!folders.isEmpty())
        return true; // said why
    if (mime->hasImage()) {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        if (!image.isNull()) {
            Q_EMIT imageOffered(image);
            return true;
        }
    }
    return false;
}

bool ReferenceTray::offersSomething(const QMimeData *mime)
{
    return mime && (mime->hasUrls() || mime->hasImage());
}

void ReferenceTray::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Paste)) {
        paste();
        return;
    }
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        removeSelected();
        return;
    }
    // Reordering without a mouse: Ctrl+Left and Ctrl+Right move the current image.
    if ((event->modifiers() & Qt::ControlModifier)
        && (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right)) {
        const int from = currentRow();
        moveReference(from, event->key() == Qt::Key_Left ? from - 1 : from + 1);
        return;
    }
    QListWidget::keyPressEvent(event);
}

void ReferenceTray::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const QModelIndex index = indexAt(viewport()->mapFromGlobal(event->globalPos()));
    if (index.isValid()) {
        const int at = index.row();
        if (!selectionModel()->isSelected(index))
            setCurrentRow(at);
        menu.addAction(tr("Make first (the image to edit)"), this,
                       [this, at] { moveReference(at, 0); })
            ->setEnabled(at > 0);
        menu.addAction(tr("Move left"), this, [this, at] { moveReference(at, at - 1); })
            ->setEnabled(at > 0);
        menu.addAction(tr("Move right"), this, [this, at] { moveReference(at, at + 1); })
            ->setEnabled(at + 1 < count());
        menu.addAction(Icons::remove(), tr("Remove"), this, &ReferenceTray::removeSelected);
        menu.addSeparator();
    }
    menu.addAction(tr("Paste"), QKeySequence::Paste, this, &ReferenceTray::paste);
    menu.addAction(tr("Add images…"), this, &ReferenceTray::addRequested);
    if (count() > 0) {
        menu.addSeparator();
        menu.addAction(tr("Remove all"), this, [this] {
            clear();
            Q_EMIT referencesChanged();
        });
    }
    menu.exec(event->globalPos());
}

// Files from outside are copied in when they hold something the tray takes; the tray's own
// items move as a list's do.
void ReferenceTray::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->source() == this)
        QListWidget::dragEnterEvent(event);
    else
        acceptOutsideDrag(event);
}

void ReferenceTray::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->source() == this)
        QListWidget::dragMoveEvent(event);
    else
        acceptOutsideDrag(event);
}

void ReferenceTray::acceptOutsideDrag(QDragMoveEvent *event) const
{
    if (offersSomething(event->mimeData())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
    } else {
        event->ignore();
    }
}

void ReferenceTray::dropEvent(QDropEvent *event)
{
    if (event->source() == this) {
        const QStringList before = paths();
        QListWidget::dropEvent(event);
        if (paths() != before)
            Q_EMIT referencesChanged();
        return;
    }
    if (takeMimeData(event->mimeData())) {
        event->setDropAction(Qt::CopyAction);
        event->accept();
    } else {
        event->ignore();
    }
}

QStringList ReferenceTray::mimeTypes() const
{
    return QListWidget::mimeTypes() << u"text/uri-list"_s;
}

QMimeData *ReferenceTray::mimeData(const QList<QListWidgetItem *> &items) const
{
    // Dragged out of the tray, the images are their files (to the gallery, another app).
    QMimeData *mime = QListWidget::mimeData(items);
    QList<QUrl> urls;
    for (const QListWidgetItem *entry : items)
        urls.append(QUrl::fromLocalFile(entry->data(PathRole).toString()));
    if (mime)
        mime->setUrls(urls);
    return mime;
}

void ReferenceTray::paintEvent(QPaintEvent *event)
{
    QListWidget::paintEvent(event);
    if (count() > 0)
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect().adjusted(8, 4, -8, -4), Qt::AlignCenter | Qt::TextWordWrap,
                     tr("Drop images here, paste, or choose Add…"));
}

void ReferenceTray::requestThumbnail(const QString &path)
{
    if (m_loaded.contains(path) || m_loading.contains(path))
        return;
    m_loading.insert(path);
    const qreal ratio = devicePixelRatioF();
    m_pool.start([this, path, ratio] {
        Loaded loaded;
        const ImageFileInfo info = ImageFileInfo::inspect(path);
        loaded.size = info.size;
        if (!info.readable) {
            loaded.error = info.error;
        } else {
            const int edge = qRound(ThumbnailSize * ratio);
            const Result<QImage> image = ImageFile::read(path, QSize(edge, edge));
            if (image) {
                loaded.thumbnail = ImageFile::fitted(image.value(), QSize(edge, edge));
                loaded.thumbnail.setDevicePixelRatio(ratio);
            } else {
                loaded.error = image.error();
            }
        }
        // The tray waits for this pool before it dies, so it is alive here.
        QMetaObject::invokeMethod(
            this, [this, path, loaded] { showLoaded(path, loaded); }, Qt::QueuedConnection);
    });
}

void ReferenceTray::showLoaded(const QString &path, const Loaded &loaded)
{
    m_loading.remove(path);
    m_loaded.insert(path, loaded);
    for (int row = 0; row < count(); ++row) {
        if (pathAt(row) == path)
            decorate(item(row));
    }
}

void ReferenceTray::decorate(QListWidgetItem *entry)
{
    const QString path = entry->data(PathRole).toString();
    const auto loaded = m_loaded.constFind(path);
    QStringList lines {entry->data(NameRole).toString(), QDir::toNativeSeparators(path)};
    if (loaded == m_loaded.cend()) {
        entry->setIcon(QIcon(placeholder()));
    } else if (!loaded->error.isEmpty()) {
        entry->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
        lines.append(tr("Cannot be read: %1").arg(loaded->error));
    } else {
        entry->setIcon(QIcon(QPixmap::fromImage(loaded->thumbnail)));
        lines.append(tr("%1 × %2 pixels").arg(loaded->size.width()).arg(loaded->size.height()));
    }
    entry->setToolTip(PlainText::toolTip(lines.join(u'\n')));
}

void ReferenceTray::describeItems()
{
    for (int at = 0; at < count(); ++at) {
        QListWidgetItem *entry = item(at);
        const QString name = entry->data(NameRole).toString();
        entry->setData(Qt::AccessibleTextRole,
                       at == 0 ? tr("%1, image 1 of %2, the image to edit").arg(name).arg(count())
                               : tr("%1, image %2 of %3").arg(name).arg(at + 1).arg(count()));
    }
    setAccessibleDescription(
        count() == 0 ? tr("Drop images here, paste, or choose Add…")
                     : tr("The first image is the one to edit: the size and the mask follow it. "
                          "Delete removes the selected images, Ctrl+Left and Ctrl+Right move one, "
                          "Ctrl+V pastes."));
    viewport()->update();
}

} // namespace Atelier
