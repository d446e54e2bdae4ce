#include "faceservice.h"

#include "alignment/facealigner.h"
#include "catalog.h"
#include "clustering/averagelinkage.h"
#include "clustering/chinesewhispersclusterer.h"
#include "clustering/compactclusterer.h"
#include "clustering/dbscanclusterer.h"
#include "clustering/incrementalclusterer.h"
#include "clustering/personmatcher.h"
#include "detection/facecheck.h"
#include "embedding/inceptionresnetv1embedder.h"
#include "faceindexer.h"
#include "sqlutil.h"
#include "training/projectionhead.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace kindred {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT f.id, f.photo_id, p.path, f.x1, f.y1, f.x2, f.y2, f.score, f.quality, f.state, f.source, "
    "f.person_id, pe.name, f.cluster_id, f.suggestion_score, f.not_face, f.face_check FROM faces f JOIN "
    "photos p "
    "ON p.id = f.photo_id "
    "LEFT JOIN persons pe ON pe.id = f.person_id");

// The faces compared in one refresh, in the current model's space.
struct FaceVectors {
    std::vector<qint64> ids;
    std::vector<QString> states;
    std::vector<qint64> persons;
    std::vector<qint64> clusters;
    std::vector<float> quality;
    std::vector<bool> doubtful; // FaceService::isUnsure: not grouped
    std::vector<qint64> photos;
    std::vector<float> turned; // FaceAligner::turnedAway
    torch::Tensor embeddings;  // N x D, L2-normalised
};

// Similarity thresholds per embedding model, on L2-normalised vectors. FaceRecognitionNet's similarities
// are all high (same person ~0.94, different people ~0.85 on shared/photos/bbt), so generic defaults would
// merge everyone: docs/clustering.md has the sweep these come from (Chinese whispers at 0.92 keeps BCubed
// precision 1.0 with recall 0.93; prototype matching from 0.85 with calibration above). InceptionResnetV1
// has no real weights on the development machine: its values follow from facenet's verification threshold
// and are to be re-measured with the VGGFace2 checkpoint.
struct ModelThresholds {
    float cluster;    // compact: average-linkage similarity; Chinese whispers edge / DBSCAN 1 - eps /
                      // incremental join
    float suggestion; // a suggestion needs at least this similarity to the person's prototype ...
    float margin;     // ... and this much more than to the second person
    // Shown confidence: the precision measured on the dev set's naming rounds for suggestions whose
    // similarity reaches each floor (docs/quality.md), highest floor first.
    std::vector<std::pair<float, float>> precisionBands;
    // Pose gate (FaceRefreshOptions::maxTurnedAway, turnedExtra, turnedGroupExtra).
    float maxTurnedAway = 0.45f;
    float turnedExtra = 0.005f;
    float turnedGroupExtra = 0.025f;
    // Group questions (FaceRefreshOptions::questionSimilarity / questionMargin) and their shown confidence.
    float question = 2.0f; // > 1: none asked
    float questionMargin = 0.1f;
    float questionConfidence = 0.9f;
    // Pair questions ("Are these two groups one person?") and their shown confidence.
    float pair = 2.0f; // > 1: none asked
    float pairConfidence = 0.9f;
    // Suggestions in a crowded neighbourhood (FaceRefreshOptions::crowdMargin): > 1: not used.
    float crowdMargin = 2.0f;
    // Groups no more alike than the people beside their faces (FaceRefreshOptions::groupCrowdMargin): > 1:
    // not used.
    float groupCrowdMargin = 2.0f;
};

// A face in a group of three or more is suggested as X only when the rest of its group is this much more like
// X than the suggestion bar: an unnamed group that looks like a named person is more often a look-alike not
// yet named (issue 19: Kajol's faces suggested as Sonakshi Sinha) than that person, whose own faces were
// grouped with the ones the family named (docs/quality.md, section 9: 0.10 removed every wrong suggestion on
// the dev set's kinds and did not add a decision).
constexpr float kGroupVoteExtra = 0.10f;
// The evidence of a crowded neighbourhood: the kCrowdRank-th most alike face that cannot be the person, plus
// a margin on the network's scale (docs/quality.md, "A crowded neighbourhood"): FaceRecognitionNet packs
// everybody into 0.85-0.95, EdgeFace spreads people over 0.1-0.7.
constexpr int64_t kCrowdRank = 3;
constexpr float kCrowdMarginEdgeFace = 0.10f;
constexpr float kCrowdMarginFrnet = 0.01f;
// A face stays in its group only when it is this much more like its most alike faces of the group than like
// the faces beside them in their photos, who cannot be the group's person (groupOutliers; docs/quality.md,
// "Groups of faces beside each other"): measured for EdgeFace-XS, where small and blurred faces of many
// people are as alike as 0.4-0.5 to each other and to the faces beside them.
constexpr float kGroupCrowdMarginXs = 0.05f;
// The faces of other named people kept per person as evidence (their highest similarities to the person):
// enough for the bar (kCrowdRank) and to count those that reach a suggestion's similarity.
constexpr int64_t kEvidenceKept = 8;
// The shown confidence of a suggestion as X, from the library's evidence (issue 19, 1b; docs/quality.md,
// "The confidence shown"): the precision measured on the dev set for the similarity band is a prior worth
// kEvidencePrior answers, updated with the faces the family has already decided that are at least as alike
// to X's model as the face is — X's own named faces (each compared with the mean of the others: G) and the
// faces that cannot be X (named as someone else, rejected for X, beside X in a photo: I):
//   confidence = min(band, (band * n0 + G) / (n0 + G + I)).
// It only lowers: where no face that cannot be X is as alike, the measured band stands; where the network
// packs the family's people tighter than the dev set's, the impostors that reach X show it.
constexpr float kEvidencePrior = 20.0f;

float evidenceConfidence(float band, int64_t genuine, int64_t impostors)
{
    const float updated =
        (band * kEvidencePrior + float(genuine)) / (kEvidencePrior + float(genuine) + float(impostors));
    return std::min(band, updated);
}

// How many values of a list sorted high to low reach `value`.
int64_t countReaching(const std::vector<float>& sortedDescending, float value)
{
    return std::upper_bound(sortedDescending.begin(), sortedDescending.end(), value,
                            std::greater_equal<float>()) -
           sortedDescending.begin();
}
// The faces of a group no more alike to it than to the faces beside them (issue 19, 1b; docs/quality.md,
// "Groups of faces beside each other"). If the group is one person, the other faces of its photos are someone
// else. A face's support is its mean similarity to its kBesideSupport most alike faces of the group; its
// evidence against is its highest similarity to a face beside it or beside one of those supporters, in their
// photos (so the evidence does not grow with the group). A face whose support does not beat that evidence by
// `margin` leaves the group, the least supported first (a quarter of those short at a time in large groups,
// so that the work stays bounded), and everything is counted again until every face left is supported or
// fewer than `minSize` are left. `members` N x D and `beside` T x D are L2-normalised; besideOf[t] is the
// member whose photo face t is in. Returns, per member, whether it left.
constexpr int64_t kBesideSupport = 5;
constexpr int64_t kMaxBesideChecked = 3000;

std::vector<bool> groupOutliers(const torch::Tensor& members, const torch::Tensor& beside,
                                const std::vector<int64_t>& besideOf, float margin, int64_t minSize)
{
    const int64_t n = members.size(0);
    std::vector<bool> out(size_t(n), false);
    torch::Tensor alike = torch::mm(members, members.t());
    alike.fill_diagonal_(-2.0f);
    // againstBeside[a][b]: a's highest similarity to the faces beside member b (in chunks of the faces
    // beside).
    torch::Tensor againstBeside = torch::full({n, n}, -2.0f);
    const torch::Tensor memberOf = torch::tensor(besideOf, torch::kLong);
    constexpr int64_t kChunk = 2048;
    for (int64_t t0 = 0; t0 < beside.size(0); t0 += kChunk) {
        const int64_t count = std::min(kChunk, beside.size(0) - t0);
        const torch::Tensor toBeside = torch::mm(members, beside.narrow(0, t0, count).t());
        againstBeside.scatter_reduce_(1, memberOf.narrow(0, t0, count).unsqueeze(0).expand({n, -1}), toBeside,
                                      "amax", /*include_self=*/true);
    }
    const torch::Tensor own = againstBeside.diagonal();
    torch::Tensor active = torch::ones({n}, torch::kBool);
    int64_t left = n;
    while (left >= minSize) {
        const int64_t k = std::min(kBesideSupport, left - 1);
        const auto [support, supporters] =
            alike.masked_fill(active.logical_not().unsqueeze(0), -2.0f).topk(k, 1);
        const torch::Tensor against =
            torch::maximum(own, std::get<0>(againstBeside.gather(1, supporters).max(1)));
        const torch::Tensor shortfall =
            (against + margin - support.mean(1)).masked_fill(active.logical_not(), -3.0f);
        const int64_t shortCount = (shortfall > 0).sum().item<int64_t>();
        if (shortCount == 0)
            break;
        const torch::Tensor worst = std::get<1>(shortfall.topk(std::max<int64_t>(1, shortCount / 4)));
        for (int64_t i = 0; i < worst.size(0); ++i) {
            const int64_t m = worst[i].item<int64_t>();
            active[m] = false;
            out[size_t(m)] = true;
            --left;
        }
    }
    return out;
}

// A turned-away measure no face reaches: every face may be grouped.
constexpr float kNoPoseGate = 1e9f;
// Group questions for EdgeFace-XS (docs/quality.md, "Questions about whole groups").
constexpr float kQuestionXs = 0.50f;
constexpr float kQuestionMarginXs = 0.05f;
// Pair questions for EdgeFace-XS: the mean similarity of two groups' faces; groups reaching the grouping bar
// (0.36) are one group already, so the question is about pairs just below it (docs/quality.md, "Questions
// about two groups": father and son reach 0.344).
constexpr float kPairXs = 0.35f;

ModelThresholds withQuestions(ModelThresholds t, float bar, float margin, float confidence)
{
    t.question = bar;
    t.questionMargin = margin;
    t.questionConfidence = confidence;
    return t;
}

