#include "consent.h"

#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace Atelier::Consent {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Atelier::Consent)
};

} // namespace

bool outsideFiles(QWidget *parent, const QStringList &files)
{
    if (files.isEmpty())
        return true;
    QStringList listed;
    for (const QString &file : files)
        listed.append(u"• "_s + QDir::toNativeSeparators(file).left(300));
    if (listed.size() > 20)
        listed = listed.mid(0, 20) << u"…"_s;
    QMessageBox box(QMessageBox::Warning, Text::tr("Use files from outside the library?"),
                    Text::tr("This recipe names %n file(s) outside the library's inputs folder. If "
                             "you use them, they "
                             "are sent to the provider with the request. Use them only if you know "
                             "them.",
                             nullptr, int(files.size()))
                        + u"\n\n"_s + listed.join(u'\n'),
                    QMessageBox::Yes | QMessageBox::No, parent);
    box.setObjectName(u"outsideFilesQuestion"_s);
    box.setTextFormat(Qt::PlainText); // file names from a recipe, shown as they are
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

} // namespace Atelier::Consent
