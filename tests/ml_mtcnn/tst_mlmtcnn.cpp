// MTCNN: networks, area resampling, NMS, the detector's parity with facenet-pytorch, decoding, alignment.
#include "alignment/facealigner.h"
#include "common/device.h"
#include "common/imageerror.h"
#include "common/modelerror.h"
#include "detection/arearesampler.h"
#include "detection/detectionimage.h"
#include "detection/facecheck.h"
#include "detection/mtcnn.h"
#include "detection/nms.h"
#include "detection/onet.h"
#include "detection/preluops.h"
#include "detection/rnet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numeric>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>

using namespace kindred;
namespace fs = std::filesystem;

namespace {

const fs::path kShared = KINDRED_SHARED_DIR;
const fs::path kModels = KINDRED_MODELS_DIR;

struct RefFace {
    std::array<float, 4> box;
    float probability;
    FaceLandmarks landmarks;
};

std::map<QString, std::vector<RefFace>> loadReference()
{
    QFile file(QString::fromStdString((kShared / "reference/mtcnn_reference.json").string()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject images = QJsonDocument::fromJson(file.readAll()).object()["images"].toObject();
    std::map<QString, std::vector<RefFace>> out;
    for (auto it = images.begin(); it != images.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        const QJsonArray boxes = o["boxes"].toArray();
        const QJsonArray probs = o["probs"].toArray();
        const QJsonArray marks = o["landmarks"].toArray();
        std::vector<RefFace> faces;
        for (int i = 0; i < boxes.size(); ++i) {
            RefFace f{};
            for (int k = 0; k < 4; ++k)
                f.box[size_t(k)] = float(boxes[i].toArray()[k].toDouble());
            f.probability = float(probs[i].toDouble());
            for (int p = 0; p < 5; ++p)
                f.landmarks[size_t(p)] = {float(marks[i].toArray()[p].toArray()[0].toDouble()),
                                          float(marks[i].toArray()[p].toArray()[1].toDouble())};
            faces.push_back(f);
        }
        out[it.key()] = faces;
    }
    return out;
}

float iou(const std::array<float, 4>& a, const std::array<float, 4>& b)
{
    const float w = std::max(0.0f, std::min(a[2], b[2]) - std::max(a[0], b[0]));
    const float h = std::max(0.0f, std::min(a[3], b[3]) - std::max(a[1], b[1]));
    const float inter = w * h;
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
}

MtcnnDetector& detector()
{
    static MtcnnDetector instance = MtcnnDetector::fromDirectory(kModels);
    return instance;
}

void writeBytes(const fs::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

std::string readBytes(const fs::path& path)
{
    std::string bytes(fs::file_size(path), '\0');
    std::ifstream in(path, std::ios::binary);
    in.read(bytes.data(), std::streamsize(bytes.size()));
    return bytes;
}

// A JPEG with an EXIF APP1 segment holding only the orientation tag.
std::string withExifOrientation(const std::string& jpeg, uint16_t orientation)
{
    std::string tiff = std::string("II*\0", 4) + std::string("\x08\0\0\0", 4) + std::string("\x01\0", 2) +
                       std::string("\x12\x01\x03\0\x01\0\0\0", 8) + char(orientation) +
                       std::string("\0\0\0", 3) + std::string("\0\0\0\0", 4);
    const std::string payload = std::string("Exif\0\0", 6) + tiff;
    const size_t length = payload.size() + 2;
    const std::string app1 = std::string("\xFF\xE1", 2) + char(length >> 8) + char(length & 0xFF) + payload;
    return jpeg.substr(0, 2) + app1 + jpeg.substr(2);
}

// A dev-set photo (path under shared/photos/devset) as RGB; empty when the dev set is not there.
cv::Mat devsetPhoto(const QString& image)
{
    const fs::path path = kShared / "photos/devset" / image.toStdString();
    cv::Mat rgb;
    if (fs::exists(path))
        cv::cvtColor(cv::imread(path.string(), cv::IMREAD_COLOR), rgb, cv::COLOR_BGR2RGB);
    return rgb;
}

// The detection found again at a labelled box (IoU > 0.7), or -1.
int foundAgain(const std::vector<FaceDetection>& faces, const QRectF& box)
{
    const std::array<float, 4> want{float(box.left()), float(box.top()), float(box.right()),
                                    float(box.bottom())};
    int match = -1;
    for (size_t i = 0; i < faces.size(); ++i)
        if (iou(faces[i].box, want) > 0.7f)
            match = int(i);
    return match;
}

} // namespace

class TestMlMtcnn : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void areaResampler_data();
    void areaResampler();
    void nms_data();
    void nms();
    void nmsManyBoxes_data();
    void nmsManyBoxes();
    void pnetLayouts_data();
    void pnetLayouts();
    void preluOps_data();
    void preluOps();
    void stageNetLayouts_data();
    void stageNetLayouts();
    void networksFromBothSources();
    void wrongShapeIntoNetwork();
    void parity_data();
    void parity();
    void badImages_data();
    void badImages();
    void fastDecodeGeometry_data();
    void fastDecodeGeometry();
    void similarity();
    void alignLandmarks();
    void detectWithContext_data();
    void detectWithContext();
    void faceCheck_data();
    void faceCheck();
    void secondBoxes_data();
    void secondBoxes();
    void secondBoxesOnPhotos_data();
    void secondBoxesOnPhotos();
    void cropBox_data();
    void cropBox();
    void cropsFromPart_data();
    void cropsFromPart();
    void device_data();
    void device();
};

void TestMlMtcnn::areaResampler_data()
{
    QTest::addColumn<QRect>("region");
    QTest::addColumn<QSize>("out");
    QTest::newRow("whole, down 0.6") << QRect(0, 0, 97, 61) << QSize(59, 37);
    QTest::newRow("whole, down odd") << QRect(0, 0, 97, 61) << QSize(13, 9);
    QTest::newRow("crop, down to 24") << QRect(10, 5, 50, 41) << QSize(24, 24);
    QTest::newRow("crop, up to 48") << QRect(3, 7, 20, 17) << QSize(48, 48);
    QTest::newRow("single pixel") << QRect(96, 60, 1, 1) << QSize(24, 24);
    QTest::newRow("identity") << QRect(0, 0, 97, 61) << QSize(97, 61);
}

void TestMlMtcnn::areaResampler()
{
    // Must equal torch's interpolate(mode="area") = adaptive_avg_pool2d, which facenet-pytorch uses.
    QFETCH(QRect, region);
    QFETCH(QSize, out);
    cv::Mat image(61, 97, CV_8UC3);
    cv::randu(image, cv::Scalar::all(0), cv::Scalar::all(256));
    const AreaResampler resampler(image);
    torch::Tensor mine = torch::empty({3, out.height(), out.width()});
    resampler.resample(region.x(), region.y(), region.width(), region.height(), out.width(), out.height(),
                       mine.data_ptr<float>());
    const torch::Tensor whole =
        torch::from_blob(image.data, {61, 97, 3}, torch::kUInt8).permute({2, 0, 1}).to(torch::kFloat);
    const torch::Tensor crop = whole.slice(1, region.y(), region.y() + region.height())
                                   .slice(2, region.x(), region.x() + region.width())
                                   .unsqueeze(0);
    const torch::Tensor expected =
        (torch::adaptive_avg_pool2d(crop, {out.height(), out.width()})[0] - 127.5) * 0.0078125;
    const float diff = (mine - expected).abs().max().item<float>();
    QVERIFY2(diff < 1e-5f, qPrintable(QString::number(diff)));
}

void TestMlMtcnn::nms_data()
{
    QTest::addColumn<bool>("minimum");
    QTest::addColumn<float>("threshold");
    QTest::addColumn<QList<int>>("expected");
    // Boxes: 0 and 1 overlap with IoU 0.68 (81/119); 2 is inside 0 (min-overlap 1, IoU 0.36); 3 is apart.
    QTest::newRow("iou 0.5") << false << 0.5f << QList<int>{1, 2, 3};
    QTest::newRow("iou 0.7") << false << 0.7f << QList<int>{1, 0, 2, 3};
    QTest::newRow("min 0.7") << true << 0.7f << QList<int>{1, 3};
}

void TestMlMtcnn::nms()
{
    QFETCH(bool, minimum);
    QFETCH(float, threshold);
    QFETCH(QList<int>, expected);
    const std::vector<Nms::Box> boxes = {{0, 0, 10, 10}, {1, 1, 11, 11}, {0, 0, 6, 6}, {50, 50, 60, 60}};
    const std::vector<float> scores = {0.8f, 0.9f, 0.7f, 0.6f};
    const std::vector<int> kept =
        minimum ? Nms::minimum(boxes, scores, threshold) : Nms::iou(boxes, scores, threshold);
    QCOMPARE(QList<int>(kept.begin(), kept.end()), expected);
}

void TestMlMtcnn::nmsManyBoxes_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<float>("threshold");
    QTest::addColumn<bool>("crowded"); // many boxes of one size close together (a P-Net pyramid level)
    QTest::newRow("9000 boxes iou 0.7") << 9000 << 0.7f << false;
    QTest::newRow("3000 boxes iou 0.5") << 3000 << 0.5f << false;
    QTest::newRow("2000 crowded boxes iou 0.5") << 2000 << 0.5f << true;
    QTest::newRow("500 crowded boxes iou 0.05") << 500 << 0.05f << true;
    QTest::newRow("65 crowded boxes") << 65 << 0.5f << true;
}

// Large sets take the range-limited path: the kept boxes must be exactly those of comparing every pair.
void TestMlMtcnn::nmsManyBoxes()
{
    QFETCH(int, count);
    QFETCH(float, threshold);
    QFETCH(bool, crowded);
    std::mt19937 rng{uint32_t(count)};
    std::uniform_real_distribution<float> pos(0.0f, crowded ? 200.0f : 1600.0f);
    std::uniform_real_distribution<float> side(crowded ? 20.0f : 12.0f, crowded ? 24.0f : 400.0f);
    std::uniform_real_distribution<float> aspect(0.5f, 2.0f), score(0.6f, 1.0f);
    std::vector<Nms::Box> boxes;
    std::vector<float> scores;
    for (int k = 0; k < count; ++k) {
        const float x = pos(rng), y = pos(rng), w = side(rng), h = w * aspect(rng);
        boxes.push_back({x, y, x + w, y + h});
        // Ties in score keep their input order (stable), as torchvision's nms does.
        scores.push_back(k % 10 == 0 ? 0.9f : score(rng));
    }
    std::vector<int> order(boxes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return scores[size_t(a)] > scores[size_t(b)]; });
    std::vector<char> removed(boxes.size(), 0);
    std::vector<int> expected;
    for (size_t a = 0; a < order.size(); ++a) {
        if (removed[size_t(order[a])])
            continue;
        expected.push_back(order[a]);
        for (size_t b = a + 1; b < order.size(); ++b)
            if (Nms::boxIou(boxes[size_t(order[a])], boxes[size_t(order[b])]) > threshold)
                removed[size_t(order[b])] = 1;
    }
    const std::vector<int> kept = Nms::iou(boxes, scores, threshold);
    QVERIFY2(expected.size() < boxes.size(), "the set must have overlapping boxes");
    QCOMPARE(QList<int>(kept.begin(), kept.end()), QList<int>(expected.begin(), expected.end()));
}

