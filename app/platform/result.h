#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace Atelier {

// Why an operation failed, in words a user can act on ("cannot create /srv/out: Permission
// denied"). The one way the core reports a failure: functions return Result<T> (a value or a
// Failure), never an out-parameter or an empty string that means "it failed".
struct Failure
{
    QString message;
    // What the failure is about, where there is one thing to name: the path of the entry at
    // fault, the field that was refused. Empty otherwise.
    QString subject = {};
};

inline Failure failure(QString message, QString subject = {})
{
    return Failure {std::move(message), std::move(subject)};
}

template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Failure failed)
        : m_failure(std::move(failed))
    { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    // The value; only when ok().
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    T &operator*() & { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }

    // Why it failed; empty when ok().
    const QString &error() const { return m_failure.message; }
    // The failure, to pass on from a function that returns another Result.
    const Failure &failure() const { return m_failure; }

private:
    std::optional<T> m_value;
    Failure m_failure;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Failure failed)
        : m_failed(true)
        , m_failure(std::move(failed))
    { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const QString &error() const { return m_failure.message; }
    const Failure &failure() const { return m_failure; }

private:
    bool m_failed = false;
    Failure m_failure;
};

// A Result without a value: done, or why not.
using Status = Result<void>;

inline Status success()
{
    return {};
}

} // namespace Atelier
