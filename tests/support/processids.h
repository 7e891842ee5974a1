#pragma once

#include <QProcess>
#include <QString>

namespace AtelierTest {

// For tests of files named after the process writing them: the id of a process that has ended
// (no process has it any more), and a process that runs until this object goes.
class ProcessIds
{
public:
    ProcessIds()
    {
        QProcess ended;
        ended.start(QStringLiteral("true"));
        if (ended.waitForStarted())
            m_gone = ended.processId(); // known only while it runs
        ended.waitForFinished();
        m_running.start(QStringLiteral("sleep"), {QStringLiteral("60")});
        m_running.waitForStarted();
    }
    ~ProcessIds()
    {
        m_running.kill();
        m_running.waitForFinished();
    }
    ProcessIds(const ProcessIds &) = delete;
    ProcessIds &operator=(const ProcessIds &) = delete;

    bool isValid() const { return m_gone > 0 && m_running.processId() > 0; }
    qint64 gone() const { return m_gone; }
    qint64 running() const { return m_running.processId(); }

private:
    qint64 m_gone = 0;
    QProcess m_running;
};

} // namespace AtelierTest
