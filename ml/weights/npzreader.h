#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <torch/torch.h>
#include <vector>

namespace kindred {

// Reads NumPy .npz archives as NpzWriter (and numpy.savez) writes them: a zip file of STORED
// (uncompressed) .npy entries, format 1.0/2.0, little-endian, C order. Numeric arrays come back as
// tensors (float32/float64/int64/int32/uint8/bool); unicode arrays ('<U<n>') as UTF-8 strings.
//   NpzReader npz("faces.npz");
//   torch::Tensor x = npz.tensor("embeddings");
//   std::vector<std::string> labels = npz.strings("labels");
class NpzReader {
public:
    // Reads and checks the whole archive. Throws std::runtime_error naming the file for a missing,
    // truncated, compressed or otherwise unreadable archive.
    explicit NpzReader(const std::filesystem::path& file);
    // Parses archive bytes (`source` names them in error messages).
    NpzReader(const std::vector<char>& bytes, const std::string& source);

    std::vector<std::string> names() const; // array names without ".npy", sorted
    bool contains(const std::string& name) const;
    std::vector<int64_t> shape(const std::string& name) const;
    std::string descr(const std::string& name) const; // e.g. "<f4", "<U12"

    // A numeric array; throws std::runtime_error when it is missing or holds strings.
    torch::Tensor tensor(const std::string& name) const;
    // A unicode array flattened to UTF-8 strings (trailing NULs removed); throws when missing or numeric.
    std::vector<std::string> strings(const std::string& name) const;

private:
    struct Array {
        std::string descr;
        std::vector<int64_t> shape;
        std::vector<char> data;
    };
    void parse(const std::vector<char>& bytes);
    const Array& array(const std::string& name) const;

    std::string m_source;
    std::map<std::string, Array> m_arrays;
};

} // namespace kindred
