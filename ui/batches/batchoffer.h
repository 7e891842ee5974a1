#pragma once

#include "batch/batchplan.h"
#include "model/imagerequest.h"

#include <QCoreApplication>
#include <QList>

class QMessageBox;
class QWidget;

namespace Atelier {

class StudioSession;

// The question the studio asks before a run of several requests (wildcards, n split into
// several sends, the compare grid, a prompt list): send them now, or as one Batch API batch at
// half the price with results within 24 hours. The batch choice is there only when the studio
// follows batches (a BatchMonitor lives under the session); disabled, its tooltip says why, where
// the provider or the requests cannot go as a batch.
class BatchOffer final
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::BatchOffer)

public:
    enum class Choice { Now, Batch, Cancel };

    // The box, named "confirmRun", its batch button "sendAsBatch" (none without a monitor).
    static QMessageBox *makeBox(QWidget *parent, StudioSession *session,
                                const QList<ImageRequest> &requests, const QString &title,
                                const QString &question);
    // Asks and, for Batch, hands the requests to the monitor (it says what became of them): as
    // `entries` on the first request's options when given (a prompt list keeps its lines).
    static Choice ask(QWidget *parent, StudioSession *session, const QList<ImageRequest> &requests,
                      const QString &title, const QString &question,
                      const QList<BatchEntry> *entries = nullptr);
    // "$0.133", "$0.0055": how the offer and the Batches view write a price.
    static QString money(double dollars);
};

} // namespace Atelier
