#include "sseparser.h"

#include <QtAlgorithms>

#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace Atelier {

namespace {

// First CR or LF in [from, size), or -1: one pass, 16 bytes at a time where SSE2 is there (a
// 5 MB data line is all base64, with neither).
qsizetype findLineBreak(const char *data, qsizetype from, qsizetype size)
{
    qsizetype at = from;
#ifdef __SSE2__
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    for (; size - at >= 16; at += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + at));
        const int hits = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, lf), _mm_cmpeq_epi8(bytes, cr)));
        if (hits != 0)
            return at + qCountTrailingZeroBits(quint32(hits));
    }
#endif
    for (; at < size; ++at) {
        if (data[at] == '\n' || data[at] == '\r')
            return at;
    }
    return -1;
}

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

    qsizetype lineStart = 0;
    qsizetype position = m_scanned;
    while (true) {
        const qsizetype size = m_buffer.size();
        qsizetype lineEnd = position < size ? findLineBreak(m_buffer.constData(), position, size) : -1;
        if (lineEnd < 0) {
            position = size;
            break;
        }
        qsizetype next = lineEnd + 1;
        if (m_buffer.at(lineEnd) == '\r') {
            if (next < size) {
                if (m_buffer.at(next) == '\n')
                    ++next;
            } else {
                m_skipLineFeed = true; // the LF of a CRLF may arrive with the next chunk
            }
        }
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
            processLine(lineEnd, next, &events);
            if (m_buffer.size() != before) {
                position = 0;
                continue;
            }
        } else {
            const QByteArray line = m_buffer.mid(lineStart, lineEnd - lineStart);
            QByteArray saved = std::exchange(m_buffer, line);
            processLine(line.size(), line.size(), &events);
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
    return events;
}

// Handles the line m_buffer[0, lineEnd); the next line starts at `nextStart`. When it hands the
// buffer over to the event data, m_buffer is left holding only the bytes from `nextStart`.
void SseParser::processLine(qsizetype lineEnd, qsizetype nextStart, QList<SseEvent> *events)
{
    const QByteArrayView line(m_buffer.constData(), lineEnd);
    if (line.isEmpty()) {
        dispatch(events);
        return;
    }
    if (line.front() == ':')
        return; // comment
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    qsizetype valueStart = colon < 0 ? lineEnd : colon + 1;
    if (colon >= 0 && valueStart < lineEnd && line.at(valueStart) == ' ')
        ++valueStart;
    const QByteArrayView value = line.sliced(valueStart);

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
