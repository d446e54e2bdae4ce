#pragma once

// Event-loop latency probe for tests: a 10 ms timer on the calling thread; the largest gap between its
// ticks is the longest time the thread's event loop (the GUI thread) was held up at once.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace kindred::test {

class EventLoopProbe : public QObject {
public:
    explicit EventLoopProbe(int intervalMs = 10);
    void start();
    void stop();
    qint64 maxGapMs() const { return m_maxGap; }
    int ticks() const { return m_ticks; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGap = 0;
    int m_ticks = 0;
};

} // namespace kindred::test
