#include "gallerypanel.h"

#include "comparedialog.h"
#include "exportdialog.h"
#include "galleryview.h"
#include "library/librarymodel.h"
#include "studio/studiosettings.h"
#include "theme/icons.h"
#include "thumbnaildelegate.h"
#include "thumbnailiconproxy.h"
#include "viewer/imageviewer.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

constexpr int SmallestThumbnail = 64;
constexpr int ThumbnailStep = 16;

} // namespace

GalleryPanel::GalleryPanel(LibraryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search prompts…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the library"));
    m_modelFilter = new QComboBox(this);
    m_modelFilter->setToolTip(tr("Show images of one model only."));
    m_dateFilter = new QComboBox(this);
    m_dateFilter->addItem(tr("Any time"), 0);
    m_dateFilter->addItem(tr("Today"), 1);
    m_dateFilter->addItem(tr("Last 7 days"), 7);
    m_dateFilter->addItem(tr("Last 30 days"), 30);
    m_dateFilter->setToolTip(tr("Show images saved in this period only."));
    m_favourites = new QToolButton(this);
    m_favourites->setObjectName(u"favouritesOnly"_s);
    m_favourites->setText(tr("Favourites"));
    m_favourites->setIcon(Icons::favourite());
    // Icon only (its name in the tooltip): the gallery fits a slim column.
    m_favourites->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_favourites->setAccessibleName(tr("Favourites"));
    for (QComboBox *box : {m_modelFilter, m_dateFilter}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(4);
    }
    m_favourites->setCheckable(true);
    m_favourites->setToolTip(tr("Show favourites only."));
    m_thumbnailSize = new QSlider(Qt::Horizontal, this);
    m_thumbnailSize->setObjectName(u"thumbnailSize"_s);
    m_thumbnailSize->setRange(SmallestThumbnail, LibraryModel::ThumbnailSize);
    m_thumbnailSize->setSingleStep(ThumbnailStep);
    m_thumbnailSize->setPageStep(ThumbnailStep * 2);
    m_thumbnailSize->setMaximumWidth(110);
    m_thumbnailSize->setToolTip(tr("Thumbnail size (Ctrl+wheel over the thumbnails)"));
    m_thumbnailSize->setAccessibleName(tr("Thumbnail size"));
    // Three short rows, so that the gallery fits a narrow column beside the image: the search
    // with the favourites switch, the two filters, the thumbnail size.
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_favourites);
    layout->addLayout(searchRow);
    bar->addWidget(m_modelFilter, 1);
    bar->addWidget(m_dateFilter, 1);
    layout->addLayout(bar);
    layout->addWidget(m_thumbnailSize, 0, Qt::AlignRight);
    m_batchFilter = new QToolButton(this);
    m_batchFilter->setObjectName(u"batchFilter"_s);
    m_batchFilter->setIcon(style()->standardIcon(QStyle::SP_LineEditClearButton));
    m_batchFilter->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_batchFilter->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed); // elided, never wide
    m_batchFilter->setVisible(false);
    connect(m_batchFilter, &QToolButton::clicked, this, [this] { showBatch({}, {}); });
    layout->addWidget(m_batchFilter);

    m_view = new GalleryView(this);
    m_view->setObjectName(u"galleryView"_s);
    auto *icons = new ThumbnailIconProxy(this);
    icons->setSourceModel(m_model);
    m_view->setModel(icons);
    m_view->setItemDelegate(new ThumbnailDelegate(m_view));
    m_view->setViewMode(QListView::IconMode);
    m_view->setMouseTracking(true); // the hovered thumbnail is lit
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setUniformItemSizes(true);
    m_view->setWordWrap(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setDragEnabled(true); // drag images out to the file manager
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    layout->addWidget(m_view);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &GalleryPanel::applyFilter);
    connect(m_search, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_modelFilter, &QComboBox::activated, this, &GalleryPanel::applyFilter);
    connect(m_favourites, &QToolButton::toggled, this, &GalleryPanel::applyFilter);
    connect(m_dateFilter, &QComboBox::activated, this, &GalleryPanel::applyFilter);
    connect(m_view, &QListView::customContextMenuRequested, this, &GalleryPanel::showContextMenu);
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT imageActivated(index.data(LibraryModel::PathRole).toString(),
                              index.data(LibraryModel::PromptRole).toString());
    });
    connect(m_view, &GalleryView::openRequested, this,
            [this](const QModelIndex &index) { openViewer(index.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid()) {
                    Q_EMIT currentImageChanged(QString(), -1, -1);
                    return;
                }
                Q_EMIT currentImageChanged(current.data(LibraryModel::PathRole).toString(),
                                           current.row(),
                                           current.data(LibraryModel::IdRole).toLongLong());
            });
    connect(m_thumbnailSize, &QSlider::valueChanged, this, &GalleryPanel::setThumbnailSize);
    connect(m_view, &GalleryView::thumbnailResizeRequested, this,
            [this](int steps) { setThumbnailSize(thumbnailSize() + steps * ThumbnailStep); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &GalleryPanel::showEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &GalleryPanel::showEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &GalleryPanel::showEmptyState);
    setThumbnailSize(StudioSettings::thumbnailSize.value());
    addKeyboardActions();
    refresh();
}

