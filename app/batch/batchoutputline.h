#pragma once

#include "api/responseparser.h"
#include "model/apierror.h"
#include "platform/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Atelier {

// One line of a batch's output or error file:
// {"id", "custom_id", "response": {"status_code", "request_id", "body"}, "error"}.
// A line that succeeded carries the images of its body; one that failed the API's reason.
struct BatchOutputLine
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::BatchOutputLine)

public:
    QString id; // batch_req_...
    QString customId;
    int statusCode = 0;
    QString requestId;
    ImagesResponse response; // status 200: the images, base64 still encoded
    ApiError error; // otherwise: why the line failed

    bool succeeded() const { return !error.isError(); }

    // Parses one line (without its newline). The base64 images are cut out of the text before
    // the rest is parsed, so a multi-megabyte image never becomes a QString. Fails, saying
    // why, when the line is not one the Batch API writes.
    static Result<BatchOutputLine> parse(QByteArray line);
};

} // namespace Atelier
