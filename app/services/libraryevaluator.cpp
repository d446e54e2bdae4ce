#include "libraryevaluator.h"

#include "catalog.h"
#include "clustering/dbscanclusterer.h"
#include "confidencecalibration.h"
#include "detection/facecheck.h"
#include "detection/nms.h"
#include "effortsimulator.h"
#include "evaluation/clusteringmetrics.h"
#include "evaluation/lfwmetrics.h"
#include "peopleservice.h"
#include "sqlutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <torch/torch.h>

namespace kindred {

namespace {

double ratio(double a, double b)
{
    return b > 0 ? a / b : 0.0;
}

double round4(double x)
{
    return std::round(x * 10000.0) / 10000.0;
}

// A file in WIDER's layout: a photo's path, its face count, then one line per face (WIDER writes one line of
// zeros for a photo without faces). Calls photo(path) for every photo and face(path, line, line number) for
// every face line (trimmed); face returns an error sentence to stop, empty to go on. Returns the error (the
// file cannot be opened, a count is missing, or face's), empty when the whole file was read.
QString readWiderLayout(const QString& fileName, const std::function<void(const QString&)>& photo,
                        const std::function<QString(const QString&, const QString&, int)>& face)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QStringLiteral("%1: cannot open (%2)").arg(fileName, file.errorString());
    QTextStream in(&file);
    int lineNumber = 0;
    const auto readLine = [&]() {
        ++lineNumber;
        return in.readLine().trimmed();
    };
    while (!in.atEnd()) {
        const QString path = readLine();
        if (path.isEmpty())
            continue;
        bool ok = false;
        const int count = readLine().toInt(&ok);
        if (!ok || count < 0)
            return QStringLiteral("%1:%2: expected a face count after %3")
                .arg(fileName)
                .arg(lineNumber)
                .arg(path);
        photo(path);
        if (count == 0) {
            readLine(); // the line of zeros
            continue;
        }
        for (int i = 0; i < count; ++i) {
            const QString line = readLine();
            if (QString error = face(path, line, lineNumber); !error.isEmpty())
                return error;
        }
    }
    return QString();
}

// Group statistics of one partition: `predicted` holds a group per face (-1 = none), `labels` a label per
// face ("" = unlabelled).
QJsonObject scorePartition(const std::vector<int>& predicted, const std::vector<QString>& labels,
                           const std::vector<std::pair<QString, std::vector<bool>>>& subsets = {})
{
    QHash<QString, int> labelIds;
    std::vector<int> truth, pred;
    int labelled = 0, grouped = 0;
    for (size_t i = 0; i < labels.size(); ++i) {
        if (labels[i].isEmpty())
            continue;
        ++labelled;
        grouped += predicted[i] >= 0 ? 1 : 0;
        const auto it = labelIds.constFind(labels[i]);
        const int id = it == labelIds.cend() ? int(labelIds.size()) : *it;
        if (it == labelIds.cend())
            labelIds.insert(labels[i], id);
        truth.push_back(id);
        pred.push_back(predicted[i]);
    }
    const BCubedScore bc = ClusteringMetrics::bcubed(pred, truth);
    // Per-face BCubed, for the subsets: precision = share of the face's group with its person, recall =
    // share of its person in its group (an ungrouped face is a group of one).
    QHash<int, QHash<QString, int>> groupPeople;
    QHash<int, int> groupLabelled;
    QHash<QString, int> classSize;
    for (size_t i = 0; i < labels.size(); ++i) {
        if (labels[i].isEmpty())
            continue;
        ++classSize[labels[i]];
        if (predicted[i] >= 0) {
            ++groupPeople[predicted[i]][labels[i]];
            ++groupLabelled[predicted[i]];
        }
    }
    QJsonObject subsetScores;
    for (const auto& [name, member] : subsets) {
        double p = 0, r = 0;
        int items = 0, groupedItems = 0;
        for (size_t i = 0; i < labels.size(); ++i) {
            if (labels[i].isEmpty() || !member[i])
                continue;
            ++items;
            if (predicted[i] >= 0) {
                ++groupedItems;
                const int same = groupPeople[predicted[i]].value(labels[i]);
                p += double(same) / groupLabelled.value(predicted[i]);
                r += double(same) / classSize.value(labels[i]);
            } else {
                p += 1.0;
                r += 1.0 / classSize.value(labels[i]);
            }
        }
        const double pp = ratio(p, items), rr = ratio(r, items);
        subsetScores.insert(name,
                            QJsonObject{{QStringLiteral("labelled_faces"), items},
                                        {QStringLiteral("grouped_share"), round4(ratio(groupedItems, items))},
                                        {QStringLiteral("bcubed_precision"), round4(pp)},
                                        {QStringLiteral("bcubed_recall"), round4(rr)},
                                        {QStringLiteral("bcubed_f"), round4(ratio(2 * pp * rr, pp + rr))}});
    }

    struct Group {
        int size = 0;
        QHash<QString, int> people;
    };
    QHash<int, Group> groups;
    for (size_t i = 0; i < predicted.size(); ++i) {
        if (predicted[i] < 0)
            continue;
        Group& g = groups[predicted[i]];
        ++g.size;
        if (!labels[i].isEmpty())
            ++g.people[labels[i]];
    }
    struct Row {
        int size;
        int labelled;
        QString person;
        int majority;
        int people;
    };
    std::vector<Row> rows;
    int mixed = 0, facesInMixed = 0;
    for (const Group& g : std::as_const(groups)) {
        Row r{g.size, 0, QString(), 0, int(g.people.size())};
        for (auto it = g.people.cbegin(); it != g.people.cend(); ++it) {
            r.labelled += it.value();
            if (it.value() > r.majority || (it.value() == r.majority && it.key() < r.person)) {
                r.majority = it.value();
                r.person = it.key();
            }
        }
        if (r.people > 1) {
            ++mixed;
            facesInMixed += r.labelled - r.majority;
        }
        rows.push_back(r);
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.size != b.size ? a.size > b.size : a.person < b.person;
    });
    QJsonArray largest;
    double minPurity = 1.0;
    for (size_t i = 0; i < rows.size() && i < 20; ++i) {
        const double purity = ratio(rows[i].majority, rows[i].labelled);
        if (rows[i].labelled > 0)
            minPurity = std::min(minPurity, purity);
        largest.append(QJsonObject{{QStringLiteral("size"), rows[i].size},
                                   {QStringLiteral("labelled"), rows[i].labelled},
                                   {QStringLiteral("person"), rows[i].person},
                                   {QStringLiteral("people"), rows[i].people},
                                   {QStringLiteral("purity"), round4(purity)}});
    }
    return QJsonObject{{QStringLiteral("subsets"), subsetScores},
                       {QStringLiteral("bcubed_precision"), round4(bc.precision)},
                       {QStringLiteral("bcubed_recall"), round4(bc.recall)},
                       {QStringLiteral("bcubed_f"), round4(bc.f)},
                       {QStringLiteral("labelled_faces"), labelled},
                       {QStringLiteral("people"), int(labelIds.size())},
                       {QStringLiteral("grouped_share"), round4(ratio(grouped, labelled))},
                       {QStringLiteral("groups"), int(groups.size())},
                       {QStringLiteral("mixed_groups"), mixed},
                       {QStringLiteral("faces_in_wrong_groups"), facesInMixed},
                       {QStringLiteral("largest_groups_min_purity"), round4(minPurity)},
                       {QStringLiteral("largest_groups"), largest}};
}

} // namespace

