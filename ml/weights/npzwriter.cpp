#include "weights/npzwriter.h"

#include <array>
#include <cstring>
#include <fstream>
#include <limits>
#include <stdexcept>

namespace kindred {

namespace {

void putU16(std::vector<char>& out, std::uint32_t v)
{
    out.push_back(static_cast<char>(v & 0xff));
    out.push_back(static_cast<char>((v >> 8) & 0xff));
}

void putU32(std::vector<char>& out, std::uint32_t v)
{
    putU16(out, v & 0xffff);
    putU16(out, v >> 16);
}

void putBytes(std::vector<char>& out, const std::string& text)
{
    out.insert(out.end(), text.begin(), text.end());
}

// Decodes UTF-8 to code points; invalid bytes become U+FFFD.
std::vector<std::uint32_t> utf32(const std::string& text)
{
    std::vector<std::uint32_t> out;
    size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        int extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            cp = c;
        } else if ((c & 0xe0) == 0xc0) {
            extra = 1;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            out.push_back(0xfffd);
            ++i;
            continue;
        }
        bool ok = i + static_cast<size_t>(extra) < text.size();
        for (int k = 1; ok && k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + static_cast<size_t>(k)]);
            ok = (next & 0xc0) == 0x80;
            cp = (cp << 6) | (next & 0x3f);
        }
        if (!ok) {
            out.push_back(0xfffd);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += static_cast<size_t>(extra) + 1;
    }
    return out;
}

std::string descrOf(const torch::Tensor& t)
{
    switch (t.scalar_type()) {
    case torch::kFloat32:
        return "<f4";
    case torch::kFloat64:
        return "<f8";
    case torch::kInt64:
        return "<i8";
    case torch::kInt32:
        return "<i4";
    case torch::kUInt8:
        return "|u1";
    case torch::kBool:
        return "|b1";
    default:
        throw std::invalid_argument(std::string("npz: unsupported tensor type ") +
                                    c10::toString(t.scalar_type()));
    }
}

} // namespace

std::uint32_t NpzWriter::crc32(const char* data, std::size_t size)
{
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1U) ? 0xedb88320U ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xffffffffU;
    for (std::size_t i = 0; i < size; ++i)
        crc = table[(crc ^ static_cast<unsigned char>(data[i])) & 0xffU] ^ (crc >> 8);
    return crc ^ 0xffffffffU;
}

