#pragma once

#include <QDialog>

class QDoubleSpinBox;
class QLabel;
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

private:
    void storeKey();

    StudioSession *m_session;
    QDoubleSpinBox *m_budget = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QLabel *m_keyStatus = nullptr;
};

} // namespace Atelier
