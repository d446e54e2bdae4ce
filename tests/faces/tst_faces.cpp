// FaceService: clustering of unknown faces (full and incremental), quality gating, calibrated suggestions,
// rejections, and the rule that nothing the family confirmed is ever changed. Real SQLite catalogs with
// synthetic identities (unit vectors around random centres), so that the right answer is known.
#include "catalog.h"
#include "faceservice.h"
#include "peopleservice.h"
#include "projectionhead.h"

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
    void suggestionsFollowNamesAndRejections();
    void confirmedAndIgnoredNeverChange();
    void reclusterStartsAfresh();
    void onceInAPhoto();
    void personalisationStage_data();
    void personalisationStage();
    void unknownAlgorithmIsAnError();
    void libraryOptions_data();
    void libraryOptions();

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
    QCOMPARE(clusterOf(a + b), before); // nothing reshuffled
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
#include "tst_faces.moc"
