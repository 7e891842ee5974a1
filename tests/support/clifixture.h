#pragma once

#include "clirunner.h"
#include "fakeimagesserver.h"

#include <QColor>
#include <QImage>
#include <QTemporaryDir>

#include <memory>

namespace AtelierTest {

// What a test of atelier-cli starts from, for a test class to derive from beside QObject: a
// folder of the test's own (home, configuration, input and output files) and a fake images
// server that takes only the test's key. Fresh for every test: startCli() in init(), stopCli()
// in cleanup().
class CliFixture
{
protected:
    explicit CliFixture(QString key)
        : m_key(std::move(key))
    { }

    std::unique_ptr<FakeImagesServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    const QString m_key;

    // Whether the server listens.
    bool startCli()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<FakeImagesServer>();
        if (!m_server->listen())
            return false;
        m_server->setApiKey(m_key);
        return true;
    }

    void stopCli()
    {
        m_server.reset();
        m_dir.reset();
    }

    // The clean environment (cliEnvironment) in the folder, sending to the server; the key only
    // `withKey`.
    QProcessEnvironment environment(bool withKey = true) const
    {
        QProcessEnvironment env = cliEnvironment(m_dir->path(), withKey ? m_key : QString());
        env.insert(QStringLiteral("OPENAI_BASE_URL"), m_server->baseUrl().toString());
        return env;
    }

    // A PNG of `size` in the folder, dark blue (or transparent, `alpha`); its path.
    QString writePng(const QString &name, const QSize &size, bool alpha = false) const
    {
        QImage image(size, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
        image.fill(alpha ? QColor(0, 0, 0, 0) : QColor(Qt::darkBlue));
        const QString path = m_dir->filePath(name);
        image.save(path, "PNG");
        return path;
    }
};

} // namespace AtelierTest
