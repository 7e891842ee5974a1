#include "studio/prompttemplate.h"

#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestPromptTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presets_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("prompt");
        QTest::addColumn<QString>("expected");
        QTest::newRow("slot") << u"a watercolour of {prompt}, soft light"_s << u"a fox"_s
                              << u"a watercolour of a fox, soft light"_s;
        QTest::newRow("two slots")
            << u"{prompt} and again {prompt}"_s << u"x"_s << u"x and again x"_s;
        QTest::newRow("no slot appends")
            << u"35 mm film, grain"_s << u"a street"_s << u"a street, 35 mm film, grain"_s;
        QTest::newRow("no preset") << QString() << u"a street"_s << u"a street"_s;
    }

    void presets()
    {
        QFETCH(QString, preset);
        QFETCH(QString, prompt);
        QFETCH(QString, expected);
        QCOMPARE(PromptTemplate::applyPreset(preset, prompt), expected);
    }

    void wildcards_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("none") << u"a fox"_s << QStringList {u"a fox"_s};
        QTest::newRow("one") << u"a {red|green|blue} fox"_s
                             << QStringList {u"a red fox"_s, u"a green fox"_s, u"a blue fox"_s};
        QTest::newRow("two: every combination")
            << u"{big|small} {cat|dog}"_s
            << QStringList {u"big cat"_s, u"big dog"_s, u"small cat"_s, u"small dog"_s};
        QTest::newRow("choices trimmed") << u"{ oil | ink }"_s << QStringList {u"oil"_s, u"ink"_s};
        QTest::newRow("empty choice")
            << u"a{| very} big fox"_s << QStringList {u"a big fox"_s, u"a very big fox"_s};
        QTest::newRow("braces without bar stay")
            << u"{prompt} {style}"_s << QStringList {u"{prompt} {style}"_s};
        QTest::newRow("escaped brace")
            << u"\\{a|b} and {c|d}"_s << QStringList {u"{a|b} and c"_s, u"{a|b} and d"_s};
    }

    void wildcards()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const Result<QStringList> expanded = PromptTemplate::expand(text);
        QVERIFY2(expanded, qPrintable(expanded.error()));
        QCOMPARE(*expanded, expected);
        QCOMPARE(PromptTemplate::countExpansions(text), expected.size());
    }

    void tooManyIsRefusedWithTheCount()
    {
        const QString text = u"{a|b|c|d|e} {a|b|c|d|e} {a|b|c|d|e}"_s; // 125
        QCOMPARE(PromptTemplate::countExpansions(text), 125);
        const Result<QStringList> expanded = PromptTemplate::expand(text);
        QVERIFY(!expanded);
        const QString error = expanded.error();
        QVERIFY2(error.contains(u"125"_s) && error.contains(u"100"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPromptTemplate)
#include "tst_prompttemplate.moc"
