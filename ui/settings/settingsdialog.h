#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Atelier {

class StudioSession;

// Budget, concurrency, where images go and where the API key comes from. Keys go to the
// desktop keychain only.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(StudioSession *session, const QString &keySource, QWidget *parent = nullptr);

    // Applies what the dialog shows to the session and remembers it (QSettings).
    void apply();
    // What was remembered, applied to a session at start.
    static void restore(StudioSession *session);
    QLabel *connectionStatus() const { return m_connection; }
    QComboBox *providerBox() const { return m_provider; }
    // Switches to a provider: "" for Environment, else a saved profile's name.
    void chooseProvider(const QString &name);
    // Edits the selected saved profile (Environment has nothing to edit).
    void editProfile();
    QComboBox *defaultModelBox() const { return m_defaultModel; }
    // Dark or light (Theme), applied at once by apply().
    QComboBox *themeBox() const { return m_theme; }
    // The model new windows start with; empty: the last one used.
    static QString defaultModel();
    // Proposes a library folder (from "Choose…"); false, saying why, when it cannot be used.
    bool chooseLibraryFolder(const QString &folder);
    QString chosenLibraryFolder() const { return m_libraryFolder; }

Q_SIGNALS:
    // Models were added to the catalog overlay; the catalog was reloaded.
    void catalogChanged();

private:
    void storeKey();
    void fillProviders(const QString &current);
    void addProfile();
    void removeProfile();
    void showProvider();
    void testConnection();
    void addUnknownModels();

    StudioSession *m_session;
    QDoubleSpinBox *m_budget = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QLabel *m_keyStatus = nullptr;
    QComboBox *m_provider = nullptr;
    QLabel *m_providerDetails = nullptr;
    QString m_keySource;
    QLabel *m_connection = nullptr;
    QPushButton *m_addModels = nullptr;
    QPushButton *m_editProfile = nullptr;
    QStringList m_unknownModels;
    QComboBox *m_defaultModel = nullptr;
    QComboBox *m_theme = nullptr;
    QLineEdit *m_safetyIdentifier = nullptr;
    QLabel *m_library = nullptr;
    QLabel *m_libraryNote = nullptr;
    QString m_libraryFolder;
};

} // namespace Atelier
