#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace Atelier::Translations {

// Where the compiled translations live (compiled in as a resource): atelier_<language>.qm.
inline constexpr char ResourceFolder[] = ":/i18n";

// Installs Atelier's translation for `locale` on `app` (the system locale by default: LANGUAGE,
// LC_ALL, LC_MESSAGES, LANG), plus Qt's own for its standard dialogs where the system has it.
// A language Atelier has no translation for gets English (whose file holds only the plural
// forms: "%n image(s)" reads "1 image"). Returns the language loaded ("de", "en").
QString install(QCoreApplication *app, const QLocale &locale = QLocale());

// The languages Atelier has a translation file for ("de", "en", ...).
QStringList available();

} // namespace Atelier::Translations
