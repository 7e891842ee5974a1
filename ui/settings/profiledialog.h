#pragma once

#include "api/providerprofile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace Atelier {

// A provider profile's fields: name, kind, base URL, and the account or Azure details.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)

public:
    explicit ProfileDialog(QWidget *parent = nullptr);
    ProviderProfile profile() const;
    // Shows a saved profile for editing; its name stays (the key is kept under it).
    void setProfile(const ProviderProfile &profile);
    // Empty when the profile can be saved, else what is wrong with it.
    QString problem() const;

private:
    void updateFields();

    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_organization = nullptr;
    QLineEdit *m_project = nullptr;
    QLineEdit *m_deployment = nullptr;
    QLineEdit *m_apiVersion = nullptr;
    QLineEdit *m_modelPrefix = nullptr;
    QCheckBox *m_allowInsecureHttp = nullptr;
    ProviderProfile m_edited; // the saved profile being edited
};

} // namespace Atelier
