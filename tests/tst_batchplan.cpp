#include "batch/batchplan.h"

#include "api/requestbuilder.h"
#include "model/parameters.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Atelier;
using namespace Qt::StringLiterals;

class TestBatchPlan : public QObject
{
    Q_OBJECT

private:
    static QList<BatchEntry> read(const QByteArray &text, QStringList *errors)
    {
        QBuffer buffer;
        buffer.setData(text);
        buffer.open(QIODevice::ReadOnly);
        QList<BatchEntry> entries;
        BatchPlan::readPrompts(&buffer, &entries, errors);
        return entries;
    }

    // Counts the lines a device received and the largest single write.
    class CountingDevice final : public QIODevice
    {
    public:
        qint64 writes = 0;
        qint64 largest = 0;
        qint64 total = 0;

    protected:
        qint64 readData(char *, qint64) override { return -1; }
        qint64 writeData(const char *, qint64 length) override
        {
            ++writes;
            largest = std::max(largest, length);
            total += length;
            return length;
        }
    };

private Q_SLOTS:
    void readsOnePromptALine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("prompts");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QList<int>>("lines");
        QTest::newRow("plain") << QByteArray("a fox\na hen\n")
                               << QStringList {u"a fox"_s, u"a hen"_s}
                               << QStringList {u"line-1"_s, u"line-2"_s} << QList<int> {1, 2};
        QTest::newRow("blank lines and CRLF keep their numbers")
            << QByteArray("\r\n  a fox  \r\n\r\n\ta hen") << QStringList {u"a fox"_s, u"a hen"_s}
            << QStringList {u"line-2"_s, u"line-4"_s} << QList<int> {2, 4};
        QTest::newRow("wildcards expand")
            << QByteArray("a {red|blue} {cat|dog}\n")
            << QStringList {u"a red cat"_s, u"a red dog"_s, u"a blue cat"_s, u"a blue dog"_s}
            << QStringList {u"line-1-1"_s, u"line-1-2"_s, u"line-1-3"_s, u"line-1-4"_s}
            << QList<int> {1, 1, 1, 1};
        QTest::newRow("UTF-8") << QByteArray("ein Bär im Schnee\n")
                               << QStringList {u"ein Bär im Schnee"_s} << QStringList {u"line-1"_s}
                               << QList<int> {1};
    }

    void readsOnePromptALine()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, prompts);
        QFETCH(QStringList, ids);
        QFETCH(QList<int>, lines);
        QStringList errors;
        const QList<BatchEntry> entries = read(text, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(entries.size(), prompts.size());
        for (qsizetype i = 0; i < entries.size(); ++i) {
            QCOMPARE(entries.at(i).prompt, prompts.at(i));
            QCOMPARE(entries.at(i).customId, ids.at(i));
            QCOMPARE(entries.at(i).line, lines.at(i));
        }
    }

    void badLinesAreNamed()
    {
        QStringList errors;
        read("fine\n{a|b|c|d|e|f|g|h|i|j|k}{a|b|c|d|e|f|g|h|i|j|k}\nfine\n", &errors);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(u"line 2: "_s), qPrintable(errors.first()));
        errors.clear();
        read("\n\n", &errors);
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().contains(u"no prompt"_s));
    }

    void eachLineIsGeneratesBodyWithoutStreaming()
    {
        ImageRequest shared;
        shared.model = u"gpt-image-2.6-flare"_s;
        shared.setOption(Param::Quality, u"low"_s);
        shared.setOption(Param::N, 2);
        shared.setOption(Param::Stream, true);
        shared.setOption(Param::PartialImages, 2);
        ProviderProfile profile;
        profile.kind = ProviderProfile::Kind::Compatible;
        profile.modelPrefix = u"openai/"_s;
        const QList<BatchEntry> entries
            = {{u"line-1"_s, u"a fox"_s, 1, {}}, {u"line-2"_s, u"a \"quoted\" hen"_s, 2, {}}};
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const Status written = BatchPlan::writeJsonl(&buffer, shared, entries, profile);
        QVERIFY2(written, qPrintable(written.error()));
        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.last().isEmpty()); // every line ends with a newline
        for (int i = 0; i < 2; ++i) {
            const QJsonObject line = QJsonDocument::fromJson(lines.at(i)).object();
            QCOMPARE(line.keys(), (QStringList {u"body"_s, u"custom_id"_s, u"method"_s, u"url"_s}));
            QCOMPARE(line.value(u"custom_id"_s).toString(), entries.at(i).customId);
            QCOMPARE(line.value(u"method"_s).toString(), u"POST"_s);
            QCOMPARE(line.value(u"url"_s).toString(), u"/v1/images/generations"_s);
            ImageRequest direct = shared;
            direct.prompt = entries.at(i).prompt;
            QJsonObject expected = RequestBuilder::build(direct, profile, QString()).json;
            expected.remove(Param::Stream);
            expected.remove(Param::PartialImages);
            QCOMPARE(line.value(u"body"_s).toObject(), expected);
            QCOMPARE(line.value(u"body"_s).toObject().value(u"model"_s).toString(),
                     u"openai/gpt-image-2.6-flare"_s);
            QVERIFY(!line.value(u"body"_s).toObject().contains(u"stream"_s));
        }
    }

    void editsAreJsonEditsWithFileIds()
    {
        ImageRequest shared;
        shared.endpoint = Endpoint::Edits;
        shared.model = u"gpt-image-2.6-flare"_s;
        shared.images = {u"/a.png"_s, u"/b.png"_s, u"/a.png"_s};
        shared.mask = u"/m.png"_s;
        shared.setOption(Param::InputFidelity, u"high"_s);
        shared.setOption(Param::Stream, true);
        QCOMPARE(BatchPlan::inputFiles(shared),
                 (QStringList {u"/a.png"_s, u"/b.png"_s, u"/m.png"_s}));
        const BatchPlan::FileIds ids
            = {{u"/a.png"_s, u"file-a"_s}, {u"/b.png"_s, u"file-b"_s}, {u"/m.png"_s, u"file-m"_s}};
        const QJsonObject body
            = BatchPlan::body(BatchPlan::requestFor(shared, u"a hat"_s), ProviderProfile(), ids);
        const QJsonObject expected {{u"model"_s, u"gpt-image-2.6-flare"_s},
                                    {u"prompt"_s, u"a hat"_s},
                                    {u"input_fidelity"_s, u"high"_s},
                                    {u"images"_s,
                                     QJsonArray {QJsonObject {{u"file_id"_s, u"file-a"_s}},
                                                 QJsonObject {{u"file_id"_s, u"file-b"_s}},
                                                 QJsonObject {{u"file_id"_s, u"file-a"_s}}}},
                                    {u"mask"_s, QJsonObject {{u"file_id"_s, u"file-m"_s}}}};
        QCOMPARE(body, expected);
        QCOMPARE(BatchPlan::endpointUrl(Endpoint::Edits), u"/v1/images/edits"_s);
    }

    void writesALineAtATime()
    {
        // A thousand prompts: one write per line, none larger than a line.
        QList<BatchEntry> entries;
        for (int i = 1; i <= 1000; ++i)
            entries.append({BatchPlan::customIdFor(i, 0, 1), u"prompt number %1"_s.arg(i), i, {}});
        CountingDevice device;
        device.open(QIODevice::WriteOnly);
        ImageRequest shared;
        QVERIFY(BatchPlan::writeJsonl(&device, shared, entries, ProviderProfile()));
        QCOMPARE(device.writes, 1000);
        QVERIFY(device.largest < 200);
    }

    void limitsOfTheBatchApi()
    {
        QList<BatchEntry> entries;
        for (int i = 1; i <= BatchPlan::MaximumRequests + 1; ++i)
            entries.append({BatchPlan::customIdFor(i, 0, 1), u"x"_s, i, {}});
        CountingDevice device;
        device.open(QIODevice::WriteOnly);
        const Status tooMany
            = BatchPlan::writeJsonl(&device, ImageRequest(), entries, ProviderProfile());
        QVERIFY2(!tooMany && tooMany.error().contains(u"50000"_s), qPrintable(tooMany.error()));
        QCOMPARE(device.writes, 0);
        // 200 MB of lines: refused at the line that passes the limit.
        const QString big(30000, u'y');
        entries.clear();
        for (int i = 1; i <= 8000; ++i)
            entries.append({BatchPlan::customIdFor(i, 0, 1), big, i, {}});
        const Status tooLarge
            = BatchPlan::writeJsonl(&device, ImageRequest(), entries, ProviderProfile());
        QVERIFY2(!tooLarge && tooLarge.error().contains(u"200 MB"_s), qPrintable(tooLarge.error()));
        QVERIFY(device.total <= BatchPlan::MaximumFileBytes);
    }
};

QTEST_GUILESS_MAIN(TestBatchPlan)
#include "tst_batchplan.moc"
