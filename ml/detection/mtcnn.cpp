#include "detection/mtcnn.h"

#include "common/modelerror.h"
#include "detection/arearesampler.h"
#include "detection/nms.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace kindred {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Candidate {
    std::array<float, 4> box; // x1 y1 x2 y2
    float score;
    std::array<float, 4> reg;
};

std::vector<Candidate> select(const std::vector<Candidate>& all, const std::vector<int>& keep)
{
    std::vector<Candidate> out;
    out.reserve(keep.size());
    for (const int i : keep)
        out.push_back(all[size_t(i)]);
    return out;
}

std::vector<int> nmsIou(const std::vector<Candidate>& c, float threshold)
{
    std::vector<Nms::Box> boxes;
    std::vector<float> scores;
    for (const Candidate& k : c) {
        boxes.push_back(k.box);
        scores.push_back(k.score);
    }
    return Nms::iou(boxes, scores, threshold);
}

// rerec: turn boxes into squares around their centres (side = the longer side).
void square(std::vector<Candidate>& c)
{
    for (Candidate& k : c) {
        const float h = k.box[3] - k.box[1];
        const float w = k.box[2] - k.box[0];
        const float l = std::max(w, h);
        k.box[0] = k.box[0] + w * 0.5f - l * 0.5f;
        k.box[1] = k.box[1] + h * 0.5f - l * 0.5f;
        k.box[2] = k.box[0] + l;
        k.box[3] = k.box[1] + l;
    }
}

// bbreg: apply a regression with widths measured as x2 - x1 + 1.
void regress(Candidate& k)
{
    const float w = k.box[2] - k.box[0] + 1;
    const float h = k.box[3] - k.box[1] + 1;
    k.box[0] += k.reg[0] * w;
    k.box[1] += k.reg[1] * h;
    k.box[2] += k.reg[2] * w;
    k.box[3] += k.reg[3] * h;
}

// Builds the N x 3 x size x size batch of crops for R-Net / O-Net, following facenet-pytorch's pad():
// the box is truncated to ints, clipped to [1, w] x [1, h] (1-based) and the clipped region resampled
// ("area"). With zeroPad, the full box is used and the part outside the image is black (value 0 before
// normalisation). Boxes whose clipped region is empty are removed from `c`.
torch::Tensor crops(const AreaResampler& image, const cv::Mat& rgb, std::vector<Candidate>& c, int size,
                    bool zeroPad)
{
    const int w = image.width();
    const int h = image.height();
    std::vector<Candidate> kept;
    std::vector<std::array<int, 4>> regions;
    for (const Candidate& k : c) {
        int x = int(std::trunc(k.box[0]));
        int y = int(std::trunc(k.box[1]));
        int ex = int(std::trunc(k.box[2]));
        int ey = int(std::trunc(k.box[3]));
        if (!zeroPad) {
            x = std::max(x, 1);
            y = std::max(y, 1);
            ex = std::min(ex, w);
            ey = std::min(ey, h);
        }
        if (ey > y - 1 && ex > x - 1 && ex >= 1 && ey >= 1 && x <= w && y <= h) {
            kept.push_back(k);
            regions.push_back({x - 1, y - 1, ex - (x - 1), ey - (y - 1)});
        }
    }
    c = std::move(kept);
    // NHWC memory viewed as NCHW: the channels-last layout oneDNN convolves several times faster.
    torch::Tensor batch = torch::empty({int64_t(c.size()), size, size, 3});
    float* data = batch.data_ptr<float>();
    const size_t stride = size_t(3 * size * size);
    at::parallel_for(0, int64_t(c.size()), 8, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            const auto& r = regions[size_t(i)];
            float* dst = data + size_t(i) * stride;
            if (r[0] >= 0 && r[1] >= 0 && r[0] + r[2] <= w && r[1] + r[3] <= h) {
                image.resample(r[0], r[1], r[2], r[3], size, size, dst, true);
                continue;
            }
            // Zero padding: copy the box into a black canvas, then resample that canvas.
            cv::Mat canvas(r[3], r[2], CV_8UC3, cv::Scalar::all(0));
            const cv::Rect inside = cv::Rect(r[0], r[1], r[2], r[3]) & cv::Rect(0, 0, w, h);
            rgb(inside).copyTo(canvas(inside - cv::Point(r[0], r[1])));
            AreaResampler(canvas).resample(0, 0, r[2], r[3], size, size, dst, true);
        }
    });
    return batch.permute({0, 3, 1, 2});
}

