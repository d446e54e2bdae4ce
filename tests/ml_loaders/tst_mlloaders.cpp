// Weight loaders: SHA-256, TF.js manifests, legacy and zip torch checkpoints, state dicts into modules.
#include "common/modelerror.h"
#include "detection/mtcnnweights.h"
#include "weights/checkpoint.h"
#include "weights/legacycheckpoint.h"
#include "weights/sha256.h"
#include "weights/statedict.h"
#include "weights/tfjsweights.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#include <filesystem>
#include <fstream>

using namespace kindred;
namespace fs = std::filesystem;

namespace {

const fs::path kShared = KINDRED_SHARED_DIR;
const fs::path kModels = KINDRED_MODELS_DIR;

void writeFile(const fs::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

std::string readFile(const fs::path& path)
{
    std::string bytes(fs::file_size(path), '\0');
    std::ifstream in(path, std::ios::binary);
    in.read(bytes.data(), std::streamsize(bytes.size()));
    return bytes;
}

template <typename T> std::string bytesOf(const std::vector<T>& values)
{
    std::string out(values.size() * sizeof(T), '\0');
    std::memcpy(out.data(), values.data(), out.size());
    return out;
}

QJsonDocument readJson(const fs::path& path)
{
    const std::string text = readFile(path);
    return QJsonDocument::fromJson(QByteArray::fromStdString(text));
}

// A synthetic two-shard manifest: a float32 tensor, a uint8-quantized tensor that spans the shard boundary,
// a uint16-quantized tensor and an int32 tensor.
struct SyntheticPack {
    std::vector<float> a{1.5f, -2.25f, 3.0f, 0.0f, 1e-7f, -1e30f};
    std::vector<uint8_t> q{0, 1, 2, 127, 128, 254, 255, 17};
    std::vector<uint16_t> q16{0, 65535, 300};
    std::vector<int32_t> ints{-5, 7};
    double scale = 0.0123, min = -1.5, scale16 = 0.001, min16 = 2.0;
    std::string all() const { return bytesOf(a) + bytesOf(q) + bytesOf(q16) + bytesOf(ints); }
    std::string manifest(const std::string& qDtype = "uint8") const
    {
        return R"([{"paths": ["s-shard1", "s-shard2"], "weights": [
            {"name": "net/a", "shape": [2, 3], "dtype": "float32"},
            {"name": "net/q", "shape": [2, 2, 2], "dtype": "float32",
             "quantization": {"dtype": ")" +
               qDtype + R"(", "scale": 0.0123, "min": -1.5}},
            {"name": "net/q16", "shape": [3], "dtype": "float32",
             "quantization": {"dtype": "uint16", "scale": 0.001, "min": 2.0}},
            {"name": "net/i", "shape": [2], "dtype": "int32"}]}])";
    }
    // Shard 1 ends in the middle of net/q.
    void write(const fs::path& dir, const std::string& qDtype = "uint8") const
    {
        const std::string bytes = all();
        const size_t cut = a.size() * 4 + 3;
        writeFile(dir / "s-manifest.json", manifest(qDtype));
        writeFile(dir / "s-shard1", bytes.substr(0, cut));
        writeFile(dir / "s-shard2", bytes.substr(cut));
    }
};

} // namespace

class TestMlLoaders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sha256_data();
    void sha256();
    void sha256Incremental();
    void tfjsSynthetic();
    void tfjsErrors_data();
    void tfjsErrors();
    void tfjsPinnedMtcnnPack();
    void tfjsWrongHash();
    void legacyMtcnn_data();
    void legacyMtcnn();
    void tfjsEqualsLegacy_data();
    void tfjsEqualsLegacy();
    void legacyInceptionResnet();
    void zipCheckpoint();
    void checkpointErrors_data();
    void checkpointErrors();
    void stateDictErrors_data();
    void stateDictErrors();
};

void TestMlLoaders::sha256_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray()
                           << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    QTest::newRow("abc") << QByteArray("abc")
                         << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
    QTest::newRow("896 bits") << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                                            "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqr"
                                            "stnopqrstu")
                              << "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1";
    QTest::newRow("million a") << QByteArray(1000000, 'a')
                               << "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
}

void TestMlLoaders::sha256()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(Sha256::hex(std::string_view(input.constData(), size_t(input.size())))),
             expected);
}

