#pragma once

#include <QString>

namespace Atelier {

// Text from outside (a server's error, a recipe's prompt) shown where Qt would take markup.
namespace PlainText {

// For a tooltip: as it is when Qt would show it as plain text anyway, else escaped, so that
// markup in it is shown as written instead of styling the tooltip or loading images.
QString toolTip(const QString &text);

} // namespace PlainText

} // namespace Atelier
