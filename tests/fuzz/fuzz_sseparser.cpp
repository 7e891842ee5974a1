// libFuzzer target: the SSE parser fed arbitrary bytes in arbitrary pieces, then every event it
// produces parsed as an Images API stream event. Nothing may crash, hang or leak, and splitting
// the input differently must not change the events.
#include "api/responseparser.h"
#include "api/sseparser.h"

#include <cstddef>
#include <cstdint>

using namespace Atelier;

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
        events += pieces.feed(input.sliced(at, std::min<qsizetype>(qsizetype(chunk), input.size() - at)));
    events += pieces.finish();

    if (events.size() != expected.size())
        __builtin_trap();
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events[i].data != expected[i].data || events[i].type != expected[i].type)
            __builtin_trap();
        (void)ResponseParser::parseStreamEvent(events[i].type, events[i].data);
    }
    return 0;
}
