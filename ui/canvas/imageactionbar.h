#pragma once

#include "canvaspanel.h"

#include <QWidget>

class QLabel;
class QMenu;
class QStackedWidget;
class QToolButton;

namespace Atelier {

class ImagePreview;
class ResultGrid;

// The hover bar of CanvasPanel: the actions for the image shown (CanvasPanel::Action) and, for
// an edit's result, Compare and the hint that \ shows the original. It hovers over the page that
// shows (the preview's top-right corner, or the focused cell of the grid) while the mouse is in
// it; the same actions fill the canvas's context menu.
class ImageActionBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageActionBar)

public:
    // Made over `preview`; `pages` holds `preview` and `grid`, whichever shows.
    ImageActionBar(ImagePreview *preview, ResultGrid *grid, QStackedWidget *pages);

    // Whether a library image is shown, which the actions act on (the original can be compared
    // with before the result is in the library).
    void setHasImage(bool hasImage);
    // Goes over `page` (hidden while it moves) when it is not there yet.
    void moveTo(QWidget *page);
    // Compare and the hint show for an edit's result in the preview; the size follows.
    void describe();
    void place();
    // The actions as menu entries; none while no library image is shown.
    void fillMenu(QMenu *menu);

Q_SIGNALS:
    void triggered(Atelier::CanvasPanel::Action action);

private:
    bool eventFilter(QObject *watched, QEvent *event) override;

    ImagePreview *m_preview;
    ResultGrid *m_grid;
    QStackedWidget *m_pages;
    QToolButton *m_compare = nullptr;
    QLabel *m_originalHint = nullptr;
    bool m_hasImage = false;
};

} // namespace Atelier