// R-Net and O-Net see their candidates in slices. One batch of thousands of crops (a crowd photo, a large
// photo) makes intermediate tensors of hundreds of MB (8,331 R-Net crops: 450 MB after the first convolution)
// that are paged in afresh for every photo and stream through memory at each layer: the time grew about with
// the square of the candidates and dominated the detection of camera-size photos (docs/benchmarks-detect.md).
// 32 to 128 crops a slice measured alike (8,331 R-Net and 1,053 O-Net crops: 2.5 s and 0.7-1.0 s in one
// batch, 0.23 s and 0.16 s in slices of 128, on 2 cores).
constexpr int64_t kStageSlice = 128;

std::pair<torch::Tensor, torch::Tensor> forwardSliced(RNet& net, const torch::Tensor& batch,
                                                      torch::Device device)
{
    std::vector<torch::Tensor> prob, reg;
    for (int64_t begin = 0; begin < batch.size(0); begin += kStageSlice) {
        auto [p, r] =
            net->forward(batch.narrow(0, begin, std::min(kStageSlice, batch.size(0) - begin)).to(device));
        prob.push_back(p.to(torch::kCPU));
        reg.push_back(r.to(torch::kCPU));
    }
    return {torch::cat(prob).contiguous(), torch::cat(reg).contiguous()};
}

ONetOutput forwardSliced(ONet& net, const torch::Tensor& batch, torch::Device device)
{
    std::vector<torch::Tensor> prob, reg, marks;
    for (int64_t begin = 0; begin < batch.size(0); begin += kStageSlice) {
        ONetOutput o =
            net->forward(batch.narrow(0, begin, std::min(kStageSlice, batch.size(0) - begin)).to(device));
        prob.push_back(o.probability.to(torch::kCPU));
        reg.push_back(o.regression.to(torch::kCPU));
        marks.push_back(o.landmarks.to(torch::kCPU));
    }
    return {torch::cat(prob).contiguous(), torch::cat(reg).contiguous(), torch::cat(marks).contiguous()};
}

} // namespace

MtcnnDetector::MtcnnDetector(const MtcnnStateDicts& weights, torch::Device device, MtcnnOptions options)
    : m_device(device)
{
    setOptions(options);
    m_pnet->loadWeights(weights.pnet);
    m_rnet->loadWeights(weights.rnet);
    m_onet->loadWeights(weights.onet);
    m_pnet->eval();
    m_rnet->eval();
    m_onet->eval();
    m_pnet->to(device);
    m_rnet->to(device);
    m_onet->to(device);
    // Channels-last weights (inputs are channels-last too): oneDNN's NCHW path is up to 10x slower on
    // P-Net's 3-channel first layer.
    torch::NoGradGuard noGrad;
    for (torch::nn::Module* net :
         {static_cast<torch::nn::Module*>(m_pnet.get()), static_cast<torch::nn::Module*>(m_rnet.get()),
          static_cast<torch::nn::Module*>(m_onet.get())})
        for (auto& parameter : net->parameters())
            if (parameter.dim() == 4)
                parameter.set_data(parameter.contiguous(at::MemoryFormat::ChannelsLast));
}

MtcnnDetector MtcnnDetector::fromDirectory(const std::filesystem::path& dir, torch::Device device,
                                           MtcnnOptions options)
{
    return MtcnnDetector(MtcnnWeights::loadAny(dir), device, options);
}

void MtcnnDetector::setOptions(const MtcnnOptions& options)
{
    if (options.minFaceSize < 1)
        throw ModelError("MTCNN: the minimum face size must be at least 1 pixel");
    if (!(options.factor > 0.05 && options.factor < 0.99))
        throw ModelError("MTCNN: the pyramid factor must lie between 0.05 and 0.99");
    for (const float t : options.thresholds)
        if (!(t >= 0 && t <= 1))
            throw ModelError("MTCNN: thresholds must lie between 0 and 1");
    if (options.maxImageSide < 0)
        throw ModelError("MTCNN: the maximum image side cannot be negative");
    m_options = options;
}

MtcnnTimings& MtcnnTimings::operator+=(const MtcnnTimings& o)
{
    pnetSeconds += o.pnetSeconds;
    rnetSeconds += o.rnetSeconds;
    onetSeconds += o.onetSeconds;
    scales += o.scales;
    pnetCandidates += o.pnetCandidates;
    rnetCandidates += o.rnetCandidates;
    return *this;
}

