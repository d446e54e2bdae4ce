// FaceService: clustering of unknown faces (full and incremental), quality gating, calibrated suggestions,
// rejections, and the rule that nothing the family confirmed is ever changed. Real SQLite catalogs with
// synthetic identities (unit vectors around random centres), so that the right answer is known.
#include "catalog.h"
#include "faceservice.h"
#include "fileidentity.h"
#include "filenameimporter.h"
#include "imagedecoder.h"
#include "metadatareader.h"
#include "namewriter.h"
#include "peopleservice.h"
#include "training/projectionhead.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>
#include <random>

using namespace kindred;

namespace {

constexpr int kDim = 64;

std::vector<float> unit(std::vector<float> v)
{
    double n = 0;
    for (float x : v)
        n += double(x) * x;
    for (float& x : v)
        x = float(x / std::sqrt(n));
    return v;
}

} // namespace

class TestFaces : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void clustersAreIdentities_data();
    void clustersAreIdentities();
    void incrementalKeepsClusters();
    void lowQualityStaysUnclustered();
    void doubtfulFacesStayUnclustered_data();
    void doubtfulFacesStayUnclustered();
    void suggestionsFollowNamesAndRejections();
    void rejectedLookAlikeKeepsItsFamilyOut_data();
    void rejectedLookAlikeKeepsItsFamilyOut();
    void crowdedNeighbourhoodRaisesTheBar_data();
    void crowdedNeighbourhoodRaisesTheBar();
    void shownConfidenceFollowsEvidence_data();
    void shownConfidenceFollowsEvidence();
    void questionConfidenceFollowsEvidence_data();
    void questionConfidenceFollowsEvidence();
    void confirmedAndIgnoredNeverChange();
    void reclusterStartsAfresh();
    void onceInAPhoto();
    void newGroupsKeepTheMinimumSize();
    void groupsNoMoreAlikeThanTheFacesBeside_data();
    void groupsNoMoreAlikeThanTheFacesBeside();
    void suggestionsBeatTheFacesBeside_data();
    void suggestionsBeatTheFacesBeside();
    void halfTurnedGroupsNeedMore_data();
    void halfTurnedGroupsNeedMore();
    void personalisationStage_data();
    void personalisationStage();
    void unknownAlgorithmIsAnError();
    void libraryOptions_data();
    void libraryOptions();
    void regionOrientation_data();
    void regionOrientation();
    void namesFromFiles_data();
    void namesFromFiles();
    void missedFacesFromFiles_data();
    void missedFacesFromFiles();
    void nameWriter_data();
    void nameWriter();

private:
    QSqlDatabase db() { return Catalog::connectionForThread(m_path); }
    qint64 exec(const QString& sql, const QVariantList& binds = {});
    // Adds `count` faces of identity `id` (spread sigma around its centre), each in its own photo.
    QList<qint64> addFaces(int id, int count, float quality = 0.9f,
                           const QString& state = QStringLiteral("unknown"), qint64 person = 0,
                           float sigma = 0.12f, qint64 inPhoto = 0);
    qint64 photoOf(qint64 face)
    {
        return value(QStringLiteral("SELECT photo_id FROM faces WHERE id = ?"), face).toLongLong();
    }
    qint64 addPerson(const QString& name)
    {
        return exec(QStringLiteral("INSERT INTO persons (name) VALUES (?)"), {name});
    }
    FaceRefreshSummary refresh(FaceRefreshOptions options = {});
    std::pair<QList<qint64>, QList<qint64>> aliceAmongLookAlikes(bool cousinsNamed);
    // face id -> cluster id of every face given.
    QHash<qint64, qint64> clusterOf(const QList<qint64>& faces);
    // The distinct cluster ids of the faces, sorted (0 = unclustered).
    QList<qint64> distinctClusters(const QList<qint64>& faces);
    QString stateOf(qint64 face)
    {
        return value(QStringLiteral("SELECT state FROM faces WHERE id = ?"), face).toString();
    }
    QVariant value(const QString& sql, qint64 id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalog> m_catalog;
    QString m_path;
    std::mt19937 m_rng{7};
    std::map<int, std::vector<float>> m_centres;
    int m_photos = 0;
};

void TestFaces::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("catalog.sqlite"));
    m_catalog = std::make_unique<Catalog>();
    QVERIFY2(m_catalog->open(m_path), qPrintable(m_catalog->errorString()));
    m_centres.clear();
    m_rng.seed(7);
}

void TestFaces::cleanup()
{
    m_catalog.reset();
    Catalog::closeThreadConnection(m_path);
    m_dir.reset();
}

qint64 TestFaces::exec(const QString& sql, const QVariantList& binds)
{
    QSqlQuery q(db());
    if (!q.prepare(sql))
        qFatal("%s", qPrintable(q.lastError().text()));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec())
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return q.lastInsertId().toLongLong();
}

QVariant TestFaces::value(const QString& sql, qint64 id)
{
    QSqlQuery q(db());
    q.prepare(sql);
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0) : QVariant();
}

QList<qint64> TestFaces::addFaces(int id, int count, float quality, const QString& state, qint64 person,
                                  float sigma, qint64 inPhoto)
{
    std::normal_distribution<float> normal(0.0f, 1.0f);
    if (!m_centres.count(id)) {
        std::vector<float> c(kDim);
        for (float& x : c)
            x = normal(m_rng);
        m_centres[id] = unit(c);
    }
    QList<qint64> ids;
    for (int i = 0; i < count; ++i) {
        std::vector<float> v = m_centres[id];
        for (float& x : v)
            x += sigma / std::sqrt(float(kDim)) * normal(m_rng);
        v = unit(v);
        const int n = ++m_photos;
        const qint64 photo =
            inPhoto
                ? inPhoto
                : exec(QStringLiteral("INSERT INTO photos (path, hash, size, mtime_ns, format, mime, width, "
                                      "height, date_source) VALUES (?, ?, ?, ?, 'jpeg', 'image/jpeg', 640, "
                                      "480, 'file-mtime')"),
                       {QStringLiteral("/photos/%1.jpg").arg(n),
                        QStringLiteral("%1").arg(n, 16, 16, QLatin1Char('0')), 1000 + n,
                        qint64(n) * 1000000});
        const QByteArray blob(reinterpret_cast<const char*>(v.data()), qsizetype(v.size() * sizeof(float)));
        ids << exec(QStringLiteral(
                        "INSERT INTO faces (photo_id, x1, y1, x2, y2, score, embedding, model_id, dim, "
                        "quality, state, person_id) VALUES (?, 10, 10, 110, 130, 0.99, ?, 'test-model', ?, "
                        "?, ?, ?)"),
                    {photo, blob, kDim, quality, state,
                     person ? QVariant(person) : QVariant(QMetaType::fromType<qint64>())});
    }
    return ids;
}

// Alice with six named faces and three look-alike cousins (centres at cosine ~0.86; named, three faces each,
// when cousinsNamed), then three unnamed faces of Alice and four of a look-alike stranger nobody named.
// Returns {Alice's unnamed faces, the stranger's}.
std::pair<QList<qint64>, QList<qint64>> TestFaces::aliceAmongLookAlikes(bool cousinsNamed)
{
    const qint64 alice = addPerson(QStringLiteral("Alice"));
    addFaces(0, 6, 0.9f, QStringLiteral("confirmed"), alice, 0.2f);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    const auto lookAlike = [&](int id) {
        std::vector<float> c = m_centres[0];
        for (float& x : c)
            x += 0.6f / std::sqrt(float(kDim)) * normal(m_rng);
        m_centres[id] = unit(c);
    };
    for (int cousin = 1; cousin <= 3; ++cousin) {
        lookAlike(cousin);
        if (cousinsNamed)
            addFaces(cousin, 3, 0.9f, QStringLiteral("confirmed"),
                     addPerson(QStringLiteral("Cousin %1").arg(cousin)), 0.2f);
    }
    lookAlike(9);
    QList<qint64> aliceUnknown = addFaces(0, 3, 0.9f, QStringLiteral("unknown"), 0, 0.2f);
    return {aliceUnknown, addFaces(9, 4, 0.9f, QStringLiteral("unknown"), 0, 0.2f)};
}

