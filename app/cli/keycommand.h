#pragma once

#include "clicontext.h"

class QCommandLineParser;

namespace Atelier {

// atelier-cli key set|clear|status: the API key in the desktop keychain. The key is read from
// standard input (hidden on a terminal), never from an argument, and never printed.
class KeyCommand final
{
public:
    explicit KeyCommand(CliContext &cli);
    int run(const QCommandLineParser &parser);

private:
    CliContext &m_cli;
};

} // namespace Atelier
