#pragma once

// Header-only test helper: masks as the Images API takes them.

#include <QImage>
#include <QRect>
#include <QSize>

namespace AtelierTest {

// An API mask of `size`: opaque black (kept) but for the `editable` rectangle, transparent (the
// model may change it).
inline QImage apiMask(const QSize &size, const QRect &editable)
{
    QImage mask(size, QImage::Format_ARGB32);
    mask.fill(qRgba(0, 0, 0, 255));
    const QRect area = editable.intersected(mask.rect());
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            mask.setPixel(x, y, qRgba(0, 0, 0, 0));
    return mask;
}

// An API mask of `size` whose left `editableColumns` columns the model may change.
inline QImage leftMask(const QSize &size, int editableColumns)
{
    return apiMask(size, QRect(0, 0, editableColumns, size.height()));
}

} // namespace AtelierTest
