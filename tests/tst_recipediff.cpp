#include "library/recipediff.h"
#include "model/parameters.h"

#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestRecipeDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsWhatDiffers()
    {
        LibraryImage left;
        left.request.model = u"gpt-image-1.5"_s;
        left.request.prompt = u"a fox"_s;
        left.request.setOption(Param::Quality, u"high"_s);
        left.request.setOption(Param::Size, u"1024x1024"_s);
        left.size = QSize(1024, 1024);
        left.format = u"png"_s;
        LibraryImage right = left;
        right.request.model = u"gpt-image-2"_s;
        right.request.setOption(Param::Quality, u"low"_s);
        right.request.setOption(Param::Stream, true);
        const QList<RecipeDifference> rows = RecipeDiff::compare(left, right);
        QStringList differing;
        for (const RecipeDifference &row : rows) {
            if (row.differs)
                differing.append(row.label);
        }
        QCOMPARE(differing, (QStringList {u"Model"_s, u"quality"_s, u"stream"_s}));
        const auto stream
            = std::find_if(rows.cbegin(), rows.cend(),
                           [](const RecipeDifference &row) { return row.label == u"stream"; });
        QCOMPARE(stream->left, u"(default)"_s);
        QCOMPARE(stream->right, u"true"_s);
        // Parameters neither set are not listed.
        QVERIFY(std::none_of(rows.cbegin(), rows.cend(),
                             [](const RecipeDifference &row) { return row.label == u"style"; }));
    }
};

QTEST_GUILESS_MAIN(TestRecipeDiff)
#include "tst_recipediff.moc"