void GalleryPanel::addKeyboardActions()
{
    // The keys the viewer knows work on the thumbnails too, and the menu shows them.
    const auto add = [this](const QString &name, const QKeySequence &keys, auto act) {
        auto *action = new QAction(this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, act);
        m_view->addAction(action);
        return action;
    };
    m_favouriteAction = add(u"galleryFavourite"_s, QKeySequence(Qt::Key_F), [this] {
        const QList<int> rows = selectedRows();
        // Several: all become favourites unless all are, then none is.
        bool all = !rows.isEmpty();
        for (int row : rows)
            all = all && m_model->imageAt(row).favourite;
        for (int row : rows)
            m_model->setFavourite(row, !all);
    });
    m_copyAction = add(u"galleryCopy"_s, QKeySequence::Copy, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            QGuiApplication::clipboard()->setImage(QImage(m_model->imageAt(current.row()).path));
    });
    m_copyAction->setText(tr("Copy image"));
    m_deleteAction = add(u"galleryDelete"_s, QKeySequence::Delete, [this] {
        const QList<int> rows = selectedRows();
        if (!rows.isEmpty())
            removeAfterAsking(this, m_model, rows);
    });
}

QListView *GalleryPanel::view() const
{
    return m_view;
}

int GalleryPanel::thumbnailSize() const
{
    return m_view->iconSize().width();
}

void GalleryPanel::setThumbnailSize(int edge)
{
    edge = std::clamp(edge, SmallestThumbnail, int(LibraryModel::ThumbnailSize));
    m_thumbnailSize->setValue(edge); // re-enters once with the same edge
    if (m_view->iconSize().width() == edge && m_view->gridSize().isValid())
        return;
    m_view->setIconSize(QSize(edge, edge));
    // Room for the frame and two lines of the prompt under the thumbnail.
    const int caption = 2 * m_view->fontMetrics().height();
    m_view->setGridSize(QSize(edge + 16, edge + caption + 22));
    StudioSettings::thumbnailSize.setValue(edge);
}

void GalleryPanel::showBatch(const QString &batchId, const QString &label)
{
    m_batch = batchId;
    m_batchFilter->setVisible(!batchId.isEmpty());
    const QString shown = label.isEmpty() ? batchId : label;
    m_batchFilter->setText(tr("Only batch %1").arg(shown));
    m_batchFilter->setToolTip(tr("Showing the images of batch %1 only. Click to show every image "
                                 "again.")
                                  .arg(batchId));
    m_batchFilter->setAccessibleName(tr("Show every image again"));
    applyFilter();
}

void GalleryPanel::showEmptyState()
{
    const LibraryQuery &query = m_model->query();
    const bool filtered = !query.model.isEmpty() || query.favouritesOnly || query.from.isValid()
        || query.to.isValid() || !query.batch.isEmpty();
    const QString text = query.text.trimmed();
    if (!text.isEmpty())
        m_view->setEmptyText(tr("No images match '%1'").arg(text));
    else if (query.favouritesOnly && query.model.isEmpty() && !query.from.isValid())
        m_view->setEmptyText(
            tr("No favourites yet. Press F in the viewer or choose \"Add to favourites\" in an "
               "image's menu."));
    else if (filtered)
        m_view->setEmptyText(tr("No images match these filters"));
    else
        m_view->setEmptyText(tr("Your images will appear here.\nWrite a prompt and generate; "
                                "every image is saved with its recipe."));
}

