#pragma once

#include <stdexcept>

namespace kindred {

// Thrown by every model loader and network when weights or inputs are unusable. The message says which
// file / tensor is at fault and why; callers show it as is.
class ModelError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace kindred
