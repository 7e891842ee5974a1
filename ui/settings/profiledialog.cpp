#include "profiledialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Atelier {

ProfileDialog::ProfileDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New provider profile"));
    auto *form = new QFormLayout(this);
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. work gateway"));
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("OpenAI"), int(ProviderProfile::Kind::OpenAI));
    m_kind->addItem(tr("Azure OpenAI"), int(ProviderProfile::Kind::Azure));
    m_kind->addItem(tr("OpenAI-compatible gateway"), int(ProviderProfile::Kind::Compatible));
    m_baseUrl = new QLineEdit(u"https://api.openai.com/v1"_s, this);
    m_baseUrl->setObjectName(u"baseUrl"_s);
    m_organization = new QLineEdit(this);
    m_project = new QLineEdit(this);
    m_deployment = new QLineEdit(this);
    m_deployment->setPlaceholderText(tr("empty: the model's name"));
    m_apiVersion = new QLineEdit(ProviderProfile().azureApiVersion, this);
    m_allowInsecureHttp
        = new QCheckBox(tr("Allow plain http:// to another machine (unencrypted)"), this);
    m_allowInsecureHttp->setObjectName(u"allowInsecureHttp"_s);
    m_allowInsecureHttp->setToolTip(
        tr("The key and every prompt then travel unencrypted; Atelier warns on every use."));
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Kind"), m_kind);
    form->addRow(tr("Base URL"), m_baseUrl);
    form->addRow(tr("Organization"), m_organization);
    form->addRow(tr("Project"), m_project);
    form->addRow(tr("Deployment"), m_deployment);
    form->addRow(tr("API version"), m_apiVersion);
    m_modelPrefix = new QLineEdit(this);
    m_modelPrefix->setObjectName(u"modelPrefix"_s);
    m_modelPrefix->setPlaceholderText(tr("none; e.g. openai/"));
    m_modelPrefix->setToolTip(
        tr("For gateways that name models by provider: choose gpt-image-2.6-flare and "
           "Atelier sends openai/gpt-image-2.6-flare."));
    form->addRow(tr("Model name prefix"), m_modelPrefix);
    form->addRow(m_allowInsecureHttp);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (const QString why = problem(); !why.isEmpty()) {
            QMessageBox::warning(this, windowTitle(), why);
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateFields);
    updateFields();
}

void ProfileDialog::updateFields()
{
    const auto kind = ProviderProfile::Kind(m_kind->currentData().toInt());
    const bool azure = kind == ProviderProfile::Kind::Azure;
    m_organization->setEnabled(!azure);
    m_project->setEnabled(!azure);
    m_deployment->setEnabled(azure);
    m_apiVersion->setEnabled(azure);
    m_modelPrefix->setEnabled(!azure);
    m_baseUrl->setPlaceholderText(azure ? u"https://NAME.openai.azure.com"_s
                                        : u"https://gateway.example/v1"_s);
    if (kind == ProviderProfile::Kind::OpenAI)
        m_baseUrl->setText(u"https://api.openai.com/v1"_s);
    else if (m_baseUrl->text() == u"https://api.openai.com/v1")
        m_baseUrl->clear();
}

void ProfileDialog::setProfile(const ProviderProfile &profile)
{
    setWindowTitle(tr("Edit provider profile"));
    m_name->setText(profile.name);
    m_name->setReadOnly(true);
    m_name->setToolTip(
        tr("The profile's API key is kept in the keychain under this name; to rename it, "
           "make a new profile."));
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(profile.kind))));
    updateFields();
    m_baseUrl->setText(profile.baseUrl.toString());
    m_organization->setText(profile.organization);
    m_project->setText(profile.project);
    m_deployment->setText(profile.azureDeployment);
    m_apiVersion->setText(profile.azureApiVersion);
    m_modelPrefix->setText(profile.modelPrefix);
    m_allowInsecureHttp->setChecked(profile.allowInsecureHttp);
    m_edited = profile;
}

ProviderProfile ProfileDialog::profile() const
{
    ProviderProfile profile;
    profile.kind = ProviderProfile::Kind(m_kind->currentData().toInt());
    profile.name = m_name->text().trimmed();
    profile.baseUrl = QUrl(m_baseUrl->text().trimmed());
    profile.auth = profile.kind == ProviderProfile::Kind::Azure
        ? ProviderProfile::Auth::ApiKeyHeader
        : ProviderProfile::Auth::Bearer;
    profile.organization
        = m_organization->isEnabled() ? m_organization->text().trimmed() : QString();
    profile.project = m_project->isEnabled() ? m_project->text().trimmed() : QString();
    profile.azureDeployment
        = m_deployment->isEnabled() ? m_deployment->text().trimmed() : QString();
    if (m_apiVersion->isEnabled() && !m_apiVersion->text().trimmed().isEmpty())
        profile.azureApiVersion = m_apiVersion->text().trimmed();
    profile.modelPrefix = m_modelPrefix->isEnabled() ? m_modelPrefix->text().trimmed() : QString();
    profile.allowInsecureHttp = m_allowInsecureHttp->isChecked();
    // A key an earlier version stored under the name alone stays this profile's only while it
    // goes to the same host.
    profile.legacyKeyEntry = m_edited.legacyKeyEntry
        && m_edited.baseUrl.host() == profile.baseUrl.host()
        && m_edited.baseUrl.port() == profile.baseUrl.port();
    return profile;
}

QString ProfileDialog::problem() const
{
    if (m_name->text().trimmed().isEmpty())
        return tr("Give the profile a name; its API key is kept in the keychain under it.");
    return profile().problem();
}

} // namespace Atelier
