#include "eventloopprobe.h"

namespace kindred::test {

EventLoopProbe::EventLoopProbe(int intervalMs)
{
    m_timer.setInterval(intervalMs);
    QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.elapsed();
        m_maxGap = qMax(m_maxGap, now - m_last);
        m_last = now;
        ++m_ticks;
    });
}

void EventLoopProbe::start()
{
    m_clock.start();
    m_last = 0;
    m_maxGap = 0;
    m_ticks = 0;
    m_timer.start();
}

void EventLoopProbe::stop()
{
    m_timer.stop();
    // The time since the last tick counts too: a block at the very end is a gap as well.
    m_maxGap = qMax(m_maxGap, m_clock.elapsed() - m_last);
}

} // namespace kindred::test
