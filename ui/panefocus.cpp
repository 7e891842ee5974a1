#include "panefocus.h"

#include <QAction>
#include <QApplication>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace Atelier {

PaneFocus::PaneFocus(QWidget *window, QList<Pane> panes)
    : QObject(window)
    , m_window(window)
    , m_panes(std::move(panes))
{
    const auto add = [this](const QString &name, const QKeySequence &keys, bool forward) {
        auto *action = new QAction(m_window);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, forward] { cycle(forward); });
        m_window->addAction(action);
    };
    add(u"actionNextPane"_s, QKeySequence(Qt::Key_F6), true);
    add(u"actionPreviousPane"_s, QKeySequence(Qt::SHIFT | Qt::Key_F6), false);
}

void PaneFocus::cycle(bool forward)
{
    const qsizetype count = m_panes.size();
    if (count == 0)
        return;
    QWidget *focus = QApplication::focusWidget();
    qsizetype current = -1;
    for (qsizetype i = 0; i < count && focus; ++i) {
        const QWidget *area = m_panes.at(i).area;
        if (area && (focus == area || area->isAncestorOf(focus))) {
            current = i;
            break;
        }
    }
    if (current < 0)
        current = forward ? count - 1 : 0;
    for (qsizetype step = 1; step <= count; ++step) {
        const qsizetype next = ((current + (forward ? step : -step)) % count + count) % count;
        QWidget *target = m_panes.at(next).target;
        if (target && target->isVisible() && target->isEnabled()
            && target->focusPolicy() != Qt::NoFocus) {
            target->setFocus(forward ? Qt::TabFocusReason : Qt::BacktabFocusReason);
            return;
        }
    }
}

} // namespace Atelier
