#pragma once

#include "catalog/catalog.h"
#include "clicontext.h"

class QCommandLineParser;

namespace Atelier {

// atelier-cli models [--refresh] [--json]: the models of the catalog, what each can do and its
// status; --refresh first records the shutdown dates the provider announces.
class ModelsCommand final
{
public:
    explicit ModelsCommand(CliContext &cli);
    int run(const QCommandLineParser &parser);

private:
    int refreshLifecycles(const QCommandLineParser &parser, const QString &overlayPath);

    CliContext &m_cli;
    Catalog m_catalog;
};

} // namespace Atelier
