#pragma once

#include "catalog/parameterrule.h"
#include "model/endpoint.h"
#include "model/parameters.h"

#include <QString>
#include <QStringList>

// What the parameter panel shows of each parameter: its rows, labels, help and the words a
// person uses for its values.
namespace Atelier::ParameterTexts {

// The Size item that shows the width and height fields.
extern const QString CustomSize;
// Fields of the svg object, shown as rows of their own.
extern const QString SvgModel;
extern const QString SvgEffort;

// The body parameters the panel shows, in order; prompt, images and mask live elsewhere.
const QStringList &panelParameters();
// Set once in a while, so under Advanced: compression, moderation, delivery, ids, SVG details.
bool isAdvanced(const QString &name);
// A value as a person says it: "Square 1:1 — 1024×1024", "High", "PNG".
QString friendlyValue(const QString &parameter, const QString &value);
// The kind of control a row needs: an API parameter's own, or its field's for svg.*.
ParameterKind rowKind(const QString &name);
QString labelFor(const QString &parameter);
// The row's tooltip.
QString describe(const QString &parameter);
QString endpointLabel(Endpoint endpoint);

} // namespace Atelier::ParameterTexts
