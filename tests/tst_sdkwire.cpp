// The same inputs through the official Node SDK (openai 7.59.0) and through atelier-cli, both
// against the fake server: the JSON bodies (generations) and the multipart fields (edits) must
// be the same. The SDK is the contract for the new parameters (complexity, gif frames, svg,
// markup, safety_identifier, xhigh/max); this catches Atelier spelling one differently.
#include "clirunner.h"
#include "fakeimagesserver.h"

#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace AtelierTest;
using namespace Qt::StringLiterals;

namespace {

QString shown(const QJsonValue &value)
{
    if (value.isUndefined())
        return u"(absent)"_s;
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

// A JSON body member by member: what differs, one line each.
QString jsonDiff(const QJsonObject &sdk, const QJsonObject &atelier)
{
    QStringList keys = sdk.keys() + atelier.keys();
    keys.sort();
    keys.removeDuplicates();
    QStringList lines;
    for (const QString &key : std::as_const(keys)) {
        if (sdk.value(key) != atelier.value(key))
            lines.append(u"  %1: SDK %2, Atelier %3"_s.arg(key, shown(sdk.value(key)),
                                                           shown(atelier.value(key))));
    }
    return lines.join(u'\n');
}

// A form as a multiset of fields: name and text, or name, file name and the bytes' digest.
// Their order and the files' Content-Type are not compared: the API reads fields by name, and
// the SDK labels a stream application/octet-stream where Atelier names the image type.
QStringList formFields(const QList<ReceivedPart> &parts)
{
    QStringList fields;
    for (const ReceivedPart &part : parts) {
        if (part.isFile()) {
            fields.append(u"%1: file \"%2\", %3 bytes, sha256 %4"_s.arg(
                part.name, part.fileName, QString::number(part.data.size()),
                QString::fromLatin1(QCryptographicHash::hash(part.data, QCryptographicHash::Sha256)
                                        .toHex()
                                        .left(16))));
        } else {
            fields.append(u"%1=%2"_s.arg(part.name, QString::fromUtf8(part.data)));
        }
    }
    fields.sort();
    return fields;
}

QString formDiff(QStringList sdk, QStringList atelier)
{
    QStringList lines;
    for (const QString &field : std::as_const(sdk)) {
        if (!atelier.removeOne(field))
            lines.append(u"  only the SDK sends   %1"_s.arg(field));
    }
    for (const QString &field : std::as_const(atelier))
        lines.append(u"  only Atelier sends   %1"_s.arg(field));
    return lines.join(u'\n');
}

} // namespace

class TestSdkWire : public QObject
{
    Q_OBJECT

private:
    QString m_node;
    QTemporaryDir m_files;
    std::unique_ptr<FakeImagesServer> m_server;

    // Runs a program while this test's event loop serves the fake server.
    CliRun run(const QString &program, const QStringList &arguments)
    {
        return runProcess({program,
                           arguments,
                           cliEnvironment(m_files.path(), u"sk-atelier-wire"_s),
                           m_files.path(),
                           {},
                           {},
                           60000,
                           u"sk-atelier-wire"_s});
    }

    // The case's inputs as atelier-cli options: each parameter as --its-name-with-dashes.
    QStringList cliArguments(const QJsonObject &testCase) const
    {
        const bool edit = testCase.value(u"endpoint"_s).toString() == u"edit";
        QStringList arguments {edit ? u"edit"_s : u"generate"_s,
                               u"--provider"_s,
                               u"openai"_s,
                               u"--base-url"_s,
                               m_server->baseUrl().toString(),
                               u"--out"_s,
                               m_files.filePath(u"out"_s)};
        const QJsonObject params = testCase.value(u"params"_s).toObject();
        for (auto it = params.constBegin(); it != params.constEnd(); ++it) {
            if (it.key() == u"svg") {
                const QJsonObject svg = it.value().toObject();
                if (svg.contains(u"model"_s))
                    arguments << u"--svg-model"_s << svg.value(u"model"_s).toString();
                if (svg.contains(u"reasoning"_s))
                    arguments << u"--svg-reasoning-effort"_s
                              << svg[u"reasoning"_s][u"effort"_s].toString();
                continue;
            }
            const QString option = u"--"_s + QString(it.key()).replace(u'_', u'-');
            if (it.value().isBool()) {
                if (it.value().toBool())
                    arguments << option;
                continue;
            }
            arguments << option
                      << (it.value().isDouble() ? QString::number(it.value().toInteger())
                                                : it.value().toString());
        }
        const QJsonObject files = testCase.value(u"files"_s).toObject();
        for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
            const QJsonArray names
                = it.value().isArray() ? it.value().toArray() : QJsonArray {it.value()};
            for (const QJsonValue &name : names)
                arguments << u"--"_s + it.key() << m_files.filePath(name.toString());
        }
        return arguments;
    }

