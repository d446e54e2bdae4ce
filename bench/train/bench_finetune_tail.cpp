// bench_finetune_tail: would fine-tuning the last blocks of FaceRecognitionNet (instead of a projection on
// frozen vectors, what the background job trains) reach the target - top-1 error x <= 2/3 with K
// labelled faces per person? An experiment on a folder of person folders, run by hand:
//   bench_finetune_tail --models DIR [--per-person K] [--epochs E] [--lr L] [--seed S] [--threads T]
//                       [--cache FILE] [--batch-hard] PERSON_FOLDERS_DIR
// Each photo's largest face is detected (MTCNN on a padded canvas, as the library does), aligned onto the
// network's chip and run through the frozen stem up to conv128 (chip and mirror image; cached in --cache).
// Per person (seeded shuffle, as `kindred-cli finetune --experiment`): K faces are the family's labels, the
// rest are probes that nothing is trained or chosen on. Of the K, K-1 train the tail (conv256_* + fc,
// triplet loss, semi-hard mining unless --batch-hard, mirror views as augmentation) and one per person picks
// the epoch; the probes' top-1 error against prototypes of the K faces is reported before and after, with TAR
// at FAR 1e-3.
#include "alignment/facealigner.h"
#include "detection/detectionimage.h"
#include "detection/mtcnn.h"
#include "embedding/facerecognitionembedder.h"
#include "training/pksampler.h"
#include "training/tripletloss.h"
#include "training/tripletminer.h"
#include "training/triplettrainer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <string>
#include <vector>

using namespace kindred;
namespace fs = std::filesystem;

namespace {

struct Options {
    fs::path models;
    fs::path dir;
    fs::path cache;
    int perPerson = 5;
    int epochs = 30;
    double lr = 1e-4;
    uint64_t seed = 1;
    int threads = 2;
    MiningStrategy mining = MiningStrategy::SemiHard;
};

// The modules FaceRecognitionNetImpl::head() runs: what is trained.
std::vector<torch::nn::Module*> tailModules(FaceRecognitionNet& net)
{
    return {net->conv256_down.get(), net->conv256_1.get(), net->conv256_2.get(), net->conv256_down_out.get(),
            net->fc.get()};
}

// Mirror-averaged, L2-normalised descriptors of stem features (N x 2 x 128 x 8 x 8).
torch::Tensor describe(FaceRecognitionNet& net, const torch::Tensor& features)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> out;
    for (int64_t start = 0; start < features.size(0); start += 256) {
        const torch::Tensor f = features.slice(0, start, std::min(features.size(0), start + 256));
        const torch::Tensor d = 0.5 * (net->head(f.select(1, 0)) + net->head(f.select(1, 1)));
        out.push_back(d);
    }
    return torch::nn::functional::normalize(torch::cat(out, 0),
                                            torch::nn::functional::NormalizeFuncOptions().dim(1));
}

struct Data {
    torch::Tensor features; // N x 2 x 128 x 8 x 8
    std::vector<std::string> people;
};

