#pragma once

#include "model/imagerequest.h"
#include "model/violation.h"
#include "studio/jobqueue.h"

#include <QWidget>

class QTableView;

namespace Atelier {

class StudioSession;

// The session's jobs: what was asked, where it stands, what it cost; Cancel and Retry for the
// selected one. A recipe whose model OpenAI shut down is offered its replacement on Retry.
class JobPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobPanel)

public:
    explicit JobPanel(StudioSession *session, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    // A line for the status bar: what runs, what waits ("2 running · 1 queued").
    QString summary() const;
    // Cancels the newest job that has not ended (Esc); false when none runs.
    bool cancelNewest();
    // Requests an earlier run sent that never finished: asks whether to send them again, or
    // to restore the last one's recipe. Nothing when there are none.
    void offerInterruptedJobs();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeout);
    // summary() changed.
    void summaryChanged(const QString &summary);
    // What could not be sent again (shown in the problems line); empty clears it.
    void problems(const QList<Atelier::Violation> &violations);
    // A job was sent again: the canvas follows it.
    void resubmitted();
    // The user selected the job's row (new jobs, selected as they come, do not say so).
    void jobSelected(Atelier::JobId id);
    // "Restore the last recipe" of the unfinished requests.
    void restoreRequested(const Atelier::ImageRequest &recipe);

private:
    // Asks before sending files from outside the library, then sends the job again.
    void retry(JobId id);
    void retryJob(JobId id);
    // The row's own Cancel and Retry buttons, made when the row appears.
    void addRowActions(int row);
    void showRowActions(int first, int last);

    StudioSession *m_session;
    QTableView *m_view = nullptr;
    bool m_selectingNew = false;
};

} // namespace Atelier
