#pragma once

#include <functional>

namespace kindred {

// Chooses the face job's CPU inference thread count from the load of the computer, between photos.
//
// LibTorch's intra-op threads wait for each other at the end of every layer. On a computer where other
// programs want the CPU, the system takes one of them away now and then, and the others wait for it: two
// threads next to one or two busy programs ran slower than one thread did (issue 21,
// docs/benchmarks-load.md). So the job uses the cores that are free: cores minus the threads of other
// programs that are ready to run (Linux: /proc/stat's procs_running less this process's own running threads),
// smoothed over the last photos so that a short burst does not flip the count, and never fewer than one or
// more than the idle count. Where no runnable count can be read (macOS, Windows), the other programs' CPU
// use between two samples stands for it (cpuTimesSampler); where neither can be read, the idle count stays.
class LoadGovernor {
public:
    // Threads of other programs ready to run right now, or a negative number when it cannot be read.
    using Sampler = std::function<double()>;

    // `idleThreads`: the count for an idle machine (normally the number of cores). `cores`: the machine's.
    LoadGovernor(int idleThreads, int cores, Sampler sampler = systemSampler());

    // Takes a sample and returns the thread count for the next piece of work.
    int update();
    int threads() const { return m_threads; }
    // The smoothed number of other programs' threads ready to run; negative until a sample could be read.
    double othersRunnable() const { return m_others; }

    // The system's sampler: /proc/stat procs_running minus this process's threads in state R (Linux);
    // elsewhere cpuTimesSampler().
    static Sampler systemSampler();
    static double sampleOthersRunnable();

    // CPU time as the system counts it: busy time summed over all cores, this process's own, and a clock;
    // seconds. systemBusy < 0 when it cannot be read.
    struct CpuTimes {
        double systemBusy = -1;
        double own = 0;
        double wall = 0;
    };
    // Linux: /proc/stat's cpu line and getrusage; macOS: host_statistics(HOST_CPU_LOAD_INFO) and getrusage;
    // Windows: GetSystemTimes and GetProcessTimes.
    static CpuTimes readCpuTimes();
    // The cores other programs used between two readings: (system busy - own) / wall time, at least 0;
    // negative when either reading is unknown or no time passed. It counts what the other programs got, not
    // what they wanted: next to a job that uses every core they get less than they want, so it reads lower
    // than the runnable count, but it still shows the job that it is not alone (docs/benchmarks-load.md).
    static double othersFromCpuTimes(const CpuTimes& before, const CpuTimes& after);
    // A sampler that answers othersFromCpuTimes since its previous call ("unknown" on the first).
    static Sampler cpuTimesSampler();

    // Weight of a new sample in the running mean (about the last four photos count).
    static constexpr double kSmoothing = 0.3;
    // How far the free cores must be from the current count before it changes (no flapping at the edge).
    static constexpr double kHysteresis = 0.6;

private:
    int m_idle;
    int m_cores;
    Sampler m_sampler;
    double m_others = -1;
    int m_threads;
};

} // namespace kindred