LibraryEvaluator::LibraryEvaluator(const QString& catalogPath, const LibraryPaths& paths)
    : m_catalogPath(catalogPath), m_paths(paths)
{
}

bool LibraryEvaluator::fail(const QString& message)
{
    m_error = message;
    return false;
}

QString LibraryEvaluator::labelOf(const QString& root, const QString& photoPath)
{
    const QString rel = QDir(root).relativeFilePath(photoPath);
    if (rel.startsWith(QLatin1String("../")) || QDir::isAbsolutePath(rel))
        return QString();
    const qsizetype slash = rel.indexOf(QLatin1Char('/'));
    return slash > 0 ? rel.left(slash) : QString();
}

bool LibraryEvaluator::loadFaces(const QString& root)
{
    m_faces.clear();
    m_faceIndex.clear();
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return false;
    QSqlQuery q(db);
    if (!SqlUtil::exec(
            q,
            QStringLiteral(
                "SELECT f.id, f.photo_id, p.path, f.x1, f.y1, f.x2, f.y2, f.not_face, "
                "f.face_check FROM faces f JOIN photos p ON p.id = f.photo_id WHERE p.missing = 0 ORDER BY "
                "f.id"),
            {}, &m_error))
        return false;
    QHash<qint64, size_t> largest; // photo -> row of its largest face
    while (q.next()) {
        Face f;
        f.id = q.value(0).toLongLong();
        f.photoId = q.value(1).toLongLong();
        f.path = q.value(2).toString();
        f.x1 = q.value(3).toDouble();
        f.y1 = q.value(4).toDouble();
        f.x2 = q.value(5).toDouble();
        f.y2 = q.value(6).toDouble();
        f.notFace = q.value(7).toInt();
        f.secondBox = FaceCheck::hiddenAsSecondBox(f.notFace == 1, q.value(8).toDouble());
        f.unsure = FaceService::isUnsure(f.notFace, q.value(8));
        const size_t row = m_faces.size();
        const auto area = [](const Face& x) { return (x.x2 - x.x1) * (x.y2 - x.y1); };
        // A second box on the photo's face (which may be a little larger) never takes its label: the
        // largest of the other faces does.
        const auto before = [&](const Face& a, const Face& b) {
            return a.secondBox != b.secondBox ? b.secondBox : area(a) > area(b);
        };
        const auto it = largest.find(f.photoId);
        if (it == largest.end())
            largest.insert(f.photoId, row);
        else if (before(f, m_faces[*it]))
            *it = row;
        m_faceIndex.insert(f.id, row);
        m_faces.push_back(std::move(f));
    }
    for (const size_t row : std::as_const(largest))
        m_faces[row].label = labelOf(root, m_faces[row].path);
    return true;
}

bool LibraryEvaluator::applyFaceLabels(const LibraryEvalOptions& options, QJsonObject* out)
{
    struct Labelled {
        Nms::Box box;
        QString person;
    };
    QHash<QString, std::vector<Labelled>> truth; // relative path -> labelled boxes
    // Four numbers, then the person: the rest of the line (names may hold spaces).
    const QRegularExpression boxLine(QStringLiteral("^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S.*)$"));
    const QString error = readWiderLayout(
        options.faceLabelsFile, [&](const QString& path) { truth[QDir::cleanPath(path)]; },
        [&](const QString& path, const QString& line, int lineNumber) {
            const QRegularExpressionMatch m = boxLine.match(line);
            bool numbers = m.hasMatch();
            float v[4] = {};
            for (int k = 0; numbers && k < 4; ++k)
                v[k] = m.captured(k + 1).toFloat(&numbers);
            if (!numbers || v[2] <= 0 || v[3] <= 0)
                return QStringLiteral("%1:%2: expected \"x y w h PERSON\" for %3")
                    .arg(options.faceLabelsFile)
                    .arg(lineNumber)
                    .arg(path);
            truth[QDir::cleanPath(path)].push_back({{v[0], v[1], v[0] + v[2], v[1] + v[3]}, m.captured(5)});
            return QString();
        });
    if (!error.isEmpty())
        return fail(error);
    // Only the file labels: folder names say nothing here.
    QHash<QString, std::vector<size_t>> facesOf; // relative path -> rows of m_faces
    for (size_t row = 0; row < m_faces.size(); ++row) {
        m_faces[row].label.clear();
        facesOf[QDir(options.photosRoot).relativeFilePath(m_faces[row].path)].push_back(row);
    }
    int boxes = 0, matched = 0, photos = 0;
    QSet<QString> people;
    for (auto it = truth.cbegin(); it != truth.cend(); ++it) {
        const auto rows = facesOf.constFind(it.key());
        if (rows == facesOf.cend() && !QFileInfo::exists(QDir(options.photosRoot).filePath(it.key())))
            continue; // not part of this folder
        ++photos;
        // Greedy by IoU, highest first: each labelled box takes at most one detection and the other way
        // round.
        struct Pair {
            double iou;
            size_t box, row;
        };
        std::vector<Pair> pairs;
        for (size_t b = 0; b < it.value().size(); ++b) {
            ++boxes;
            people.insert(it.value()[b].person);
            if (rows == facesOf.cend())
                continue;
            for (const size_t row : *rows) {
                const Face& f = m_faces[row];
                const double iou =
                    Nms::boxIou(it.value()[b].box, {float(f.x1), float(f.y1), float(f.x2), float(f.y2)});
                if (iou >= kLabelMinIou)
                    pairs.push_back({iou, b, row});
            }
        }
        // A second box on a face takes a label only when no other detection does.
        std::sort(pairs.begin(), pairs.end(), [this](const Pair& a, const Pair& b) {
            const bool sa = m_faces[a.row].secondBox, sb = m_faces[b.row].secondBox;
            return sa != sb ? sb : a.iou > b.iou;
        });
        std::vector<bool> boxUsed(it.value().size(), false);
        QSet<size_t> rowUsed;
        for (const Pair& pair : pairs) {
            if (boxUsed[pair.box] || rowUsed.contains(pair.row))
                continue;
            boxUsed[pair.box] = true;
            rowUsed.insert(pair.row);
            m_faces[pair.row].label = it.value()[pair.box].person;
            ++matched;
        }
    }
    *out = QJsonObject{{QStringLiteral("photos"), photos},
                       {QStringLiteral("labelled_boxes"), boxes},
                       {QStringLiteral("people"), int(people.size())},
                       {QStringLiteral("boxes_with_a_detection"), matched},
                       {QStringLiteral("min_iou"), kLabelMinIou}};
    return true;
}