void GalleryPanel::openViewer(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    if (!m_viewer) {
        m_viewer = new ImageViewer(m_model, window());
        connect(m_viewer, &ImageViewer::closed, this, [this](int last) {
            if (last >= 0)
                m_view->setCurrentIndex(m_view->model()->index(last, 0));
            m_view->setFocus(Qt::OtherFocusReason);
        });
    }
    m_viewer->open(row);
}

void GalleryPanel::openViewerFor(const QString &path, qint64 id)
{
    const int row = id > 0 ? m_model->rowOf(id) : -1;
    if (row < 0) {
        // Not among the gallery's rows (a filter hides it, or it is not indexed yet).
        Q_EMIT statusMessage(tr("%1 is not among the gallery's images; clear the gallery's "
                                "filters to open it full-window.")
                                 .arg(QFileInfo(path).fileName()),
                             8000);
        return;
    }
    openViewer(row);
    if (!m_viewer)
        return;
    // Esc goes back to where the viewer was asked for, on the image it ended on (after the
    // gallery has taken its own note of that row).
    connect(m_viewer, &ImageViewer::closed, this, &GalleryPanel::returnFromViewer,
            Qt::UniqueConnection);
    m_viewerForOthers = true;
}

void GalleryPanel::returnFromViewer(int row)
{
    if (!std::exchange(m_viewerForOthers, false))
        return;
    Q_EMIT viewerReturned(row >= 0 && row < m_model->rowCount() ? m_model->imageAt(row).id : 0);
}

ImageViewer *GalleryPanel::viewer() const
{
    return m_viewer;
}

bool GalleryPanel::removeAfterAsking(QWidget *parent, LibraryModel *model, const QList<int> &rows)
{
    if (rows.isEmpty())
        return false;
    QMessageBox box(
        QMessageBox::Question, tr("Delete images"),
        tr("Move %n image(s) and their recipes to the trash?", nullptr, int(rows.size())),
        QMessageBox::Yes | QMessageBox::No, parent);
    box.setObjectName(u"confirmDelete"_s);
    box.setDefaultButton(QMessageBox::Yes);
    if (box.exec() != QMessageBox::Yes)
        return false;
    return model->remove(rows) > 0;
}

void GalleryPanel::refresh()
{
    const QString current = m_modelFilter->currentData().toString();
    m_modelFilter->clear();
    m_modelFilter->addItem(tr("All models"), QString());
    for (const QString &model : m_model->models())
        m_modelFilter->addItem(model, model);
    m_modelFilter->setCurrentIndex(std::max(0, m_modelFilter->findData(current)));
    applyFilter();
}

void GalleryPanel::applyFilter()
{
    LibraryQuery query;
    query.text = m_search->text();
    query.model = m_modelFilter->currentData().toString();
    query.favouritesOnly = m_favourites->isChecked();
    query.batch = m_batch;
    const int days = m_dateFilter->currentData().toInt();
    if (days > 0)
        query.from = QDateTime(QDate::currentDate().addDays(1 - days), QTime(0, 0));
    m_model->setQuery(query);
}

void GalleryPanel::exportSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty()) {
        QMessageBox::information(this, tr("Export"),
                                 tr("Select the images to export in the gallery first."));
        return;
    }
    exportRows(rows);
}

void GalleryPanel::exportImage(qint64 id)
{
    if (const int row = m_model->rowOf(id); row >= 0)
        exportRows({row});
}

void GalleryPanel::removeImage(qint64 id)
{
    if (const int row = m_model->rowOf(id); row >= 0)
        removeAfterAsking(window(), m_model, {row});
}

void GalleryPanel::toggleFavourite(qint64 id)
{
    if (const int row = m_model->rowOf(id); row >= 0)
        m_model->setFavourite(row, !m_model->imageAt(row).favourite);
}

