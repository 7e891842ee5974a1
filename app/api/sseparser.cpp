#include "sseparser.h"

#include "base64.h"

#include <cstring>

namespace Atelier {

namespace {

// First CR or LF in [from, size), or -1 (a 5 MB data line is all base64, with neither).
qsizetype findLineBreak(const char *data, qsizetype from, qsizetype size)
{
    const qsizetype at = from + findFirstOf(data + from, size - from, '\n', '\r');
    return at < size ? at : -1;
}

// A line's value: what follows the colon at `colon`, without one leading space.
QByteArrayView valueAfter(QByteArrayView line, qsizetype colon)
{
    const QByteArrayView value = line.sliced(colon + 1);
    return value.startsWith(' ') ? value.sliced(1) : value;
}

// A streamed string's key must start within this many bytes of its line.
constexpr qsizetype StreamKeyWindow = 4096;

// Data lines above this size are handed over instead of copied.
constexpr qsizetype HandOverThreshold = 64 * 1024;

} // namespace

QList<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return {};
    std::memcpy(prepareAppend(bytes.size()), bytes.data(), size_t(bytes.size()));
    return commitAppend(bytes.size());
}

char *SseParser::prepareAppend(qsizetype count)
{
    m_committed = m_buffer.size();
    m_buffer.resize(m_committed + count);
    return m_buffer.data() + m_committed;
}

QList<SseEvent> SseParser::commitAppend(qsizetype written)
{
    QList<SseEvent> events;
    const qsizetype start = m_committed;
    m_buffer.truncate(start + std::max<qsizetype>(0, written));
    if (m_buffer.size() == start)
        return events;
    if (m_skipLineFeed) {
        m_skipLineFeed = false;
        if (m_buffer.at(start) == '\n')
            m_buffer.remove(start, 1); // the LF of a CRLF split across reads
    }
    if (!m_bomChecked) {
        // A byte order mark counts only as the very first bytes of the stream.
        static const QByteArray bom("\xEF\xBB\xBF");
        const qsizetype seen = std::min<qsizetype>(3, m_buffer.size());
        if (QByteArrayView(m_buffer).first(seen) != QByteArrayView(bom).first(seen)) {
            m_bomChecked = true;
        } else if (m_buffer.size() >= 3) {
            m_buffer.remove(0, 3);
            m_bomChecked = true;
        } else {
            return events; // only a prefix of a BOM so far: no line break to act on yet
        }
    }

    while (true) {
        if (m_streaming == Streaming::InValue) {
            continueStreaming();
            if (m_streaming == Streaming::InValue)
                break;
        }
        if (m_streaming == Streaming::SkipLine && !skipLine())
            break;
        scanLines(&events);
        if (m_sink && m_streaming == Streaming::No && !m_lineChecked && !m_hasData) {
            startStreaming();
            if (m_streaming != Streaming::No)
                continue;
        }
        break;
    }
    return events;
}

void SseParser::scanLines(QList<SseEvent> *events)
{
    qsizetype lineStart = 0;
    qsizetype position = m_scanned;
    while (true) {
        const qsizetype size = m_buffer.size();
        qsizetype lineEnd
            = position < size ? findLineBreak(m_buffer.constData(), position, size) : -1;
        if (lineEnd < 0) {
            position = size;
            break;
        }
        qsizetype next = nextLineStart(lineEnd);
        if (lineStart > 0 && lineEnd - lineStart >= HandOverThreshold) {
            // Move the big line to the buffer start so it can be handed over without a copy.
            m_buffer.remove(0, lineStart);
            lineEnd -= lineStart;
            next -= lineStart;
            lineStart = 0;
        }
        if (lineStart == 0) {
            // processLine may take the buffer and leave only what follows the line.
            const qsizetype before = m_buffer.size();
            processLine(lineEnd, next, events);
            if (m_buffer.size() != before) {
                position = 0;
                continue;
            }
        } else {
            const QByteArray line = m_buffer.mid(lineStart, lineEnd - lineStart);
            QByteArray saved = std::exchange(m_buffer, line);
            processLine(line.size(), line.size(), events);
            m_buffer = std::move(saved);
        }
        lineStart = next;
        position = next;
    }
    if (lineStart > 0) {
        m_buffer.remove(0, lineStart);
        position -= lineStart;
    }
    m_scanned = position;
}

