#include "batchcommand.h"

#include "batch/batchclient.h"
#include "batchcancel.h"
#include "batchfetch.h"
#include "batchstatus.h"
#include "batchsubmit.h"
#include "clioptions.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace Atelier {

BatchCommand::BatchCommand(CliContext &cli, QObject *parent)
    : QObject(parent)
    , m_cli(cli)
{ }

BatchCommand::~BatchCommand() = default;

int BatchCommand::start(const QString &action, const QStringList &arguments)
{
    static const QStringList actions
        = {u"submit"_s, u"status"_s, u"fetch"_s, u"cancel"_s, u"--help"_s, u"-h"_s, u"help"_s};
    if (!actions.contains(action)) {
        m_cli.err() << (action.isEmpty()
                            ? tr("error: 'batch' needs submit, status, fetch or cancel, e.g. "
                                 "'atelier-cli batch submit --prompts prompts.txt'.")
                            : tr("error: unknown batch action \"%1\"; use submit, status, fetch or "
                                 "cancel (see --help).")
                                  .arg(action))
                    << Qt::endl;
        return ExitCode::InvalidInput;
    }
    if (action.startsWith(u'-') || action == u"help") {
        m_cli.out() << CliOptions::usage();
        m_cli.out().flush();
        return ExitCode::Success;
    }
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    CliOptions::add(&parser, u"batch"_s);
    // submit takes every option of generate; the others only say where the batch lives.
    // (edit's options: generate's and the input images).
    CliOptions::add(&parser, action == u"submit" ? u"edit"_s : u"key"_s);
    if (action != u"submit") {
        parser.addOptions(
            {QCommandLineOption(u"json"_s, tr("Print JSON instead of text.")),
             QCommandLineOption(
                 u"out"_s, tr("Folder for the images (default: the current folder)."), u"DIR"_s),
             QCommandLineOption(
                 u"timeout"_s,
                 tr("Give up when the server sends nothing for this long (default 300)."),
                 u"SECONDS"_s),
             QCommandLineOption(u"retries"_s,
                                tr("Retries on 408/409/429/5xx and connection errors (default 2)."),
                                u"N"_s)});
    }
    if (!parser.parse(arguments)) {
        m_cli.err() << tr("error: %1; see 'atelier-cli batch --help'.").arg(parser.errorText())
                    << Qt::endl;
        return ExitCode::InvalidInput;
    }
    if (parser.isSet(u"help"_s)) {
        m_cli.out() << CliOptions::usage();
        m_cli.out().flush();
        return ExitCode::Success;
    }
    if (action == u"submit")
        m_action = new BatchSubmit(m_cli, this);
    else if (action == u"status")
        m_action = new BatchStatus(m_cli, this);
    else if (action == u"fetch")
        m_action = new BatchFetch(m_cli, this);
    else
        m_action = new BatchCancel(m_cli, this);
    connect(m_action, &BatchAction::finished, this, &BatchCommand::finished);
    return m_action->run(parser);
}

void BatchCommand::interrupt()
{
    if (m_action)
        m_action->interrupt();
    else
        Q_EMIT finished(ExitCode::Interrupted);
}

} // namespace Atelier