FaceRefreshSummary TestFaces::refresh(FaceRefreshOptions options)
{
    FaceService service(m_path, LibraryPaths(m_dir->path()));
    FaceRefreshSummary summary;
    if (!service.refresh(options, &summary))
        qWarning("refresh failed: %s", qPrintable(service.errorString()));
    return summary;
}

QHash<qint64, qint64> TestFaces::clusterOf(const QList<qint64>& faces)
{
    QHash<qint64, qint64> out;
    for (qint64 f : faces)
        out.insert(
            f,
            value(QStringLiteral("SELECT coalesce(cluster_id, 0) FROM faces WHERE id = ?"), f).toLongLong());
    return out;
}

QList<qint64> TestFaces::distinctClusters(const QList<qint64>& faces)
{
    QList<qint64> ids = clusterOf(faces).values();
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

void TestFaces::halfTurnedGroupsNeedMore_data()
{
    QTest::addColumn<double>("turned");           // nose off the eyes' midline, in inter-ocular distances
    QTest::addColumn<float>("clusterSimilarity"); // the grouping bar
    QTest::addColumn<float>("turnedGroupExtra");  // asked on top of it of half-turned groups
    QTest::addColumn<bool>("grouped");
    // Six faces of one person whose mean similarity to each other is about 0.986.
    QTest::newRow("frontal, bar 0.97") << 0.0 << 0.97f << 0.025f << true;
    QTest::newRow("half-turned, bar 0.97 + 0.025") << 0.35 << 0.97f << 0.025f << false;
    QTest::newRow("half-turned, bar 0.95 + 0.025") << 0.35 << 0.95f << 0.025f << true;
    QTest::newRow("half-turned, check off") << 0.35 << 0.97f << 0.0f << true;
    QTest::newRow("turned less than 0.25") << 0.2 << 0.97f << 0.025f << true;
}

// Faces turned part way (profiles whose landmarks MTCNN places less turned than they are, often in grayscale
// photos) look alike across people: a group of mostly such faces must hold together turnedGroupExtra above
// the grouping bar, or it is split at that bar (here: nothing is left of it).
void TestFaces::halfTurnedGroupsNeedMore()
{
    QFETCH(double, turned);
    QFETCH(float, clusterSimilarity);
    QFETCH(float, turnedGroupExtra);
    QFETCH(bool, grouped);
    const QList<qint64> faces = addFaces(0, 6);
    for (qint64 face : faces) // eyes 40 px apart, the nose `turned` of that to the side
        exec(
            QStringLiteral("UPDATE faces SET lm_left_eye_x = 40, lm_left_eye_y = 50, lm_right_eye_x = 80, "
                           "lm_right_eye_y = 50, lm_nose_x = ?, lm_nose_y = 70, lm_mouth_left_x = 45, "
                           "lm_mouth_left_y = 90, lm_mouth_right_x = 75, lm_mouth_right_y = 90 WHERE id = ?"),
            {60.0 + 40.0 * turned, face});
    FaceRefreshOptions options;
    options.clusterSimilarity = clusterSimilarity;
    options.turnedGroupExtra = turnedGroupExtra;
    const FaceRefreshSummary s = refresh(options);
    const QList<qint64> clusters = distinctClusters(faces);
    if (grouped) {
        QCOMPARE(clusters.size(), 1);
        QVERIFY(clusters.first() > 0);
        QCOMPARE(s.clusters, 1);
    } else {
        QCOMPARE(clusters, QList<qint64>{0});
        QCOMPARE(s.clusters, 0);
    }
}

void TestFaces::clustersAreIdentities_data()
{
    QTest::addColumn<QString>("algorithm");
    QTest::newRow("chinese whispers") << QStringLiteral("chinese-whispers");
    QTest::newRow("dbscan") << QStringLiteral("dbscan");
}

void TestFaces::clustersAreIdentities()
{
    QFETCH(QString, algorithm);
    const QList<int> sizes{8, 6, 5, 4};
    QList<QList<qint64>> people;
    for (int i = 0; i < sizes.size(); ++i)
        people << addFaces(i, sizes[i]);
    const QList<qint64> singles = addFaces(10, 1) + addFaces(11, 1) + addFaces(12, 1);
    FaceRefreshOptions options;
    options.algorithm = algorithm;
    const FaceRefreshSummary s = refresh(options);
    QCOMPARE(s.unknownFaces, 26);
    QCOMPARE(s.clusters, 4);
    QCOMPARE(s.clusteredFaces, 23);
    // Every identity is exactly one cluster, and no two identities share one.
    QSet<qint64> seen;
    for (const QList<qint64>& faces : people) {
        const QList<qint64> ids = distinctClusters(faces);
        QCOMPARE(ids.size(), 1);
        QVERIFY(ids.first() > 0);
        QVERIFY(!seen.contains(ids.first()));
        seen.insert(ids.first());
    }
    for (qint64 f : clusterOf(singles))
        QCOMPARE(f, 0);
    // The listing: largest first, sizes right; singletons listed as unclustered.
    FaceService service(m_path, LibraryPaths(m_dir->path()));
    const QList<ClusterRecord> clusters = service.clusters(3);
    QCOMPARE(clusters.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(clusters[i].size, sizes[i]);
        QCOMPARE(clusters[i].faces.size(), 3);
    }
    QCOMPARE(service.unclusteredFaces().size(), 3);
    QCOMPARE(service.facesOfCluster(clusters[0].id).size(), 8);
}

void TestFaces::incrementalKeepsClusters()
{
    const QList<qint64> a = addFaces(0, 5), b = addFaces(1, 5);
    refresh();
    const QHash<qint64, qint64> before = clusterOf(a + b);
    // New photos: more of A, and a new person C.
    const QList<qint64> moreA = addFaces(0, 3), c = addFaces(2, 4);
    const FaceRefreshSummary s = refresh();
    const QHash<qint64, qint64> after = clusterOf(a + b);
    for (qint64 f : a + b)
        QCOMPARE(after.value(f), before.value(f)); // nothing reshuffled
    const qint64 clusterA = before.value(a.first());
    for (qint64 f : clusterOf(moreA))
        QCOMPARE(f, clusterA); // joined the existing cluster
    const QList<qint64> cIds = distinctClusters(c);
    QCOMPARE(cIds.size(), 1);
    QVERIFY(cIds.first() > 0);
    QVERIFY(cIds.first() != clusterA && cIds.first() != before.value(b.first()));
    QCOMPARE(s.newClusters, 1);
    QCOMPARE(s.clusters, 3);
}

void TestFaces::lowQualityStaysUnclustered()
{
    const QList<qint64> good = addFaces(0, 5, 0.9f);
    const QList<qint64> poor = addFaces(0, 3, 0.05f);
    refresh();
    for (qint64 f : clusterOf(poor))
        QCOMPARE(f, 0);
    QCOMPARE(distinctClusters(good).size(), 1);
}

void TestFaces::doubtfulFacesStayUnclustered_data()
{
    QTest::addColumn<QVariant>("check"); // faces.face_check of the three look-alikes; null = not checked
    QTest::addColumn<int>("notFace");    // faces.not_face: -1 = the family said "It is a face"
    QTest::addColumn<bool>("grouped");
    QTest::newRow("not checked (a library from before, a face drawn by hand)") << QVariant() << 0 << true;
    QTest::newRow("clearly a face") << QVariant(12.0) << 0 << true;
    QTest::newRow("just above the group bar") << QVariant(3.1) << 0 << true;
    QTest::newRow("let through by the check but doubtful") << QVariant(2.0) << 0 << false;
    QTest::newRow("doubtful, restored from not a face") << QVariant(0.5) << -1 << true;
    QTest::newRow("doubtful, the family said it is a face") << QVariant(2.0) << -1 << true;
}

// Faces the face check only just let through (hands over faces, masks) are shown apart ("Maybe not faces",
// FaceService::unsureFaces) and never grouped, until the family says they are faces.
void TestFaces::doubtfulFacesStayUnclustered()
{
    QFETCH(QVariant, check);
    QFETCH(int, notFace);
    QFETCH(bool, grouped);
    const QList<qint64> faces = addFaces(0, 3, 0.9f);
    for (qint64 f : faces)
        exec(QStringLiteral("UPDATE faces SET face_check = ?, not_face = ? WHERE id = ?"),
             {check, notFace, f});
    refresh();
    const QHash<qint64, qint64> clusters = clusterOf(faces);
    for (qint64 c : clusters)
        QCOMPARE(c != 0, grouped);
    FaceService service(m_path, LibraryPaths(m_dir->path()));
    QCOMPARE(service.unsureFaces().size(), grouped ? 0 : 3);
    QVERIFY(service.unclusteredFaces().isEmpty()); // grouped, or in the unsure row
    if (grouped)
        return;
    // "It is a face" on two of them: they leave the unsure row and the next grouping takes them.
    PeopleService people(m_path);
    QVERIFY2(people.restoreFaces(faces.mid(0, 2)), qPrintable(people.errorString()));
    QCOMPARE(service.unsureFaces().size(), 1);
    QCOMPARE(service.unsureFaces().first().id, faces.at(2));
    QCOMPARE(stateOf(faces.at(0)), QStringLiteral("unknown"));
    QVERIFY(!people.restoreFaces(faces.mid(0, 1))); // said already
    QVERIFY(people.restoreFaces(faces.mid(2, 1)));
    refresh();
    QCOMPARE(distinctClusters(faces).size(), 1);
    QVERIFY(distinctClusters(faces).first() != 0);
    // Undone: unsure again, and out of the group at the next grouping.
    QVERIFY2(people.undo(), qPrintable(people.errorString()));
    refresh();
    QCOMPARE(clusterOf({faces.at(2)}).value(faces.at(2)), 0);
    QCOMPARE(service.unsureFaces().size(), 1);
}

void TestFaces::suggestionsFollowNamesAndRejections()
{
    const qint64 alice = addPerson(QStringLiteral("Alice")), bob = addPerson(QStringLiteral("Bob"));
    addFaces(0, 6, 0.9f, QStringLiteral("confirmed"), alice);
    addFaces(1, 6, 0.9f, QStringLiteral("confirmed"), bob);
    const QList<qint64> unknownAlice = addFaces(0, 4);
    const QList<qint64> stranger = addFaces(5, 4);
    const FaceRefreshSummary s = refresh();
    QCOMPARE(s.suggestions, 4);
    FaceService service(m_path, LibraryPaths(m_dir->path()));
    const QList<FaceRecord> suggestions = service.suggestions();
    QCOMPARE(suggestions.size(), 4);
    for (const FaceRecord& f : suggestions) {
        QVERIFY(unknownAlice.contains(f.id));
        QCOMPARE(f.personName, QStringLiteral("Alice"));
        QVERIFY(f.suggestionScore >= s.suggestionThreshold);
    }
    for (qint64 f : stranger)
        QCOMPARE(stateOf(f), QStringLiteral("unknown"));
    // "That is not Alice": never suggested as Alice again, even after another refresh.
    PeopleService people(m_path);
    QVERIFY2(people.rejectSuggestions({unknownAlice.first()}), qPrintable(people.errorString()));
    refresh();
    QCOMPARE(stateOf(unknownAlice.first()), QStringLiteral("unknown"));
    QCOMPARE(service.suggestions().size(), 3);
    // Accepting the rest makes them Alice's.
    QList<qint64> rest = unknownAlice.mid(1);
    QVERIFY(people.confirmSuggestions(rest));
    refresh();
    for (qint64 f : rest)
        QCOMPARE(stateOf(f), QStringLiteral("confirmed"));
    QCOMPARE(service.facesOfPerson(alice).size(), 9);
}

void TestFaces::rejectedLookAlikeKeepsItsFamilyOut_data()
{
    QTest::addColumn<bool>("reject");
    QTest::newRow("no rejection: the sister is taken for Alice") << false;
    QTest::newRow("one face rejected: the sister's others stay out") << true;
}

// Alice and her sister look alike (their centres at cosine ~0.85). Without a rejection the sister's faces
// reach Alice's bar; once the family says one of them is not Alice, the sister's other faces - closer to that
// face than to Alice - are no longer suggested as Alice, while Alice's own unnamed faces still are.
void TestFaces::rejectedLookAlikeKeepsItsFamilyOut()
{
    QFETCH(bool, reject);
    const qint64 alice = addPerson(QStringLiteral("Alice"));
    addFaces(0, 6, 0.9f, QStringLiteral("confirmed"), alice, 0.2f);
    std::vector<float> sister = m_centres[0];
    std::normal_distribution<float> normal(0.0f, 1.0f);
    for (float& x : sister)
        x += 0.6f / std::sqrt(float(kDim)) * normal(m_rng);
    m_centres[9] = unit(sister);
    const QList<qint64> aliceUnknown = addFaces(0, 3, 0.9f, QStringLiteral("unknown"), 0, 0.2f);
    const QList<qint64> sisterFaces = addFaces(9, 4, 0.9f, QStringLiteral("unknown"), 0, 0.2f);
    refresh();
    for (qint64 f : sisterFaces)
        QCOMPARE(stateOf(f), QStringLiteral("suggested")); // the look-alike passes the bar
    if (reject) {
        PeopleService people(m_path);
        QVERIFY2(people.rejectSuggestions({sisterFaces.first()}), qPrintable(people.errorString()));
    }
    refresh();
    for (qint64 f : aliceUnknown)
        QCOMPARE(stateOf(f), QStringLiteral("suggested"));
    for (qint64 f : sisterFaces)
        QCOMPARE(stateOf(f), reject ? QStringLiteral("unknown") : QStringLiteral("suggested"));
}

void TestFaces::crowdedNeighbourhoodRaisesTheBar_data()
{
    QTest::addColumn<float>("crowdMargin");
    QTest::addColumn<bool>("strangerSuggested");
    QTest::newRow("no evidence used: a look-alike stranger is taken for Alice") << 2.0f << true;
    QTest::newRow("Alice's cousins are named: the stranger is not") << 0.05f << false;
}

// A population packed tighter than the bar was measured on: Alice and three cousins the family named look
// alike (centres at cosine ~0.86), and so does a stranger nobody named. The stranger reaches Alice's bar and
// beats the cousins by the margin, so without the library's evidence her faces are suggested as Alice; with
// it, the cousins' named faces show how crowded Alice's neighbourhood is, and only faces more like Alice than
// they are are suggested — Alice's own still are.
void TestFaces::crowdedNeighbourhoodRaisesTheBar()
{
    QFETCH(float, crowdMargin);
    QFETCH(bool, strangerSuggested);
    const auto [aliceUnknown, stranger] = aliceAmongLookAlikes(true);
    FaceRefreshOptions options;
    options.crowdMargin = crowdMargin;
    const FaceRefreshSummary s = refresh(options);
    for (qint64 f : aliceUnknown)
        QCOMPARE(stateOf(f), QStringLiteral("suggested"));
    for (qint64 f : stranger)
        QCOMPARE(stateOf(f), strangerSuggested ? QStringLiteral("suggested") : QStringLiteral("unknown"));
    QCOMPARE(s.crowdedPeople > 0, crowdMargin < 1.0f);
}

void TestFaces::shownConfidenceFollowsEvidence_data()
{
    QTest::addColumn<bool>("cousinsNamed");
    QTest::addColumn<bool>("evidence");
    QTest::addColumn<bool>("strangerLowered");
    QTest::newRow("Alice's look-alike cousins are named: the stranger is shown less sure")
        << true << true << true;
    QTest::newRow("the same, the measured band alone") << true << false << false;
    QTest::newRow("no look-alike is named: no evidence against the band") << false << true << false;
}

// The confidence shown with a suggestion is what the library's evidence supports (issue 19, 1b). With the
// crowd rule off, a look-alike stranger is suggested as Alice; where the family has named Alice's look-alike
// cousins, their faces reach the stranger's similarity to Alice, so the stranger's suggestions are shown
// below the measured band, while Alice's own faces — more alike to her than any cousin — keep it.
void TestFaces::shownConfidenceFollowsEvidence()
{
    QFETCH(bool, cousinsNamed);
    QFETCH(bool, evidence);
    QFETCH(bool, strangerLowered);
    const auto [aliceUnknown, stranger] = aliceAmongLookAlikes(cousinsNamed);
    FaceRefreshOptions options;
    options.crowdMargin =
        2.0f; // the bar stays the model's: only the shown confidence may follow the evidence
    options.evidenceConfidence = evidence;
    const FaceRefreshSummary s = refresh(options);
    const auto shown = [&](qint64 face) {
        return value(QStringLiteral("SELECT suggestion_score FROM faces WHERE id = ?"), face).toDouble();
    };
    const double band = double(0.9f); // the test model's measured band (the default thresholds), a float
    for (qint64 f : aliceUnknown) {
        QCOMPARE(stateOf(f), QStringLiteral("suggested"));
        QCOMPARE(shown(f), band);
    }
    int lowered = 0;
    for (qint64 f : stranger) {
        QCOMPARE(stateOf(f), QStringLiteral("suggested"));
        QVERIFY(shown(f) > 0.5 && shown(f) <= band + 1e-6);
        lowered += shown(f) < band - 1e-6 ? 1 : 0;
    }
    QCOMPARE(lowered, strangerLowered ? int(stranger.size()) : 0);
    QCOMPARE(s.loweredConfidences, lowered);
}

void TestFaces::questionConfidenceFollowsEvidence_data()
{
    QTest::addColumn<bool>("cousinsNamed");
    QTest::addColumn<bool>("evidence");
    QTest::addColumn<bool>("strangerLowered");
    QTest::newRow("Alice's look-alike cousins are named: the stranger's group is asked about less sure")
        << true << true << true;
    QTest::newRow("the same, the measured band alone") << true << false << false;
    QTest::newRow("no look-alike is named: no evidence against the band") << false << true << false;
}

// "Is this group Alice?" shows what the library's evidence supports too: the look-alike stranger's group is
// asked about as Alice (the bar lowered for the test); the cousins' named faces are as alike to Alice's named
// faces as the stranger's are, so that question is shown below the band, while the group of Alice's own
// unnamed faces keeps it.
void TestFaces::questionConfidenceFollowsEvidence()
{
    QFETCH(bool, cousinsNamed);
    QFETCH(bool, evidence);
    QFETCH(bool, strangerLowered);
    const auto [aliceUnknown, stranger] = aliceAmongLookAlikes(cousinsNamed);
    FaceRefreshOptions options;
    options.crowdMargin = 2.0f;
    options.clusterSimilarity = 0.9f;    // Alice's faces in one group, the stranger's in another
    options.suggestionSimilarity = 2.0f; // no suggestions: the faces stay in their groups, asked about
    options.questionSimilarity = 0.7f;
    options.questionMargin = 0.05f;
    options.evidenceConfidence = evidence;
    const FaceRefreshSummary s = refresh(options);
    const QList<qint64> strangerGroup = distinctClusters(stranger),
                        aliceGroup = distinctClusters(aliceUnknown);
    QCOMPARE(strangerGroup.size(), 1);
    QCOMPARE(aliceGroup.size(), 1);
    QVERIFY(strangerGroup.first() != 0 && aliceGroup.first() != 0 && strangerGroup != aliceGroup);
    FaceService service(m_path, LibraryPaths(m_dir->path()));
    const QList<GroupQuestion> questions = service.groupQuestions();
    const double band = double(0.9f); // the test model's measured band, a float
    int asked = 0, lowered = 0;
    for (const GroupQuestion& q : questions) {
        QCOMPARE(q.personName, QStringLiteral("Alice"));
        QVERIFY(q.confidence > 0.5 && q.confidence <= band + 1e-6);
        if (q.clusterId == aliceGroup.first()) {
            QCOMPARE(double(q.confidence), band);
            ++asked;
        } else if (q.clusterId == strangerGroup.first()) {
            QCOMPARE(q.confidence < band - 1e-6, strangerLowered);
            lowered += q.confidence < band - 1e-6 ? 1 : 0;
            ++asked;
        }
    }
    QCOMPARE(asked, 2);
    QCOMPARE(s.loweredQuestionConfidences, lowered);
}

void TestFaces::confirmedAndIgnoredNeverChange()
{
    const qint64 alice = addPerson(QStringLiteral("Alice"));
    // Named faces that look like identity 1 and an ignored stranger that looks like identity 0.
    const QList<qint64> named = addFaces(1, 3, 0.9f, QStringLiteral("confirmed"), alice);
    const QList<qint64> ignored = addFaces(0, 2, 0.9f, QStringLiteral("ignored"));
    addFaces(0, 6);
    addFaces(1, 6);
    auto snapshot = [&]() {
        QStringList rows;
        QSqlQuery q(db());
        q.exec(QStringLiteral(
            "SELECT id, state, coalesce(person_id, 0), coalesce(cluster_id, 0), "
            "coalesce(suggestion_score, -1) FROM faces WHERE state IN ('confirmed', 'ignored') "
            "ORDER BY id"));
        while (q.next())
            rows << QStringLiteral("%1 %2 %3 %4 %5")
                        .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                             q.value(3).toString(), q.value(4).toString());
        return rows;
    };
    const QStringList before = snapshot();
    QCOMPARE(before.size(), 5);
    FaceRefreshOptions options;
    refresh(options);
    options.recluster = true;
    refresh(options);
    QCOMPARE(snapshot(), before);
    Q_UNUSED(named);
    Q_UNUSED(ignored);
}

