#include "weights/npzreader.h"

#include "weights/npzwriter.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace kindred {

namespace {

uint32_t u16(const std::vector<char>& b, size_t at)
{
    return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) |
           (static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8);
}

uint32_t u32(const std::vector<char>& b, size_t at)
{
    return u16(b, at) | (u16(b, at + 2) << 16);
}

void appendUtf8(std::string& out, uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
}

// The value text after 'key': in a .npy header dict.
std::string field(const std::string& header, const std::string& key)
{
    const size_t k = header.find("'" + key + "'");
    if (k == std::string::npos)
        return {};
    size_t v = header.find(':', k);
    if (v == std::string::npos)
        return {};
    ++v;
    while (v < header.size() && header[v] == ' ')
        ++v;
    if (v >= header.size())
        return {};
    if (header[v] == '\'') {
        const size_t end = header.find('\'', v + 1);
        return end == std::string::npos ? std::string() : header.substr(v + 1, end - v - 1);
    }
    if (header[v] == '(') {
        const size_t end = header.find(')', v);
        return end == std::string::npos ? std::string() : header.substr(v, end - v + 1);
    }
    const size_t end = header.find_first_of(",}", v);
    return header.substr(v, end == std::string::npos ? std::string::npos : end - v);
}

int64_t itemSize(const std::string& descr)
{
    if (descr == "<f4" || descr == "<i4")
        return 4;
    if (descr == "<f8" || descr == "<i8")
        return 8;
    if (descr == "|u1" || descr == "|b1")
        return 1;
    if (descr.size() > 2 && descr.compare(0, 2, "<U") == 0) {
        try {
            const long n = std::stol(descr.substr(2));
            return n > 0 ? 4 * static_cast<int64_t>(n) : -1;
        } catch (const std::exception&) {
            return -1;
        }
    }
    return -1;
}

} // namespace

NpzReader::NpzReader(const std::filesystem::path& file) : m_source(file.string())
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("npz " + m_source + ": cannot open the file");
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        throw std::runtime_error("npz " + m_source + ": read error");
    parse(bytes);
}

NpzReader::NpzReader(const std::vector<char>& bytes, const std::string& source) : m_source(source)
{
    parse(bytes);
}

void NpzReader::parse(const std::vector<char>& b)
{
    const auto fail = [this](const std::string& why) {
        throw std::runtime_error("npz " + m_source + ": " + why);
    };
    // End of central directory: 22 bytes plus a comment of up to 64 KiB.
    if (b.size() < 22)
        fail("not a zip archive (too short)");
    size_t eocd = std::string::npos;
    const size_t lowest = b.size() > 22 + 65535 ? b.size() - 22 - 65535 : 0;
    for (size_t at = b.size() - 22 + 1; at-- > lowest;) {
        if (u32(b, at) == 0x06054b50U) {
            eocd = at;
            break;
        }
    }
    if (eocd == std::string::npos)
        fail("not a zip archive (no end of central directory)");
    const uint32_t entries = u16(b, eocd + 10);
    const uint32_t cdSize = u32(b, eocd + 12);
    const uint32_t cdOffset = u32(b, eocd + 16);
    if (entries == 0xffff || cdOffset == 0xffffffffU)
        fail("zip64 archives are not supported");
    if (static_cast<uint64_t>(cdOffset) + cdSize > eocd)
        fail("truncated central directory");
    size_t at = cdOffset;
    for (uint32_t e = 0; e < entries; ++e) {
        if (at + 46 > eocd || u32(b, at) != 0x02014b50U)
            fail("corrupt central directory");
        const uint32_t method = u16(b, at + 10);
        const uint32_t crc = u32(b, at + 16);
        const uint32_t compressed = u32(b, at + 20);
        const uint32_t size = u32(b, at + 24);
        const uint32_t nameLength = u16(b, at + 28);
        const uint32_t extraLength = u16(b, at + 30);
        const uint32_t commentLength = u16(b, at + 32);
        const uint32_t local = u32(b, at + 42);
        if (at + 46 + nameLength > eocd)
            fail("corrupt central directory");
        std::string name(b.data() + at + 46, nameLength);
        at += 46 + nameLength + extraLength + commentLength;
        if (method != 0)
            fail("entry '" + name + "' is compressed (only uncompressed archives, np.savez, are supported)");
        if (compressed != size)
            fail("entry '" + name + "' has inconsistent sizes");
        if (static_cast<uint64_t>(local) + 30 > b.size() || u32(b, local) != 0x04034b50U)
            fail("entry '" + name + "' has no local header");
        const size_t dataAt = local + 30 + u16(b, local + 26) + u16(b, local + 28);
        if (static_cast<uint64_t>(dataAt) + size > b.size())
            fail("entry '" + name + "' is truncated");
        if (NpzWriter::crc32(b.data() + dataAt, size) != crc)
            fail("entry '" + name + "' is corrupt (CRC mismatch)");
        if (name.size() < 5 || name.compare(name.size() - 4, 4, ".npy") != 0)
            continue; // not an array
        name.resize(name.size() - 4);

        // .npy: magic, version, header length, header dict, data.
        const char* npy = b.data() + dataAt;
        if (size < 10 || std::memcmp(npy, "\x93NUMPY", 6) != 0)
            fail("entry '" + name + "' is not a .npy array");
        const auto major = static_cast<unsigned char>(npy[6]);
        size_t headerAt = 10;
        size_t headerLength = u16(b, dataAt + 8);
        if (major == 2 || major == 3) {
            if (size < 12)
                fail("entry '" + name + "' is truncated");
            headerAt = 12;
            headerLength = u32(b, dataAt + 8);
        } else if (major != 1) {
            fail("entry '" + name + "' has unknown .npy version " + std::to_string(major));
        }
        if (headerAt + headerLength > size)
            fail("entry '" + name + "' has a truncated header");
        const std::string header(npy + headerAt, headerLength);
        Array array;
        array.descr = field(header, "descr");
        if (field(header, "fortran_order") != "False")
            fail("array '" + name + "' is not in C order");
        const int64_t item = itemSize(array.descr);
        if (item < 0)
            fail("array '" + name + "' has unsupported type '" + array.descr + "'");
        std::string shape = field(header, "shape");
        if (shape.size() < 2 || shape.front() != '(' || shape.back() != ')')
            fail("array '" + name + "' has no shape");
        shape = shape.substr(1, shape.size() - 2);
        int64_t count = 1;
        size_t pos = 0;
        while (pos < shape.size()) {
            const size_t comma = shape.find(',', pos);
            std::string part =
                shape.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
            part.erase(0, part.find_first_not_of(' '));
            part.erase(part.find_last_not_of(' ') + 1);
            if (!part.empty()) {
                try {
                    array.shape.push_back(std::stoll(part));
                } catch (const std::exception&) {
                    fail("array '" + name + "' has a bad shape");
                }
                if (array.shape.back() < 0)
                    fail("array '" + name + "' has a bad shape");
                count *= array.shape.back();
            }
            if (comma == std::string::npos)
                break;
            pos = comma + 1;
        }
        const size_t dataBytes = size - headerAt - headerLength;
        if (static_cast<uint64_t>(count) * static_cast<uint64_t>(item) != dataBytes)
            fail("array '" + name + "' holds " + std::to_string(dataBytes) + " bytes, its shape needs " +
                 std::to_string(count * item));
        array.data.assign(npy + headerAt + headerLength, npy + size);
        m_arrays[name] = std::move(array);
    }
}

