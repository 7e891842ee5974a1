#include "prompteditor.h"

#include <QKeyEvent>

namespace Atelier {

PromptEditor::PromptEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setPlaceholderText(
        tr("Describe the image… (Ctrl+Return to generate, Ctrl+Up for earlier prompts)"));
    setTabChangesFocus(true);
    setAccessibleName(tr("Prompt"));
    connect(this, &QPlainTextEdit::textChanged, this, &PromptEditor::updateCount);
}

void PromptEditor::setPrompt(const QString &prompt)
{
    setPlainText(prompt);
    moveCursor(QTextCursor::End);
}

void PromptEditor::setMaximumLength(int characters)
{
    m_maximumLength = characters;
    updateCount();
}

int PromptEditor::characterCount() const
{
    const QString text = toPlainText();
    int count = 0;
    for (const QChar c : text) {
        if (!c.isLowSurrogate())
            ++count;
    }
    return count;
}

void PromptEditor::updateCount()
{
    Q_EMIT countChanged(characterCount(), m_maximumLength, isOverLimit());
}

void PromptEditor::setHistory(const QStringList &history)
{
    m_history = history;
    m_historyIndex = -1;
}

void PromptEditor::addToHistory(const QString &prompt)
{
    if (prompt.trimmed().isEmpty())
        return;
    if (m_history.isEmpty() || m_history.constLast() != prompt)
        m_history.append(prompt);
    while (m_history.size() > 500)
        m_history.removeFirst();
    m_historyIndex = -1;
}

void PromptEditor::walkHistory(int step)
{
    if (m_history.isEmpty())
        return;
    if (m_historyIndex < 0) {
        if (step > 0)
            return; // already at the newest: nothing after it
        m_draft = toPlainText();
        m_historyIndex = int(m_history.size());
    }
    const int next = m_historyIndex + step;
    if (next < 0)
        return;
    if (next >= m_history.size()) {
        m_historyIndex = -1;
        setPrompt(m_draft);
        return;
    }
    m_historyIndex = next;
    setPrompt(m_history.at(next));
}

void PromptEditor::keyPressEvent(QKeyEvent *event)
{
    const bool control = event->modifiers() & Qt::ControlModifier;
    if (control && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        Q_EMIT submitRequested();
        event->accept();
        return;
    }
    if (control && event->key() == Qt::Key_Up) {
        walkHistory(-1);
        event->accept();
        return;
    }
    if (control && event->key() == Qt::Key_Down) {
        walkHistory(+1);
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace Atelier