void TestFaces::onceInAPhoto()
{
    // A photo with two look-alike faces of identity 0 (twins, a reflection): only one of them may join the
    // cluster; and a face in a photo where Alice is already named is never suggested as Alice.
    const QList<qint64> a = addFaces(0, 5);
    const qint64 shared = photoOf(a.first());
    const QList<qint64> twin = addFaces(0, 1, 0.9f, QStringLiteral("unknown"), 0, 0.12f, shared);
    refresh();
    const QHash<qint64, qint64> c = clusterOf(a + twin);
    QVERIFY((c.value(a.first()) > 0) != (c.value(twin.first()) > 0));

    const qint64 alice = addPerson(QStringLiteral("Alice"));
    const QList<qint64> named = addFaces(1, 5, 0.9f, QStringLiteral("confirmed"), alice);
    const QList<qint64> besideAlice =
        addFaces(1, 1, 0.9f, QStringLiteral("unknown"), 0, 0.12f, photoOf(named.first()));
    const QList<qint64> elsewhere = addFaces(1, 1);
    refresh();
    QCOMPARE(stateOf(besideAlice.first()), QStringLiteral("unknown"));
    QCOMPARE(stateOf(elsewhere.first()), QStringLiteral("suggested"));
}

void TestFaces::groupsNoMoreAlikeThanTheFacesBeside_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<float>("groupCrowdMargin");
    QTest::addColumn<bool>("grouped");
    QTest::newRow("background faces of many people, check off")
        << QStringLiteral("background") << 2.0f << true;
    QTest::newRow("background faces of many people: no group")
        << QStringLiteral("background") << 0.05f << false;
    QTest::newRow("a person beside strangers: the group stays") << QStringLiteral("person") << 0.05f << true;
    QTest::newRow("a person beside a look-alike sister: the group stays")
        << QStringLiteral("sister") << 0.05f << true;
    QTest::newRow("a person in forty photos, one beside a look-alike cousin: the group stays")
        << QStringLiteral("cousin") << 0.05f << true;
}

