#pragma once

#include "model/imagerequest.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QComboBox;
class QLineEdit;
class QListView;
class QSlider;
class QToolButton;

namespace Atelier {

class GalleryView;
class ImageViewer;
class LibraryModel;

// Everything ever made, searchable: a full-text search over prompts, a model filter and a
// favourites switch above a grid of thumbnails. Emits what the user asks for; the window acts.
class GalleryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GalleryPanel)

public:
    GalleryPanel(LibraryModel *model, QWidget *parent = nullptr);

    QListView *view() const;
    GalleryView *galleryView() const { return m_view; }
    QSlider *thumbnailSlider() const { return m_thumbnailSize; }
    QComboBox *dateFilter() const { return m_dateFilter; }
    QLineEdit *searchField() const { return m_search; }
    LibraryModel *model() const { return m_model; }
    // Refreshes the model filter list and the results (after images were added).
    void refresh();
    // Exports the selected images (the File menu's "Export…"); with none selected, says so.
    void exportSelected();
    // What the shown image's hover bar asks for, on the library image `id`.
    void exportImage(qint64 id);
    void removeImage(qint64 id);
    void toggleFavourite(qint64 id);
    // The thumbnails' edge in pixels (remembered); clamped to what the slider offers.
    void setThumbnailSize(int edge);
    int thumbnailSize() const;
    // Opens the full-window viewer on `row` (Space, Enter or a double-click do it too); when it
    // closes, the gallery selects the image it ended on.
    void openViewer(int row);
    // The viewer on the library image `id` (at `path`), for another panel: viewerReturned()
    // when it closes; a message when the gallery does not show that image.
    void openViewerFor(const QString &path, qint64 id);
    // Shows only the images of one Batch API batch (`label` says which), until the user clears
    // it with the filter's button; an empty id shows every image again.
    void showBatch(const QString &batchId, const QString &label);
    QString shownBatch() const { return m_batch; }
    // The viewer, once it was opened (it covers the gallery's window).
    ImageViewer *viewer() const;
    // Asks (over `parent`) whether to move the images at `rows` to the trash, and does it.
    static bool removeAfterAsking(QWidget *parent, LibraryModel *model, const QList<int> &rows);

Q_SIGNALS:
    // The current image changed (a click, the arrow keys, a search): show it. No image:
    // an empty path, row -1 and id -1.
    void currentImageChanged(const QString &path, int row, qint64 id);
    void reuseRequested(const Atelier::ImageRequest &recipe);
    void imageActivated(const QString &path, const QString &caption);
    // Paint a mask on the image and edit it, or make variations of it.
    void editRequested(const QString &path, qint64 id);
    void variationRequested(const QString &path, qint64 id);
    // Change it turn by turn in the refine thread.
    void refineRequested(const QString &path, qint64 id);
    // Where the image came from and what was made from it.
    void lineageRequested(qint64 id);
    // For an edit whose outside pixels were kept: where the model changed them.
    void heatMapRequested(qint64 id);
    // The viewer openViewerFor() opened was closed on the library image `id` (0: none).
    void viewerReturned(qint64 id);
    void statusMessage(const QString &text, int timeout);

private:
    void applyFilter();
    void showEmptyState();
    void showContextMenu(const QPoint &position);
    void addKeyboardActions();
    void returnFromViewer(int row);
    QList<int> selectedRows() const;
    void exportRows(const QList<int> &rows);

    LibraryModel *m_model;
    QLineEdit *m_search = nullptr;
    QComboBox *m_modelFilter = nullptr;
    QComboBox *m_dateFilter = nullptr;
    QToolButton *m_favourites = nullptr;
    QToolButton *m_batchFilter = nullptr; // shown while one batch's images are shown
    QString m_batch;
    GalleryView *m_view = nullptr;
    QSlider *m_thumbnailSize = nullptr;
    QPointer<ImageViewer> m_viewer;
    bool m_viewerForOthers = false; // the open viewer was asked for by openViewerFor()
    QAction *m_favouriteAction = nullptr; // F
    QAction *m_copyAction = nullptr; // Ctrl+C
    QAction *m_deleteAction = nullptr; // Delete
    QTimer m_debounce;
};

} // namespace Atelier
