#include "xmp.h"

#include <QScopeGuard>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <webp/mux.h>

#include <cstring>
#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace Atelier::Xmp {

namespace {

constexpr char AtelierNamespace[] = "https://atelier-studio.github.io/ns/xmp/1.0/";
constexpr char JpegXmpSignature[] = "http://ns.adobe.com/xap/1.0/"; // followed by a NUL

} // namespace

QByteArray packet(const QString &prompt, const QByteArray &recipeJson, const QString &creatorTool)
{
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    // No auto-formatting: the packet must begin with its <?xpacket?> header, not a newline.
    writer.writeProcessingInstruction(u"xpacket"_s,
                                      u"begin=\"\xFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\""_s);
    // Declared before the first element, so that they carry the prefixes photo tools expect.
    writer.writeNamespace(u"adobe:ns:meta/"_s, u"x"_s);
    writer.writeNamespace(u"http://www.w3.org/1999/02/22-rdf-syntax-ns#"_s, u"rdf"_s);
    writer.writeNamespace(u"http://purl.org/dc/elements/1.1/"_s, u"dc"_s);
    writer.writeNamespace(u"http://ns.adobe.com/xap/1.0/"_s, u"xmp"_s);
    writer.writeNamespace(QString::fromLatin1(AtelierNamespace), u"atelier"_s);
    writer.writeStartElement(u"adobe:ns:meta/"_s, u"xmpmeta"_s);
    writer.writeStartElement(u"http://www.w3.org/1999/02/22-rdf-syntax-ns#"_s, u"RDF"_s);
    writer.writeStartElement(u"http://www.w3.org/1999/02/22-rdf-syntax-ns#"_s, u"Description"_s);
    writer.writeAttribute(u"http://www.w3.org/1999/02/22-rdf-syntax-ns#"_s, u"about"_s, QString());
    writer.writeTextElement(u"http://ns.adobe.com/xap/1.0/"_s, u"CreatorTool"_s, creatorTool);
    writer.writeStartElement(u"http://purl.org/dc/elements/1.1/"_s, u"description"_s);
    writer.writeStartElement(u"http://www.w3.org/1999/02/22-rdf-syntax-ns#"_s, u"Alt"_s);
    writer.writeStartElement(u"http://www.w3.org/1999/02/22-rdf-syntax-ns#"_s, u"li"_s);
    writer.writeAttribute(u"xml:lang"_s, u"x-default"_s);
    writer.writeCharacters(prompt);
    writer.writeEndElement(); // li
    writer.writeEndElement(); // Alt
    writer.writeEndElement(); // description
    writer.writeTextElement(QString::fromLatin1(AtelierNamespace), u"recipe"_s,
                            QString::fromUtf8(recipeJson));
    writer.writeEndElement(); // Description
    writer.writeEndElement(); // RDF
    writer.writeEndElement(); // xmpmeta
    writer.writeProcessingInstruction(u"xpacket"_s, u"end=\"w\""_s);
    return xml;
}

QByteArray embedInJpeg(const QByteArray &jpeg, const QByteArray &packet)
{
    if (jpeg.size() < 4 || quint8(jpeg.at(0)) != 0xff || quint8(jpeg.at(1)) != 0xd8)
        return {};
    const QByteArray payload
        = QByteArray(JpegXmpSignature, int(sizeof(JpegXmpSignature))) + packet; // with the NUL
    if (payload.size() + 2 > 0xffff)
        return {}; // one segment holds at most 64 KiB
    // After SOI, and after a JFIF APP0 if there is one (it must come first).
    qsizetype at = 2;
    if (quint8(jpeg.at(2)) == 0xff && quint8(jpeg.at(3)) == 0xe0 && jpeg.size() >= 6)
        at = 4 + ((quint8(jpeg.at(4)) << 8) | quint8(jpeg.at(5)));
    if (at > jpeg.size())
        return {};
    QByteArray segment("\xff\xe1", 2);
    const int length = int(payload.size()) + 2;
    segment.append(char(length >> 8));
    segment.append(char(length & 0xff));
    segment.append(payload);
    QByteArray result = jpeg;
    result.insert(at, segment);
    return result;
}