// Small, blurred faces carry little of who they are: the network puts the faces of many people close
// together, as close as the grouping bar asks of one person's faces. Five crowd photos with four such faces
// each (every face a different person, all at cosine ~0.67, above the test model's bar of 0.6) make groups of
// strangers; the photos show it — each face is as alike to the faces beside it, who cannot be the group's
// person, as to its group — and the check dissolves them. A person's own faces (cosine ~0.98) beside
// strangers, or beside a look-alike sister (~0.75) in every photo, stay one group.
void TestFaces::groupsNoMoreAlikeThanTheFacesBeside()
{
    QFETCH(QString, kind);
    QFETCH(float, groupCrowdMargin);
    QFETCH(bool, grouped);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    const auto around = [&](int id, const std::vector<float>& centre, float spread) {
        std::vector<float> c = centre;
        for (float& x : c)
            x += spread / std::sqrt(float(kDim)) * normal(m_rng);
        m_centres[id] = unit(c);
    };
    QList<qint64> watched; // the faces whose grouping the row is about
    if (kind == QLatin1String("background")) {
        addFaces(100, 1, 0.9f, QStringLiteral("ignored")); // only to make the shared centre
        for (int photo = 0; photo < 5; ++photo) {
            qint64 in = 0;
            for (int k = 0; k < 4; ++k) {
                const int id = 200 + photo * 4 + k;
                around(id, m_centres[100], 0.7f);
                const QList<qint64> f = addFaces(id, 1, 0.9f, QStringLiteral("unknown"), 0, 0.05f, in);
                in = photoOf(f.first());
                watched << f;
            }
        }
    } else if (kind == QLatin1String("cousin")) {
        // Forty varied faces of one person (cosine ~0.69 on average, ~0.76 to their five most alike), each
        // photo with two strangers, and in one photo a cousin nearly as alike (~0.61): evidence from one
        // photo must not take the many faces of a large group out of it (against the whole group's mean and
        // every face beside the group, a third of her faces would fall short at once).
        addFaces(0, 1, 0.9f, QStringLiteral("ignored")); // only to make the person's centre
        watched = addFaces(0, 40, 0.9f, QStringLiteral("unknown"), 0, 0.7f);
        around(1, m_centres[0], 0.7f);
        addFaces(1, 1, 0.9f, QStringLiteral("unknown"), 0, 0.05f, photoOf(watched.first()));
        int stranger = 10;
        for (qint64 face : std::as_const(watched))
            for (int k = 0; k < 2; ++k)
                addFaces(stranger++, 1, 0.9f, QStringLiteral("unknown"), 0, 0.12f, photoOf(face));
    } else {
        watched = addFaces(0, 5);
        if (kind == QLatin1String("sister"))
            around(1, m_centres[0], 0.6f);
        int stranger = 10;
        for (qint64 face : std::as_const(watched))
            for (int k = 0; k < 3; ++k)
                addFaces(kind == QLatin1String("sister") && k == 0 ? 1 : stranger++, 1, 0.9f,
                         QStringLiteral("unknown"), 0, 0.12f, photoOf(face));
    }
    FaceRefreshOptions options;
    options.groupCrowdMargin = groupCrowdMargin;
    options.recluster = true;
    if (kind == QLatin1String("cousin"))
        options.clusterSimilarity = 0.35f; // her varied faces are one group at this bar
    const FaceRefreshSummary s = refresh(options);
    const QList<qint64> groups = distinctClusters(watched);
    if (kind == QLatin1String("cousin")) {
        // Only faces whose own most alike faces include the one beside the cousin see her (measured: 3).
        int inGroups = 0;
        for (qint64 group : clusterOf(watched))
            inGroups += group > 0 ? 1 : 0;
        QVERIFY2(inGroups >= 35, qPrintable(QStringLiteral("%1 of her 40 faces are grouped").arg(inGroups)));
        QVERIFY(s.crowdedOutFaces <= 5);
    } else if (kind == QLatin1String("background")) {
        QCOMPARE(groups != QList<qint64>{0}, grouped);
        QCOMPARE(s.crowdedOutFaces > 0, !grouped);
    } else {
        QCOMPARE(groups.size(), 1);
        QVERIFY(groups.first() > 0);
    }
}

