#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kindred {

// Reads whole files for the weight loaders, turning every failure into a ModelError that names the file.
class BinaryFile {
public:
    // `what` describes the file in messages, e.g. "TF.js shard".
    static std::vector<char> read(const std::filesystem::path& file, const std::string& what);
};

} // namespace kindred
