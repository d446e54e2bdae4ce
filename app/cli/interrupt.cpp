#include "interrupt.h"

#include <csignal>
#include <cstdlib>

namespace kindred {

namespace {
std::atomic_bool g_cancel{false};

extern "C" void onSignal(int)
{
    if (g_cancel.exchange(true))
        std::_Exit(130);
}
} // namespace

void Interrupt::install()
{
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

std::atomic_bool* Interrupt::flag()
{
    return &g_cancel;
}

} // namespace kindred