std::vector<FaceDetection> MtcnnDetector::detect(const cv::Mat& rgb, MtcnnTimings* timings)
{
    if (rgb.empty())
        throw ModelError("MTCNN: the image is empty");
    if (rgb.type() != CV_8UC3)
        throw ModelError("MTCNN: the image must be 8-bit RGB (CV_8UC3)");
    MtcnnTimings local;
    MtcnnTimings& t = timings ? *timings : local;
    t = {};
    const int longSide = std::max(rgb.cols, rgb.rows);
    if (m_options.maxImageSide <= 0 || longSide <= m_options.maxImageSide)
        return detectAtScale(rgb, t);
    const double s = double(m_options.maxImageSide) / longSide;
    cv::Mat small;
    cv::resize(
        rgb, small,
        cv::Size(std::max(1, int(std::lround(rgb.cols * s))), std::max(1, int(std::lround(rgb.rows * s)))), 0,
        0, cv::INTER_AREA);
    std::vector<FaceDetection> faces = detectAtScale(small, t);
    const float sx = float(rgb.cols) / float(small.cols);
    const float sy = float(rgb.rows) / float(small.rows);
    for (FaceDetection& f : faces) {
        f.box = {f.box[0] * sx, f.box[1] * sy, f.box[2] * sx, f.box[3] * sy};
        for (auto& p : f.landmarks)
            p = {p[0] * sx, p[1] * sy};
    }
    return faces;
}

std::vector<FaceDetection> MtcnnDetector::detectWithContext(const cv::Mat& rgb, bool* padded,
                                                            MtcnnTimings* timings)
{
    if (padded)
        *padded = false;
    MtcnnTimings first;
    std::vector<FaceDetection> faces = detect(rgb, &first);
    if (timings)
        *timings = first;
    float largestW = 0, largestH = 0;
    for (const FaceDetection& f : faces) {
        largestW = std::max(largestW, f.width());
        largestH = std::max(largestH, f.height());
    }
    if (!faces.empty() && largestW < 0.5f * float(rgb.cols) && largestH < 0.5f * float(rgb.rows))
        return faces;
    const int pad = std::max(rgb.cols, rgb.rows) / 2;
    cv::Mat canvas;
    cv::copyMakeBorder(rgb, canvas, pad, pad, pad, pad, cv::BORDER_CONSTANT, cv::Scalar::all(0));
    const MtcnnOptions saved = m_options;
    MtcnnOptions wide = m_options;
    wide.minFaceSize = std::max(m_options.minFaceSize, std::min(rgb.cols, rgb.rows) / 4);
    m_options = wide;
    std::vector<FaceDetection> found;
    try {
        MtcnnTimings second;
        found = detect(canvas, &second);
        if (timings)
            *timings += second;
    } catch (...) {
        m_options = saved;
        throw;
    }
    m_options = saved;
    std::vector<FaceDetection> inside;
    for (FaceDetection f : found) {
        f.box = {f.box[0] - float(pad), f.box[1] - float(pad), f.box[2] - float(pad), f.box[3] - float(pad)};
        for (auto& p : f.landmarks)
            p = {p[0] - float(pad), p[1] - float(pad)};
        const float cx = 0.5f * (f.box[0] + f.box[2]), cy = 0.5f * (f.box[1] + f.box[3]);
        if (cx >= 0 && cy >= 0 && cx < float(rgb.cols) && cy < float(rgb.rows))
            inside.push_back(f);
    }
    if (inside.empty())
        return faces;
    if (padded)
        *padded = true;
    // Smaller faces of the first pass (which the padded pass did not look for) stay.
    for (const FaceDetection& f : faces) {
        bool overlaps = false;
        for (const FaceDetection& g : inside) {
            overlaps = overlaps || Nms::intersection(f.box, g.box) >
                                       0.3f * std::min(f.width() * f.height(), g.width() * g.height());
        }
        if (!overlaps)
            inside.push_back(f);
    }
    std::stable_sort(inside.begin(), inside.end(), [](const FaceDetection& a, const FaceDetection& b) {
        return a.probability > b.probability;
    });
    return inside;
}

