#include "settingsdialog.h"

#include "api/keystore.h"
#include "api/modellister.h"
#include "studio/studiosession.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace Atelier {

SettingsDialog::SettingsDialog(StudioSession *session, const QString &keySource, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout(this);

    const ProviderProfile &provider = session->client()->provider();
    auto *providerLabel = new QLabel(tr("%1 at %2").arg(ProviderProfile::kindName(provider.kind),
                                                        provider.baseUrl.toString()), this);
    providerLabel->setToolTip(tr("Taken from the environment (OPENAI_BASE_URL, AZURE_OPENAI_ENDPOINT), like the official SDKs."));
    form->addRow(tr("Provider"), providerLabel);
    m_keyStatus = new QLabel(session->hasApiKey() ? tr("Key from %1").arg(keySource) : tr("No key: %1").arg(keySource), this);
    m_keyStatus->setWordWrap(true);
    auto *store = new QPushButton(tr("Store a key in the keychain…"), this);
    store->setToolTip(tr("The key is kept by the desktop's secret service, never in a file."));
    form->addRow(tr("API key"), m_keyStatus);
    form->addRow(QString(), store);

    auto *test = new QPushButton(tr("Test connection"), this);
    test->setToolTip(tr("Asks the provider which models this key can use (GET /models)."));
    m_connection = new QLabel(this);
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
    m_budget->setToolTip(tr("Requests that would take this session's estimated cost past the budget are not sent."));
    form->addRow(tr("Session budget"), m_budget);

    m_concurrency = new QSpinBox(this);
    m_concurrency->setRange(1, 16);
    m_concurrency->setValue(session->maxConcurrentJobs());
    m_concurrency->setToolTip(tr("How many requests run at once; the rest wait in the job list."));
    form->addRow(tr("Requests at once"), m_concurrency);

    auto *library = new QLabel(session->libraryFolder(), this);
    library->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Library folder"), library);

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
    QSettings settings;
    settings.setValue(u"studio/budget"_s, m_budget->value());
    settings.setValue(u"studio/concurrency"_s, m_concurrency->value());
}

void SettingsDialog::restore(StudioSession *session)
{
    QSettings settings;
    session->setBudget(settings.value(u"studio/budget"_s, 0.0).toDouble());
    session->setMaxConcurrentJobs(settings.value(u"studio/concurrency"_s, 4).toInt());
}

void SettingsDialog::testConnection()
{
    m_connection->setText(tr("Asking the provider…"));
    m_addModels->setVisible(false);
    auto *lister = new ModelLister(m_session->client()->networkAccessManager(), this);
    connect(lister, &ModelLister::listed, this, [this, lister](const QStringList &ids) {
        lister->deleteLater();
        const Catalog &catalog = m_session->catalog();
        QStringList known;
        m_unknownModels.clear();
        for (const QString &id : ModelLister::imageModels(ids))
            (catalog.contains(id) ? known : m_unknownModels).append(id);
        QString text = tr("The key works. Image models it can use: %1.")
                           .arg(known.isEmpty() ? tr("none in Atelier's catalog") : known.join(u", "_s));
        if (!m_unknownModels.isEmpty()) {
            text += u' ' + tr("Atelier does not know: %1.").arg(m_unknownModels.join(u", "_s));
            m_addModels->setText(tr("Add %n model(s) to the catalog", nullptr, int(m_unknownModels.size())));
            m_addModels->setVisible(true);
        }
        m_connection->setText(text);
    });
    connect(lister, &ModelLister::failed, this, [this, lister](const ApiError &error) {
        lister->deleteLater();
        m_connection->setText(tr("The connection test failed: %1").arg(error.toString()));
    });
    lister->list(m_session->client()->provider(), m_session->client()->hasApiKey() ? m_session->apiKey() : QString());
}

void SettingsDialog::addUnknownModels()
{
    QString error;
    if (!Catalog::addToOverlay(Catalog::defaultOverlayPath(), m_unknownModels, &error)) {
        QMessageBox::warning(this, tr("Catalog"), error);
        return;
    }
    m_session->reloadCatalog();
    m_connection->setText(tr("Added %1 to %2; they follow the GPT image models' rules until you correct them there.")
                              .arg(m_unknownModels.join(u", "_s), Catalog::defaultOverlayPath()));
    m_addModels->setVisible(false);
    Q_EMIT catalogChanged();
}

void SettingsDialog::storeKey()
{
    bool ok = false;
    const QString key = QInputDialog::getText(this, tr("API key"), tr("Paste the API key (it is not shown):"),
                                              QLineEdit::Password, QString(), &ok).trimmed();
    if (!ok || key.isEmpty())
        return;
    const ProviderProfile provider = m_session->client()->provider();
    const KeyStore::Result result = KeyStore::write(provider.name, key);
    if (!result.ok) {
        QMessageBox::warning(this, tr("API key"),
                             tr("The key could not be stored: %1.\nSet %2 in the environment instead.")
                                 .arg(result.error, provider.apiKeyVariable()));
        return;
    }
    m_session->setProvider(provider, key);
    m_keyStatus->setText(tr("Key from the keychain"));
}

} // namespace Atelier
