#include "settingsdialog.h"

#include "api/keystore.h"
#include "api/modellister.h"
#include "profiledialog.h"
#include "studio/studiosession.h"
#include "studio/studiosettings.h"
#include "theme/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace Atelier {

SettingsDialog::SettingsDialog(StudioSession *session, const QString &keySource, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout(this);

    m_keySource = keySource;
    auto *providerRow = new QHBoxLayout;
    m_provider = new QComboBox(this);
    m_provider->setToolTip(tr("Environment uses OPENAI_API_KEY, OPENAI_BASE_URL and the Azure "
                              "variables, like the official SDKs."));
    auto *add = new QPushButton(tr("New…"), this);
    m_editProfile = new QPushButton(tr("Edit…"), this);
    m_editProfile->setToolTip(tr("Change the selected profile's address and account details."));
    auto *remove = new QPushButton(tr("Remove"), this);
    providerRow->addWidget(m_provider, 1);
    providerRow->addWidget(add);
    providerRow->addWidget(m_editProfile);
    providerRow->addWidget(remove);
    form->addRow(tr("Provider"), providerRow);
    m_providerDetails = new QLabel(this);
    m_providerDetails->setWordWrap(true);
    form->addRow(QString(), m_providerDetails);
    m_keyStatus = new QLabel(this);
    m_keyStatus->setObjectName(u"keyStatus"_s);
    m_keyStatus->setWordWrap(true);
    fillProviders(StudioSession::activeProfileName());
    showProvider();
    connect(add, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(m_editProfile, &QPushButton::clicked, this, &SettingsDialog::editProfile);
    connect(remove, &QPushButton::clicked, this, &SettingsDialog::removeProfile);
    connect(m_provider, &QComboBox::activated, this,
            [this] { chooseProvider(m_provider->currentData().toString()); });
    auto *store = new QPushButton(tr("Store a key in the keychain…"), this);
    store->setObjectName(u"storeKey"_s);
    store->setToolTip(tr("The key is kept by the desktop's secret service, never in a file."));
    form->addRow(tr("API key"), m_keyStatus);
    form->addRow(QString(), store);

    auto *test = new QPushButton(tr("Test connection"), this);
    test->setToolTip(tr("Asks the provider which models this key can use (GET /models)."));
    m_connection = new QLabel(this);
    m_connection->setObjectName(u"connection"_s);
    // It shows what the provider says: plain text, so an answer cannot style it.
    m_connection->setTextFormat(Qt::PlainText);
    m_connection->setWordWrap(true);
    m_connection->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addModels = new QPushButton(this);
    m_addModels->setVisible(false);
    form->addRow(QString(), test);
    form->addRow(QString(), m_connection);
    form->addRow(QString(), m_addModels);
    connect(test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_addModels, &QPushButton::clicked, this, &SettingsDialog::addUnknownModels);

    m_budget = new QDoubleSpinBox(this);
    m_budget->setRange(0, 10000);
    m_budget->setDecimals(2);
    m_budget->setPrefix(u"$"_s);
    m_budget->setSpecialValueText(tr("No limit"));
    m_budget->setValue(session->budget());
    m_budget->setToolTip(
        tr("Requests that would take this session's estimated cost past the budget are not sent."));
    form->addRow(tr("Session budget"), m_budget);

    m_concurrency = new QSpinBox(this);
    m_concurrency->setRange(1, 16);
    m_concurrency->setValue(session->maxConcurrentJobs());
    m_concurrency->setToolTip(tr("How many requests run at once; the rest wait in the job list."));
    form->addRow(tr("Requests at once"), m_concurrency);

    m_safetyIdentifier = new QLineEdit(session->safetyIdentifier(), this);
    m_safetyIdentifier->setObjectName(u"safetyIdentifier"_s);
    m_safetyIdentifier->setPlaceholderText(tr("Not sent"));
    m_safetyIdentifier->setToolTip(
        tr("A stable id for the person using Atelier (a hash of a user name or e-mail "
           "address, never the address itself), sent as safety_identifier for OpenAI's "
           "abuse monitoring with every request whose model takes it."));
    form->addRow(tr("Safety identifier"), m_safetyIdentifier);

    m_defaultModel = new QComboBox(this);
    m_defaultModel->addItem(tr("The last one used"), QString());
    for (const QString &model : session->catalog().modelIds())
        m_defaultModel->addItem(model, model);
    m_defaultModel->setCurrentIndex(std::max(0, m_defaultModel->findData(defaultModel())));
    m_defaultModel->setToolTip(tr("The model the studio starts with."));
    form->addRow(tr("Default model"), m_defaultModel);

    m_theme = new QComboBox(this);
    m_theme->setObjectName(u"themeBox"_s);
    m_theme->addItem(tr("Dark"), Theme::name(Theme::Dark));
    m_theme->addItem(tr("Light"), Theme::name(Theme::Light));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(Theme::name(Theme::configured()))));
    m_theme->setToolTip(tr("Dark shows images as image editors do, on a neutral dark ground; "
                           "images stay on it in the light look too."));
    form->addRow(tr("Look"), m_theme);

    m_libraryFolder = StudioSession::configuredLibraryFolder();
    m_library = new QLabel(QDir::toNativeSeparators(m_libraryFolder), this);
    m_library->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_library->setWordWrap(true);
    auto *chooseLibrary = new QPushButton(tr("Choose…"), this);
    chooseLibrary->setToolTip(tr("Where new images are saved and indexed."));
    auto *libraryRow = new QHBoxLayout;
    libraryRow->addWidget(m_library, 1);
    libraryRow->addWidget(chooseLibrary);
    form->addRow(tr("Library folder"), libraryRow);
    m_libraryNote = new QLabel(this);
    m_libraryNote->setWordWrap(true);
    m_libraryNote->setVisible(false);
    form->addRow(QString(), m_libraryNote);
    connect(chooseLibrary, &QPushButton::clicked, this, [this] {
        const QString folder
            = QFileDialog::getExistingDirectory(this, tr("Library folder"), m_libraryFolder);
        if (!folder.isEmpty() && !chooseLibraryFolder(folder))
            QMessageBox::warning(this, tr("Library folder"), m_libraryNote->text());
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(store, &QPushButton::clicked, this, &SettingsDialog::storeKey);
}

void SettingsDialog::apply()
{
    m_session->setBudget(m_budget->value());
    m_session->setMaxConcurrentJobs(m_concurrency->value());
    m_session->setSafetyIdentifier(m_safetyIdentifier->text());
    StudioSettings::safetyIdentifier.setValue(m_session->safetyIdentifier());
    StudioSettings::budget.setValue(m_budget->value());
    StudioSettings::concurrency.setValue(m_concurrency->value());
    StudioSettings::defaultModel.setValue(m_defaultModel->currentData().toString());
    const Theme::Kind look = Theme::fromName(m_theme->currentData().toString());
    if (look != Theme::configured()) {
        Theme::setConfigured(look);
        Theme::apply(look);
    }
    StudioSession::setConfiguredLibraryFolder(m_libraryFolder);
    if (const Status switched = m_session->switchLibrary(m_libraryFolder); !switched) {
        QMessageBox::information(
            this, tr("Library folder"),
            tr("%1\nAtelier opens %2 the next time it starts.")
                .arg(switched.error(), QDir::toNativeSeparators(m_libraryFolder)));
    }
}

QString SettingsDialog::defaultModel()
{
    return StudioSettings::defaultModel.value();
}

bool SettingsDialog::chooseLibraryFolder(const QString &folder)
{
    const QFileInfo info(folder);
    m_libraryNote->setVisible(true);
    if (!QDir().mkpath(folder) || !info.isDir() || !info.isWritable()) {
        m_libraryNote->setText(tr("%1 cannot be written to; choose a folder you can write in.")
                                   .arg(QDir::toNativeSeparators(folder)));
        return false;
    }
    m_libraryFolder = QDir(folder).absolutePath();
    m_library->setText(QDir::toNativeSeparators(m_libraryFolder));
    m_libraryNote->setText(
        QDir(m_libraryFolder) == QDir(m_session->libraryFolder())
            ? QString()
            : tr("Atelier switches to this library when you save; the images already "
                 "made stay in %1.")
                  .arg(QDir::toNativeSeparators(m_session->libraryFolder())));
    m_libraryNote->setVisible(!m_libraryNote->text().isEmpty());
    return true;
}

void SettingsDialog::restore(StudioSession *session)
{
    session->setBudget(StudioSettings::budget.value());
    session->setMaxConcurrentJobs(StudioSettings::concurrency.value());
    session->setSafetyIdentifier(StudioSettings::safetyIdentifier.value());
}

void SettingsDialog::fillProviders(const QString &current)
{
    m_provider->clear();
    m_provider->addItem(tr("Environment"), QString());
    for (const ProviderProfile &profile : StudioSession::savedProfiles())
        m_provider->addItem(profile.name, profile.name);
    m_provider->setCurrentIndex(std::max(0, m_provider->findData(current)));
    m_editProfile->setEnabled(!m_provider->currentData().toString().isEmpty());
}

void SettingsDialog::showProvider()
{
    const ProviderProfile &provider = m_session->client()->provider();
    m_providerDetails->setText(
        tr("%1 at %2").arg(ProviderProfile::kindName(provider.kind), provider.baseUrl.toString()));
    m_keyStatus->setText(m_session->hasApiKey() ? tr("Key from %1").arg(m_keySource)
                                                : tr("No key: %1").arg(m_keySource));
}

void SettingsDialog::chooseProvider(const QString &name)
{
    m_keySource = m_session->useProfile(name);
    fillProviders(name);
    showProvider();
    m_connection->clear();
}

void SettingsDialog::addProfile()
{
    ProfileDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QList<ProviderProfile> profiles = StudioSession::savedProfiles();
    const ProviderProfile profile = dialog.profile();
    profiles.erase(std::remove_if(profiles.begin(), profiles.end(),
                                  [&](const ProviderProfile &existing) {
                                      return existing.name == profile.name;
                                  }),
                   profiles.end());
    profiles.append(profile);
    StudioSession::saveProfiles(profiles);
    chooseProvider(profile.name);
}

void SettingsDialog::editProfile()
{
    const QString name = m_provider->currentData().toString();
    QList<ProviderProfile> profiles = StudioSession::savedProfiles();
    const auto found
        = std::find_if(profiles.begin(), profiles.end(),
                       [&](const ProviderProfile &existing) { return existing.name == name; });
    if (name.isEmpty() || found == profiles.end())
        return;
    ProfileDialog dialog(this);
    dialog.setProfile(*found);
    if (dialog.exec() != QDialog::Accepted)
        return;
    *found = dialog.profile();
    StudioSession::saveProfiles(profiles);
    chooseProvider(name);
}

void SettingsDialog::removeProfile()
{
    const QString name = m_provider->currentData().toString();
    if (name.isEmpty())
        return; // Environment stays
    QList<ProviderProfile> profiles = StudioSession::savedProfiles();
    profiles.erase(
        std::remove_if(profiles.begin(), profiles.end(),
                       [&](const ProviderProfile &existing) { return existing.name == name; }),
        profiles.end());
    StudioSession::saveProfiles(profiles);
    chooseProvider(QString());
}

void SettingsDialog::testConnection()
{
    m_connection->setText(tr("Asking the provider…"));
    m_addModels->setVisible(false);
    auto *lister = new ModelLister(m_session->client()->networkAccessManager(), this);
    // The provider's word on shutdowns goes into the overlay, so the studio knows before a
    // request fails.
    auto lifecycleNote = std::make_shared<QString>();
    connect(lister, &ModelLister::shutdownDates, this,
            [this, lifecycleNote](const QMap<QString, QDate> &dates) {
                const Result<QStringList> changed = m_session->catalog().recordShutdownDates(
                    Catalog::defaultOverlayPath(), dates);
                if (!changed) {
                    *lifecycleNote
                        = tr("The shutdown dates could not be recorded: %1").arg(changed.error());
                    return;
                }
                if (changed->isEmpty())
                    return;
                QStringList said;
                for (const QString &id : *changed) {
                    QDate date;
                    for (auto it = dates.cbegin(); it != dates.cend(); ++it) {
                        if (m_session->catalog().canonicalId(it.key()) == id)
                            date = it.value();
                    }
                    said.append(tr("%1 shuts down on %2").arg(id, date.toString(Qt::ISODate)));
                }
                *lifecycleNote = tr("The provider announces: %1.").arg(said.join(u"; "_s));
                m_session->reloadCatalog();
                Q_EMIT catalogChanged();
            });
    connect(
        lister, &ModelLister::listed, this, [this, lister, lifecycleNote](const QStringList &ids) {
            lister->deleteLater();
            const Catalog &catalog = m_session->catalog();
            // A gateway's names map onto the catalog's models ("openai/dall-e-3" gets dall-e-3's
            // rules); the ones that map onto nothing can be added.
            const Catalog::ListedModels listed = catalog.mapListed(ModelLister::imageModels(ids));
            QStringList known;
            for (auto it = listed.mapped.cbegin(); it != listed.mapped.cend(); ++it)
                known.append(it.key() == it.value() ? it.key()
                                                    : tr("%1 (as %2)").arg(it.key(), it.value()));
            m_unknownModels = listed.unmapped;
            QString text
                = tr("The key works. Image models it can use: %1.")
                      .arg(known.isEmpty() ? tr("none in Atelier's catalog") : known.join(u", "_s));
            if (!m_unknownModels.isEmpty()) {
                text += u' ' + tr("Atelier does not know: %1.").arg(m_unknownModels.join(u", "_s));
                m_addModels->setText(
                    tr("Add %n model(s) to the catalog", nullptr, int(m_unknownModels.size())));
                m_addModels->setVisible(true);
            }
            if (!lifecycleNote->isEmpty())
                text += u' ' + *lifecycleNote;
            m_connection->setText(text);
        });
    connect(lister, &ModelLister::failed, this, [this, lister](const ApiError &error) {
        lister->deleteLater();
        m_connection->setText(tr("The connection test failed: %1").arg(error.toString()));
    });
    lister->list(m_session->client()->provider(),
                 m_session->client()->hasApiKey() ? m_session->apiKey() : QString());
}

void SettingsDialog::addUnknownModels()
{
    if (const Status added = Catalog::addToOverlay(Catalog::defaultOverlayPath(), m_unknownModels);
        !added) {
        QMessageBox::warning(this, tr("Catalog"), added.error());
        return;
    }
    m_session->reloadCatalog();
    m_connection->setText(
        tr("Added %1 to %2; they follow the GPT image models' rules until you correct them there.")
            .arg(m_unknownModels.join(u", "_s), Catalog::defaultOverlayPath()));
    m_addModels->setVisible(false);
    Q_EMIT catalogChanged();
}

void SettingsDialog::storeKey()
{
    bool ok = false;
    const QString key
        = QInputDialog::getText(this, tr("API key"), tr("Paste the API key (it is not shown):"),
                                QLineEdit::Password, QString(), &ok)
              .trimmed();
    if (!ok || key.isEmpty())
        return;
    const ProviderProfile provider = m_session->client()->provider();
    const Status stored = KeyStore::writeFor(provider, key);
    if (!stored) {
        // No keychain (a bare session, a server): the key can still be used, kept in memory only.
        QMessageBox box(QMessageBox::Warning, tr("API key"),
                        tr("The key could not be stored in the keychain: %1.").arg(stored.error()),
                        QMessageBox::Cancel, this);
        box.setObjectName(u"keyNotStored"_s);
        box.setTextFormat(Qt::PlainText);
        box.setInformativeText(
            tr("Atelier can use it for this session only: it stays in memory and is never "
               "written anywhere. To keep it, set %1 in the environment before starting "
               "Atelier, or install and start a secret service (GNOME Keyring, KWallet or "
               "KeePassXC) and store it again.")
                .arg(provider.apiKeyVariable()));
        QPushButton *useOnce
            = box.addButton(tr("Use this key for this session"), QMessageBox::AcceptRole);
        useOnce->setObjectName(u"useKeyForSession"_s);
        box.setDefaultButton(useOnce);
        box.exec();
        if (box.clickedButton() != useOnce)
            return;
        m_session->setProvider(provider, key);
        m_keySource = tr("this session only (kept in memory; set %1 or store it in a keychain "
                         "to keep it)")
                          .arg(provider.apiKeyVariable());
        showProvider();
        return;
    }
    m_session->setProvider(provider, key);
    m_keySource = tr("the keychain entry \"%1\"").arg(provider.keyAccount());
    showProvider();
}

} // namespace Atelier