void TestMlLoaders::sha256Incremental()
{
    // Odd chunk sizes across block boundaries must give the same digest as one update.
    std::string data;
    for (int i = 0; i < 1000; ++i)
        data.push_back(char(i * 7 + 3));
    Sha256 hash;
    size_t pos = 0;
    for (size_t chunk = 1; pos < data.size(); chunk = chunk * 3 % 97 + 1) {
        const size_t n = std::min(chunk, data.size() - pos);
        hash.update(data.data() + pos, n);
        pos += n;
    }
    QCOMPARE(hash.hexDigest(), Sha256::hex(data));
}

void TestMlLoaders::tfjsSynthetic()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const fs::path dir = tmp.path().toStdString();
    SyntheticPack pack;
    pack.write(dir);
    const TensorMap t = TfjsWeights::load(dir / "s-manifest.json");
    QCOMPARE(t.size(), size_t(4));

    const torch::Tensor a = t.at("net/a");
    QCOMPARE(a.sizes().vec(), (std::vector<int64_t>{2, 3}));
    QCOMPARE(a.scalar_type(), torch::kFloat);
    for (size_t i = 0; i < pack.a.size(); ++i)
        QCOMPARE(a.flatten()[long(i)].item<float>(), pack.a[i]);

    const torch::Tensor q = t.at("net/q");
    QCOMPARE(q.sizes().vec(), (std::vector<int64_t>{2, 2, 2}));
    for (size_t i = 0; i < pack.q.size(); ++i)
        QCOMPARE(q.flatten()[long(i)].item<float>(), float(pack.q[i] * pack.scale + pack.min));

    const torch::Tensor q16 = t.at("net/q16");
    for (size_t i = 0; i < pack.q16.size(); ++i)
        QCOMPARE(q16[long(i)].item<float>(), float(pack.q16[i] * pack.scale16 + pack.min16));

    const torch::Tensor ints = t.at("net/i");
    QCOMPARE(ints.scalar_type(), torch::kInt);
    QCOMPARE(ints[0].item<int>(), -5);
    QCOMPARE(ints[1].item<int>(), 7);

    // The same pack verified against correct pins loads; sizes must add up exactly.
    const std::map<std::string, std::string> pins = {
        {"s-manifest.json", Sha256::hexOfFile(dir / "s-manifest.json")},
        {"s-shard1", Sha256::hexOfFile(dir / "s-shard1")},
        {"s-shard2", Sha256::hexOfFile(dir / "s-shard2")}};
    QCOMPARE(TfjsWeights::load(dir / "s-manifest.json", pins).size(), size_t(4));
}

void TestMlLoaders::tfjsErrors_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expectedMessage");
    QTest::newRow("missing manifest") << "no-manifest"
                                      << "does not exist";
    QTest::newRow("missing shard") << "no-shard2"
                                   << "does not exist";
    QTest::newRow("truncated shard") << "truncate"
                                     << "truncated shard";
    QTest::newRow("oversized shard") << "grow"
                                     << "size mismatch";
    QTest::newRow("unknown dtype") << "dtype"
                                   << "unknown quantization dtype 'float16'";
    QTest::newRow("invalid json") << "json"
                                  << "not valid JSON";
    QTest::newRow("wrong structure") << "structure"
                                     << "unexpected structure";
}

void TestMlLoaders::tfjsErrors()
{
    QFETCH(QString, damage);
    QFETCH(QString, expectedMessage);
    QTemporaryDir tmp;
    const fs::path dir = tmp.path().toStdString();
    SyntheticPack pack;
    pack.write(dir, damage == "dtype" ? "float16" : "uint8");
    if (damage == "no-manifest")
        fs::remove(dir / "s-manifest.json");
    else if (damage == "no-shard2")
        fs::remove(dir / "s-shard2");
    else if (damage == "truncate")
        fs::resize_file(dir / "s-shard2", fs::file_size(dir / "s-shard2") - 5);
    else if (damage == "grow")
        writeFile(dir / "s-shard2", readFile(dir / "s-shard2") + "xx");
    else if (damage == "json")
        writeFile(dir / "s-manifest.json", "[{\"paths\": [");
    else if (damage == "structure")
        writeFile(dir / "s-manifest.json", R"([{"paths": ["s-shard1"], "weights": [{"shape": [1]}]}])");
    try {
        TfjsWeights::load(dir / "s-manifest.json");
        QFAIL("no error thrown");
    } catch (const ModelError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(expectedMessage), e.what());
    }
}

void TestMlLoaders::tfjsPinnedMtcnnPack()
{
    const TensorMap t = TfjsWeights::load(kModels / MtcnnWeights::kTfjsManifest, MtcnnWeights::tfjsPins());
    QCOMPARE(t.size(), size_t(50));
    int64_t values = 0;
    for (const auto& [name, tensor] : t)
        values += tensor.numel();
    QCOMPARE(values * 4, int64_t(1983400)); // models.md: every byte of the shard is used
    QCOMPARE(t.at("rnet/fc1/weights").sizes().vec(), (std::vector<int64_t>{576, 128}));
}

