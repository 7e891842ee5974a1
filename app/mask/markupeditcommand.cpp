#include "markupeditcommand.h"

#include "markupdocument.h"

namespace Atelier {

MarkupEditCommand::MarkupEditCommand(MarkupDocument *document, const QString &text,
                                     const QRect &rect, QImage before, QImage after)
    : m_document(document)
    , m_rect(rect)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(text);
}

void MarkupEditCommand::undo()
{
    m_document->restore(m_rect, m_before);
}

void MarkupEditCommand::redo()
{
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    m_document->restore(m_rect, m_after);
}

} // namespace Atelier
