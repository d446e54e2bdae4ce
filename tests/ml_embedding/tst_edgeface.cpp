// EdgeFace (XS and XXS): the quantized checkpoint read and dequantized, parity of the LibTorch network with
// an independent PyTorch implementation (tests/ml_embedding/make_edgeface_reference.py, its outputs in
// data/edgeface_reference.json) and with the reference in shared/reference/edgeface, pinned weights, and
// the whole detect -> align -> embed pipeline telling the eight people of shared/photos/bbt apart.
#include "alignment/facealigner.h"
#include "common/modelerror.h"
#include "detection/mtcnn.h"
#include "embedding/edgefaceembedder.h"
#include "weights/checkpoint.h"

#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

using namespace kindred;
namespace fs = std::filesystem;
using Variant = EdgeFaceEmbedder::Variant;

Q_DECLARE_METATYPE(Variant)

namespace {

const fs::path kShared = KINDRED_SHARED_DIR;
const fs::path kModels = KINDRED_MODELS_DIR;
const fs::path kOwnReference =
    fs::path(KINDRED_SOURCE_DIR) / "tests" / "ml_embedding" / "data" / "edgeface_reference.json";
const fs::path kBbt = kShared / "photos" / "bbt";
const std::array<std::string, 8> kPeople = {"amy",   "bernadette", "howard",  "leonard",
                                            "penny", "raj",        "sheldon", "stuart"};

nlohmann::json loadJson(const fs::path& file)
{
    std::ifstream in(file);
    return nlohmann::json::parse(in);
}

// The reference script's input k (k = 0 is shared/reference/edgeface's synthetic input): 112 x 112 RGB,
// at column x, row y: R = (2x + k(3y + 7)) % 256, G = (2y + k(5x + 1)) % 256, B = (3(x + y) + 11k) % 256.
cv::Mat syntheticInput(int k)
{
    cv::Mat rgb(112, 112, CV_8UC3);
    for (int y = 0; y < 112; ++y)
        for (int x = 0; x < 112; ++x)
            rgb.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<uchar>((2 * x + k * (3 * y + 7)) % 256),
                                                static_cast<uchar>((2 * y + k * (5 * x + 1)) % 256),
                                                static_cast<uchar>((3 * (x + y) + 11 * k) % 256));
    return rgb;
}

std::vector<float> rowOf(const torch::Tensor& t, int64_t i)
{
    const torch::Tensor row = t[i].contiguous().to(torch::kFloat32);
    return {row.data_ptr<float>(), row.data_ptr<float>() + row.numel()};
}

double maxAbsDiff(const std::vector<float>& a, const std::vector<float>& b)
{
    double worst = a.size() == b.size() ? 0.0 : INFINITY;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i)
        worst = std::max(worst, std::abs(static_cast<double>(a[i]) - static_cast<double>(b[i])));
    return worst;
}

cv::Mat loadRgb(const fs::path& file)
{
    const cv::Mat bgr = cv::imread(file.string(), cv::IMREAD_COLOR);
    if (bgr.empty())
        return {};
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return rgb;
}

} // namespace

class TestEdgeFace : public QObject {
    Q_OBJECT

private:
    std::map<Variant, std::unique_ptr<EdgeFaceEmbedder>> m_embedders;

    EdgeFaceEmbedder& embedder(Variant variant) { return *m_embedders.at(variant); }

private Q_SLOTS:
    void initTestCase()
    {
        torch::set_num_threads(2);
        for (const Variant v : {Variant::XS, Variant::XXS})
            m_embedders[v] = EdgeFaceEmbedder::fromModelDir(kModels, v);
    }

