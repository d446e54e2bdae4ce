#pragma once

#include <stdexcept>

namespace kindred {

// Thrown when an image file cannot be used: unreadable, not an image, corrupt, or over the pixel limit.
class ImageError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace kindred