void TestMlMtcnn::pnetLayouts_data()
{
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::newRow("even 48x64") << 48 << 64;
    QTest::newRow("odd 37x29 (ceil-mode pooling)") << 37 << 29;
    QTest::newRow("smallest 12x12") << 12 << 12;
    QTest::newRow("wide 13x301") << 13 << 301;
    QTest::newRow("tall 211x40 (odd: the last strip's pooling cut short)") << 211 << 40;
    QTest::newRow("tall 200x33") << 200 << 33;
}

// P-Net fuses PReLU and max-pooling on channels-last input (the detector's layout): the same numbers as
// LibTorch's own layers on a contiguous input.
void TestMlMtcnn::pnetLayouts()
{
    QFETCH(int, height);
    QFETCH(int, width);
    torch::NoGradGuard noGrad;
    PNet net;
    net->loadWeights(MtcnnWeights::loadTfjsPack(kModels).pnet);
    net->eval();
    torch::manual_seed(height * 1000 + width);
    const torch::Tensor nhwc = torch::rand({2, height, width, 3}) * 2 - 1;
    const torch::Tensor channelsLast = nhwc.permute({0, 3, 1, 2});
    QVERIFY(channelsLast.is_contiguous(at::MemoryFormat::ChannelsLast));
    const auto [p1, r1] = net->forward(channelsLast);
    const auto [p2, r2] = net->forward(channelsLast.contiguous());
    QCOMPARE(p1.sizes().vec(), p2.sizes().vec());
    QVERIFY2((p1 - p2).abs().max().item<float>() < 1e-5f,
             qPrintable(QString::number((p1 - p2).abs().max().item<float>())));
    QVERIFY((r1 - r2).abs().max().item<float>() < 1e-5f);

    // In strips of 20-odd rows (forwardInStrips): the same outputs as in one piece.
    const torch::Tensor one = channelsLast.narrow(0, 0, 1);
    QVERIFY(one.is_contiguous(at::MemoryFormat::ChannelsLast));
    const auto [p3, r3] = net->forwardInStrips(one, 30 * width);
    QCOMPARE(p3.sizes().vec(), p2.narrow(0, 0, 1).sizes().vec());
    QCOMPARE(r3.sizes().vec(), r2.narrow(0, 0, 1).sizes().vec());
    QVERIFY2((p3 - p2.narrow(0, 0, 1)).abs().max().item<float>() < 1e-5f,
             qPrintable(QString::number((p3 - p2.narrow(0, 0, 1)).abs().max().item<float>())));
    QVERIFY((r3 - r2.narrow(0, 0, 1)).abs().max().item<float>() < 1e-5f);
}

