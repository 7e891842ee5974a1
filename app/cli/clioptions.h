#pragma once

#include "catalog/catalog.h"
#include "model/endpoint.h"
#include "model/imagerequest.h"
#include "model/refinerequest.h"
#include "platform/result.h"

#include <QString>

class QCommandLineParser;

namespace Atelier {

// The options and commands of atelier-cli as one table, which drives parsing, --help and the
// request an image command sends.
class CliOptions final
{
public:
    static bool isCommand(const QString &name);
    // Adds the options that apply to `command` ("generate", "batch", ...).
    static void add(QCommandLineParser *parser, const QString &command);
    static bool applies(const QString &option, const QString &command);
    // --help: every command and option.
    static QString usage();

    // The request that `command`'s options describe, before the catalog's checks. Fails on an
    // argument that is not an option.
    static Result<ImageRequest> request(Endpoint endpoint, const QString &command,
                                        const QCommandLineParser &parser, const Catalog &catalog);
    // The refine turn the options describe (the image tool's fields under their SDK names), its
    // models defaulting to the catalog's, before the catalog's checks.
    static Result<RefineRequest> refineRequest(const QCommandLineParser &parser,
                                               const Catalog &catalog);
};

} // namespace Atelier
