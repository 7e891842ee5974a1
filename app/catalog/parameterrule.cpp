#include "parameterrule.h"

#include "api/parameters.h"

using namespace Qt::StringLiterals;

namespace Atelier {

const QStringList &allParameters()
{
    static const QStringList names = {
        Param::Prompt, Param::Image, Param::Mask, Param::N, Param::Size, Param::Quality,
        Param::Style, Param::Background, Param::Moderation, Param::OutputFormat,
        Param::OutputCompression, Param::ResponseFormat, Param::InputFidelity, Param::Stream,
        Param::PartialImages, Param::User,
    };
    return names;
}

bool isKnownParameter(const QString &name)
{
    return allParameters().contains(name);
}

ParameterKind parameterKind(const QString &name)
{
    if (name == Param::N || name == Param::OutputCompression || name == Param::PartialImages)
        return ParameterKind::Integer;
    if (name == Param::Stream)
        return ParameterKind::Boolean;
    if (name == Param::Image || name == Param::Mask)
        return ParameterKind::Files;
    if (name == Param::Prompt || name == Param::User)
        return ParameterKind::Text;
    return ParameterKind::Choice;
}

} // namespace Atelier
