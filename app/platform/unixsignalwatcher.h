#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace Atelier {

// Turns POSIX signals (SIGINT, SIGTERM, SIGHUP) into a Qt signal on the event loop, so a
// program can shut down as cleanly as if the user had quit it: the handler only writes a byte
// to a socket pair (async-signal-safe); the rest happens in the event loop.
// One watcher per process.
class UnixSignalWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
    QList<int> m_signals;
};

} // namespace Atelier
