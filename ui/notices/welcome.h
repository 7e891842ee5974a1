#pragma once

#include <QCoreApplication>

class QWidget;

namespace Atelier {

// The first run without an API key: once, where to get one and that nothing else needs it.
class Welcome final
{
    Q_DECLARE_TR_FUNCTIONS(Welcome)

public:
    // True when the user chose to open the settings.
    static bool ask(QWidget *parent);
};

} // namespace Atelier
