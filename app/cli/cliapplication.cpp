#include "cliapplication.h"

#include "atelierversion.h"
#include "batchcommand.h"
#include "clioptions.h"
#include "imagecommand.h"
#include "keycommand.h"
#include "modelscommand.h"
#include "refinecommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Atelier {

CliApplication::CliApplication(QObject *parent)
    : QObject(parent)
{ }

CliApplication::~CliApplication() = default;

QString CliApplication::usage()
{
    return CliOptions::usage();
}

int CliApplication::start(const QStringList &arguments)
{
    QTextStream &out = m_cli.out();
    const QString command = arguments.value(1);
    if (command.isEmpty() || command == u"--help" || command == u"-h" || command == u"help") {
        out << usage();
        out.flush();
        return command.isEmpty() ? ExitCode::InvalidInput : ExitCode::Success;
    }
    if (command == u"--version" || command == u"-v") {
        out << "atelier-cli " << ATELIER_VERSION << Qt::endl;
        return ExitCode::Success;
    }
    if (!CliOptions::isCommand(command)) {
        m_cli.err()
            << tr("error: unknown command \"%1\"; use models, generate, edit, vary, refine, "
                  "key or batch (see --help).")
                   .arg(command)
            << Qt::endl;
        return ExitCode::InvalidInput;
    }

    if (command == u"batch") {
        m_batch = new BatchCommand(m_cli, this);
        connect(m_batch, &BatchCommand::finished, this, &CliApplication::finished);
        QStringList batchArguments = arguments.mid(3);
        batchArguments.prepend(arguments.value(0));
        return m_batch->start(arguments.value(2), batchArguments);
    }
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    CliOptions::add(&parser, command);
    QStringList commandArguments = arguments;
    commandArguments.removeAt(1);
    if (!parser.parse(commandArguments)) {
        m_cli.err()
            << tr("error: %1; see 'atelier-cli %2 --help'.").arg(parser.errorText(), command)
            << Qt::endl;
        return ExitCode::InvalidInput;
    }
    if (parser.isSet(u"help"_s)) {
        out << usage();
        out.flush();
        return ExitCode::Success;
    }
    if (command == u"models")
        return ModelsCommand(m_cli).run(parser);
    if (command == u"key")
        return KeyCommand(m_cli).run(parser);
    if (command == u"refine") {
        m_refine = new RefineCommand(m_cli, this);
        connect(m_refine, &RefineCommand::finished, this, &CliApplication::finished);
        return m_refine->start(parser);
    }
    const Endpoint endpoint = command == u"generate" ? Endpoint::Generations
        : command == u"edit"                         ? Endpoint::Edits
                                                     : Endpoint::Variations;
    m_images = new ImageCommand(m_cli, this);
    connect(m_images, &ImageCommand::finished, this, &CliApplication::finished);
    return m_images->start(endpoint, command, parser);
}

void CliApplication::interrupt()
{
    if (m_batch)
        m_batch->interrupt();
    else if (m_refine)
        m_refine->interrupt();
    else if (m_images)
        m_images->interrupt();
    else
        Q_EMIT finished(ExitCode::Interrupted);
}

} // namespace Atelier
