// The German translation is complete and well formed, the compiled-in .qm files load for the
// system locale, and the window really speaks German with it.

#include "catalog/catalog.h"
#include "catalog/requestvalidator.h"
#include "mainwindow.h"
#include "params/parameterpanel.h"
#include "platform/translations.h"
#include "studio/studiosession.h"

#include "testsettings.h"
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Atelier;
using namespace Qt::StringLiterals;

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    QString type; // "" when finished; "unfinished", "vanished", "obsolete"
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "name"_L1) {
            context = xml.readElementText();
        } else if (xml.name() == "message"_L1) {
            message
                = Message {context, {}, {}, {}, xml.attributes().value("numerus"_L1) == "yes"_L1};
        } else if (xml.name() == "source"_L1) {
            message.source = xml.readElementText();
        } else if (xml.name() == "translation"_L1) {
            message.type = xml.attributes().value("type"_L1).toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.translations.append(xml.readElementText());
            } else {
                message.translations.append(xml.readElementText());
            }
            messages.append(message);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d|n)"_s);
    QSet<QString> found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.insert(match.captured());
    return found;
}

// The accelerator letter of a menu text ("&File" -> 'f'), or a null QChar.
QChar accelerator(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == u'&') {
            if (text.at(i + 1) == u'&') {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
    }
    return {};
}