qsizetype SseParser::nextLineStart(qsizetype lineEnd)
{
    qsizetype next = lineEnd + 1;
    if (m_buffer.at(lineEnd) == '\r') {
        if (next < m_buffer.size()) {
            if (m_buffer.at(next) == '\n')
                ++next;
        } else {
            m_skipLineFeed = true; // the LF of a CRLF may arrive with the next chunk
        }
    }
    return next;
}

// Handles the line m_buffer[0, lineEnd); the next line starts at `nextStart`. When it hands the
// buffer over to the event data, m_buffer is left holding only the bytes from `nextStart`.
void SseParser::processLine(qsizetype lineEnd, qsizetype nextStart, QList<SseEvent> *events)
{
    m_lineChecked = false; // the next line is yet to be looked at for a string to stream
    const QByteArrayView line(m_buffer.constData(), lineEnd);
    if (line.isEmpty()) {
        dispatch(events);
        return;
    }
    if (line.front() == ':')
        return; // comment
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    const QByteArrayView value = colon < 0 ? line.sliced(lineEnd) : valueAfter(line, colon);
    const qsizetype valueStart = value.data() - line.data();

    if (field == "data") {
        if (!m_hasData && lineEnd >= HandOverThreshold && nextStart <= m_buffer.size()) {
            // Streams send images of one size: room for the next one avoids regrowing (and
            // copying) the buffer megabyte by megabyte; a recycled buffer has its pages already.
            m_lastHandOver = lineEnd;
            QByteArray whole = std::exchange(m_buffer, takeBuffer(m_lastHandOver));
            m_buffer.append(whole.constData() + nextStart, whole.size() - nextStart);
            whole.truncate(lineEnd);
            whole.remove(0, valueStart);
            m_current.data = std::move(whole);
            m_hasData = true;
            return;
        }
        if (m_hasData)
            m_current.data.append('\n');
        m_current.data.append(value.data(), value.size());
        m_hasData = true;
    } else if (field == "event") {
        m_current.type = value.toByteArray();
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_current.id = value.toByteArray();
    }
    // "retry" and unknown fields are ignored.
}

void SseParser::startStreaming()
{
    const QByteArrayView line
        = QByteArrayView(m_buffer).first(std::min(m_buffer.size(), StreamKeyWindow));
    const bool whole = line.size() == StreamKeyWindow; // no more of the window is to come
    static constexpr QByteArrayView field("data:");
    if (line.size() < field.size()) {
        m_lineChecked = field.first(line.size()) != line;
        return;
    }
    if (!line.startsWith(field)) {
        m_lineChecked = true;
        return;
    }
    static constexpr QByteArrayView key("\"b64_json\"");
    auto isSpace = [](char c) {
        return c == ' ' || c == '\t';
    };
    for (qsizetype from = field.size();;) {
        const qsizetype at = line.indexOf(key, from);
        if (at < 0) {
            m_lineChecked = whole;
            return;
        }
        from = at + 1;
        qsizetype position = at + key.size();
        while (position < line.size() && isSpace(line.at(position)))
            ++position;
        if (position < line.size() && line.at(position) == ':')
            ++position;
        else if (position < line.size())
            continue; // the text "b64_json" somewhere else
        while (position < line.size() && isSpace(line.at(position)))
            ++position;
        if (position >= line.size()) {
            m_lineChecked = whole; // wait for the rest of the key
            return;
        }
        if (line.at(position) != '"') {
            m_lineChecked = true; // not a string: left to the JSON parser
            return;
        }
        const qsizetype valueStart = position + 1;
        m_lineHead = m_buffer.first(valueStart);
        m_buffer.remove(0, valueStart);
        m_streaming = Streaming::InValue;
        m_streamedLength = 0;
        m_sink(SinkEvent::Begin, {});
        return;
    }
}