void TestFaces::suggestionsBeatTheFacesBeside_data()
{
    QTest::addColumn<float>("groupCrowdMargin");
    QTest::addColumn<bool>("twinSuggested");
    QTest::newRow("check off: a look-alike beside her twin is taken for Alice") << 2.0f << true;
    QTest::newRow("twins beside each other are not suggested as Alice") << 0.05f << false;
}

// Alice is named; a photo shows two look-alike twins of hers (each at cosine ~0.85 to her faces, ~0.95 to
// each other), another shows one of Alice's own faces beside two strangers. Every other face of a photo is
// someone else, so a face is suggested as Alice only when it is clearly more like her than like the faces
// beside it: the twins are not, Alice's own face is.
void TestFaces::suggestionsBeatTheFacesBeside()
{
    QFETCH(float, groupCrowdMargin);
    QFETCH(bool, twinSuggested);
    const qint64 alice = addPerson(QStringLiteral("Alice"));
    addFaces(0, 6, 0.9f, QStringLiteral("confirmed"), alice, 0.2f);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::vector<float> twins = m_centres[0];
    for (float& x : twins)
        x += 0.55f / std::sqrt(float(kDim)) * normal(m_rng);
    m_centres[1] = unit(twins);
    const QList<qint64> first = addFaces(1, 1, 0.9f, QStringLiteral("unknown"), 0, 0.2f);
    const QList<qint64> second =
        addFaces(1, 1, 0.9f, QStringLiteral("unknown"), 0, 0.2f, photoOf(first.first()));
    const QList<qint64> own = addFaces(0, 1, 0.9f, QStringLiteral("unknown"), 0, 0.2f);
    addFaces(5, 1, 0.9f, QStringLiteral("unknown"), 0, 0.12f, photoOf(own.first()));
    addFaces(6, 1, 0.9f, QStringLiteral("unknown"), 0, 0.12f, photoOf(own.first()));
    FaceRefreshOptions options;
    options.groupCrowdMargin = groupCrowdMargin;
    const FaceRefreshSummary s = refresh(options);
    const bool twin = stateOf(first.first()) == QLatin1String("suggested") ||
                      stateOf(second.first()) == QLatin1String("suggested");
    QCOMPARE(twin, twinSuggested);
    QCOMPARE(stateOf(own.first()), QStringLiteral("suggested"));
    QCOMPARE(s.crowdedOutSuggestions > 0, !twinSuggested);
}

