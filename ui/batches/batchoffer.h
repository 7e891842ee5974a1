#pragma once

#include "batch/batchplan.h"
#include "model/imagerequest.h"
#include "platform/result.h"

#include <QCoreApplication>
#include <QList>

class QMessageBox;
class QWidget;

namespace Atelier {

class StudioSession;

// The offer beside a run of several requests (wildcards, n split into several sends, the compare
// grid, a prompt list): send them now, or as one Batch API batch at half the price with results
// within 24 hours. As a button in the run's confirmation where the studio asks anyway, as the
// compose panel's "Send as a batch" check box where it does not. The offer is there only when
// the studio follows batches (a BatchMonitor lives under the session); disabled, its tooltip says
// why, where the provider or the requests cannot go as a batch.
class BatchOffer final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::BatchOffer)

public:
    enum class Choice { Now, Batch, Cancel };

    // The box, named "confirmRun", its batch button "sendAsBatch" (none without a monitor).
    static QMessageBox *makeBox(QWidget *parent, StudioSession *session,
                                const QList<ImageRequest> &requests, const QString &title,
                                const QString &question);
    // Asks, and sends nothing.
    static Choice choose(QWidget *parent, StudioSession *session,
                         const QList<ImageRequest> &requests, const QString &title,
                         const QString &question);
    // Asks and, for Batch, hands the requests to the monitor (see submit()).
    static Choice ask(QWidget *parent, StudioSession *session, const QList<ImageRequest> &requests,
                      const QString &title, const QString &question,
                      const QList<BatchEntry> *entries = nullptr);
    // Hands the requests to the session's monitor (it says what became of them): as `entries`
    // on the first request's options when given (a prompt list keeps its lines).
    static void submit(StudioSession *session, const QList<ImageRequest> &requests,
                       const QList<BatchEntry> *entries = nullptr);

    // Whether the studio offers batches at all (it follows them).
    static bool offered(StudioSession *session);
    // "Send as a batch — $X instead of $Y, results within 24 hours" (`lines`: the prices and
    // the wait on two lines, for a narrow panel).
    static QString offerText(StudioSession *session, const QList<ImageRequest> &requests,
                             bool lines = false);
    // Whether these requests can go as a batch to the session's provider; if not, why; if so,
    // what a batch is (a tooltip).
    static Status canSend(StudioSession *session, const QList<ImageRequest> &requests);
    static QString explanation();
    // "$0.133", "$0.0055": how the offer and the Batches view write a price.
    static QString money(double dollars);
};

} // namespace Atelier
