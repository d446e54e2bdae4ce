#pragma once

namespace kindred {

// Background jobs (faces, fine-tuning) must not make the machine sluggish: they lower the priority of
// the worker thread that runs them.
class BackgroundPriority {
public:
    // Qt's LowPriority for the current thread and, on Linux where the nice value is per thread and
    // inherited by the threads it creates (LibTorch's intra-op pool), nice 10. On macOS the "utility"
    // QoS class instead of Qt's priority. Never raises it.
    static void lowerCurrentThread();
};

} // namespace kindred