void TestMlMtcnn::preluOps_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::newRow("P-Net conv1 2/2, even") << 10 << 20 << 30 << 2 << 2;
    QTest::newRow("P-Net conv1 2/2, odd") << 10 << 21 << 7 << 2 << 2;
    QTest::newRow("R-Net conv1 3/2") << 28 << 22 << 22 << 3 << 2;
    QTest::newRow("R-Net conv2 3/2 (ceil: window cut by the edge)") << 48 << 9 << 9 << 3 << 2;
    QTest::newRow("O-Net conv2 3/2, even") << 64 << 22 << 22 << 3 << 2;
    QTest::newRow("O-Net conv3 2/2") << 64 << 8 << 8 << 2 << 2;
    QTest::newRow("other channel count 5, 3/2") << 5 << 11 << 6 << 3 << 2;
    QTest::newRow("window as large as the input") << 16 << 3 << 3 << 3 << 2;
    QTest::newRow("stride 1") << 32 << 7 << 9 << 3 << 1;
}

// The detector's PReLU and PReLU + max-pool on channels-last tensors: exactly LibTorch's prelu and
// max_pool2d(ceil_mode) on the same values (negative slopes included: PReLU is then not monotonic, so it must
// come before the maximum), and PReLU in place on a linear layer's N x C output.
void TestMlMtcnn::preluOps()
{
    QFETCH(int, channels);
    QFETCH(int, height);
    QFETCH(int, width);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    torch::NoGradGuard noGrad;
    torch::manual_seed(channels * 7919 + height * 31 + width);
    const torch::Tensor slopes = torch::randn({channels}) * 0.5;
    QVERIFY((slopes < 0).any().item<bool>());
    const torch::Tensor x = (torch::randn({3, height, width, channels}) * 2).permute({0, 3, 1, 2});
    QVERIFY(PreluOps::channelsInnermost(x));
    namespace F = torch::nn::functional;
    const torch::Tensor expected = F::max_pool2d(
        torch::prelu(x.contiguous(), slopes), F::MaxPool2dFuncOptions(kernel).stride(stride).ceil_mode(true));
    const torch::Tensor pooled = PreluOps::preluMaxPool(x, slopes, kernel, stride);
    QVERIFY(pooled.is_contiguous(at::MemoryFormat::ChannelsLast));
    QCOMPARE(pooled.sizes().vec(), expected.sizes().vec());
    QVERIFY(torch::equal(pooled.contiguous(), expected));

    const torch::Tensor expectedPrelu = torch::prelu(x.contiguous(), slopes);
    torch::Tensor inPlace = x.clone(at::MemoryFormat::ChannelsLast);
    const torch::Tensor result = PreluOps::prelu(inPlace, slopes);
    QCOMPARE(result.data_ptr(), inPlace.data_ptr());
    QVERIFY(torch::equal(result.contiguous(), expectedPrelu));

    const torch::Tensor rows = torch::randn({5, channels});
    const torch::Tensor expectedRows = torch::prelu(rows, slopes);
    QVERIFY(torch::equal(PreluOps::prelu(rows.clone(), slopes), expectedRows));

    // Recording autograd: LibTorch's own layers (nothing in place, gradients flow).
    torch::AutoGradMode grad(true);
    const torch::Tensor leaf = x.clone(at::MemoryFormat::ChannelsLast).requires_grad_(true);
    QVERIFY(!PreluOps::channelsInnermost(leaf));
    const torch::Tensor viaLibTorch = PreluOps::preluMaxPool(leaf, slopes, kernel, stride);
    QVERIFY(viaLibTorch.requires_grad());
    QVERIFY(torch::equal(viaLibTorch.detach().contiguous(), expected));
}

void TestMlMtcnn::stageNetLayouts_data()
{
    QTest::addColumn<int>("batch");
    QTest::newRow("one crop") << 1;
    QTest::newRow("37 crops") << 37;
}

// R-Net and O-Net as the detector runs them (channels-last weights and crops): the same outputs as LibTorch's
// layers on contiguous memory.
void TestMlMtcnn::stageNetLayouts()
{
    QFETCH(int, batch);
    torch::NoGradGuard noGrad;
    const MtcnnStateDicts weights = MtcnnWeights::loadTfjsPack(kModels);
    RNet rnetPlain, rnetLast;
    ONet onetPlain, onetLast;
    rnetPlain->loadWeights(weights.rnet);
    rnetLast->loadWeights(weights.rnet);
    onetPlain->loadWeights(weights.onet);
    onetLast->loadWeights(weights.onet);
    for (torch::nn::Module* net :
         {static_cast<torch::nn::Module*>(rnetLast.get()), static_cast<torch::nn::Module*>(onetLast.get())})
        for (auto& parameter : net->parameters())
            if (parameter.dim() == 4)
                parameter.set_data(parameter.contiguous(at::MemoryFormat::ChannelsLast));
    torch::manual_seed(batch);
    const auto close = [](const torch::Tensor& a, const torch::Tensor& b) {
        return a.sizes() == b.sizes() && (a - b).abs().max().item<float>() < 1e-4f;
    };
    const torch::Tensor r = torch::rand({batch, 24, 24, 3}) * 2 - 1;
    const auto [rp1, rr1] = rnetLast->forward(r.permute({0, 3, 1, 2}));
    const auto [rp2, rr2] = rnetPlain->forward(r.permute({0, 3, 1, 2}).contiguous());
    QVERIFY(close(rp1, rp2));
    QVERIFY(close(rr1, rr2));
    const torch::Tensor o = torch::rand({batch, 48, 48, 3}) * 2 - 1;
    const ONetOutput o1 = onetLast->forward(o.permute({0, 3, 1, 2}));
    const ONetOutput o2 = onetPlain->forward(o.permute({0, 3, 1, 2}).contiguous());
    QVERIFY(close(o1.probability, o2.probability));
    QVERIFY(close(o1.regression, o2.regression));
    QVERIFY(close(o1.landmarks, o2.landmarks));
}

void TestMlMtcnn::networksFromBothSources()
{
    torch::NoGradGuard noGrad;
    const MtcnnStateDicts a = MtcnnWeights::loadTfjsPack(kModels);
    const MtcnnStateDicts b = MtcnnWeights::loadFacenetPytorch(kShared / "models/facenet-pytorch");
    PNet pa, pb;
    ONet oa, ob;
    pa->loadWeights(a.pnet);
    pb->loadWeights(b.pnet);
    oa->loadWeights(a.onet);
    ob->loadWeights(b.onet);
    torch::manual_seed(7);
    const torch::Tensor x = torch::rand({2, 3, 48, 48}) * 2 - 1;
    QVERIFY(torch::equal(pa->forward(x).first, pb->forward(x).first));
    const ONetOutput ra = oa->forward(x);
    const ONetOutput rb = ob->forward(x);
    QVERIFY(torch::equal(ra.landmarks, rb.landmarks));
    QCOMPARE(ra.probability.sizes().vec(), (std::vector<int64_t>{2}));
}

