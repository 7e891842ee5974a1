#include "icons.h"

#include "tintediconengine.h"

using namespace Qt::StringLiterals;

namespace Atelier::Icons {

namespace {

QIcon themed(const QString &themeName, const QString &bundledName)
{
    return QIcon::fromTheme(themeName, bundled(bundledName));
}

} // namespace

QIcon bundled(const QString &name)
{
    return QIcon(new TintedIconEngine(u":/icons/actions/%1.svg"_s.arg(name)));
}

// Theme names from the freedesktop icon naming specification, or Breeze and Adwaita's own.
QIcon generate()
{
    return themed(u"tools-wizard"_s, u"generate"_s);
}

QIcon editMask()
{
    return themed(u"draw-brush"_s, u"edit-mask"_s);
}

QIcon markup()
{
    return themed(u"draw-freehand"_s, u"markup"_s);
}

QIcon refine()
{
    return themed(u"dialog-messages"_s, u"refine"_s);
}

QIcon vary()
{
    return themed(u"randomize"_s, u"vary"_s);
}

QIcon reference()
{
    return themed(u"insert-image"_s, u"reference"_s);
}

QIcon favourite()
{
    return themed(u"starred"_s, u"favourite"_s);
}

QIcon copy()
{
    return themed(u"edit-copy"_s, u"copy"_s);
}

QIcon exportImage()
{
    return themed(u"document-export"_s, u"export"_s);
}

QIcon remove()
{
    return themed(u"edit-delete"_s, u"delete"_s);
}

QIcon zoomFit()
{
    return themed(u"zoom-fit-best"_s, u"zoom-fit"_s);
}

QIcon zoom100()
{
    return themed(u"zoom-original"_s, u"zoom-100"_s);
}

QIcon compare()
{
    return themed(u"view-split-left-right"_s, u"compare"_s);
}

QIcon cancel()
{
    return themed(u"process-stop"_s, u"cancel"_s);
}

QIcon retry()
{
    return themed(u"view-refresh"_s, u"retry"_s);
}

QIcon settings()
{
    return themed(u"configure"_s, u"settings"_s);
}

} // namespace Atelier::Icons
