#pragma once

#include <QCoreApplication>

class QWidget;

namespace Atelier {

class StudioSession;

// The first run without an API key: once, where to get one and that nothing else needs it.
class Welcome final
{
    Q_DECLARE_TR_FUNCTIONS(Welcome)

public:
    // True when the user chose to open the settings.
    static bool ask(QWidget *parent);
    // Asks once, on a first run without a key (never again, whatever the answer); true when the
    // user chose to open the settings.
    static bool askOnce(QWidget *parent, StudioSession *session);
};

} // namespace Atelier
