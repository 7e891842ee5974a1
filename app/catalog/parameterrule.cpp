#include "parameterrule.h"

#include "model/parameters.h"

using namespace Qt::StringLiterals;

namespace Atelier {

const QStringList &allParameters()
{
    static const QStringList names = {
        Param::Prompt,
        Param::Image,
        Param::Mask,
        Param::N,
        Param::Size,
        Param::Quality,
        Param::Style,
        Param::Background,
        Param::Moderation,
        Param::OutputFormat,
        Param::OutputCompression,
        Param::ResponseFormat,
        Param::InputFidelity,
        Param::Stream,
        Param::PartialImages,
        Param::Complexity,
        Param::FrameCount,
        Param::FrameDurationMs,
        Param::Svg,
        Param::Markup,
        Param::SafetyIdentifier,
        Param::User,
    };
    return names;
}

bool isKnownParameter(const QString &name)
{
    return allParameters().contains(name);
}

ParameterKind parameterKind(const QString &name)
{
    if (name == Param::N || name == Param::OutputCompression || name == Param::PartialImages
        || name == Param::FrameCount || name == Param::FrameDurationMs)
        return ParameterKind::Integer;
    if (name == Param::Stream)
        return ParameterKind::Boolean;
    if (name == Param::Image || name == Param::Mask || name == Param::Markup)
        return ParameterKind::Files;
    if (name == Param::Svg)
        return ParameterKind::Object;
    if (name == Param::Prompt || name == Param::User || name == Param::SafetyIdentifier)
        return ParameterKind::Text;
    return ParameterKind::Choice;
}

const ParameterRule *ParameterRule::field(const QString &fieldName) const
{
    for (const ParameterRule &rule : fields) {
        if (rule.name == fieldName)
            return &rule;
    }
    return nullptr;
}

} // namespace Atelier