void TestMlMtcnn::wrongShapeIntoNetwork()
{
    MtcnnStateDicts weights = MtcnnWeights::loadTfjsPack(kModels);
    weights.rnet["dense4.weight"] = weights.rnet["dense4.weight"].t();
    try {
        MtcnnDetector broken(weights);
        QFAIL("no error thrown");
    } catch (const ModelError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("R-Net: tensor 'dense4.weight' has shape [576, 128]"),
                 e.what());
    }
}

void TestMlMtcnn::parity_data()
{
    QTest::addColumn<QString>("photo");
    QTest::addColumn<bool>("fast");
    const auto reference = loadReference();
    QVERIFY(!reference.empty());
    for (const auto& [name, faces] : reference) {
        QTest::addRow("%s full-res", qPrintable(name)) << name << false;
        QTest::addRow("%s fast-decode", qPrintable(name)) << name << true;
    }
}

void TestMlMtcnn::parity()
{
    QFETCH(QString, photo);
    QFETCH(bool, fast);
    const std::vector<RefFace> reference = loadReference().at(photo);
    DetectionImageOptions options;
    options.minLongSide = fast ? DetectionImageOptions{}.minLongSide : 0;
    const DecodedImage image = DetectionImage::decode(kShared / "photos/dev" / photo.toStdString(), options);
    QCOMPARE(image.reduction == 1, !fast || std::max(image.fullWidth, image.fullHeight) < 2048);
    const std::vector<FaceDetection> faces =
        DetectionImage::toFullResolution(detector().detect(image.rgb), image);

    // Full resolution must match facenet-pytorch closely. Fast decode detects on a 1/2 DCT-scaled JPEG:
    // pixels are averaged differently, so boxes move by a few pixels (observed IoU >= 0.93, landmark error
    // <= 1.5% of the box, probability within 0.005 on these photos); the tolerances below leave a margin over
    // that.
    const float minIou = fast ? 0.85f : 0.9f;
    const float landmarkTolerance = fast ? 0.05f : 0.03f;
    const float probabilityTolerance = fast ? 0.05f : 0.02f;
    std::vector<bool> used(faces.size(), false);
    for (const RefFace& ref : reference) {
        if (ref.probability < 0.9f)
            continue;
        int best = -1;
        float bestIou = 0;
        for (size_t i = 0; i < faces.size(); ++i)
            if (iou(faces[i].box, ref.box) > bestIou) {
                bestIou = iou(faces[i].box, ref.box);
                best = int(i);
            }
        QVERIFY2(best >= 0 && bestIou >= minIou,
                 qPrintable(QString("reference face at %1,%2 not found (best IoU %3)")
                                .arg(ref.box[0])
                                .arg(ref.box[1])
                                .arg(bestIou)));
        const FaceDetection& f = faces[size_t(best)];
        used[size_t(best)] = true;
        QVERIFY2(std::abs(f.probability - ref.probability) <= probabilityTolerance,
                 qPrintable(QString("probability %1 vs %2").arg(f.probability).arg(ref.probability)));
        const float width = ref.box[2] - ref.box[0];
        for (size_t p = 0; p < 5; ++p) {
            const float dx = f.landmarks[p][0] - ref.landmarks[p][0];
            const float dy = f.landmarks[p][1] - ref.landmarks[p][1];
            QVERIFY2(std::sqrt(dx * dx + dy * dy) <= landmarkTolerance * width,
                     qPrintable(QString("landmark %1 off by %2 px (box width %3)")
                                    .arg(p)
                                    .arg(std::sqrt(dx * dx + dy * dy))
                                    .arg(width)));
        }
    }
    for (size_t i = 0; i < faces.size(); ++i) {
        if (used[i] || faces[i].probability < 0.9f)
            continue;
        bool known = false; // a face the reference also has (below 0.9 there) is not an extra
        for (const RefFace& ref : reference)
            known = known || iou(faces[i].box, ref.box) >= 0.5f;
        QVERIFY2(known, qPrintable(QString("extra face at %1,%2 p=%3")
                                       .arg(faces[i].box[0])
                                       .arg(faces[i].box[1])
                                       .arg(faces[i].probability)));
    }
}

void TestMlMtcnn::badImages_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedError"); // empty = must decode and detect without error
    QTest::newRow("corrupt") << "corrupt"
                             << "cannot decode";
    QTest::newRow("truncated jpeg") << "truncated"
                                    << "";
    QTest::newRow("empty file") << "empty"
                                << "cannot decode";
    QTest::newRow("missing") << "missing"
                             << "does not exist";
    QTest::newRow("1x1") << "tiny"
                         << "";
    QTest::newRow("20000x20000 png header") << "huge-png"
                                            << "over the limit";
    QTest::newRow("20000x20000 jpeg header") << "huge-jpeg"
                                             << "over the limit";
    QTest::newRow("over a small limit") << "limit"
                                        << "over the limit";
    QTest::newRow("grayscale") << "gray"
                               << "";
    QTest::newRow("cmyk jpeg") << "cmyk"
                               << "";
    QTest::newRow("16-bit png") << "png16"
                                << "";
    QTest::newRow("alpha png") << "alpha"
                               << "";
}

void TestMlMtcnn::badImages()
{
    QFETCH(QString, kind);
    QFETCH(QString, expectedError);
    QTemporaryDir tmp;
    const fs::path dir = tmp.path().toStdString();
    fs::path file = dir / "image.jpg";
    DetectionImageOptions options;
    cv::Mat face = cv::imread((kShared / "photos/dev/faces.jpg").string()); // BGR, 710x473
    if (kind == "corrupt") {
        writeBytes(file, std::string("\xFF\xD8\xFF\xE0garbage that is not a jpeg", 29));
    } else if (kind == "truncated") {
        const std::string bytes = readBytes(kShared / "photos/dev/faces.jpg");
        writeBytes(file, bytes.substr(0, bytes.size() / 2));
    } else if (kind == "empty") {
        writeBytes(file, "");
    } else if (kind == "missing") {
        file = dir / "nothing-here.jpg";
    } else if (kind == "tiny") {
        file = dir / "tiny.png";
        cv::imwrite(file.string(), cv::Mat(1, 1, CV_8UC3, cv::Scalar(10, 20, 30)));
    } else if (kind == "huge-png") {
        // A valid PNG signature + IHDR for 20000x20000 and no pixel data: it must be refused from the header.
        file = dir / "huge.png";
        std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x4e\x20\0\0\x4e\x20\x08\x02\0\0\0\0\0\0\0", 33);
        writeBytes(file, png);
    } else if (kind == "huge-jpeg") {
        std::string jpeg("\xFF\xD8\xFF\xC0\0\x11\x08\x4e\x20\x4e\x20\x03\x01\x22\0\x02\x11\x01\x03\x11\x01",
                         21);
        writeBytes(file, jpeg);
    } else if (kind == "limit") {
        cv::imwrite(file.string(), face);
        options.maxPixels = 1000;
    } else if (kind == "gray") {
        cv::Mat gray;
        cv::cvtColor(face, gray, cv::COLOR_BGR2GRAY);
        cv::imwrite(file.string(), gray);
    } else if (kind == "cmyk") {
        // Qt 6.4 and OpenCV cannot write CMYK JPEGs; ImageMagick (installed with the build tools) can.
        const QString convert = QStandardPaths::findExecutable(QStringLiteral("convert"));
        if (convert.isEmpty())
            QSKIP("ImageMagick's convert is not installed");
        QProcess process;
        process.start(convert, {QString::fromStdString((kShared / "photos/dev/faces.jpg").string()),
                                QStringLiteral("-colorspace"), QStringLiteral("CMYK"),
                                QString::fromStdString(file.string())});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(readBytes(file).substr(0, 2), std::string("\xFF\xD8"));
    } else if (kind == "png16") {
        file = dir / "deep.png";
        cv::Mat deep;
        face.convertTo(deep, CV_16UC3, 257.0);
        cv::imwrite(file.string(), deep);
    } else if (kind == "alpha") {
        file = dir / "alpha.png";
        cv::Mat bgra;
        cv::cvtColor(face, bgra, cv::COLOR_BGR2BGRA);
        cv::imwrite(file.string(), bgra);
    }
    try {
        const DecodedImage image = DetectionImage::decode(file, options);
        QVERIFY2(expectedError.isEmpty(), "no error thrown");
        QCOMPARE(image.rgb.type(), CV_8UC3);
        const std::vector<FaceDetection> faces = detector().detect(image.rgb);
        if (kind == "gray" || kind == "png16" || kind == "alpha" || kind == "cmyk")
            QVERIFY2(faces.size() >= 5,
                     qPrintable(QString::number(faces.size()))); // faces.jpg holds six faces
        if (kind == "tiny")
            QVERIFY(faces.empty());
    } catch (const ImageError& e) {
        QVERIFY2(!expectedError.isEmpty() && QString::fromUtf8(e.what()).contains(expectedError), e.what());
    }
}

