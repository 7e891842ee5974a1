#pragma once

#include <QImage>
#include <QRect>
#include <QUndoCommand>

namespace Atelier {

class MarkupDocument;

// One mark on the markup layer: the pixels of its rectangle before and after.
class MarkupEditCommand final : public QUndoCommand
{
public:
    MarkupEditCommand(MarkupDocument *document, const QString &text, const QRect &rect,
                      QImage before, QImage after);

    void undo() override;
    void redo() override;

private:
    MarkupDocument *m_document;
    QRect m_rect;
    QImage m_before;
    QImage m_after;
    bool m_skipRedo = true; // the mark is on the layer when the command is pushed
};

} // namespace Atelier