    // The int8 entries of the dynamically quantized state dict come out as float weights and biases.
    void quantizedCheckpointIsDequantized()
    {
        const TensorMap state = Checkpoint::load(kModels / EdgeFaceEmbedder::fileNameOf(Variant::XS));
        for (const auto& [name, tensor] : state) {
            QVERIFY2(name.find("_packed_params") == std::string::npos, name.c_str());
            QVERIFY2(!tensor.is_quantized(), name.c_str());
        }
        QVERIFY(state.count("model.head.fc.weight"));
        const torch::Tensor fc = state.at("model.head.fc.weight");
        QCOMPARE(fc.scalar_type(), torch::kFloat32);
        QCOMPARE(fc.sizes().vec(), (std::vector<int64_t>{512, 192}));
        QCOMPARE(state.at("model.head.fc.bias").sizes().vec(), std::vector<int64_t>{512});
        // the layer's output quantization (unused by a dynamic layer) is dropped, float tensors stay
        QVERIFY(!state.count("model.head.fc.scale"));
        QVERIFY(!state.count("model.head.fc.zero_point"));
        QVERIFY(state.count("model.stages.1.blocks.2.xca.temperature"));
        // int8 values times one scale: the weights take at most 256 distinct values
        QVERIFY(std::get<0>(at::_unique(fc.flatten())).numel() <= 256);
    }

    void describesItself_data()
    {
        QTest::addColumn<Variant>("variant");
        QTest::addColumn<QString>("id");
        QTest::newRow("xs") << Variant::XS << "edgeface-xs@a31314377876ab9f";
        QTest::newRow("xxs") << Variant::XXS << "edgeface-xxs@46be7cc7e8d6e235";
    }

    void describesItself()
    {
        QFETCH(Variant, variant);
        QFETCH(QString, id);
        const EdgeFaceEmbedder& e = embedder(variant);
        QCOMPARE(QString::fromStdString(e.modelId()), id);
        QCOMPARE(e.inputSize(), 112);
        QCOMPARE(e.dimension(), 512);
        QVERIFY(e.metric() == DistanceMetric::Cosine);
        QCOMPARE(e.preprocessing().mean[1], 127.5F);
        QCOMPARE(e.preprocessing().divisor[2], 127.5F);
        const ChipTemplate chip = e.chipTemplate();
        QCOMPARE(chip.size, 112);
        QCOMPARE(chip.points[0].x, 38.2946);
        QCOMPARE(chip.points[4].y, 92.2041);
        QVERIFY(e.defaultThreshold() > 0.0 && e.defaultThreshold() < 1.0);
    }

    void parity_data()
    {
        QTest::addColumn<Variant>("variant");
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("input");
        for (const auto& [variant, name] :
             {std::pair{Variant::XS, "edgeface-xs"}, {Variant::XXS, "edgeface-xxs"}})
            for (int k = 0; k < 3; ++k)
                QTest::addRow("%s input %d", name, k) << variant << QString::fromLatin1(name) << k;
    }

    // Raw outputs against the independent PyTorch implementation, one input at a time and as one batch.
    void parity()
    {
        QFETCH(Variant, variant);
        QFETCH(QString, model);
        QFETCH(int, input);
        const nlohmann::json reference = loadJson(kOwnReference).at("models").at(model.toStdString());
        QCOMPARE(QString::fromStdString(reference.at("sha256").get<std::string>()),
                 QString::fromStdString(EdgeFaceEmbedder::pinnedSha256(variant)));
        const std::vector<float> expected =
            reference.at("outputs").at(size_t(input)).get<std::vector<float>>();
        QCOMPARE(expected.size(), size_t(512));
        EdgeFaceEmbedder& e = embedder(variant);
        const double single = maxAbsDiff(rowOf(e.embed({syntheticInput(input)}).raw(), 0), expected);
        const double batched = maxAbsDiff(
            rowOf(e.embed({syntheticInput(0), syntheticInput(1), syntheticInput(2)}).raw(), input), expected);
        qInfo("max abs difference: %.2e alone, %.2e in a batch of three", single, batched);
        QVERIFY2(single < 1e-4, qPrintable(QString::number(single)));
        QVERIFY2(batched < 1e-4, qPrintable(QString::number(batched)));
    }

    // XS against the reference made outside the project from timm's EdgeNeXt (shared/reference/edgeface).
    void sharedReference()
    {
        const nlohmann::json reference =
            loadJson(kShared / "reference" / "edgeface" / "edgeface_xs_synthetic_fp32.json");
        const std::vector<float> expected = reference.at("embedding_512").get<std::vector<float>>();
        const EmbeddingBatch out = embedder(Variant::XS).embed({syntheticInput(0)});
        // the stored vector is the network's raw output rounded to 6 decimals
        const double diff = maxAbsDiff(rowOf(out.raw(), 0), expected);
        qInfo("max abs difference %.2e", diff);
        QVERIFY2(diff < 1e-4, qPrintable(QString::number(diff)));
    }

