#include "batchfetcher.h"

#include "api/responseparser.h"

#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace Atelier {

BatchFetcher::BatchFetcher(QNetworkReply *reply, LineHandler handler, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_handler(std::move(handler))
{
    if (!reply)
        return;
    // Qt's own buffer stays small: what arrives is taken at once and the socket waits for us.
    reply->setReadBufferSize(4 * 1024 * 1024);
    reply->setParent(this);
    connect(reply, &QNetworkReply::readyRead, this, &BatchFetcher::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &BatchFetcher::onFinished);
}

BatchFetcher::~BatchFetcher()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

bool BatchFetcher::handOver(QByteArray line)
{
    while (line.endsWith('\r'))
        line.chop(1);
    if (line.trimmed().isEmpty())
        return true;
    ++m_lines;
    if (!m_handler(std::move(line))) {
        m_stopped = true;
        m_error = ApiError::make(ApiError::Kind::Cancelled, tr("The download was stopped."));
        return false;
    }
    return true;
}

bool BatchFetcher::feed(const QByteArray &bytes)
{
    if (m_stopped)
        return false;
    m_bytes += bytes.size();
    qsizetype start = 0;
    while (true) {
        const qsizetype newline = bytes.indexOf('\n', start);
        if (newline < 0)
            break;
        QByteArray line;
        if (m_pending.isEmpty()) {
            line = bytes.sliced(start, newline - start);
        } else {
            m_pending.append(QByteArrayView(bytes).sliced(start, newline - start));
            line = std::exchange(m_pending, QByteArray());
        }
        start = newline + 1;
        if (!handOver(std::move(line)))
            return false;
    }
    if (start < bytes.size())
        m_pending.append(QByteArrayView(bytes).sliced(start));
    if (m_pending.size() > MaximumLineBytes) {
        m_stopped = true;
        m_pending.clear();
        m_error = ApiError::make(ApiError::Kind::TooLarge,
                                 tr("A line of the file is longer than %1 MB; it was not read.")
                                     .arg(MaximumLineBytes / (1024 * 1024)));
        return false;
    }
    return true;
}

bool BatchFetcher::finish()
{
    if (m_stopped)
        return false;
    if (!m_pending.isEmpty())
        return handOver(std::exchange(m_pending, QByteArray()));
    return true;
}

void BatchFetcher::abort()
{
    m_stopped = true;
    m_error = ApiError::make(ApiError::Kind::Cancelled, tr("The download was stopped."));
    if (m_reply)
        m_reply->abort();
}

void BatchFetcher::onReadyRead()
{
    if (!m_reply)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400)
        return; // the error body is read whole when the reply finishes
    if (!feed(m_reply->readAll()))
        m_reply->abort();
}

void BatchFetcher::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_error.isError()) {
        if (status >= 400) {
            m_error = ResponseParser::parseErrorBody(
                status, reply->readAll(), QString::fromLatin1(reply->rawHeader("x-request-id")));
        } else if (reply->error() != QNetworkReply::NoError) {
            m_error = ApiError::make(reply->error() == QNetworkReply::OperationCanceledError
                                         ? ApiError::Kind::Timeout
                                         : ApiError::Kind::Network,
                                     reply->errorString());
        } else if (feed(reply->readAll())) {
            finish();
        }
    }
    Q_EMIT finished(m_error);
}

} // namespace Atelier