ModelThresholds modelThresholds(const QString& modelId)
{
    if (modelId.startsWith(QLatin1String("frnet"))) {
        ModelThresholds t{0.935f, 0.965f, 0.02f, {{0.97f, 0.998f}, {0.965f, 0.995f}}, 0.45f, 0.005f, 0.025f};
        t.crowdMargin = kCrowdMarginFrnet;
        return t;
    }
    // EdgeFace: measured with eval-library on the dev set (docs/quality.md, section 7). Profiles are grouped
    // too (no pose gate: the network matches them to frontal faces); a suggestion needs a clear margin over
    // the second person and over every unnamed group, since look-alike strangers reach 0.4-0.45.
    if (modelId.startsWith(QLatin1String("edgeface-xs@"))) {
        ModelThresholds t = withQuestions({0.36f, 0.45f, 0.1f, {{0.45f, 0.98f}}, kNoPoseGate, 0.0f, 0.0f},
                                          kQuestionXs, kQuestionMarginXs, 0.98f);
        t.pair = kPairXs;
        t.pairConfidence = 0.98f;
        t.crowdMargin = kCrowdMarginEdgeFace;
        t.groupCrowdMargin = kGroupCrowdMarginXs;
        return t;
    }
    // XXS, the smaller network, mixes profiles of different people (a CFP group of profiles of 7 people
    // without the pose gate) and look-alike strangers reach 0.5: it keeps the gate and a higher suggestion
    // bar.
    if (modelId.startsWith(QLatin1String("edgeface-xxs@"))) {
        ModelThresholds t{0.40f, 0.55f, 0.1f, {{0.55f, 0.98f}}, 0.45f, 0.005f, 0.025f};
        t.crowdMargin = kCrowdMarginEdgeFace;
        return t;
    }
    if (modelId.startsWith(QLatin1String("irv1"))) {
        const float same = float(1.0 - InceptionResnetV1Embedder::kDefaultThreshold); // cosine distance
        return {same + 0.05f, same + 0.05f, 0.05f, {{same + 0.05f, 0.9f}}};
    }
    return {0.6f, 0.6f, 0.05f, {{0.6f, 0.9f}}};
}

// "Is this group X?", as found by a refresh.
struct Question {
    qint64 cluster; // db id, or -k for a new one
    qint64 person;
    float similarity; // the group's faces to their most alike confirmed face of X, averaged
    float confidence; // shown
};

// The confidence shown with "Is this group X?" follows the library's evidence as a suggestion's does
// (evidenceConfidence), in the question's own measure, a face's most alike confirmed face of X: X's named
// faces each with its most alike other named face of X (G), and the faces that cannot be X — named as
// someone else, rejected for X, unnamed beside X in a photo — with their most alike named face of X (I), that
// reach the question's similarity. One Yes names a whole group, so a family whose people the network packs
// tighter than the dev set's is shown it here too. `named`: the confirmed faces (rows of v), person after
// person (personStart, personRows). Only values from `floor` (the lowest similarity a question is asked at)
// are kept. Returns how many questions were shown below their band.
int questionEvidence(std::vector<Question>& questions, const FaceVectors& v, const torch::Tensor& named,
                     const std::vector<qint64>& personOf, const std::vector<int64_t>& personStart,
                     const std::vector<std::vector<int64_t>>& personRows,
                     const std::vector<std::pair<int64_t, int64_t>>& rejections,
                     const QHash<qint64, int64_t>& rowOfFace, const std::vector<int64_t>& open,
                     const QSet<QPair<qint64, qint64>>& namedInPhoto, float floor)
{
    QHash<qint64, int64_t> indexOf; // person id -> index in personOf
    for (size_t p = 0; p < personOf.size(); ++p)
        indexOf.insert(personOf[p], int64_t(p));
    // Most alike face of X for each row of `faces`, the values from `floor`, into `out`; rows of X's own
    // faces (start..start+n of `faces` when `own` is true) skip themselves.
    const auto nearest = [floor](const torch::Tensor& faces, const torch::Tensor& x, int64_t start, bool own,
                                 std::vector<float>& genuine, std::vector<float>& impostors) {
        const int64_t n = x.size(0), total = faces.size(0);
        const int64_t chunk = std::max<int64_t>(1, (int64_t(1) << 22) / n); // <= 16 MB of similarities
        for (int64_t b = 0; b < total; b += chunk) {
            const int64_t e = std::min(total, b + chunk);
            torch::Tensor sims = torch::mm(faces.narrow(0, b, e - b), x.t()).contiguous(); // R x n
            auto acc = sims.accessor<float, 2>();
            if (own)
                for (int64_t r = std::max(b, start); r < std::min(e, start + n); ++r)
                    acc[r - b][r - start] = -2.0f;
            const torch::Tensor best = sims.amax(1).contiguous();
            const float* bp = best.data_ptr<float>();
            for (int64_t r = 0; r < e - b; ++r)
                if (bp[r] >= floor)
                    (own && b + r >= start && b + r < start + n ? genuine : impostors).push_back(bp[r]);
        }
    };
    QHash<int64_t, std::pair<std::vector<float>, std::vector<float>>> evidence; // person index -> (G, I)
    int lowered = 0;
    for (Question& q : questions) {
        const int64_t p = indexOf.value(q.person, -1);
        if (p < 0)
            continue;
        auto found = evidence.find(p);
        if (found == evidence.end()) {
            const int64_t start = personStart[size_t(p)], n = int64_t(personRows[size_t(p)].size());
            const torch::Tensor x = named.narrow(0, start, n);
            std::pair<std::vector<float>, std::vector<float>> e;
            nearest(named, x, start, true, e.first, e.second); // every named face
            std::vector<int64_t> cannot;                       // unnamed faces that cannot be X
            for (const auto& [face, person] : rejections) {
                const auto row = rowOfFace.constFind(face);
                if (person == q.person && row != rowOfFace.cend() &&
                    v.states[size_t(*row)] != QLatin1String("confirmed"))
                    cannot.push_back(*row);
            }
            for (int64_t row : open)
                if (namedInPhoto.contains({v.photos[size_t(row)], q.person}))
                    cannot.push_back(row);
            std::sort(cannot.begin(), cannot.end());
            cannot.erase(std::unique(cannot.begin(), cannot.end()), cannot.end());
            if (!cannot.empty())
                nearest(v.embeddings.index_select(0, torch::tensor(cannot, torch::kLong)), x, 0, false,
                        e.first, e.second);
            std::sort(e.first.begin(), e.first.end(), std::greater<float>());
            std::sort(e.second.begin(), e.second.end(), std::greater<float>());
            found = evidence.insert(p, std::move(e));
        }
        const float shown = evidenceConfidence(q.confidence, countReaching(found->first, q.similarity),
                                               countReaching(found->second, q.similarity));
        lowered += shown < q.confidence ? 1 : 0;
        q.confidence = shown;
    }
    return lowered;
}

float shownConfidence(const ModelThresholds& t, float similarity)
{
    for (const auto& [floor, precision] : t.precisionBands)
        if (similarity >= floor)
            return precision;
    return t.precisionBands.empty() ? 0.5f : t.precisionBands.back().second;
}

} // namespace

void FaceService::comparisonBars(const QString& modelId, float* grouping, float* suggestion) const
{
    const ModelThresholds t = modelThresholds(modelId);
    const FaceRefreshOptions o = libraryOptions();
    // Two groups are compared (average linkage) for grouping and for pair questions: the lower bar counts.
    const float pair = o.pairSimilarity >= 0 ? o.pairSimilarity : t.pair;
    *grouping = std::min(o.clusterSimilarity >= 0 ? o.clusterSimilarity : t.cluster, pair);
    *suggestion = o.suggestionSimilarity >= 0 ? o.suggestionSimilarity : t.suggestion;
}

FaceService::FaceService(const QString& catalogPath, const LibraryPaths& paths)
    : m_catalogPath(catalogPath), m_paths(paths)
{
}

bool FaceService::fail(const QString& message) const
{
    m_error = message;
    return false;
}

QList<FaceRecord> FaceService::query(const QString& where, const QVariantList& values,
                                     const QString& order) const
{
    QList<FaceRecord> out;
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return out;
    QSqlQuery q(db);
    QString sql = kSelect;
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where;
    if (!order.isEmpty())
        sql += QStringLiteral(" ORDER BY ") + order;
    if (!SqlUtil::exec(q, sql, values, &m_error))
        return out;
    while (q.next()) {
        FaceRecord r;
        r.id = q.value(0).toLongLong();
        r.photoId = q.value(1).toLongLong();
        r.photoPath = q.value(2).toString();
        r.box = QRectF(QPointF(q.value(3).toDouble(), q.value(4).toDouble()),
                       QPointF(q.value(5).toDouble(), q.value(6).toDouble()));
        r.score = q.value(7).toFloat();
        r.quality = q.value(8).toFloat();
        r.state = q.value(9).toString();
        r.source = q.value(10).toString();
        r.personId = q.value(11).toLongLong();
        r.personName = q.value(12).toString();
        r.clusterId = q.value(13).toLongLong();
        r.suggestionScore = q.value(14).toFloat();
        r.notFace = q.value(15).toInt();
        r.faceCheck = q.value(16).isNull() ? std::numeric_limits<float>::quiet_NaN() : q.value(16).toFloat();
        // Hidden by the check although it passes it: a second box on a face (FaceCheck::secondBoxes).
        r.secondBox = FaceCheck::hiddenAsSecondBox(r.notFace == 1, q.value(16).toDouble());
        r.cropPath = FaceIndexer::faceCropPath(m_paths, r.id);
        out.append(r);
    }
    return out;
}

QList<ClusterRecord> FaceService::clusters(int maxFacesPerCluster) const
{
    const QList<FaceRecord> faces = query(
        QStringLiteral("f.state IN ('unknown', 'suggested') AND f.cluster_id IS NOT NULL AND p.missing = 0"),
        {}, QStringLiteral("f.cluster_id, f.quality DESC, f.id"));
    QList<ClusterRecord> out;
    QHash<qint64, qsizetype> index;
    for (const FaceRecord& face : faces) {
        auto it = index.find(face.clusterId);
        if (it == index.end()) {
            ClusterRecord c;
            c.id = face.clusterId;
            out.append(c);
            it = index.insert(face.clusterId, out.size() - 1);
        }
        ClusterRecord& c = out[*it];
        ++c.size;
        if (maxFacesPerCluster < 0 || c.faces.size() < maxFacesPerCluster)
            c.faces.append(face);
    }
    // The suggested person of a cluster: the one more than half of its faces are suggested as.
    QHash<qint64, QHash<qint64, int>> votes;
    QHash<qint64, QString> names;
    for (const FaceRecord& face : faces)
        if (face.state == QLatin1String("suggested") && face.personId > 0) {
            ++votes[face.clusterId][face.personId];
            names.insert(face.personId, face.personName);
        }
    for (ClusterRecord& c : out) {
        const auto v = votes.value(c.id);
        for (auto it = v.cbegin(); it != v.cend(); ++it)
            if (2 * it.value() > c.size) {
                c.suggestedPersonId = it.key();
                c.suggestedPersonName = names.value(it.key());
            }
    }
    std::stable_sort(out.begin(), out.end(), [](const ClusterRecord& a, const ClusterRecord& b) {
        return a.size != b.size ? a.size > b.size : a.id < b.id;
    });
    return out;
}

namespace {
// Unnamed faces in no group, of photos that are there: the faces on their own and the unsure ones.
const QString kUnnamedUngrouped =
    QStringLiteral("f.state IN ('unknown', 'suggested') AND f.cluster_id IS NULL AND p.missing = 0 AND ");
} // namespace

QList<FaceRecord> FaceService::unclusteredFaces() const
{
    return query(kUnnamedUngrouped + QStringLiteral("NOT ") + unsureCondition(QStringLiteral("f")), {},
                 QStringLiteral("f.quality DESC, f.id"));
}

