#pragma once

#include "mainwindow.h"
#include "studiofixture.h"

#include <QSize>
#include <QTest>

#include <memory>

namespace AtelierTest {

// A StudioFixture with the studio's main window on its session, for the tests of what the window
// shows: startStudio() then openWindow() in init(), closeStudio() in cleanup().
class StudioWindowFixture : public StudioFixture
{
protected:
    std::unique_ptr<Atelier::MainWindow> m_window;

    // A new main window on the session in place of the one open (as a restart does), resized to
    // `size` when one is given and shown; whether it is exposed.
    bool openWindow(const QSize &size = {})
    {
        m_window.reset();
        m_window = std::make_unique<Atelier::MainWindow>(m_session.get());
        if (size.isValid())
            m_window->resize(size);
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window.get());
    }

    // The window before the studio it shows.
    void closeStudio()
    {
        m_window.reset();
        stopStudio();
    }
};

} // namespace AtelierTest
