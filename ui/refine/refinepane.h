#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Atelier {

class RefineThread;

// The refine thread beside the canvas: the turns, each with its image, instruction, cost and
// what the thread said about it (refused, expired, sent as an edit); below them the instruction
// for the next turn, Send, and the thread's running total. Choosing a turn shows its image and
// makes it the one the next turn continues (a branch). Emits what the user asks for; the
// RefineThread does it.
class RefinePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RefinePane)

public:
    explicit RefinePane(const RefineThread *thread, QWidget *parent = nullptr);

    QListWidget *turnList() const { return m_turns; }
    QLineEdit *input() const { return m_input; }
    // The turn the next one continues (-1: the newest with an image).
    int chosenTurn() const;
    void chooseTurn(int index);
    void focusInput();

Q_SIGNALS:
    void sendRequested(const QString &prompt, int from);
    void cancelRequested();
    // A turn was chosen: its library image.
    void imageChosen(const QString &path, qint64 id, const QString &caption);

private:
    void rebuild();
    void describe(int index);
    void describeState();
    void send();

    const RefineThread *m_thread;
    QLabel *m_start = nullptr;
    QListWidget *m_turns = nullptr;
    QLabel *m_mode = nullptr;
    QLabel *m_from = nullptr;
    QLineEdit *m_input = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_total = nullptr;
};

} // namespace Atelier