bool LibraryEvaluator::groupingReport(QJsonObject* out)
{
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return false;
    QSqlQuery q(db);
    if (!SqlUtil::exec(q, QStringLiteral("SELECT id, cluster_id FROM faces WHERE cluster_id IS NOT NULL"), {},
                       &m_error))
        return false;
    std::vector<int> predicted(m_faces.size(), -1);
    std::vector<QString> labels;
    for (const Face& f : m_faces)
        labels.push_back(f.label);
    while (q.next()) {
        const auto it = m_faceIndex.constFind(q.value(0).toLongLong());
        if (it != m_faceIndex.cend())
            predicted[*it] = int(q.value(1).toLongLong());
    }
    *out = scorePartition(predicted, labels, m_subsets);
    return true;
}

// The stored embeddings (current model), L2-normalised, one row per face of m_faces (zeros without one).
struct LibraryEvaluator::Vectors {
    torch::Tensor matrix;
    std::vector<bool> present;
};

bool LibraryEvaluator::loadVectors(Vectors* v)
{
    const QHash<qint64, size_t>& index = m_faceIndex;
    const size_t count = m_faces.size();
    QString* error = &m_error;
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, error);
    if (!db.isOpen())
        return false;
    const QString model = FaceService::currentModel(db);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!SqlUtil::exec(q,
                       QStringLiteral("SELECT id, dim, embedding FROM faces WHERE model_id = ? AND embedding "
                                      "IS NOT NULL"),
                       {model}, error))
        return false;
    int dim = 0;
    std::vector<float> data;
    v->present.assign(count, false);
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toLongLong());
        const int d = q.value(1).toInt();
        const QByteArray blob = q.value(2).toByteArray();
        if (it == index.cend() || d <= 0 || blob.size() != qsizetype(d) * qsizetype(sizeof(float)) ||
            (dim && d != dim))
            continue;
        if (!dim) {
            dim = d;
            data.assign(count * size_t(dim), 0.0f);
        }
        std::copy_n(reinterpret_cast<const float*>(blob.constData()), dim, data.begin() + long(*it) * dim);
        v->present[*it] = true;
    }
    if (!dim) {
        *error = QStringLiteral("no embedded faces in the library");
        return false;
    }
    v->matrix = torch::nn::functional::normalize(
        torch::from_blob(data.data(), {int64_t(count), dim}, torch::kFloat32).clone(),
        torch::nn::functional::NormalizeFuncOptions().dim(1).eps(1e-12));
    return true;
}

bool LibraryEvaluator::baselineReport(const Vectors& v, QJsonObject* out)
{
    std::vector<int64_t> rows;
    for (size_t i = 0; i < m_faces.size(); ++i)
        if (v.present[i])
            rows.push_back(int64_t(i));
    DbscanOptions o;
    o.eps = 0.5f;
    o.minPoints = 3;
    o.common.minClusterSize = 3;
    QElapsedTimer t;
    t.start();
    const ClusteringResult r =
        DbscanClusterer(o).cluster(v.matrix.index_select(0, torch::tensor(rows, torch::kLong)), {});
    std::vector<int> predicted(m_faces.size(), -1);
    for (size_t i = 0; i < rows.size(); ++i)
        predicted[size_t(rows[i])] = r.labels[i];
    std::vector<QString> labels;
    for (const Face& f : m_faces)
        labels.push_back(f.label);
    *out = scorePartition(predicted, labels, m_subsets);
    out->insert(QStringLiteral("algorithm"), QStringLiteral("dbscan cosine 0.5, min 3"));
    out->insert(QStringLiteral("seconds"), t.elapsed() / 1000.0);
    return true;
}

