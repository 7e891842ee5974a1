#pragma once

#include <QHash>
#include <QImage>
#include <QListWidget>
#include <QSet>
#include <QSize>
#include <QThreadPool>

class QMimeData;

namespace Atelier {

// The reference images of an edit as a strip of thumbnails, in the order they are sent (the
// first is the image the size and the mask follow). Files and images come in by drop, paste
// and the Add button; the user reorders by dragging or Ctrl+Left/Right and removes with Delete,
// the × on a hovered thumbnail or the context menu. Thumbnails are decoded on worker threads.
// The tray keeps paths and the names shown; what is offered to it (files, a pasted image) it
// hands on as intent, for the compose panel to take in.
class ReferenceTray final : public QListWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReferenceTray)

public:
    static constexpr int ThumbnailSize = 64; // pixels on the longer side

    explicit ReferenceTray(QWidget *parent = nullptr);
    ~ReferenceTray() override; // waits for the thumbnails being made

    QString pathAt(int row) const;
    QString nameAt(int row) const;
    QStringList paths() const;
    // Adds a reference shown as `name` at `row` (-1: at the end).
    void addReference(const QString &path, const QString &name, int row = -1);
    // Moves the reference at `from` to `to`; false when either is out of range.
    bool moveReference(int from, int to);
    void removeReference(int row);
    void removeSelected();
    // Reads the clipboard: files (URLs or a path) are offered as files, else an image.
    void paste();
    // Takes what a drop or the clipboard holds; false when it holds nothing usable.
    bool takeMimeData(const QMimeData *mime);
    // The pixel size read from the file, once its thumbnail is made (invalid before).
    QSize pixelSizeAt(int row) const;
    bool thumbnailReady(int row) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // Files were dropped or pasted (local files only; folders are said as a message).
    void filesOffered(const QStringList &paths);
    // An image (not a file) was pasted or dropped.
    void imageOffered(const QImage &image);
    void addRequested();
    // Added, removed or reordered.
    void referencesChanged();
    void statusMessage(const QString &text, int timeout);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;

private:
    struct Loaded
    {
        QImage thumbnail;
        QSize size;
        QString error;
    };
    void requestThumbnail(const QString &path);
    void showLoaded(const QString &path, const Loaded &loaded);
    void decorate(QListWidgetItem *item);
    void describeItems();
    static bool offersSomething(const QMimeData *mime);
    // A drag from outside the tray: copied in when it holds something the tray takes.
    void acceptOutsideDrag(QDragMoveEvent *event) const;

    QThreadPool m_pool;
    QHash<QString, Loaded> m_loaded; // by path
    QSet<QString> m_loading;
};

} // namespace Atelier
