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

QMessageBox *BatchOffer::makeBox(QWidget *parent, StudioSession *session,
                                 const QList<ImageRequest> &requests, const QString &title,
                                 const QString &question)
{
    auto *box
        = new QMessageBox(QMessageBox::Question, title, question, QMessageBox::NoButton, parent);
    box->setObjectName(u"confirmRun"_s);
    QPushButton *now = box->addButton(QMessageBox::Yes);
    now->setText(tr("Send now"));
    BatchMonitor *monitor = BatchMonitor::of(session);
    if (monitor) {
        const ProviderProfile &provider = session->client()->provider();
        const BatchMonitor::Prices prices = BatchMonitor::prices(session->catalog(), requests);
        auto *batch = new QPushButton(
            prices.batch >= 0 ? tr("Send as a batch — %1 instead of %2, results within 24 hours")
                                    .arg(money(prices.batch), money(prices.normal))
                              : tr("Send as a batch — half the price, results within 24 hours"),
            box);
        batch->setObjectName(u"sendAsBatch"_s);
        box->addButton(batch, QMessageBox::AcceptRole);
        const Status can = BatchMonitor::canBatch(session->catalog(), requests, provider);
        batch->setEnabled(bool(can));
        batch->setToolTip(can ? tr("The Batch API runs the requests within 24 hours at half the "
                                   "price; View > Batches follows it and the images land in the "
                                   "gallery.")
                              : can.error());
    }
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(now);
    return box;
}

BatchOffer::Choice BatchOffer::ask(QWidget *parent, StudioSession *session,
                                   const QList<ImageRequest> &requests, const QString &title,
                                   const QString &question, const QList<BatchEntry> *entries)
{
    QMessageBox *box = makeBox(parent, session, requests, title, question);
    box->exec();
    QAbstractButton *clicked = box->clickedButton();
    const Choice choice = !clicked                  ? Choice::Cancel
        : clicked == box->button(QMessageBox::Yes)  ? Choice::Now
        : clicked->objectName() == u"sendAsBatch"_s ? Choice::Batch
                                                    : Choice::Cancel;
    box->deleteLater();
    BatchMonitor *monitor = BatchMonitor::of(session);
    if (choice == Choice::Batch && entries && !requests.isEmpty())
        monitor->submit(requests.first(), *entries, session->client()->provider(),
                        session->apiKey());
    else if (choice == Choice::Batch)
        monitor->submit(requests, session->client()->provider(), session->apiKey());
    return choice;
}

} // namespace Atelier
