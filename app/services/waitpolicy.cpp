#include "waitpolicy.h"

#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(__linux__)
#include <unistd.h>
#endif

namespace kindred {

void WaitPolicy::applyBeforeMain(char* argv[])
{
#if defined(__GLIBC__)
    // One malloc heap for every thread, set before any thread exists (a limit set later leaves the arenas
    // already made in use): glibc gives other threads arenas of 64 MiB heaps that cannot keep the face
    // job's large tensors, and its workers then paged their activations in afresh for every photo
    // (Device::keepFreedMemory; docs/benchmarks-load.md: P-Net 3x slower on a worker thread).
    mallopt(M_ARENA_MAX, 1);
#endif
#if defined(__linux__)
    if (std::getenv("OMP_WAIT_POLICY") != nullptr || std::getenv("GOMP_SPINCOUNT") != nullptr)
        return; // set by the user, or by the exec below
    const char* choice = std::getenv("KINDRED_OMP_WAIT");
    if (choice != nullptr && std::strcmp(choice, "default") == 0)
        return;
    if (setenv("GOMP_SPINCOUNT", kSpinCount, 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    // Still here: the exec failed (no /proc); libgomp's default stays.
    unsetenv("GOMP_SPINCOUNT");
#else
    (void)argv;
#endif
}

} // namespace kindred
