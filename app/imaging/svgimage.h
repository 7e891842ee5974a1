#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QImage>
#include <QSize>

namespace Atelier::SvgImage {

// Whether the bytes start like an SVG document: an optional byte order mark, white space, an
// XML declaration, comments or a doctype, then an <svg element.
bool looksLikeSvg(QByteArrayView bytes);

// The document's own size (width/height, else its viewBox); invalid when it cannot be parsed.
QSize defaultSize(const QByteArray &svg);

// The document drawn into an image of `size` (transparent around it); null when it cannot be
// parsed. Vector data: any size is sharp.
QImage render(const QByteArray &svg, const QSize &size);

} // namespace Atelier::SvgImage
