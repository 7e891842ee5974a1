#include "messagebar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMouseEvent>
#include <QPushButton>
#include <QScreen>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Atelier {

namespace {

QString lineOf(const MessageBar::Message &message)
{
    return QLocale().toString(message.at.time(), QLocale::ShortFormat) + u"  "_s + message.text;
}

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"messageBar"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_line = new QLabel(this);
    m_line->setObjectName(u"statusMessage"_s);
    m_line->setTextFormat(Qt::PlainText);
    // The line takes what the bar has left and never asks for more: a long message elides.
    m_line->setMinimumWidth(0);
    m_line->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_line->setCursor(Qt::PointingHandCursor);
    m_line->installEventFilter(this);
    layout->addWidget(m_line, 1);
    m_button = new QToolButton(this);
    m_button->setObjectName(u"messageHistoryButton"_s);
    m_button->setAutoRaise(true);
    m_button->setToolTip(tr("Every message of this session, whole"));
    m_button->setAccessibleName(tr("Message history"));
    connect(m_button, &QToolButton::clicked, this, &MessageBar::openHistory);
    layout->addWidget(m_button);

    m_popup = new QFrame(this, Qt::Popup);
    m_popup->setObjectName(u"messageHistory"_s);
    static_cast<QFrame *>(m_popup)->setFrameShape(QFrame::StyledPanel);
    auto *popupLayout = new QVBoxLayout(m_popup);
    m_list = new QListWidget(m_popup);
    m_list->setObjectName(u"messageHistoryList"_s);
    m_list->setAccessibleName(tr("Messages of this session"));
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setTextElideMode(Qt::ElideNone);
    auto *copy = new QAction(tr("Copy"), m_list);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(copy);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    const auto copySelected = [this] {
        QStringList lines;
        for (int row = 0; row < m_list->count(); ++row) {
            if (m_list->item(row)->isSelected())
                lines.append(m_list->item(row)->text());
        }
        if (lines.isEmpty() && m_list->count() > 0)
            lines.append(m_list->item(m_list->count() - 1)->text());
        QApplication::clipboard()->setText(lines.join(u'\n'));
    };
    connect(copy, &QAction::triggered, this, copySelected);
    popupLayout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *copyButton = new QPushButton(tr("Copy"), m_popup);
    copyButton->setObjectName(u"copyMessages"_s);
    copyButton->setToolTip(tr("Copy the selected messages (or the newest) to the clipboard"));
    connect(copyButton, &QPushButton::clicked, this, copySelected);
    buttons->addWidget(copyButton);
    auto *clear = new QPushButton(tr("Clear"), m_popup);
    clear->setObjectName(u"clearMessages"_s);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_history.clear();
        m_list->clear();
        updateButton();
    });
    buttons->addWidget(clear);
    popupLayout->addLayout(buttons);

    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, &MessageBar::clearLine);
    updateButton();
}

void MessageBar::post(const QString &text, int timeoutMs)
{
    m_timeout->stop();
    if (text.isEmpty()) {
        clearLine();
        return;
    }
    m_current = text;
    m_history.append({QDateTime::currentDateTime(), text});
    if (m_history.size() > Kept)
        m_history.remove(0, m_history.size() - Kept);
    if (m_popup->isVisible())
        fillHistory();
    elide();
    updateButton();
    if (timeoutMs > 0)
        m_timeout->start(timeoutMs);
}

void MessageBar::openHistory()
{
    fillHistory();
    QWidget *window = this->window();
    const int width = std::clamp(window->width() / 2, 360, 720);
    const int height = std::clamp(window->height() / 3, 160, 420);
    m_popup->resize(width, height);
    // Above the bar, right-aligned with the button, inside the screen.
    QPoint at = m_button->mapToGlobal(QPoint(m_button->width() - width, -height));
    if (const QScreen *screen = this->screen()) {
        const QRect available = screen->availableGeometry();
        at.setX(std::clamp(at.x(), available.left(), available.right() - width));
        at.setY(std::clamp(at.y(), available.top(), available.bottom() - height));
    }
    m_popup->move(at);
    m_popup->show();
    m_list->setFocus();
    if (m_list->count() > 0)
        m_list->scrollToBottom();
}

void MessageBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    elide();
}

bool MessageBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_line && event->type() == QEvent::MouseButtonRelease
        && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton && !m_history.isEmpty()) {
        openHistory();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void MessageBar::clearLine()
{
    m_current.clear();
    m_line->clear();
    m_line->setToolTip(QString());
}

void MessageBar::elide()
{
    // One line: a message with line breaks shows its first line here and whole in the history.
    QString oneLine = m_current;
    oneLine.replace(u'\n', u' ');
    const QString shown
        = m_line->fontMetrics().elidedText(oneLine, Qt::ElideRight, std::max(0, m_line->width()));
    m_line->setText(shown);
    m_line->setToolTip(shown == oneLine ? QString() : m_current);
}

void MessageBar::fillHistory()
{
    m_list->clear();
    for (const Message &message : std::as_const(m_history))
        m_list->addItem(lineOf(message));
}

void MessageBar::updateButton()
{
    m_button->setText(tr("%n message(s)", nullptr, int(m_history.size())));
    // Nothing to open yet: no button to wonder about.
    m_button->setVisible(!m_history.isEmpty());
}

} // namespace Atelier