void SseParser::continueStreaming()
{
    char *begin = m_buffer.data();
    char *end = begin + m_buffer.size();
    char *stop = begin + findFirstOf(begin, end - begin, '"', '\\');
    if (stop < end && *stop == '\\') {
        // JSON may escape '/' as "\/" (some gateways do): unescape the rest in one pass.
        char *write = stop;
        char *read = stop;
        while (read < end && *read != '"') {
            if (*read != '\\') {
                *write++ = *read++;
                continue;
            }
            if (read + 1 == end)
                break; // the escaped character comes with the next bytes
            if (read[1] != '/') {
                abortStreaming(); // no other escape belongs in base64
                return;
            }
            *write++ = '/';
            read += 2;
        }
        std::memmove(write, read, size_t(end - read));
        end -= read - write;
        stop = write;
        m_buffer.truncate(end - begin);
    }
    const bool last = stop < end && *stop == '"';
    qsizetype consumed = 0;
    const qsizetype decoded = decodeBase64Prefix(begin, stop - begin, last, &consumed);
    if (decoded < 0) {
        abortStreaming();
        return;
    }
    if (decoded > 0) {
        m_streamedLength += decoded;
        m_sink(SinkEvent::Bytes, QByteArrayView(begin, decoded));
    }
    if (!last) {
        // Keep the few characters that do not make a group of four yet (and a lone backslash).
        const qsizetype left = (end - begin) - consumed;
        std::memmove(begin, begin + consumed, size_t(left));
        m_buffer.truncate(left);
        return;
    }
    m_sink(SinkEvent::End, {});
    // The line goes on as the JSON with the string emptied: its head, the closing quote, the rest.
    const QByteArray rest(stop, end - stop);
    m_buffer.resize(0); // keeps the memory for the next bytes
    m_buffer.append(m_lineHead).append(rest);
    m_scanned = m_lineHead.size();
    m_lineHead.clear();
    m_current.streamedBytes = std::exchange(m_streamedLength, 0);
    m_streaming = Streaming::No;
    m_lineChecked = true;
}

void SseParser::abortStreaming()
{
    m_sink(SinkEvent::Abort, {});
    m_streaming = Streaming::SkipLine;
    m_streamedLength = 0;
    m_current.streamFailed = true;
    // What is known of the event: the line's value up to the string.
    m_current.data = valueAfter(m_lineHead, m_lineHead.indexOf(':')).toByteArray();
    m_lineHead.clear();
    m_hasData = true;
}

bool SseParser::skipLine()
{
    const qsizetype lineEnd = findLineBreak(m_buffer.constData(), 0, m_buffer.size());
    if (lineEnd < 0) {
        m_buffer.resize(0);
        return false;
    }
    m_buffer.remove(0, nextLineStart(lineEnd));
    m_scanned = 0;
    m_streaming = Streaming::No;
    m_lineChecked = false;
    return true;
}

void SseParser::recycle(QByteArray data)
{
    if (data.isDetached() && data.capacity() >= HandOverThreshold && m_spare.size() < 2)
        m_spare.append(std::move(data));
}

QByteArray SseParser::takeBuffer(qsizetype expected)
{
    // Fresh buffers get room to spare; a recycled one has lost a few bytes at its start (the
    // "data:" prefix and the JSON before the base64 were cut off there) and is taken if at least
    // half that margin is left.
    const qsizetype capacity = expected + HandOverThreshold;
    for (qsizetype i = 0; i < m_spare.size(); ++i) {
        QByteArray &spare = m_spare[i];
        if (spare.size() + spare.data_ptr().freeSpaceAtEnd() >= expected + HandOverThreshold / 2) {
            QByteArray buffer = m_spare.takeAt(i);
            buffer.resize(0); // keeps the memory
            return buffer;
        }
    }
    QByteArray buffer;
    buffer.reserve(capacity);
    return buffer;
}

void SseParser::dispatch(QList<SseEvent> *events)
{
    if (m_hasData)
        events->append(std::move(m_current));
    m_current = SseEvent();
    m_hasData = false;
}

QList<SseEvent> SseParser::finish()
{
    QList<SseEvent> events;
    if (m_streaming == Streaming::InValue)
        abortStreaming(); // the stream ended inside the string
    if (m_streaming == Streaming::SkipLine) {
        m_buffer.clear();
        m_streaming = Streaming::No;
    }
    m_lineChecked = false;
    if (!m_buffer.isEmpty()) {
        // A last line without its line break.
        const qsizetype size = m_buffer.size();
        processLine(size, size, &events);
        m_buffer.clear();
    }
    dispatch(&events);
    m_scanned = 0;
    m_skipLineFeed = false;
    return events;
}

} // namespace Atelier