// Faces that join no existing group are grouped among themselves; three look-alike faces of one photo (a
// family of triplets, a reflection) must not be left as "a group of one face" once only one of them may stay.
void TestFaces::newGroupsKeepTheMinimumSize()
{
    const QList<qint64> a = addFaces(0, 4);
    refresh();
    QVERIFY(clusterOf(a).value(a.first()) > 0);
    const QList<qint64> first = addFaces(1, 1, 0.9f, QStringLiteral("unknown"), 0, 0.05f);
    const QList<qint64> triplets =
        first + addFaces(1, 2, 0.9f, QStringLiteral("unknown"), 0, 0.05f, photoOf(first.first()));
    refresh(); // incremental: the existing group stays, the new faces are grouped among themselves
    QCOMPARE(distinctClusters(triplets), QList<qint64>{0});
    const qint64 small =
        value(QStringLiteral("SELECT count(*) FROM clusters WHERE size < ?"), 3).toLongLong();
    QCOMPARE(small, qint64(0));
}

void TestFaces::reclusterStartsAfresh()
{
    const QList<qint64> a = addFaces(0, 4);
    refresh();
    const qint64 first = clusterOf(a).value(a.first());
    QVERIFY(first > 0);
    FaceRefreshOptions options;
    options.recluster = true;
    const FaceRefreshSummary s = refresh(options);
    const QList<qint64> after = distinctClusters(a);
    QCOMPARE(after.size(), 1);
    QVERIFY(after.first() != first); // a new cluster, and the old one is gone
    QCOMPARE(s.clusters, 1);
}

void TestFaces::personalisationStage_data()
{
    QTest::addColumn<QString>("stage"); // "identity", "corrupt", "missing"
    QTest::addColumn<bool>("noted");
    QTest::newRow("identity head") << QStringLiteral("identity") << false;
    QTest::newRow("corrupt file") << QStringLiteral("corrupt") << true;
    QTest::newRow("missing file") << QStringLiteral("missing") << true;
}

void TestFaces::personalisationStage()
{
    QFETCH(QString, stage);
    QFETCH(bool, noted);
    const QList<qint64> a = addFaces(0, 5), b = addFaces(1, 5);
    const QString file = m_dir->filePath(QStringLiteral("stage.pt"));
    if (stage == QLatin1String("identity")) {
        ProjectionHeadOptions o;
        o.dim = kDim;
        ProjectionHead head(o);
        saveProjectionHead(head, file.toStdString(), {{"base_model", "test-model"}});
    } else if (stage == QLatin1String("corrupt")) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a checkpoint");
    }
    exec(QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES ('finetune.active_stage', ?)"),
         {file});
    const FaceRefreshSummary s = refresh();
    // Grouping works either way; a stage that cannot be used is reported, never fatal.
    QCOMPARE(s.clusters, 2);
    QCOMPARE(s.clusteredFaces, 10);
    QCOMPARE(!s.calibrationNote.isEmpty(), noted);
    QCOMPARE(distinctClusters(a).size(), 1);
    QCOMPARE(distinctClusters(b).size(), 1);
}

void TestFaces::unknownAlgorithmIsAnError()
{
    addFaces(0, 3);
    FaceService service(m_path, LibraryPaths(m_dir->path()));
    FaceRefreshOptions options;
    options.algorithm = QStringLiteral("k-means");
    QVERIFY(!service.refresh(options, nullptr));
    QVERIFY(service.errorString().contains(QStringLiteral("k-means")));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM clusters WHERE id > ?"), 0).toInt(), 0);
}

// The grouping thresholds are library settings: stored, read back, and used by the refresh.
void TestFaces::libraryOptions_data()
{
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<int>("minSize");
    QTest::addColumn<double>("minQuality");
    QTest::addColumn<double>("similarity"); // <= 0: the model's default
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("clusters"); // of two identities with 5 good faces each
    QTest::newRow("defaults") << "chinese-whispers" << 3 << 0.25 << -1.0 << true << 2;
    QTest::newRow("dbscan") << "dbscan" << 3 << 0.25 << -1.0 << true << 2;
    QTest::newRow("groups of 6 or more") << "chinese-whispers" << 6 << 0.25 << -1.0 << true << 0;
    QTest::newRow("only perfect faces") << "chinese-whispers" << 3 << 0.95 << -1.0 << true << 0;
    QTest::newRow("near-identical only") << "chinese-whispers" << 3 << 0.25 << 0.9999 << true << 0;
    QTest::newRow("unknown algorithm") << "k-means" << 3 << 0.25 << -1.0 << false << 2;
    QTest::newRow("size 1") << "chinese-whispers" << 1 << 0.25 << -1.0 << false << 2;
    QTest::newRow("quality 2") << "chinese-whispers" << 3 << 2.0 << -1.0 << false << 2;
}

void TestFaces::libraryOptions()
{
    QFETCH(QString, algorithm);
    QFETCH(int, minSize);
    QFETCH(double, minQuality);
    QFETCH(double, similarity);
    QFETCH(bool, valid);
    QFETCH(int, clusters);
    addFaces(0, 5);
    addFaces(1, 5);
    FaceService service(m_path, LibraryPaths(m_dir->path()));
    const FaceRefreshOptions defaults = service.libraryOptions();
    QCOMPARE(defaults.algorithm, FaceRefreshOptions().algorithm);
    QCOMPARE(defaults.minClusterSize, FaceRefreshOptions().minClusterSize);
    FaceRefreshOptions wanted;
    wanted.algorithm = algorithm;
    wanted.minClusterSize = minSize;
    wanted.minQuality = float(minQuality);
    wanted.clusterSimilarity = float(similarity);
    QCOMPARE(service.setLibraryOptions(wanted), valid);
    const FaceRefreshOptions stored = FaceService(m_path, LibraryPaths(m_dir->path())).libraryOptions();
    if (valid) {
        QCOMPARE(stored.algorithm, algorithm);
        QCOMPARE(stored.minClusterSize, minSize);
        QCOMPARE(stored.minQuality, float(minQuality));
        QCOMPARE(stored.clusterSimilarity, similarity > 0 ? float(similarity) : -1.0f);
    } else {
        QVERIFY(!service.errorString().isEmpty());
        QCOMPARE(stored.algorithm, defaults.algorithm); // nothing stored
        QCOMPARE(stored.minClusterSize, defaults.minClusterSize);
    }
    QCOMPARE(refresh(stored).clusters, clusters);
}

QTEST_GUILESS_MAIN(TestFaces)
// FileNameImporter::toDisplayed moves a region exactly as ImageDecoder turns the pixels.
void TestFaces::regionOrientation_data()
{
    QTest::addColumn<int>("orientation");
    for (int o = 1; o <= 8; ++o)
        QTest::addRow("orientation %d", o) << o;
}

