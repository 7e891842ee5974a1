#pragma once

#include "model/violation.h"

#include <QCoreApplication>

namespace Atelier {

class Catalog;
struct ImageRequest;

// Checks a request against the catalog's rules for its model and endpoint: every parameter,
// every cross-parameter requirement, and every input file. Reads file headers; sends nothing.
class RequestValidator final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::RequestValidator)

public:
    explicit RequestValidator(const Catalog &catalog)
        : m_catalog(catalog)
    { }

    QList<Violation> validate(const ImageRequest &request,
                              const ValidationContext &context = ValidationContext()) const;

private:
    const Catalog &m_catalog;
};

} // namespace Atelier