const QString translationsDir = QStringLiteral(ATELIER_SOURCE_DIR "/resources/translations/");
const QString tsPath = translationsDir + u"atelier_de.ts"_s;

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;

    void removeTranslators()
    {
        const QList<QTranslator *> translators = qApp->findChildren<QTranslator *>();
        for (QTranslator *translator : translators) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

private Q_SLOTS:
    void initTestCase() { AtelierTest::isolateSettings(m_config.path()); }

    void cleanup() { removeTranslators(); }

    // lupdate over app/ and ui/ finds no string the .ts lacks and none it has in excess: the
    // CI check that every source string is translated (for English: every plural form).
    void everySourceStringIsTranslated_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("atLeast");
        QTest::newRow("German") << u"atelier_de.ts"_s << QStringList() << 500;
        QTest::newRow("English plural forms")
            << u"atelier_en.ts"_s << QStringList {u"-pluralonly"_s} << 5;
    }

    void everySourceStringIsTranslated()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, options);
        QFETCH(int, atLeast);
        const QString tsPath = translationsDir + file;
        QTemporaryDir dir;
        const QString scratch = dir.filePath(file);
        QVERIFY(QFile::copy(tsPath, scratch));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(ATELIER_SOURCE_DIR));
        lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE),
                      options
                          + QStringList {u"-silent"_s, u"-no-obsolete"_s, u"-locations"_s,
                                         u"none"_s, u"app"_s, u"ui"_s, u"-ts"_s, scratch});
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        QString error;
        const QList<Message> committed = readTs(tsPath, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<Message> current = readTs(scratch, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QStringList untranslated;
        QSet<QString> inSources;
        for (const Message &message : current) {
            inSources.insert(message.context + u'|' + message.source);
            if (!message.type.isEmpty() || message.translations.join(QString()).isEmpty())
                untranslated.append(message.context + u": "_s + message.source);
        }
        QStringList stale;
        for (const Message &message : committed) {
            if (!inSources.contains(message.context + u'|' + message.source))
                stale.append(message.context + u": "_s + message.source);
        }
        QVERIFY2(
            untranslated.isEmpty(),
            qPrintable(u"Strings without a translation (run `cmake --build --preset dev --target "
                       "update_translations`, then translate them in resources/translations/"_s
                       + file + u" with Qt Linguist):\n"_s + untranslated.join(u'\n')));
        QVERIFY2(
            stale.isEmpty(),
            qPrintable(u"Entries no source uses any more (update_translations removes them):\n"_s
                       + stale.join(u'\n')));
        QVERIFY(current.size() >= atLeast);
    }

    void translationsKeepPlaceholdersAndAccelerators_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("translations");
        QTest::addColumn<bool>("numerus");
        for (const QString &file : {u"atelier_de.ts"_s, u"atelier_en.ts"_s}) {
            QString error;
            const QList<Message> messages = readTs(translationsDir + file, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            for (const Message &message : messages) {
                QTest::newRow(qPrintable(file.mid(8, 2) + u" "_s + message.context + u": "_s
                                         + message.source.left(60).replace(u'\n', u' ')))
                    << message.source << message.translations << message.numerus;
            }
        }
    }

    void translationsKeepPlaceholdersAndAccelerators()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, translations);
        QFETCH(bool, numerus);
        QCOMPARE(translations.size(), numerus ? 2 : 1); // German: singular and plural
        for (const QString &translation : std::as_const(translations)) {
            QVERIFY2(!translation.isEmpty(), "empty translation");
            QCOMPARE(placeholders(translation), placeholders(source));
            QCOMPARE(accelerator(translation).isNull(), accelerator(source).isNull());
            QCOMPARE(translation.count(u'\n'), source.count(u'\n'));
        }
    }

    void followsTheLocale_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("fileMenu");
        QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany) << u"de"_s
                                << u"&Datei"_s;
        QTest::newRow("Austrian German")
            << QLocale(QLocale::German, QLocale::Austria) << u"de"_s << u"&Datei"_s;
        QTest::newRow("English") << QLocale(QLocale::English, QLocale::UnitedStates) << u"en"_s
                                 << u"&File"_s;
        QTest::newRow("French (no translation yet)")
            << QLocale(QLocale::French, QLocale::France) << u"en"_s << u"&File"_s;
        QTest::newRow("C") << QLocale::c() << u"en"_s << u"&File"_s;
    }

    void followsTheLocale()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, language);
        QFETCH(QString, fileMenu);
        QCOMPARE(Translations::install(qApp, locale), language);
        QCOMPARE(QCoreApplication::translate("Atelier::MainWindow", "&File"), fileMenu);
    }

    void languagesAreAvailable()
    {
        QVERIFY(Translations::available().contains(u"de"_s));
        QVERIFY(Translations::available().contains(u"en"_s));
    }

    void pluralsReadNaturally_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("text");
        QTest::newRow("English, one") << QLocale(QLocale::English) << 1 << u"Delete 1 image…"_s;
        QTest::newRow("English, several")
            << QLocale(QLocale::English) << 3 << u"Delete 3 images…"_s;
        QTest::newRow("C, one") << QLocale::c() << 1 << u"Delete 1 image…"_s;
        QTest::newRow("German, one") << QLocale(QLocale::German) << 1 << u"1 Bild löschen…"_s;
        QTest::newRow("German, several") << QLocale(QLocale::German) << 2 << u"2 Bilder löschen…"_s;
    }

    void pluralsReadNaturally()
    {
        QFETCH(QLocale, locale);
        QFETCH(int, count);
        QFETCH(QString, text);
        Translations::install(qApp, locale);
        QCOMPARE(QCoreApplication::translate("Atelier::GalleryPanel", "Delete %n image(s)…",
                                             nullptr, count),
                 text);
    }

    // Contexts the runtime uses must be the ones lupdate wrote: a sample from classes with
    // Q_OBJECT, with Q_DECLARE_TR_FUNCTIONS and from free functions.
    void runtimeContextsMatch_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("german");
        QTest::newRow("QObject") << u"Atelier::JobListModel"_s << u"Receiving"_s
                                 << u"Wird empfangen"_s;
        QTest::newRow("declared") << u"Atelier::RequestValidator"_s
                                  << u"The prompt is empty; describe the image you want."_s
                                  << u"Der Prompt ist leer; beschreiben Sie das gewünschte Bild."_s;
        QTest::newRow("free function")
            << u"Atelier::ImageDecoder"_s
            << u"The server sent image data that is not valid base64."_s
            << u"Der Server hat Bilddaten gesendet, die kein gültiges Base64 sind."_s;
        QTest::newRow("main") << u"main"_s << u"Cannot edit"_s << u"Bearbeiten nicht möglich"_s;
    }

    void runtimeContextsMatch()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, german);
        QCOMPARE(Translations::install(qApp, QLocale(QLocale::German)), u"de"_s);
        QCOMPARE(
            QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()),
            german);
    }

    void validatorSpeaksGerman()
    {
        QCOMPARE(Translations::install(qApp, QLocale(QLocale::German)), u"de"_s);
        const Catalog catalog = Catalog::fromJson(Catalog::builtinJson());
        ImageRequest request;
        request.model = u"dall-e-3"_s;
        request.prompt = u"x"_s;
        request.setOption(u"n"_s, 2);
        const QList<Violation> violations = RequestValidator(catalog).validate(request);
        QStringList messages;
        for (const Violation &violation : violations)
            messages.append(violation.message);
        QVERIFY2(messages.contains(u"dall-e-3 erzeugt ein Bild pro Anfrage; setzen Sie n auf 1."_s),
                 qPrintable(messages.join(u'\n')));
    }

    // The catalog's notes on its models read German in the German studio (the catalog file
    // stays English): in the note under the model and in the model list's tooltips.
    void modelNotesSpeakGerman()
    {
        QCOMPARE(Translations::install(qApp, QLocale(QLocale::German)), u"de"_s);
        const Catalog catalog = Catalog::fromJson(Catalog::builtinJson());
        QVERIFY(catalog.spec(u"gpt-image-2"_s).lifecycleNote.startsWith(u"Transparent"_s));
        ParameterPanel panel(catalog);
        panel.setModel(u"gpt-image-2"_s);
        const QLabel *note = panel.findChild<QLabel *>(u"modelNote"_s);
        QVERIFY(note);
        QCOMPARE(note->text(),
                 u"Transparente Hintergründe sind bei gpt-image-2 eine Vorschaufunktion; Größen "
                 "über 2560x1440 sind experimentell."_s);
        const QComboBox *models = panel.modelBox();
        QVERIFY(models);
        const int snapshot = models->findText(u"gpt-image-2-2026-04-21"_s);
        QVERIFY(snapshot >= 0);
        const QString tip = models->itemData(snapshot, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Datierter Stand von gpt-image-2"_s), qPrintable(tip));
    }

    // The window in German: menus translated, and no two entries of a menu share an
    // accelerator (Alt+letter must reach one action).
    void windowInGermanHasUniqueAccelerators()
    {
        QCOMPARE(Translations::install(qApp, QLocale(QLocale::German)), u"de"_s);
        QTemporaryDir library;
        StudioSession session(Catalog::fromJson(Catalog::builtinJson()));
        const Status opened = session.openLibrary(library.path());
        QVERIFY2(opened, qPrintable(opened.error()));
        MainWindow window(&session);
        QStringList titles;
        QSet<QChar> menuBarKeys;
        const QList<QAction *> menus = window.menuBar()->actions();
        for (QAction *menuAction : menus) {
            titles.append(menuAction->text());
            const QChar key = accelerator(menuAction->text());
            QVERIFY2(!key.isNull(), qPrintable(menuAction->text()));
            QVERIFY2(!menuBarKeys.contains(key), qPrintable(u"menu bar: "_s + menuAction->text()));
            menuBarKeys.insert(key);
            QSet<QChar> keys;
            const QList<QAction *> entries = menuAction->menu()->actions();
            for (QAction *entry : entries) {
                const QChar entryKey = accelerator(entry->text());
                if (entryKey.isNull())
                    continue;
                QVERIFY2(!keys.contains(entryKey),
                         qPrintable(menuAction->text() + u": "_s + entry->text()));
                keys.insert(entryKey);
            }
        }
        QCOMPARE(titles.first(), u"&Datei"_s);
        QVERIFY(titles.contains(u"&Hilfe"_s));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