void TestMlMtcnn::fastDecodeGeometry_data()
{
    QTest::addColumn<int>("orientation");
    QTest::addColumn<int>("minLongSide");
    QTest::addColumn<int>("reduction");
    QTest::newRow("upright, 1/2") << 1 << 1000 << 2;
    QTest::newRow("upright, 1/4") << 1 << 500 << 4;
    QTest::newRow("upright, full") << 1 << 0 << 1;
    QTest::newRow("rotated 90, 1/2") << 6 << 1000 << 2;
    QTest::newRow("rotated 90, full") << 6 << 0 << 1;
}

void TestMlMtcnn::fastDecodeGeometry()
{
    // A 2001x1203 JPEG: reductions round up (1001x602 at 1/2), EXIF orientation 6 swaps the full size.
    QFETCH(int, orientation);
    QFETCH(int, minLongSide);
    QFETCH(int, reduction);
    QTemporaryDir tmp;
    const fs::path file = fs::path(tmp.path().toStdString()) / "big.jpg";
    cv::Mat big(1203, 2001, CV_8UC3, cv::Scalar(90, 120, 200));
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", big, jpeg);
    writeBytes(file, withExifOrientation(std::string(jpeg.begin(), jpeg.end()), uint16_t(orientation)));
    DetectionImageOptions options;
    options.minLongSide = minLongSide;
    const DecodedImage image = DetectionImage::decode(file, options);
    QCOMPARE(image.reduction, reduction);
    const bool rotated = orientation == 6;
    QCOMPARE(image.fullWidth, rotated ? 1203 : 2001);
    QCOMPARE(image.fullHeight, rotated ? 2001 : 1203);
    QCOMPARE(image.rgb.cols, (image.fullWidth + reduction - 1) / reduction);
    QCOMPARE(image.rgb.rows, (image.fullHeight + reduction - 1) / reduction);
    QCOMPARE(image.scaleX, double(reduction));
    FaceDetection f;
    f.box = {10, 20, 30, 40};
    QCOMPARE(DetectionImage::toFullResolution({f}, image)[0].box[2], 30.0f * float(reduction));
}

void TestMlMtcnn::similarity()
{
    // A known similarity (rotation 20 degrees, scale 1.7, shift) is recovered exactly from five points.
    const double angle = 20 * CV_PI / 180, scale = 1.7;
    std::array<cv::Point2d, 5> from = {{{10, 20}, {50, 22}, {30, 45}, {15, 70}, {48, 69}}}, to{};
    for (size_t i = 0; i < 5; ++i)
        to[i] = {scale * (std::cos(angle) * from[i].x - std::sin(angle) * from[i].y) + 5,
                 scale * (std::sin(angle) * from[i].x + std::cos(angle) * from[i].y) - 3};
    const cv::Matx23d m = FaceAligner::similarity(from, to);
    QVERIFY(std::abs(m(0, 0) - scale * std::cos(angle)) < 1e-9);
    QVERIFY(std::abs(m(1, 0) - scale * std::sin(angle)) < 1e-9);
    QVERIFY(std::abs(m(0, 2) - 5) < 1e-9);
    QVERIFY(std::abs(m(1, 2) + 3) < 1e-9);
}

void TestMlMtcnn::detectWithContext_data()
{
    QTest::addColumn<QString>("image"); // relative to shared/photos
    QTest::addColumn<bool>("fillsImage");
    QTest::newRow("tight grayscale crop amy1") << "bbt/amy/amy1.png" << true;
    QTest::newRow("tight grayscale crop raj3") << "bbt/raj/raj3.png" << true;
    QTest::newRow("tight grayscale crop sheldon5") << "bbt/sheldon/sheldon5.png" << true;
    QTest::newRow("group photo") << "dev/multiface.jpg" << false;
}

// A face that fills the image is found with its landmarks on a padded canvas; a photo with ordinary faces
// gets exactly what detect() finds.
void TestMlMtcnn::detectWithContext()
{
    QFETCH(QString, image);
    QFETCH(bool, fillsImage);
    cv::Mat rgb;
    cv::cvtColor(cv::imread((kShared / "photos" / image.toStdString()).string(), cv::IMREAD_COLOR), rgb,
                 cv::COLOR_BGR2RGB);
    QVERIFY(!rgb.empty());
    bool padded = false;
    const std::vector<FaceDetection> faces = detector().detectWithContext(rgb, &padded);
    QCOMPARE(padded, fillsImage);
    QVERIFY(!faces.empty());
    if (!fillsImage) {
        const std::vector<FaceDetection> plain = detector().detect(rgb);
        QCOMPARE(faces.size(), plain.size());
        for (size_t i = 0; i < faces.size(); ++i)
            QCOMPARE(faces[i].box, plain[i].box);
        return;
    }
    // The face covers most of the crop, and its eyes, nose and mouth lie inside it, in the right order.
    const FaceDetection& f = faces.front();
    QVERIFY(f.width() > 0.5f * float(rgb.cols));
    for (const auto& p : f.landmarks)
        QVERIFY(p[0] >= 0 && p[1] >= 0 && p[0] < float(rgb.cols) && p[1] < float(rgb.rows));
    QVERIFY(f.landmarks[0][0] < f.landmarks[1][0]);       // left eye left of the right
    QVERIFY(f.landmarks[2][1] > f.landmarks[0][1]);       // nose below the eyes
    QVERIFY(f.landmarks[3][1] > f.landmarks[2][1]);       // mouth below the nose
    QVERIFY(FaceAligner::turnedAway(f.landmarks) < 0.45); // these crops look at the camera
}

