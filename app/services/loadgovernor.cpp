#include "loadgovernor.h"

#include <QDir>
#include <QFile>
#include <algorithm>
#include <cmath>

namespace kindred {

LoadGovernor::LoadGovernor(int idleThreads, int cores, Sampler sampler)
    : m_idle(std::max(1, idleThreads)), m_cores(std::max(1, cores)), m_sampler(std::move(sampler)),
      m_threads(m_idle)
{
}

int LoadGovernor::update()
{
    const double sample = m_sampler ? m_sampler() : -1.0;
    if (sample < 0)
        return m_threads;
    m_others = m_others < 0 ? sample : m_others + kSmoothing * (sample - m_others);
    const double free = double(m_cores) - m_others;
    if (std::abs(free - double(m_threads)) > kHysteresis)
        m_threads = std::clamp(int(std::lround(free)), 1, m_idle);
    return m_threads;
}

namespace {

#if defined(Q_OS_LINUX)
// The state letter of a /proc/<pid>/stat line: the first field after the command's closing parenthesis (the
// command itself may hold spaces and parentheses).
char stateOf(const QByteArray& stat)
{
    const qsizetype close = stat.lastIndexOf(')');
    return close >= 0 && close + 2 < stat.size() ? stat.at(close + 2) : '?';
}

int ownRunning()
{
    int running = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    const QStringList ids = tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& id : ids) {
        QFile f(tasks.filePath(id + QStringLiteral("/stat")));
        if (f.open(QIODevice::ReadOnly) && stateOf(f.read(512)) == 'R')
            ++running;
    }
    return running;
}

int procsRunning()
{
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    // /proc/stat is generated on read: QFile sees a size of 0 (atEnd() at once), readAll() reads to the end.
    const QByteArray all = f.readAll();
    const qsizetype at = all.indexOf("\nprocs_running ");
    if (at < 0)
        return -1;
    const qsizetype end = all.indexOf('\n', at + 1);
    bool ok = false;
    const int n = all.mid(at + 15, end < 0 ? -1 : end - at - 15).trimmed().toInt(&ok);
    if (ok)
        return n;
    return -1;
}
#endif

} // namespace

double LoadGovernor::sampleOthersRunnable()
{
#if defined(Q_OS_LINUX)
    const int all = procsRunning();
    if (all < 0)
        return -1;
    // procs_running counts this process's running threads too (at least the one reading): they are not other
    // programs' load. The two reads are not one instant, so the difference is clamped at zero.
    return std::max(0, all - ownRunning());
#else
    return -1;
#endif
}

LoadGovernor::Sampler LoadGovernor::systemSampler()
{
    return &LoadGovernor::sampleOthersRunnable;
}

} // namespace kindred
