#pragma once

#include <QList>
#include <QObject>

class QWidget;

namespace Atelier {

// F6 and Shift+F6 move the keyboard focus from pane to pane of the window (compose, canvas, jobs,
// gallery), as in a browser or a file manager, so the main flow needs no mouse and no long walk
// through every control with Tab. Hidden panes are skipped.
class PaneFocus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaneFocus)

public:
    struct Pane
    {
        QWidget *area = nullptr; // where the focus counts as being in this pane
        QWidget *target = nullptr; // what takes the focus when the pane is entered
    };

    PaneFocus(QWidget *window, QList<Pane> panes);

    // Focuses the next (forward) or previous visible pane after the one holding the focus.
    void cycle(bool forward);

private:
    QWidget *m_window;
    QList<Pane> m_panes;
};

} // namespace Atelier
