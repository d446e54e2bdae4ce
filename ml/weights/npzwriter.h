#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <torch/torch.h>
#include <vector>

namespace kindred {

// Writes NumPy .npz archives: a zip file (entries STORED, no compression) of .npy arrays (format 1.0,
// little-endian, C order), readable by numpy.load without allow_pickle.
//   NpzWriter npz;
//   npz.add("embeddings", tensor);            // float32/float64/int64/int32/uint8/bool tensors
//   npz.addStrings("labels", {"ann", "bob"}); // numpy unicode array ('<U<n>')
//   npz.save("out.npz");
class NpzWriter {
public:
    // Adds (or replaces) an array. Throws std::invalid_argument for an unsupported dtype or a bad name.
    void add(const std::string& name, const torch::Tensor& array);
    // A 1-d array of strings (UTF-8 in, stored as numpy's UTF-32 '<U<longest>').
    void addStrings(const std::string& name, const std::vector<std::string>& utf8);

    // Writes the archive; throws std::runtime_error when the file cannot be written.
    void save(const std::filesystem::path& file) const;
    // The archive's bytes.
    std::vector<char> bytes() const;

    // One .npy file: header for `descr` (e.g. "<f4") and `shape`, followed by `data`.
    static std::vector<char> npy(const std::string& descr, const std::vector<int64_t>& shape,
                                 const std::vector<char>& data);
    static std::uint32_t crc32(const char* data, std::size_t size);

private:
    struct Entry {
        std::string name; // without ".npy"
        std::vector<char> npy;
    };
    void put(const std::string& name, std::vector<char> npy);

    std::vector<Entry> m_entries;
};

} // namespace kindred