std::vector<MtcnnDetector::Rescore> MtcnnDetector::rescore(const cv::Mat& rgb,
                                                           const std::vector<std::array<float, 4>>& boxes)
{
    if (rgb.empty() || rgb.type() != CV_8UC3)
        throw ModelError("MTCNN: the image must be non-empty 8-bit RGB (CV_8UC3)");
    torch::NoGradGuard noGrad;
    std::vector<Rescore> result(boxes.size());
    // Candidates carry their index in `score` so that the ones crops() drops keep 0.
    std::vector<Candidate> c;
    for (size_t i = 0; i < boxes.size(); ++i)
        c.push_back({boxes[i], float(i), {}});
    square(c);
    if (c.empty())
        return result;
    // Crops as crops() cuts them (1-based truncated box, black outside the image), resized with OpenCV's area
    // filter: about twice as fast as the exact resampler the detector keeps for parity with facenet-pytorch.
    const cv::Rect whole(0, 0, rgb.cols, rgb.rows);
    std::vector<Candidate> kept;
    std::vector<cv::Rect> regions;
    for (const Candidate& k : c) {
        const int x = int(std::trunc(k.box[0])) - 1, y = int(std::trunc(k.box[1])) - 1;
        const cv::Rect r(x, y, int(std::trunc(k.box[2])) - x, int(std::trunc(k.box[3])) - y);
        if (r.width > 0 && r.height > 0 && (r & whole).area() > 0) {
            kept.push_back(k);
            regions.push_back(r);
        }
    }
    c = std::move(kept);
    torch::Tensor b48 = torch::empty({int64_t(c.size()), 48, 48, 3});
    float* data = b48.data_ptr<float>();
    at::parallel_for(0, int64_t(c.size()), 8, [&](int64_t begin, int64_t end) {
        cv::Mat patch;
        for (int64_t i = begin; i < end; ++i) {
            const cv::Rect& r = regions[size_t(i)];
            const cv::Rect inside = r & whole;
            if (inside == r) {
                cv::resize(rgb(r), patch, cv::Size(48, 48), 0, 0, cv::INTER_AREA);
            } else {
                cv::Mat canvas(r.height, r.width, CV_8UC3, cv::Scalar::all(0));
                rgb(inside).copyTo(canvas(inside - r.tl()));
                cv::resize(canvas, patch, cv::Size(48, 48), 0, 0, cv::INTER_AREA);
            }
            float* dst = data + i * 48 * 48 * 3;
            for (int row = 0; row < 48; ++row) {
                const uchar* src = patch.ptr<uchar>(row);
                for (int k = 0; k < 48 * 3; ++k)
                    *dst++ = (float(src[k]) - 127.5f) * 0.0078125f;
            }
        }
    });
    b48 = b48.permute({0, 3, 1, 2});
    if (!c.empty()) {
        const ONetOutput out = forwardSliced(m_onet, b48, m_device);
        const torch::Tensor& prob = out.probability;
        const torch::Tensor& marks = out.landmarks;
        const auto pa = prob.accessor<float, 1>();
        const auto la = marks.accessor<float, 2>();
        for (size_t i = 0; i < c.size(); ++i) {
            Rescore& r = result[size_t(c[i].score)];
            const long n = long(i);
            r.onet = pa[n];
            const std::array<float, 4>& k = c[i].box;
            const float bw = k[2] - k[0] + 1, bh = k[3] - k[1] + 1;
            for (int p = 0; p < 5; ++p)
                r.landmarks[size_t(p)] = {bw * la[n][p] + k[0] - 1, bh * la[n][p + 5] + k[1] - 1};
        }
    }
    return result;
}

