#include "prompt/historydialog.h"
#include "prompt/prompteditor.h"

#include <QLineEdit>
#include <QListWidget>

#include <QSignalSpy>
#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestPromptEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsAgainstTheLimit()
    {
        PromptEditor editor;
        editor.setMaximumLength(10);
        QSignalSpy count(&editor, &PromptEditor::countChanged);
        QTest::keyClicks(&editor, u"0123456789"_s);
        QCOMPARE(editor.characterCount(), 10);
        QVERIFY(!editor.isOverLimit());
        QCOMPARE(count.last().at(0).toInt(), 10);
        QTest::keyClicks(&editor, u"!"_s);
        QVERIFY(editor.isOverLimit());
        QCOMPARE(count.last().at(2).toBool(), true);
        // Characters, not UTF-16 units: an emoji counts once.
        editor.setPrompt(u"🦊"_s);
        QCOMPARE(editor.characterCount(), 1);
    }

    void controlReturnSubmits()
    {
        PromptEditor editor;
        QSignalSpy submit(&editor, &PromptEditor::submitRequested);
        QTest::keyClicks(&editor, u"a fox"_s);
        QTest::keyClick(&editor, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(submit.count(), 1);
        QCOMPARE(editor.prompt(), u"a fox"_s); // no newline added
        QTest::keyClick(&editor, Qt::Key_Return);
        QCOMPARE(submit.count(), 1);
        QCOMPARE(editor.prompt(), u"a fox\n"_s);
    }

    void historyWalk()
    {
        PromptEditor editor;
        editor.addToHistory(u"first"_s);
        editor.addToHistory(u"second"_s);
        editor.addToHistory(u"second"_s); // no repeats
        QCOMPARE(editor.history().size(), 2);
        QTest::keyClicks(&editor, u"draft"_s);
        QTest::keyClick(&editor, Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(editor.prompt(), u"second"_s);
        QTest::keyClick(&editor, Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(editor.prompt(), u"first"_s);
        QTest::keyClick(&editor, Qt::Key_Up, Qt::ControlModifier);
        QCOMPARE(editor.prompt(), u"first"_s); // the oldest stays
        QTest::keyClick(&editor, Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(editor.prompt(), u"second"_s);
        QTest::keyClick(&editor, Qt::Key_Down, Qt::ControlModifier);
        QCOMPARE(editor.prompt(), u"draft"_s); // back to what was being typed
    }

    void historyIsSearchable()
    {
        HistoryDialog dialog({u"a red fox"_s, u"a lighthouse at dusk"_s, u"a fox in the snow"_s});
        QCOMPARE(dialog.chosenPrompt(), u"a fox in the snow"_s); // newest first
        QTest::keyClicks(dialog.filterField(), u"LIGHT"_s);
        QCOMPARE(dialog.chosenPrompt(), u"a lighthouse at dusk"_s);
        dialog.filterField()->setText(u"fox"_s);
        int shown = 0;
        for (int row = 0; row < dialog.list()->count(); ++row)
            shown += dialog.list()->item(row)->isHidden() ? 0 : 1;
        QCOMPARE(shown, 2);
        dialog.filterField()->setText(u"zebra"_s);
        QVERIFY(dialog.chosenPrompt().isEmpty());
    }
};

QTEST_MAIN(TestPromptEditor)
#include "tst_prompteditor.moc"
