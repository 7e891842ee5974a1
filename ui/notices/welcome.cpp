#include "welcome.h"

#include "studio/studiosession.h"
#include "studio/studiosettings.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Atelier {

bool Welcome::ask(QWidget *parent)
{
    QMessageBox box(
        QMessageBox::Information, tr("Welcome to Atelier"),
        tr("<p>To make images, Atelier needs an OpenAI API key. Create one at "
           "<a href=\"https://platform.openai.com/api-keys\">platform.openai.com/api-keys</a>.</p>"
           "<p>Then either set <tt>OPENAI_API_KEY</tt> before starting Atelier, or store the key "
           "in your desktop's keychain in the settings.</p>"
           "<p>The gallery, export and everything else that needs no network work without "
           "one.</p>"),
        QMessageBox::NoButton, parent);
    QPushButton *settingsButton = box.addButton(tr("Open the settings"), QMessageBox::AcceptRole);
    box.addButton(tr("Later"), QMessageBox::RejectRole);
    box.setObjectName(u"welcome"_s);
    box.exec();
    return box.clickedButton() == settingsButton;
}

bool Welcome::askOnce(QWidget *parent, StudioSession *session)
{
    if (session->hasApiKey() || StudioSettings::onboardingShown.value())
        return false;
    StudioSettings::onboardingShown.setValue(true);
    return ask(parent);
}

} // namespace Atelier