void TestFaces::regionOrientation()
{
    QFETCH(int, orientation);
    QImage stored(80, 40, QImage::Format_RGB888);
    stored.fill(Qt::black);
    const QRect marked(10, 5, 20, 10); // top-left quarter-ish, asymmetric
    for (int y = marked.top(); y <= marked.bottom(); ++y)
        for (int x = marked.left(); x <= marked.right(); ++x)
            stored.setPixelColor(x, y, Qt::white);
    const QImage shown = ImageDecoder::applyOrientation(stored, orientation);
    QRect found;
    for (int y = 0; y < shown.height(); ++y)
        for (int x = 0; x < shown.width(); ++x)
            if (shown.pixelColor(x, y) == Qt::white)
                found |= QRect(x, y, 1, 1);
    const QRectF expected(double(found.x()) / shown.width(), double(found.y()) / shown.height(),
                          double(found.width()) / shown.width(), double(found.height()) / shown.height());
    const QRectF region(double(marked.x()) / stored.width(), double(marked.y()) / stored.height(),
                        double(marked.width()) / stored.width(), double(marked.height()) / stored.height());
    const QRectF mapped = FileNameImporter::toDisplayed(region, orientation);
    QVERIFY2(std::abs(mapped.x() - expected.x()) < 1e-9 && std::abs(mapped.y() - expected.y()) < 1e-9 &&
                 std::abs(mapped.width() - expected.width()) < 1e-9 &&
                 std::abs(mapped.height() - expected.height()) < 1e-9,
             qPrintable(QStringLiteral("%1,%2 %3x%4")
                            .arg(mapped.x())
                            .arg(mapped.y())
                            .arg(mapped.width())
                            .arg(mapped.height())));
}

void TestFaces::namesFromFiles_data()
{
    QTest::addColumn<QString>("faceState"); // the face's state before
    QTest::addColumn<QString>("existing");  // a person already in the catalog ("" = none)
    QTest::addColumn<QRectF>("region");     // normalised, the photo is 640 x 480, the face at 10,10-110,130
    QTest::addColumn<int>("named");         // faces FileNameImporter names
    QTest::addColumn<QString>("personAfter");
    QTest::addColumn<bool>("linked"); // the region is linked to the face (never applied again)
    QTest::addColumn<int>("persons"); // people in the catalog afterwards

    const QRectF onFace(12 / 640.0, 5 / 480.0, 95 / 640.0, 120 / 480.0);
    QTest::newRow("unknown face gets the name") << "unknown"
                                                << "" << onFace << 1 << "Alice" << true << 1;
    QTest::newRow("suggestion replaced by the file's name") << "suggested"
                                                            << "Bob" << onFace << 1 << "Alice" << true << 2;
    QTest::newRow("an existing person, any case") << "unknown"
                                                  << "ALICE" << onFace << 1 << "ALICE" << true << 1;
    QTest::newRow("a named face keeps the family's name") << "confirmed"
                                                          << "Bob" << onFace << 0 << "Bob" << true << 1;
    QTest::newRow("an ignored face stays ignored") << "ignored"
                                                   << "" << onFace << 0 << "" << true << 0;
    // "not a face": hidden by the face check (1) comes back named, marked by the family (2) stays hidden.
    QTest::newRow("hidden by the face check: a face after all") << "ignored:1"
                                                                << "" << onFace << 1 << "Alice" << true << 1;
    QTest::newRow("marked not a face by the family") << "ignored:2"
                                                     << "" << onFace << 0 << "" << true << 0;
    QTest::newRow("loosely drawn region") << "unknown"
                                          << "" << QRectF(0, 0, 0.25, 0.32) << 1 << "Alice" << true << 1;
    QTest::newRow("region elsewhere") << "unknown"
                                      << "" << QRectF(0.6, 0.5, 0.2, 0.2) << 0 << "" << false << 0;
}

