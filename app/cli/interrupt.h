#pragma once

#include <atomic>

namespace kindred {

// Ctrl+C / SIGTERM turn into a cancel flag that long commands poll; a second Ctrl+C exits at once.
class Interrupt {
public:
    static void install();
    static std::atomic_bool* flag();
};

} // namespace kindred
