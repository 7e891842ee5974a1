#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace Atelier {

// Every prompt sent, newest first, filtered as you type; Enter or a double-click takes one.
class HistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDialog)

public:
    HistoryDialog(const QStringList &history, QWidget *parent = nullptr);
    QString chosenPrompt() const;
    QLineEdit *filterField() const { return m_filter; }
    QListWidget *list() const { return m_list; }

private:
    void applyFilter(const QString &text);

    QLineEdit *m_filter = nullptr;
    QListWidget *m_list = nullptr;
};

} // namespace Atelier
