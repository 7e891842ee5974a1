#include "pngdecoder.h"

#include "pngfilters.h"

#include <QByteArray>
#include <QImageReader>
#include <QScopeGuard>
#include <QtEndian>

#include <isa-l/igzip_lib.h>
#include <libdeflate.h>

#include <cstring>
#include <memory>

namespace Atelier::PngDecoder {

namespace {

// Larger images are left to Qt: the caller's limits are far below this anyway.
constexpr quint32 MaxEdge = 1U << 16;
constexpr quint64 MaxPixels = 1ULL << 28;

// What Qt's own readers refuse, this one refuses too: a small file that declares a huge image
// (16000x16000 in 750 KB) must not take gigabytes because it came through the fast path.
bool withinAllocationLimit(quint32 width, quint32 height)
{
    const int megabytes = QImageReader::allocationLimit();
    return megabytes <= 0 || quint64(width) * height * 4 <= quint64(megabytes) * 1024 * 1024;
}

quint32 readBigEndian(const uchar *p)
{
    return qFromBigEndian<quint32>(p);
}

bool isType(const uchar *type, const char (&name)[5])
{
    return std::memcmp(type, name, 4) == 0;
}

// Ancillary chunks that make libpng or Qt's reader change the result (colour space, gamma,
// transparency, offset, compressed or international text, significant bits, ...): a file with
// one of them is left to Qt. Other ancillary chunks (tIME, C2PA's caBX, private ones) change
// nothing and are skipped, as libpng skips them.
bool changesTheResult(const uchar *type)
{
    static constexpr const char *chunks[]
        = {"tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "cICP", "mDCv", "cLLi", "cLLI", "oFFs", "zTXt",
           "iTXt", "sBIT", "bKGD", "hIST", "sPLT", "pCAL", "sCAL", "eXIf", "acTL", "fcTL", "fdAT"};
    for (const char *chunk : chunks) {
        if (std::memcmp(type, chunk, 4) == 0)
            return true;
    }
    return false;
}

// Working memory of one thread, kept between images: a fresh 8 MB buffer per image costs
// thousands of page faults (and unmapping it, TLB shootdowns), measurably more than the copy.
// Buffers above KeptBytes (a 4K image's rows) are given back after each image; a thread pool's
// threads give theirs back when they expire.
class Scratch
{
public:
    static constexpr size_t KeptBytes = 16U << 20;

    uchar *reserve(size_t bytes)
    {
        if (bytes > m_capacity) {
            m_data.reset(new (std::nothrow) uchar[bytes]);
            m_capacity = m_data ? bytes : 0;
        }
        return m_data.get();
    }
    void release()
    {
        if (m_capacity > KeptBytes) {
            m_data.reset();
            m_capacity = 0;
        }
    }

private:
    std::unique_ptr<uchar[]> m_data;
    size_t m_capacity = 0;
};

constexpr uchar Signature[8] = {137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};

} // namespace

QSize headerSize(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    if (bytes.size() < 8 + 16 || std::memcmp(data, Signature, 8) != 0 || !isType(data + 12, "IHDR"))
        return {};
    const quint32 width = readBigEndian(data + 16);
    const quint32 height = readBigEndian(data + 20);
    return width <= 0x7fffffffU && height <= 0x7fffffffU ? QSize(int(width), int(height)) : QSize();
}

bool decode(QByteArrayView bytes, QImage *image, Implementation implementation)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype size = bytes.size();
    if (size < 8 + 25 || std::memcmp(data, Signature, 8) != 0)
        return false;

