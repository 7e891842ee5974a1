#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <functional>

namespace Atelier {

// One server-sent event.
struct SseEvent
{
    QByteArray type; // the "event:" field; empty means "message"
    QByteArray data; // "data:" lines joined with '\n'
    QByteArray id;
    // With a base64 sink (SseParser::setBase64Sink): the decoded bytes of this event's
    // "b64_json" string went to the sink while they arrived, and `data` holds the JSON with that
    // string empty. -1: nothing was streamed (the value, if any, is in `data`).
    qint64 streamedBytes = -1;
    // The streamed string was not base64 (or its line broke off); what was sent to the sink is
    // void. `data` is then what is known of the JSON.
    bool streamFailed = false;
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

    // Bytes held for an incomplete line or event (to enforce a size cap); a streamed value
    // counts with what was decoded of it.
    qsizetype pendingBytes() const
    {
        return m_buffer.size() + m_current.data.size() + m_streamedLength;
    }

    // Streams the base64 string of a "data:" line's JSON key "b64_json" (an image) out as it
    // arrives instead of gathering the line: decoded in place, slice by slice, and handed to the
    // sink, so that no multi-megabyte buffer is needed (the CLI writes the bytes to a file as they
    // come). Only for the first data line of an event, with the key in its first 4 KiB; the JSON
    // escape "\/" is understood. Begin, then Bytes (any number), then End (the string closed)
    // or Abort (not base64, or the stream ended inside it).
    enum class SinkEvent { Begin, Bytes, End, Abort };
    using Base64Sink = std::function<void(SinkEvent, QByteArrayView)>;
    void setBase64Sink(Base64Sink sink) { m_sink = std::move(sink); }

private:
    // Where the line ending at `lineEnd` (a CR or LF in m_buffer) is followed by the next one.
    qsizetype nextLineStart(qsizetype lineEnd);
    void processLine(qsizetype lineEnd, qsizetype nextStart, QList<SseEvent> *events);
    void dispatch(QList<SseEvent> *events);
    // An empty buffer with room for a line of about `expected` bytes: a recycled one if one is
    // big enough.
    QByteArray takeBuffer(qsizetype expected);
    // Completes the lines in m_buffer; the incomplete one is left at its start.
    void scanLines(QList<SseEvent> *events);
    // Looks for the start of a "b64_json" string in the current data line; enters streaming.
    void startStreaming();
    // Decodes what arrived of the streamed string; leaves streaming when it closes.
    void continueStreaming();
    void abortStreaming();
    // After an aborted string: drops the rest of its line; false while the line goes on.
    bool skipLine();

    QByteArray m_buffer; // bytes of the current, incomplete line
    qsizetype m_committed = 0; // bytes of m_buffer that are data (the rest is prepared room)
    qsizetype m_scanned = 0; // bytes of m_buffer already searched for a line end
    bool m_skipLineFeed = false; // the previous chunk ended in CR: a leading LF belongs to it
    bool m_bomChecked = false;
    SseEvent m_current;
    bool m_hasData = false;
    qsizetype m_lastHandOver = 0; // size of the last big data line: the next is likely alike
    QList<QByteArray> m_spare; // recycled buffers for the next big lines

    Base64Sink m_sink;
    enum class Streaming { No, InValue, SkipLine };
    Streaming m_streaming = Streaming::No;
    bool m_lineChecked = false; // the current line was looked at for a string to stream
    QByteArray m_lineHead; // the streamed line up to the string's opening quote
    qint64 m_streamedLength = 0; // decoded bytes handed to the sink for the current string
};

} // namespace Atelier
