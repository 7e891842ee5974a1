#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace Atelier {

// One server-sent event.
struct SseEvent
{
    QByteArray type; // the "event:" field; empty means "message"
    QByteArray data; // "data:" lines joined with '\n'
    QByteArray id;
};

// Incremental parser for text/event-stream (the WHATWG algorithm), fed whatever bytes arrive:
// events may be split at any byte, lines end in CRLF, LF or CR, comments and unknown fields are
// ignored. Scans each byte once; a multi-megabyte data line is not copied when it completes.
class SseParser final
{
public:
    // Appends bytes; returns the events they complete.
    QList<SseEvent> feed(QByteArrayView bytes);
    // The same without a copy: reserve room for up to `count` bytes at the end of the parser's
    // buffer, let a reader fill it, then commit how many bytes it wrote.
    char *prepareAppend(qsizetype count);
    QList<SseEvent> commitAppend(qsizetype written);
    // End of stream: returns a last event whose blank line never came (lenient: a final image
    // must not be lost because a gateway dropped the last newline).
    QList<SseEvent> finish();

    // Gives back the data of a big event the caller is done with, so that its memory receives
    // a later event: fresh multi-megabyte buffers cost a page fault per 4 KiB as they fill. Kept
    // only if nothing else shares it; at most two are kept.
    void recycle(QByteArray data);

    // Bytes held for an incomplete line or event (to enforce a size cap).
    qsizetype pendingBytes() const { return m_buffer.size() + m_current.data.size(); }

private:
    void processLine(qsizetype lineEnd, qsizetype nextStart, QList<SseEvent> *events);
    void dispatch(QList<SseEvent> *events);
    // An empty buffer with room for a line of about `expected` bytes: a recycled one if one is
    // big enough.
    QByteArray takeBuffer(qsizetype expected);

    QByteArray m_buffer; // bytes of the current, incomplete line
    qsizetype m_committed = 0; // bytes of m_buffer that are data (the rest is prepared room)
    qsizetype m_scanned = 0; // bytes of m_buffer already searched for a line end
    bool m_skipLineFeed = false; // the previous chunk ended in CR: a leading LF belongs to it
    bool m_bomChecked = false;
    SseEvent m_current;
    bool m_hasData = false;
    qsizetype m_lastHandOver = 0; // size of the last big data line: the next is likely alike
    QList<QByteArray> m_spare; // recycled buffers for the next big lines
};

} // namespace Atelier
