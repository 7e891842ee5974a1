#include "maskeditcommand.h"

#include "maskdocument.h"

namespace Atelier {

MaskEditCommand::MaskEditCommand(MaskDocument *document, const QString &text,
                                 const QList<MaskTile> &tiles)
    : QUndoCommand(text)
    , m_document(document)
    , m_tiles(tiles)
{
    for (const MaskTile &tile : tiles)
        m_bytes += tile.before.size() + tile.after.size() + qsizetype(sizeof(MaskTile));
}

void MaskEditCommand::undo()
{
    QRect changed;
    for (const MaskTile &tile : std::as_const(m_tiles)) {
        m_document->restorePixels(tile.rect, tile.before);
        changed |= tile.rect;
    }
    m_document->announceChange(changed);
}

void MaskEditCommand::redo()
{
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    QRect changed;
    for (const MaskTile &tile : std::as_const(m_tiles)) {
        m_document->restorePixels(tile.rect, tile.after);
        changed |= tile.rect;
    }
    m_document->announceChange(changed);
}

MaskEditCommand *MaskEditCommand::clone() const
{
    auto *copy = new MaskEditCommand(m_document, text(), m_tiles);
    copy->setAlreadyApplied(true);
    return copy;
}

} // namespace Atelier
