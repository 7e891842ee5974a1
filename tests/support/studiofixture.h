#pragma once

#include "fakeimagesserver.h"
#include "model/parameters.h"
#include "studio/studiosession.h"
#include "testsettings.h"

#include <QTemporaryDir>

#include <memory>

namespace AtelierTest {

// An OpenAI-compatible provider (a gateway) at `baseUrl`, under `name` when one is given.
inline Atelier::ProviderProfile gatewayProfile(const QUrl &baseUrl, const QString &name = {})
{
    Atelier::ProviderProfile profile;
    profile.kind = Atelier::ProviderProfile::Kind::Compatible;
    if (!name.isEmpty())
        profile.name = name;
    profile.baseUrl = baseUrl;
    return profile;
}

// A cheap request the fake server answers at once: gpt-image-1, low quality, 1024x1024.
inline Atelier::ImageRequest lowRequest(const QString &prompt)
{
    Atelier::ImageRequest request;
    request.model = QStringLiteral("gpt-image-1");
    request.prompt = prompt;
    request.setOption(Atelier::Param::Quality, QStringLiteral("low"));
    request.setOption(Atelier::Param::Size, QStringLiteral("1024x1024"));
    return request;
}

// What the studio's tests start from, for a test class to derive from beside QObject: a fake
// images server, a library folder of the test's own, and a session that sends to the one and
// keeps its images in the other. Fresh for every test: startStudio() in init(), stopStudio() in
// cleanup(); isolateStudio() once, in initTestCase().
class StudioFixture
{
protected:
    QTemporaryDir m_config; // the tests' settings
    std::unique_ptr<QTemporaryDir> m_library;
    std::unique_ptr<FakeImagesServer> m_server;
    std::unique_ptr<Atelier::StudioSession> m_session;

    // The tests' settings in m_config under `application`'s name, never the user's; and no
    // keychain, whatever desktop runs the tests: none of them may store a key in a real one.
    void isolateStudio(const QString &application = QStringLiteral("AtelierTest"))
    {
        isolateSettings(m_config.path(), application);
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/atelier-test-bus");
    }

    // A session on the built-in catalog that sends to the server, with a key.
    std::unique_ptr<Atelier::StudioSession> newSession() const
    {
        auto session = std::make_unique<Atelier::StudioSession>(
            Atelier::Catalog::fromJson(Atelier::Catalog::builtinJson()));
        session->setProvider(gatewayProfile(m_server->baseUrl()), QStringLiteral("sk-test"));
        return session;
    }

    // A listening server (`eventDelayMs` between the events of a stream), a new library folder
    // and a session on it; else why not.
    Atelier::Status startStudio(int eventDelayMs = 0)
    {
        m_library = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<FakeImagesServer>();
        if (!m_server->listen())
            return Atelier::failure(QStringLiteral("the fake images server does not listen"));
        m_server->setEventDelayMs(eventDelayMs);
        m_session = newSession();
        return m_session->openLibrary(m_library->path());
    }

    // The session before the server it talks to, the library folder last.
    void stopStudio()
    {
        m_session.reset();
        m_server.reset();
        m_library.reset();
    }
};

} // namespace AtelierTest
