#pragma once

#include "clicontext.h"

#include <QObject>
#include <QStringList>

namespace Atelier {

class BatchCommand;
class ImageCommand;
class RefineCommand;

// atelier-cli: the command-line front end on the core engine. It answers --help and --version,
// parses the options of a command (CliOptions) and hands the run to that command's class.
class CliApplication final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliApplication)

public:
    explicit CliApplication(QObject *parent = nullptr);
    ~CliApplication() override;

    // Runs the command in `arguments` (argv without the program name's path semantics: the first
    // entry is the program). Returns the exit code, or -1 when the event loop must run and
    // finished(exitCode) will follow.
    int start(const QStringList &arguments);
    // Ctrl+C: cancel running jobs; their received images stay on disk.
    void interrupt();

    static QString usage();

Q_SIGNALS:
    void finished(int exitCode);

private:
    CliContext m_cli;
    ImageCommand *m_images = nullptr; // child; generate, edit, vary
    BatchCommand *m_batch = nullptr; // child; `atelier-cli batch ...`
    RefineCommand *m_refine = nullptr; // child; `atelier-cli refine ...`
};

} // namespace Atelier
