#pragma once

namespace kindred {

// Makes LibTorch's OpenMP threads (libgomp; OpenBLAS uses the same runtime) sleep soon when they wait,
// instead of spinning for long. libgomp reads its wait settings once, when it is loaded — before main() — and
// by default an idle thread spins 300,000 rounds before it sleeps. On a computer where other programs are
// busy, a spinning thread burns the share of the CPU that its partner, descheduled, needed: the face job
// slowed down far more than its share of the CPU explains (issue 21; docs/benchmarks-load.md: 60 WIDER
// photos 13.8 s idle, 202 s next to two busy programs). A short spin (GOMP_SPINCOUNT=10000, a few
// microseconds) keeps the idle speed and behaves like OMP_WAIT_POLICY=passive under load; passive itself cost
// idle speed.
//
// Call first thing in main(): when neither OMP_WAIT_POLICY nor GOMP_SPINCOUNT is set (a user's own setting is
// kept), GOMP_SPINCOUNT is set and the program executes itself again (same process id, arguments and
// environment otherwise), so that the runtime is loaded with it. Linux only (/proc/self/exe); elsewhere, and
// when the exec fails, the program goes on as it is. KINDRED_OMP_WAIT=default skips it (to measure the
// difference). Also limits glibc to one malloc arena for every thread (see the .cpp).
class WaitPolicy {
public:
    static void applyBeforeMain(char* argv[]);
    static constexpr const char* kSpinCount = "10000";
};

} // namespace kindred
