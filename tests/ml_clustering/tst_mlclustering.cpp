// Clustering of unknown faces: BCubed, DBSCAN, Chinese whispers, incremental assignment, blocked top-k,
// verification metrics, threshold selection and person suggestions (rejections, calibration).
#include "clustering/averagelinkage.h"
#include "clustering/chinesewhispersclusterer.h"
#include "clustering/compactclusterer.h"
#include "clustering/dbscanclusterer.h"
#include "clustering/incrementalclusterer.h"
#include "clustering/knngraph.h"
#include "clustering/personmatcher.h"
#include "evaluation/clusteringmetrics.h"
#include "evaluation/verificationmetrics.h"
#include "training/syntheticidentities.h"

#include <QTest>
#include <cmath>
#include <limits>
#include <memory>
#include <numbers>

using namespace kindred;

namespace {

// Unit vectors in the plane at the given angles (degrees).
torch::Tensor circle(const QList<double>& degrees)
{
    torch::Tensor x = torch::zeros({static_cast<int64_t>(degrees.size()), 2});
    for (qsizetype i = 0; i < degrees.size(); ++i) {
        const double r = degrees[i] * std::numbers::pi / 180.0;
        x[i][0] = std::cos(r);
        x[i][1] = std::sin(r);
    }
    return x;
}

float cosDeg(double degrees)
{
    return static_cast<float>(std::cos(degrees * std::numbers::pi / 180.0));
}

std::vector<int> toStd(const QList<int>& list)
{
    return {list.begin(), list.end()};
}

QList<int> toQt(const std::vector<int>& v)
{
    return {v.begin(), v.end()};
}

} // namespace

