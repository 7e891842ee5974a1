#include "historydialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Atelier {

HistoryDialog::HistoryDialog(const QStringList &history, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Prompt history"));
    resize(640, 480);
    auto *layout = new QVBoxLayout(this);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Search the prompts you sent…"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);
    m_list = new QListWidget(this);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    for (auto it = history.crbegin(); it != history.crend(); ++it)
        m_list->addItem(*it);
    m_list->setCurrentRow(0);
    layout->addWidget(m_list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Use this prompt"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    connect(m_filter, &QLineEdit::textChanged, this, &HistoryDialog::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &QDialog::accept);
}

void HistoryDialog::applyFilter(const QString &text)
{
    QListWidgetItem *first = nullptr;
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const bool shown = item->text().contains(text, Qt::CaseInsensitive);
        item->setHidden(!shown);
        if (shown && !first)
            first = item;
    }
    m_list->setCurrentItem(first);
}

QString HistoryDialog::chosenPrompt() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && !item->isHidden() ? item->text() : QString();
}

} // namespace Atelier