void TestMlLoaders::tfjsWrongHash()
{
    // A pin that does not match, and a shard with no pin at all, are both refused before parsing.
    auto pins = MtcnnWeights::tfjsPins();
    pins["mtcnn_model-shard1"] = std::string(64, '0');
    try {
        TfjsWeights::load(kModels / MtcnnWeights::kTfjsManifest, pins);
        QFAIL("no error thrown");
    } catch (const ModelError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("SHA-256 mismatch"), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains("mtcnn_model-shard1"), e.what());
    }
    pins.erase("mtcnn_model-shard1");
    try {
        TfjsWeights::load(kModels / MtcnnWeights::kTfjsManifest, pins);
        QFAIL("no error thrown");
    } catch (const ModelError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("no pinned SHA-256"), e.what());
    }
}

void TestMlLoaders::legacyMtcnn_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("probe");
    QTest::addColumn<QList<qlonglong>>("shape");
    QTest::newRow("pnet") << "pnet.pt" << 13 << "conv1.weight" << QList<qlonglong>{10, 3, 3, 3};
    QTest::newRow("rnet") << "rnet.pt" << 16 << "dense4.weight" << QList<qlonglong>{128, 576};
    QTest::newRow("onet") << "onet.pt" << 21 << "dense6_3.weight" << QList<qlonglong>{10, 256};
}

void TestMlLoaders::legacyMtcnn()
{
    QFETCH(QString, file);
    QFETCH(int, count);
    QFETCH(QString, probe);
    QFETCH(QList<qlonglong>, shape);
    const fs::path path = kShared / "models/facenet-pytorch" / file.toStdString();
    const TensorMap t = LegacyCheckpoint::load(path);
    QCOMPARE(int(t.size()), count);
    const torch::Tensor w = t.at(probe.toStdString());
    QCOMPARE(w.scalar_type(), torch::kFloat);
    QCOMPARE(w.sizes().vec(), std::vector<int64_t>(shape.begin(), shape.end()));
    QVERIFY(torch::isfinite(w).all().item<bool>());
    QVERIFY(w.abs().sum().item<float>() > 0);
    // Checkpoint's sniffing reaches the same reader.
    const TensorMap viaSniff = Checkpoint::load(path);
    QCOMPARE(viaSniff.size(), t.size());
    QVERIFY(torch::equal(viaSniff.at(probe.toStdString()), w));
}

void TestMlLoaders::tfjsEqualsLegacy_data()
{
    QTest::addColumn<QString>("net");
    QTest::newRow("pnet") << "pnet";
    QTest::newRow("rnet") << "rnet";
    QTest::newRow("onet") << "onet";
}

void TestMlLoaders::tfjsEqualsLegacy()
{
    QFETCH(QString, net);
    const MtcnnStateDicts tfjs = MtcnnWeights::loadTfjsPack(kModels);
    const MtcnnStateDicts legacy = MtcnnWeights::loadFacenetPytorch(kShared / "models/facenet-pytorch");
    const auto pick = [&](const MtcnnStateDicts& d) -> const TensorMap& {
        return net == "pnet" ? d.pnet : net == "rnet" ? d.rnet : d.onet;
    };
    const TensorMap& a = pick(tfjs);
    const TensorMap& b = pick(legacy);
    QCOMPARE(a.size(), b.size());
    for (const auto& [name, tensor] : b) {
        QVERIFY2(a.count(name), name.c_str());
        QVERIFY2(a.at(name).sizes() == tensor.sizes(), name.c_str());
        QVERIFY2(torch::equal(a.at(name), tensor.contiguous()), name.c_str()); // bit-identical
    }
}

void TestMlLoaders::legacyInceptionResnet()
{
    // A larger legacy file (LONG_BINPUT memo, LongStorage for num_batches_tracked): keys and shapes as
    // listed.
    const TensorMap t = Checkpoint::load(kShared / "reference/inception_resnet_v1_random_legacy.pt");
    const QJsonObject keys =
        readJson(kShared / "reference/inception_resnet_v1_reference.json")["keys"].toObject();
    QCOMPARE(int(t.size()), keys.size());
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        const auto found = t.find(it.key().toStdString());
        QVERIFY2(found != t.end(), qPrintable(it.key()));
        std::vector<int64_t> shape;
        const QJsonArray dims = it.value().toArray();
        for (const QJsonValue& d : dims)
            shape.push_back(d.toInteger());
        QVERIFY2(found->second.sizes().vec() == shape, qPrintable(it.key()));
    }
    const torch::Tensor tracked = t.at("conv2d_1a.bn.num_batches_tracked");
    QCOMPARE(tracked.scalar_type(), torch::kLong);
    QCOMPARE(tracked.dim(), 0);
}