class TestMlClustering : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    void bcubed_data()
    {
        QTest::addColumn<QList<int>>("predicted");
        QTest::addColumn<QList<int>>("truth");
        QTest::addColumn<double>("precision");
        QTest::addColumn<double>("recall");
        QTest::addColumn<double>("f");
        QTest::newRow("perfect, other ids")
            << QList<int>{0, 0, 1, 1} << QList<int>{5, 5, 7, 7} << 1.0 << 1.0 << 1.0;
        QTest::newRow("one big cluster")
            << QList<int>{0, 0, 0, 0} << QList<int>{0, 0, 1, 1} << 0.5 << 1.0 << 2.0 / 3.0;
        QTest::newRow("all unclustered")
            << QList<int>{-1, -1, -1, -1} << QList<int>{0, 0, 1, 1} << 1.0 << 0.5 << 2.0 / 3.0;
        // cluster {a,b,c} holds labels 0,0,1; cluster {d,e} labels 1,1.
        QTest::newRow("mixed") << QList<int>{0, 0, 0, 1, 1} << QList<int>{0, 0, 1, 1, 1} << 11.0 / 15.0
                               << 11.0 / 15.0 << 11.0 / 15.0;
        // A stranger (truth -1) clustered with two faces of one person.
        QTest::newRow("noise clustered") << QList<int>{0, 0, 0} << QList<int>{0, 0, -1} << 5.0 / 9.0 << 1.0
                                         << 2.0 * (5.0 / 9.0) / (5.0 / 9.0 + 1.0);
        QTest::newRow("split class") << QList<int>{0, 1, 2, 2} << QList<int>{3, 3, 3, 3} << 1.0
                                     << 6.0 / 16.0 * 1.0 << 2.0 * (6.0 / 16.0) / (1.0 + 6.0 / 16.0);
    }
    void bcubed()
    {
        QFETCH(QList<int>, predicted);
        QFETCH(QList<int>, truth);
        QFETCH(double, precision);
        QFETCH(double, recall);
        QFETCH(double, f);
        const BCubedScore s = ClusteringMetrics::bcubed(toStd(predicted), toStd(truth));
        QVERIFY2(std::abs(s.precision - precision) < 1e-9, qPrintable(QString::number(s.precision)));
        QVERIFY2(std::abs(s.recall - recall) < 1e-9, qPrintable(QString::number(s.recall)));
        QVERIFY2(std::abs(s.f - f) < 1e-9, qPrintable(QString::number(s.f)));
    }
    void bcubedSizeMismatch()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ClusteringMetrics::bcubed({0, 1}, {0}));
    }

    void dbscan_data()
    {
        QTest::addColumn<QList<double>>("angles");
        QTest::addColumn<double>("epsDegrees");
        QTest::addColumn<int>("minPoints");
        QTest::addColumn<int>("minClusterSize");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("two groups and an outlier") << QList<double>{0, 5, 10, 200, 90, 95, 100} << 12.0 << 3
                                                   << 2 << QList<int>{0, 0, 0, -1, 1, 1, 1};
        QTest::newRow("bigger cluster gets id 0")
            << QList<double>{90, 95, 100, 0, 5, 10, 7} << 12.0 << 3 << 2 << QList<int>{1, 1, 1, 0, 0, 0, 0};
        // Ends of the chain are border faces (2 neighbours), the middle ones core: one cluster.
        QTest::newRow("chain with borders")
            << QList<double>{0, 10, 20, 30, 40} << 11.0 << 3 << 2 << QList<int>{0, 0, 0, 0, 0};
        QTest::newRow("chain without cores")
            << QList<double>{0, 10, 20, 30, 40} << 11.0 << 4 << 2 << QList<int>{-1, -1, -1, -1, -1};
        QTest::newRow("pair below minPoints")
            << QList<double>{0, 3, 120, 123, 126} << 10.0 << 3 << 2 << QList<int>{-1, -1, 0, 0, 0};
        QTest::newRow("minPoints 2, small clusters dissolved")
            << QList<double>{0, 3, 120, 123, 126} << 10.0 << 2 << 3 << QList<int>{-1, -1, 0, 0, 0};
        QTest::newRow("minPoints 2 keeps the pair")
            << QList<double>{0, 3, 120, 123, 126} << 10.0 << 2 << 2 << QList<int>{1, 1, 0, 0, 0};
    }
    void dbscan()
    {
        QFETCH(QList<double>, angles);
        QFETCH(double, epsDegrees);
        QFETCH(int, minPoints);
        QFETCH(int, minClusterSize);
        QFETCH(QList<int>, expected);
        DbscanOptions options;
        options.eps = 1.0f - cosDeg(epsDegrees);
        options.minPoints = minPoints;
        options.common.minClusterSize = minClusterSize;
        const ClusteringResult dense = DbscanClusterer(options).cluster(circle(angles));
        QCOMPARE(toQt(dense.labels), expected);
        // Same answer with one row per block.
        options.common.maxBlockBytes = 1;
        const ClusteringResult blocked = DbscanClusterer(options).cluster(circle(angles));
        QCOMPARE(toQt(blocked.labels), expected);
    }

    void chineseWhispers_data()
    {
        QTest::addColumn<QList<double>>("angles");
        QTest::addColumn<int>("k");
        QTest::addColumn<double>("minDegrees");
        QTest::addColumn<int>("minClusterSize");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("two groups and an outlier")
            << QList<double>{0, 5, 10, 60, 65, 70, 180} << 3 << 15.0 << 2 << QList<int>{0, 0, 0, 1, 1, 1, -1};
        // The edge 6-20 (14 degrees) bridges the groups; each end is outvoted by its own group.
        QTest::newRow("weak bridge") << QList<double>{0, 2, 4, 6, 20, 22, 24, 26} << 4 << 15.0 << 2
                                     << QList<int>{0, 0, 0, 0, 1, 1, 1, 1};
        QTest::newRow("pair dissolved by minClusterSize")
            << QList<double>{0, 5, 90, 95, 100} << 2 << 10.0 << 3 << QList<int>{-1, -1, 0, 0, 0};
        QTest::newRow("no edges above threshold")
            << QList<double>{0, 40, 80, 120} << 3 << 20.0 << 2 << QList<int>{-1, -1, -1, -1};
    }
    void chineseWhispers()
    {
        QFETCH(QList<double>, angles);
        QFETCH(int, k);
        QFETCH(double, minDegrees);
        QFETCH(int, minClusterSize);
        QFETCH(QList<int>, expected);
        ChineseWhispersOptions options;
        options.k = k;
        options.minSimilarity = cosDeg(minDegrees);
        options.common.minClusterSize = minClusterSize;
        for (const uint64_t seed : {1ull, 7ull, 12345ull}) {
            options.seed = seed;
            const ClusteringResult result = ChineseWhispersClusterer(options).cluster(circle(angles));
            QCOMPARE(toQt(result.labels), expected);
        }
    }

    void chineseWhispersDeterministic()
    {
        SyntheticOptions so;
        so.faces = 400;
        so.identities = 30;
        so.dim = 32;
        so.seed = 5;
        const SyntheticSet set = SyntheticIdentities::generate(so);
        ChineseWhispersOptions options;
        options.seed = 99;
        const ClusteringResult a = ChineseWhispersClusterer(options).cluster(set.embeddings);
        const ClusteringResult b = ChineseWhispersClusterer(options).cluster(set.embeddings);
        QCOMPARE(toQt(a.labels), toQt(b.labels));
    }

    void qualityFilter_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("dbscan") << "dbscan";
        QTest::newRow("chinese-whispers") << "chinese-whispers";
    }
    void qualityFilter()
    {
        QFETCH(QString, algorithm);
        // Face 3 (low quality) sits between the two groups and would bridge them.
        const torch::Tensor x = circle({0, 4, 8, 14, 20, 24, 28});
        const std::vector<float> quality = {0.9f, 0.9f, 0.9f, 0.1f, 0.9f, 0.9f, 0.9f};
        std::unique_ptr<Clusterer> clusterer;
        if (algorithm == "dbscan") {
            DbscanOptions o;
            o.eps = 1.0f - cosDeg(7.0);
            o.minPoints = 2;
            o.common.minQuality = 0.5f;
            clusterer = std::make_unique<DbscanClusterer>(o);
        } else {
            ChineseWhispersOptions o;
            o.k = 3;
            o.minSimilarity = cosDeg(7.0);
            o.common.minQuality = 0.5f;
            clusterer = std::make_unique<ChineseWhispersClusterer>(o);
        }
        QCOMPARE(toQt(clusterer->cluster(x, quality).labels), (QList<int>{0, 0, 0, -1, 1, 1, 1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, clusterer->cluster(x, {0.5f}));
    }

    void malformedInput()
    {
        const DbscanClusterer dbscan;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, dbscan.cluster(torch::zeros({3})));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            dbscan.cluster(torch::full({2, 2}, std::numeric_limits<float>::quiet_NaN())));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Clusterer::create("kmeans"));
        QCOMPARE(dbscan.cluster(torch::zeros({0, 8})).labels.size(), size_t{0});
    }

    void blockedTopK_data()
    {
        QTest::addColumn<int>("queries");
        QTest::addColumn<int>("base");
        QTest::addColumn<int>("k");
        QTest::addColumn<bool>("excludeSelf");
        QTest::addColumn<qint64>("blockBytes");
        QTest::newRow("self, one row per block") << 50 << 50 << 5 << true << qint64(1);
        QTest::newRow("self, 3 rows per block") << 257 << 257 << 7 << true << qint64(3 * 257 * 4);
        QTest::newRow("other base") << 100 << 64 << 4 << false << qint64(10 * 64 * 4);
        QTest::newRow("k larger than base") << 10 << 6 << 9 << true << qint64(4 * 6 * 4);
    }
    void blockedTopK()
    {
        QFETCH(int, queries);
        QFETCH(int, base);
        QFETCH(int, k);
        QFETCH(bool, excludeSelf);
        QFETCH(qint64, blockBytes);
        torch::manual_seed(3);
        const torch::Tensor b = torch::nn::functional::normalize(
            torch::randn({base, 16}), torch::nn::functional::NormalizeFuncOptions().dim(1));
        const torch::Tensor q =
            excludeSelf
                ? b
                : torch::nn::functional::normalize(torch::randn({queries, 16}),
                                                   torch::nn::functional::NormalizeFuncOptions().dim(1));
        const KnnResult blocked = KnnGraph::topK(q, b, k, excludeSelf, blockBytes);
        const KnnResult dense = KnnGraph::topK(q, b, k, excludeSelf, int64_t{1} << 40);
        QVERIFY(KnnGraph::blockRows(base, blockBytes) < q.size(0));
        QVERIFY(torch::equal(blocked.indices, dense.indices));
        QVERIFY(torch::allclose(blocked.similarities, dense.similarities));
        // Reference: a full similarity matrix, sorted.
        torch::Tensor full = torch::matmul(q, b.t());
        if (excludeSelf)
            full.fill_diagonal_(-std::numeric_limits<float>::infinity());
        const int64_t kk = std::min<int64_t>(k, base - (excludeSelf ? 1 : 0));
        const auto [values, indices] = full.topk(kk, 1);
        QVERIFY(torch::equal(dense.indices.narrow(1, 0, kk), indices));
        if (kk < k)
            QVERIFY((dense.indices.narrow(1, kk, k - kk) == -1).all().item<bool>());
        if (excludeSelf) {
            const torch::Tensor self = torch::arange(q.size(0)).unsqueeze(1);
            QVERIFY(!(blocked.indices == self).any().item<bool>());
        }
    }

    void incremental_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<bool>("joinLocked");
        QTest::addColumn<QList<int>>("expected");
        // Existing: cluster 0 (locked) near 0 degrees, cluster 3 near 90; new faces at 3, 92, 200, 203,
        // 206 and 300 degrees.
        QTest::newRow("centroid") << int(AssignmentMethod::Centroid) << true << QList<int>{0, 3, 4, 4, 4, -1};
        QTest::newRow("knn vote") << int(AssignmentMethod::KnnVote) << true << QList<int>{0, 3, 4, 4, 4, -1};
        QTest::newRow("centroid, locked closed")
            << int(AssignmentMethod::Centroid) << false << QList<int>{-1, 3, 4, 4, 4, -1};
        QTest::newRow("knn vote, locked closed")
            << int(AssignmentMethod::KnnVote) << false << QList<int>{-1, 3, 4, 4, 4, -1};
    }
    void incremental()
    {
        QFETCH(int, method);
        QFETCH(bool, joinLocked);
        QFETCH(QList<int>, expected);
        const torch::Tensor existing = circle({0, 5, 90, 95, 150});
        const std::vector<int> existingLabels = {0, 0, 3, 3, -1};
        const std::vector<int> before = existingLabels;
        const torch::Tensor fresh = circle({3, 92, 200, 203, 206, 300});
        IncrementalOptions options;
        options.method = static_cast<AssignmentMethod>(method);
        options.minSimilarity = cosDeg(10.0);
        options.k = 2;
        options.lockedClusters = {0};
        options.joinLocked = joinLocked;
        DbscanOptions leftover;
        leftover.eps = 1.0f - cosDeg(8.0);
        leftover.minPoints = 2;
        const IncrementalClusterer incremental(options, std::make_shared<DbscanClusterer>(leftover));
        const IncrementalResult result = incremental.assign(existing, existingLabels, fresh);
        QCOMPARE(toQt(result.labels), expected);
        QCOMPARE(existingLabels, before);
        QCOMPARE(result.newClusters, 1);
        QCOMPARE(result.joinedExisting, joinLocked ? int64_t{2} : int64_t{1});
        QVERIFY(std::isfinite(result.similarity[1]) && result.similarity[1] >= cosDeg(10.0));
        QVERIFY(std::isnan(result.similarity[5]));
    }
    void incrementalLowQualityAndErrors()
    {
        const IncrementalClusterer incremental({}, std::make_shared<DbscanClusterer>());
        IncrementalOptions options;
        options.minQuality = 0.5f;
        options.minSimilarity = cosDeg(10.0);
        const IncrementalClusterer strict(options, std::make_shared<DbscanClusterer>());
        const IncrementalResult r = strict.assign(circle({0, 5}), {0, 0}, circle({1, 2}), {0.9f, 0.1f});
        QCOMPARE(toQt(r.labels), (QList<int>{0, -1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, incremental.assign(circle({0, 5}), {0}, circle({1})));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, IncrementalClusterer({}, nullptr));
        // No existing faces: everything goes to the leftover clusterer, ids start at 0.
        DbscanOptions leftover;
        leftover.eps = 1.0f - cosDeg(8.0);
        leftover.minPoints = 2;
        const IncrementalClusterer fromScratch({}, std::make_shared<DbscanClusterer>(leftover));
        const IncrementalResult s = fromScratch.assign(torch::Tensor(), {}, circle({0, 3, 100}));
        QCOMPARE(toQt(s.labels), (QList<int>{0, 0, -1}));
    }

    void syntheticComparison_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<double>("minF");
        QTest::newRow("dbscan") << "dbscan" << 0.85;
        QTest::newRow("chinese-whispers") << "chinese-whispers" << 0.85;
        QTest::newRow("compact") << "compact" << 0.85;
    }
    void syntheticComparison()
    {
        QFETCH(QString, algorithm);
        QFETCH(double, minF);
        SyntheticOptions so;
        so.faces = 1500;
        so.identities = 40;
        so.seed = 11;
        const SyntheticSet set = SyntheticIdentities::generate(so);
        const auto clusterer = Clusterer::create(algorithm.toStdString());
        const ClusteringEvaluation e =
            ClusteringMetrics::evaluate(*clusterer, set.embeddings, set.labels, set.quality);
        QVERIFY2(e.bcubed.f >= minF,
                 qPrintable(
                     QString("F %1 P %2 R %3").arg(e.bcubed.f).arg(e.bcubed.precision).arg(e.bcubed.recall)));
        // Scores of doing nothing are worse.
        const BCubedScore nothing =
            ClusteringMetrics::bcubed(std::vector<int>(set.labels.size(), -1), set.labels);
        QVERIFY(e.bcubed.f > nothing.f);
    }

    // Average linkage on points of the unit circle: a group keeps only faces close to the group as a whole.
    void averageLinkage_data()
    {
        QTest::addColumn<QList<double>>("degrees");
        QTest::addColumn<QList<qint64>>("photos");
        QTest::addColumn<double>("minDegrees"); // similarity = cos(minDegrees)
        QTest::addColumn<QList<int>>("expected");
        // Two tight pairs: one group each.
        QTest::newRow("two pairs") << QList<double>{0, 2, 90, 92} << QList<qint64>{} << 10.0
                                   << QList<int>{0, 0, 1, 1};
        // A chain with no gap above 9 degrees: single linkage (and Chinese whispers) would join all six;
        // average linkage at 10 degrees keeps groups whose mean pair is within 10 degrees.
        QTest::newRow("chain") << QList<double>{0, 6, 15, 21, 30, 36} << QList<qint64>{} << 10.0
                               << QList<int>{0, 0, 1, 1, 2, 2};
        // Identical faces of one photo are two people; the third face joins one of them.
        QTest::newRow("cannot link") << QList<double>{0, 0, 1} << QList<qint64>{7, 7, 8} << 10.0
                                     << QList<int>{0, 1, 0};
        QTest::newRow("far apart") << QList<double>{0, 45, 90} << QList<qint64>{} << 10.0
                                   << QList<int>{0, 1, 2};
    }
    void averageLinkage()
    {
        QFETCH(QList<double>, degrees);
        QFETCH(QList<qint64>, photos);
        QFETCH(double, minDegrees);
        QFETCH(QList<int>, expected);
        std::vector<int64_t> links(photos.begin(), photos.end());
        const std::vector<int> labels = AverageLinkage::cluster(circle(degrees), cosDeg(minDegrees), links);
        // Compare as partitions (group numbers are by size, ties arbitrary).
        QCOMPARE(int(labels.size()), int(expected.size()));
        for (qsizetype i = 0; i < expected.size(); ++i)
            for (qsizetype j = 0; j < expected.size(); ++j)
                QCOMPARE(labels[size_t(i)] == labels[size_t(j)], expected[i] == expected[j]);
    }

    // The compact clusterer splits what Chinese whispers chains: two identities joined by a bridge of
    // in-between faces.
    void compactSplitsChains()
    {
        QList<double> degrees;
        for (int i = 0; i < 10; ++i)
            degrees << 0.0 + 0.3 * i;
        for (int i = 0; i < 10; ++i)
            degrees << 30.0 + 0.3 * i;
        for (int i = 1; i < 6; ++i)
            degrees << 5.0 * i; // the bridge
        const torch::Tensor e = circle(degrees);
        ChineseWhispersOptions cw;
        cw.minSimilarity = cosDeg(6);
        cw.common.minClusterSize = 3;
        CompactOptions co;
        co.candidates = cw;
        co.minAverageSimilarity = cosDeg(6);
        co.common.minClusterSize = 3;
        const ClusteringResult compact = CompactClusterer(co).cluster(e);
        QVERIFY(compact.labels[0] >= 0 && compact.labels[10] >= 0);
        QVERIFY(compact.labels[0] != compact.labels[10]);
        for (int i = 1; i < 10; ++i) {
            QCOMPARE(compact.labels[size_t(i)], compact.labels[0]);
            QCOMPARE(compact.labels[size_t(10 + i)], compact.labels[10]);
        }
        // Candidates larger than the cap are split further first, with the same result here.
        co.maxCandidateSize = 8;
        const ClusteringResult capped = CompactClusterer(co).cluster(e);
        QVERIFY(capped.labels[0] != capped.labels[10]);
        // Two faces of one photo never share a group.
        std::vector<int64_t> photos(size_t(e.size(0)), -1);
        photos[0] = photos[1] = 5;
        const ClusteringResult constrained = CompactClusterer(co).clusterConstrained(e, {}, photos);
        QVERIFY(constrained.labels[0] != constrained.labels[1] || constrained.labels[0] < 0);
    }

    void syntheticSet()
    {
        SyntheticOptions so;
        so.faces = 500;
        so.identities = 10;
        so.noiseShare = 0.1;
        so.dim = 64;
        const SyntheticSet a = SyntheticIdentities::generate(so);
        const SyntheticSet b = SyntheticIdentities::generate(so);
        QVERIFY(torch::equal(a.embeddings, b.embeddings));
        QCOMPARE(a.embeddings.size(0), 500);
        QCOMPARE(a.embeddings.size(1), 64);
        QVERIFY(torch::allclose(a.embeddings.norm(2, 1), torch::ones({500}), 1e-5, 1e-5));
        QCOMPARE(std::count(a.labels.begin(), a.labels.end(), -1), 50);
        // Faces of one identity are more alike than faces of two.
        const PairScores pairs = VerificationMetrics::allPairs(a.embeddings, a.labels);
        QVERIFY(VerificationMetrics::rocAuc(pairs) > 0.95);
    }

    void rocAuc_data()
    {
        QTest::addColumn<QList<double>>("scores");
        QTest::addColumn<QList<int>>("same");
        QTest::addColumn<double>("auc");
        QTest::newRow("3 of 4 ordered")
            << QList<double>{0.9, 0.6, 0.7, 0.1} << QList<int>{1, 1, 0, 0} << 0.75;
        QTest::newRow("separable") << QList<double>{0.9, 0.8, 0.2, 0.1} << QList<int>{1, 1, 0, 0} << 1.0;
        QTest::newRow("tie counts half") << QList<double>{0.5, 0.5} << QList<int>{1, 0} << 0.5;
        QTest::newRow("reversed") << QList<double>{0.1, 0.9} << QList<int>{1, 0} << 0.0;
    }
    void rocAuc()
    {
        QFETCH(QList<double>, scores);
        QFETCH(QList<int>, same);
        QFETCH(double, auc);
        PairScores p;
        for (qsizetype i = 0; i < scores.size(); ++i) {
            p.scores.push_back(static_cast<float>(scores[i]));
            p.same.push_back(static_cast<uint8_t>(same[i]));
        }
        QCOMPARE(VerificationMetrics::rocAuc(p), auc);
    }

    void tarAtFar()
    {
        // 10 negatives 0.0 .. 0.9, positives 0.5 .. 1.0.
        PairScores p;
        for (int i = 0; i < 10; ++i) {
            p.scores.push_back(static_cast<float>(i) / 10.0f);
            p.same.push_back(0);
        }
        for (const float s : {0.5f, 0.85f, 0.95f, 1.0f}) {
            p.scores.push_back(s);
            p.same.push_back(1);
        }
        const TarAtFar t = VerificationMetrics::tarAtFar(p, 0.1); // one negative (0.9) may pass
        QVERIFY(t.threshold > 0.8f && t.threshold < 0.81f);
        QCOMPARE(t.far, 0.1);
        QCOMPARE(t.tar, 0.75);
        QVERIFY(t.resolvable);
        const TarAtFar strict = VerificationMetrics::tarAtFar(p, 0.01); // no negative may pass
        QVERIFY(strict.threshold > 0.9f);
        QCOMPARE(strict.tar, 0.5);
        QVERIFY(!strict.resolvable);
        const ThresholdAccuracy best = VerificationMetrics::bestThreshold(p);
        // Best cut: between 0.8 and 0.85 (or 0.9 and 0.95): 12 of 14 right.
        QCOMPARE(best.accuracy, 12.0 / 14.0);
        QVERIFY((best.threshold > 0.8f && best.threshold < 0.85f) ||
                (best.threshold > 0.9f && best.threshold < 0.95f));
        const KFoldAccuracy folds = VerificationMetrics::kFoldAccuracy(p, 2);
        QCOMPARE(folds.foldAccuracies.size(), size_t{2});
        QVERIFY(folds.mean > 0.5 && folds.mean <= 1.0);
    }

    void thresholdForPrecision_data()
    {
        QTest::addColumn<QList<double>>("scores");
        QTest::addColumn<QList<int>>("correct");
        QTest::addColumn<double>("target");
        QTest::addColumn<bool>("found");
        QTest::addColumn<double>("threshold");
        QTest::addColumn<int>("accepted");
        const QList<double> s = {0.9, 0.8, 0.7, 0.6, 0.5};
        const QList<int> c = {1, 1, 0, 1, 1};
        QTest::newRow("lowest passing cut") << s << c << 0.75 << true << 0.5 << 5;
        QTest::newRow("strict target") << s << c << 0.9 << true << 0.8 << 2;
        QTest::newRow("first is wrong")
            << QList<double>{0.9, 0.8} << QList<int>{0, 1} << 1.0 << false << 0.0 << 0;
        QTest::newRow("ties are one cut")
            << QList<double>{0.9, 0.9, 0.5} << QList<int>{1, 0, 1} << 0.6 << true << 0.5 << 3;
        QTest::newRow("ties below target")
            << QList<double>{0.9, 0.9, 0.5} << QList<int>{1, 0, 0} << 0.6 << false << 0.0 << 0;
    }
    void thresholdForPrecision()
    {
        QFETCH(QList<double>, scores);
        QFETCH(QList<int>, correct);
        QFETCH(double, target);
        QFETCH(bool, found);
        QFETCH(double, threshold);
        QFETCH(int, accepted);
        std::vector<float> s;
        std::vector<uint8_t> c;
        for (qsizetype i = 0; i < scores.size(); ++i) {
            s.push_back(static_cast<float>(scores[i]));
            c.push_back(static_cast<uint8_t>(correct[i]));
        }
        const PrecisionThreshold t = VerificationMetrics::thresholdForPrecision(s, c, target);
        QCOMPARE(t.found, found);
        if (found) {
            QCOMPARE(t.threshold, static_cast<float>(threshold));
            QCOMPARE(t.accepted, int64_t{accepted});
            QVERIFY(t.precision >= target);
        } else {
            QVERIFY(std::isinf(t.threshold));
        }
    }

    void rejection_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("prototype") << int(MatchMethod::Prototype);
        QTest::newRow("nearest faces") << int(MatchMethod::NearestFaces);
    }
    void rejection()
    {
        QFETCH(int, method);
        PersonMatcherOptions options;
        options.method = static_cast<MatchMethod>(method);
        options.minSimilarity = cosDeg(60.0);
        PersonMatcher matcher(options);
        matcher.setConfirmed(circle({0, 4, 30, 34}), {10, 10, 20, 20}, {1, 2, 3, 4});
        const torch::Tensor faces = circle({6, 6, 6, 170});
        matcher.setRejections({{77, 10}, {79, 10}, {79, 20}});
        const std::vector<PersonSuggestion> s = matcher.suggest(faces, {78, 77, 79, 80});
        QCOMPARE(s[0].personId, int64_t{10});
        QCOMPARE(s[0].runnerUpId, int64_t{20});
        QCOMPARE(s[1].personId, int64_t{20}); // person 10 rejected for face 77
        QCOMPARE(s[1].runnerUpId, int64_t{-1});
        QCOMPARE(s[2].personId, int64_t{-1}); // both rejected
        QCOMPARE(s[2].confidence, 0.0f);
        QCOMPARE(s[3].personId, int64_t{-1}); // too far from everyone
        QCOMPARE(s[3].candidateId, int64_t{20});
        QVERIFY(s[0].confidence > 0.0f && s[0].confidence <= 1.0f);
        QVERIFY(s[0].margin > 0.0f);
        // Without face ids nothing is rejected.
        QCOMPARE(matcher.suggest(faces)[1].personId, int64_t{10});
    }

    void calibration_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("prototype") << int(MatchMethod::Prototype);
        QTest::newRow("nearest faces") << int(MatchMethod::NearestFaces);
    }
    void calibration()
    {
        QFETCH(int, method);
        SyntheticOptions so;
        so.faces = 600;
        so.identities = 30;
        so.dim = 16;
        so.minSpread = 1.0;
        so.maxSpread = 1.6; // low dimension and wide spread: some matches are wrong
        so.familyCorrelation = 0.5;
        so.noiseShare = 0.0;
        so.seed = 4;
        const SyntheticSet set = SyntheticIdentities::generate(so);
        std::vector<int64_t> persons(set.labels.begin(), set.labels.end());
        PersonMatcherOptions options;
        options.method = static_cast<MatchMethod>(method);
        options.minSimilarity = 0.0f;
        PersonMatcher matcher(options);
        matcher.setConfirmed(set.embeddings.narrow(0, 0, 400), {persons.begin(), persons.begin() + 400});
        const CalibrationReport loo = matcher.calibrate(0.99);
        QVERIFY2(loo.calibration.fitted, loo.note.c_str());
        QVERIFY(!loo.confidences.empty());
        double right = 0.0, wrong = 0.0;
        int64_t nRight = 0, nWrong = 0;
        for (size_t i = 0; i < loo.confidences.size(); ++i) {
            QVERIFY(loo.confidences[i] >= 0.0f && loo.confidences[i] <= 1.0f);
            (loo.correct[i] ? right : wrong) += loo.confidences[i];
            (loo.correct[i] ? nRight : nWrong) += 1;
        }
        QVERIFY(nRight > 0 && nWrong > 0);
        QVERIFY(right / static_cast<double>(nRight) > wrong / static_cast<double>(nWrong));
        QVERIFY(loo.threshold.found);
        QVERIFY(loo.threshold.precision >= 0.99);
        // Held-out faces: precision of the suggestions above the threshold stays high.
        const torch::Tensor held = set.embeddings.narrow(0, 400, 200);
        const std::vector<PersonSuggestion> s = matcher.suggest(held);
        int64_t accepted = 0, good = 0;
        for (size_t i = 0; i < s.size(); ++i) {
            if (s[i].personId >= 0 && s[i].confidence >= loo.threshold.threshold) {
                ++accepted;
                good += s[i].personId == persons[400 + i] ? 1 : 0;
            }
        }
        QVERIFY(accepted > 0);
        QVERIFY2(static_cast<double>(good) / static_cast<double>(accepted) >= 0.95,
                 qPrintable(QString("%1 of %2").arg(good).arg(accepted)));
    }
};

QTEST_GUILESS_MAIN(TestMlClustering)
#include "tst_mlclustering.moc"