bool LibraryEvaluator::verificationReport(const LibraryEvalOptions& options, const Vectors& v,
                                          QJsonObject* out)
{
    // Labelled face of each photo path (relative to the root).
    QHash<QString, size_t> byPath;
    QMap<QString, std::vector<size_t>> byLabel;
    int labelledPhotos = 0;
    for (size_t i = 0; i < m_faces.size(); ++i) {
        if (m_faces[i].label.isEmpty())
            continue;
        ++labelledPhotos;
        byPath.insert(QDir(options.photosRoot).relativeFilePath(m_faces[i].path), i);
        if (v.present[i])
            byLabel[m_faces[i].label].push_back(i);
    }
    struct Pair {
        QString a, b; // relative paths
        bool same;
        int fold;
    };
    std::vector<Pair> pairs;
    QString source;
    if (!options.pairsFile.isEmpty()) {
        source = options.pairsFile;
        QFile file(options.pairsFile);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return fail(QStringLiteral("%1: cannot open (%2)").arg(options.pairsFile, file.errorString()));
        QTextStream in(&file);
        QStringList lines;
        while (!in.atEnd()) {
            const QString line = in.readLine().trimmed();
            if (!line.isEmpty())
                lines << line;
        }
        const QRegularExpression space(QStringLiteral("\\s+"));
        const QStringList header = lines.isEmpty() ? QStringList() : lines.takeFirst().split(space);
        const int perFold = header.size() == 2 ? header[1].toInt() : header.value(0).toInt();
        if (perFold <= 0)
            return fail(options.pairsFile + QStringLiteral(": the first line must be \"folds n\""));
        const auto name = [](const QString& person, const QString& index) {
            return QStringLiteral("%1/%1_%2.jpg").arg(person).arg(index.toInt(), 4, 10, QLatin1Char('0'));
        };
        for (int i = 0; i < lines.size(); ++i) {
            const QStringList t = lines[i].split(space);
            if (t.size() == 3)
                pairs.push_back({name(t[0], t[1]), name(t[0], t[2]), true, i / (2 * perFold)});
            else if (t.size() == 4)
                pairs.push_back({name(t[0], t[1]), name(t[2], t[3]), false, i / (2 * perFold)});
            else
                return fail(QStringLiteral("%1 line %2: expected \"name i j\" or \"name1 i name2 j\"")
                                .arg(options.pairsFile)
                                .arg(i + 2));
        }
    } else {
        // Generated: same-person pairs from people with two faces or more, different-person pairs from
        // two people; a fixed seed, so runs compare.
        source = QStringLiteral("generated");
        std::mt19937 rng(20261130);
        std::vector<QString> people, multi;
        for (auto it = byLabel.cbegin(); it != byLabel.cend(); ++it) {
            people.push_back(it.key());
            if (it.value().size() >= 2)
                multi.push_back(it.key());
        }
        if (multi.empty() || people.size() < 2)
            return fail(QStringLiteral("too few labelled faces to make verification pairs"));
        const auto rel = [&](size_t row) {
            return QDir(options.photosRoot).relativeFilePath(m_faces[row].path);
        };
        QSet<QPair<size_t, size_t>> seen;
        const int n = options.generatedPairs;
        for (int i = 0, tries = 0; i < n && tries < 100 * n; ++tries) {
            const std::vector<size_t>& faces = byLabel[multi[rng() % multi.size()]];
            size_t a = faces[rng() % faces.size()], b = faces[rng() % faces.size()];
            if (a == b || seen.contains({std::min(a, b), std::max(a, b)}))
                continue;
            seen.insert({std::min(a, b), std::max(a, b)});
            pairs.push_back({rel(a), rel(b), true, i % 10});
            ++i;
        }
        for (int i = 0, tries = 0; i < n && tries < 100 * n; ++tries) {
            const QString& p = people[rng() % people.size()];
            const QString& q = people[rng() % people.size()];
            if (p == q)
                continue;
            const size_t a = byLabel[p][rng() % byLabel[p].size()], b = byLabel[q][rng() % byLabel[q].size()];
            if (seen.contains({std::min(a, b), std::max(a, b)}))
                continue;
            seen.insert({std::min(a, b), std::max(a, b)});
            pairs.push_back({rel(a), rel(b), false, i % 10});
            ++i;
        }
    }
    std::vector<ScoredPair> scored;
    // With --subsets, each pair is also scored in the group of its two faces' subsets ("frontal-profile":
    // a frontal face against a profile), e.g. CFP's frontal-profile protocol on the library's own faces.
    const auto subsetOf = [&](size_t row) { // index into m_subsets, -1 for none
        for (size_t k = 0; k < m_subsets.size(); ++k)
            if (m_subsets[k].second[row])
                return int(k);
        return -1;
    };
    QMap<QString, std::vector<ScoredPair>> bySubsets;
    int missing = 0;
    const float* m = v.matrix.data_ptr<float>();
    const int64_t dim = v.matrix.size(1);
    for (const Pair& p : pairs) {
        const auto a = byPath.constFind(p.a), b = byPath.constFind(p.b);
        if (a == byPath.cend() || b == byPath.cend() || !v.present[*a] || !v.present[*b]) {
            ++missing;
            continue;
        }
        double dot = 0;
        for (int64_t k = 0; k < dim; ++k)
            dot += double(m[int64_t(*a) * dim + k]) * double(m[int64_t(*b) * dim + k]);
        scored.push_back({1.0 - dot, p.same, p.fold});
        const int first = subsetOf(*a), second = subsetOf(*b);
        if (first >= 0 && second >= 0)
            bySubsets[m_subsets[size_t(std::min(first, second))].first + QLatin1Char('-') +
                      m_subsets[size_t(std::max(first, second))].first]
                .push_back(scored.back());
    }
    if (scored.empty())
        return fail(QStringLiteral("no verification pair has a face on both sides"));
    const LfwReport r = LfwMetrics::evaluate(scored);
    // Pairs whose photo had no face count as wrong answers in the protocol's accuracy.
    const double protocol = r.accuracy * double(scored.size()) / double(scored.size() + size_t(missing));
    QJsonObject subsetReports;
    for (auto it = bySubsets.cbegin(); it != bySubsets.cend(); ++it) {
        const auto same =
            std::count_if(it.value().begin(), it.value().end(), [](const auto& s) { return s.same; });
        if (same == 0 || same == qsizetype(it.value().size()))
            continue;
        const LfwReport s = LfwMetrics::evaluate(it.value());
        subsetReports.insert(it.key(), QJsonObject{{QStringLiteral("pairs"), int(it.value().size())},
                                                   {QStringLiteral("accuracy"), round4(s.accuracy)},
                                                   {QStringLiteral("auc"), round4(s.auc)},
                                                   {QStringLiteral("tar_at_far_1e-2"),
                                                    round4(LfwMetrics::tarAtFar(it.value(), 1e-2))},
                                                   {QStringLiteral("tar_at_far_1e-3"), round4(s.tarAtFar)}});
    }
    *out = QJsonObject{{QStringLiteral("pairs_from"), source},
                       {QStringLiteral("pairs"), int(pairs.size())},
                       {QStringLiteral("pairs_without_face"), missing},
                       {QStringLiteral("accuracy"), round4(r.accuracy)},
                       {QStringLiteral("accuracy_std"), round4(r.std)},
                       {QStringLiteral("accuracy_counting_missing_as_wrong"), round4(protocol)},
                       {QStringLiteral("cosine_threshold"), round4(1.0 - r.threshold)},
                       {QStringLiteral("auc"), round4(r.auc)},
                       {QStringLiteral("tar_at_far_1e-2"), round4(LfwMetrics::tarAtFar(scored, 1e-2))},
                       {QStringLiteral("tar_at_far_1e-3"), round4(r.tarAtFar)},
                       {QStringLiteral("labelled_photos"), labelledPhotos}};
    if (!subsetReports.isEmpty())
        out->insert(QStringLiteral("by_subsets"), subsetReports);
    return true;
}

