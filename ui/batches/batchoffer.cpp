#include "batchoffer.h"

#include "batch/batchmonitor.h"
#include "studio/studiosession.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Atelier {

QString BatchOffer::money(double dollars)
{
    // As the estimate writes prices; a cent and less keeps its fourth digit.
    return u"$"_s + QString::number(dollars, 'f', dollars < 0.01 ? 4 : 3);
}

bool BatchOffer::offered(StudioSession *session)
{
    return BatchMonitor::of(session) != nullptr;
}

QString BatchOffer::offerText(StudioSession *session, const QList<ImageRequest> &requests,
                              bool lines)
{
    const BatchMonitor::Prices prices = BatchMonitor::prices(session->catalog(), requests);
    if (prices.batch < 0)
        return lines ? tr("Send as a batch — half the price,\nresults within 24 hours")
                     : tr("Send as a batch — half the price, results within 24 hours");
    return (lines ? tr("Send as a batch — %1 instead of %2,\nresults within 24 hours")
                  : tr("Send as a batch — %1 instead of %2, results within 24 hours"))
        .arg(money(prices.batch), money(prices.normal));
}

QString BatchOffer::explanation()
{
    return tr("The Batch API runs the requests within 24 hours at half the price; View > Batches "
              "follows it and the images land in the gallery.");
}

Status BatchOffer::canSend(StudioSession *session, const QList<ImageRequest> &requests)
{
    return BatchMonitor::canBatch(session->catalog(), requests, session->client()->provider());
}

QMessageBox *BatchOffer::makeBox(QWidget *parent, StudioSession *session,
                                 const QList<ImageRequest> &requests, const QString &title,
                                 const QString &question)
{
    auto *box
        = new QMessageBox(QMessageBox::Question, title, question, QMessageBox::NoButton, parent);
    box->setObjectName(u"confirmRun"_s);
    QPushButton *now = box->addButton(QMessageBox::Yes);
    now->setText(tr("Send now"));
    if (offered(session)) {
        auto *batch = new QPushButton(offerText(session, requests), box);
        batch->setObjectName(u"sendAsBatch"_s);
        box->addButton(batch, QMessageBox::AcceptRole);
        const Status can = canSend(session, requests);
        batch->setEnabled(bool(can));
        batch->setToolTip(can ? explanation() : can.error());
    }
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(now);
    return box;
}

BatchOffer::Choice BatchOffer::choose(QWidget *parent, StudioSession *session,
                                      const QList<ImageRequest> &requests, const QString &title,
                                      const QString &question)
{
    QMessageBox *box = makeBox(parent, session, requests, title, question);
    box->exec();
    QAbstractButton *clicked = box->clickedButton();
    const Choice choice = !clicked                  ? Choice::Cancel
        : clicked == box->button(QMessageBox::Yes)  ? Choice::Now
        : clicked->objectName() == u"sendAsBatch"_s ? Choice::Batch
                                                    : Choice::Cancel;
    box->deleteLater();
    return choice;
}

BatchOffer::Choice BatchOffer::ask(QWidget *parent, StudioSession *session,
                                   const QList<ImageRequest> &requests, const QString &title,
                                   const QString &question, const QList<BatchEntry> *entries)
{
    const Choice choice = choose(parent, session, requests, title, question);
    if (choice == Choice::Batch)
        submit(session, requests, entries);
    return choice;
}

void BatchOffer::submit(StudioSession *session, const QList<ImageRequest> &requests,
                        const QList<BatchEntry> *entries)
{
    BatchMonitor *monitor = BatchMonitor::of(session);
    if (!monitor || requests.isEmpty())
        return;
    if (entries)
        monitor->submit(requests.first(), *entries, session->client()->provider(),
                        session->apiKey());
    else
        monitor->submit(requests, session->client()->provider(), session->apiKey());
}

} // namespace Atelier