    void pinnedWeights_data()
    {
        QTest::addColumn<QString>("change"); // what is done to a copy of the XS file
        QTest::newRow("untouched") << "";
        QTest::newRow("one byte changed") << "byte";
        QTest::newRow("the other variant's file") << "other";
        QTest::newRow("missing") << "missing";
    }

    void pinnedWeights()
    {
        QFETCH(QString, change);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const fs::path target =
            fs::path(dir.path().toStdString()) / EdgeFaceEmbedder::fileNameOf(Variant::XS);
        if (change == QLatin1String("other"))
            fs::copy_file(kModels / EdgeFaceEmbedder::fileNameOf(Variant::XXS), target);
        else if (change != QLatin1String("missing"))
            fs::copy_file(kModels / EdgeFaceEmbedder::fileNameOf(Variant::XS), target);
        if (change == QLatin1String("byte")) {
            std::fstream file(target, std::ios::in | std::ios::out | std::ios::binary);
            file.seekp(100000);
            file.put('\x5a');
        }
        if (change.isEmpty()) {
            QVERIFY(EdgeFaceEmbedder::fromModelDir(target.parent_path(), Variant::XS) != nullptr);
            return;
        }
        try {
            EdgeFaceEmbedder::fromModelDir(target.parent_path(), Variant::XS);
            QFAIL("loaded");
        } catch (const ModelError& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.contains(change == QLatin1String("missing") ? QStringLiteral("missing")
                                                                         : QStringLiteral("SHA-256")),
                     qPrintable(message));
        }
    }

    void identifiesBbtPeople_data()
    {
        QTest::addColumn<Variant>("variant");
        QTest::newRow("xs") << Variant::XS;
        QTest::newRow("xxs") << Variant::XXS;
    }

    // The app's pipeline (MTCNN with its padded retry, alignment onto the ArcFace chip, mirror averaging):
    // every probe photo of the eight people is most like the same person's reference photo, and the
    // same-person similarities lie above the different-person ones on average.
    void identifiesBbtPeople()
    {
        QFETCH(Variant, variant);
        EdgeFaceEmbedder& e = embedder(variant);
        e.setMirrorAverage(true);
        MtcnnDetector detector = MtcnnDetector::fromDirectory(kModels);
        auto faceOf = [&](const std::string& person, int index) -> std::vector<float> {
            const cv::Mat rgb = loadRgb(kBbt / person / (person + std::to_string(index) + ".png"));
            const std::vector<FaceDetection> faces = detector.detectWithContext(rgb);
            if (faces.empty())
                return {};
            const auto largest =
                std::max_element(faces.begin(), faces.end(), [](const auto& a, const auto& b) {
                    return a.width() * a.height() < b.width() * b.height();
                });
            return e.embedVectors({FaceAligner::align(rgb, largest->landmarks, e.chipTemplate())})[0];
        };
        std::vector<std::vector<float>> references, probes;
        for (const std::string& person : kPeople) {
            references.push_back(faceOf(person, 1));
            probes.push_back(faceOf(person, 2));
            QVERIFY2(!references.back().empty() && !probes.back().empty(), person.c_str());
        }
        double same = 0, different = 0;
        for (size_t p = 0; p < probes.size(); ++p) {
            size_t best = 0;
            double bestSimilarity = -2;
            for (size_t r = 0; r < references.size(); ++r) {
                const double similarity = 1.0 - e.distance(probes[p], references[r]);
                (p == r ? same : different) += similarity;
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = r;
                }
            }
            QVERIFY2(best == p, qPrintable(QStringLiteral("%1 taken for %2")
                                               .arg(QString::fromStdString(kPeople[p]),
                                                    QString::fromStdString(kPeople[best]))));
        }
        same /= double(probes.size());
        different /= double(probes.size() * (probes.size() - 1));
        qInfo("mean cosine similarity: same person %.3f, different people %.3f", same, different);
        QVERIFY(same > different + 0.4);
        e.setMirrorAverage(false);
    }
};

QTEST_GUILESS_MAIN(TestEdgeFace)
#include "tst_edgeface.moc"