QJsonObject LibraryEvaluator::faceCheckReport() const
{
    // Detections the face check hid, and how many of them were a photo's labelled (largest) face.
    int hidden = 0, secondBoxes = 0, labelled = 0, labelledHidden = 0, unsure = 0, labelledUnsure = 0;
    QJsonArray examples, secondBoxExamples;
    for (const Face& f : m_faces) {
        hidden += f.notFace == 1 ? 1 : 0;
        unsure += f.unsure ? 1 : 0;
        labelledUnsure += f.unsure && !f.label.isEmpty() ? 1 : 0;
        if (f.secondBox) {
            ++secondBoxes;
            if (secondBoxExamples.size() < 10)
                secondBoxExamples.append(
                    QJsonObject{{QStringLiteral("face"), f.id}, {QStringLiteral("path"), f.path}});
        }
        if (!f.label.isEmpty()) {
            ++labelled;
            if (f.notFace == 1) {
                ++labelledHidden;
                if (examples.size() < 10)
                    examples.append(
                        QJsonObject{{QStringLiteral("face"), f.id}, {QStringLiteral("path"), f.path}});
            }
        }
    }
    return QJsonObject{{QStringLiteral("detections"), int(m_faces.size())},
                       {QStringLiteral("hidden_as_not_face"), hidden},
                       {QStringLiteral("hidden_share"), round4(ratio(hidden, int(m_faces.size())))},
                       {QStringLiteral("hidden_as_second_box"), secondBoxes},
                       {QStringLiteral("second_box_examples"), secondBoxExamples},
                       {QStringLiteral("labelled_faces"), labelled},
                       {QStringLiteral("labelled_faces_hidden"), labelledHidden},
                       {QStringLiteral("labelled_faces_hidden_examples"), examples},
                       {QStringLiteral("unsure"), unsure},
                       {QStringLiteral("labelled_faces_unsure"), labelledUnsure}};
}

bool LibraryEvaluator::detectionReport(const LibraryEvalOptions& options, QJsonObject* out)
{
    using Box = Nms::Box;                   // x1, y1, x2, y2
    QHash<QString, std::vector<Box>> truth; // relative path -> valid boxes
    const QRegularExpression space(QStringLiteral("\\s+"));
    const QString error = readWiderLayout(
        options.boxesFile, [&](const QString& path) { truth[path]; },
        [&](const QString& path, const QString& line, int) {
            const QStringList t = line.split(space);
            if (t.size() < 4)
                return options.boxesFile + QStringLiteral(": short box line for ") + path;
            const bool invalid = t.size() >= 8 && t[7] == QLatin1String("1");
            const float x = t[0].toFloat(), y = t[1].toFloat(), w = t[2].toFloat(), h = t[3].toFloat();
            if (!invalid && w > 0 && h > 0)
                truth[path].push_back({x, y, x + w, y + h});
            return QString();
        });
    if (!error.isEmpty())
        return fail(error);
    // Scored three times: every detection (as before the face check), the faces the family is shown (the
    // detections the check hid left out), and those shown as faces (the "Maybe not faces" row left out too).
    struct Score {
        std::vector<int> total, matched;
        int photos = 0, detections = 0, unmatched = 0;
    };
    const std::vector<double> bands = {0, 20, 40, 80};
    enum class Shown { All, Shown, AsFaces };
    auto score = [&](Shown which) {
        QHash<QString, std::vector<Box>> found;
        for (const Face& f : m_faces)
            if (which == Shown::All || (f.notFace != 1 && (which == Shown::Shown || !f.unsure)))
                found[QDir(options.photosRoot).relativeFilePath(f.path)].push_back(
                    {float(f.x1), float(f.y1), float(f.x2), float(f.y2)});
        Score s;
        s.total.assign(bands.size(), 0);
        s.matched.assign(bands.size(), 0);
        // Greedy matching by IoU >= 0.5, per size band of the true box's shorter side.
        for (auto it = truth.cbegin(); it != truth.cend(); ++it) {
            const auto det = found.constFind(it.key());
            if (det == found.cend() && !QFileInfo::exists(QDir(options.photosRoot).filePath(it.key())))
                continue; // not part of this folder
            ++s.photos;
            std::vector<Box> dets = det == found.cend() ? std::vector<Box>() : *det;
            s.detections += int(dets.size());
            std::vector<bool> used(dets.size(), false);
            for (const Box& t : it.value()) {
                double best = 0.5;
                int bestIndex = -1;
                for (size_t j = 0; j < dets.size(); ++j) {
                    if (used[j])
                        continue;
                    const double iou = Nms::boxIou(t, dets[j]);
                    if (iou >= best) {
                        best = iou;
                        bestIndex = int(j);
                    }
                }
                if (bestIndex >= 0)
                    used[size_t(bestIndex)] = true;
                const double side = std::min(t[2] - t[0], t[3] - t[1]);
                for (size_t b = 0; b < bands.size(); ++b) {
                    if (side >= bands[b]) {
                        ++s.total[b];
                        s.matched[b] += bestIndex >= 0 ? 1 : 0;
                    }
                }
            }
            for (bool u : used)
                s.unmatched += u ? 0 : 1;
        }
        return s;
    };
    auto recallOf = [&](const Score& s) {
        QJsonArray recall;
        for (size_t b = 0; b < bands.size(); ++b)
            recall.append(QJsonObject{{QStringLiteral("min_side"), bands[b]},
                                      {QStringLiteral("boxes"), s.total[b]},
                                      {QStringLiteral("found"), s.matched[b]},
                                      {QStringLiteral("recall"), round4(ratio(s.matched[b], s.total[b]))}});
        return recall;
    };
    const Score all = score(Shown::All);
    const Score shown = score(Shown::Shown);
    const Score asFaces = score(Shown::AsFaces);
    const int photos = shown.photos, detections = shown.detections, unmatchedDetections = shown.unmatched;
    const QJsonArray recall = recallOf(shown);
    *out = QJsonObject{{QStringLiteral("photos"), photos},
                       {QStringLiteral("detections"), detections},
                       {QStringLiteral("detections_matching_no_box"), unmatchedDetections},
                       {QStringLiteral("recall_by_size"), recall},
                       {QStringLiteral("shown_as_faces"),
                        QJsonObject{{QStringLiteral("detections"), asFaces.detections},
                                    {QStringLiteral("detections_matching_no_box"), asFaces.unmatched},
                                    {QStringLiteral("recall_by_size"), recallOf(asFaces)}}},
                       {QStringLiteral("before_face_check"),
                        QJsonObject{{QStringLiteral("detections"), all.detections},
                                    {QStringLiteral("detections_matching_no_box"), all.unmatched},
                                    {QStringLiteral("recall_by_size"), recallOf(all)}}}};
    return true;
}

