// libFuzzer target: the SSE parser fed arbitrary bytes in arbitrary pieces, then every event it
// produces parsed as an Images API stream event. Nothing may crash, hang or leak, and splitting
// the input differently must not change the events. A third parse streams image strings to a
// sink (SseParser::setBase64Sink): its events must be the same ones with the string taken out,
// and the sink must have received exactly what the string decodes to, or the string must indeed
// be broken.
#include "api/base64.h"
#include "api/responseparser.h"
#include "api/sseparser.h"

#include <cstddef>
#include <cstdint>

using namespace Atelier;

namespace {

// A JSON string's text as the streaming decoder reads it ("\/" is '/'), decoded; false if broken.
bool decodeStringText(QByteArray text, QByteArray *bytes)
{
    QByteArray plain;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\\') {
            if (i + 1 >= text.size() || text[i + 1] != '/')
                return false;
            ++i;
        }
        plain.append(text[i]);
    }
    if (!decodeBase64InPlace(plain))
        return false;
    *bytes = plain;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte chooses the chunk size, so the fuzzer explores split positions.
    const size_t chunk = 1 + data[0] % 64;
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    SseParser whole;
    QList<SseEvent> expected = whole.feed(input);
    expected += whole.finish();

    SseParser pieces;
    QList<SseEvent> events;
    for (qsizetype at = 0; at < input.size(); at += qsizetype(chunk))
        events += pieces.feed(
            input.sliced(at, std::min<qsizetype>(qsizetype(chunk), input.size() - at)));
    events += pieces.finish();

    if (events.size() != expected.size())
        __builtin_trap();
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events[i].data != expected[i].data || events[i].type != expected[i].type)
            __builtin_trap();
        (void)ResponseParser::parseStreamEvent(events[i].type, events[i].data);
    }

    SseParser streaming;
    QList<QByteArray> strings;
    bool open = false;
    streaming.setBase64Sink([&](SseParser::SinkEvent what, QByteArrayView bytes) {
        switch (what) {
        case SseParser::SinkEvent::Begin:
            if (open)
                __builtin_trap();
            open = true;
            strings.append(QByteArray());
            break;
        case SseParser::SinkEvent::Bytes:
            if (!open)
                __builtin_trap();
            strings.last().append(bytes);
            break;
        case SseParser::SinkEvent::End:
        case SseParser::SinkEvent::Abort:
            if (!open)
                __builtin_trap();
            open = false;
            break;
        }
    });
    QList<SseEvent> streamed;
    for (qsizetype at = 0; at < input.size(); at += qsizetype(chunk))
        streamed += streaming.feed(
            input.sliced(at, std::min<qsizetype>(qsizetype(chunk), input.size() - at)));
    streamed += streaming.finish();
    if (open || streamed.size() != expected.size())
        __builtin_trap();
    qsizetype next = 0;
    for (qsizetype i = 0; i < streamed.size(); ++i) {
        const SseEvent &event = streamed[i];
        const QByteArray &whole = expected[i].data;
        if (event.type != expected[i].type || event.id != expected[i].id)
            __builtin_trap();
        if (event.streamedBytes < 0 && !event.streamFailed) {
            if (event.data != whole)
                __builtin_trap();
            continue;
        }
        if (next >= strings.size())
            __builtin_trap();
        const QByteArray &sunk = strings[next++];
        // The string's text starts where the two events' data first differ.
        qsizetype start = 0;
        while (start < event.data.size() && start < whole.size()
               && event.data[start] == whole[start])
            ++start;
        if (!whole.startsWith(event.data.first(std::min(start, event.data.size()))))
            __builtin_trap();
        if (event.streamFailed) {
            // Broken indeed: no closing quote on its line, or the text does not decode.
            const qsizetype from = start;
            qsizetype end = from;
            while (end < whole.size() && whole[end] != '"' && whole[end] != '\n')
                ++end;
            QByteArray bytes;
            if (end < whole.size() && whole[end] == '"'
                && decodeStringText(whole.mid(from, end - from), &bytes))
                __builtin_trap();
            continue;
        }
        const qsizetype length = whole.size() - event.data.size();
        if (length < 0 || event.data.mid(start) != whole.mid(start + length))
            __builtin_trap();
        QByteArray bytes;
        if (!decodeStringText(whole.mid(start, length), &bytes) || bytes != sunk
            || bytes.size() != event.streamedBytes)
            __builtin_trap();
    }
    if (next != strings.size())
        __builtin_trap();
    return 0;
}