void TestMlMtcnn::faceCheck_data()
{
    // Detections of the face job on dev-set photos, labelled by looking (bench/facecheck/labels.tsv): the
    // box in photo pixels, and whether it is a face.
    QTest::addColumn<QString>("image"); // relative to shared/photos/devset
    QTest::addColumn<QRectF>("box");
    QTest::addColumn<bool>("face");
    const QString wider = QStringLiteral("wider_groups/images/");
    const QString cfp = QStringLiteral("cfp_loose/images/");
    QTest::newRow("hand holding a stick, 117 px")
        << wider + "0--Parade/0_Parade_Parade_0_459.jpg"
        << QRectF(QPointF(-2.1, 805.8), QPointF(114.6, 944.8)) << false;
    QTest::newRow("fist, 74 px") << wider + "13--Interview/13_Interview_Interview_Sequences_13_268.jpg"
                                 << QRectF(QPointF(95.0, 349.0), QPointF(169.3, 438.0)) << false;
    QTest::newRow("ear at the crop's edge") << cfp + "378_Paul_Ryan/frontal_04.jpg"
                                            << QRectF(QPointF(-25.5, 42.9), QPointF(26.7, 106.0)) << false;
    QTest::newRow("ear of a profile") << cfp + "426_Saif_Ali_Khan/profile_04.jpg"
                                      << QRectF(QPointF(201.4, -36.4), QPointF(316.1, 114.7)) << false;
    QTest::newRow("neck with an earring") << cfp + "302_Madhuri_Dixit/profile_02.jpg"
                                          << QRectF(QPointF(-20.6, 141.2), QPointF(65.7, 258.8)) << false;
    QTest::newRow("face cut by the photo's edge")
        << wider + "0--Parade/0_Parade_Parade_0_12.jpg"
        << QRectF(QPointF(1009.2, 131.8), QPointF(1039.8, 167.4)) << true;
    QTest::newRow("face half hidden, glasses")
        << wider + "0--Parade/0_Parade_Parade_0_377.jpg"
        << QRectF(QPointF(349.5, 335.5), QPointF(380.3, 373.2)) << true;
    QTest::newRow("small face in a crowd, 17 px")
        << wider + "0--Parade/0_Parade_Parade_0_639.jpg"
        << QRectF(QPointF(424.6, 290.5), QPointF(441.2, 312.5)) << true;
    QTest::newRow("profile") << cfp + "319_Mark_Teixeira/profile_02.jpg"
                             << QRectF(QPointF(32.2, -17.4), QPointF(149.7, 125.1)) << true;
}

// The face check after detection keeps faces (also cut by the edge, half hidden, small or in profile) and
// hides hands, ears and necks that MTCNN took for faces.
void TestMlMtcnn::faceCheck()
{
    QFETCH(QString, image);
    QFETCH(QRectF, box);
    QFETCH(bool, face);
    const cv::Mat rgb = devsetPhoto(image);
    if (rgb.empty())
        QSKIP("the dev set is not in ../shared/photos/devset");
    QVERIFY(std::max(rgb.cols, rgb.rows) <= 1600); // the face job detects at this size
    const std::vector<FaceDetection> faces = detector().detectWithContext(rgb);
    const int match = foundAgain(faces, box);
    QVERIFY2(match >= 0, "the labelled detection is found again");
    const std::vector<double> confidence = FaceCheck::confidence(detector(), rgb, faces);
    QCOMPARE(confidence.size(), faces.size());
    QCOMPARE(FaceCheck::isFace(confidence[size_t(match)]), face);
    // Not near the bar: a small change of decoder or library must not flip it.
    QVERIFY2(std::abs(confidence[size_t(match)] - FaceCheck::kMinConfidence) > 1.0,
             qPrintable(QString::number(confidence[size_t(match)])));
    // Each detection is checked on its own: the same answer alone as among the photo's others (up to the
    // rounding of a batched network run).
    const std::vector<double> alone = FaceCheck::confidence(detector(), rgb, {faces[size_t(match)]});
    QVERIFY(std::abs(alone.front() - confidence[size_t(match)]) < 1e-4);
}

void TestMlMtcnn::secondBoxes_data()
{
    // Boxes (x1, y1, x2, y2) with their check confidences, and which of them are second boxes on a face.
    QTest::addColumn<QList<QRectF>>("boxes");
    QTest::addColumn<QList<double>>("confidence");
    QTest::addColumn<QList<bool>>("second");
    QTest::addColumn<QList<bool>>("keep"); // the family's boxes (empty: none)
    const auto box = [](double x1, double y1, double x2, double y2) {
        return QRectF(QPointF(x1, y1), QPointF(x2, y2));
    };
    // IoU of two 100 px boxes shifted by d: (100 - d) / (100 + d); 0.35 at d = 48.1.
    QTest::newRow("one box") << QList<QRectF>{box(0, 0, 100, 100)} << QList<double>{9} << QList<bool>{false}
                             << QList<bool>{};
    QTest::newRow("half a face beside it (IoU 0.43)")
        << QList<QRectF>{box(0, 0, 100, 100), box(40, 0, 140, 100)} << QList<double>{8.6, 2.9}
        << QList<bool>{false, true} << QList<bool>{};
    QTest::newRow("the stronger one second in the list")
        << QList<QRectF>{box(40, 0, 140, 100), box(0, 0, 100, 100)} << QList<double>{2.9, 8.6}
        << QList<bool>{true, false} << QList<bool>{};
    QTest::newRow("two faces side by side (IoU 0.33)")
        << QList<QRectF>{box(0, 0, 100, 100), box(50, 0, 150, 100)} << QList<double>{8.6, 2.9}
        << QList<bool>{false, false} << QList<bool>{};
    QTest::newRow("a hidden non-face hides nothing")
        << QList<QRectF>{box(0, 0, 100, 100), box(20, 0, 120, 100)}
        << QList<double>{FaceCheck::kMinConfidence - 0.3, 4.0} << QList<bool>{false, false} << QList<bool>{};
    QTest::newRow("a hidden non-face is not also a second box")
        << QList<QRectF>{box(0, 0, 100, 100), box(20, 0, 120, 100)} << QList<double>{6.0, -2.0}
        << QList<bool>{false, false} << QList<bool>{};
    // b overlaps a and c, a and c do not overlap: b goes, c stays (only kept faces hide others).
    QTest::newRow("a chain keeps its best and the box apart from it")
        << QList<QRectF>{box(0, 0, 100, 100), box(40, 0, 140, 100), box(80, 0, 180, 100)}
        << QList<double>{9, 7, 5} << QList<bool>{false, true, false} << QList<bool>{};
    QTest::newRow("at the bar exactly (IoU 0.35)")
        << QList<QRectF>{box(0, 0, 100, 100), box(0, 0, 35, 100)} << QList<double>{9, 5}
        << QList<bool>{false, true} << QList<bool>{};
    QTest::newRow("no confidence (NaN) passes nothing and hides nothing")
        << QList<QRectF>{box(0, 0, 100, 100), box(40, 0, 140, 100)}
        << QList<double>{std::numeric_limits<double>::quiet_NaN(), 2.9} << QList<bool>{false, false}
        << QList<bool>{};
    QTest::newRow("a named box hides a surer one beside it")
        << QList<QRectF>{box(0, 0, 100, 100), box(40, 0, 140, 100)} << QList<double>{0.2, 16.8}
        << QList<bool>{false, true} << QList<bool>{true, false};
    QTest::newRow("two named boxes are both kept")
        << QList<QRectF>{box(0, 0, 100, 100), box(40, 0, 140, 100)} << QList<double>{9, 2}
        << QList<bool>{false, false} << QList<bool>{true, true};
    QTest::newRow("a small box inside a large one (IoU 0.25)")
        << QList<QRectF>{box(0, 0, 200, 200), box(50, 50, 150, 150)} << QList<double>{9, 5}
        << QList<bool>{false, false} << QList<bool>{};
}

