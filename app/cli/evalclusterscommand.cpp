// kindred-cli eval-clusters --npz FILE [--algorithm dbscan|chinese-whispers|all] [--sweep] [--suggestions]
//                           [--json] [parameters]
// Scores clustering algorithms on labelled embeddings (an .npz as `kindred-cli embed` writes it: embeddings
// N x D and labels; an empty label or a negative number means "nobody known", scored as a stranger):
// BCubed precision / recall / F, clusters, unclustered share. --sweep runs a grid of thresholds to pick
// defaults; --suggestions scores PersonMatcher (prototype vs nearest faces) at the threshold calibrated for
// the target precision on held-out labelled faces.
#include "clicommand.h"
#include "clustering/chinesewhispersclusterer.h"
#include "clustering/dbscanclusterer.h"
#include "clustering/personmatcher.h"
#include "evaluation/clusteringmetrics.h"
#include "evaluation/verificationmetrics.h"
#include "weights/npzreader.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <map>
#include <memory>
#include <optional>

namespace kindred {
namespace {

struct LabelledSet {
    torch::Tensor embeddings; // N x D, rows L2-normalised
    std::vector<int> labels;  // -1 = no known identity
    std::vector<std::string> names;
    std::vector<float> quality; // empty when the archive has none
    std::string modelId;
};

LabelledSet readSet(const QString& file)
{
    const NpzReader npz(file.toStdString());
    LabelledSet set;
    torch::Tensor x = npz.tensor("embeddings").to(torch::kFloat32);
    if (x.dim() != 2 || x.size(0) == 0)
        throw std::runtime_error(file.toStdString() + ": 'embeddings' must be a non-empty N x D array");
    set.embeddings = torch::nn::functional::normalize(
                         x, torch::nn::functional::NormalizeFuncOptions().p(2).dim(1).eps(1e-12))
                         .contiguous();
    const int64_t n = x.size(0);
    if (!npz.contains("labels"))
        throw std::runtime_error(file.toStdString() + ": no 'labels' array");
    if (npz.descr("labels").find('U') != std::string::npos) {
        const std::vector<std::string> text = npz.strings("labels");
        if (static_cast<int64_t>(text.size()) != n)
            throw std::runtime_error(file.toStdString() + ": 'labels' and 'embeddings' differ in length");
        std::map<std::string, int> ids;
        for (const std::string& label : text) {
            if (label.empty()) {
                set.labels.push_back(-1);
                continue;
            }
            const auto [it, added] = ids.emplace(label, static_cast<int>(ids.size()));
            if (added)
                set.names.push_back(label);
            set.labels.push_back(it->second);
        }
    } else {
        const torch::Tensor numbers = npz.tensor("labels").to(torch::kInt64).flatten();
        if (numbers.size(0) != n)
            throw std::runtime_error(file.toStdString() + ": 'labels' and 'embeddings' differ in length");
        std::map<int64_t, int> ids;
        for (int64_t i = 0; i < n; ++i) {
            const int64_t v = numbers[i].item<int64_t>();
            if (v < 0) {
                set.labels.push_back(-1);
                continue;
            }
            const auto [it, added] = ids.emplace(v, static_cast<int>(ids.size()));
            if (added)
                set.names.push_back(std::to_string(v));
            set.labels.push_back(it->second);
        }
    }
    if (npz.contains("quality")) {
        const torch::Tensor q = npz.tensor("quality").to(torch::kFloat32).flatten().contiguous();
        if (q.size(0) == n)
            set.quality.assign(q.data_ptr<float>(), q.data_ptr<float>() + n);
    }
    if (npz.contains("model_id")) {
        const std::vector<std::string> id = npz.strings("model_id");
        if (!id.empty())
            set.modelId = id.front();
    }
    return set;
}

struct Config {
    std::string algorithm;
    float threshold = 0; // dbscan: eps (cosine distance); chinese-whispers: minimum cosine similarity
    int minPoints = 3;   // dbscan
    int k = 10;          // chinese-whispers
    int minClusterSize = 2;
    float minQuality = 0;
};

std::unique_ptr<Clusterer> makeClusterer(const Config& c)
{
    CommonClusterOptions common;
    common.minClusterSize = c.minClusterSize;
    common.minQuality = c.minQuality;
    if (c.algorithm == "dbscan") {
        DbscanOptions o;
        o.eps = c.threshold;
        o.minPoints = c.minPoints;
        o.common = common;
        return std::make_unique<DbscanClusterer>(o);
    }
    ChineseWhispersOptions o;
    o.minSimilarity = c.threshold;
    o.k = c.k;
    o.common = common;
    return std::make_unique<ChineseWhispersClusterer>(o);
}

QJsonObject toJson(const Config& c, const ClusteringEvaluation& e)
{
    QJsonObject o{{QStringLiteral("algorithm"), QString::fromStdString(c.algorithm)},
                  {QStringLiteral("min_cluster_size"), c.minClusterSize},
                  {QStringLiteral("min_quality"), double(c.minQuality)},
                  {QStringLiteral("precision"), e.bcubed.precision},
                  {QStringLiteral("recall"), e.bcubed.recall},
                  {QStringLiteral("f"), e.bcubed.f},
                  {QStringLiteral("clusters"), e.clusters},
                  {QStringLiteral("identities"), e.identities},
                  {QStringLiteral("unclustered_share"), e.unclusteredShare},
                  {QStringLiteral("noise_clustered_share"), e.noiseClusteredShare},
                  {QStringLiteral("seconds"), e.seconds}};
    if (c.algorithm == "dbscan") {
        o[QStringLiteral("eps")] = double(c.threshold);
        o[QStringLiteral("similarity")] = 1.0 - double(c.threshold);
        o[QStringLiteral("min_points")] = c.minPoints;
    } else {
        o[QStringLiteral("similarity")] = double(c.threshold);
        o[QStringLiteral("k")] = c.k;
    }
    return o;
}

QString describe(const Config& c)
{
    const QString params =
        c.algorithm == "dbscan"
            ? QStringLiteral("eps %1 (sim %2), min-points %3")
                  .arg(double(c.threshold), 0, 'f', 3)
                  .arg(1.0 - double(c.threshold), 0, 'f', 3)
                  .arg(c.minPoints)
            : QStringLiteral("similarity %1, k %2").arg(double(c.threshold), 0, 'f', 3).arg(c.k);
    return QStringLiteral("%1: %2, min-cluster-size %3, min-quality %4")
        .arg(QString::fromStdString(c.algorithm), params)
        .arg(c.minClusterSize)
        .arg(double(c.minQuality), 0, 'f', 2);
}

// Held-out evaluation of PersonMatcher. Faces of identities with >= 2 faces alternate between "confirmed"
// and "held out"; faces without a known identity or of single-face identities are held out as strangers
// (truth -1). The held-out faces are split in two halves: the threshold is calibrated on one half and
// applied to the other, both ways; counts are summed.
QJsonObject evaluateSuggestions(const LabelledSet& set, MatchMethod method, float minSimilarity,
                                double targetPrecision)
{
    const int64_t n = set.embeddings.size(0);
    std::map<int, int> count;
    for (const int label : set.labels)
        if (label >= 0)
            ++count[label];
    std::vector<int64_t> confirmedRows;
    std::vector<int64_t> confirmedPeople;
    std::vector<int64_t> heldRows;
    std::vector<int64_t> heldTruth;
    std::map<int, int> seen;
    for (int64_t i = 0; i < n; ++i) {
        const int label = set.labels[static_cast<size_t>(i)];
        if (label >= 0 && count[label] >= 2 && seen[label]++ % 2 == 0) {
            confirmedRows.push_back(i);
            confirmedPeople.push_back(label);
        } else {
            heldRows.push_back(i);
            heldTruth.push_back(label >= 0 && count[label] >= 2 ? label : -1);
        }
    }
    const std::string methodName = method == MatchMethod::Prototype ? "prototype" : "nearest-faces";
    QJsonObject result{{QStringLiteral("method"), QString::fromStdString(methodName)},
                       {QStringLiteral("min_similarity"), double(minSimilarity)},
                       {QStringLiteral("target_precision"), targetPrecision},
                       {QStringLiteral("confirmed"), static_cast<qint64>(confirmedRows.size())},
                       {QStringLiteral("held_out"), static_cast<qint64>(heldRows.size())}};
    if (confirmedRows.empty() || heldRows.size() < 2) {
        result[QStringLiteral("note")] = QStringLiteral("too few labelled faces");
        return result;
    }
    auto rows = [&](const std::vector<int64_t>& index) {
        return set.embeddings.index_select(0, torch::tensor(index, torch::kInt64));
    };
    const torch::Tensor confirmed = rows(confirmedRows);
    std::vector<int64_t> half[2];
    for (size_t i = 0; i < heldRows.size(); ++i)
        half[i % 2].push_back(static_cast<int64_t>(i));
    int64_t shown = 0;
    int64_t right = 0;
    int64_t known = 0;
    int64_t strangersShown = 0;
    int64_t strangers = 0;
    QJsonArray thresholds;
    QStringList notes;
    for (int fold = 0; fold < 2; ++fold) {
        const std::vector<int64_t>& calib = half[fold];
        const std::vector<int64_t>& test = half[1 - fold];
        std::vector<int64_t> calibRows;
        std::vector<int64_t> calibTruth;
        for (const int64_t i : calib) {
            calibRows.push_back(heldRows[static_cast<size_t>(i)]);
            calibTruth.push_back(heldTruth[static_cast<size_t>(i)]);
        }
        PersonMatcherOptions options;
        options.method = method;
        options.minSimilarity = minSimilarity;
        PersonMatcher matcher(options);
        matcher.setConfirmed(confirmed, confirmedPeople);
        const CalibrationReport report = matcher.calibrate(rows(calibRows), calibTruth, targetPrecision);
        if (!report.note.empty())
            notes << QString::fromStdString(report.note);
        const float threshold = report.threshold.found ? report.threshold.threshold : INFINITY;
        thresholds.append(report.threshold.found ? QJsonValue(double(threshold)) : QJsonValue());
        std::vector<int64_t> testRows;
        for (const int64_t i : test)
            testRows.push_back(heldRows[static_cast<size_t>(i)]);
        const std::vector<PersonSuggestion> suggestions = matcher.suggest(rows(testRows));
        for (size_t j = 0; j < test.size(); ++j) {
            const int64_t truth = heldTruth[static_cast<size_t>(test[j])];
            const PersonSuggestion& s = suggestions[j];
            const bool isShown = s.personId >= 0 && s.confidence >= threshold;
            known += truth >= 0 ? 1 : 0;
            strangers += truth < 0 ? 1 : 0;
            if (isShown) {
                ++shown;
                right += s.personId == truth ? 1 : 0;
                strangersShown += truth < 0 ? 1 : 0;
            }
        }
    }
    result[QStringLiteral("thresholds")] = thresholds;
    result[QStringLiteral("shown")] = static_cast<qint64>(shown);
    result[QStringLiteral("correct")] = static_cast<qint64>(right);
    result[QStringLiteral("precision")] = shown ? double(right) / double(shown) : 1.0;
    result[QStringLiteral("recall")] = known ? double(right) / double(known) : 0.0;
    result[QStringLiteral("known_faces")] = static_cast<qint64>(known);
    result[QStringLiteral("strangers")] = static_cast<qint64>(strangers);
    result[QStringLiteral("strangers_suggested")] = static_cast<qint64>(strangersShown);
    if (!notes.isEmpty())
        result[QStringLiteral("note")] = notes.join(QStringLiteral("; "));
    return result;
}

// The sweep's similarities: 0.300, 0.325, ... 0.975 (FaceRecognitionNet's same-person cosine is ~0.9).
constexpr int kSweepSteps = 28;
float sweepSimilarity(int step)
{
    return 0.30F + 0.025F * static_cast<float>(step);
}

std::optional<float> floatOption(const QCommandLineParser& parser, const QString& name, bool* ok)
{
    if (!parser.isSet(name))
        return std::nullopt;
    const float v = parser.value(name).toFloat(ok);
    if (!*ok || !std::isfinite(v))
        *ok = false;
    return v;
}

int runEvalClusters(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Score clustering algorithms on labelled embeddings (.npz with 'embeddings' and 'labels', as "
        "kindred-cli embed writes): BCubed precision/recall/F, clusters, unclustered share."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("npz"), QStringLiteral("The labelled .npz file."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("algorithm"),
                      QStringLiteral("dbscan, chinese-whispers or all (default)."), QStringLiteral("NAME"),
                      QStringLiteral("all")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addOption(
        {QStringLiteral("sweep"),
         QStringLiteral("Run a grid of thresholds (dbscan eps 0.20-0.70, min-points 2/3; chinese "
                        "whispers similarity 0.30-0.80) and min-cluster-size 2/3; report the best.")});
    parser.addOption({QStringLiteral("eps"), QStringLiteral("DBSCAN cosine distance (default 0.40)."),
                      QStringLiteral("E")});
    parser.addOption(
        {QStringLiteral("min-points"), QStringLiteral("DBSCAN core size (default 3)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("similarity"),
                      QStringLiteral("Chinese whispers minimum edge cosine similarity (default 0.60)."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("k"),
                      QStringLiteral("Chinese whispers neighbours per face (default 10)."),
                      QStringLiteral("K")});
    parser.addOption({QStringLiteral("min-cluster-size"),
                      QStringLiteral("Smallest cluster kept (default 2)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("min-quality"),
                      QStringLiteral("Faces with a lower 'quality' value stay unclustered (default 0)."),
                      QStringLiteral("Q")});
    parser.addOption(
        {QStringLiteral("suggestions"),
         QStringLiteral("Also score person suggestions (PersonMatcher prototype / nearest faces) "
                        "at the calibrated threshold on held-out faces.")});
    parser.addOption({QStringLiteral("match-similarity"),
                      QStringLiteral("PersonMatcher minimum similarity (default 0.30)."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("target-precision"),
                      QStringLiteral("Suggestion precision to calibrate for (default 0.99)."),
                      QStringLiteral("P")});
    parser.addOption({QStringLiteral("min-precision"),
                      QStringLiteral("--sweep also reports the best recall with BCubed precision >= P "
                                     "(default 0.95)."),
                      QStringLiteral("P")});
    if (!parser.parse(args)) {
        ctx.err << "kindred-cli eval-clusters: " << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return ExitOk;
    }
    const QString file = parser.value(QStringLiteral("npz"));
    if (file.isEmpty()) {
        ctx.err << "kindred-cli eval-clusters: --npz FILE is required\n";
        return ExitUsage;
    }
    const QString algorithm = parser.value(QStringLiteral("algorithm"));
    std::vector<std::string> algorithms;
    if (algorithm == QLatin1String("all"))
        algorithms = {"dbscan", "chinese-whispers"};
    else if (algorithm == QLatin1String("dbscan") || algorithm == QLatin1String("chinese-whispers"))
        algorithms = {algorithm.toStdString()};
    else {
        ctx.err << "kindred-cli eval-clusters: --algorithm must be dbscan, chinese-whispers or all\n";
        return ExitUsage;
    }

    bool ok = true;
    Config base;
    const std::optional<float> eps = floatOption(parser, QStringLiteral("eps"), &ok);
    const std::optional<float> similarity = floatOption(parser, QStringLiteral("similarity"), &ok);
    const std::optional<float> minQuality = floatOption(parser, QStringLiteral("min-quality"), &ok);
    const std::optional<float> matchSimilarity = floatOption(parser, QStringLiteral("match-similarity"), &ok);
    const std::optional<float> target = floatOption(parser, QStringLiteral("target-precision"), &ok);
    const std::optional<float> minPrecision = floatOption(parser, QStringLiteral("min-precision"), &ok);
    auto intOption = [&](const QString& name, int fallback, int lowest) {
        if (!parser.isSet(name))
            return fallback;
        bool good = false;
        const int v = parser.value(name).toInt(&good);
        if (!good || v < lowest)
            ok = false;
        return v;
    };
    base.minPoints = intOption(QStringLiteral("min-points"), DbscanOptions{}.minPoints, 1);
    base.k = intOption(QStringLiteral("k"), ChineseWhispersOptions{}.k, 1);
    base.minClusterSize =
        intOption(QStringLiteral("min-cluster-size"), CommonClusterOptions{}.minClusterSize, 1);
    base.minQuality = minQuality.value_or(0.0F);
    if (!ok || (eps && (*eps < 0 || *eps > 2)) || (similarity && (*similarity < -1 || *similarity > 1)) ||
        (target && (*target <= 0 || *target > 1)) ||
        (minPrecision && (*minPrecision < 0 || *minPrecision > 1))) {
        ctx.err << "kindred-cli eval-clusters: a numeric option has a bad value (see --help)\n";
        return ExitUsage;
    }

    LabelledSet set;
    try {
        set = readSet(file);
    } catch (const std::exception& e) {
        ctx.err << "kindred-cli eval-clusters: " << e.what() << '\n';
        return ExitFailure;
    }
    if (base.minQuality > 0 && set.quality.empty()) {
        ctx.err << "kindred-cli eval-clusters: --min-quality needs a 'quality' array in " << file << '\n';
        return ExitUsage;
    }

    std::vector<Config> configs;
    for (const std::string& name : algorithms) {
        Config c = base;
        c.algorithm = name;
        if (!parser.isSet(QStringLiteral("sweep"))) {
            c.threshold = name == "dbscan" ? eps.value_or(DbscanOptions{}.eps)
                                           : similarity.value_or(ChineseWhispersOptions{}.minSimilarity);
            configs.push_back(c);
            continue;
        }
        const std::vector<int> sizes = parser.isSet(QStringLiteral("min-cluster-size"))
                                           ? std::vector<int>{base.minClusterSize}
                                           : std::vector<int>{2, 3};
        for (const int size : sizes) {
            c.minClusterSize = size;
            if (name == "dbscan") {
                const std::vector<int> points = parser.isSet(QStringLiteral("min-points"))
                                                    ? std::vector<int>{base.minPoints}
                                                    : std::vector<int>{2, 3};
                for (const int p : points) {
                    c.minPoints = p;
                    for (int step = 0; step < kSweepSteps; ++step) {
                        c.threshold = 1.0F - sweepSimilarity(step);
                        configs.push_back(c);
                    }
                }
            } else {
                for (int step = 0; step < kSweepSteps; ++step) {
                    c.threshold = sweepSimilarity(step);
                    configs.push_back(c);
                }
            }
        }
    }

    const bool json = parser.isSet(QStringLiteral("json"));
    const double wantedPrecision = minPrecision.value_or(0.95F);
    QJsonArray results;
    std::map<std::string, std::pair<double, QJsonObject>> bestF;
    std::map<std::string, std::pair<double, QJsonObject>> bestRecall;
    const int64_t n = set.embeddings.size(0);
    int identities = 0;
    for (const int label : set.labels)
        identities = std::max(identities, label + 1);
    const int64_t unlabelled = std::count(set.labels.begin(), set.labels.end(), -1);
    if (!json) {
        ctx.out << file << ": " << n << " faces, " << set.embeddings.size(1) << "-d, " << identities
                << " identities, " << unlabelled << " without a label"
                << (set.modelId.empty() ? QString()
                                        : QStringLiteral(", model ") + QString::fromStdString(set.modelId))
                << '\n';
        ctx.out << "| algorithm | parameters | BCubed P | R | F | clusters | unclustered "
                   "|\n|---|---|---:|---:|---:|---:|---:|\n";
    }
    try {
        for (const Config& c : configs) {
            const std::unique_ptr<Clusterer> clusterer = makeClusterer(c);
            const std::vector<float> quality = c.minQuality > 0 ? set.quality : std::vector<float>{};
            const ClusteringEvaluation e =
                ClusteringMetrics::evaluate(*clusterer, set.embeddings, set.labels, quality);
            const QJsonObject o = toJson(c, e);
            results.append(o);
            auto& best = bestF[c.algorithm];
            if (best.second.isEmpty() || e.bcubed.f > best.first)
                best = {e.bcubed.f, o};
            auto& recall = bestRecall[c.algorithm];
            if (e.bcubed.precision >= wantedPrecision &&
                (recall.second.isEmpty() || e.bcubed.recall > recall.first))
                recall = {e.bcubed.recall, o};
            if (!json) {
                const QString params = describe(c).section(QStringLiteral(": "), 1);
                ctx.out << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 % |\n")
                               .arg(QString::fromStdString(c.algorithm), params)
                               .arg(e.bcubed.precision, 0, 'f', 3)
                               .arg(e.bcubed.recall, 0, 'f', 3)
                               .arg(e.bcubed.f, 0, 'f', 3)
                               .arg(e.clusters)
                               .arg(100.0 * e.unclusteredShare, 0, 'f', 1);
            }
        }
    } catch (const std::exception& e) {
        ctx.err << "kindred-cli eval-clusters: " << e.what() << '\n';
        return ExitFailure;
    }

    // Pair statistics: how well the embeddings separate the labelled identities at all.
    const PairScores pairs = VerificationMetrics::allPairs(set.embeddings, set.labels);
    double sameSum = 0;
    double diffSum = 0;
    for (size_t i = 0; i < pairs.scores.size(); ++i)
        (pairs.same[i] ? sameSum : diffSum) += pairs.scores[i];
    const ThresholdAccuracy bestThreshold = VerificationMetrics::bestThreshold(pairs);
    const QJsonObject pairJson{{QStringLiteral("same"), static_cast<qint64>(pairs.positives())},
                               {QStringLiteral("different"), static_cast<qint64>(pairs.negatives())},
                               {QStringLiteral("same_mean_similarity"),
                                pairs.positives() ? sameSum / double(pairs.positives()) : 0.0},
                               {QStringLiteral("different_mean_similarity"),
                                pairs.negatives() ? diffSum / double(pairs.negatives()) : 0.0},
                               {QStringLiteral("auc"), VerificationMetrics::rocAuc(pairs)},
                               {QStringLiteral("best_threshold"), double(bestThreshold.threshold)},
                               {QStringLiteral("best_accuracy"), bestThreshold.accuracy}};

    QJsonArray suggestions;
    if (parser.isSet(QStringLiteral("suggestions"))) {
        for (const MatchMethod method : {MatchMethod::Prototype, MatchMethod::NearestFaces})
            suggestions.append(evaluateSuggestions(
                set, method, matchSimilarity.value_or(PersonMatcherOptions{}.minSimilarity),
                target.value_or(0.99F)));
    }

    QJsonObject best;
    QJsonObject bestPrecise;
    for (const auto& [name, value] : bestF)
        best[QString::fromStdString(name)] = value.second;
    for (const auto& [name, value] : bestRecall)
        bestPrecise[QString::fromStdString(name)] = value.second;
    if (json) {
        QJsonObject o{{QStringLiteral("npz"), file},
                      {QStringLiteral("faces"), static_cast<qint64>(n)},
                      {QStringLiteral("dimension"), static_cast<qint64>(set.embeddings.size(1))},
                      {QStringLiteral("identities"), identities},
                      {QStringLiteral("unlabelled"), static_cast<qint64>(unlabelled)},
                      {QStringLiteral("model_id"), QString::fromStdString(set.modelId)},
                      {QStringLiteral("pairs"), pairJson},
                      {QStringLiteral("results"), results},
                      {QStringLiteral("best"), best},
                      {QStringLiteral("best_recall_at_precision"), bestPrecise},
                      {QStringLiteral("min_precision"), wantedPrecision}};
        if (!suggestions.isEmpty())
            o[QStringLiteral("suggestions")] = suggestions;
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    ctx.out << QStringLiteral("Pairs: %1 same (mean cosine %2), %3 different (mean %4), AUC %5, best "
                              "threshold %6 (accuracy %7)\n")
                   .arg(pairJson[QStringLiteral("same")].toInteger())
                   .arg(pairJson[QStringLiteral("same_mean_similarity")].toDouble(), 0, 'f', 3)
                   .arg(pairJson[QStringLiteral("different")].toInteger())
                   .arg(pairJson[QStringLiteral("different_mean_similarity")].toDouble(), 0, 'f', 3)
                   .arg(pairJson[QStringLiteral("auc")].toDouble(), 0, 'f', 4)
                   .arg(double(bestThreshold.threshold), 0, 'f', 3)
                   .arg(bestThreshold.accuracy, 0, 'f', 4);
    if (configs.size() > algorithms.size()) {
        for (const auto& [name, value] : bestF)
            ctx.out << "Best F: " << QString::fromStdString(name) << " F "
                    << QString::number(value.first, 'f', 3) << " at "
                    << value.second[QStringLiteral("similarity")].toDouble() << " similarity\n";
        for (const auto& [name, value] : bestRecall)
            ctx.out << "Best recall with precision >= " << wantedPrecision << ": "
                    << QString::fromStdString(name) << " R " << QString::number(value.first, 'f', 3) << " at "
                    << value.second[QStringLiteral("similarity")].toDouble() << " similarity\n";
    }
    for (const QJsonValue& v : suggestions) {
        const QJsonObject s = v.toObject();
        ctx.out << "Suggestions (" << s[QStringLiteral("method")].toString() << "): ";
        if (s.contains(QStringLiteral("precision")))
            ctx.out << QStringLiteral(
                           "precision %1, recall %2 (%3 of %4 known held-out faces; %5 of %6 strangers "
                           "suggested)")
                           .arg(s[QStringLiteral("precision")].toDouble(), 0, 'f', 3)
                           .arg(s[QStringLiteral("recall")].toDouble(), 0, 'f', 3)
                           .arg(s[QStringLiteral("correct")].toInteger())
                           .arg(s[QStringLiteral("known_faces")].toInteger())
                           .arg(s[QStringLiteral("strangers_suggested")].toInteger())
                           .arg(s[QStringLiteral("strangers")].toInteger());
        if (s.contains(QStringLiteral("note")))
            ctx.out << " (" << s[QStringLiteral("note")].toString() << ')';
        ctx.out << '\n';
    }
    return ExitOk;
}

const bool registered = registerCliCommand(
    {QStringLiteral("eval-clusters"),
     QStringLiteral("Score clustering algorithms (BCubed) and person suggestions on a labelled .npz"),
     &runEvalClusters});

} // namespace
} // namespace kindred
