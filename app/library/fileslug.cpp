#include "fileslug.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Atelier {

QString fileSlug(const QString &text, int length)
{
    static const QRegularExpression notWord(u"[^\\p{L}\\p{N}]+"_s);
    // Only the start matters: a 32,000-character prompt is not run through the expression.
    QString slug = text.left(2 * length).toLower().replace(notWord, u"-"_s).left(length);
    while (slug.startsWith(u'-'))
        slug.remove(0, 1);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug;
}

QString imageFileSuffix(const QString &format)
{
    if (format == u"jpeg")
        return u"jpg"_s;
    return format.isEmpty() ? u"png"_s : format;
}

} // namespace Atelier
