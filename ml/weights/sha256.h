#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace kindred {

// SHA-256 (FIPS 180-4), incremental. Used to verify pinned model files; no external crypto library needed.
class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view data) { update(data.data(), data.size()); }
    // Finishes and returns the 32-byte digest; the object must not be updated afterwards.
    std::array<std::uint8_t, 32> finish();
    // Finishes and returns the digest as 64 lowercase hex characters.
    std::string hexDigest();

    static std::string hex(std::string_view data);
    // Hashes a whole file; throws ModelError when it cannot be read.
    static std::string hexOfFile(const std::filesystem::path& file);

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> m_state;
    std::array<std::uint8_t, 64> m_buffer{};
    std::size_t m_buffered = 0;
    std::uint64_t m_length = 0;
};

} // namespace kindred
