#pragma once

#include <QString>

namespace Atelier {

// Files a process writes while bytes arrive carry its process id in their names; one killed in
// the middle (kill -9, a power cut) leaves them behind. These helpers find and remove such files
// once their process is gone, and never those of a process still running.

// Whether no process with this id runs any more.
bool processIsGone(qint64 pid);

// When the process started, as the system counts it (the boot's id and the clock ticks since
// boot, from /proc/<pid>/stat): with the pid, it names one process, also after the pid was given to
// another one. Empty where the system does not tell (or the process is gone).
QString processStartToken(qint64 pid);

// This machine's name for owner records: pids mean nothing on another machine (a library on a
// network share used from two computers).
QString machineName();

// Whether the process that recorded (pid, startToken, machine) is certainly gone: on this machine,
// no process with the pid runs, or the one that does started at another moment. A record of
// another machine is never "certainly gone"; one without a pid (older versions) always is.
bool ownerIsGone(qint64 pid, const QString &startToken, const QString &machine);

// Removes the files in `folder` whose names match `pattern` (a regular expression whose first
// capture is the writer's process id) and whose process is gone; returns how many. Only this
// user's regular files are removed, never a link.
int removeLeftovers(const QString &folder, const QString &pattern);

} // namespace Atelier