bool LibraryEvaluator::namingRounds(const LibraryEvalOptions& options, QJsonArray* out,
                                    const std::atomic_bool* cancel)
{
    FaceService faces(m_catalogPath, m_paths);
    PeopleService people(m_catalogPath);
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return false;
    QSet<QString> named;
    FaceRefreshOptions grouping = options.grouping;
    grouping.recluster = false;
    ConfidenceCalibration calibration; // every round's suggestions so far
    for (int round = 1; round <= options.rounds; ++round) {
        if (cancel && cancel->load())
            break;
        QElapsedTimer timer;
        timer.start();
        // The largest unnamed groups, each named after its majority person (its other faces taken out).
        QSqlQuery q(db);
        if (!SqlUtil::exec(q,
                           QStringLiteral("SELECT id, cluster_id FROM faces WHERE cluster_id IS NOT NULL AND "
                                          "state IN ('unknown', 'suggested')"),
                           {}, &m_error))
            return false;
        QHash<qint64, QList<qint64>> groups;
        while (q.next())
            groups[q.value(1).toLongLong()].append(q.value(0).toLongLong());
        std::vector<std::pair<int, qint64>> order;
        for (auto it = groups.cbegin(); it != groups.cend(); ++it)
            order.push_back({int(it.value().size()), it.key()});
        std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        int groupsNamed = 0, facesNamed = 0, facesTakenOut = 0, groupsWithoutLabel = 0;
        for (const auto& [size, cluster] : order) {
            if (groupsNamed >= options.groupsPerRound)
                break;
            QHash<QString, QList<qint64>> byPerson;
            for (qint64 id : groups.value(cluster)) {
                const QString& label = m_faces[m_faceIndex.value(id)].label;
                if (!label.isEmpty())
                    byPerson[label].append(id);
            }
            QString person;
            for (auto it = byPerson.cbegin(); it != byPerson.cend(); ++it)
                if (person.isEmpty() || it.value().size() > byPerson.value(person).size() ||
                    (it.value().size() == byPerson.value(person).size() && it.key() < person))
                    person = it.key();
            if (person.isEmpty()) {
                ++groupsWithoutLabel; // only faces nobody labelled (background faces): left alone
                continue;
            }
            if (!people.nameFaces(byPerson.value(person), person))
                return fail(QStringLiteral("naming failed: ") + people.errorString());
            // The faces of other people in the group are taken out: "not this person" (remembered).
            QList<qint64> others;
            for (auto it = byPerson.cbegin(); it != byPerson.cend(); ++it)
                if (it.key() != person)
                    others += it.value();
            const std::optional<PersonSummary> namedPerson = people.personByName(person);
            if (!others.isEmpty() && namedPerson && !people.rejectFaces(others, namedPerson->id))
                return fail(QStringLiteral("taking faces out failed: ") + people.errorString());
            named.insert(person);
            ++groupsNamed;
            facesNamed += int(byPerson.value(person).size());
            facesTakenOut += size - int(byPerson.value(person).size());
        }
        FaceRefreshSummary refresh;
        if (!faces.refresh(grouping, &refresh, cancel))
            return fail(QStringLiteral("regrouping failed: ") + faces.errorString());

        // Still-unnamed labelled faces of named people: what suggestions could find.
        if (!SqlUtil::exec(q, QStringLiteral("SELECT id FROM faces WHERE state IN ('unknown', 'suggested')"),
                           {}, &m_error))
            return false;
        int reachable = 0, strangersOpen = 0;
        std::vector<int> subsetReachable(m_subsets.size(), 0), subsetRight(m_subsets.size(), 0);
        while (q.next()) {
            const size_t row = m_faceIndex.value(q.value(0).toLongLong());
            const QString& label = m_faces[row].label;
            if (label.isEmpty())
                continue;
            (named.contains(label) ? reachable : strangersOpen) += 1;
            for (size_t k = 0; k < m_subsets.size(); ++k)
                subsetReachable[k] += named.contains(label) && m_subsets[k].second[row] ? 1 : 0;
        }
        const QList<FaceRecord> suggested = faces.suggestions();
        int right = 0, wrong = 0, toStrangers = 0, unlabelled = 0;
        QList<qint64> confirm, reject;
        QJsonArray wrongExamples;
        const std::vector<double> bandFloor = {0.99, 0.95, 0.9, 0.8, 0.0};
        std::vector<int> bandRight(bandFloor.size(), 0), bandAll(bandFloor.size(), 0);
        for (const FaceRecord& s : suggested) {
            const QString& label = m_faces[m_faceIndex.value(s.id)].label;
            if (label.isEmpty()) {
                ++unlabelled;
                continue;
            }
            const bool ok = label == s.personName;
            (ok ? right : wrong) += 1;
            if (!ok && wrongExamples.size() < 10)
                wrongExamples.append(QJsonObject{
                    {QStringLiteral("photo"), QDir(options.photosRoot).relativeFilePath(s.photoPath)},
                    {QStringLiteral("suggested"), s.personName},
                    {QStringLiteral("confidence"), round4(s.suggestionScore)}});
            for (size_t k = 0; k < m_subsets.size(); ++k)
                subsetRight[k] += ok && m_subsets[k].second[m_faceIndex.value(s.id)] ? 1 : 0;
            toStrangers += named.contains(label) ? 0 : 1;
            (ok ? confirm : reject).append(s.id);
            calibration.add(s.suggestionScore, ok);
            for (size_t b = 0; b < bandFloor.size(); ++b) {
                if (double(s.suggestionScore) >= bandFloor[b]) {
                    ++bandAll[b];
                    bandRight[b] += ok ? 1 : 0;
                    break;
                }
            }
        }
        QJsonArray bands;
        for (size_t b = 0; b < bandFloor.size(); ++b)
            if (bandAll[b] > 0)
                bands.append(
                    QJsonObject{{QStringLiteral("confidence_from"), bandFloor[b]},
                                {QStringLiteral("suggestions"), bandAll[b]},
                                {QStringLiteral("precision"), round4(ratio(bandRight[b], bandAll[b]))}});
        QJsonObject subsetRecall;
        for (size_t k = 0; k < m_subsets.size(); ++k)
            subsetRecall.insert(m_subsets[k].first, round4(ratio(subsetRight[k], subsetReachable[k])));
        out->append(QJsonObject{
            {QStringLiteral("round"), round},
            {QStringLiteral("recall_by_subset"), subsetRecall},
            {QStringLiteral("groups_named"), groupsNamed},
            {QStringLiteral("groups_without_labelled_face"), groupsWithoutLabel},
            {QStringLiteral("faces_named"), facesNamed},
            {QStringLiteral("faces_taken_out"), facesTakenOut},
            {QStringLiteral("named_people"), int(named.size())},
            {QStringLiteral("suggestions"), right + wrong},
            {QStringLiteral("suggestions_right"), right},
            {QStringLiteral("suggestions_wrong"), wrong},
            {QStringLiteral("suggestions_unlabelled"), unlabelled},
            {QStringLiteral("precision"), right + wrong > 0 ? round4(ratio(right, right + wrong)) : 1.0},
            {QStringLiteral("recall"), round4(ratio(right, reachable))},
            {QStringLiteral("unnamed_faces_of_named_people"), reachable},
            {QStringLiteral("unnamed_faces_of_never_named_people"), strangersOpen},
            {QStringLiteral("suggestions_for_never_named_people"), toStrangers},
            {QStringLiteral("suggestion_threshold"), round4(refresh.suggestionThreshold)},
            {QStringLiteral("confidence_bands"), bands},
            {QStringLiteral("calibration_so_far"), calibration.toJson()},
            {QStringLiteral("wrong_suggestions"), wrongExamples},
            {QStringLiteral("seconds"), timer.elapsed() / 1000.0}});
        if (options.log)
            options.log(QStringLiteral("round %1: %2 people named, %3 suggestions, precision %4, recall %5")
                            .arg(round)
                            .arg(named.size())
                            .arg(right + wrong)
                            .arg(ratio(right, right + wrong), 0, 'f', 3)
                            .arg(ratio(right, reachable), 0, 'f', 3));
        // The family answers every suggestion.
        if (!confirm.isEmpty() && !people.confirmSuggestions(confirm))
            return fail(QStringLiteral("confirming failed: ") + people.errorString());
        if (!reject.isEmpty() && !people.rejectSuggestions(reject))
            return fail(QStringLiteral("rejecting failed: ") + people.errorString());
        if (groupsNamed == 0 && suggested.isEmpty())
            break; // nothing left to name
    }
    return true;
}

