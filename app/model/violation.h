#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace Atelier {

// One thing wrong (or worth knowing) about a request: which parameter, and one sentence that
// says what is wrong and what would be valid.
struct Violation
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString parameter; // API parameter name, or "model" / "endpoint"
    QString message;

    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const Violation &a, const Violation &b)
    {
        return a.severity == b.severity && a.parameter == b.parameter && a.message == b.message;
    }
};

// Where a request is going, for the rules that depend on it: OpenAI itself refuses models it
// has shut down, while an Azure deployment or a gateway may still serve them.
struct ValidationContext
{
    bool servedByOpenAI = false;
    QDate today = QDate::currentDate();
};

// True when any entry is an error (warnings alone do not stop a request).
bool hasErrors(const QList<Violation> &violations);

} // namespace Atelier
