#pragma once

#include <QCoreApplication>
#include <QString>

namespace Atelier {

// Everything that can go wrong with a request, as one value: what kind of failure, the API's
// own error object when it sent one, the HTTP status and the request id to quote to support.
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::ApiError)

public:
    enum class Kind {
        None,
        InvalidRequest, // refused before sending (validation, unreadable input file)
        NoApiKey,
        Api, // the API answered with an error status or an error event
        Network, // connection refused, reset, DNS, TLS
        Timeout,
        Cancelled,
        InvalidResponse, // malformed JSON or SSE, a stream that ended early
        TooLarge, // over the response size cap
        Decode, // an image that cannot be decoded, or absurd dimensions
        Redirect, // a redirect to another host, not followed to keep the key private
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message; // the API's message, or ours
    QString type; // the API's error type, e.g. invalid_request_error
    QString param; // the parameter the API blames
    QString code; // the API's error code, e.g. rate_limit_exceeded
    QString requestId; // x-request-id
    bool retryable = false;

    bool isError() const { return kind != Kind::None; }
    // One readable paragraph: what happened, the API's words, status, parameter, request id.
    QString toString() const;
    static QString kindName(Kind kind);

    static ApiError make(Kind kind, const QString &message)
    {
        ApiError error;
        error.kind = kind;
        error.message = message;
        return error;
    }
};

} // namespace Atelier

Q_DECLARE_METATYPE(Atelier::ApiError)
