#pragma once

#include <QPlainTextEdit>
#include <QStringList>

namespace Atelier {

// The prompt: multi-line text with a live character count against the model's limit,
// Ctrl+Return to generate, and Ctrl+Up / Ctrl+Down to walk the prompts sent before.
class PromptEditor final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromptEditor)

public:
    explicit PromptEditor(QWidget *parent = nullptr);

    QString prompt() const { return toPlainText(); }
    void setPrompt(const QString &prompt);
    // 0: no limit (variations take no prompt: the editor is disabled instead).
    void setMaximumLength(int characters);
    int maximumLength() const { return m_maximumLength; }
    int characterCount() const;
    bool isOverLimit() const { return m_maximumLength > 0 && characterCount() > m_maximumLength; }

    void setHistory(const QStringList &history);
    // Remembers a sent prompt (most recent last, no immediate repeats).
    void addToHistory(const QString &prompt);
    QStringList history() const { return m_history; }

Q_SIGNALS:
    void submitRequested();
    // "123 / 32000", and whether that is over the limit.
    void countChanged(int characters, int maximum, bool overLimit);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void walkHistory(int step);
    void updateCount();

    int m_maximumLength = 0;
    QStringList m_history;
    int m_historyIndex = -1; // -1: editing a new prompt
    QString m_draft; // what was typed before walking the history
};

} // namespace Atelier
