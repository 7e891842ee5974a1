#include "fileslug.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Atelier {

QString validUnicode(const QString &text)
{
    QString valid = text;
    for (qsizetype i = 0; i < valid.size(); ++i) {
        const QChar c = valid.at(i);
        if (c.isHighSurrogate() && i + 1 < valid.size() && valid.at(i + 1).isLowSurrogate())
            ++i; // a pair
        else if (c.isSurrogate())
            valid[i] = QChar::ReplacementCharacter;
    }
    return valid;
}

QString safeFileName(const QString &text, int length)
{
    static const QRegularExpression unsafe(u"[/\\\\:*?\"<>|\\x00-\\x1f\\x7f]+"_s);
    QString name = validUnicode(text.left(2 * length)).replace(unsafe, u"-"_s).trimmed();
    while (name.startsWith(u'.'))
        name.remove(0, 1);
    name = name.left(length);
    // A surrogate pair cut in half by left().
    if (!name.isEmpty() && name.back().isHighSurrogate())
        name.chop(1);
    return name.trimmed();
}

QString fileSlug(const QString &text, int length)
{
    static const QRegularExpression notWord(u"[^\\p{L}\\p{N}]+"_s);
    // Only the start matters: a 32,000-character prompt is not run through the expression.
    QString slug
        = validUnicode(text.left(2 * length)).toLower().replace(notWord, u"-"_s).left(length);
    if (!slug.isEmpty() && slug.back().isHighSurrogate())
        slug.chop(1); // a pair cut in half
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