void TestMlLoaders::zipCheckpoint()
{
    const TensorMap t = Checkpoint::load(kShared / "reference/zipformat_sample.pt");
    const QJsonObject expected = readJson(kShared / "reference/zipformat_sample.json").object();
    QVERIFY(!expected.isEmpty());
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const auto found = t.find(it.key().toStdString());
        QVERIFY2(found != t.end(), qPrintable(it.key()));
        const torch::Tensor flat = found->second.flatten().to(torch::kDouble);
        const QJsonArray values = it.value().toArray();
        QVERIFY(flat.numel() >= values.size());
        for (int i = 0; i < values.size(); ++i)
            QVERIFY2(std::abs(flat[i].item<double>() - values[i].toDouble()) < 1e-6, qPrintable(it.key()));
    }
}

void TestMlLoaders::checkpointErrors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedMessage");
    QTest::newRow("missing") << "missing"
                             << "does not exist";
    QTest::newRow("not a checkpoint") << "garbage"
                                      << "is not a PyTorch checkpoint";
    QTest::newRow("empty file") << "empty"
                                << "is not a PyTorch checkpoint";
    QTest::newRow("legacy truncated in data") << "truncated-data"
                                              << "truncated file";
    QTest::newRow("legacy truncated in pickle") << "truncated-pickle"
                                                << "unexpected end of file";
    QTest::newRow("zip truncated") << "truncated-zip"
                                   << "cannot read the zip checkpoint";
}

void TestMlLoaders::checkpointErrors()
{
    QFETCH(QString, kind);
    QFETCH(QString, expectedMessage);
    QTemporaryDir tmp;
    const fs::path file = fs::path(tmp.path().toStdString()) / "x.pt";
    const std::string pnet = readFile(kShared / "models/facenet-pytorch/pnet.pt");
    if (kind == "garbage")
        writeFile(file, "this is not a checkpoint at all");
    else if (kind == "empty")
        writeFile(file, "");
    else if (kind == "truncated-data")
        writeFile(file, pnet.substr(0, pnet.size() - 100));
    else if (kind == "truncated-pickle")
        writeFile(file, pnet.substr(0, 600));
    else if (kind == "truncated-zip")
        writeFile(file, readFile(kShared / "reference/zipformat_sample.pt").substr(0, 700));
    try {
        Checkpoint::load(file);
        QFAIL("no error thrown");
    } catch (const ModelError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(expectedMessage), e.what());
    }
}

void TestMlLoaders::stateDictErrors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedMessage");
    QTest::newRow("ok") << "ok"
                        << "";
    QTest::newRow("wrong shape") << "shape"
                                 << "has shape [4, 3] but the network expects [3, 4]";
    QTest::newRow("missing") << "missing"
                             << "lack tensor 'bias'";
    QTest::newRow("unexpected") << "unexpected"
                                << "unexpected tensor 'logits.weight'";
    QTest::newRow("unexpected allowed") << "unexpected-allowed"
                                        << "";
}

void TestMlLoaders::stateDictErrors()
{
    QFETCH(QString, kind);
    QFETCH(QString, expectedMessage);
    torch::nn::Linear linear(4, 3);
    TensorMap t{{"weight", torch::ones({3, 4})}, {"bias", torch::full({3}, 2.0)}};
    StateDictOptions options;
    if (kind == "shape")
        t["weight"] = torch::ones({4, 3});
    else if (kind == "missing")
        t.erase("bias");
    else if (kind.startsWith("unexpected"))
        t["logits.weight"] = torch::zeros({2});
    options.allowUnexpected = kind == "unexpected-allowed";
    const torch::Tensor before = linear->weight.clone();
    try {
        StateDict::load(*linear, t, "test net", options);
        QVERIFY2(expectedMessage.isEmpty(), "no error thrown");
        QVERIFY(torch::equal(linear->weight, torch::ones({3, 4})));
        QVERIFY(torch::equal(linear->bias, torch::full({3}, 2.0)));
    } catch (const ModelError& e) {
        QVERIFY2(!expectedMessage.isEmpty() && QString::fromUtf8(e.what()).contains(expectedMessage),
                 e.what());
        QVERIFY(torch::equal(linear->weight, before)); // a failed load leaves the module untouched
    }
}

QTEST_GUILESS_MAIN(TestMlLoaders)
#include "tst_mlloaders.moc"