QByteArray embedInWebp(const QByteArray &webp, const QByteArray &packet)
{
    // libwebpmux reads the chunks (VP8, VP8L, VP8X, ALPH, ICCP, EXIF, XMP ...), replaces any XMP
    // chunk there is and writes the extended layout, flags (alpha from the bitstream) and canvas
    // size included.
    const WebPData input {reinterpret_cast<const uint8_t *>(webp.constData()), size_t(webp.size())};
    const std::unique_ptr<WebPMux, decltype(&WebPMuxDelete)> mux(
        WebPMuxCreate(&input, /*copy_data=*/0), &WebPMuxDelete);
    if (!mux)
        return {};
    const WebPData xmp {reinterpret_cast<const uint8_t *>(packet.constData()),
                        size_t(packet.size())};
    if (WebPMuxSetChunk(mux.get(), "XMP ", &xmp, /*copy_data=*/0) != WEBP_MUX_OK)
        return {};
    WebPData output;
    WebPDataInit(&output);
    const auto clear = qScopeGuard([&output] { WebPDataClear(&output); });
    if (WebPMuxAssemble(mux.get(), &output) != WEBP_MUX_OK
        || output.size > size_t(std::numeric_limits<qsizetype>::max()))
        return {};
    return QByteArray(reinterpret_cast<const char *>(output.bytes), qsizetype(output.size));
}

QByteArray embedInGif(const QByteArray &gif, const QByteArray &packet)
{
    constexpr qsizetype ScreenEnd = 13; // "GIF89a", logical screen descriptor
    if (gif.size() < ScreenEnd + 1 || !(gif.startsWith("GIF89a") || gif.startsWith("GIF87a")))
        return {};
    const auto flags = quint8(gif.at(10));
    const qsizetype tableBytes = (flags & 0x80) ? 3 * (qsizetype(1) << ((flags & 0x07) + 1)) : 0;
    const qsizetype at = ScreenEnd + tableBytes;
    if (at >= gif.size())
        return {};
    // XMP part 3: the packet as raw bytes, then a 258-byte "magic trailer" (0x01, 0xFF..0x00,
    // 0x00) that makes GIF readers, which see data sub-blocks, skip it whole.
    QByteArray extension("!ÿXMP DataXMP", 14);
    extension += packet;
    extension += char(0x01);
    for (int value = 0xff; value >= 0; --value)
        extension += char(value);
    extension += char(0x00);
    QByteArray result = gif.left(at);
    result[3] = '8'; // extensions need GIF89a
    result[4] = '9';
    result += extension;
    result += gif.mid(at);
    return result;
}

QByteArray embedInSvg(const QByteArray &svg, const QByteArray &packet)
{
    const qsizetype root = svg.indexOf("<svg");
    const qsizetype rootEnd = root < 0 ? -1 : svg.indexOf('>', root);
    if (rootEnd < 0 || svg.at(rootEnd - 1) == '/')
        return {};
    // The packet's own <?xpacket?> instructions are fine inside an element; the metadata
    // element is SVG's place for it.
    return svg.left(rootEnd + 1) + "<metadata>" + packet + "</metadata>" + svg.mid(rootEnd + 1);
}

QByteArray recipeFrom(const QByteArray &fileBytes)
{
    const qsizetype start = fileBytes.indexOf("<x:xmpmeta");
    const qsizetype end = start < 0 ? -1 : fileBytes.indexOf("</x:xmpmeta>", start);
    if (start < 0 || end < 0)
        return {};
    QXmlStreamReader xml(
        fileBytes.mid(start, end - start + qsizetype(std::strlen("</x:xmpmeta>"))));
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == "recipe"_L1
            && xml.namespaceUri() == QLatin1StringView(AtelierNamespace))
            return xml.readElementText().toUtf8();
    }
    return {};
}

} // namespace Atelier::Xmp
