#include "weights/binaryfile.h"

#include "common/modelerror.h"

#include <fstream>
#include <system_error>

namespace kindred {

std::vector<char> BinaryFile::read(const std::filesystem::path& file, const std::string& what)
{
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        throw ModelError(what + " '" + file.string() + "' does not exist");
    if (std::filesystem::is_directory(file, ec))
        throw ModelError(what + " '" + file.string() + "' is a directory, not a file");
    const auto size = std::filesystem::file_size(file, ec);
    if (ec)
        throw ModelError("cannot read the size of " + what + " '" + file.string() + "': " + ec.message());
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw ModelError("cannot open " + what + " '" + file.string() + "'");
    std::vector<char> bytes(size);
    if (size > 0 && !in.read(bytes.data(), std::streamsize(size)))
        throw ModelError("cannot read " + what + " '" + file.string() + "'");
    return bytes;
}

} // namespace kindred