std::vector<std::string> NpzReader::names() const
{
    std::vector<std::string> out;
    for (const auto& [name, array] : m_arrays)
        out.push_back(name);
    return out;
}

bool NpzReader::contains(const std::string& name) const
{
    return m_arrays.count(name) > 0;
}

const NpzReader::Array& NpzReader::array(const std::string& name) const
{
    const auto it = m_arrays.find(name);
    if (it == m_arrays.end())
        throw std::runtime_error("npz " + m_source + ": no array '" + name + "'");
    return it->second;
}

std::vector<int64_t> NpzReader::shape(const std::string& name) const
{
    return array(name).shape;
}

std::string NpzReader::descr(const std::string& name) const
{
    return array(name).descr;
}

torch::Tensor NpzReader::tensor(const std::string& name) const
{
    const Array& a = array(name);
    torch::ScalarType type = torch::kFloat32;
    if (a.descr == "<f4")
        type = torch::kFloat32;
    else if (a.descr == "<f8")
        type = torch::kFloat64;
    else if (a.descr == "<i8")
        type = torch::kInt64;
    else if (a.descr == "<i4")
        type = torch::kInt32;
    else if (a.descr == "|u1")
        type = torch::kUInt8;
    else if (a.descr == "|b1")
        type = torch::kBool;
    else
        throw std::runtime_error("npz " + m_source + ": array '" + name + "' is not numeric (" + a.descr +
                                 ")");
    torch::Tensor t = torch::empty(a.shape, torch::TensorOptions().dtype(type));
    if (!a.data.empty())
        std::memcpy(t.data_ptr(), a.data.data(), a.data.size());
    return t;
}

std::vector<std::string> NpzReader::strings(const std::string& name) const
{
    const Array& a = array(name);
    if (a.descr.compare(0, 2, "<U") != 0)
        throw std::runtime_error("npz " + m_source + ": array '" + name + "' does not hold strings (" +
                                 a.descr + ")");
    const auto width = static_cast<size_t>(itemSize(a.descr) / 4);
    const size_t count = width == 0 ? 0 : a.data.size() / (4 * width);
    std::vector<std::string> out;
    out.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        std::string s;
        for (size_t c = 0; c < width; ++c) {
            uint32_t cp = 0;
            std::memcpy(&cp, a.data.data() + 4 * (i * width + c), 4);
            if (cp == 0)
                break;
            appendUtf8(s, cp > 0x10ffff ? 0xfffd : cp);
        }
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace kindred