bool LibraryEvaluator::effortReports(const LibraryEvalOptions& options, QJsonObject* report,
                                     const std::atomic_bool* cancel)
{
    QHash<qint64, QString> labels;
    for (const Face& f : m_faces)
        if (!f.label.isEmpty())
            labels.insert(f.id, f.label);
    if (labels.isEmpty())
        return true; // nothing to name (e.g. group photos scored for detection only)
    EffortOptions effort;
    effort.grouping = options.grouping;
    effort.regroupEvery = options.effortRegroupEvery;
    for (const auto& [word, member] : m_subsets) {
        QSet<qint64>& ids = effort.subsets[word];
        for (size_t row = 0; row < member.size(); ++row)
            if (member[row])
                ids.insert(m_faces[row].id);
    }
    // Each policy starts from the groups as they are now, on its own copy of the catalog.
    QTemporaryDir work;
    if (!work.isValid())
        return fail(QStringLiteral("cannot create a folder for the effort simulation"));
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return false;
    std::vector<std::pair<EffortPolicy, QString>> runs = {
        {EffortPolicy::Batched, QStringLiteral("effort")},
        {EffortPolicy::OneByOne, QStringLiteral("effort_baseline")}};
    if (options.effortFinetuneEvery > 0)
        runs.emplace_back(EffortPolicy::Batched, QStringLiteral("effort_finetuned"));
    for (const auto& [policy, key] : runs) {
        const LibraryPaths paths(work.filePath(key));
        if (!paths.ensureExists(&m_error) ||
            !SqlUtil::exec(db, QStringLiteral("VACUUM INTO ?"), {paths.catalogFile()}, &m_error))
            return fail(QStringLiteral("cannot copy the catalog for the effort simulation: ") + m_error);
        effort.policy = policy;
        effort.finetuneEvery = key == QLatin1String("effort_finetuned") ? options.effortFinetuneEvery : 0;
        effort.finetuneFreeWeight = options.effortFinetuneFreeWeight;
        effort.finetuneTogetherWeight = options.effortFinetuneTogetherWeight;
        QJsonObject out;
        EffortSimulator simulator(paths.catalogFile(), paths, labels);
        const bool ok = simulator.run(effort, &out, cancel);
        Catalog::closeThreadConnection(paths.catalogFile());
        if (!ok)
            return fail(QStringLiteral("effort simulation: ") + simulator.errorString());
        report->insert(key, out);
        if (options.log) {
            const QJsonObject to = out.value(QStringLiteral("decisions_to")).toObject();
            const auto n = [&](const char* k) {
                const QJsonValue v = to.value(QLatin1String(k));
                return v.isNull() ? QStringLiteral("-") : QString::number(v.toInt());
            };
            options.log(QStringLiteral("effort (%1): %2 decisions; to 50/80/90/95 %: %3/%4/%5/%6; named %7, "
                                       "wrong names %8")
                            .arg(EffortSimulator::policyName(policy))
                            .arg(out.value(QStringLiteral("decisions")).toInt())
                            .arg(n("50"), n("80"), n("90"), n("95"))
                            .arg(out.value(QStringLiteral("named_share_final")).toDouble())
                            .arg(out.value(QStringLiteral("wrong_names")).toInt()));
        }
    }
    return true;
}

