#pragma once

#include <QDateTime>
#include <QVector>
#include <QWidget>

class QLabel;
class QListWidget;
class QTimer;
class QToolButton;

namespace Atelier {

// The status bar's message line, which never cuts a message off: the line shows the newest
// message elided to fit (its whole text in the tooltip), and every message of the session stays
// in a history the user opens from the line or its button, whole, word-wrapped and copyable.
class MessageBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    struct Message
    {
        QDateTime at;
        QString text;
    };
    static constexpr int Kept = 200;

    explicit MessageBar(QWidget *parent = nullptr);

    // Shows `text` for `timeoutMs` (0: until the next message) and keeps it in the history;
    // empty clears the line and keeps the history.
    void post(const QString &text, int timeoutMs = 0);
    // What the line says now, whole; empty once its time is up.
    QString currentMessage() const { return m_current; }
    const QVector<Message> &history() const { return m_history; }
    void openHistory();

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void clearLine();
    void elide();
    void fillHistory();
    void updateButton();

    QLabel *m_line = nullptr;
    QToolButton *m_button = nullptr;
    QWidget *m_popup = nullptr;
    QListWidget *m_list = nullptr;
    QTimer *m_timeout = nullptr;
    QString m_current;
    QVector<Message> m_history;
    int m_unread = 0;
};

} // namespace Atelier
