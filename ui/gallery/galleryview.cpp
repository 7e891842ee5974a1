#include "galleryview.h"

#include <QKeyEvent>
#include <QPainter>
#include <QWheelEvent>

namespace Atelier {

GalleryView::GalleryView(QWidget *parent)
    : QListView(parent)
{
    connect(this, &QAbstractItemView::doubleClicked, this, &GalleryView::openRequested);
}

void GalleryView::setEmptyText(const QString &text)
{
    if (text == m_emptyText)
        return;
    m_emptyText = text;
    viewport()->update();
}

void GalleryView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (!model() || model()->rowCount(rootIndex()) > 0 || m_emptyText.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    painter.setFont(font);
    painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                     Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

void GalleryView::keyPressEvent(QKeyEvent *event)
{
    const bool plain = !(event->modifiers() & ~Qt::KeypadModifier);
    const bool opens = event->key() == Qt::Key_Space || event->key() == Qt::Key_Return
        || event->key() == Qt::Key_Enter;
    if (plain && opens && currentIndex().isValid()) {
        Q_EMIT activated(currentIndex()); // what Enter did before: the window shows it
        Q_EMIT openRequested(currentIndex());
        return;
    }
    QListView::keyPressEvent(event);
}

void GalleryView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QListView::wheelEvent(event);
        return;
    }
    m_wheelRest += event->angleDelta().y();
    const int steps = m_wheelRest / 120;
    m_wheelRest -= steps * 120;
    if (steps != 0)
        Q_EMIT thumbnailResizeRequested(steps);
    event->accept();
}

} // namespace Atelier