Data extract(const Options& o, FaceRecognitionEmbedder& embedder)
{
    if (!o.cache.empty() && fs::exists(o.cache)) {
        std::vector<torch::Tensor> stored;
        torch::load(stored, o.cache.string());
        Data d;
        d.features = stored.at(0);
        std::ifstream names(o.cache.string() + ".people");
        for (std::string line; std::getline(names, line);)
            d.people.push_back(line);
        std::printf("stem features from %s: %lld faces\n", o.cache.c_str(), (long long)d.features.size(0));
        return d;
    }
    MtcnnDetector detector = MtcnnDetector::fromDirectory(o.models);
    FaceRecognitionNet net = embedder.network();
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(o.dir))
        if (e.is_regular_file())
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    Data d;
    std::vector<torch::Tensor> features;
    torch::NoGradGuard noGrad;
    const auto start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < files.size(); ++i) {
        // As the library: detection on a reduced decode, alignment on the full-resolution photo.
        DecodedImage decoded;
        try {
            decoded = DetectionImage::decode(files[i]);
        } catch (const std::exception&) {
            continue;
        }
        const auto faces = DetectionImage::toFullResolution(detector.detectWithContext(decoded.rgb), decoded);
        if (faces.empty())
            continue;
        cv::Mat rgb = decoded.rgb;
        if (decoded.reduction > 1) {
            const cv::Mat bgr = cv::imread(files[i].string(), cv::IMREAD_COLOR);
            if (bgr.empty())
                continue;
            cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
        }
        const auto largest = std::max_element(faces.begin(), faces.end(), [](const auto& a, const auto& b) {
            return (a.box[2] - a.box[0]) * (a.box[3] - a.box[1]) <
                   (b.box[2] - b.box[0]) * (b.box[3] - b.box[1]);
        });
        const cv::Mat chip = FaceAligner::align(rgb, largest->landmarks, embedder.chipTemplate());
        const torch::Tensor input = embedder.toInputTensor({chip});
        features.push_back(net->stem(torch::cat({input, input.flip({3})}, 0)).unsqueeze(0));
        d.people.push_back(fs::relative(files[i], o.dir).begin()->string());
        if ((i + 1) % 200 == 0)
            std::fprintf(stderr, "  %zu / %zu photos, %.0f s\n", i + 1, files.size(),
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    d.features = torch::cat(features, 0);
    if (!o.cache.empty()) {
        torch::save(std::vector<torch::Tensor>{d.features}, o.cache.string());
        std::ofstream names(o.cache.string() + ".people");
        for (const auto& p : d.people)
            names << p << '\n';
    }
    std::printf("faces: %lld of %zu photos (stem %.0f s)\n", (long long)d.features.size(0), files.size(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return d;
}

torch::Tensor rows(const torch::Tensor& t, const std::vector<int64_t>& r)
{
    return t.index_select(0, torch::tensor(r, torch::kInt64));
}

void report(const char* what, const HeadMetrics& m)
{
    std::printf("  %-34s top-1 error %5.2f %%  TAR@FAR1e-3 %.3f  AUC %.4f  (%lld probes)\n", what,
                100.0 * m.identification.top1Error, m.verification.tar, m.auc,
                (long long)m.identification.probes);
}

} // namespace

int main(int argc, char** argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress lines appear as they are written
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&]() -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--models")
            o.models = next();
        else if (a == "--per-person")
            o.perPerson = std::atoi(next());
        else if (a == "--epochs")
            o.epochs = std::atoi(next());
        else if (a == "--lr")
            o.lr = std::atof(next());
        else if (a == "--seed")
            o.seed = std::strtoull(next(), nullptr, 10);
        else if (a == "--threads")
            o.threads = std::atoi(next());
        else if (a == "--batch-hard")
            o.mining = MiningStrategy::BatchHard;
        else if (a == "--cache")
            o.cache = next();
        else if (!a.empty() && a[0] != '-')
            o.dir = a;
        else {
            std::fprintf(stderr,
                         "usage: bench_finetune_tail --models DIR [--per-person K] [--epochs E] [--lr L] "
                         "[--seed S] [--threads T] [--cache FILE] [--batch-hard] DIR\n");
            return 2;
        }
    }
    if (o.models.empty() || o.dir.empty() || o.perPerson < 3) {
        std::fprintf(stderr, "bench_finetune_tail: --models and a folder are required, --per-person >= 3 "
                             "(one face per person picks the epoch, triplets need two more)\n");
        return 2;
    }
    torch::set_num_threads(o.threads);
    torch::manual_seed(o.seed);
    auto embedder = FaceRecognitionEmbedder::fromModelPack(o.models);
    const Data data = extract(o, *embedder);
    FaceRecognitionNet net = embedder->network();

    // The family's labels and the probes, per person (seeded shuffle).
    std::map<std::string, std::vector<int64_t>> byPerson;
    for (size_t i = 0; i < data.people.size(); ++i)
        byPerson[data.people[i]].push_back(int64_t(i));
    std::mt19937_64 rng(o.seed);
    std::vector<int64_t> trainRows, pickRows, probeRows;
    std::vector<int> trainLabels, pickLabels, probeLabels;
    int people = 0;
    for (auto& [name, r] : byPerson) {
        if (int(r.size()) <= o.perPerson)
            continue;
        std::shuffle(r.begin(), r.end(), rng);
        for (size_t i = 0; i < r.size(); ++i) {
            const bool family = int(i) < o.perPerson;
            const bool pick = int(i) == o.perPerson - 1;
            (family ? (pick ? pickRows : trainRows) : probeRows).push_back(r[i]);
            (family ? (pick ? pickLabels : trainLabels) : probeLabels).push_back(people);
        }
        ++people;
    }
    std::vector<int64_t> familyRows = trainRows;
    familyRows.insert(familyRows.end(), pickRows.begin(), pickRows.end());
    std::vector<int> familyLabels = trainLabels;
    familyLabels.insert(familyLabels.end(), pickLabels.begin(), pickLabels.end());
    const torch::Tensor features = data.features;
    std::printf(
        "%d people, K = %d (%zu train + %zu to pick the epoch), %zu probes; lr %g, %d epochs, seed %llu\n",
        people, o.perPerson, trainRows.size(), pickRows.size(), probeRows.size(), o.lr, o.epochs,
        (unsigned long long)o.seed);

    const auto evaluate = [&](const std::vector<int64_t>& galleryRows, const std::vector<int>& galleryLabels,
                              const std::vector<int64_t>& probes, const std::vector<int>& labels) {
        return TripletTrainer::evaluate(describe(net, rows(features, galleryRows)), galleryLabels,
                                        describe(net, rows(features, probes)), labels, 1e-3, -2.0F);
    };
    const HeadMetrics before = evaluate(familyRows, familyLabels, probeRows, probeLabels);
    report("before (K faces vs probes)", before);

    // Train the tail; keep the epoch whose pick faces are best identified against the training faces.
    std::vector<torch::Tensor> params, initial;
    for (torch::nn::Module* m : tailModules(net))
        for (const torch::Tensor& p : m->parameters()) {
            params.push_back(p);
            initial.push_back(p.detach().clone());
        }
    torch::optim::Adam optimizer(params, torch::optim::AdamOptions(o.lr));
    PKSampler sampler(trainLabels, 16, std::min(4, o.perPerson - 1), o.seed);
    const torch::Tensor trainFeatures = rows(features, trainRows);
    double bestError = evaluate(trainRows, trainLabels, pickRows, pickLabels).identification.top1Error;
    std::printf("  epoch  0: pick-face top-1 error %.2f %%\n", 100 * bestError);
    std::vector<torch::Tensor> best;
    for (const torch::Tensor& p : params)
        best.push_back(p.detach().clone());
    int bestEpoch = 0;
    std::bernoulli_distribution mirror(0.5);
    for (int epoch = 1; epoch <= o.epochs; ++epoch) {
        const auto t0 = std::chrono::steady_clock::now();
        double lossSum = 0;
        int batches = 0;
        for (const std::vector<int64_t>& batch : sampler.epoch()) {
            std::vector<torch::Tensor> views;
            std::vector<int64_t> labels;
            for (const int64_t b : batch) {
                views.push_back(trainFeatures[b][mirror(rng) ? 1 : 0]);
                labels.push_back(trainLabels[size_t(b)]);
            }
            const torch::Tensor x = torch::stack(views, 0);
            const torch::Tensor y = torch::tensor(labels, torch::kInt64);
            const torch::Tensor e = torch::nn::functional::normalize(
                net->head(x), torch::nn::functional::NormalizeFuncOptions().dim(1));
            Triplets t;
            {
                torch::NoGradGuard noGrad;
                t = TripletMiner::mine(TripletLoss::pairwise(e, TripletDistance::SquaredEuclidean), y,
                                       o.mining, 0.2);
            }
            if (t.size() == 0)
                continue;
            torch::Tensor loss =
                TripletLoss::compute(e.index_select(0, t.anchors), e.index_select(0, t.positives),
                                     e.index_select(0, t.negatives), 0.2, TripletDistance::SquaredEuclidean);
            // Stay near the pretrained weights (L2-SP).
            for (size_t k = 0; k < params.size(); ++k)
                loss = loss + 1e-3 * (params[k] - initial[k]).pow(2).sum();
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum += loss.item<double>();
            ++batches;
        }
        const double error = evaluate(trainRows, trainLabels, pickRows, pickLabels).identification.top1Error;
        std::printf("  epoch %2d: loss %.4f, pick-face top-1 error %.2f %% (%.1f s)\n", epoch,
                    batches ? lossSum / batches : 0.0, 100 * error,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        if (error < bestError) {
            bestError = error;
            bestEpoch = epoch;
            for (size_t k = 0; k < params.size(); ++k)
                best[k] = params[k].detach().clone();
        }
    }
    {
        torch::NoGradGuard noGrad;
        for (size_t k = 0; k < params.size(); ++k)
            params[k].copy_(best[k]);
    }
    const HeadMetrics after = evaluate(familyRows, familyLabels, probeRows, probeLabels);
    std::printf("picked epoch %d\n", bestEpoch);
    report("after (K faces vs probes)", after);
    std::printf("top-1 error x %.2f\n", before.identification.top1Error > 0
                                            ? after.identification.top1Error / before.identification.top1Error
                                            : 1.0);
    return 0;
}
