#pragma once

#include <QByteArray>
#include <QRect>
#include <QUndoCommand>

namespace Atelier {

class MaskDocument;

// The pixels of one part of a change, zlib-compressed.
struct MaskTile
{
    QRect rect;
    QByteArray before;
    QByteArray after;
};

// One change to a mask: the pixels of its dirty rectangle before and after. Only the 64x64 tiles
// of that rectangle that really changed are kept, compressed: a diagonal stroke across a
// 3840x2160 mask keeps the tiles along its path, a few kilobytes each, not 2 x 8 MB.
class MaskEditCommand final : public QUndoCommand
{
public:
    MaskEditCommand(MaskDocument *document, const QString &text, const QList<MaskTile> &tiles);

    void undo() override;
    void redo() override;

    // The change is already on the document when the command is pushed: the first redo() that
    // QUndoStack::push() calls must not apply it again.
    void setAlreadyApplied(bool applied) { m_skipRedo = applied; }
    qint64 bytes() const { return m_bytes; }
    // A copy for the history trimmer (the compressed data is shared, not copied).
    MaskEditCommand *clone() const;

private:
    MaskDocument *m_document;
    QList<MaskTile> m_tiles;
    qint64 m_bytes = 0;
    bool m_skipRedo = true;
};

} // namespace Atelier