std::vector<FaceDetection> MtcnnDetector::detectAtScale(const cv::Mat& rgb, MtcnnTimings& t)
{
    torch::NoGradGuard noGrad;
    const auto start = Clock::now();
    const int w = rgb.cols;
    const int h = rgb.rows;
    const AreaResampler image(rgb);

    // Stage 1: pyramid + P-Net.
    const double m = 12.0 / m_options.minFaceSize;
    double minl = std::min(h, w) * m;
    std::vector<double> scales;
    for (double scale = m; minl >= 12; scale *= m_options.factor, minl *= m_options.factor)
        scales.push_back(scale);
    t.scales = int(scales.size());

    std::vector<Candidate> stage1;
    for (const double scale : scales) {
        const int hs = int(h * scale + 1);
        const int ws = int(w * scale + 1);
        torch::Tensor input = torch::empty({1, hs, ws, 3});
        image.resample(0, 0, w, h, ws, hs, input.data_ptr<float>(), true);
        auto [prob, reg] = m_pnet->forward(input.permute({0, 3, 1, 2}).to(m_device));
        prob = prob[0].to(torch::kCPU).contiguous();
        reg = reg[0].to(torch::kCPU).contiguous();
        const int64_t oh = prob.size(0);
        const int64_t ow = prob.size(1);
        const float* p = prob.data_ptr<float>();
        const float* r = reg.data_ptr<float>();
        const float fscale = float(scale);
        std::vector<Candidate> found;
        for (int64_t y = 0; y < oh; ++y)
            for (int64_t x = 0; x < ow; ++x) {
                const float score = p[y * ow + x];
                if (score < m_options.thresholds[0])
                    continue;
                Candidate k{};
                k.box = {std::floor((2 * float(x) + 1) / fscale), std::floor((2 * float(y) + 1) / fscale),
                         std::floor((2 * float(x) + 12) / fscale), std::floor((2 * float(y) + 12) / fscale)};
                k.score = score;
                for (int c = 0; c < 4; ++c)
                    k.reg[size_t(c)] = r[(c * oh + y) * ow + x];
                found.push_back(k);
            }
        const std::vector<Candidate> kept = select(found, nmsIou(found, 0.5f));
        stage1.insert(stage1.end(), kept.begin(), kept.end());
    }
    stage1 = select(stage1, nmsIou(stage1, 0.7f));
    for (Candidate& k : stage1) {
        const float regw = k.box[2] - k.box[0];
        const float regh = k.box[3] - k.box[1];
        k.box = {k.box[0] + k.reg[0] * regw, k.box[1] + k.reg[1] * regh, k.box[2] + k.reg[2] * regw,
                 k.box[3] + k.reg[3] * regh};
    }
    square(stage1);
    t.pnetSeconds = secondsSince(start);

    // Stage 2: R-Net on 24x24 crops.
    const auto start2 = Clock::now();
    std::vector<Candidate> stage2;
    if (!stage1.empty()) {
        const torch::Tensor batch = crops(image, rgb, stage1, 24, m_options.zeroPadCrops);
        t.pnetCandidates = int(stage1.size());
        if (!stage1.empty()) {
            const auto [prob, reg] = forwardSliced(m_rnet, batch, m_device);
            const auto pa = prob.accessor<float, 1>();
            const auto ra = reg.accessor<float, 2>();
            for (size_t i = 0; i < stage1.size(); ++i) {
                if (!(pa[long(i)] > m_options.thresholds[1]))
                    continue;
                Candidate k = stage1[i];
                k.score = pa[long(i)];
                k.reg = {ra[long(i)][0], ra[long(i)][1], ra[long(i)][2], ra[long(i)][3]};
                stage2.push_back(k);
            }
            stage2 = select(stage2, nmsIou(stage2, 0.7f));
            for (Candidate& k : stage2)
                regress(k);
            square(stage2);
        }
    }
    t.rnetSeconds = secondsSince(start2);

    // Stage 3: O-Net on 48x48 crops, landmarks.
    const auto start3 = Clock::now();
    std::vector<FaceDetection> faces;
    if (!stage2.empty()) {
        const torch::Tensor batch = crops(image, rgb, stage2, 48, m_options.zeroPadCrops);
        t.rnetCandidates = int(stage2.size());
        if (!stage2.empty()) {
            const ONetOutput out = forwardSliced(m_onet, batch, m_device);
            const torch::Tensor& prob = out.probability;
            const torch::Tensor& reg = out.regression;
            const torch::Tensor& marks = out.landmarks;
            const auto pa = prob.accessor<float, 1>();
            const auto ra = reg.accessor<float, 2>();
            const auto la = marks.accessor<float, 2>();
            std::vector<Candidate> stage3;
            std::vector<FaceDetection> found;
            for (size_t i = 0; i < stage2.size(); ++i) {
                const long n = long(i);
                if (!(pa[n] > m_options.thresholds[2]))
                    continue;
                Candidate k = stage2[i];
                k.score = pa[n];
                k.reg = {ra[n][0], ra[n][1], ra[n][2], ra[n][3]};
                FaceDetection f;
                const float bw = k.box[2] - k.box[0] + 1;
                const float bh = k.box[3] - k.box[1] + 1;
                for (int p = 0; p < 5; ++p)
                    f.landmarks[size_t(p)] = {bw * la[n][p] + k.box[0] - 1, bh * la[n][p + 5] + k.box[1] - 1};
                regress(k);
                f.box = k.box;
                f.probability = k.score;
                stage3.push_back(k);
                found.push_back(f);
            }
            std::vector<Nms::Box> boxes;
            std::vector<float> scores;
            for (const Candidate& k : stage3) {
                boxes.push_back(k.box);
                scores.push_back(k.score);
            }
            for (const int i : Nms::minimum(boxes, scores, 0.7f))
                faces.push_back(found[size_t(i)]);
        }
    }
    t.onetSeconds = secondsSince(start3);
    return faces;
}

} // namespace kindred
