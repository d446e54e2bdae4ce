// NpzWriter: the archive is a valid zip of .npy files that numpy can read. Checked by parsing it back here
// (zip headers, CRC-32, .npy headers and data) and, where python3 is installed, with Python's own zipfile
// module plus numpy's header rules (and numpy.load itself when numpy is installed).
#include "weights/npzwriter.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <map>

using namespace kindred;

namespace {

std::uint32_t u16(const std::vector<char>& b, size_t at)
{
    return static_cast<std::uint32_t>(static_cast<unsigned char>(b.at(at))) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(b.at(at + 1))) << 8;
}

std::uint32_t u32(const std::vector<char>& b, size_t at)
{
    return u16(b, at) | u16(b, at + 2) << 16;
}

// name -> (header dict text, data bytes), read through the central directory like a zip reader does.
std::map<std::string, std::pair<std::string, std::vector<char>>> readNpz(const std::vector<char>& zip)
{
    std::map<std::string, std::pair<std::string, std::vector<char>>> arrays;
    const size_t eocd = zip.size() - 22;
    if (u32(zip, eocd) != 0x06054b50U)
        throw std::runtime_error("no end of central directory");
    const std::uint32_t count = u16(zip, eocd + 10);
    size_t at = u32(zip, eocd + 16);
    for (std::uint32_t i = 0; i < count; ++i) {
        if (u32(zip, at) != 0x02014b50U)
            throw std::runtime_error("bad central directory entry");
        if (u16(zip, at + 10) != 0)
            throw std::runtime_error("entry not stored");
        const std::uint32_t crc = u32(zip, at + 16);
        const std::uint32_t size = u32(zip, at + 20);
        const std::uint32_t nameLength = u16(zip, at + 28);
        const std::uint32_t extra = u16(zip, at + 30);
        const std::uint32_t comment = u16(zip, at + 32);
        const std::uint32_t local = u32(zip, at + 42);
        const std::string name(zip.data() + at + 46, nameLength);
        at += 46 + nameLength + extra + comment;
        if (u32(zip, local) != 0x04034b50U)
            throw std::runtime_error("bad local header");
        const size_t data = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
        const std::vector<char> npy(zip.begin() + static_cast<long>(data),
                                    zip.begin() + static_cast<long>(data + size));
        if (NpzWriter::crc32(npy.data(), npy.size()) != crc)
            throw std::runtime_error("CRC mismatch in " + name);
        if (std::memcmp(npy.data(), "\x93NUMPY\x01\x00", 8) != 0)
            throw std::runtime_error("bad npy magic in " + name);
        const std::uint32_t headerLength = u16(npy, 8);
        if ((10 + headerLength) % 64 != 0 || npy.at(10 + headerLength - 1) != '\n')
            throw std::runtime_error("npy header not aligned in " + name);
        arrays[name] = {std::string(npy.data() + 10, headerLength),
                        std::vector<char>(npy.begin() + 10 + headerLength, npy.end())};
    }
    return arrays;
}

} // namespace

class TestNpzWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void crc32KnownValue()
    {
        QCOMPARE(NpzWriter::crc32("123456789", 9), 0xCBF43926U);
        QCOMPARE(NpzWriter::crc32("", 0), 0U);
    }

    void arrays_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedHeader");
        QTest::addColumn<int>("expectedBytes");
        QTest::newRow("float32 matrix")
            << "f4"
            << "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }" << 48;
        QTest::newRow("float32 vector") << "f4v"
                                        << "{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }" << 20;
        QTest::newRow("empty matrix") << "empty"
                                      << "{'descr': '<f4', 'fortran_order': False, 'shape': (0, 128), }" << 0;
        QTest::newRow("int64") << "i8"
                               << "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }" << 16;
        QTest::newRow("strings") << "U"
                                 << "{'descr': '<U5', 'fortran_order': False, 'shape': (3,), }" << 60;
        QTest::newRow("scalar") << "scalar"
                                << "{'descr': '<f8', 'fortran_order': False, 'shape': (), }" << 8;
    }

    void arrays()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expectedHeader);
        QFETCH(int, expectedBytes);
        NpzWriter npz;
        torch::Tensor values;
        if (kind == QLatin1String("f4"))
            npz.add("a", values = torch::arange(12, torch::kFloat32).view({3, 4}).transpose(0, 1).t());
        else if (kind == QLatin1String("f4v"))
            npz.add("a", values = torch::linspace(-1, 1, 5));
        else if (kind == QLatin1String("empty"))
            npz.add("a", values = torch::zeros({0, 128}));
        else if (kind == QLatin1String("i8"))
            npz.add("a", values = torch::tensor({int64_t(-3), int64_t(1) << 40}));
        else if (kind == QLatin1String("scalar"))
            npz.add("a", values = torch::tensor(2.5, torch::kFloat64));
        else
            npz.addStrings("a", {"amy", "", "h\xc3\xa9llo"}); // "héllo": 5 code points
        const auto arrays = readNpz(npz.bytes());
        QCOMPARE(arrays.size(), size_t(1));
        QVERIFY(arrays.count("a.npy"));
        const auto& [header, data] = arrays.at("a.npy");
        QCOMPARE(QString::fromStdString(header).trimmed(), expectedHeader);
        QCOMPARE(static_cast<int>(data.size()), expectedBytes);
        if (kind == QLatin1String("U")) {
            // UTF-32LE, zero padded: entry 2 = h, é (U+00E9), l, l, o
            QCOMPARE(u32(data, 40), std::uint32_t('h'));
            QCOMPARE(u32(data, 44), 0xE9U);
            QCOMPARE(u32(data, 20), 0U); // the empty string
        } else if (values.numel() > 0) {
            const torch::Tensor c = values.contiguous();
            QVERIFY(std::memcmp(data.data(), c.data_ptr(), data.size()) == 0);
        }
    }

    void replacesAndKeepsOrder()
    {
        NpzWriter npz;
        npz.add("x", torch::zeros({2}));
        npz.add("y", torch::ones({1}));
        npz.add("x", torch::ones({3}));
        const auto arrays = readNpz(npz.bytes());
        QCOMPARE(arrays.size(), size_t(2));
        QVERIFY(arrays.at("x.npy").first.find("(3,)") != std::string::npos);
    }

    void rejectsBadInput()
    {
        NpzWriter npz;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, npz.add("", torch::zeros({1})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, npz.add("a/b", torch::zeros({1})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 npz.add("c", torch::zeros({1}, torch::kComplexFloat)));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, npz.save("/nonexistent-dir/x.npz"));
    }

    // Python's zipfile and numpy's header rules (and numpy.load when numpy exists) read the archive.
    void pythonReadsIt()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("t.npz"));
        NpzWriter npz;
        npz.add("embeddings", torch::arange(6, torch::kFloat32).view({2, 3}) / 4);
        npz.addStrings("labels", {"amy", "h\xc3\xa9llo"});
        npz.save(file.toStdString());
        const QString script = QStringLiteral(R"(
import ast, struct, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
assert sorted(z.namelist()) == ['embeddings.npy', 'labels.npy']
def npy(name):
    b = z.read(name)
    assert b[:8] == b'\x93NUMPY\x01\x00'
    n = struct.unpack('<H', b[8:10])[0]
    return ast.literal_eval(b[10:10 + n].decode('latin1')), b[10 + n:]
h, d = npy('embeddings.npy')
assert h == {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3)}, h
assert list(struct.unpack('<6f', d)) == [0, 0.25, 0.5, 0.75, 1.0, 1.25]
h, d = npy('labels.npy')
assert h['descr'] == '<U5' and h['shape'] == (2,)
assert d[:20].decode('utf-32-le').rstrip('\0') == 'amy'
assert d[20:].decode('utf-32-le') == 'h\u00e9llo'
try:
    import numpy
except ImportError:
    print('ok (no numpy)'); sys.exit(0)
a = numpy.load(sys.argv[1])
assert a['embeddings'].shape == (2, 3) and a['embeddings'].dtype == numpy.float32
assert list(a['labels']) == ['amy', 'h\u00e9llo']
print('ok (numpy)')
)");
        QProcess process;
        process.start(python, {QStringLiteral("-c"), script, file});
        QVERIFY(process.waitForFinished(30000));
        const QString output =
            QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        QVERIFY2(process.exitCode() == 0, qPrintable(output));
        QVERIFY2(output.startsWith(QStringLiteral("ok")), qPrintable(output));
    }
};

QTEST_GUILESS_MAIN(TestNpzWriter)
#include "tst_npzwriter.moc"
