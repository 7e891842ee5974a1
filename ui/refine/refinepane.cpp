#include "refinepane.h"

#include "studio/refinethread.h"

#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

constexpr int ThumbnailEdge = 56;

QIcon thumbnailOf(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid())
        reader.setScaledSize(size.scaled(ThumbnailEdge, ThumbnailEdge, Qt::KeepAspectRatio));
    const QImage image = reader.read();
    return image.isNull() ? QIcon() : QIcon(QPixmap::fromImage(image));
}

} // namespace

RefinePane::RefinePane(const RefineThread *thread, QWidget *parent)
    : QWidget(parent)
    , m_thread(thread)
{
    setObjectName(u"refineThread"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_start = new QLabel;
    m_start->setObjectName(u"refineStart"_s);
    m_start->setWordWrap(true);
    layout->addWidget(m_start);
    m_turns = new QListWidget;
    m_turns->setObjectName(u"refineTurnList"_s);
    m_turns->setIconSize(QSize(ThumbnailEdge, ThumbnailEdge));
    m_turns->setWordWrap(true);
    m_turns->setTextElideMode(Qt::ElideNone);
    m_turns->setSpacing(2);
    m_turns->setAccessibleName(tr("Turns of the refine thread"));
    layout->addWidget(m_turns, 1);
    m_mode = new QLabel;
    m_mode->setObjectName(u"refineMode"_s);
    m_mode->setWordWrap(true);
    m_mode->hide();
    layout->addWidget(m_mode);
    m_from = new QLabel;
    m_from->setObjectName(u"refineFrom"_s);
    m_from->setWordWrap(true);
    m_from->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_from);
    // The instruction with Send (Cancel while a turn runs) beside it, the total under them:
    // narrow enough for a small screen beside the canvas and the gallery.
    auto *row = new QHBoxLayout;
    m_input = new QLineEdit;
    m_input->setObjectName(u"refineInput"_s);
    m_input->setPlaceholderText(tr("What to change…"));
    m_input->setAccessibleName(tr("Instruction for the next turn"));
    m_input->setClearButtonEnabled(true);
    m_input->setMinimumWidth(80);
    row->addWidget(m_input, 1);
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(u"refineCancel"_s);
    row->addWidget(m_cancel);
    m_send = new QPushButton(tr("Send"));
    m_send->setObjectName(u"refineSend"_s);
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send the instruction as the next turn (Enter)."));
    row->addWidget(m_send);
    layout->addLayout(row);
    m_total = new QLabel;
    m_total->setObjectName(u"refineTotal"_s);
    m_total->setWordWrap(true);
    m_total->setToolTip(tr("What the turns of this thread cost, from the usage the API "
                           "reported."));
    layout->addWidget(m_total);

    connect(m_send, &QPushButton::clicked, this, &RefinePane::send);
    connect(m_input, &QLineEdit::returnPressed, this, &RefinePane::send);
    connect(m_input, &QLineEdit::textChanged, this, &RefinePane::describeState);
    connect(m_cancel, &QPushButton::clicked, this, &RefinePane::cancelRequested);
    connect(m_turns, &QListWidget::currentRowChanged, this, [this](int row) {
        describeState();
        if (row < 0 || row >= m_thread->turns().size())
            return;
        const RefineTurn &turn = m_thread->turns().at(row);
        if (turn.imageId > 0)
            Q_EMIT imageChosen(turn.imagePath, turn.imageId, turn.prompt);
    });
    connect(thread, &RefineThread::reset, this, &RefinePane::rebuild);
    connect(thread, &RefineThread::turnAdded, this, [this](int index) {
        m_turns->addItem(new QListWidgetItem);
        describe(index);
        const QSignalBlocker quiet(m_turns); // the new turn's image is not one to show yet
        m_turns->setCurrentRow(index);
        m_turns->scrollToBottom();
        describeState();
    });
    connect(thread, &RefineThread::turnChanged, this, [this](int index) {
        describe(index);
        describeState();
    });
    // A running turn shows its newest partial image until its own is kept.
    connect(thread, &RefineThread::partialImage, this, [this](int index, const QImage &image) {
        if (QListWidgetItem *item = m_turns->item(index); item && !image.isNull())
            item->setIcon(QIcon(QPixmap::fromImage(image.scaled(
                ThumbnailEdge, ThumbnailEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation))));
    });
    connect(thread, &RefineThread::imageSaved, this, [this](int index) {
        if (QListWidgetItem *item = m_turns->item(index))
            item->setIcon(QIcon());
        describe(index);
    });
    connect(thread, &RefineThread::busyChanged, this, &RefinePane::describeState);
    rebuild();
}