std::vector<char> NpzWriter::npy(const std::string& descr, const std::vector<int64_t>& shape,
                                 const std::vector<char>& data)
{
    std::string header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (";
    for (size_t i = 0; i < shape.size(); ++i)
        header += std::to_string(shape[i]) + (shape.size() == 1 ? "," : (i + 1 < shape.size() ? ", " : ""));
    header += "), }";
    // magic(6) + version(2) + length(2) + header, padded with spaces to a multiple of 64, ending in '\n'
    const size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header += '\n';
    std::vector<char> out;
    out.reserve(10 + header.size() + data.size());
    putBytes(out, std::string("\x93NUMPY", 6));
    out.push_back(1);
    out.push_back(0);
    putU16(out, static_cast<std::uint32_t>(header.size()));
    putBytes(out, header);
    out.insert(out.end(), data.begin(), data.end());
    return out;
}

void NpzWriter::put(const std::string& name, std::vector<char> npy)
{
    if (name.empty() || name.find('/') != std::string::npos || name.size() > 200)
        throw std::invalid_argument("npz: bad array name '" + name + "'");
    for (Entry& entry : m_entries) {
        if (entry.name == name) {
            entry.npy = std::move(npy);
            return;
        }
    }
    m_entries.push_back({name, std::move(npy)});
}

void NpzWriter::add(const std::string& name, const torch::Tensor& array)
{
    if (!array.defined())
        throw std::invalid_argument("npz: array '" + name + "' is undefined");
    const std::string descr = descrOf(array);
    const torch::Tensor t = array.detach().to(torch::kCPU).contiguous();
    std::vector<char> data(static_cast<size_t>(t.numel()) * t.element_size());
    if (!data.empty())
        std::memcpy(data.data(), t.data_ptr(), data.size());
    put(name, npy(descr, t.sizes().vec(), data));
}

void NpzWriter::addStrings(const std::string& name, const std::vector<std::string>& utf8)
{
    std::vector<std::vector<std::uint32_t>> decoded;
    size_t longest = 1;
    for (const std::string& s : utf8) {
        decoded.push_back(utf32(s));
        longest = std::max(longest, decoded.back().size());
    }
    std::vector<char> data;
    data.reserve(decoded.size() * longest * 4);
    for (const auto& s : decoded) {
        for (size_t i = 0; i < longest; ++i)
            putU32(data, i < s.size() ? s[i] : 0);
    }
    put(name, npy("<U" + std::to_string(longest), {static_cast<int64_t>(utf8.size())}, data));
}

std::vector<char> NpzWriter::bytes() const
{
    std::vector<char> out;
    std::vector<char> central;
    // 1980-01-01 00:00 in DOS time/date
    const std::uint32_t dosTime = 0;
    const std::uint32_t dosDate = (0U << 9) | (1U << 5) | 1U;
    for (const Entry& entry : m_entries) {
        const std::string fileName = entry.name + ".npy";
        if (entry.npy.size() > std::numeric_limits<std::uint32_t>::max() - 1 ||
            out.size() > std::numeric_limits<std::uint32_t>::max() - entry.npy.size() - 1024)
            throw std::runtime_error("npz: archives over 4 GiB are not supported");
        const std::uint32_t crc = crc32(entry.npy.data(), entry.npy.size());
        const auto size = static_cast<std::uint32_t>(entry.npy.size());
        const auto offset = static_cast<std::uint32_t>(out.size());

        putU32(out, 0x04034b50U); // local file header
        putU16(out, 20);          // version needed
        putU16(out, 0);           // flags
        putU16(out, 0);           // method: stored
        putU16(out, dosTime);
        putU16(out, dosDate);
        putU32(out, crc);
        putU32(out, size);
        putU32(out, size);
        putU16(out, static_cast<std::uint32_t>(fileName.size()));
        putU16(out, 0); // extra length
        putBytes(out, fileName);
        out.insert(out.end(), entry.npy.begin(), entry.npy.end());

        putU32(central, 0x02014b50U); // central directory header
        putU16(central, 20);          // version made by
        putU16(central, 20);          // version needed
        putU16(central, 0);
        putU16(central, 0);
        putU16(central, dosTime);
        putU16(central, dosDate);
        putU32(central, crc);
        putU32(central, size);
        putU32(central, size);
        putU16(central, static_cast<std::uint32_t>(fileName.size()));
        putU16(central, 0); // extra
        putU16(central, 0); // comment
        putU16(central, 0); // disk
        putU16(central, 0); // internal attributes
        putU32(central, 0); // external attributes
        putU32(central, offset);
        putBytes(central, fileName);
    }
    const auto centralOffset = static_cast<std::uint32_t>(out.size());
    out.insert(out.end(), central.begin(), central.end());
    putU32(out, 0x06054b50U); // end of central directory
    putU16(out, 0);
    putU16(out, 0);
    putU16(out, static_cast<std::uint32_t>(m_entries.size()));
    putU16(out, static_cast<std::uint32_t>(m_entries.size()));
    putU32(out, static_cast<std::uint32_t>(central.size()));
    putU32(out, centralOffset);
    putU16(out, 0); // comment length
    return out;
}

void NpzWriter::save(const std::filesystem::path& file) const
{
    const std::vector<char> data = bytes();
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out)
        throw std::runtime_error("cannot write " + file.string());
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    if (!out)
        throw std::runtime_error("writing " + file.string() + " failed");
}

} // namespace kindred