    void writeImage(const QString &name, const QColor &fill, bool drawMark = false)
    {
        QImage image(QSize(32, 32), QImage::Format_ARGB32);
        image.fill(fill);
        if (drawMark) {
            QPainter painter(&image);
            painter.setPen(QPen(Qt::red, 2));
            painter.drawRect(8, 8, 12, 10);
        }
        QVERIFY(image.save(m_files.filePath(name), "PNG"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A missing node is a failure, not a skip: CI installs it (packaging/build-depends.txt).
        m_node = QStandardPaths::findExecutable(u"node"_s);
        QVERIFY2(!m_node.isEmpty(),
                 "node is not installed (package nodejs); the SDK wire test needs it");
        QVERIFY2(QFile::exists(QStringLiteral(SDK_DIR "/node_modules/openai/package.json")),
                 "openai is not installed in " SDK_DIR
                 "; the sdkwire_install fixture puts it there");
        QVERIFY(m_files.isValid());
        writeImage(u"a.png"_s, QColor(20, 40, 160));
        writeImage(u"b.png"_s, QColor(200, 120, 20));
        writeImage(u"mask.png"_s, Qt::transparent);
        writeImage(u"markup.png"_s, Qt::transparent, true);
    }

    void init()
    {
        m_server = std::make_unique<FakeImagesServer>();
        m_server->setModels(FakeModelRules::openAiModels());
        QVERIFY(m_server->listen());
    }

    void cleanup() { m_server.reset(); }

    void sameWire_data()
    {
        QTest::addColumn<QJsonObject>("testCase");
        QFile file(QStringLiteral(SDK_CASES));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray cases
            = QJsonDocument::fromJson(file.readAll()).object().value(u"cases"_s).toArray();
        QVERIFY(cases.size() >= 10);
        for (const QJsonValue &testCase : cases)
            QTest::newRow(qPrintable(testCase[u"name"_s].toString())) << testCase.toObject();
    }

    void sameWire()
    {
        QFETCH(QJsonObject, testCase);
        const bool edit = testCase.value(u"endpoint"_s).toString() == u"edit";

        const CliRun sdk
            = run(m_node,
                  {QStringLiteral(SDK_DIR "/sdk_wire.mjs"), m_server->baseUrl().toString(),
                   m_files.path(),
                   QString::fromUtf8(QJsonDocument(testCase).toJson(QJsonDocument::Compact))});
        QVERIFY2(sdk.exitCode == 0,
                 qPrintable(u"the SDK failed (%1): %2"_s.arg(sdk.exitCode).arg(sdk.err)));
        const QStringList arguments = cliArguments(testCase);
        const CliRun atelier = run(QStringLiteral(ATELIER_CLI_PATH), arguments);
        QVERIFY2(atelier.exitCode == 0,
                 qPrintable(u"atelier-cli %1\nfailed (%2): %3"_s.arg(arguments.join(u' '))
                                .arg(atelier.exitCode)
                                .arg(atelier.err)));
        QCOMPARE(m_server->requestCount(), 2);

        const RecordedRequest &fromSdk = m_server->requests().at(0);
        const RecordedRequest &fromAtelier = m_server->requests().at(1);
        QCOMPARE(fromAtelier.path, fromSdk.path);
        QCOMPARE(fromSdk.path, edit ? u"/v1/images/edits"_s : u"/v1/images/generations"_s);
        // Both are valid by the SDK's schema and the model's rules (the server answered both).
        QVERIFY2(fromSdk.violations.isEmpty(), qPrintable(fromSdk.violations.join(u"; "_s)));
        QVERIFY2(fromAtelier.violations.isEmpty(),
                 qPrintable(fromAtelier.violations.join(u"; "_s)));
        if (edit) {
            QVERIFY(fromSdk.header("content-type").startsWith("multipart/form-data"));
            QVERIFY(fromAtelier.header("content-type").startsWith("multipart/form-data"));
            const QStringList sdkFields = formFields(fromSdk.parts);
            const QStringList atelierFields = formFields(fromAtelier.parts);
            QVERIFY2(sdkFields == atelierFields,
                     qPrintable(u"the forms differ:\n"_s + formDiff(sdkFields, atelierFields)));
        } else {
            QVERIFY(fromSdk.header("content-type").startsWith("application/json"));
            QVERIFY(fromAtelier.header("content-type").startsWith("application/json"));
            QVERIFY2(fromSdk.json == fromAtelier.json,
                     qPrintable(u"the JSON bodies differ:\n"_s
                                + jsonDiff(fromSdk.json, fromAtelier.json)));
        }
    }

    // The comparison itself: a difference fails, and says which field.
    void diffNamesTheField()
    {
        const QString json
            = jsonDiff(QJsonObject {{u"n"_s, 1}, {u"svg"_s, QJsonObject {{u"model"_s, u"m"_s}}}},
                       QJsonObject {{u"n"_s, 1}, {u"svg_model"_s, u"m"_s}});
        QCOMPARE(
            json,
            u"  svg: SDK {\"model\":\"m\"}, Atelier (absent)\n  svg_model: SDK (absent), Atelier \"m\""_s);
        const QString form
            = formDiff({u"image[]=x"_s, u"n=1"_s, u"n=1"_s}, {u"image=x"_s, u"n=1"_s});
        QCOMPARE(
            form,
            u"  only the SDK sends   image[]=x\n  only the SDK sends   n=1\n  only Atelier sends   image=x"_s);
    }
};

QTEST_GUILESS_MAIN(TestSdkWire)
#include "tst_sdkwire.moc"
