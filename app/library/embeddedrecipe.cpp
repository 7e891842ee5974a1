#include "embeddedrecipe.h"

#include "exporter.h"
#include "xmp.h"

#include <QCoreApplication>

#include <array>

using namespace Qt::StringLiterals;

namespace Atelier::EmbeddedRecipe {

namespace {

quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> entries {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            entries[n] = c;
        }
        return entries;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data)
        crc = table[(crc ^ quint8(byte)) & 0xFFu] ^ (crc >> 8);
    return ~crc;
}

QByteArray bigEndian32(quint32 value)
{
    QByteArray bytes(4, '\0');
    bytes[0] = char(value >> 24);
    bytes[1] = char(value >> 16);
    bytes[2] = char(value >> 8);
    bytes[3] = char(value);
    return bytes;
}

} // namespace

QByteArray withPngText(const QByteArray &png, const QByteArray &keyword, const QString &text)
{
    static const QByteArray signature("\x89PNG\r\n\x1a\n", 8);
    // Signature, then IHDR: length (4) "IHDR" data (13) CRC (4).
    constexpr qsizetype HeaderEnd = 8 + 4 + 4 + 13 + 4;
    if (!png.startsWith(signature) || png.size() < HeaderEnd || png.mid(12, 4) != "IHDR")
        return {};
    // keyword NUL, compression flag 0, method 0, language "" NUL, translated keyword "" NUL.
    const QByteArray chunk = "iTXt" + keyword + QByteArray(1, '\0') + QByteArray(2, '\0')
        + QByteArray(1, '\0') + QByteArray(1, '\0') + text.toUtf8();
    QByteArray result;
    result.reserve(png.size() + chunk.size() + 8);
    result.append(png.first(HeaderEnd));
    result.append(bigEndian32(quint32(chunk.size() - 4)));
    result.append(chunk);
    result.append(bigEndian32(crc32(chunk)));
    result.append(QByteArrayView(png).sliced(HeaderEnd));
    return result;
}

QByteArray embed(const QByteArray &file, const QString &format, const QString &prompt,
                 const QByteArray &recipeJson)
{
    QByteArray result;
    if (format == u"png") {
        result = withPngText(file, Exporter::RecipeKey, QString::fromUtf8(recipeJson));
        if (!result.isEmpty() && !prompt.isEmpty())
            result = withPngText(result, "Description", prompt);
    } else {
        const QByteArray packet = Xmp::packet(
            prompt, recipeJson, u"Atelier "_s + QCoreApplication::applicationVersion());
        if (format == u"jpeg")
            result = Xmp::embedInJpeg(file, packet);
        else if (format == u"webp")
            result = Xmp::embedInWebp(file, packet);
        else if (format == u"gif")
            result = Xmp::embedInGif(file, packet);
        else if (format == u"svg")
            result = Xmp::embedInSvg(file, packet);
    }
    return result.isEmpty() ? file : result;
}

} // namespace Atelier::EmbeddedRecipe