void TestFaces::namesFromFiles()
{
    QFETCH(QString, faceState);
    QFETCH(QString, existing);
    QFETCH(QRectF, region);
    QFETCH(int, named);
    QFETCH(QString, personAfter);
    QFETCH(bool, linked);
    QFETCH(int, persons);
    qint64 person = 0;
    if (!existing.isEmpty())
        person = exec(QStringLiteral("INSERT INTO persons (name) VALUES (?)"), {existing});
    const int notFace =
        faceState.contains(QLatin1Char(':')) ? faceState.section(QLatin1Char(':'), 1).toInt() : 0;
    faceState = faceState.section(QLatin1Char(':'), 0, 0);
    const qint64 face =
        addFaces(1, 1, 0.9f, faceState,
                 faceState == QLatin1String("confirmed") || faceState == QLatin1String("suggested") ? person
                                                                                                    : 0)
            .first();
    exec(QStringLiteral("UPDATE faces SET not_face = ? WHERE id = ?"), {notFace, face});
    const qint64 photo = photoOf(face);
    const qint64 regionId =
        exec(QStringLiteral(
                 "INSERT INTO xmp_regions (photo_id, x, y, w, h, name, type, scheme) VALUES (?, ?, ?, ?, ?, "
                 "' Alice ', 'Face', 'mwg')"),
             {photo, region.x(), region.y(), region.width(), region.height()});
    QSqlDatabase d = db();
    QString error;
    QVERIFY(d.transaction());
    QCOMPARE(FileNameImporter::apply(d, photo, &error), named);
    QVERIFY2(d.commit(), qPrintable(error));
    QSqlQuery q(d);
    QVERIFY(q.exec(
        QStringLiteral("SELECT coalesce(p.name, ''), f.state FROM faces f LEFT JOIN persons p ON p.id = "
                       "f.person_id WHERE f.id = %1")
            .arg(face)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), personAfter);
    if (named > 0)
        QCOMPARE(q.value(1).toString(), QStringLiteral("confirmed"));
    else
        QCOMPARE(q.value(1).toString(), faceState);
    QVERIFY(q.exec(QStringLiteral("SELECT face_id FROM xmp_regions WHERE id = %1").arg(regionId)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), linked ? face : 0);
    QCOMPARE(int(PeopleService(m_path).persons().size()), persons);
    if (notFace != 0) {
        QVERIFY(q.exec(QStringLiteral("SELECT not_face FROM faces WHERE id = %1").arg(face)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), named > 0 ? -1 : notFace);
    }

    // Taken back by the family: the region, once used, does not name the face again.
    if (named > 0) {
        PeopleService people(m_path);
        QVERIFY2(people.unassignFaces({face}), qPrintable(people.errorString()));
        QVERIFY(d.transaction());
        QCOMPARE(FileNameImporter::apply(d, photo, &error), 0);
        QVERIFY(d.commit());
        QVERIFY(q.exec(QStringLiteral("SELECT state FROM faces WHERE id = %1").arg(face)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("unknown"));
    }
}

// Named regions that match no face: listed to be added as faces only where their place is certain.
void TestFaces::missedFacesFromFiles_data()
{
    QTest::addColumn<int>("orientation");
    QTest::addColumn<QList<QRectF>>(
        "regions"); // normalised; the photo is 640 x 480, its face at 10,10-110,130
    QTest::addColumn<int>("named");
    QTest::addColumn<int>("missed");

    const QRectF onFace(12 / 640.0, 5 / 480.0, 95 / 640.0, 120 / 480.0);
    const QRectF elsewhere(0.6, 0.5, 0.1, 0.15);
    QTest::newRow("upright, a face the detector missed") << 1 << QList<QRectF>{elsewhere} << 0 << 1;
    QTest::newRow("upright, one matched and one missed") << 1 << QList<QRectF>{onFace, elsewhere} << 1 << 1;
    QTest::newRow("two regions on one face: no duplicate")
        << 1 << QList<QRectF>{onFace, onFace.adjusted(0.01, 0, 0.01, 0)} << 1 << 0;
    QTest::newRow("a speck is not a face") << 1 << QList<QRectF>{QRectF(0.5, 0.5, 0.002, 0.002)} << 0 << 0;
    QTest::newRow("rotated, nothing matched: place unknown") << 6 << QList<QRectF>{elsewhere} << 0 << 0;
    QTest::newRow("rotated, the frame known from a match") << 6 << QList<QRectF>{onFace, elsewhere} << 1 << 1;
}

void TestFaces::missedFacesFromFiles()
{
    QFETCH(int, orientation);
    QFETCH(QList<QRectF>, regions);
    QFETCH(int, named);
    QFETCH(int, missed);
    const qint64 face = addFaces(1, 1).first();
    const qint64 photo = photoOf(face);
    exec(QStringLiteral("UPDATE photos SET orientation = ? WHERE id = ?"), {orientation, photo});
    int i = 0;
    for (const QRectF& r : std::as_const(regions))
        exec(QStringLiteral("INSERT INTO xmp_regions (photo_id, x, y, w, h, name, type, scheme) VALUES (?, "
                            "?, ?, ?, ?, ?, "
                            "'Face', 'mwg')"),
             {photo, r.x(), r.y(), r.width(), r.height(), QStringLiteral("Person %1").arg(++i)});
    QSqlDatabase d = db();
    QString error;
    QList<FileNameImporter::Unmatched> unmatched;
    QVERIFY(d.transaction());
    QCOMPARE(FileNameImporter::apply(d, photo, &error, &unmatched), named);
    QCOMPARE(int(unmatched.size()), missed);
    if (missed > 0) {
        // Added (here: a bare face row standing in for the indexer's), it is the region's person's.
        const qint64 added =
            exec(QStringLiteral("INSERT INTO faces (photo_id, x1, y1, x2, y2, score, state) VALUES (?, "
                                "400, 240, 460, 310, 1.0, 'unknown')"),
                 {photo});
        QVERIFY2(FileNameImporter::nameAddedFace(d, added, unmatched.first(), &error), qPrintable(error));
        QSqlQuery q(d);
        QVERIFY(
            q.exec(QStringLiteral("SELECT f.source, f.state, p.name FROM faces f JOIN persons p ON p.id = "
                                  "f.person_id WHERE f.id = %1")
                       .arg(added)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("xmp"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("confirmed"));
        QCOMPARE(q.value(2).toString(), unmatched.first().name);
    }
    QVERIFY(d.commit());
    // Everything used is linked; a second pass finds nothing more to do.
    QVERIFY(d.transaction());
    unmatched.clear();
    QCOMPARE(FileNameImporter::apply(d, photo, &error, &unmatched), 0);
    QVERIFY(d.commit());
}

// NameWriter on a catalog row that points at a real JPEG.
void TestFaces::nameWriter_data()
{
    QTest::addColumn<bool>("intoFiles");
    QTest::addColumn<QString>("trouble"); // "" | edited (the file changed after it was catalogued) | missing
    QTest::newRow("sidecar") << false << "";
    QTest::newRow("into the file") << true << "";
    QTest::newRow("edited since the scan") << true << "edited";
    QTest::newRow("edited since the scan, sidecar") << false << "edited";
    QTest::newRow("file gone") << false << "missing";
}

void TestFaces::nameWriter()
{
    QFETCH(bool, intoFiles);
    QFETCH(QString, trouble);
    const QString path = m_dir->filePath(QStringLiteral("family.jpg"));
    QImage image(640, 480, QImage::Format_RGB888);
    image.fill(QColor(90, 120, 150));
    QVERIFY(image.save(path, "JPEG", 90));
    const std::optional<FileIdentity> id = FileIdentity::of(path);
    QVERIFY(id);
    const qint64 photo =
        exec(QStringLiteral("INSERT INTO photos (path, hash, size, mtime_ns, format, mime, width, "
                            "height, date_source) VALUES (?, ?, ?, ?, 'jpeg', 'image/jpeg', 640, 480, "
                            "'file-mtime')"),
             {path, id->hash, id->size, id->mtimeNs});
    const qint64 alice = exec(QStringLiteral("INSERT INTO persons (name) VALUES ('Alice')"));
    exec(QStringLiteral(
             "INSERT INTO faces (photo_id, x1, y1, x2, y2, score, state, person_id) VALUES (?, 64, 48, 192, "
             "240, 0.99, 'confirmed', ?)"),
         {photo, alice});
    exec(QStringLiteral(
             "INSERT INTO faces (photo_id, x1, y1, x2, y2, score, state) VALUES (?, 300, 48, 400, 200, 0.99, "
             "'unknown')"),
         {photo}); // not named: never written
    if (trouble == QLatin1String("edited"))
        QVERIFY(image.mirrored(true, false).save(path, "JPEG", 80));
    else if (trouble == QLatin1String("missing"))
        QVERIFY(QFile::remove(path));
    QFile before(path);
    const QByteArray bytesBefore = before.open(QIODevice::ReadOnly) ? before.readAll() : QByteArray();

    NameWriteOptions options;
    options.intoFiles = intoFiles;
    NameWriter writer(m_path);
    const NameWriteSummary s = writer.run(options);
    QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
    QCOMPARE(s.photosTotal, 1);
    if (!trouble.isEmpty()) {
        QCOMPARE(s.written, 0);
        QCOMPARE(s.failed, 1);
        QVERIFY2(s.failures.first().reason.contains(trouble == QLatin1String("edited")
                                                        ? QLatin1String("changed")
                                                        : QLatin1String("cannot read")),
                 qPrintable(s.failures.first().reason));
        QFile after(path);
        QCOMPARE(after.open(QIODevice::ReadOnly) ? after.readAll() : QByteArray(), bytesBefore);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".xmp")));
        return;
    }
    QCOMPARE(s.written, 1);
    QCOMPARE(s.facesWritten, 1);
    const QList<XmpRegion> regions =
        intoFiles ? MetadataReader::readFile(path).regions : MetadataReader::readSidecarRegions(path);
    QCOMPARE(regions.size(), 1);
    QCOMPARE(regions.first().name, QStringLiteral("Alice"));
    QVERIFY(std::abs(regions.first().x - 0.1) < 1e-5 && std::abs(regions.first().y - 0.1) < 1e-5);
    QVERIFY(std::abs(regions.first().w - 0.2) < 1e-5 && std::abs(regions.first().h - 0.4) < 1e-5);
    // The catalog follows a file written in place: same photo, new identity.
    const std::optional<FileIdentity> now = FileIdentity::of(path);
    QVERIFY(now);
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("SELECT hash, size, mtime_ns FROM photos WHERE id = %1").arg(photo)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), now->hash);
    QCOMPARE(q.value(1).toLongLong(), now->size);
    QCOMPARE(q.value(2).toLongLong(), now->mtimeNs);
    QCOMPARE(now->hash != id->hash, intoFiles);
    // Renamed: written again (only this photo, only because its names changed).
    NameWriteSummary again = writer.run(options);
    QCOMPARE(again.written, 0);
    QCOMPARE(again.unchanged, 1);
    exec(QStringLiteral("UPDATE persons SET name = 'Alice Smith' WHERE id = ?"), {alice});
    again = writer.run(options);
    QCOMPARE(again.written, 1);
    const QList<XmpRegion> renamed =
        intoFiles ? MetadataReader::readFile(path).regions : MetadataReader::readSidecarRegions(path);
    QCOMPARE(renamed.size(), 1);
    QCOMPARE(renamed.first().name, QStringLiteral("Alice Smith"));
    // Un-named: the region goes.
    exec(QStringLiteral("UPDATE faces SET state = 'unknown', person_id = NULL WHERE person_id = ?"), {alice});
    again = writer.run(options);
    QCOMPARE(again.written, 1);
    QCOMPARE(again.facesWritten, 0);
    QVERIFY((intoFiles ? MetadataReader::readFile(path).regions : MetadataReader::readSidecarRegions(path))
                .isEmpty());
}

#include "tst_faces.moc"
