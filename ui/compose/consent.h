#pragma once

#include <QStringList>

class QWidget;

namespace Atelier {

// Questions the studio asks before it sends what a file (a recipe, the journal) asked for.
namespace Consent {

// Lists input files from outside the library's inputs folder and asks whether to use them
// (true: yes). Asks nothing, and says yes, when `files` is empty.
bool outsideFiles(QWidget *parent, const QStringList &files);

} // namespace Consent

} // namespace Atelier