// Two boxes on one face (MTCNN's last NMS measures overlap over the smaller box at 0.7 and keeps both): the
// one the check is less sure of is a second box; faces beside each other are not.
void TestMlMtcnn::secondBoxes()
{
    QFETCH(QList<QRectF>, boxes);
    QFETCH(QList<double>, confidence);
    QFETCH(QList<bool>, second);
    QFETCH(QList<bool>, keep);
    std::vector<FaceDetection> faces;
    for (const QRectF& r : boxes) {
        FaceDetection f;
        f.box = {float(r.left()), float(r.top()), float(r.right()), float(r.bottom())};
        faces.push_back(f);
    }
    const std::vector<bool> got =
        FaceCheck::secondBoxes(faces, std::vector<double>(confidence.begin(), confidence.end()),
                               std::vector<bool>(keep.begin(), keep.end()));
    QCOMPARE(QList<bool>(got.begin(), got.end()), second);
    // Confidences that do not belong to the boxes mark nothing.
    QCOMPARE(FaceCheck::secondBoxes(faces, {}), std::vector<bool>(faces.size(), false));
}

void TestMlMtcnn::secondBoxesOnPhotos_data()
{
    // Dev-set profiles where MTCNN puts a second box on the ear side of the head (both pass the face check),
    // and photos of faces that overlap (a face behind a hand, next to another): one shown box per face.
    QTest::addColumn<QString>("image"); // relative to shared/photos/devset
    QTest::addColumn<QRectF>("face");   // the face's box (photo pixels), shown
    QTest::addColumn<int>("second");    // second boxes expected in the photo
    const QString cfp = QStringLiteral("cfp_loose/images/");
    QTest::newRow("profile with a cap") << cfp + "319_Mark_Teixeira/profile_02.jpg"
                                        << QRectF(QPointF(32.2, -17.4), QPointF(149.7, 125.1)) << 1;
    QTest::newRow("profile with a headband") << cfp + "384_Petra_Kvitova/profile_02.jpg"
                                             << QRectF(QPointF(44.3, 74.2), QPointF(220.7, 307.9)) << 1;
    QTest::newRow("a face beside another, half behind it (IoU 0.22)")
        << QStringLiteral("wider_groups/images/0--Parade/0_Parade_Parade_0_502.jpg")
        << QRectF(QPointF(435.3, 387.1), QPointF(485.8, 449.1)) << 0;
}

void TestMlMtcnn::secondBoxesOnPhotos()
{
    QFETCH(QString, image);
    QFETCH(QRectF, face);
    QFETCH(int, second);
    const cv::Mat rgb = devsetPhoto(image);
    if (rgb.empty())
        QSKIP("the dev set is not in ../shared/photos/devset");
    const std::vector<FaceDetection> faces = detector().detectWithContext(rgb);
    const std::vector<double> confidence = FaceCheck::confidence(detector(), rgb, faces);
    const std::vector<bool> secondBoxes = FaceCheck::secondBoxes(faces, confidence);
    const int match = foundAgain(faces, face);
    QVERIFY2(match >= 0, "the face is found again");
    const int seconds = int(std::count(secondBoxes.begin(), secondBoxes.end(), true));
    QVERIFY(FaceCheck::isShown(confidence[size_t(match)], secondBoxes[size_t(match)]));
    QCOMPARE(seconds, second);
    // What is left shown holds no two boxes that overlap as much.
    for (size_t i = 0; i < faces.size(); ++i)
        for (size_t k = i + 1; k < faces.size(); ++k)
            if (FaceCheck::isShown(confidence[i], secondBoxes[i]) &&
                FaceCheck::isShown(confidence[k], secondBoxes[k]))
                QVERIFY(iou(faces[i].box, faces[k].box) < FaceCheck::kSecondBoxIou);
}

void TestMlMtcnn::alignLandmarks()
{
    // Detect the faces of faces.jpg, align each to 150x150, detect again inside the chip: the landmarks found
    // there must sit near the dlib template, whatever the head's tilt in the photo: on average within 6% of
    // the chip, each point within 10% (a similarity cannot undo yaw, which moves the nose tip most).
    cv::Mat rgb;
    cv::cvtColor(cv::imread((kShared / "photos/dev/multiface.jpg").string()), rgb, cv::COLOR_BGR2RGB);
    const auto templ = FaceAligner::dlibChip(150).points;
    QVERIFY(std::abs(templ[0].x - 47.549) < 0.01 && std::abs(templ[4].y - 103.023) < 0.01);
    MtcnnDetector chipDetector = MtcnnDetector::fromDirectory(kModels);
    MtcnnOptions options;
    options.minFaceSize = 40;
    chipDetector.setOptions(options);
    int checked = 0;
    for (const FaceDetection& f : detector().detect(rgb)) {
        if (f.probability < 0.99f)
            continue;
        const cv::Mat chip = FaceAligner::alignLandmarks(rgb, f.landmarks);
        QCOMPARE(chip.size(), cv::Size(150, 150));
        cv::Mat padded;
        cv::copyMakeBorder(chip, padded, 40, 40, 40, 40, cv::BORDER_CONSTANT, cv::Scalar::all(0));
        const std::vector<FaceDetection> again = chipDetector.detect(padded);
        QVERIFY(!again.empty());
        double total = 0;
        for (size_t p = 0; p < 5; ++p) {
            const double dx = again[0].landmarks[p][0] - 40 - templ[p].x;
            const double dy = again[0].landmarks[p][1] - 40 - templ[p].y;
            total += std::hypot(dx, dy);
            QVERIFY2(std::hypot(dx, dy) < 15,
                     qPrintable(QString("point %1 off by %2").arg(p).arg(std::hypot(dx, dy))));
        }
        QVERIFY2(total / 5 < 9, qPrintable(QString("mean landmark error %1").arg(total / 5)));
        ++checked;
    }
    QVERIFY(checked >= 4);
}