bool LibraryEvaluator::run(const LibraryEvalOptions& options, QJsonObject* report,
                           const std::atomic_bool* cancel)
{
    m_error.clear();
    const auto log = [&](const QString& line) {
        if (options.log)
            options.log(line);
    };
    if (!loadFaces(options.photosRoot))
        return false;
    QJsonObject faceLabels;
    if (!options.faceLabelsFile.isEmpty() && !applyFaceLabels(options, &faceLabels))
        return false;
    m_subsets.clear();
    for (const QString& word : options.subsets) {
        std::vector<bool> member;
        for (const Face& f : m_faces)
            member.push_back(QFileInfo(f.path).fileName().contains(word, Qt::CaseInsensitive));
        m_subsets.emplace_back(word, std::move(member));
    }
    QJsonObject r;
    int labelled = 0;
    QSet<qint64> photosWithFace;
    for (const Face& f : m_faces) {
        labelled += f.label.isEmpty() ? 0 : 1;
        photosWithFace.insert(f.photoId);
    }
    r.insert(QStringLiteral("faces"), int(m_faces.size()));
    r.insert(QStringLiteral("labelled_faces"), labelled);
    r.insert(QStringLiteral("photos_with_faces"), int(photosWithFace.size()));
    if (!faceLabels.isEmpty())
        r.insert(QStringLiteral("face_labels"), faceLabels);

    // Groups as the app makes them from scratch with the library's settings.
    QElapsedTimer timer;
    timer.start();
    FaceService faces(m_catalogPath, m_paths);
    FaceRefreshOptions grouping = options.grouping;
    grouping.recluster = true;
    FaceRefreshSummary summary;
    if (!faces.refresh(grouping, &summary, cancel))
        return fail(QStringLiteral("grouping failed: ") + faces.errorString());
    QJsonObject g;
    if (!groupingReport(&g))
        return false;
    g.insert(QStringLiteral("algorithm"), grouping.algorithm);
    g.insert(QStringLiteral("similarity"), grouping.clusterSimilarity);
    g.insert(QStringLiteral("min_size"), grouping.minClusterSize);
    g.insert(QStringLiteral("min_quality"), grouping.minQuality);
    g.insert(QStringLiteral("crowded_out_faces"), summary.crowdedOutFaces);
    g.insert(QStringLiteral("crowded_out_suggestions"), summary.crowdedOutSuggestions);
    g.insert(QStringLiteral("seconds"), summary.seconds);
    r.insert(QStringLiteral("grouping"), g);
    log(QStringLiteral("grouping: BCubed F %1 (P %2, R %3), %4 mixed groups")
            .arg(g.value(QStringLiteral("bcubed_f")).toDouble())
            .arg(g.value(QStringLiteral("bcubed_precision")).toDouble())
            .arg(g.value(QStringLiteral("bcubed_recall")).toDouble())
            .arg(g.value(QStringLiteral("mixed_groups")).toInt()));
    const bool verify = !options.pairsFile.isEmpty() || options.generatedPairs > 0;
    Vectors vectors; // read once for both reports that compare stored embeddings
    if ((options.baseline || verify) && !loadVectors(&vectors))
        return false;
    if (options.baseline) {
        QJsonObject b;
        if (!baselineReport(vectors, &b))
            return false;
        r.insert(QStringLiteral("grouping_baseline"), b);
    }
    if (verify) {
        QJsonObject v;
        if (!verificationReport(options, vectors, &v))
            return false;
        r.insert(QStringLiteral("verification"), v);
        log(QStringLiteral("verification: %1").arg(v.value(QStringLiteral("accuracy")).toDouble()));
    }
    r.insert(QStringLiteral("face_check"), faceCheckReport());
    if (!options.boxesFile.isEmpty()) {
        QJsonObject d;
        if (!detectionReport(options, &d))
            return false;
        r.insert(QStringLiteral("detection"), d);
    }
    if (options.effort && !effortReports(options, &r, cancel))
        return false;
    QJsonArray rounds;
    if (options.rounds > 0 && !namingRounds(options, &rounds, cancel))
        return false;
    r.insert(QStringLiteral("naming_rounds"), rounds);
    double worst = 1.0;
    for (const QJsonValue& round : std::as_const(rounds))
        if (round.toObject().value(QStringLiteral("suggestions")).toInt() > 0)
            worst = std::min(worst, round.toObject().value(QStringLiteral("precision")).toDouble());
    r.insert(QStringLiteral("worst_round_precision"), worst);
    // The shown confidence of every suggestion of the rounds against its answer.
    r.insert(QStringLiteral("naming_rounds_calibration"),
             rounds.isEmpty()
                 ? QJsonObject{}
                 : rounds.last().toObject().value(QStringLiteral("calibration_so_far")).toObject());
    r.insert(QStringLiteral("evaluation_seconds"), timer.elapsed() / 1000.0);
    *report = r;
    return true;
}

} // namespace kindred
