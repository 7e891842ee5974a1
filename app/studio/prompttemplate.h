#pragma once

#include <QCoreApplication>
#include <QStringList>

#include "platform/result.h"

namespace Atelier {

// Prompt presets and wildcards. A preset is a template with a {prompt} slot ("a watercolour of
// {prompt}, soft light"); a wildcard {red|green|blue} expands into one prompt per choice, and
// several wildcards into every combination.
class PromptTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::PromptTemplate)

public:
    static constexpr int MaximumExpansions = 100;

    // The preset with the user's prompt in its {prompt} slot (or after it, when it has none).
    static QString applyPreset(const QString &preset, const QString &prompt);
    // How many prompts `text` expands to (1 without wildcards).
    static qint64 countExpansions(const QString &text);
    // Every prompt `text` expands to, in order (at least one); a failure past MaximumExpansions.
    static Result<QStringList> expand(const QString &text);
};

} // namespace Atelier