int RefinePane::chosenTurn() const
{
    const int row = m_turns->currentRow();
    if (row < 0 || row >= m_thread->turns().size() || m_thread->turns().at(row).imageId <= 0)
        return m_thread->lastImageTurn();
    return row;
}

void RefinePane::chooseTurn(int index)
{
    m_turns->setCurrentRow(index);
}

void RefinePane::focusInput()
{
    m_input->setFocus();
}

void RefinePane::send()
{
    if (!m_send->isEnabled())
        return;
    Q_EMIT sendRequested(m_input->text(), chosenTurn());
    if (m_thread->isBusy())
        m_input->clear();
}

void RefinePane::rebuild()
{
    m_turns->clear();
    for (int i = 0; i < m_thread->turns().size(); ++i) {
        m_turns->addItem(new QListWidgetItem);
        describe(i);
    }
    const QSignalBlocker quiet(m_turns);
    m_turns->setCurrentRow(m_thread->lastImageTurn());
    describeState();
}

void RefinePane::describe(int index)
{
    QListWidgetItem *item = m_turns->item(index);
    if (!item || index >= m_thread->turns().size())
        return;
    const RefineTurn &turn = m_thread->turns().at(index);
    QStringList lines;
    if (turn.state == RefineTurn::State::Start) {
        lines.append(tr("Start: %1").arg(turn.prompt.isEmpty() ? tr("(no prompt)") : turn.prompt));
    } else {
        lines.append(tr("%1. %2").arg(index).arg(turn.prompt));
        QStringList facts;
        if (turn.from != index - 1)
            facts.append(turn.from == 0 ? tr("from the start") : tr("from turn %1").arg(turn.from));
        if (turn.asEdit)
            facts.append(tr("as an edit"));
        if (turn.cost >= 0)
            facts.append(tr("$%1").arg(turn.cost, 0, 'f', 3));
        switch (turn.state) {
        case RefineTurn::State::Running:
            facts.append(tr("running…"));
            break;
        case RefineTurn::State::Refused:
            facts.append(tr("refused"));
            break;
        case RefineTurn::State::Failed:
            facts.append(tr("failed"));
            break;
        case RefineTurn::State::Start:
        case RefineTurn::State::Done:
            break;
        }
        if (!facts.isEmpty())
            lines.append(facts.join(u" · "_s));
    }
    lines += turn.notes;
    item->setText(lines.join(u'\n'));
    item->setToolTip(lines.join(u'\n'));
    if (turn.imageId > 0 && item->icon().isNull())
        item->setIcon(thumbnailOf(turn.imagePath));
    if (item->icon().isNull()) { // an empty square keeps the texts in line
        QPixmap empty(ThumbnailEdge, ThumbnailEdge);
        empty.fill(Qt::transparent);
        item->setIcon(QIcon(empty));
    }
    // A turn without an image is not one to continue from.
    item->setFlags(turn.imageId > 0 ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::ItemIsEnabled);
}

void RefinePane::describeState()
{
    const QList<RefineTurn> &turns = m_thread->turns();
    const bool open = !turns.isEmpty();
    m_start->setText(open ? tr("Each turn changes the chosen image; choose an earlier turn to "
                               "branch from it.")
                          : tr("Choose Refine… on an image (the canvas or the gallery) to start "
                               "a thread."));
    const int from = chosenTurn();
    m_from->setText(!open || from < 0 ? QString()
                        : from == 0   ? tr("The next turn changes the start image.")
                                      : tr("The next turn continues turn %1.").arg(from));
    m_mode->setVisible(m_thread->sendsEdits());
    m_mode->setText(tr("This provider has no Responses API: turns go as edits of the chosen "
                       "image."));
    m_input->setEnabled(open);
    m_send->setEnabled(open && !m_thread->isBusy() && !m_input->text().trimmed().isEmpty()
                       && from >= 0);
    m_cancel->setVisible(m_thread->isBusy());
    int made = 0;
    for (const RefineTurn &turn : turns)
        made += turn.state == RefineTurn::State::Done ? 1 : 0;
    m_total->setText(
        tr("Thread: $%1, %n turn(s)", nullptr, made).arg(m_thread->totalCost(), 0, 'f', 3));
}

} // namespace Atelier
