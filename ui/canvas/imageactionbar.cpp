#include "imageactionbar.h"
#include "resultgrid.h"

#include "preview/imagepreview.h"
#include "theme/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QStackedWidget>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Atelier {

// Its texts are CanvasPanel's (tr() in that context): they were written, and translated, there.

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
    {CanvasPanel::Action::Refine, Icons::refine,
     QT_TRANSLATE_NOOP("Atelier::CanvasPanel", "Refine…"), "imageRefine"},
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

ImageActionBar::ImageActionBar(ImagePreview *preview, ResultGrid *grid, QStackedWidget *pages)
    : QWidget(preview)
    , m_preview(preview)
    , m_grid(grid)
    , m_pages(pages)
{
    setObjectName(u"imageActions"_s);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    for (const ActionText &entry : actionTexts) {
        auto *button = new QToolButton(this);
        button->setObjectName(QString::fromLatin1(entry.name));
        button->setIcon(entry.icon());
        button->setAutoRaise(true);
        const QString text = CanvasPanel::tr(entry.text);
        button->setToolTip(text);
        button->setAccessibleName(text);
        connect(button, &QToolButton::clicked, this,
                [this, action = entry.action] { Q_EMIT triggered(action); });
        layout->addWidget(button);
    }
    // Before / after, for an edit's result.
    m_originalHint = new QLabel(CanvasPanel::tr("Hold \\ for the original"), this);
    m_originalHint->setObjectName(u"originalHint"_s);
    m_originalHint->setContentsMargins(6, 0, 2, 0);
    m_compare = new QToolButton(this);
    m_compare->setObjectName(u"imageCompare"_s);
    m_compare->setText(CanvasPanel::tr("Compare"));
    m_compare->setCheckable(true);
    m_compare->setAutoRaise(true);
    m_compare->setIcon(Icons::compare());
    m_compare->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_compare->setToolTip(
        CanvasPanel::tr("Compare with the original: drag the line between the original "
                        "(left) and the result (right). Hold \\ to see the whole "
                        "original."));
    m_compare->setAccessibleName(CanvasPanel::tr("Compare with the original"));
    layout->insertWidget(0, m_compare);
    layout->insertWidget(0, m_originalHint);
    connect(m_compare, &QToolButton::toggled, m_preview, &ImagePreview::setComparing);
    connect(m_preview, &ImagePreview::comparingChanged, m_compare, &QToolButton::setChecked);
    connect(m_preview, &ImagePreview::originalChanged, this, &ImageActionBar::describe);
    describe();
    hide();
    m_preview->installEventFilter(this);
    m_grid->installEventFilter(this);
}

void ImageActionBar::describe()
{
    const bool original = m_preview->hasOriginal() && m_pages->currentWidget() != m_grid;
    m_originalHint->setVisible(original);
    m_compare->setVisible(original);
    if (!original)
        m_compare->setChecked(false);
    adjustSize();
    place();
    if (original && m_pages->currentWidget()->underMouse())
        show();
}

bool ImageActionBar::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_preview || watched == m_grid) && watched == parent()) {
        switch (event->type()) {
        case QEvent::Enter:
            setVisible(m_hasImage || m_compare->isVisible());
            raise();
            break;
        case QEvent::Leave:
            if (!underMouse())
                hide();
            break;
        case QEvent::Resize:
            place();
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ImageActionBar::fillMenu(QMenu *menu)
{
    if (!m_hasImage)
        return;
    for (const ActionText &entry : actionTexts) {
        QAction *action = menu->addAction(entry.icon(), CanvasPanel::tr(entry.text));
        action->setObjectName(QString::fromLatin1(entry.name));
        connect(action, &QAction::triggered, this,
                [this, chosen = entry.action] { Q_EMIT triggered(chosen); });
    }
}

void ImageActionBar::place()
{
    QWidget *page = parentWidget();
    if (!page)
        return;
    raise();
    // Over the top-right corner of the preview; in the grid over the focused cell's bottom-right
    // corner (its top left says what it shows).
    if (page == m_grid && m_grid->focusedCell()) {
        const QRect cell = m_grid->focusedCell()->geometry();
        move(cell.right() + 1 - width() - 8, cell.bottom() + 1 - height() - 12);
        return;
    }
    move(page->width() - width() - 8, 8);
}

void ImageActionBar::setHasImage(bool hasImage)
{
    m_hasImage = hasImage;
    for (const ActionText &entry : actionTexts) {
        if (auto *button = findChild<QToolButton *>(QString::fromLatin1(entry.name)))
            button->setEnabled(hasImage);
    }
    if (!hasImage && !m_compare->isVisible()) {
        hide();
    } else if (m_pages->currentWidget()->underMouse()) {
        show();
        raise(); // over the cells made after it
    }
}

void ImageActionBar::moveTo(QWidget *page)
{
    if (parentWidget() == page)
        return;
    hide();
    setParent(page);
    place();
}

} // namespace Atelier