    quint32 width = 0;
    quint32 height = 0;
    int bpp = 0;
    thread_local Scratch compressedBuffer;
    thread_local Scratch rowBuffer;
    const auto giveBack = qScopeGuard([] { // however this returns: buffers grown too big go
        compressedBuffer.release();
        rowBuffer.release();
    });
    uchar *compressed = nullptr;
    size_t compressedBytes = 0;
    int idatState = 0; // 0 none yet, 1 in the IDAT run, 2 after it
    bool sawEnd = false;
    bool sawPhys = false;
    int dotsPerMeterX = 0;
    int dotsPerMeterY = 0;
    QList<std::pair<QString, QString>> texts;
    for (qsizetype at = 8; !sawEnd;) {
        if (size - at < 12)
            return false;
        const quint32 length = readBigEndian(data + at);
        const uchar *type = data + at + 4;
        const uchar *payload = type + 4;
        if (length > 0x7fffffffU || qsizetype(length) > size - at - 12)
            return false;
        if (libdeflate_crc32(0, type, size_t(length) + 4) != readBigEndian(payload + length))
            return false;
        at += 12 + qsizetype(length);
        for (int i = 0; i < 4; ++i) {
            if (!((type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z')))
                return false; // not a chunk name: libpng refuses the file
        }
        const bool first = width == 0;
        if (first != isType(type, "IHDR"))
            return false;
        if (isType(type, "IHDR")) {
            if (length != 13)
                return false;
            width = readBigEndian(payload);
            height = readBigEndian(payload + 4);
            const int depth = payload[8];
            const int colorType = payload[9];
            if (width == 0 || height == 0 || width > MaxEdge || height > MaxEdge
                || quint64(width) * height > MaxPixels || !withinAllocationLimit(width, height)
                || depth != 8 || (colorType != 2 && colorType != 6) || payload[10] != 0
                || payload[11] != 0 || payload[12] != 0)
                return false;
            bpp = colorType == 6 ? 4 : 3;
            compressed
                = compressedBuffer.reserve(size_t(size)); // IDAT payloads are shorter than the file
            if (!compressed)
                return false;
        } else if (isType(type, "IDAT")) {
            if (idatState == 2)
                return false; // IDAT chunks must follow one another
            idatState = 1;
            std::memcpy(compressed + compressedBytes, payload, length);
            compressedBytes += length;
        } else if (isType(type, "IEND")) {
            sawEnd = true;
        } else if (isType(type, "PLTE")) {
            if (idatState != 0)
                return false; // a suggested palette for RGB images: libpng ignores it
        } else if (isType(type, "pHYs")) {
            if (length != 9 || sawPhys || idatState != 0)
                return false;
            sawPhys = true;
            const quint32 x = readBigEndian(payload);
            const quint32 y = readBigEndian(payload + 4);
            if (x > 0x7fffffffU || y > 0x7fffffffU)
                return false;
            if (payload[8] == 1) { // per metre; otherwise only an aspect ratio, which Qt ignores
                dotsPerMeterX = int(x);
                dotsPerMeterY = int(y);
            }
        } else if (isType(type, "tEXt")) {
            const auto *end = payload + length;
            const auto *nul = static_cast<const uchar *>(std::memchr(payload, 0, length));
            if (!nul || nul == payload || nul - payload > 79
                || std::memchr(nul + 1, 0, size_t(end - nul - 1)))
                return false;
            texts.append(
                {QString::fromLatin1(reinterpret_cast<const char *>(payload), nul - payload),
                 QString::fromLatin1(reinterpret_cast<const char *>(nul + 1), end - nul - 1)});
        } else if (!(type[0] & 0x20) || changesTheResult(type)) {
            return false; // an unknown critical chunk, or one that changes the result
        }
        if (idatState == 1 && !isType(type, "IDAT"))
            idatState = 2;
    }
    if (idatState == 0)
        return false;

    // Inflate all rows at once (each with its filter byte), plus room for the 4-byte loads of
    // the last 3-byte pixel.
    const qsizetype rowBytes = qsizetype(width) * bpp;
    const qsizetype stride = rowBytes + 1;
    const qsizetype rawBytes = stride * qsizetype(height);
    uchar *rows = rowBuffer.reserve(size_t(rawBytes) + 16);
    if (!rows)
        return false;
    thread_local const std::unique_ptr<libdeflate_decompressor,
                                       decltype(&libdeflate_free_decompressor)>
        inflater(libdeflate_alloc_decompressor(), &libdeflate_free_decompressor);
    if (!inflater)
        return false;
    size_t consumed = 0;
    size_t produced = 0;
    if (libdeflate_zlib_decompress_ex(inflater.get(), compressed, compressedBytes, rows,
                                      size_t(rawBytes), &consumed, &produced)
            != LIBDEFLATE_SUCCESS
        || produced != size_t(rawBytes) || consumed != compressedBytes)
        return false;

    QImage result(int(width), int(height), bpp == 4 ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    if (result.isNull())
        return false;
    const QByteArray zeros(stride + 16, '\0');
    const auto *prior = reinterpret_cast<const uchar *>(zeros.constData());
    for (quint32 y = 0; y < height; ++y) {
        uchar *line = rows + qsizetype(y) * stride;
        const int filter = line[0];
        if (filter > 4)
            return false;
        PngFilters::unfilter(filter, line + 1, prior, rowBytes, bpp, implementation);
        PngFilters::convertRow(line + 1, reinterpret_cast<QRgb *>(result.scanLine(int(y))),
                               int(width), bpp);
        prior = line + 1;
    }
    if (dotsPerMeterX > 0)
        result.setDotsPerMeterX(dotsPerMeterX);
    if (dotsPerMeterY > 0)
        result.setDotsPerMeterY(dotsPerMeterY);
    for (const auto &[key, value] : std::as_const(texts))
        result.setText(key, value);
    *image = std::move(result);
    return true;
}

// --- StreamDecoder -------------------------------------------------------------------------

struct StreamDecoder::Private
{
    enum class Stage { Signature, ChunkHeader, Payload, Crc, Done, Failed };

    int maxEdge;
    qint64 maxPixels;
    Implementation implementation;

    Stage stage = Stage::Signature;
    uchar small[12] = {}; // the signature, a chunk header or a CRC being gathered
    int smallFill = 0;
    // The chunk being read.
    quint32 length = 0;
    quint32 remaining = 0;
    uchar type[4] = {};
    quint32 crc = 0;
    bool collect = false; // its payload is needed (IHDR, pHYs, tEXt)
    QByteArray payload;

    // The file so far.
    quint32 width = 0;
    quint32 height = 0;
    int bpp = 0;
    int idatState = 0; // 0 none yet, 1 in the IDAT run, 2 after it
    bool sawPhys = false;
    int dotsPerMeterX = 0;
    int dotsPerMeterY = 0;
    QList<std::pair<QString, QString>> texts;

    // Inflating: the rows arrive in `window` (each with its filter byte); `prior` is the last
    // row undone (zeros above the first).
    bool streamEnded = false;
    std::unique_ptr<inflate_state> inflater; // ISA-L's, about 90 KB
    qsizetype rowBytes = 0;
    qsizetype stride = 0;
    quint64 rawBytes = 0;
    quint64 produced = 0;
    std::unique_ptr<uchar[]> window;
    qsizetype windowCapacity = 0;
    qsizetype windowFill = 0;
    std::unique_ptr<uchar[]> prior;
    quint32 row = 0;
    QImage image;

    // Gives back the memory (the image is kept for finish()).
    void release()
    {
        inflater.reset();
        window.reset();
        prior.reset();
        payload = QByteArray();
    }
    bool fail()
    {
        stage = Stage::Failed;
        release();
        image = QImage();
        return false;
    }

    bool startChunk();
    bool endChunk();
    bool startImage();
    bool inflateData(const uchar *data, qsizetype size);
    bool undoRows();
    bool feed(const uchar *data, qsizetype size);
};

bool StreamDecoder::Private::startChunk()
{
    length = readBigEndian(small);
    std::memcpy(type, small + 4, 4);
    if (length > 0x7fffffffU)
        return fail();
    for (const uchar c : type) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            return fail(); // not a chunk name: libpng refuses the file
    }
    if ((width == 0) != isType(type, "IHDR"))
        return fail(); // IHDR first, and only once
    const bool idat = isType(type, "IDAT");
    if (idat && idatState == 2)
        return fail(); // IDAT chunks must follow one another
    if (idat)
        idatState = 1;
    // Known at once, so that no time goes on the rest: a chunk decode() refuses.
    if (!idat && !isType(type, "IHDR") && !isType(type, "IEND") && !isType(type, "PLTE")
        && !isType(type, "pHYs") && !isType(type, "tEXt")
        && (!(type[0] & 0x20) || changesTheResult(type)))
        return fail();
    crc = quint32(libdeflate_crc32(0, type, 4));
    remaining = length;
    if ((isType(type, "IHDR") && length != 13) || (isType(type, "pHYs") && length != 9))
        return fail();
    collect = isType(type, "IHDR") || isType(type, "pHYs") || isType(type, "tEXt");
    payload.clear(); // gathered as it comes: a stated length is not trusted with memory
    stage = remaining > 0 ? Stage::Payload : Stage::Crc;
    return true;
}

bool StreamDecoder::Private::endChunk()
{
    if (crc != readBigEndian(small))
        return fail();
    const auto *data = reinterpret_cast<const uchar *>(payload.constData());
    const bool idat = isType(type, "IDAT");
    if (isType(type, "IHDR")) {
        if (length != 13)
            return fail();
        width = readBigEndian(data);
        height = readBigEndian(data + 4);
        const int depth = data[8];
        const int colorType = data[9];
        if (width == 0 || height == 0 || width > MaxEdge || height > MaxEdge
            || quint64(width) * height > MaxPixels || !withinAllocationLimit(width, height)
            || depth != 8 || (colorType != 2 && colorType != 6) || data[10] != 0 || data[11] != 0
            || data[12] != 0)
            return fail();
        if (width > quint32(maxEdge) || height > quint32(maxEdge)
            || qint64(width) * height > maxPixels)
            return fail(); // beyond the caller's limits: not worth a byte more
        bpp = colorType == 6 ? 4 : 3;
        if (!startImage())
            return false;
    } else if (isType(type, "IEND")) {
        stage = Stage::Done;
        return true;
    } else if (isType(type, "PLTE")) {
        if (idatState != 0)
            return fail(); // a suggested palette for RGB images: libpng ignores it
    } else if (isType(type, "pHYs")) {
        if (length != 9 || sawPhys || idatState != 0)
            return fail();
        sawPhys = true;
        const quint32 x = readBigEndian(data);
        const quint32 y = readBigEndian(data + 4);
        if (x > 0x7fffffffU || y > 0x7fffffffU)
            return fail();
        if (data[8] == 1) { // per metre; otherwise only an aspect ratio, which Qt ignores
            dotsPerMeterX = int(x);
            dotsPerMeterY = int(y);
        }
    } else if (isType(type, "tEXt")) {
        const auto *end = data + length;
        const auto *nul
            = static_cast<const uchar *>(length > 0 ? std::memchr(data, 0, length) : nullptr);
        if (!nul || nul == data || nul - data > 79
            || std::memchr(nul + 1, 0, size_t(end - nul - 1)))
            return fail();
        texts.append({QString::fromLatin1(reinterpret_cast<const char *>(data), nul - data),
                      QString::fromLatin1(reinterpret_cast<const char *>(nul + 1), end - nul - 1)});
    }
    if (idatState == 1 && !idat)
        idatState = 2;
    payload.clear();
    stage = Stage::ChunkHeader;
    return true;
}

bool StreamDecoder::Private::startImage()
{
    rowBytes = qsizetype(width) * bpp;
    stride = rowBytes + 1;
    rawBytes = quint64(stride) * height;
    image
        = QImage(int(width), int(height), bpp == 4 ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    // A window of rows for inflate to fill (at least two, so a full window always holds a whole
    // row), plus room for the 4-byte loads of a last 3-byte pixel.
    windowCapacity = std::max<qsizetype>(2 * stride, 128 * 1024);
    window.reset(new (std::nothrow) uchar[size_t(windowCapacity) + 16]);
    prior.reset(new (std::nothrow) uchar[size_t(stride) + 16]);
    if (image.isNull() || !window || !prior)
        return fail();
    std::memset(prior.get(), 0, size_t(stride) + 16);
    inflater.reset(new (std::nothrow) inflate_state);
    if (!inflater)
        return fail();
    isal_inflate_init(inflater.get());
    inflater->crc_flag = ISAL_ZLIB; // the zlib header and Adler-32 checked, as libdeflate does
    return true;
}

// The rows complete in the window: filters undone, converted into the image; what is left of
// a row moves to the front.
bool StreamDecoder::Private::undoRows()
{
    qsizetype at = 0;
    const uchar *above = prior.get();
    for (; windowFill - at >= stride; at += stride) {
        uchar *line = window.get() + at;
        const int filter = line[0];
        if (filter > 4 || row >= height)
            return fail();
        PngFilters::unfilter(filter, line + 1, above, rowBytes, bpp, implementation);
        PngFilters::convertRow(line + 1, reinterpret_cast<QRgb *>(image.scanLine(int(row))),
                               int(width), bpp);
        above = line + 1;
        ++row;
    }
    if (at == 0)
        return true;
    std::memcpy(prior.get(), above, size_t(rowBytes));
    windowFill -= at;
    std::memmove(window.get(), window.get() + at, size_t(windowFill));
    return true;
}

bool StreamDecoder::Private::inflateData(const uchar *data, qsizetype size)
{
    if (size == 0)
        return true;
    if (streamEnded)
        return fail(); // data after the end of the compressed stream
    inflate_state &state = *inflater;
    state.next_in = const_cast<uchar *>(data);
    while (size > 0) {
        const quint32 in = quint32(std::min<qsizetype>(size, 1 << 30));
        state.avail_in = in;
        // Until the input is used up and the inflater had room to spare (a full window may leave
        // output inside it).
        do {
            state.next_out = window.get() + windowFill;
            state.avail_out = quint32(windowCapacity - windowFill);
            const quint32 inBefore = state.avail_in;
            const int result = isal_inflate(&state);
            const qsizetype written
                = qsizetype(windowCapacity - windowFill) - qsizetype(state.avail_out);
            windowFill += written;
            produced += quint64(written);
            if (result != ISAL_DECOMP_OK || produced > rawBytes)
                return fail(); // damaged, a dictionary wanted, or more data than the rows need
            if (!undoRows())
                return false;
            if (state.block_state == ISAL_BLOCK_FINISH) {
                streamEnded = true;
                if (state.avail_in > 0 || size > qsizetype(in))
                    return fail();
                return true;
            }
            if (written == 0 && state.avail_in == inBefore) {
                if (state.avail_in > 0)
                    return fail(); // stuck with input left: never seen, never trusted
                break; // it needs more input
            }
        } while (state.avail_in > 0 || state.avail_out == 0);
        size -= in;
    }
    return true;
}

bool StreamDecoder::Private::feed(const uchar *data, qsizetype size)
{
    while (size > 0) {
        switch (stage) {
        case Stage::Done:
            return true; // what follows IEND is not read
        case Stage::Failed:
            return false;
        case Stage::Signature:
        case Stage::ChunkHeader:
        case Stage::Crc: {
            const int need = stage == Stage::Signature ? 8 : stage == Stage::ChunkHeader ? 8 : 4;
            const int take = int(std::min<qsizetype>(size, need - smallFill));
            std::memcpy(small + smallFill, data, size_t(take));
            smallFill += take;
            data += take;
            size -= take;
            if (smallFill < need)
                return true;
            smallFill = 0;
            if (stage == Stage::Signature) {
                if (std::memcmp(small, Signature, 8) != 0)
                    return fail();
                stage = Stage::ChunkHeader;
            } else if (stage == Stage::ChunkHeader) {
                if (!startChunk())
                    return false;
            } else if (!endChunk()) {
                return false;
            }
            break;
        }
        case Stage::Payload: {
            const qsizetype take = std::min<qsizetype>(size, qsizetype(remaining));
            crc = quint32(libdeflate_crc32(crc, data, size_t(take)));
            if (isType(type, "IDAT")) {
                if (!inflateData(data, take))
                    return false;
            } else if (collect) {
                payload.append(reinterpret_cast<const char *>(data), take);
            }
            data += take;
            size -= take;
            remaining -= quint32(take);
            if (remaining == 0)
                stage = Stage::Crc;
            break;
        }
        }
    }
    return stage != Stage::Failed;
}

StreamDecoder::StreamDecoder(int maxEdge, qint64 maxPixels, Implementation implementation)
    : d(std::make_unique<Private>())
{
    d->maxEdge = maxEdge;
    d->maxPixels = maxPixels;
    d->implementation = implementation;
}

StreamDecoder::~StreamDecoder() = default;

bool StreamDecoder::feed(QByteArrayView bytes)
{
    return d->feed(reinterpret_cast<const uchar *>(bytes.data()), bytes.size());
}

bool StreamDecoder::finish(QImage *image)
{
    if (d->stage != Private::Stage::Done || d->idatState == 0 || !d->streamEnded
        || d->produced != d->rawBytes || d->row != d->height) {
        d->fail();
        return false;
    }
    d->release();
    QImage result = std::move(d->image);
    if (d->dotsPerMeterX > 0)
        result.setDotsPerMeterX(d->dotsPerMeterX);
    if (d->dotsPerMeterY > 0)
        result.setDotsPerMeterY(d->dotsPerMeterY);
    for (const auto &[key, value] : std::as_const(d->texts))
        result.setText(key, value);
    *image = std::move(result);
    return true;
}

bool StreamDecoder::hasFailed() const
{
    return d->stage == Private::Stage::Failed;
}

int StreamDecoder::rowsDone() const
{
    return int(d->row);
}

} // namespace Atelier::PngDecoder
