// Triplet fine-tuning: losses and gradients, online mining, P x K sampling, the projection head and its
// checkpoints, the trainer's validation and adoption rule, and the .npz reader used by the experiment.
#include "training/pksampler.h"
#include "training/projectionhead.h"
#include "training/syntheticidentities.h"
#include "training/tripletloss.h"
#include "training/tripletminer.h"
#include "training/triplettrainer.h"
#include "weights/npzreader.h"
#include "weights/npzwriter.h"

#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <map>
#include <set>

using namespace kindred;

namespace {

torch::Tensor matrix(const QList<double>& values, int64_t cols)
{
    std::vector<float> v(values.begin(), values.end());
    return torch::tensor(v).reshape({static_cast<int64_t>(values.size()) / cols, cols});
}

QString tripletsText(const Triplets& t)
{
    QStringList parts;
    for (int64_t i = 0; i < t.size(); ++i)
        parts << QStringLiteral("%1,%2,%3")
                     .arg(t.anchors[i].item<int64_t>())
                     .arg(t.positives[i].item<int64_t>())
                     .arg(t.negatives[i].item<int64_t>());
    return parts.join(QLatin1Char(';'));
}

void writeBytes(const std::string& path, const std::vector<char>& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::vector<char> readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// 240 faces of 12 people of equal size in 32 dimensions, no strangers, no poor faces.
SyntheticOptions twelvePeople()
{
    SyntheticOptions s;
    s.faces = 240;
    s.identities = 12;
    s.dim = 32;
    s.noiseShare = 0.0;
    s.lowQualityShare = 0.0;
    s.sizeExponent = 0.0;
    s.seed = 21;
    return s;
}

// Identities blurred by strong variation shared by everybody (pose, light), which a head can suppress.
void addSharedNuisance(SyntheticOptions& s)
{
    s.minSpread = 0.3;
    s.maxSpread = 0.4;
    s.nuisanceDims = 4;
    s.nuisanceScale = 0.9;
}

} // namespace

Q_DECLARE_METATYPE(TripletDistance)
Q_DECLARE_METATYPE(MiningStrategy)
Q_DECLARE_METATYPE(HeadKind)

class TestMlTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(2); }

    // ---- loss -------------------------------------------------------------------------------------

    void lossAndGradient_data()
    {
        QTest::addColumn<TripletDistance>("kind");
        QTest::addColumn<QList<double>>("anchors"); // N x 2
        QTest::addColumn<QList<double>>("positives");
        QTest::addColumn<QList<double>>("negatives");
        QTest::addColumn<double>("margin");
        QTest::addColumn<double>("loss");
        QTest::addColumn<QList<double>>("gradAnchors");
        QTest::addColumn<QList<double>>("gradPositives");
        QTest::addColumn<QList<double>>("gradNegatives");
        // d(a,p) = 4, d(a,n) = 1: 4 - 1 + 0.5; dL/da = 2(a-p) - 2(a-n), dL/dp = -2(a-p), dL/dn = 2(a-n).
        QTest::newRow("euclidean active")
            << TripletDistance::SquaredEuclidean << QList<double>{0, 0} << QList<double>{2, 0}
            << QList<double>{0, 1} << 0.5 << 3.5 << QList<double>{-4, 2} << QList<double>{4, 0}
            << QList<double>{0, -2};
        // d(a,p) = 1, d(a,n) = 4: inside the margin, no loss, no gradient.
        QTest::newRow("euclidean satisfied")
            << TripletDistance::SquaredEuclidean << QList<double>{0, 0} << QList<double>{1, 0}
            << QList<double>{0, 2} << 0.5 << 0.0 << QList<double>{0, 0} << QList<double>{0, 0}
            << QList<double>{0, 0};
        // Two triplets (3.5 and 0): the mean halves the first one's gradient.
        QTest::newRow("euclidean mean")
            << TripletDistance::SquaredEuclidean << QList<double>{0, 0, 0, 0} << QList<double>{2, 0, 1, 0}
            << QList<double>{0, 1, 0, 2} << 0.5 << 1.75 << QList<double>{-2, 1, 0, 0}
            << QList<double>{2, 0, 0, 0} << QList<double>{0, -1, 0, 0};
        // cos(a,p) = 0, cos(a,n) = 1: (1 - 0) - (1 - 1) + 0.2. dcos(a,p)/da = p/|a||p| - cos a/|a|^2.
        QTest::newRow("cosine unit") << TripletDistance::Cosine << QList<double>{1, 0} << QList<double>{0, 1}
                                     << QList<double>{1, 0} << 0.2 << 1.2 << QList<double>{0, -1}
                                     << QList<double>{-1, 0} << QList<double>{0, 0};
        // |a| = 2, p = (1,1): cos = 1/sqrt2; n = (0,3): cos = 0. Loss 1 - 1/sqrt2.
        // dL/da = -(0, 1/(2 sqrt2)) + (0, 1/2); dL/dp = -(a/(|a||p|) - cos p/|p|^2) = -(1/(2sqrt2),
        // -1/(2sqrt2)); dL/dn = a/(|a||n|) = (1/3, 0).
        const double s = 1.0 / (2.0 * std::sqrt(2.0));
        QTest::newRow("cosine scaled")
            << TripletDistance::Cosine << QList<double>{2, 0} << QList<double>{1, 1} << QList<double>{0, 3}
            << 1.0 << 1.0 - 1.0 / std::sqrt(2.0) << QList<double>{0, 0.5 - s} << QList<double>{-s, s}
            << QList<double>{1.0 / 3.0, 0};
        QTest::newRow("cosine satisfied")
            << TripletDistance::Cosine << QList<double>{2, 0} << QList<double>{1, 1} << QList<double>{0, 3}
            << 0.1 << 0.0 << QList<double>{0, 0} << QList<double>{0, 0} << QList<double>{0, 0};
    }

    void lossAndGradient()
    {
        QFETCH(TripletDistance, kind);
        QFETCH(QList<double>, anchors);
        QFETCH(QList<double>, positives);
        QFETCH(QList<double>, negatives);
        QFETCH(double, margin);
        QFETCH(double, loss);
        QFETCH(QList<double>, gradAnchors);
        QFETCH(QList<double>, gradPositives);
        QFETCH(QList<double>, gradNegatives);
        torch::Tensor a = matrix(anchors, 2).to(torch::kFloat64).requires_grad_(true);
        torch::Tensor p = matrix(positives, 2).to(torch::kFloat64).requires_grad_(true);
        torch::Tensor n = matrix(negatives, 2).to(torch::kFloat64).requires_grad_(true);
        torch::Tensor value = TripletLoss::compute(a, p, n, margin, kind);
        QVERIFY(std::abs(value.item<double>() - loss) < 1e-6);
        value.backward();
        const auto check = [](const torch::Tensor& grad, const QList<double>& expected) {
            const torch::Tensor want = matrix(expected, 2).to(torch::kFloat64);
            return grad.defined() && torch::allclose(grad, want, 1e-6, 1e-6);
        };
        QVERIFY2(check(a.grad(), gradAnchors), "anchor gradient");
        QVERIFY2(check(p.grad(), gradPositives), "positive gradient");
        QVERIFY2(check(n.grad(), gradNegatives), "negative gradient");
    }

    void emptyTripletsGiveZeroLoss()
    {
        torch::Tensor y = torch::randn({4, 3}).requires_grad_(true);
        const torch::Tensor none = torch::empty({0}, torch::kInt64);
        torch::Tensor value =
            TripletLoss::compute(y.index_select(0, none), y.index_select(0, none), y.index_select(0, none),
                                 0.2, TripletDistance::SquaredEuclidean);
        QCOMPARE(value.item<double>(), 0.0);
        value.backward(); // a graph exists: training code may call backward() unconditionally
        QVERIFY(torch::all(y.grad() == 0).item<bool>());
    }

    void pairwiseMatchesRowDistance_data()
    {
        QTest::addColumn<TripletDistance>("kind");
        QTest::newRow("euclidean") << TripletDistance::SquaredEuclidean;
        QTest::newRow("cosine") << TripletDistance::Cosine;
    }

    void pairwiseMatchesRowDistance()
    {
        QFETCH(TripletDistance, kind);
        torch::manual_seed(3);
        const torch::Tensor x = torch::randn({6, 5});
        const torch::Tensor d = TripletLoss::pairwise(x, kind);
        for (int64_t i = 0; i < 6; ++i) {
            const torch::Tensor row = TripletLoss::distance(x[i].unsqueeze(0).expand({6, 5}), x, kind);
            QVERIFY(torch::allclose(d[i], row.clamp_min(0.0).index_put_({i}, 0.0), 1e-4, 1e-4));
        }
    }

    // ---- mining -----------------------------------------------------------------------------------

    void mining_data()
    {
        // 1-d points 0, 1, 3 (person 0) and 2, 5 (person 1); squared distances:
        //   d01=1 d02=9 d03=4 d04=25 d12=4 d13=1 d14=16 d23=1 d24=4 d34=9
        QTest::addColumn<MiningStrategy>("strategy");
        QTest::addColumn<double>("margin");
        QTest::addColumn<QString>("expected"); // "a,p,n;..."
        // Per anchor: farthest positive, nearest negative (tie 1/2 for anchor 3 -> smaller index).
        QTest::newRow("batch-hard") << MiningStrategy::BatchHard << 2.0
                                    << QStringLiteral("0,2,3;1,2,3;2,0,3;3,4,1;4,3,2");
        // Margin 2: no negative lies in (dap, dap + 2), so every pair takes the least hard negative with
        // dan <= dap; (0,1) has none (both negatives are farther than 1 + 2) and gives no triplet.
        QTest::newRow("semi-hard margin 2")
            << MiningStrategy::SemiHard << 2.0 << QStringLiteral("0,2,3;1,0,3;1,2,3;2,0,4;2,1,4;3,4,0;4,3,2");
        // Margin 8: (0,1) finds 3 (4 in (1, 9)) and (4,3) finds 1 (16 in (9, 17)), the nearest such.
        QTest::newRow("semi-hard margin 8")
            << MiningStrategy::SemiHard << 8.0
            << QStringLiteral("0,1,3;0,2,3;1,0,3;1,2,3;2,0,4;2,1,4;3,4,0;4,3,1");
    }

    void mining()
    {
        QFETCH(MiningStrategy, strategy);
        QFETCH(double, margin);
        QFETCH(QString, expected);
        const torch::Tensor x = torch::tensor({0.0F, 1.0F, 3.0F, 2.0F, 5.0F}).unsqueeze(1);
        const torch::Tensor labels = torch::tensor({0, 0, 0, 1, 1}, torch::kInt64);
        const torch::Tensor d = TripletLoss::pairwise(x, TripletDistance::SquaredEuclidean);
        QCOMPARE(tripletsText(TripletMiner::mine(d, labels, strategy, margin)), expected);
    }

    void miningNeedsTwoPeople()
    {
        const torch::Tensor d =
            TripletLoss::pairwise(torch::randn({3, 2}), TripletDistance::SquaredEuclidean);
        const torch::Tensor labels = torch::tensor({4, 4, 4}, torch::kInt64);
        QCOMPARE(TripletMiner::mine(d, labels, MiningStrategy::BatchHard, 0.2).size(), int64_t{0});
        QCOMPARE(TripletMiner::mine(d, labels, MiningStrategy::SemiHard, 0.2).size(), int64_t{0});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 TripletMiner::mine(d, torch::tensor({1, 2}), MiningStrategy::SemiHard, 0.2));
    }

    // ---- P x K sampler ----------------------------------------------------------------------------

    void pkSampler_data()
    {
        QTest::addColumn<QList<int>>("sizes"); // faces per person (person i has label i)
        QTest::addColumn<int>("p");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("eligiblePeople");
        QTest::addColumn<int>("batches");
        QTest::newRow("2x2, one single-face person") << QList<int>{5, 3, 1, 4} << 2 << 2 << 3 << 3;
        QTest::newRow("P above people") << QList<int>{2, 6} << 8 << 4 << 2 << 1;
        QTest::newRow("K above faces") << QList<int>{2, 2, 2} << 3 << 4 << 3 << 1;
        QTest::newRow("nobody eligible") << QList<int>{1, 1} << 2 << 2 << 0 << 0;
    }

    void pkSampler()
    {
        QFETCH(QList<int>, sizes);
        QFETCH(int, p);
        QFETCH(int, k);
        QFETCH(int, eligiblePeople);
        QFETCH(int, batches);
        std::vector<int> labels;
        for (int person = 0; person < sizes.size(); ++person)
            labels.insert(labels.end(), static_cast<size_t>(sizes[person]), person);
        labels.push_back(-1); // unlabelled: never sampled
        PKSampler sampler(labels, p, k, 7);
        QCOMPARE(sampler.eligiblePeople(), eligiblePeople);
        QCOMPARE(sampler.batchesPerEpoch(), int64_t{batches});
        std::map<int, std::vector<int64_t>> drawn; // per person, in order
        for (int epoch = 0; epoch < 3; ++epoch) {
            const auto all = sampler.epoch();
            QCOMPARE(static_cast<int>(all.size()), batches);
            for (const auto& batch : all) {
                std::map<int, std::set<int64_t>> perPerson;
                for (const int64_t face : batch) {
                    const int label = labels[static_cast<size_t>(face)];
                    QVERIFY(label >= 0);
                    QVERIFY(sizes[label] >= 2);
                    QVERIFY2(perPerson[label].insert(face).second, "a face twice in one batch");
                    drawn[label].push_back(face);
                }
                QCOMPARE(static_cast<int>(perPerson.size()), std::min(p, eligiblePeople));
                for (const auto& [label, faces] : perPerson)
                    QCOMPARE(static_cast<int>(faces.size()), std::min(k, sizes[label]));
            }
        }
        // Every face of a person is drawn once before any repeats.
        for (const auto& [label, faces] : drawn) {
            const auto n = static_cast<size_t>(sizes[label]);
            if (faces.size() >= n)
                QCOMPARE(
                    std::set<int64_t>(faces.begin(), faces.begin() + static_cast<std::ptrdiff_t>(n)).size(),
                    n);
        }
        // Deterministic for a seed.
        PKSampler a(labels, p, k, 11);
        PKSampler b(labels, p, k, 11);
        QVERIFY(a.epoch() == b.epoch());
    }

    void pkSamplerRejectsBadSizes()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, PKSampler({0, 0}, 0, 2, 1));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, PKSampler({0, 0}, 2, 1, 1));
    }

    // ---- projection head --------------------------------------------------------------------------

    void identityInitialisation_data()
    {
        QTest::addColumn<HeadKind>("kind");
        QTest::addColumn<int>("dim");
        QTest::newRow("linear 128") << HeadKind::Linear << 128;
        QTest::newRow("residual 128") << HeadKind::Residual << 128;
        QTest::newRow("linear 512") << HeadKind::Linear << 512;
    }

    void identityInitialisation()
    {
        QFETCH(HeadKind, kind);
        QFETCH(int, dim);
        ProjectionHeadOptions options;
        options.dim = dim;
        options.kind = kind;
        ProjectionHead head(options);
        torch::manual_seed(5);
        const torch::Tensor raw = torch::randn({50, dim});
        const torch::Tensor x =
            torch::nn::functional::normalize(raw, torch::nn::functional::NormalizeFuncOptions().dim(1));
        QVERIFY((head->project(x) - x).abs().max().item<float>() <= 1e-6F);
        // Unnormalised input comes out normalised, direction unchanged.
        QVERIFY((head->project(raw) - x).abs().max().item<float>() <= 1e-6F);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, head->project(torch::randn({2, dim + 1})));
    }

    void checkpointRoundTrip_data()
    {
        QTest::addColumn<HeadKind>("kind");
        QTest::newRow("linear") << HeadKind::Linear;
        QTest::newRow("residual") << HeadKind::Residual;
    }

    void checkpointRoundTrip()
    {
        QFETCH(HeadKind, kind);
        QTemporaryDir dir;
        ProjectionHeadOptions options;
        options.dim = 16;
        options.kind = kind;
        options.hidden = 8;
        ProjectionHead head(options);
        {
            torch::NoGradGuard noGrad;
            torch::manual_seed(9);
            for (torch::Tensor& p : head->parameters())
                p.add_(0.1 * torch::randn_like(p));
        }
        const std::string file = dir.filePath(QStringLiteral("stage-1.pt")).toStdString();
        saveProjectionHead(head, file, {{"base_model", "frnet-128"}, {"faces", "42"}});
        QVERIFY(!std::filesystem::exists(file + ".tmp"));
        std::map<std::string, std::string> meta;
        ProjectionHead loaded = loadProjectionHead(file, &meta);
        QCOMPARE(loaded->options.kind, kind);
        QCOMPARE(loaded->options.dim, int64_t{16});
        QCOMPARE(meta["base_model"], std::string("frnet-128"));
        QCOMPARE(meta["faces"], std::string("42"));
        const torch::Tensor x = torch::randn({10, 16});
        QVERIFY(torch::allclose(head->project(x), loaded->project(x), 0.0, 1e-7));
        // The trained head differs from the identity: the round trip is not trivially satisfied.
        QVERIFY(!torch::allclose(loaded->project(x), ProjectionHead(options)->project(x), 1e-3, 1e-3));
    }

    void checkpointErrors_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("does not exist");
        QTest::newRow("garbage") << QStringLiteral("garbage") << QStringLiteral("not a torch archive");
        QTest::newRow("truncated") << QStringLiteral("truncated") << QStringLiteral("not a torch archive");
        QTest::newRow("foreign archive")
            << QStringLiteral("foreign") << QStringLiteral("no Kindred metadata");
    }

    void checkpointErrors()
    {
        QFETCH(QString, damage);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const std::string good = dir.filePath(QStringLiteral("good.pt")).toStdString();
        const std::string file = dir.filePath(QStringLiteral("bad.pt")).toStdString();
        ProjectionHeadOptions options;
        options.dim = 8;
        ProjectionHead head(options);
        saveProjectionHead(head, good);
        if (damage == QLatin1String("garbage")) {
            writeBytes(file, std::vector<char>(300, 'x'));
        } else if (damage == QLatin1String("truncated")) {
            std::vector<char> bytes = readBytes(good);
            bytes.resize(bytes.size() / 2);
            writeBytes(file, bytes);
        } else if (damage == QLatin1String("foreign")) {
            torch::serialize::OutputArchive archive;
            archive.write("weight", torch::ones({3}));
            archive.save_to(file);
        }
        try {
            loadProjectionHead(file);
            QFAIL("loading a damaged checkpoint must throw");
        } catch (const std::runtime_error& e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(what.contains(message), qPrintable(what));
            QVERIFY2(what.contains(QString::fromStdString(file)), qPrintable(what));
        }
    }

    // ---- trainer ----------------------------------------------------------------------------------

    void dataRequirement_data()
    {
        QTest::addColumn<QList<int>>("sizes");
        QTest::addColumn<int>("minFaces");
        QTest::addColumn<QString>("message"); // empty = enough data
        QTest::newRow("enough") << QList<int>{4, 4} << 4 << QString();
        QTest::newRow("enough with extras") << QList<int>{9, 1, 5} << 4 << QString();
        QTest::newRow("one person")
            << QList<int>{12} << 4
            << QStringLiteral("found 1 such person among 1 named. Confirm the faces of 1 more person.");
        QTest::newRow("second short")
            << QList<int>{6, 3} << 4
            << QStringLiteral("found 1 such person among 2 named. Closest: person 1 needs 1 more face.");
        QTest::newRow("nobody") << QList<int>{2, 1} << 5
                                << QStringLiteral("found 0 such people among 2 named. Closest: person 0 "
                                                  "needs 3 more faces; person 1 needs 4 more faces.");
        QTest::newRow("no labels")
            << QList<int>{} << 4
            << QStringLiteral("found 0 such people among 0 named. Confirm the faces of 2 more people.");
    }

    void dataRequirement()
    {
        QFETCH(QList<int>, sizes);
        QFETCH(int, minFaces);
        QFETCH(QString, message);
        std::vector<int> labels{-1, -1};
        for (int person = 0; person < sizes.size(); ++person)
            labels.insert(labels.end(), static_cast<size_t>(sizes[person]), person);
        TrainingOptions options;
        options.minFacesPerPerson = minFaces;
        TripletTrainer trainer(options);
        const QString got = QString::fromStdString(trainer.checkData(labels));
        if (message.isEmpty()) {
            QVERIFY2(got.isEmpty(), qPrintable(got));
            return;
        }
        QVERIFY2(
            got.startsWith(
                QStringLiteral("fine-tuning needs at least 2 people with at least %1 confirmed faces each")
                    .arg(minFaces)),
            qPrintable(got));
        QVERIFY2(got.endsWith(message), qPrintable(got));
        const torch::Tensor x =
            torch::nn::functional::normalize(torch::randn({static_cast<int64_t>(labels.size()), 8}),
                                             torch::nn::functional::NormalizeFuncOptions().dim(1));
        QVERIFY_THROWS_EXCEPTION(TrainingDataError, trainer.train(x, labels));
    }

    void trainerAdoption_data()
    {
        QTest::addColumn<QString>("situation");
        QTest::addColumn<bool>("adopted");
        // Identities blurred by strong variation shared by everybody (pose, light): a projection that
        // suppresses it helps.
        QTest::newRow("shared nuisance") << QStringLiteral("nuisance") << true;
        // Labels that are random with respect to the embeddings: nothing to learn that generalises.
        QTest::newRow("random labels") << QStringLiteral("random") << false;
        // Already perfect: no error to remove, no TAR to gain.
        QTest::newRow("already separated") << QStringLiteral("separated") << false;
    }

    void trainerAdoption()
    {
        QFETCH(QString, situation);
        QFETCH(bool, adopted);
        SyntheticOptions s = twelvePeople();
        if (situation == QLatin1String("nuisance")) {
            addSharedNuisance(s);
        } else if (situation == QLatin1String("separated")) {
            s.minSpread = 0.05;
            s.maxSpread = 0.1;
            s.familyCorrelation = 0.0;
        }
        SyntheticSet set = SyntheticIdentities::generate(s);
        if (situation == QLatin1String("random")) {
            std::mt19937 rng(3);
            std::shuffle(set.labels.begin(), set.labels.end(), rng);
        }
        TrainingOptions options;
        options.epochs = 15;
        std::vector<double> losses;
        TrainingResult r = TripletTrainer(options).train(
            set.embeddings, set.labels,
            [&](int, double loss, const HeadMetrics&) { losses.push_back(loss); });
        QVERIFY2(r.adopted == adopted, r.reason.c_str());
        QVERIFY(!r.reason.empty());
        QVERIFY(!r.cancelled);
        QCOMPARE(losses.size(), r.lossCurve.size());
        QCOMPARE(static_cast<int>(r.lossCurve.size()), r.epochsRun);
        QVERIFY(r.head);
        const torch::Tensor projected = r.head->project(set.embeddings);
        if (adopted) {
            QVERIFY(r.after.identification.top1Error <= r.before.identification.top1Error);
            QVERIFY(r.after.identification.top1Error < r.before.identification.top1Error ||
                    r.after.verification.tar > r.before.verification.tar);
            QVERIFY(r.bestEpoch >= 1);
            QVERIFY(!torch::allclose(projected, set.embeddings, 1e-4, 1e-4));
            QVERIFY(r.lossCurve.back() < r.lossCurve.front());
        } else {
            // Not adopted: the result is the identity stage.
            QVERIFY((projected - set.embeddings).abs().max().item<float>() <= 1e-6F);
        }
    }

    void trainerKeepsTheApplicationsBars_data()
    {
        QTest::addColumn<float>("pairBar");
        QTest::addColumn<float>("prototypeBar");
        QTest::newRow("no bar") << 2.0f << 2.0f;
        QTest::newRow("pair bar 0.4") << 0.4f << 2.0f;
        QTest::newRow("pair bar 0.6") << 0.6f << 2.0f;
        QTest::newRow("prototype bar 0.4") << 2.0f << 0.4f;
        QTest::newRow("both bars 0.6") << 0.6f << 0.6f;
    }

    // The application's bars (TrainingOptions::pairBar, prototypeBar): the held-out pairs of different people
    // that reach them are counted before and after the head; a head that separates people (a shared nuisance
    // suppressed) brings fewer over them and stays adopted at every bar.
    void trainerKeepsTheApplicationsBars()
    {
        QFETCH(float, pairBar);
        QFETCH(float, prototypeBar);
        SyntheticOptions s = twelvePeople();
        addSharedNuisance(s);
        const SyntheticSet set = SyntheticIdentities::generate(s);
        TrainingOptions options;
        options.epochs = 15;
        options.pairBar = pairBar;
        options.prototypeBar = prototypeBar;
        options.strangerFolds = 0; // the named people's bars alone (the open set: strangersCheck)
        const TrainingResult r = TripletTrainer(options).train(set.embeddings, set.labels);
        QVERIFY2(r.adopted, r.reason.c_str());
        QCOMPARE(r.before.differentAtPairBar > 0, pairBar <= 1.0f);
        QCOMPARE(r.before.differentAtPrototypeBar > 0, prototypeBar <= 0.4f);
        QVERIFY(r.after.differentAtPairBar <= r.before.differentAtPairBar);
        QVERIFY(!TripletTrainer::moreLookAlikes(r.before.differentAtPrototypeBar,
                                                r.after.differentAtPrototypeBar));
        QVERIFY(r.before.differentAtPairBar <= r.before.pairs);
    }

    void lookAlikeRule_data()
    {
        QTest::addColumn<int>("before");
        QTest::addColumn<int>("after");
        QTest::addColumn<bool>("more");
        QTest::newRow("fewer") << 29 << 3 << false;
        QTest::newRow("the same") << 6 << 6 << false;
        QTest::newRow("one more of one: counting noise") << 1 << 2 << false;
        QTest::newRow("twice as many of six (PINS, 200 faces)") << 6 << 12 << true;
        QTest::newRow("ten times as many (PINS, 400 faces)") << 7 << 82 << true;
        QTest::newRow("from none to four") << 0 << 4 << true;
        QTest::newRow("from none to two") << 0 << 2 << false;
    }

    void lookAlikeRule()
    {
        QFETCH(int, before);
        QFETCH(int, after);
        QFETCH(bool, more);
        QCOMPARE(TripletTrainer::moreLookAlikes(before, after), more);
    }

    void strangersCheck_data()
    {
        QTest::addColumn<QString>("situation");
        QTest::addColumn<int>("strangerFolds");
        QTest::addColumn<bool>("adopted");
        QTest::addColumn<double>("freeWeight");
        QTest::addColumn<double>("togetherWeight");
        QTest::newRow("identities only, no open-set check") << "identities" << 0 << true << 0.0 << 0.0;
        QTest::newRow("identities only, people left out in turn") << "identities" << 4 << false << 0.0 << 0.0;
        QTest::newRow("shared nuisance, people left out in turn") << "nuisance" << 4 << true << 0.0 << 0.0;
        // Twelve more people nobody named (label -1): used in training, where they keep their places, the
        // head no longer draws the people it never saw towards the named ones (the same faces without them:
        // refused).
        QTest::newRow("identities only, twelve people not named, not used")
            << "identities+unnamed" << 4 << false << 0.0 << 0.0;
        QTest::newRow("identities only, twelve people not named keep their places")
            << "identities+unnamed" << 4 << true << 10.0 << 0.0;
        // And their faces at the pair bar stay together: fewer pairs of one left-out person fall under it
        // than with the same training without it.
        QTest::newRow("identities only, twelve people not named keep their places and stay together")
            << "identities+unnamed" << 4 << true << 10.0 << 10.0;
    }

    // The open-set check (TrainingOptions::strangerFolds): people left out of training stand for the people
    // the family has not named yet. With no variation shared by everybody, all a head can learn is to stretch
    // the directions of the people it is trained on: their held-out faces separate better (the checks on
    // named people pass), but the faces of people it never saw lose what tells them apart and move towards
    // the named ones — refused (as on the dev set's tightest-packed people, docs/quality.md). A head that
    // suppresses variation shared by everybody separates people it never saw as well (their pairs move
    // apart) — adopted.
    void strangersCheck()
    {
        QFETCH(QString, situation);
        QFETCH(int, strangerFolds);
        QFETCH(bool, adopted);
        QFETCH(double, freeWeight);
        QFETCH(double, togetherWeight);
        SyntheticOptions s = twelvePeople();
        const bool unnamed = situation.endsWith(QLatin1String("+unnamed"));
        if (unnamed) {
            s.faces *= 2;
            s.identities *= 2;
        }
        if (situation.startsWith(QLatin1String("identities"))) {
            s.familyCorrelation = 0.0;
            s.minSpread = 0.9;
            s.maxSpread = 1.0;
        } else {
            addSharedNuisance(s);
        }
        SyntheticSet set = SyntheticIdentities::generate(s);
        if (unnamed)
            for (int& label : set.labels)
                label = label >= 12 ? -1 : label; // half of the people are not named
        TrainingOptions options;
        options.epochs = 15;
        options.pairBar = 0.6f;
        options.prototypeBar = 0.6f;
        options.strangerFolds = strangerFolds;
        options.freeWeight = freeWeight;
        options.togetherWeight = togetherWeight;
        TrainingResult r = TripletTrainer(options).train(set.embeddings, set.labels);
        QVERIFY2(r.adopted == adopted, r.reason.c_str());
        if (strangerFolds == 0) {
            QCOMPARE(r.after.strangersAtPrototypeBar, -1); // not measured
            return;
        }
        QVERIFY2(r.before.strangersAtPrototypeBar >= 0 && r.before.strangerTop > 0, r.reason.c_str());
        QVERIFY2(QString::fromStdString(r.reason).contains(QStringLiteral("people left out in turn")),
                 r.reason.c_str());
        if (adopted && unnamed) {
            // Kept in their places: no closer than the rule allows (without them: refused, the row above).
            QVERIFY(r.after.strangerTop <= r.before.strangerTop + kDifferentShift);
            QVERIFY(!TripletTrainer::moreLookAlikes(r.before.strangersAtPairBar, r.after.strangersAtPairBar));
            // The faces of one person it never saw: measured, and not pulled apart beyond the rule.
            QVERIFY(r.before.strangerOwnPairs > 0 && r.before.strangersApart >= 0);
            QVERIFY(!TripletTrainer::moreLookAlikes(r.before.strangersApart, r.after.strangersApart));
            if (togetherWeight > 0) {
                options.togetherWeight = 0;
                const TrainingResult without = TripletTrainer(options).train(set.embeddings, set.labels);
                QVERIFY2(r.after.strangersApart < without.after.strangersApart,
                         qPrintable(QStringLiteral("%1 -> %2 kept together, %3 without")
                                        .arg(r.before.strangersApart)
                                        .arg(r.after.strangersApart)
                                        .arg(without.after.strangersApart)));
            }
            return;
        }
        if (adopted) {
            QVERIFY(r.after.strangerTop < r.before.strangerTop);
            QVERIFY(r.after.strangersAtPairBar < r.before.strangersAtPairBar);
            return;
        }
        QVERIFY2(QString::fromStdString(r.reason).contains(QStringLiteral("not trained on")),
                 r.reason.c_str());
        QVERIFY(TripletTrainer::moreLookAlikes(r.before.strangersAtPairBar, r.after.strangersAtPairBar) ||
                r.after.strangerTop > r.before.strangerTop + kDifferentShift);
        // Refused: the embeddings stay exactly as they are.
        QVERIFY((r.head->project(set.embeddings) - set.embeddings).abs().max().item<float>() <= 1e-6F);
    }

    void trainerCancels()
    {
        SyntheticOptions s;
        s.faces = 200;
        s.identities = 10;
        s.dim = 16;
        const SyntheticSet set = SyntheticIdentities::generate(s);
        std::atomic_bool cancel{false};
        TrainingOptions options;
        options.epochs = 50;
        int calls = 0;
        TrainingResult r = TripletTrainer(options).train(
            set.embeddings, set.labels,
            [&](int, double, const HeadMetrics&) {
                if (++calls == 2)
                    cancel = true;
            },
            &cancel);
        QVERIFY(r.cancelled);
        QVERIFY(!r.adopted);
        QCOMPARE(calls, 2);
        QVERIFY((r.head->project(set.embeddings) - set.embeddings).abs().max().item<float>() <= 1e-6F);
    }

    void syntheticNuisanceIsOptIn()
    {
        SyntheticOptions s;
        s.faces = 100;
        s.identities = 5;
        const SyntheticSet plain = SyntheticIdentities::generate(s);
        s.nuisanceDims = 0;
        s.nuisanceScale = 1.0;
        QVERIFY(torch::equal(plain.embeddings, SyntheticIdentities::generate(s).embeddings));
        s.nuisanceDims = 3;
        const SyntheticSet shaken = SyntheticIdentities::generate(s);
        QVERIFY(!torch::allclose(plain.embeddings, shaken.embeddings, 1e-3, 1e-3));
        QVERIFY(plain.labels == shaken.labels);
    }

    // ---- npz reader -------------------------------------------------------------------------------

    void npzRoundTrip()
    {
        NpzWriter writer;
        const torch::Tensor emb = torch::randn({5, 3});
        writer.add("embeddings", emb);
        writer.add("ids", torch::arange(4, torch::kInt64));
        writer.add("mask", torch::tensor({true, false}));
        writer.addStrings("labels", {"ann", "björn", "", "李"});
        const NpzReader reader(writer.bytes(), "memory");
        QCOMPARE(reader.names(), (std::vector<std::string>{"embeddings", "ids", "labels", "mask"}));
        QVERIFY(torch::equal(reader.tensor("embeddings"), emb));
        QVERIFY(torch::equal(reader.tensor("ids"), torch::arange(4, torch::kInt64)));
        QVERIFY(torch::equal(reader.tensor("mask"), torch::tensor({true, false})));
        QCOMPARE(reader.strings("labels"), (std::vector<std::string>{"ann", "björn", "", "李"}));
        QCOMPARE(reader.shape("embeddings"), (std::vector<int64_t>{5, 3}));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, reader.tensor("labels"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, reader.strings("ids"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, reader.tensor("nope"));
    }

    void npzErrors_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("message");
        QTest::newRow("flipped byte") << QStringLiteral("flip") << QStringLiteral("CRC mismatch");
        QTest::newRow("truncated") << QStringLiteral("truncate")
                                   << QStringLiteral("end of central directory");
        QTest::newRow("not a zip") << QStringLiteral("text") << QStringLiteral("not a zip archive");
    }

    void npzErrors()
    {
        QFETCH(QString, damage);
        QFETCH(QString, message);
        NpzWriter writer;
        writer.add("embeddings", torch::randn({4, 4}));
        std::vector<char> bytes = writer.bytes();
        if (damage == QLatin1String("flip"))
            bytes[120] = static_cast<char>(bytes[120] ^ 0x5a);
        else if (damage == QLatin1String("truncate"))
            bytes.resize(bytes.size() - 10);
        else
            bytes.assign(100, 'a');
        try {
            NpzReader reader(bytes, "damaged.npz");
            QFAIL("a damaged archive must throw");
        } catch (const std::runtime_error& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(message), e.what());
            QVERIFY2(QString::fromStdString(e.what()).contains(QStringLiteral("damaged.npz")), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestMlTraining)
#include "tst_mltraining.moc"
