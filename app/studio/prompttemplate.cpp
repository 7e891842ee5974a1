#include "prompttemplate.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

// {a|b|c}: at least one '|', no nested braces. "\{" stays a literal brace.
const QRegularExpression &wildcard()
{
    static const QRegularExpression pattern(u"(?<!\\\\)\\{([^{}]*\\|[^{}]*)\\}"_s);
    return pattern;
}

QString unescape(QString text)
{
    return text.replace(u"\\{"_s, u"{"_s).replace(u"\\}"_s, u"}"_s);
}

} // namespace

QString PromptTemplate::applyPreset(const QString &preset, const QString &prompt)
{
    if (preset.trimmed().isEmpty())
        return prompt;
    QString result = preset;
    if (result.contains(u"{prompt}"_s))
        return result.replace(u"{prompt}"_s, prompt);
    return prompt.isEmpty() ? result : prompt + u", "_s + result;
}

qint64 PromptTemplate::countExpansions(const QString &text)
{
    qint64 count = 1;
    QRegularExpressionMatchIterator it = wildcard().globalMatch(text);
    while (it.hasNext()) {
        count *= it.next().captured(1).split(u'|').size();
        if (count > 1'000'000)
            break;
    }
    return count;
}

Result<QStringList> PromptTemplate::expand(const QString &text)
{
    const qint64 count = countExpansions(text);
    if (count > MaximumExpansions)
        return failure(tr("The wildcards make %1 prompts; at most %2 can be sent at once. Remove "
                          "some choices.")
                           .arg(count)
                           .arg(MaximumExpansions));
    QStringList results {text};
    // Expand the first wildcard of every partial result until none is left.
    bool expanded = true;
    while (expanded) {
        expanded = false;
        QStringList next;
        for (const QString &partial : std::as_const(results)) {
            const QRegularExpressionMatch match = wildcard().match(partial);
            if (!match.hasMatch()) {
                next.append(partial);
                continue;
            }
            expanded = true;
            const QStringList choices = match.captured(1).split(u'|');
            for (const QString &choice : choices)
                next.append(partial.left(match.capturedStart()) + choice
                            + partial.mid(match.capturedEnd()));
        }
        results = next;
    }
    // Choices are kept as written ("a{| very} big" needs its space); the doubled spaces that
    // "{ oil | ink }" leaves are folded.
    static const QRegularExpression spaces(u"[ \\t]{2,}"_s);
    for (QString &result : results) {
        if (result != text)
            result = result.replace(spaces, u" "_s).trimmed();
        result = unescape(result);
    }
    return results;
}

} // namespace Atelier
