#include "recipediff.h"

#include "catalog/parameterrule.h"
#include "model/imagerequest.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Atelier {

QList<RecipeDifference> RecipeDiff::compare(const LibraryImage &left, const LibraryImage &right)
{
    QList<RecipeDifference> rows;
    auto add = [&rows](const QString &label, const QString &a, const QString &b) {
        rows.append({label, a, b, a != b});
    };
    const QString unset = tr("(default)");
    add(tr("Mode"), endpointName(left.request.endpoint), endpointName(right.request.endpoint));
    add(tr("Model"), left.request.model, right.request.model);
    add(tr("Prompt"), left.request.prompt, right.request.prompt);
    // Every parameter either recipe set, in the API's order.
    for (const QString &name : allParameters()) {
        if (!left.request.hasOption(name) && !right.request.hasOption(name))
            continue;
        add(name,
            left.request.hasOption(name) ? ImageRequest::optionText(left.request.option(name))
                                         : unset,
            right.request.hasOption(name) ? ImageRequest::optionText(right.request.option(name))
                                          : unset);
    }
    add(tr("Revised prompt"), left.revisedPrompt, right.revisedPrompt);
    add(tr("Pixels"), u"%1×%2"_s.arg(left.size.width()).arg(left.size.height()),
        u"%1×%2"_s.arg(right.size.width()).arg(right.size.height()));
    add(tr("Format"), left.format, right.format);
    auto tokens = [](const Usage &usage) {
        return usage.totalTokens >= 0 ? QString::number(usage.totalTokens) : QString();
    };
    add(tr("Tokens"), tokens(left.usage), tokens(right.usage));
    add(tr("Saved"), QLocale().toString(left.savedAt, QLocale::ShortFormat),
        QLocale().toString(right.savedAt, QLocale::ShortFormat));
    return rows;
}

} // namespace Atelier