void GalleryPanel::exportRows(const QList<int> &rows)
{
    if (rows.isEmpty())
        return;
    ExportDialog dialog(m_model->imageAt(rows.first()), int(rows.size()), this);
    ExportOptions remembered;
    remembered.folder = StudioSettings::exportFolder.value();
    if (StudioSettings::exportFormat.isSet())
        remembered.format = StudioSettings::exportFormat.value();
    if (StudioSettings::exportQuality.isSet())
        remembered.quality = StudioSettings::exportQuality.value();
    if (StudioSettings::exportTemplate.isSet())
        remembered.nameTemplate = StudioSettings::exportTemplate.value();
    dialog.setOptions(remembered);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExportOptions options = dialog.options();
    StudioSettings::exportFolder.setValue(options.folder);
    StudioSettings::exportFormat.setValue(options.format);
    StudioSettings::exportQuality.setValue(options.quality);
    StudioSettings::exportTemplate.setValue(options.nameTemplate);
    QStringList failures;
    int written = 0;
    for (int row : rows) {
        if (const Result<QString> exported = Exporter::exportImage(m_model->imageAt(row), options);
            !exported)
            failures.append(exported.error());
        else
            ++written;
    }
    if (!failures.isEmpty())
        QMessageBox::warning(this, tr("Export"),
                             tr("%1 of %2 images were exported.\n%3")
                                 .arg(written)
                                 .arg(rows.size())
                                 .arg(failures.join(u'\n')));
}

QList<int> GalleryPanel::selectedRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    return rows;
}

void GalleryPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    if (!m_view->selectionModel()->isSelected(index))
        m_view->setCurrentIndex(index);
    const QList<int> rows = selectedRows();
    const int row = index.row();
    QMenu menu(this);
    const bool favourite = index.data(LibraryModel::FavouriteRole).toBool();
    m_favouriteAction->setText(favourite ? tr("Remove from favourites") : tr("Add to favourites"));
    menu.addAction(m_favouriteAction);
    menu.addAction(tr("Reuse recipe"), this,
                   [this, row] { Q_EMIT reuseRequested(m_model->imageAt(row).request); });
    const LibraryImage image = m_model->imageAt(row);
    menu.addAction(tr("Edit (paint a mask)…"), this,
                   [this, image] { Q_EMIT editRequested(image.path, image.id); });
    menu.addAction(tr("Make variations"), this,
                   [this, image] { Q_EMIT variationRequested(image.path, image.id); });
    menu.addAction(tr("Refine…"), this,
                   [this, image] { Q_EMIT refineRequested(image.path, image.id); });
    menu.addAction(tr("Show lineage…"), this, [this, image] { Q_EMIT lineageRequested(image.id); });
    if (const QString batch = image.batch.value(u"id"_s).toString(); !batch.isEmpty())
        menu.addAction(tr("Show the images of its batch"), this,
                       [this, batch] { showBatch(batch, {}); });
    if (image.edit.contains(u"composite_of"_s)) {
        menu.addAction(
            tr("Show changes outside the mask (%1%)")
                .arg(image.edit.value(u"changed_outside_mask"_s).toDouble() * 100, 0, 'f', 1),
            this, [this, image] { Q_EMIT heatMapRequested(image.id); });
    }
    if (rows.size() == 2) {
        menu.addAction(tr("Compare the two"), this, [this, rows] {
            CompareDialog dialog(m_model->imageAt(rows.at(0)), m_model->imageAt(rows.at(1)), this);
            dialog.exec();
        });
    }
    menu.addAction(m_copyAction);
    menu.addAction(tr("Export %n image(s)…", nullptr, int(rows.size())), this,
                   [this, rows] { exportRows(rows); });
    menu.addAction(tr("Show in folder"), this, [this, row] {
        QDesktopServices::openUrl(
            QUrl::fromLocalFile(QFileInfo(m_model->imageAt(row).path).path()));
    });
    menu.addSeparator();
    m_deleteAction->setText(tr("Delete %n image(s)…", nullptr, int(rows.size())));
    menu.addAction(m_deleteAction);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

} // namespace Atelier
