#pragma once

#include <QString>

namespace Atelier {

// Files a process writes while bytes arrive carry its process id in their names; one killed in
// the middle (kill -9, a power cut) leaves them behind. These helpers find and remove such files
// once their process is gone, and never those of a process still running.

// Whether no process with this id runs any more.
bool processIsGone(qint64 pid);

// Removes the files in `folder` whose names match `pattern` (a regular expression whose first
// capture is the writer's process id) and whose process is gone; returns how many. Only this
// user's regular files are removed, never a link.
int removeLeftovers(const QString &folder, const QString &pattern);

} // namespace Atelier
