#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Atelier::Translations {

QString install(QCoreApplication *app, const QLocale &locale)
{
    auto *atelier = new QTranslator(app);
    // load() walks locale.uiLanguages() ("de-AT", "de", ...) and takes the first file found.
    // A language Atelier does not speak gets English, whose file holds the plural forms.
    if (!atelier->load(locale, u"atelier"_s, u"_"_s, QString::fromLatin1(ResourceFolder))
        && !atelier->load(QLocale(QLocale::English), u"atelier"_s, u"_"_s,
                          QString::fromLatin1(ResourceFolder))) {
        delete atelier;
        return {};
    }
    QCoreApplication::installTranslator(atelier);

    // Qt's own strings (standard buttons, file dialogs) from the qt6-translations-l10n package;
    // without it those few stay in English.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return atelier->language().section(u'_', 0, 0);
}

QStringList available()
{
    QStringList languages;
    const QStringList files
        = QDir(QString::fromLatin1(ResourceFolder)).entryList({u"atelier_*.qm"_s}, QDir::Files);
    for (const QString &file : files)
        languages.append(file.mid(8, file.size() - 8 - 3)); // atelier_<lang>.qm
    return languages;
}

} // namespace Atelier::Translations
