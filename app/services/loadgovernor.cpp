#include "loadgovernor.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <cmath>
#include <memory>

#if defined(Q_OS_WIN)
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#else
#include <sys/resource.h>
#include <unistd.h>
#endif
#if defined(Q_OS_MACOS)
#include <mach/mach.h>
#endif

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
#if defined(Q_OS_LINUX)
    return &LoadGovernor::sampleOthersRunnable;
#else
    return cpuTimesSampler();
#endif
}

namespace {

// Seconds since an arbitrary start that never goes back.
double monotonicSeconds()
{
    static const QElapsedTimer clock = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    return double(clock.nsecsElapsed()) / 1e9;
}

#if !defined(Q_OS_WIN)
double ownCpuSeconds()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
    return double(usage.ru_utime.tv_sec) + double(usage.ru_utime.tv_usec) / 1e6 +
           double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6;
}
#else
double filetimeSeconds(const FILETIME& t)
{
    return double((quint64(t.dwHighDateTime) << 32) | t.dwLowDateTime) / 1e7; // 100 ns units
}
#endif

} // namespace

LoadGovernor::CpuTimes LoadGovernor::readCpuTimes()
{
    CpuTimes t;
    t.wall = monotonicSeconds();
#if defined(Q_OS_LINUX)
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return t;
    // "cpu  user nice system idle iowait irq softirq steal ..." in clock ticks, summed over the cores; idle,
    // iowait and steal (time the hypervisor gave to other machines) are not this computer's programs.
    const QList<QByteArray> fields = f.readLine().simplified().split(' ');
    const long ticks = sysconf(_SC_CLK_TCK);
    if (fields.size() < 5 || fields.at(0) != "cpu" || ticks <= 0)
        return t;
    double busy = 0;
    for (qsizetype i = 1; i < std::min<qsizetype>(fields.size(), 9); ++i)
        if (i != 4 && i != 5 && i != 8)
            busy += fields.at(i).toDouble();
    t.own = ownCpuSeconds();
    t.systemBusy = t.own < 0 ? -1 : busy / double(ticks);
#elif defined(Q_OS_MACOS)
    host_cpu_load_info_data_t load{};
    mach_msg_type_number_t count = HOST_CPU_LOAD_INFO_COUNT;
    const mach_port_t host = mach_host_self();
    const kern_return_t status =
        host_statistics(host, HOST_CPU_LOAD_INFO, reinterpret_cast<host_info_t>(&load), &count);
    mach_port_deallocate(mach_task_self(), host);
    const long ticks = sysconf(_SC_CLK_TCK);
    if (status != KERN_SUCCESS || ticks <= 0)
        return t;
    // 32-bit counters that wrap after weeks of uptime: a wrap reads as one sample of 0 (clamped below).
    const double busy = double(load.cpu_ticks[CPU_STATE_USER]) + double(load.cpu_ticks[CPU_STATE_SYSTEM]) +
                        double(load.cpu_ticks[CPU_STATE_NICE]);
    t.own = ownCpuSeconds();
    t.systemBusy = t.own < 0 ? -1 : busy / double(ticks);
#elif defined(Q_OS_WIN)
    FILETIME idle, kernel, user, created, exited, ownKernel, ownUser;
    if (!GetSystemTimes(&idle, &kernel, &user) ||
        !GetProcessTimes(GetCurrentProcess(), &created, &exited, &ownKernel, &ownUser))
        return t;
    // The system's kernel time includes its idle time.
    t.systemBusy = filetimeSeconds(kernel) + filetimeSeconds(user) - filetimeSeconds(idle);
    t.own = filetimeSeconds(ownKernel) + filetimeSeconds(ownUser);
#endif
    return t;
}

double LoadGovernor::othersFromCpuTimes(const CpuTimes& before, const CpuTimes& after)
{
    const double elapsed = after.wall - before.wall;
    if (before.systemBusy < 0 || after.systemBusy < 0 || elapsed <= 0)
        return -1;
    // The system's counters tick coarser than the process's (1/100 s): the difference is clamped at zero.
    return std::max(0.0, ((after.systemBusy - before.systemBusy) - (after.own - before.own)) / elapsed);
}

LoadGovernor::Sampler LoadGovernor::cpuTimesSampler()
{
    // The previous reading is shared by the copies of the sampler: one sampler per governor, called from one
    // thread (the job's, between photos).
    auto previous = std::make_shared<CpuTimes>();
    return [previous]() {
        const CpuTimes now = readCpuTimes();
        const double others = othersFromCpuTimes(*previous, now);
        *previous = now;
        return others;
    };
}

} // namespace kindred