bool FaceService::isUnsure(int notFace, const QVariant& faceCheck)
{
    // A detection the face check only just let through that nobody confirmed (not_face -1: "It is a face").
    return notFace == 0 && !faceCheck.isNull() && !FaceCheck::canGroup(faceCheck.toDouble());
}

QString FaceService::unsureCondition(const QString& alias)
{
    const QString c = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    return QStringLiteral("(%1not_face = 0 AND %1face_check IS NOT NULL AND %1face_check < %2)")
        .arg(c, QString::number(FaceCheck::kMinGroupConfidence, 'g', 17));
}

QList<FaceRecord> FaceService::unsureFaces() const
{
    return query(kUnnamedUngrouped + unsureCondition(QStringLiteral("f")), {},
                 QStringLiteral("f.face_check, f.id"));
}

QList<GroupQuestion> FaceService::groupQuestions(int facesPerSide) const
{
    QList<GroupQuestion> out;
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return out;
    QSqlQuery q(db);
    if (!SqlUtil::exec(
            q,
            QStringLiteral(
                "SELECT g.cluster_id, g.person_id, pe.name, g.similarity, g.confidence, "
                "(SELECT count(*) FROM faces f JOIN photos p ON p.id = f.photo_id WHERE "
                "f.cluster_id = g.cluster_id AND f.state IN ('unknown', 'suggested') AND "
                "p.missing = 0 AND NOT EXISTS (SELECT 1 FROM face_rejections r WHERE r.face_id = f.id AND "
                "r.person_id = g.person_id)) AS n FROM group_questions g JOIN persons pe ON pe.id = "
                "g.person_id WHERE n > 0 ORDER BY n DESC, g.similarity DESC, g.cluster_id"),
            {}, &m_error))
        return out;
    while (q.next()) {
        GroupQuestion g;
        g.clusterId = q.value(0).toLongLong();
        g.personId = q.value(1).toLongLong();
        g.personName = q.value(2).toString();
        g.similarity = q.value(3).toFloat();
        g.confidence = q.value(4).toFloat();
        g.faces = q.value(5).toInt();
        g.groupSize = g.faces;
        out.append(g);
    }
    const QString unnamed = QStringLiteral(
        "(SELECT count(*) FROM faces f JOIN photos p ON p.id = f.photo_id WHERE f.cluster_id = %1 AND "
        "f.state IN ('unknown', 'suggested') AND p.missing = 0)");
    if (!SqlUtil::exec(
            q,
            QStringLiteral("SELECT g.cluster_id, g.other_cluster_id, g.similarity, g.confidence, %1 AS "
                           "n, %2 AS m FROM group_pair_questions g WHERE n > 0 AND m > 0")
                .arg(unnamed.arg(QStringLiteral("g.other_cluster_id")),
                     unnamed.arg(QStringLiteral("g.cluster_id"))),
            {}, &m_error))
        return {};
    while (q.next()) {
        GroupQuestion g;
        g.clusterId = q.value(0).toLongLong();
        g.otherClusterId = q.value(1).toLongLong();
        g.similarity = q.value(2).toFloat();
        g.confidence = q.value(3).toFloat();
        g.faces = q.value(4).toInt();
        g.groupSize = q.value(5).toInt();
        out.append(g);
    }
    q.finish();
    // Most faces decided by one answer first; then the surer question.
    std::stable_sort(out.begin(), out.end(), [](const GroupQuestion& a, const GroupQuestion& b) {
        return a.decidedFaces() != b.decidedFaces() ? a.decidedFaces() > b.decidedFaces()
                                                    : a.similarity > b.similarity;
    });
    if (facesPerSide != 0)
        for (GroupQuestion& g : out) {
            if (g.isPair()) {
                g.groupFaces = facesOfCluster(g.clusterId);
                g.personFaces = facesOfCluster(g.otherClusterId);
                if (facesPerSide > 0) {
                    g.groupFaces = g.groupFaces.mid(0, facesPerSide);
                    g.personFaces = g.personFaces.mid(0, facesPerSide);
                }
                continue;
            }
            g.groupFaces =
                query(QStringLiteral("f.cluster_id = ? AND f.state IN ('unknown', 'suggested') AND "
                                     "p.missing = 0 AND NOT EXISTS (SELECT 1 FROM face_rejections r WHERE "
                                     "r.face_id = f.id AND r.person_id = ?)"),
                      {g.clusterId, g.personId}, QStringLiteral("f.quality DESC, f.id"));
            g.personFaces =
                query(QStringLiteral("f.person_id = ? AND f.state = 'confirmed' AND p.missing = 0"),
                      {g.personId}, QStringLiteral("f.quality DESC, f.id"));
            if (facesPerSide > 0) {
                g.groupFaces = g.groupFaces.mid(0, facesPerSide);
                g.personFaces = g.personFaces.mid(0, facesPerSide);
            }
        }
    return out;
}

QList<FaceRecord> FaceService::notFaces() const
{
    return query(QStringLiteral("f.not_face > 0 AND f.state = 'ignored' AND p.missing = 0"), {},
                 QStringLiteral("f.not_face DESC, f.face_check DESC, f.id"));
}

QList<FaceRecord> FaceService::suggestions() const
{
    return query(QStringLiteral("f.state = 'suggested' AND f.person_id IS NOT NULL AND p.missing = 0"), {},
                 QStringLiteral("f.suggestion_score DESC, f.id"));
}

QList<FaceRecord> FaceService::facesOfPhoto(qint64 photoId) const
{
    return query(QStringLiteral("f.photo_id = ?"), {photoId}, QStringLiteral("f.x1, f.id"));
}

QList<FaceRecord> FaceService::facesOfPerson(qint64 personId) const
{
    return query(QStringLiteral("f.person_id = ? AND f.state = 'confirmed'"), {personId},
                 QStringLiteral("p.captured_at, p.path, f.id"));
}

QList<FaceRecord> FaceService::facesOfCluster(qint64 clusterId) const
{
    return query(QStringLiteral("f.cluster_id = ? AND f.state IN ('unknown', 'suggested')"), {clusterId},
                 QStringLiteral("f.quality DESC, f.id"));
}

std::optional<FaceRecord> FaceService::face(qint64 faceId) const
{
    const QList<FaceRecord> faces = query(QStringLiteral("f.id = ?"), {faceId}, {});
    if (faces.isEmpty())
        return std::nullopt;
    return faces.first();
}

int FaceService::unknownFaceCount() const
{
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    return SqlUtil::scalar(db,
                           QStringLiteral("SELECT count(*) FROM faces f JOIN photos p ON p.id = f.photo_id "
                                          "WHERE f.state IN ('unknown', 'suggested') AND p.missing = 0"),
                           {}, 0)
        .toInt();
}

QString FaceService::currentModel(QSqlDatabase& db)
{
    // The embedding model most faces are stored with (the indexer re-embeds the rest on a model change).
    return SqlUtil::scalar(db, QStringLiteral("SELECT model_id FROM faces WHERE embedding IS NOT NULL "
                                              "GROUP BY model_id ORDER BY count(*) DESC, model_id LIMIT 1"))
        .toString();
}

FaceRefreshOptions FaceService::libraryOptions() const
{
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    const auto setting = [&](const char* key) {
        return SqlUtil::setting(db, QString::fromLatin1(key)).toString();
    };
    FaceRefreshOptions options;
    const QString algorithm = setting("clusters.algorithm");
    if (algorithm == QLatin1String("dbscan") || algorithm == QLatin1String("chinese-whispers") ||
        algorithm == QLatin1String("compact"))
        options.algorithm = algorithm;
    bool ok = false;
    const double similarity = setting("clusters.similarity").toDouble(&ok);
    if (ok && similarity > 0 && similarity < 1)
        options.clusterSimilarity = float(similarity);
    const double quality = setting("clusters.min_quality").toDouble(&ok);
    if (ok && quality >= 0 && quality <= 1)
        options.minQuality = float(quality);
    const int minSize = setting("clusters.min_size").toInt(&ok);
    if (ok && minSize >= 2)
        options.minClusterSize = minSize;
    const double suggestion = setting("suggestions.similarity").toDouble(&ok);
    if (ok && suggestion > 0 && suggestion < 1)
        options.suggestionSimilarity = float(suggestion);
    const double margin = setting("suggestions.margin").toDouble(&ok);
    if (ok && margin >= 0 && margin < 1)
        options.suggestionMargin = float(margin);
    return options;
}

bool FaceService::setLibraryOptions(const FaceRefreshOptions& options)
{
    if (options.algorithm != QLatin1String("dbscan") &&
        options.algorithm != QLatin1String("chinese-whispers") &&
        options.algorithm != QLatin1String("compact"))
        return fail(QStringLiteral("unknown clustering algorithm '%1' (compact, dbscan, chinese-whispers)")
                        .arg(options.algorithm));
    if (options.suggestionSimilarity >= 1 || options.suggestionMargin >= 1)
        return fail(QStringLiteral("suggestion thresholds must be below 1"));
    if (options.minClusterSize < 2)
        return fail(QStringLiteral("the minimum cluster size must be at least 2"));
    if (options.minQuality < 0 || options.minQuality > 1)
        return fail(QStringLiteral("the minimum quality must be between 0 and 1"));
    if (options.clusterSimilarity >= 1)
        return fail(QStringLiteral("the cluster similarity must be below 1"));
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    const QString put = QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
    if (!db.transaction())
        return fail(db.lastError().text());
    QString error;
    bool ok =
        SqlUtil::exec(db, put, {QStringLiteral("clusters.algorithm"), options.algorithm}, &error) &&
        SqlUtil::exec(db, put, {QStringLiteral("clusters.min_size"), QString::number(options.minClusterSize)},
                      &error) &&
        SqlUtil::exec(db, put, {QStringLiteral("clusters.min_quality"), QString::number(options.minQuality)},
                      &error);
    if (ok)
        ok = options.clusterSimilarity > 0
                 ? SqlUtil::exec(
                       db, put,
                       {QStringLiteral("clusters.similarity"), QString::number(options.clusterSimilarity)},
                       &error)
                 : SqlUtil::exec(db, QStringLiteral("DELETE FROM settings WHERE key = 'clusters.similarity'"),
                                 {}, &error);
    const auto store = [&](const QString& key, float value) {
        return value >= 0
                   ? SqlUtil::exec(db, put, {key, QString::number(value)}, &error)
                   : SqlUtil::exec(db, QStringLiteral("DELETE FROM settings WHERE key = ?"), {key}, &error);
    };
    ok = ok && store(QStringLiteral("suggestions.similarity"), options.suggestionSimilarity) &&
         store(QStringLiteral("suggestions.margin"), options.suggestionMargin);
    if (!ok) {
        db.rollback();
        return fail(error);
    }
    if (!db.commit())
        return fail(db.lastError().text());
    return true;
}

