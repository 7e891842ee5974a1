#pragma once

#include <QAction>
#include <QMenu>

namespace Atelier {

// `action` goes into `menu` right after the action named `after` (at the end without it): how
// the panels that install themselves (batches, refine) put their actions beside the window's.
inline void insertAfter(QMenu *menu, const QString &after, QAction *action)
{
    const QList<QAction *> actions = menu->actions();
    for (qsizetype i = 0; i + 1 < actions.size(); ++i) {
        if (actions.at(i)->objectName() == after) {
            menu->insertAction(actions.at(i + 1), action);
            return;
        }
    }
    menu->addAction(action);
}

} // namespace Atelier