void TestMlMtcnn::cropBox_data()
{
    QTest::addColumn<float>("margin");
    QTest::addColumn<QRect>("expectedRegion"); // the source region that must be resized to 160x160
    // Box 40..120 x 20..100 (80 px): margin 32 adds 32*80/128 = 20 px in total, 10 per side.
    QTest::newRow("margin 0") << 0.0f << QRect(40, 20, 80, 80);
    QTest::newRow("margin 32") << 32.0f << QRect(30, 10, 100, 100);
    QTest::newRow("margin 80 clipped") << 80.0f << QRect(0, 0, 160, 140);
}

void TestMlMtcnn::cropBox()
{
    QFETCH(float, margin);
    QFETCH(QRect, expectedRegion);
    cv::Mat image(150, 200, CV_8UC3);
    cv::randu(image, cv::Scalar::all(0), cv::Scalar::all(256));
    const cv::Mat crop = FaceAligner::cropBox(image, {40, 20, 120, 100}, 160, margin);
    cv::Mat expected;
    const QRect& r = expectedRegion;
    cv::resize(image(cv::Rect(r.x(), r.y(), r.width(), r.height())), expected, cv::Size(160, 160), 0, 0,
               cv::INTER_AREA);
    QCOMPARE(cv::norm(crop, expected, cv::NORM_INF), 0.0);
    try {
        FaceAligner::cropBox(image, {300, 300, 400, 400});
        QFAIL("no error thrown");
    } catch (const ModelError&) {
    }
}

// The face job decodes only the part of a camera photo its crops read (FaceAligner::alignSource,
// cropBoxSource): the crops made from that part are the crops made from the whole image.
void TestMlMtcnn::cropsFromPart_data()
{
    QTest::addColumn<double>("scale");  // face size: the ArcFace template's pixels per chip pixel
    QTest::addColumn<double>("angle");  // degrees
    QTest::addColumn<QPointF>("shift"); // where the chip's top-left lands in the image
    QTest::newRow("small face, upright") << 0.6 << 0.0 << QPointF(150, 90);
    QTest::newRow("chip size, tilted") << 1.0 << 20.0 << QPointF(200, 60);
    QTest::newRow("large face (area prefilter), tilted") << 3.1 << -35.0 << QPointF(120, 40);
    QTest::newRow("past the left and top edges") << 1.4 << 10.0 << QPointF(-40, -30);
    QTest::newRow("past the right and bottom edges") << 1.8 << -5.0 << QPointF(420, 300);
}

void TestMlMtcnn::cropsFromPart()
{
    QFETCH(double, scale);
    QFETCH(double, angle);
    QFETCH(QPointF, shift);
    cv::Mat image(400, 560, CV_8UC3);
    cv::randu(image, cv::Scalar::all(0), cv::Scalar::all(256));
    cv::GaussianBlur(image, image, cv::Size(3, 3), 0); // photo-like: neighbours correlate
    const ChipTemplate chip = FaceAligner::arcfaceChip(112);
    const double a = angle * CV_PI / 180, c = std::cos(a) * scale, s = std::sin(a) * scale;
    FaceLandmarks landmarks;
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (size_t i = 0; i < 5; ++i) {
        const cv::Point2d p = chip.points[i];
        landmarks[i] = {float(c * p.x - s * p.y + shift.x()), float(s * p.x + c * p.y + shift.y())};
        x0 = std::min(x0, landmarks[i][0]);
        y0 = std::min(y0, landmarks[i][1]);
        x1 = std::max(x1, landmarks[i][0]);
        y1 = std::max(y1, landmarks[i][1]);
    }
    const std::array<float, 4> box = {x0 - 10, y0 - 20, x1 + 10, y1 + 15};
    const cv::Rect part = FaceAligner::alignSource(landmarks, chip, image.size()) |
                          FaceAligner::cropBoxSource(box, 160, 48, image.size());
    QVERIFY(!part.empty());
    QVERIFY(part.area() < image.size().area()); // a part, not the whole image
    FaceLandmarks moved = landmarks;
    for (auto& point : moved) {
        point[0] -= float(part.x);
        point[1] -= float(part.y);
    }
    const std::array<float, 4> movedBox = {box[0] - part.x, box[1] - part.y, box[2] - part.x,
                                           box[3] - part.y};
    const cv::Mat piece = image(part).clone();
    QCOMPARE(cv::norm(FaceAligner::align(piece, moved, chip), FaceAligner::align(image, landmarks, chip),
                      cv::NORM_INF),
             0.0);
    QCOMPARE(cv::norm(FaceAligner::cropBox(piece, movedBox, 160, 48),
                      FaceAligner::cropBox(image, box, 160, 48), cv::NORM_INF),
             0.0);
    // A part cut any closer gives another chip: the rectangle is what the warp reads, not more.
    const cv::Rect inner = FaceAligner::alignSource(landmarks, chip, image.size());
    const cv::Rect tight(inner.x + 5, inner.y + 5, inner.width - 10, inner.height - 10);
    FaceLandmarks inTight = landmarks;
    for (auto& point : inTight) {
        point[0] -= float(tight.x);
        point[1] -= float(tight.y);
    }
    QVERIFY(cv::norm(FaceAligner::align(image(tight).clone(), inTight, chip),
                     FaceAligner::align(image, landmarks, chip), cv::NORM_INF) > 0);
}

QTEST_GUILESS_MAIN(TestMlMtcnn)
void TestMlMtcnn::device_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("threads");
    QTest::addColumn<QString>("expected"); // "cpu", "cuda", or "error"

    const bool cuda = Device::cudaAvailable();
    QTest::newRow("cpu, 1 thread") << "cpu" << 1 << "cpu";
    QTest::newRow("cpu, 2 threads") << "cpu" << 2 << "cpu";
    QTest::newRow("auto") << "auto" << 1 << (cuda ? "cuda" : "cpu");
    QTest::newRow("empty means auto") << "" << 2 << (cuda ? "cuda" : "cpu");
    QTest::newRow("cuda") << "cuda" << 1 << (cuda ? "cuda" : "error");
    QTest::newRow("unknown") << "tpu" << 1 << "error";
}

void TestMlMtcnn::device()
{
    QFETCH(QString, name);
    QFETCH(int, threads);
    QFETCH(QString, expected);

    const int before = torch::get_num_threads();
    try {
        const torch::Device d = Device::configure({name.toStdString(), threads});
        QCOMPARE(QString::fromStdString(d.is_cuda() ? "cuda" : "cpu"), expected);
        QCOMPARE(torch::get_num_threads(), threads); // set explicitly: Debian's LibTorch starts at 1
        if (d.is_cpu())
            QVERIFY(Device::describe(d).find(std::to_string(threads) + " thread") != std::string::npos);
    } catch (const std::invalid_argument& e) {
        QVERIFY2(expected == QLatin1String("error"), e.what());
        QVERIFY(std::string(e.what()).find(name.toStdString()) != std::string::npos ||
                std::string(e.what()).find("CUDA") != std::string::npos);
    }
    torch::set_num_threads(before);
}

#include "tst_mlmtcnn.moc"