bool FaceService::refresh(const FaceRefreshOptions& options, FaceRefreshSummary* summary,
                          const std::atomic_bool* cancel)
{
    FaceRefreshSummary local;
    FaceRefreshSummary& s = summary ? *summary : local;
    s = {};
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return false;
    s.modelId = currentModel(db);
    if (s.modelId.isEmpty()) {
        s.seconds = timer.elapsed() / 1000.0;
        return true; // no faces yet: nothing to group
    }

    // Load every face of the model that takes part: confirmed ones (the people), unknown and suggested.
    FaceVectors v;
    int dim = 0;
    std::vector<float> data;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!SqlUtil::exec(
                q,
                QStringLiteral(
                    "SELECT f.id, f.state, f.person_id, f.cluster_id, f.quality, f.dim, "
                    "f.embedding, f.photo_id, f.lm_left_eye_x, f.lm_left_eye_y, f.lm_right_eye_x, "
                    "f.lm_right_eye_y, f.lm_nose_x, f.lm_nose_y, f.face_check, f.not_face FROM faces f "
                    "JOIN photos p ON p.id = f.photo_id "
                    "WHERE f.model_id = ? AND f.embedding IS NOT NULL AND p.missing = 0 "
                    "AND f.state IN ('confirmed', 'unknown', 'suggested') ORDER BY f.id"),
                {s.modelId}, &m_error))
            return false;
        while (q.next()) {
            const int d = q.value(5).toInt();
            const QByteArray blob = q.value(6).toByteArray();
            if (d <= 0 || blob.size() != qsizetype(d) * qsizetype(sizeof(float)) || (dim && d != dim))
                continue;
            dim = d;
            v.ids.push_back(q.value(0).toLongLong());
            v.states.push_back(q.value(1).toString());
            v.persons.push_back(q.value(2).toLongLong());
            v.clusters.push_back(q.value(3).toLongLong());
            v.quality.push_back(q.value(4).isNull() ? 1.0f : q.value(4).toFloat());
            // A face the family said is a face ("It is a face": not_face -1) is grouped like any other.
            v.doubtful.push_back(isUnsure(q.value(15).toInt(), q.value(14)));
            v.photos.push_back(q.value(7).toLongLong());
            // Faces without landmarks (drawn by hand) count as looking at the camera.
            FaceLandmarks marks{};
            bool haveMarks = true;
            for (int k = 0; k < 6; ++k) {
                haveMarks = haveMarks && !q.value(8 + k).isNull();
                marks[size_t(k / 2)][size_t(k % 2)] = q.value(8 + k).toFloat();
            }
            v.turned.push_back(haveMarks ? float(FaceAligner::turnedAway(marks)) : 0.0f);
            const auto* f = reinterpret_cast<const float*>(blob.constData());
            data.insert(data.end(), f, f + d);
        }
    }
    const int64_t n = int64_t(v.ids.size());
    if (n == 0) {
        s.seconds = timer.elapsed() / 1000.0;
        return true;
    }
    torch::NoGradGuard noGrad;
    v.embeddings = torch::from_blob(data.data(), {n, dim}, torch::kFloat32).clone();
    v.embeddings =
        torch::nn::functional::normalize(v.embeddings, torch::nn::functional::NormalizeFuncOptions().dim(1));

    // The adopted personalisation stage, when it was trained on this model.
    const QString stage = SqlUtil::setting(db, QStringLiteral("finetune.active_stage")).toString();
    if (!stage.isEmpty()) {
        try {
            std::map<std::string, std::string> meta;
            ProjectionHead head =
                loadProjectionHead(QFileInfo(stage).absoluteFilePath().toStdString(), &meta);
            const auto base = meta.find("base_model");
            if (head->options.dim == dim &&
                (base == meta.end() || QString::fromStdString(base->second) == s.modelId))
                v.embeddings = head->project(v.embeddings);
            else
                s.calibrationNote =
                    QStringLiteral("personalisation stage ignored: trained for another model");
        } catch (const std::exception& e) {
            s.calibrationNote =
                QStringLiteral("personalisation stage not used: %1").arg(QString::fromUtf8(e.what()));
        }
    }
    if (cancel && cancel->load()) {
        s.cancelled = true;
        return true;
    }

    // --- Clusters of the unnamed faces ----------------------------------------------------------------
    std::vector<int64_t> open;      // rows of unknown/suggested faces
    std::vector<int64_t> confirmed; // rows of confirmed faces
    for (int64_t i = 0; i < n; ++i)
        (v.states[size_t(i)] == QLatin1String("confirmed") ? confirmed : open).push_back(i);
    s.unknownFaces = int(open.size());

    // The family's own answers about groups: groups they joined (never split again) and "different people"
    // answers (the faces of both sides never meet in a group, a pair question, or a suggestion).
    QHash<qint64, int64_t> rowOfFace;
    for (int64_t i = 0; i < n; ++i)
        rowOfFace.insert(v.ids[size_t(i)], i);
    QSet<qint64> joinedGroups;
    struct Different {
        std::vector<int64_t> side[2]; // rows
    };
    std::vector<Different> different;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!SqlUtil::exec(q, QStringLiteral("SELECT id FROM clusters WHERE joined = 1"), {}, &m_error))
            return false;
        while (q.next())
            joinedGroups.insert(q.value(0).toLongLong());
        if (!SqlUtil::exec(q,
                           QStringLiteral("SELECT answer_id, face_id, side FROM different_people_faces "
                                          "ORDER BY answer_id"),
                           {}, &m_error))
            return false;
        qint64 answer = -1;
        while (q.next()) {
            const auto row = rowOfFace.constFind(q.value(1).toLongLong());
            if (row == rowOfFace.cend())
                continue;
            if (q.value(0).toLongLong() != answer) {
                answer = q.value(0).toLongLong();
                different.emplace_back();
            }
            different.back().side[q.value(2).toInt() != 0 ? 1 : 0].push_back(*row);
        }
        different.erase(
            std::remove_if(different.begin(), different.end(),
                           [](const Different& d) { return d.side[0].empty() || d.side[1].empty(); }),
            different.end());
    }

    const ModelThresholds thresholds = modelThresholds(s.modelId);
    const float similarity = options.clusterSimilarity >= 0 ? options.clusterSimilarity : thresholds.cluster;
    const float maxTurnedAway = options.maxTurnedAway >= 0 ? options.maxTurnedAway : thresholds.maxTurnedAway;
    const float turnedExtra = options.turnedExtra >= 0 ? options.turnedExtra : thresholds.turnedExtra;
    const float turnedGroupExtra =
        options.turnedGroupExtra >= 0 ? options.turnedGroupExtra : thresholds.turnedGroupExtra;
    std::shared_ptr<Clusterer> clusterer;
    std::shared_ptr<CompactClusterer> compact;
    if (options.algorithm == QLatin1String("compact")) {
        CompactOptions o;
        o.candidates.minSimilarity = similarity;
        o.minAverageSimilarity = similarity;
        o.common.minClusterSize = options.minClusterSize;
        o.common.minQuality = options.minQuality;
        compact = std::make_shared<CompactClusterer>(o);
        clusterer = compact;
    } else if (options.algorithm == QLatin1String("dbscan")) {
        DbscanOptions o;
        o.eps = 1.0f - similarity;
        o.common.minClusterSize = options.minClusterSize;
        o.common.minQuality = options.minQuality;
        clusterer = std::make_shared<DbscanClusterer>(o);
    } else if (options.algorithm == QLatin1String("chinese-whispers")) {
        ChineseWhispersOptions o;
        o.minSimilarity = similarity;
        o.common.minClusterSize = options.minClusterSize;
        o.common.minQuality = options.minQuality;
        clusterer = std::make_shared<ChineseWhispersClusterer>(o);
    } else {
        return fail(QStringLiteral("unknown clustering algorithm '%1' (compact, dbscan, chinese-whispers)")
                        .arg(options.algorithm));
    }

    std::vector<int64_t> existingRows, freshRows;
    // (Groups the family joined are kept even when regrouping from scratch.)
    for (int64_t row : open) {
        const qint64 group = v.clusters[size_t(row)];
        (group > 0 && (!options.recluster || joinedGroups.contains(group)) ? existingRows : freshRows)
            .push_back(row);
    }
    auto rowsTensor = [&](const std::vector<int64_t>& rows) {
        return v.embeddings.index_select(0, torch::tensor(rows, torch::kLong));
    };
    std::vector<qint64> newCluster(size_t(n), 0); // row -> cluster id (db id, or -k for the k-th new one)
    for (int64_t row : existingRows)
        newCluster[size_t(row)] = v.clusters[size_t(row)];
    qint64 newClusters = 0;
    try {
        if (!freshRows.empty()) {
            std::vector<float> freshQuality;
            // Faces turned away (profiles) are not grouped: measured on the dev set, they put different
            // people into one group (docs/quality.md). They can still be suggested, with a higher bar.
            // Nor are faces the face check only just let through (FaceCheck::canGroup): measured, the
            // groups they make are of masks and hands (docs/quality.md, section 8).
            for (int64_t row : freshRows)
                freshQuality.push_back(v.turned[size_t(row)] > maxTurnedAway || v.doubtful[size_t(row)]
                                           ? -1.0f
                                           : v.quality[size_t(row)]);
            if (existingRows.empty()) {
                std::vector<int64_t> photos;
                for (int64_t row : freshRows)
                    photos.push_back(v.photos[size_t(row)]);
                const ClusteringResult r =
                    compact ? compact->clusterConstrained(rowsTensor(freshRows), freshQuality, photos)
                            : clusterer->cluster(rowsTensor(freshRows), freshQuality);
                for (size_t i = 0; i < freshRows.size(); ++i)
                    newCluster[size_t(freshRows[i])] = r.labels[i] >= 0 ? -(qint64(r.labels[i]) + 1) : 0;
                newClusters = r.clusterCount;
            } else {
                IncrementalOptions o;
                o.minQuality = options.minQuality;
                o.minSimilarity = similarity;
                std::vector<int> labels;
                int maxId = 0;
                for (int64_t row : existingRows) {
                    labels.push_back(int(v.clusters[size_t(row)]));
                    maxId = std::max(maxId, labels.back());
                }
                const IncrementalResult r =
                    IncrementalClusterer(o, clusterer)
                        .assign(rowsTensor(existingRows), labels, rowsTensor(freshRows), freshQuality);
                for (size_t i = 0; i < freshRows.size(); ++i) {
                    const int label = r.labels[i];
                    qint64 id = 0;
                    if (label > maxId)
                        id = -(qint64(label) - maxId); // a new cluster
                    else if (label > 0)
                        id = label;
                    newCluster[size_t(freshRows[i])] = id;
                }
                newClusters = r.newClusters;
            }
        }
    } catch (const std::exception& e) {
        return fail(QStringLiteral("clustering failed: %1").arg(QString::fromUtf8(e.what())));
    }
    if (cancel && cancel->load()) {
        s.cancelled = true;
        return true;
    }

    // Splits a group again by average linkage at `bar`, with the photos as cannot-links: its largest part
    // keeps the group, other parts of at least minClusterSize faces become new groups, smaller parts (the
    // largest too) are unclustered.
    const auto splitGroup = [&](qint64 group, const std::vector<int64_t>& rows, float bar) {
        std::vector<int64_t> photos;
        for (int64_t row : rows)
            photos.push_back(v.photos[size_t(row)]);
        const std::vector<int> parts = AverageLinkage::cluster(rowsTensor(rows), bar, photos);
        QHash<int, int> partSize;
        for (int p : parts)
            ++partSize[p];
        QHash<int, qint64> partCluster{{0, group}}; // part 0 is the largest
        for (size_t i = 0; i < rows.size(); ++i) {
            const int p = parts[i];
            if (partSize.value(p) < options.minClusterSize) {
                newCluster[size_t(rows[i])] = 0;
                continue;
            }
            if (!partCluster.contains(p))
                partCluster.insert(p, -(++newClusters));
            newCluster[size_t(rows[i])] = partCluster.value(p);
        }
    };

    // --- Groups that grew are checked again ------------------------------------------------------------
    // (compact) Faces that joined an existing group one by one may have made it loose: every group that got
    // new faces is split again at the grouping bar.
    if (compact && !existingRows.empty() && !freshRows.empty()) {
        QSet<qint64> grown;
        for (int64_t row : freshRows)
            if (newCluster[size_t(row)] > 0 && !joinedGroups.contains(newCluster[size_t(row)]))
                grown.insert(newCluster[size_t(row)]);
        QHash<qint64, std::vector<int64_t>> members;
        for (int64_t row : open)
            if (grown.contains(newCluster[size_t(row)]))
                members[newCluster[size_t(row)]].push_back(row);
        try {
            for (auto it = members.cbegin(); it != members.cend(); ++it)
                splitGroup(it.key(), it.value(), compact->options().minAverageSimilarity);
        } catch (const std::exception& e) {
            return fail(QStringLiteral("clustering failed: %1").arg(QString::fromUtf8(e.what())));
        }
    }

    // --- Groups of half-turned faces are checked against a higher bar --------------------------------------
    // Measured on the dev set: such groups mixed people (twelve profiles of eleven people in one group on
    // the grayscale CFP photos), where groups of frontal faces at the same similarity do not.
    if (turnedGroupExtra > 0) {
        QSet<qint64> touched; // groups formed or grown in this refresh
        for (int64_t row : freshRows)
            if (newCluster[size_t(row)] != 0 && !joinedGroups.contains(newCluster[size_t(row)]))
                touched.insert(newCluster[size_t(row)]);
        QHash<qint64, std::vector<int64_t>> members;
        for (int64_t row : open)
            if (touched.contains(newCluster[size_t(row)]))
                members[newCluster[size_t(row)]].push_back(row);
        const float bar = similarity + turnedGroupExtra;
        try {
            for (auto it = members.cbegin(); it != members.cend(); ++it) {
                const std::vector<int64_t>& rows = it.value();
                const auto size = int64_t(rows.size());
                int64_t halfTurned = 0;
                for (int64_t row : rows)
                    halfTurned += v.turned[size_t(row)] > FaceRefreshOptions::kHalfTurned ? 1 : 0;
                if (size < 2 || 2 * halfTurned < size)
                    continue;
                const torch::Tensor x = rowsTensor(rows);
                const double meanSimilarity =
                    (torch::mm(x, x.t()).sum().item<double>() - double(size)) / double(size * (size - 1));
                if (meanSimilarity < bar)
                    splitGroup(it.key(), rows, bar);
            }
        } catch (const std::exception& e) {
            return fail(QStringLiteral("clustering failed: %1").arg(QString::fromUtf8(e.what())));
        }
    }

    // --- "Different people": a group holding faces of both sides of such an answer is split in two ------
    // (a regrouping from scratch may bring them together again): each face goes with the side it is more
    // alike; the part with fewer faces becomes a group of its own (or stays ungrouped when too small).
    for (const Different& d : different) {
        QSet<qint64> sides[2];
        for (int k = 0; k < 2; ++k)
            for (int64_t row : d.side[k])
                if (v.states[size_t(row)] != QLatin1String("confirmed") && newCluster[size_t(row)] != 0)
                    sides[k].insert(newCluster[size_t(row)]);
        for (qint64 group : sides[0] & sides[1]) {
            std::vector<int64_t> members;
            for (int64_t row : open)
                if (newCluster[size_t(row)] == group)
                    members.push_back(row);
            QSet<int64_t> known[2];
            torch::Tensor centre[2];
            for (int k = 0; k < 2; ++k) {
                std::vector<int64_t> in;
                for (int64_t row : d.side[k])
                    if (newCluster[size_t(row)] == group &&
                        v.states[size_t(row)] != QLatin1String("confirmed")) {
                        in.push_back(row);
                        known[k].insert(row);
                    }
                centre[k] = rowsTensor(in).mean(0);
            }
            std::vector<int64_t> part[2];
            for (int64_t row : members) {
                int k = known[0].contains(row) ? 0 : known[1].contains(row) ? 1 : -1;
                if (k < 0)
                    k = v.embeddings[row].dot(centre[0]).item<float>() >=
                                v.embeddings[row].dot(centre[1]).item<float>()
                            ? 0
                            : 1;
                part[k].push_back(row);
            }
            const int smaller = part[0].size() >= part[1].size() ? 1 : 0;
            const qint64 id = int(part[smaller].size()) >= options.minClusterSize ? -(++newClusters) : 0;
            for (int64_t row : part[smaller])
                newCluster[size_t(row)] = id;
        }
    }

    // --- Groups no more alike than the faces beside them ----------------------------------------------
    // If a group is one person, every other face in a photo of the group is someone else (groupOutliers).
    // Groups the family joined are kept as they are; groups larger than kMaxBesideChecked are not checked
    // (the pairwise matrices grow with the square of the group).
    const float groupCrowdMargin =
        options.groupCrowdMargin >= 0 ? options.groupCrowdMargin : thresholds.groupCrowdMargin;
    QHash<qint64, std::vector<int64_t>> facesOfPhoto; // every face that takes part, by photo
    for (int64_t i = 0; i < n; ++i)
        facesOfPhoto[v.photos[size_t(i)]].push_back(i);
    // Each face's highest similarity to another face of its photo (-2 when it is alone), for the suggestions.
    std::vector<float> besideMost(size_t(n), -2.0f);
    if (groupCrowdMargin <= 1.0f) {
        QHash<qint64, std::vector<int64_t>> members;
        for (int64_t row : open)
            if (newCluster[size_t(row)] != 0 && !joinedGroups.contains(newCluster[size_t(row)]))
                members[newCluster[size_t(row)]].push_back(row);
        try {
            for (auto it = facesOfPhoto.cbegin(); it != facesOfPhoto.cend(); ++it) {
                const std::vector<int64_t>& rows = it.value();
                if (rows.size() < 2)
                    continue;
                const torch::Tensor x = rowsTensor(rows);
                const torch::Tensor most =
                    std::get<0>(torch::mm(x, x.t()).fill_diagonal_(-2.0f).max(1)).contiguous();
                for (size_t r = 0; r < rows.size(); ++r)
                    besideMost[size_t(rows[r])] = most.data_ptr<float>()[r];
            }
            for (auto it = members.cbegin(); it != members.cend(); ++it) {
                const std::vector<int64_t>& rows = it.value();
                const auto size = int64_t(rows.size());
                if (size < 2 || size < options.minClusterSize || size > kMaxBesideChecked)
                    continue;
                // The faces beside the group: every other face of its photos (confirmed ones too), with the
                // member whose photo they share.
                std::vector<int64_t> beside, besideOf;
                for (int64_t m = 0; m < size; ++m)
                    for (int64_t other : facesOfPhoto.value(v.photos[size_t(rows[size_t(m)])]))
                        if (newCluster[size_t(other)] != it.key() ||
                            v.states[size_t(other)] == QLatin1String("confirmed")) {
                            beside.push_back(other);
                            besideOf.push_back(m);
                        }
                if (beside.empty())
                    continue;
                const std::vector<bool> out =
                    groupOutliers(rowsTensor(rows), rowsTensor(beside), besideOf, groupCrowdMargin,
                                  std::max<int64_t>(2, options.minClusterSize));
                int64_t left = size;
                for (int64_t m = 0; m < size; ++m)
                    if (out[size_t(m)]) {
                        newCluster[size_t(rows[size_t(m)])] = 0;
                        ++s.crowdedOutFaces;
                        --left;
                    }
                if (left < options.minClusterSize)
                    for (int64_t m = 0; m < size; ++m)
                        newCluster[size_t(rows[size_t(m)])] = 0;
            }
        } catch (const std::exception& e) {
            return fail(QStringLiteral("clustering failed: %1").arg(QString::fromUtf8(e.what())));
        }
    }

    // "Not this person" answers (face, person): read once for the suggestions and the group questions. A
    // "different people" answer says the same of one side for each person named on the other side.
    std::vector<std::pair<int64_t, int64_t>> rejections;
    if (!confirmed.empty() && !open.empty()) {
        QSqlQuery q(db);
        if (!SqlUtil::exec(q, QStringLiteral("SELECT face_id, person_id FROM face_rejections"), {}, &m_error))
            return false;
        while (q.next())
            rejections.emplace_back(q.value(0).toLongLong(), q.value(1).toLongLong());
        for (const Different& d : different)
            for (int k = 0; k < 2; ++k) {
                QSet<qint64> named;
                for (int64_t row : d.side[k])
                    if (v.states[size_t(row)] == QLatin1String("confirmed"))
                        named.insert(v.persons[size_t(row)]);
                for (qint64 person : std::as_const(named))
                    for (int64_t row : d.side[1 - k])
                        if (v.states[size_t(row)] != QLatin1String("confirmed"))
                            rejections.emplace_back(v.ids[size_t(row)], person);
            }
    }

    // --- Suggestions from the confirmed faces -------------------------------------------------------
    // Open set: most unknown faces belong to people nobody will name, so a suggestion needs a similarity to
    // the person's prototype that strangers measured on the dev set almost never reach, and a margin over
    // the second person; the confidence shown is the precision measured for that similarity band.
    std::vector<PersonSuggestion> suggestions(open.size());
    const float minSimilarity =
        options.suggestionSimilarity >= 0 ? options.suggestionSimilarity : thresholds.suggestion;
    const float minMargin = options.suggestionMargin >= 0 ? options.suggestionMargin : thresholds.margin;
    if (!confirmed.empty() && !open.empty()) {
        PersonMatcherOptions matchOptions;
        matchOptions.method = MatchMethod::Prototype;
        matchOptions.minSimilarity = minSimilarity;
        PersonMatcher matcher(matchOptions);
        std::vector<int64_t> personIds, faceIds;
        for (int64_t row : confirmed) {
            personIds.push_back(v.persons[size_t(row)]);
            faceIds.push_back(v.ids[size_t(row)]);
        }
        matcher.setConfirmed(rowsTensor(confirmed), personIds, faceIds);
        matcher.setRejections(rejections);
        std::vector<int64_t> openIds;
        for (int64_t row : open)
            openIds.push_back(v.ids[size_t(row)]);
        suggestions = matcher.suggest(rowsTensor(open), openIds);
        // The face's group votes too: a stranger's look-alike face usually sits in a group of that stranger's
        // faces, whose mean is far less like the named person than the one face. A face in a group of three
        // or more is suggested only when the rest of its group (its mean without the face) reaches the
        // similarity bar for that person plus kGroupVoteExtra.
        std::vector<int64_t> groupOf(open.size(), -1); // dense group index of each open face, -1 for none
        std::vector<qint64> groupIds;                  // dense index -> cluster id
        std::vector<int64_t> groupSizes;
        std::vector<int64_t> groupedRows, groupedIndex;
        {
            QHash<qint64, int64_t> dense;
            for (size_t i = 0; i < open.size(); ++i) {
                const qint64 c = newCluster[size_t(open[i])];
                if (c == 0)
                    continue;
                auto it = dense.find(c);
                if (it == dense.end()) {
                    it = dense.insert(c, int64_t(groupIds.size()));
                    groupIds.push_back(c);
                    groupSizes.push_back(0);
                }
                groupOf[i] = *it;
                ++groupSizes[size_t(*it)];
                groupedRows.push_back(open[i]);
                groupedIndex.push_back(*it);
            }
        }
        torch::Tensor groupSums = torch::zeros({int64_t(groupIds.size()), v.embeddings.size(1)});
        if (!groupedRows.empty())
            groupSums.index_add_(0, torch::tensor(groupedIndex, torch::kLong), rowsTensor(groupedRows));
        // The named people's prototypes, as the matcher compares them.
        const torch::Tensor prototypeMatrix = matcher.prototypes();
        const std::vector<int64_t> personOrder = matcher.persons();
        QHash<qint64, int64_t> prototypeRow;
        for (size_t p = 0; p < personOrder.size(); ++p)
            prototypeRow.insert(personOrder[p], int64_t(p));
        // Unnamed groups are the strangers a family library is full of: a face is suggested as X only when
        // it is closer to X than to every unnamed group of three or more faces (other than its own, and
        // other than groups that themselves look like X), by the margin.
        std::vector<int64_t> strangerGroups; // dense indexes of groups with >= 3 faces
        for (size_t g = 0; g < groupIds.size(); ++g)
            if (groupSizes[g] >= 3)
                strangerGroups.push_back(int64_t(g));
        // Rejections feed the decision: a face the family said is not X (a sibling, a twin) stands for the
        // look-alikes of X. A face that is at least as alike that rejected face as X's prototype is not
        // suggested as X.
        QHash<qint64, std::vector<int64_t>> rejectedRows; // person -> rows of faces rejected for them
        {
            for (const auto& [face, person] : rejections) {
                const auto row = rowOfFace.constFind(face);
                if (row != rowOfFace.cend())
                    rejectedRows[person].push_back(*row);
            }
        }
        // How crowded each named person's neighbourhood is, from the library's own evidence (issue 19, 1b):
        // the faces that cannot be X — faces the family named as someone else, faces rejected for X, the
        // other faces of photos where X is named — compared with X's prototype. A population the network
        // packs tighter than the dev set puts such faces close to X; a suggestion as X then needs the
        // kCrowdRank-th most alike of them plus crowdMargin (a couple of odd faces do not raise the bar), or
        // the model's bar when that is higher. With fewer than kCrowdRank such faces there is no evidence
        // yet: the model's bar.
        // The same evidence, with X's own named faces, sets the confidence shown (evidenceConfidence).
        std::vector<float> personBar(personOrder.size(), minSimilarity);
        const float crowdMargin = options.crowdMargin >= 0 ? options.crowdMargin : thresholds.crowdMargin;
        std::vector<std::vector<float>> evidence(personOrder.size()); // faces that cannot be X, high to low
        std::vector<std::vector<float>> genuine(personOrder.size());  // X's named faces, high to low
        if ((crowdMargin <= 1.0f || options.evidenceConfidence) && !personOrder.empty()) {
            const auto people = int64_t(personOrder.size());
            // (1) the confirmed faces of everybody else, in chunks: the kCrowdRank highest per person.
            torch::Tensor best = torch::full({people, 0}, -2.0f);
            std::vector<int64_t> confirmedPerson; // prototype row of each confirmed face
            for (int64_t row : confirmed)
                confirmedPerson.push_back(prototypeRow.value(v.persons[size_t(row)], -1));
            constexpr int64_t kChunk = 4096;
            const torch::Tensor rowIndex = torch::arange(people, torch::kLong).unsqueeze(1);
            for (size_t begin = 0; begin < confirmed.size(); begin += size_t(kChunk)) {
                const size_t end = std::min(confirmed.size(), begin + size_t(kChunk));
                const std::vector<int64_t> rows(confirmed.begin() + long(begin),
                                                confirmed.begin() + long(end));
                const std::vector<int64_t> owner(confirmedPerson.begin() + long(begin),
                                                 confirmedPerson.begin() + long(end));
                torch::Tensor sims = torch::mm(prototypeMatrix, rowsTensor(rows).t()); // P x c
                sims.masked_fill_(torch::tensor(owner, torch::kLong).unsqueeze(0) == rowIndex, -2.0f);
                const torch::Tensor both = torch::cat({best, sims}, 1);
                best = std::get<0>(both.topk(std::min<int64_t>(kEvidenceKept, both.size(1)), 1));
            }
            best = best.contiguous();
            for (int64_t p = 0; p < people; ++p)
                for (int64_t j = 0; j < best.size(1); ++j)
                    if (const float value = best[p][j].item<float>(); value > -1.5f)
                        evidence[size_t(p)].push_back(value);
            // (2) faces rejected for the person.
            for (auto it = rejectedRows.cbegin(); it != rejectedRows.cend(); ++it) {
                const auto p = prototypeRow.constFind(it.key());
                if (p == prototypeRow.cend())
                    continue;
                const torch::Tensor sims =
                    torch::mv(rowsTensor(it.value()), prototypeMatrix[*p]).contiguous();
                const float* sp = sims.data_ptr<float>();
                evidence[size_t(*p)].insert(evidence[size_t(*p)].end(), sp, sp + sims.size(0));
            }
            // (3) the unnamed faces of photos where the person is named.
            QHash<qint64, std::vector<int64_t>> openInPhoto;
            for (int64_t row : open)
                openInPhoto[v.photos[size_t(row)]].push_back(row);
            QSet<QPair<qint64, int64_t>> seen; // (photo, person)
            for (size_t c = 0; c < confirmed.size(); ++c) {
                const int64_t p = confirmedPerson[c];
                const qint64 photo = v.photos[size_t(confirmed[c])];
                if (p < 0 || seen.contains({photo, p}))
                    continue;
                seen.insert({photo, p});
                const auto rows = openInPhoto.constFind(photo);
                if (rows == openInPhoto.cend())
                    continue;
                const torch::Tensor sims = torch::mv(rowsTensor(*rows), prototypeMatrix[p]).contiguous();
                const float* sp = sims.data_ptr<float>();
                evidence[size_t(p)].insert(evidence[size_t(p)].end(), sp, sp + sims.size(0));
            }
            for (int64_t p = 0; p < people; ++p) {
                std::vector<float>& e = evidence[size_t(p)];
                std::sort(e.begin(), e.end(), std::greater<float>());
                if (crowdMargin > 1.0f || int64_t(e.size()) < kCrowdRank)
                    continue;
                const float crowd = e[size_t(kCrowdRank - 1)];
                personBar[size_t(p)] = std::max(minSimilarity, crowd + crowdMargin);
                s.crowdedPeople += crowd + crowdMargin > minSimilarity ? 1 : 0;
            }
            // (4) X's own named faces, each compared with the mean of X's other named faces (with itself in
            // the mean a face would look more like X than an unnamed face of X does): (S.c - 1) / |S - c| for
            // the sum S of X's faces and a face c of them (unit vectors).
            if (options.evidenceConfidence) {
                torch::Tensor sums = torch::zeros({people, v.embeddings.size(1)});
                std::vector<int64_t> counts(size_t(people), 0);
                std::vector<int64_t> owned, ownedPerson;
                for (size_t c = 0; c < confirmed.size(); ++c)
                    if (confirmedPerson[c] >= 0) {
                        owned.push_back(confirmed[c]);
                        ownedPerson.push_back(confirmedPerson[c]);
                        ++counts[size_t(confirmedPerson[c])];
                    }
                if (!owned.empty())
                    sums.index_add_(0, torch::tensor(ownedPerson, torch::kLong), rowsTensor(owned));
                const torch::Tensor squared = (sums * sums).sum(1);
                for (size_t begin = 0; begin < owned.size(); begin += size_t(kChunk)) {
                    const size_t end = std::min(owned.size(), begin + size_t(kChunk));
                    const std::vector<int64_t> rows(owned.begin() + long(begin), owned.begin() + long(end));
                    const torch::Tensor owner =
                        torch::tensor(std::vector<int64_t>(ownedPerson.begin() + long(begin),
                                                           ownedPerson.begin() + long(end)),
                                      torch::kLong);
                    const torch::Tensor dots = (rowsTensor(rows) * sums.index_select(0, owner)).sum(1);
                    const torch::Tensor rest =
                        (squared.index_select(0, owner) - 2 * dots + 1).clamp_min(1e-12);
                    const torch::Tensor alike = ((dots - 1) / rest.sqrt()).contiguous();
                    const float* ap = alike.data_ptr<float>();
                    for (size_t i = begin; i < end; ++i)
                        if (counts[size_t(ownedPerson[i])] >= 2)
                            genuine[size_t(ownedPerson[i])].push_back(ap[i - begin]);
                }
                for (std::vector<float>& g : genuine)
                    std::sort(g.begin(), g.end(), std::greater<float>());
            }
        }
        std::vector<float> competitor(open.size(), -1.0f);
        if (!strangerGroups.empty()) {
            const torch::Tensor groupMatrix = torch::nn::functional::normalize(
                groupSums.index_select(0, torch::tensor(strangerGroups, torch::kLong)),
                torch::nn::functional::NormalizeFuncOptions().dim(1)); // G x D
            // The person each group looks like (its centroid reaches the bar), -1 for none.
            std::vector<int64_t> groupPerson(strangerGroups.size(), -1);
            {
                const auto best = torch::mm(groupMatrix, prototypeMatrix.t()).max(1);
                const torch::Tensor bestValue = std::get<0>(best).contiguous();
                const torch::Tensor bestIndex = std::get<1>(best).contiguous();
                const float* value = bestValue.data_ptr<float>();
                const int64_t* index = bestIndex.data_ptr<int64_t>();
                for (size_t g = 0; g < strangerGroups.size(); ++g)
                    if (value[g] >= minSimilarity)
                        groupPerson[g] = personOrder[size_t(index[g])];
            }
            constexpr int64_t kChunk = 2048;
            for (size_t begin = 0; begin < open.size(); begin += kChunk) {
                const size_t end = std::min(open.size(), begin + size_t(kChunk));
                const std::vector<int64_t> rows(open.begin() + long(begin), open.begin() + long(end));
                const torch::Tensor sims = torch::mm(rowsTensor(rows), groupMatrix.t()).contiguous();
                const float* sp = sims.data_ptr<float>();
                const int64_t g = int64_t(strangerGroups.size());
                for (size_t i = begin; i < end; ++i) {
                    const PersonSuggestion& sug = suggestions[i];
                    if (sug.personId < 0)
                        continue;
                    float most = -1.0f;
                    for (int64_t j = 0; j < g; ++j) {
                        if (strangerGroups[size_t(j)] == groupOf[i] || groupPerson[size_t(j)] == sug.personId)
                            continue;
                        most = std::max(most, sp[int64_t(i - begin) * g + j]);
                    }
                    competitor[i] = most;
                }
            }
        }
        for (size_t i = 0; i < open.size(); ++i) {
            PersonSuggestion& sug = suggestions[i];
            const float bar =
                (sug.personId >= 0 ? personBar[size_t(prototypeRow.value(sug.personId))] : minSimilarity) +
                (v.turned[size_t(open[i])] > maxTurnedAway ? turnedExtra : 0.0f);
            bool sure = sug.personId >= 0 && sug.similarity >= bar &&
                        (sug.runnerUpId < 0 || sug.margin >= minMargin) &&
                        sug.similarity - competitor[i] >= minMargin;
            if (sure && rejectedRows.contains(sug.personId)) {
                const std::vector<int64_t>& rows = rejectedRows[sug.personId];
                const float alike = torch::mv(rowsTensor(rows), v.embeddings[open[i]]).max().item<float>();
                sure = sug.similarity > alike;
            }
            const int64_t g = groupOf[i];
            if (sure && g >= 0 && groupSizes[size_t(g)] >= 3) {
                const torch::Tensor rest = groupSums[g] - v.embeddings[open[i]];
                const float groupSimilarity = (rest / rest.norm().clamp_min(1e-12))
                                                  .dot(prototypeMatrix[prototypeRow.value(sug.personId)])
                                                  .item<float>();
                sure = groupSimilarity >= minSimilarity + kGroupVoteExtra;
            }
            // The same evidence for one face: every other face of its photo is someone else, so it is
            // suggested as X only when it is clearly more like X than like any of them (a blurred face beside
            // many).
            const float beside = besideMost[size_t(open[i])];
            if (sure && groupCrowdMargin <= 1.0f && beside > -2.0f &&
                sug.similarity < beside + groupCrowdMargin) {
                sure = false;
                ++s.crowdedOutSuggestions;
            }
            if (!sure)
                sug.personId = -1;
            sug.confidence = 0.0f;
            if (sure) {
                const float band = shownConfidence(thresholds, sug.similarity);
                sug.confidence = band;
                if (options.evidenceConfidence) {
                    const size_t p = size_t(prototypeRow.value(sug.personId));
                    sug.confidence = evidenceConfidence(band, countReaching(genuine[p], sug.similarity),
                                                        countReaching(evidence[p], sug.similarity));
                    s.loweredConfidences += sug.confidence < band ? 1 : 0;
                }
            }
        }
        s.calibrationNote =
            QStringLiteral("similarity >= %1, margin >= %2").arg(minSimilarity).arg(minMargin);
    }
    s.suggestionThreshold = minSimilarity;

    // --- A person appears at most once in a photo -----------------------------------------------------
    // Suggestions: never someone already named in that photo; of two faces in one photo suggested as the
    // same person, only the more confident one.
    std::vector<bool> suggest(open.size(), false);
    {
        QSet<QPair<qint64, qint64>> named;
        for (int64_t row : confirmed)
            named.insert({v.photos[size_t(row)], v.persons[size_t(row)]});
        QHash<QPair<qint64, qint64>, size_t> best;
        for (size_t i = 0; i < open.size(); ++i) {
            const PersonSuggestion& sug = suggestions[i];
            if (sug.personId < 0)
                continue;
            const QPair<qint64, qint64> key{v.photos[size_t(open[i])], qint64(sug.personId)};
            if (named.contains(key))
                continue;
            const auto it = best.find(key);
            if (it == best.end()) {
                best.insert(key, i);
                suggest[i] = true;
            } else if (suggestions[*it].confidence < sug.confidence) {
                suggest[*it] = false;
                suggest[i] = true;
                *it = i;
            }
        }
    }
    // Clusters: of several faces of one photo in a cluster, only the one closest to the cluster's mean
    // stays; the others are unclustered (look-alikes in one photo are different people).
    {
        QHash<qint64, std::vector<int64_t>> members;
        for (int64_t row : open)
            if (newCluster[size_t(row)] != 0)
                members[newCluster[size_t(row)]].push_back(row);
        for (auto it = members.cbegin(); it != members.cend(); ++it) {
            const std::vector<int64_t>& rows = it.value();
            QHash<qint64, int> perPhoto;
            bool duplicates = false;
            for (int64_t row : rows)
                duplicates = ++perPhoto[v.photos[size_t(row)]] > 1 || duplicates;
            if (!duplicates)
                continue;
            const torch::Tensor m = rowsTensor(rows);
            const torch::Tensor centre = m.mean(0);
            const torch::Tensor score = torch::mv(m, centre).contiguous();
            const float* sc = score.data_ptr<float>();
            QHash<qint64, size_t> keep;
            for (size_t i = 0; i < rows.size(); ++i) {
                const qint64 photo = v.photos[size_t(rows[i])];
                const auto k = keep.find(photo);
                if (k == keep.end()) {
                    keep.insert(photo, i);
                } else if (sc[i] > sc[*k]) {
                    newCluster[size_t(rows[*k])] = 0;
                    *k = i;
                } else {
                    newCluster[size_t(rows[i])] = 0;
                }
            }
        }
        // A group made in this refresh that is left smaller than the minimum is no group (faces that joined
        // nothing are grouped among themselves without the photos' cannot-links, so three look-alike faces of
        // one photo could leave "a group of one face").
        QHash<qint64, int> size;
        for (int64_t row : open)
            if (newCluster[size_t(row)] < 0)
                ++size[newCluster[size_t(row)]];
        for (int64_t row : open)
            if (newCluster[size_t(row)] < 0 && size.value(newCluster[size_t(row)]) < options.minClusterSize)
                newCluster[size_t(row)] = 0;
    }

    // --- Questions about whole groups: "Is this group X?" ----------------------------------------------
    // Each unnamed group is compared with every named person through all of the person's confirmed faces:
    // for each face of the group, its most alike confirmed face of the person (a profile meets the person's
    // profiles), averaged over the group. A question is asked when that reaches the model's bar and beats the
    // second person by the margin; never when the person is named in a photo of the group (a person appears
    // once in a photo), nor when the family said of half the group or more that it is not that person.
    std::vector<Question> questions;
    const float questionBar =
        options.questionSimilarity >= 0 ? options.questionSimilarity : thresholds.question;
    const float questionMargin =
        options.questionMargin >= 0 ? options.questionMargin : thresholds.questionMargin;
    if (!confirmed.empty() && !open.empty() && questionBar <= 1.0f) {
        // The confirmed faces ordered by person, so that each person's faces are one range of columns.
        QHash<qint64, int64_t> personIndex;
        std::vector<qint64> personOf;
        std::vector<std::vector<int64_t>> personRows;
        QSet<QPair<qint64, qint64>> namedInPhoto;
        for (int64_t row : confirmed) {
            const qint64 person = v.persons[size_t(row)];
            auto it = personIndex.find(person);
            if (it == personIndex.end()) {
                it = personIndex.insert(person, int64_t(personOf.size()));
                personOf.push_back(person);
                personRows.emplace_back();
            }
            personRows[size_t(*it)].push_back(row);
            namedInPhoto.insert({v.photos[size_t(row)], person});
        }
        std::vector<int64_t> byPerson, personStart;
        for (const std::vector<int64_t>& r : personRows) {
            personStart.push_back(int64_t(byPerson.size()));
            byPerson.insert(byPerson.end(), r.begin(), r.end());
        }
        QHash<qint64, std::vector<int64_t>> groupRows;
        for (int64_t row : open)
            if (newCluster[size_t(row)] != 0)
                groupRows[newCluster[size_t(row)]].push_back(row);
        std::vector<qint64> groupKeys;
        std::vector<int64_t> rows, groupIndex;
        std::vector<float> groupSize;
        for (auto it = groupRows.cbegin(); it != groupRows.cend(); ++it) {
            for (int64_t row : it.value()) {
                rows.push_back(row);
                groupIndex.push_back(int64_t(groupKeys.size()));
            }
            groupKeys.push_back(it.key());
            groupSize.push_back(float(it.value().size()));
        }
        QSet<QPair<qint64, qint64>> rejected; // (face, person)
        for (const auto& [face, person] : rejections)
            rejected.insert({qint64(face), qint64(person)});
        const int64_t people = int64_t(personOf.size()), groups = int64_t(groupKeys.size());
        if (groups > 0) {
            try {
                const torch::Tensor named = rowsTensor(byPerson); // C x D, by person
                const int64_t c = named.size(0);
                torch::Tensor sums = torch::zeros({groups, people});
                const int64_t chunk =
                    std::max<int64_t>(1, (int64_t(1) << 22) / c); // <= 16 MB of similarities
                for (size_t begin = 0; begin < rows.size(); begin += size_t(chunk)) {
                    const size_t end = std::min(rows.size(), begin + size_t(chunk));
                    const std::vector<int64_t> part(rows.begin() + long(begin), rows.begin() + long(end));
                    const torch::Tensor sims = torch::mm(rowsTensor(part), named.t()); // R x C
                    std::vector<torch::Tensor> nearest;                                // per person: R
                    for (int64_t p = 0; p < people; ++p)
                        nearest.push_back(
                            sims.narrow(1, personStart[size_t(p)], int64_t(personRows[size_t(p)].size()))
                                .amax(1));
                    const std::vector<int64_t> idx(groupIndex.begin() + long(begin),
                                                   groupIndex.begin() + long(end));
                    sums.index_add_(0, torch::tensor(idx, torch::kLong), torch::stack(nearest, 1));
                }
                const torch::Tensor mean = (sums / torch::tensor(groupSize).unsqueeze(1)).contiguous();
                const auto top = mean.topk(std::min<int64_t>(2, people), 1);
                const torch::Tensor topValue = std::get<0>(top).contiguous();
                const torch::Tensor topIndex = std::get<1>(top).contiguous();
                const int64_t k = topValue.size(1);
                for (int64_t g = 0; g < groups; ++g) {
                    const float best = topValue[g][0].item<float>();
                    const float second = k > 1 ? topValue[g][1].item<float>() : -1.0f;
                    if (best < questionBar || best - second < questionMargin)
                        continue;
                    const qint64 person = personOf[size_t(topIndex[g][0].item<int64_t>())];
                    const std::vector<int64_t>& members = groupRows[groupKeys[size_t(g)]];
                    bool possible = true;
                    int no = 0;
                    for (int64_t row : members) {
                        possible = possible && !namedInPhoto.contains({v.photos[size_t(row)], person});
                        no += rejected.contains({v.ids[size_t(row)], person}) ? 1 : 0;
                    }
                    if (possible && 2 * no < int(members.size()))
                        questions.push_back(
                            {groupKeys[size_t(g)], person, best, thresholds.questionConfidence});
                }
                if (options.evidenceConfidence)
                    s.loweredQuestionConfidences =
                        questionEvidence(questions, v, named, personOf, personStart, personRows, rejections,
                                         rowOfFace, open, namedInPhoto, questionBar);
            } catch (const std::exception& e) {
                return fail(QStringLiteral("group questions failed: %1").arg(QString::fromUtf8(e.what())));
            }
        }
    }

    // --- Questions about two groups: "Are these one person?" -------------------------------------------
    // Grouping keeps apart what it is not sure of, so one person often spans several groups. Two unnamed
    // groups whose faces are alike on average (the mean similarity of every face of one to every face of the
    // other) reach the model's bar: one question joins them. Never two groups with a photo in common (a
    // person appears once in a photo), nor groups the family said are different people; each group is in at
    // most one pair question at a time, the most alike pairs first (an answer changes the groups: the next
    // regrouping asks again).
    struct PairQuestion {
        qint64 cluster; // the larger group (db id, or -k for a new one)
        qint64 other;
        float similarity;
    };
    std::vector<PairQuestion> pairQuestions;
    const float pairBar = options.pairSimilarity >= 0 ? options.pairSimilarity : thresholds.pair;
    if (!open.empty() && pairBar <= 1.0f) {
        QHash<qint64, std::vector<int64_t>> groupRows;
        for (int64_t row : open)
            if (newCluster[size_t(row)] != 0)
                groupRows[newCluster[size_t(row)]].push_back(row);
        std::vector<qint64> keys;
        std::vector<int64_t> rows, index;
        std::vector<float> sizes;
        for (auto it = groupRows.cbegin(); it != groupRows.cend(); ++it) {
            for (int64_t row : it.value()) {
                rows.push_back(row);
                index.push_back(int64_t(keys.size()));
            }
            keys.push_back(it.key());
            sizes.push_back(float(it.value().size()));
        }
        const auto groups = int64_t(keys.size());
        QHash<qint64, int64_t> groupIndex;
        for (int64_t g = 0; g < groups; ++g)
            groupIndex.insert(keys[size_t(g)], g);
        QSet<QPair<int64_t, int64_t>> apart; // (group, group) the family's answers keep apart
        for (const Different& d : different) {
            QSet<int64_t> sides[2];
            for (int k = 0; k < 2; ++k)
                for (int64_t row : d.side[k])
                    if (newCluster[size_t(row)] != 0 && v.states[size_t(row)] != QLatin1String("confirmed"))
                        sides[k].insert(groupIndex.value(newCluster[size_t(row)]));
            for (int64_t a : std::as_const(sides[0]))
                for (int64_t b : std::as_const(sides[1]))
                    apart.insert({std::min(a, b), std::max(a, b)});
        }
        std::vector<std::tuple<float, int64_t, int64_t>> candidates;
        if (groups > 1) {
            try {
                torch::Tensor means = torch::zeros({groups, v.embeddings.size(1)});
                means.index_add_(0, torch::tensor(index, torch::kLong), rowsTensor(rows));
                means = (means / torch::tensor(sizes).unsqueeze(1)).contiguous();
                constexpr int64_t kChunk = 1024;
                for (int64_t begin = 0; begin < groups; begin += kChunk) {
                    const int64_t count = std::min(kChunk, groups - begin);
                    const torch::Tensor sims =
                        torch::mm(means.narrow(0, begin, count), means.t()).contiguous(); // count x G
                    const float* sp = sims.data_ptr<float>();
                    for (int64_t i = 0; i < count; ++i)
                        for (int64_t j = begin + i + 1; j < groups; ++j)
                            if (sp[i * groups + j] >= pairBar)
                                candidates.emplace_back(sp[i * groups + j], begin + i, j);
                }
            } catch (const std::exception& e) {
                return fail(QStringLiteral("pair questions failed: %1").arg(QString::fromUtf8(e.what())));
            }
        }
        std::sort(candidates.begin(), candidates.end(),
                  [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
        std::vector<bool> asked(size_t(groups), false);
        for (const auto& [sim, a, b] : candidates) {
            if (asked[size_t(a)] || asked[size_t(b)] || apart.contains({a, b}))
                continue;
            QSet<qint64> photos;
            for (int64_t row : groupRows[keys[size_t(a)]])
                photos.insert(v.photos[size_t(row)]);
            bool shared = false;
            for (int64_t row : groupRows[keys[size_t(b)]])
                shared = shared || photos.contains(v.photos[size_t(row)]);
            if (shared)
                continue;
            asked[size_t(a)] = asked[size_t(b)] = true;
            const bool aLarger = sizes[size_t(a)] >= sizes[size_t(b)];
            pairQuestions.push_back({keys[size_t(aLarger ? a : b)], keys[size_t(aLarger ? b : a)], sim});
        }
    }

    // --- Write everything in one transaction --------------------------------------------------------
    if (!db.transaction())
        return fail(db.lastError().text());
    auto rollback = [&](const QString& message) {
        db.rollback();
        return fail(message);
    };
    QString error;
    QHash<qint64, qint64> createdIds; // -k -> db id
    QSet<qint64> usedIds;             // new groups that kept faces (the checks above may empty some)
    for (int64_t row : open)
        if (newCluster[size_t(row)] < 0)
            usedIds.insert(newCluster[size_t(row)]);
    for (qint64 k = 1; k <= newClusters; ++k) {
        if (!usedIds.contains(-k))
            continue;
        QSqlQuery q(db);
        if (!SqlUtil::exec(q, QStringLiteral("INSERT INTO clusters (model_id) VALUES (?)"), {s.modelId},
                           &error))
            return rollback(error);
        createdIds.insert(-k, q.lastInsertId().toLongLong());
    }
    QSqlQuery update(db);
    update.prepare(
        QStringLiteral("UPDATE faces SET cluster_id = ?, state = ?, person_id = ?, suggestion_score = ? "
                       "WHERE id = ? AND state IN ('unknown', 'suggested')"));
    for (size_t i = 0; i < open.size(); ++i) {
        const size_t row = size_t(open[i]);
        qint64 cluster = newCluster[row];
        if (cluster < 0)
            cluster = createdIds.value(cluster);
        const PersonSuggestion& sug = suggestions[i];
        update.bindValue(0, cluster > 0 ? QVariant(cluster) : QVariant(QMetaType(QMetaType::LongLong)));
        update.bindValue(1, suggest[i] ? QStringLiteral("suggested") : QStringLiteral("unknown"));
        update.bindValue(2, suggest[i] ? QVariant(qint64(sug.personId))
                                       : QVariant(QMetaType(QMetaType::LongLong)));
        update.bindValue(3, suggest[i] ? QVariant(double(sug.confidence))
                                       : QVariant(QMetaType(QMetaType::Double)));
        update.bindValue(4, v.ids[row]);
        if (!update.exec())
            return rollback(update.lastError().text());
        s.suggestions += suggest[i] ? 1 : 0;
        s.clusteredFaces += cluster > 0 ? 1 : 0;
    }
    // A "not this person" given while this refresh compared the faces (the family keeps working meanwhile):
    // the rejection wins, the suggestion is dropped.
    {
        QSqlQuery q(db);
        if (!SqlUtil::exec(
                q,
                QStringLiteral("UPDATE faces SET state = 'unknown', person_id = NULL, "
                               "suggestion_score = NULL WHERE state = 'suggested' AND EXISTS (SELECT 1 "
                               "FROM face_rejections r WHERE r.face_id = faces.id AND r.person_id = "
                               "faces.person_id)"),
                {}, &error))
            return rollback(error);
        s.suggestions -= std::max(0, q.numRowsAffected());
    }
    // Cluster sizes; clusters left without unnamed faces are removed (named faces keep no dangling id).
    if (!SqlUtil::exec(
            db,
            QStringLiteral("UPDATE clusters SET size = (SELECT count(*) FROM faces f WHERE f.cluster_id "
                           "= clusters.id AND f.state IN ('unknown', 'suggested'))"),
            {}, &error) ||
        !SqlUtil::exec(db, QStringLiteral("DELETE FROM clusters WHERE size = 0"), {}, &error) ||
        !SqlUtil::exec(db, QStringLiteral("DELETE FROM group_questions"), {}, &error))
        return rollback(error);
    for (const Question& question : questions) {
        const qint64 cluster = question.cluster < 0 ? createdIds.value(question.cluster) : question.cluster;
        if (!SqlUtil::exec(
                db,
                QStringLiteral("INSERT OR REPLACE INTO group_questions (cluster_id, person_id, "
                               "similarity, confidence) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 "
                               "FROM clusters WHERE id = ?) AND EXISTS (SELECT 1 FROM persons WHERE id = ?)"),
                {cluster, question.person, double(question.similarity), double(question.confidence), cluster,
                 question.person},
                &error))
            return rollback(error);
    }
    s.questions = int(questions.size());
    if (!SqlUtil::exec(db, QStringLiteral("DELETE FROM group_pair_questions"), {}, &error))
        return rollback(error);
    for (const PairQuestion& question : pairQuestions) {
        const qint64 cluster = question.cluster < 0 ? createdIds.value(question.cluster) : question.cluster;
        const qint64 other = question.other < 0 ? createdIds.value(question.other) : question.other;
        if (!SqlUtil::exec(db,
                           QStringLiteral("INSERT OR REPLACE INTO group_pair_questions (cluster_id, "
                                          "other_cluster_id, similarity, confidence) SELECT ?, ?, ?, ? WHERE "
                                          "(SELECT count(*) FROM clusters WHERE id IN (?, ?)) = 2"),
                           {cluster, other, double(question.similarity), double(thresholds.pairConfidence),
                            cluster, other},
                           &error))
            return rollback(error);
        ++s.pairQuestions;
    }
    // A cluster's suggested person: the one most of its faces are suggested as.
    if (!SqlUtil::exec(
            db,
            QStringLiteral("UPDATE clusters SET suggested_person_id = (SELECT f.person_id FROM faces f "
                           "WHERE f.cluster_id = clusters.id AND f.state = 'suggested' GROUP BY "
                           "f.person_id HAVING 2 * count(*) > clusters.size ORDER BY count(*) DESC "
                           "LIMIT 1)"),
            {}, &error) ||
        !SqlUtil::exec(db,
                       QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES "
                                      "('suggestions.threshold', ?)"),
                       {QString::number(minSimilarity)}, &error))
        return rollback(error);
    if (!db.commit())
        return rollback(db.lastError().text());
    s.clusters = SqlUtil::scalar(db, QStringLiteral("SELECT count(*) FROM clusters")).toInt();
    s.newClusters = int(usedIds.size());
    s.seconds = timer.elapsed() / 1000.0;
    return true;
}

} // namespace kindred
