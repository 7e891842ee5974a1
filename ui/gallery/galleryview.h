#pragma once

#include <QListView>

namespace Atelier {

// The gallery's grid of thumbnails: says in its viewport what to do when it shows nothing,
// opens the current image with Space or Enter, and resizes the thumbnails with Ctrl+wheel.
class GalleryView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GalleryView)

public:
    explicit GalleryView(QWidget *parent = nullptr);

    // The sentence shown while the view has no rows.
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }

Q_SIGNALS:
    // Space or Enter on an image, or a double-click on it.
    void openRequested(const QModelIndex &index);
    // Ctrl+wheel: larger (positive) or smaller thumbnails, in wheel notches.
    void thumbnailResizeRequested(int steps);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    QString m_emptyText;
    int m_wheelRest = 0; // a touchpad's small wheel deltas, until they make a notch
};

} // namespace Atelier
