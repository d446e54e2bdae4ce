// PeopleService and SearchService against a real catalog (Catalog::open in a temporary directory), with
// photos, faces, clusters and people inserted directly with SQL.
#include "catalog.h"
#include "peopleservice.h"
#include "searchservice.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

using namespace kindred;

namespace {

using Action = std::function<bool(PeopleService&)>;

} // namespace

class TestServices : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void actions_data();
    void actions();
    void rejectedFaceNeverGetsThatPersonAgain_data();
    void rejectedFaceNeverGetsThatPersonAgain();
    void persons();
    void errorsLeaveCatalogUnchanged_data();
    void errorsLeaveCatalogUnchanged();

    void undoRedo_data();
    void undoRedo();
    void severalUndosInARow();
    void newActionClearsRedo();
    void undoSurvivesReopen();
    void undoWithEmptyStacks();
    void undoAfterPhotoRemoved();
    void undoDepthIsBounded();
    void clusterSuggestionsFollowPeople();
    void unicodeNames();

    void search_data();
    void search();
    void searchUnknownPerson_data();
    void searchUnknownPerson();

private:
    QSqlDatabase db() const { return Catalog::connectionForThread(m_path); }
    qint64 insert(const QString& sql, const QVariantList& binds);
    qint64 addPhoto(const QString& path, const QString& capturedAt, bool missing = false);
    qint64 addFace(qint64 photo, qint64 cluster, qint64 person, const QString& state,
                   double suggestionScore = -1);
    qint64 addPerson(const QString& name);
    qint64 addCluster(qint64 suggestedPerson);

    void buildFamily();
    void buildSearchLibrary();
    Action familyAction(const QString& key);
    Action familyFailingAction(const QString& key);

    QString personName(const QVariant& id) const;
    int faceNumber(const QVariant& id) const;
    QStringList faceLabels() const;
    QStringList personLabels() const;
    QStringList rejectionLabels() const;
    QStringList dump() const;
    int undoLogRows(const QString& stack) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalog> m_catalog;
    QString m_path;
    QString m_fixtureError;
    QMap<int, qint64> m_face;    // family fixture: face number -> id
    QMap<int, qint64> m_cluster; // cluster number -> id
    QMap<QString, qint64> m_photo;
    qint64 m_grandma = 0;
    qint64 m_sam = 0;
};

void TestServices::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("catalog.sqlite"));
    m_catalog = std::make_unique<Catalog>();
    QVERIFY2(m_catalog->open(m_path), qPrintable(m_catalog->errorString()));
    m_fixtureError.clear();
    m_face.clear();
    m_cluster.clear();
    m_photo.clear();
}

void TestServices::cleanup()
{
    m_catalog.reset();
    Catalog::closeThreadConnection(m_path);
    m_dir.reset();
}

qint64 TestServices::insert(const QString& sql, const QVariantList& binds)
{
    QSqlQuery q(db());
    if (!q.prepare(sql)) {
        m_fixtureError += q.lastError().text() + QLatin1Char('\n');
        return 0;
    }
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        m_fixtureError += q.lastError().text() + QLatin1Char('\n');
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

qint64 TestServices::addPhoto(const QString& path, const QString& capturedAt, bool missing)
{
    const qint64 n = m_photo.size() + 1;
    const qint64 id =
        insert(QStringLiteral("INSERT INTO photos (path, hash, size, mtime_ns, format, mime, width, "
                              "height, captured_at, date_source, missing) "
                              "VALUES (?, ?, ?, ?, 'jpeg', 'image/jpeg', 640, 480, ?, ?, ?)"),
               {path, QStringLiteral("%1").arg(n, 16, 16, QLatin1Char('0')), 1000 + n, n * 1000000,
                capturedAt.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(capturedAt),
                capturedAt.isEmpty() ? QStringLiteral("file-mtime") : QStringLiteral("exif-original"),
                missing ? 1 : 0});
    m_photo.insert(path, id);
    return id;
}

qint64 TestServices::addFace(qint64 photo, qint64 cluster, qint64 person, const QString& state,
                             double suggestionScore)
{
    const QByteArray embedding(4 * 4, '\x01');
    const QVariant null64(QMetaType::fromType<qint64>());
    return insert(
        QStringLiteral("INSERT INTO faces (photo_id, x1, y1, x2, y2, score, embedding, model_id, dim, "
                       "person_id, cluster_id, state, suggestion_score) "
                       "VALUES (?, 10, 20, 110, 140, 0.99, ?, 'test-model', 4, ?, ?, ?, ?)"),
        {photo, embedding, person ? QVariant(person) : null64, cluster ? QVariant(cluster) : null64, state,
         suggestionScore < 0 ? QVariant(QMetaType::fromType<double>()) : QVariant(suggestionScore)});
}

qint64 TestServices::addPerson(const QString& name)
{
    return insert(QStringLiteral("INSERT INTO persons (name) VALUES (?)"), {name});
}

qint64 TestServices::addCluster(qint64 suggestedPerson)
{
    return insert(
        QStringLiteral(
            "INSERT INTO clusters (model_id, size, suggested_person_id) VALUES ('test-model', 0, ?)"),
        {suggestedPerson ? QVariant(suggestedPerson) : QVariant(QMetaType::fromType<qint64>())});
}

// The family fixture (face number: photo, cluster, state, person):
//   1: p1 C1 unknown          5: p1 C2 confirmed Grandma    9: p5 C3 suggested Sam (0.6)
//   2: p2 C1 unknown          6: p2 C2 confirmed Grandma   10: p5 C3 ignored
//   3: p3 C1 suggested Sam    7: p3 C2 suggested Grandma   11: p1 -  confirmed Sam
//   4: p4 C1 unknown          8: p4 C3 confirmed Sam       12: p6 C1 confirmed Sam (p6 is missing)
// Covers: Grandma 5, Sam 8. Rejections: 2 is not Sam; 4, 9 and 12 are not Grandma.
// Clusters: C1 suggests nobody, C2 suggests Grandma, C3 suggests Sam.
void TestServices::buildFamily()
{
    QSqlDatabase d = db();
    QVERIFY(d.transaction());
    m_grandma = addPerson(QStringLiteral("Grandma"));
    m_sam = addPerson(QStringLiteral("Sam"));
    m_cluster[1] = addCluster(0);
    m_cluster[2] = addCluster(m_grandma);
    m_cluster[3] = addCluster(m_sam);
    QList<qint64> p;
    for (int i = 1; i <= 6; ++i)
        p.append(addPhoto(QStringLiteral("/family/%1.jpg").arg(i),
                          QStringLiteral("2020-01-0%1T10:00:00").arg(i), i == 6));
    const QString unknown = QStringLiteral("unknown"), suggested = QStringLiteral("suggested"),
                  confirmed = QStringLiteral("confirmed");
    m_face[1] = addFace(p[0], m_cluster[1], 0, unknown);
    m_face[2] = addFace(p[1], m_cluster[1], 0, unknown);
    m_face[3] = addFace(p[2], m_cluster[1], m_sam, suggested, 0.8125);
    m_face[4] = addFace(p[3], m_cluster[1], 0, unknown);
    m_face[5] = addFace(p[0], m_cluster[2], m_grandma, confirmed);
    m_face[6] = addFace(p[1], m_cluster[2], m_grandma, confirmed);
    m_face[7] = addFace(p[2], m_cluster[2], m_grandma, suggested, 0.71);
    m_face[8] = addFace(p[3], m_cluster[3], m_sam, confirmed);
    m_face[9] = addFace(p[4], m_cluster[3], m_sam, suggested, 0.6);
    m_face[10] = addFace(p[4], m_cluster[3], 0, QStringLiteral("ignored"));
    m_face[11] = addFace(p[0], 0, m_sam, confirmed);
    m_face[12] = addFace(p[5], m_cluster[1], m_sam, confirmed);
    insert(QStringLiteral("UPDATE persons SET cover_face_id = ? WHERE id = ?"), {m_face[5], m_grandma});
    insert(QStringLiteral("UPDATE persons SET cover_face_id = ? WHERE id = ?"), {m_face[8], m_sam});
    const QList<QPair<int, qint64>> rejections{{2, m_sam}, {4, m_grandma}, {9, m_grandma}, {12, m_grandma}};
    for (const auto& [face, person] : rejections)
        insert(QStringLiteral("INSERT INTO face_rejections (face_id, person_id) VALUES (?, ?)"),
               {m_face[face], person});
    QVERIFY(d.commit());
    QVERIFY2(m_fixtureError.isEmpty(), qPrintable(m_fixtureError));
}

QString TestServices::personName(const QVariant& id) const
{
    if (id.isNull())
        return QStringLiteral("-");
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT name FROM persons WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return QStringLiteral("?%1").arg(id.toLongLong());
    return q.value(0).toString();
}

int TestServices::faceNumber(const QVariant& id) const
{
    if (id.isNull())
        return 0;
    return m_face.key(id.toLongLong(), -1);
}

// "state/person/cluster" of faces 1..12, e.g. "confirmed/Sam/C1", "unknown/-/-".
QStringList TestServices::faceLabels() const
{
    QStringList labels;
    QSqlQuery q(db());
    for (auto it = m_face.cbegin(); it != m_face.cend(); ++it) {
        q.prepare(QStringLiteral("SELECT state, person_id, cluster_id FROM faces WHERE id = ?"));
        q.addBindValue(it.value());
        if (!q.exec() || !q.next()) {
            labels.append(QStringLiteral("gone"));
            continue;
        }
        const QString cluster = q.value(2).isNull()
                                    ? QStringLiteral("-")
                                    : QStringLiteral("C%1").arg(m_cluster.key(q.value(2).toLongLong()));
        labels.append(QStringLiteral("%1/%2/%3").arg(q.value(0).toString(), personName(q.value(1)), cluster));
    }
    return labels;
}

// "Name[ hidden] cover=N" sorted by name.
QStringList TestServices::personLabels() const
{
    QStringList labels;
    QSqlQuery q(db());
    q.exec(QStringLiteral("SELECT name, hidden, cover_face_id FROM persons ORDER BY name"));
    while (q.next()) {
        const int cover = faceNumber(q.value(2));
        labels.append(QStringLiteral("%1%2 cover=%3")
                          .arg(q.value(0).toString(),
                               q.value(1).toInt() ? QStringLiteral(" hidden") : QString(),
                               cover ? QString::number(cover) : QStringLiteral("-")));
    }
    return labels;
}

// "N:Name" sorted.
QStringList TestServices::rejectionLabels() const
{
    QStringList labels;
    QSqlQuery q(db());
    q.exec(QStringLiteral("SELECT face_id, person_id FROM face_rejections"));
    while (q.next())
        labels.append(QStringLiteral("%1:%2").arg(faceNumber(q.value(0))).arg(personName(q.value(1))));
    labels.sort();
    return labels;
}

// Every column the people actions may touch, row by row, with ids (an exact comparison of states).
QStringList TestServices::dump() const
{
    QStringList rows;
    const QStringList queries{
        QStringLiteral(
            "SELECT 'face', id, person_id, state, cluster_id, suggestion_score FROM faces ORDER BY id"),
        QStringLiteral("SELECT 'person', id, name, hidden, cover_face_id FROM persons ORDER BY id"),
        QStringLiteral(
            "SELECT 'rejection', face_id, person_id FROM face_rejections ORDER BY face_id, person_id"),
        QStringLiteral("SELECT 'cluster', id, suggested_person_id FROM clusters ORDER BY id"),
    };
    QSqlQuery q(db());
    for (const QString& sql : queries) {
        if (!q.exec(sql)) {
            rows.append(QStringLiteral("error: ") + q.lastError().text());
            continue;
        }
        while (q.next()) {
            QStringList cells;
            for (int i = 0; i < q.record().count(); ++i)
                cells.append(q.value(i).isNull() ? QStringLiteral("NULL") : q.value(i).toString());
            rows.append(cells.join(QLatin1Char('|')));
        }
    }
    return rows;
}

int TestServices::undoLogRows(const QString& stack) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT count(*) FROM undo_log WHERE stack = ?"));
    q.addBindValue(stack);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

// The successful actions on the family fixture, by name.
Action TestServices::familyAction(const QString& key)
{
    const auto f = [this](std::initializer_list<int> numbers) {
        QList<qint64> ids;
        for (int n : numbers)
            ids.append(m_face.value(n, 9999));
        return ids;
    };
    const QMap<QString, Action> actions{
        {QStringLiteral("nameCluster C1 Grandma"),
         [this](PeopleService& s) { return s.nameCluster(m_cluster[1], QStringLiteral("Grandma")); }},
        {QStringLiteral("nameCluster C1 new Alice"),
         [this](PeopleService& s) { return s.nameCluster(m_cluster[1], QStringLiteral("Alice")); }},
        {QStringLiteral("nameCluster C1 Sam"),
         [this](PeopleService& s) { return s.nameCluster(m_cluster[1], QStringLiteral("Sam")); }},
        {QStringLiteral("nameCluster C2 ' grandma '"),
         [this](PeopleService& s) { return s.nameCluster(m_cluster[2], QStringLiteral(" grandma ")); }},
        {QStringLiteral("nameFaces new Bob"),
         [f](PeopleService& s) {
             return s.nameFaces(f({1, 10}), QStringLiteral("Bob"));
         }},
        {QStringLiteral("nameFaces takes Sam's cover"),
         [f](PeopleService& s) {
             return s.nameFaces(f({8, 4}), QStringLiteral("Grandma"));
         }},
        {QStringLiteral("confirmSuggestions"),
         [f](PeopleService& s) {
             return s.confirmSuggestions(f({3, 7, 9}));
         }},
        {QStringLiteral("confirmSuggestions skips unsuggested"),
         [f](PeopleService& s) {
             return s.confirmSuggestions(f({1, 3, 5}));
         }},
        {QStringLiteral("rejectFaces Grandma's cover"),
         [this, f](PeopleService& s) {
             return s.rejectFaces(f({5, 1}), m_grandma);
         }},
        {QStringLiteral("rejectSuggestions of two persons"),
         [f](PeopleService& s) {
             return s.rejectSuggestions(f({3, 7, 9, 1}));
         }},
        {QStringLiteral("unassignFaces"),
         [f](PeopleService& s) {
             return s.unassignFaces(f({6, 8, 1}));
         }},
        {QStringLiteral("rename"),
         [](PeopleService& s) { return s.rename(QStringLiteral("Grandma"), QStringLiteral("Nana")); }},
        {QStringLiteral("rename case only"),
         [](PeopleService& s) { return s.rename(QStringLiteral("sam"), QStringLiteral("SAM")); }},
        {QStringLiteral("merge Sam into Grandma"),
         [](PeopleService& s) { return s.merge(QStringLiteral("Sam"), QStringLiteral("Grandma")); }},
        {QStringLiteral("merge Grandma into Sam"),
         [](PeopleService& s) { return s.merge(QStringLiteral("grandma"), QStringLiteral("Sam")); }},
        {QStringLiteral("hide Sam"),
         [](PeopleService& s) { return s.setHidden(QStringLiteral("Sam"), true); }},
        {QStringLiteral("cover Grandma 6"),
         [this](PeopleService& s) { return s.setCoverFace(QStringLiteral("Grandma"), m_face[6]); }},
        {QStringLiteral("ignoreCluster C1"),
         [this](PeopleService& s) { return s.ignoreCluster(m_cluster[1]); }},
        {QStringLiteral("ignoreFaces"),
         [f](PeopleService& s) {
             return s.ignoreFaces(f({1, 7, 5}));
         }},
        {QStringLiteral("deletePerson Sam"),
         [](PeopleService& s) { return s.deletePerson(QStringLiteral("Sam")); }},
    };
    return actions.value(key);
}

void TestServices::actions_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QStringList>("changedFaces"); // "N=state/person/cluster" for faces that change
    QTest::addColumn<QStringList>("persons");      // all persons afterwards
    QTest::addColumn<QStringList>("rejections");   // all rejections afterwards

    const QStringList persons{QStringLiteral("Grandma cover=5"), QStringLiteral("Sam cover=8")};
    const QStringList rejections{QStringLiteral("12:Grandma"), QStringLiteral("2:Sam"),
                                 QStringLiteral("4:Grandma"), QStringLiteral("9:Grandma")};
    const auto with = [](QStringList list, const QStringList& more) {
        list += more;
        list.sort();
        return list;
    };

    QTest::newRow("nameCluster: existing person, skips the face rejected for her and named faces")
        << QStringLiteral("nameCluster C1 Grandma")
        << QStringList{"1=confirmed/Grandma/C1", "2=confirmed/Grandma/C1", "3=confirmed/Grandma/C1"}
        << persons << rejections;
    QTest::newRow("nameCluster: new person with a cover")
        << QStringLiteral("nameCluster C1 new Alice")
        << QStringList{"1=confirmed/Alice/C1", "2=confirmed/Alice/C1", "3=confirmed/Alice/C1",
                       "4=confirmed/Alice/C1"}
        << with(persons, {"Alice cover=1"}) << rejections;
    QTest::newRow("nameCluster: as Sam skips the face rejected for Sam")
        << QStringLiteral("nameCluster C1 Sam")
        << QStringList{"1=confirmed/Sam/C1", "3=confirmed/Sam/C1", "4=confirmed/Sam/C1"} << persons
        << rejections;
    QTest::newRow("nameCluster: name matched case-insensitively, spaces trimmed")
        << QStringLiteral("nameCluster C2 ' grandma '") << QStringList{"7=confirmed/Grandma/C2"} << persons
        << rejections;
    QTest::newRow("nameFaces: new person, also an ignored face")
        << QStringLiteral("nameFaces new Bob") << QStringList{"1=confirmed/Bob/C1", "10=confirmed/Bob/C3"}
        << with(persons, {"Bob cover=1"}) << rejections;
    QTest::newRow("nameFaces: overrides a rejection, Sam loses his cover face")
        << QStringLiteral("nameFaces takes Sam's cover")
        << QStringList{"4=confirmed/Grandma/C1", "8=confirmed/Grandma/C3"}
        << QStringList{"Grandma cover=5", "Sam cover=11"} << QStringList{"12:Grandma", "2:Sam", "9:Grandma"};
    QTest::newRow("confirmSuggestions")
        << QStringLiteral("confirmSuggestions")
        << QStringList{"3=confirmed/Sam/C1", "7=confirmed/Grandma/C2", "9=confirmed/Sam/C3"} << persons
        << rejections;
    QTest::newRow("confirmSuggestions: only suggested faces")
        << QStringLiteral("confirmSuggestions skips unsuggested") << QStringList{"3=confirmed/Sam/C1"}
        << persons << rejections;
    QTest::newRow("rejectFaces: a confirmed face (the cover) goes back to unknown")
        << QStringLiteral("rejectFaces Grandma's cover") << QStringList{"5=unknown/-/C2"}
        << QStringList{"Grandma cover=6", "Sam cover=8"} << with(rejections, {"1:Grandma", "5:Grandma"});
    QTest::newRow("rejectSuggestions: each face's suggested person")
        << QStringLiteral("rejectSuggestions of two persons")
        << QStringList{"3=unknown/-/C1", "7=unknown/-/C2", "9=unknown/-/C3"} << persons
        << with(rejections, {"3:Sam", "7:Grandma", "9:Sam"});
    QTest::newRow("unassignFaces: split out of person and cluster")
        << QStringLiteral("unassignFaces") << QStringList{"1=unknown/-/-", "6=unknown/-/-", "8=unknown/-/-"}
        << QStringList{"Grandma cover=5", "Sam cover=11"} << with(rejections, {"6:Grandma", "8:Sam"});
    QTest::newRow("rename") << QStringLiteral("rename")
                            << QStringList{"5=confirmed/Nana/C2", "6=confirmed/Nana/C2",
                                           "7=suggested/Nana/C2"}
                            << QStringList{"Nana cover=5", "Sam cover=8"}
                            << QStringList{"12:Nana", "2:Sam", "4:Nana", "9:Nana"};
    QTest::newRow("rename: only the case changes")
        << QStringLiteral("rename case only")
        << QStringList{"3=suggested/SAM/C1", "8=confirmed/SAM/C3", "9=suggested/SAM/C3", "11=confirmed/SAM/-",
                       "12=confirmed/SAM/C1"}
        << QStringList{"Grandma cover=5", "SAM cover=8"}
        << QStringList{"12:Grandma", "2:SAM", "4:Grandma", "9:Grandma"};
    QTest::newRow("merge: faces and rejections carried over, conflicts resolved")
        << QStringLiteral("merge Sam into Grandma")
        << QStringList{"3=suggested/Grandma/C1", "8=confirmed/Grandma/C3", "9=unknown/-/C3",
                       "11=confirmed/Grandma/-", "12=confirmed/Grandma/C1"}
        << QStringList{"Grandma cover=5"} << QStringList{"2:Grandma", "4:Grandma", "9:Grandma"};
    QTest::newRow("merge: the other way round")
        << QStringLiteral("merge Grandma into Sam")
        << QStringList{"5=confirmed/Sam/C2", "6=confirmed/Sam/C2", "7=suggested/Sam/C2", "9=unknown/-/C3"}
        << QStringList{"Sam cover=8"} << QStringList{"2:Sam", "4:Sam", "9:Sam"};
    QTest::newRow("hide") << QStringLiteral("hide Sam") << QStringList{}
                          << QStringList{"Grandma cover=5", "Sam hidden cover=8"} << rejections;
    QTest::newRow("cover face") << QStringLiteral("cover Grandma 6") << QStringList{}
                                << QStringList{"Grandma cover=6", "Sam cover=8"} << rejections;
    QTest::newRow("ignoreCluster: unnamed faces only")
        << QStringLiteral("ignoreCluster C1")
        << QStringList{"1=ignored/-/C1", "2=ignored/-/C1", "3=ignored/-/C1", "4=ignored/-/C1"} << persons
        << rejections;
    QTest::newRow("ignoreFaces: confirmed faces are kept")
        << QStringLiteral("ignoreFaces") << QStringList{"1=ignored/-/C1", "7=ignored/-/C2"} << persons
        << rejections;
    QTest::newRow("deletePerson: faces back to unknown, rejections gone")
        << QStringLiteral("deletePerson Sam")
        << QStringList{"3=unknown/-/C1", "8=unknown/-/C3", "9=unknown/-/C3", "11=unknown/-/-",
                       "12=unknown/-/C1"}
        << QStringList{"Grandma cover=5"} << QStringList{"12:Grandma", "4:Grandma", "9:Grandma"};
}

void TestServices::actions()
{
    QFETCH(QString, action);
    QFETCH(QStringList, changedFaces);
    QFETCH(QStringList, persons);
    QFETCH(QStringList, rejections);
    buildFamily();
    QStringList expectedFaces = faceLabels();
    QCOMPARE(expectedFaces.size(), 12);
    for (const QString& change : changedFaces) {
        const int n = change.section(QLatin1Char('='), 0, 0).toInt();
        QVERIFY(n >= 1 && n <= 12);
        expectedFaces[n - 1] = change.section(QLatin1Char('='), 1);
    }

    PeopleService service(m_path);
    const Action run = familyAction(action);
    QVERIFY(run);
    QVERIFY2(run(service), qPrintable(service.errorString()));
    QCOMPARE(faceLabels(), expectedFaces);
    QCOMPARE(personLabels(), persons);
    QCOMPARE(rejectionLabels(), rejections);
    // One action = one undo step; suggestion scores are cleared on every face that is no longer suggested.
    QCOMPARE(undoLogRows(QStringLiteral("undo")), 1);
    QVERIFY(!service.undoLabel().isEmpty());
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral(
        "SELECT count(*) FROM faces WHERE state <> 'suggested' AND suggestion_score IS NOT NULL")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestServices::rejectedFaceNeverGetsThatPersonAgain_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("cluster");
    QTest::addColumn<int>("face");
    QTest::addColumn<QString>("expected"); // the face's label after naming its cluster

    QTest::newRow("rejected suggestion") << QStringLiteral("rejectSuggestions of two persons")
                                         << QStringLiteral("Sam") << 1 << 3 << QStringLiteral("unknown/-/C1");
    QTest::newRow("rejected unknown face")
        << QStringLiteral("rejectFaces Grandma's cover") << QStringLiteral("Grandma") << 1 << 1
        << QStringLiteral("unknown/-/C1");
    QTest::newRow("split face leaves its cluster")
        << QStringLiteral("unassignFaces") << QStringLiteral("Grandma") << 1 << 1
        << QStringLiteral("unknown/-/-");
    QTest::newRow("after merge the rejection of the merged person holds")
        << QStringLiteral("merge Sam into Grandma") << QStringLiteral("Grandma") << 1 << 2
        << QStringLiteral("unknown/-/C1");
}

void TestServices::rejectedFaceNeverGetsThatPersonAgain()
{
    QFETCH(QString, first);
    QFETCH(QString, name);
    QFETCH(int, cluster);
    QFETCH(int, face);
    QFETCH(QString, expected);
    buildFamily();
    PeopleService service(m_path);
    QVERIFY2(familyAction(first)(service), qPrintable(service.errorString()));
    QVERIFY2(service.nameCluster(m_cluster[cluster], name), qPrintable(service.errorString()));
    QCOMPARE(faceLabels().at(face - 1), expected);
    // The other unnamed faces of the cluster did get the name.
    QVERIFY(faceLabels().contains(QStringLiteral("confirmed/%1/C%2").arg(name).arg(cluster)));
}

void TestServices::persons()
{
    buildFamily();
    PeopleService service(m_path);
    QList<PersonSummary> all = service.persons();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QStringLiteral("Grandma"));
    QCOMPARE(all[0].id, m_grandma);
    QCOMPARE(all[0].faces, 2);  // 5, 6 (7 is only suggested)
    QCOMPARE(all[0].photos, 2); // p1, p2
    QCOMPARE(all[0].coverFaceId, m_face[5]);
    QCOMPARE(all[1].name, QStringLiteral("Sam"));
    QCOMPARE(all[1].faces, 3);  // 8, 11, 12
    QCOMPARE(all[1].photos, 2); // p4, p1 (p6 is missing)
    QVERIFY(!all[1].hidden);

    QVERIFY(service.setHidden(QStringLiteral("Sam"), true));
    all = service.persons(true);
    QCOMPARE(all.size(), 2);
    QVERIFY(all[1].hidden);
    const QList<PersonSummary> visible = service.persons(false);
    QCOMPARE(visible.size(), 1);
    QCOMPARE(visible[0].name, QStringLiteral("Grandma"));

    const auto sam = service.personByName(QStringLiteral("  sAM "));
    QVERIFY(sam.has_value());
    QCOMPARE(sam->id, m_sam);
    QCOMPARE(sam->name, QStringLiteral("Sam"));
    QCOMPARE(sam->faces, 3);
    QCOMPARE(sam->photos, 2);
    QCOMPARE(sam->coverFaceId, m_face[8]);
    QVERIFY(sam->hidden);
    QVERIFY(!service.personByName(QStringLiteral("Nobody")).has_value());
}

Action TestServices::familyFailingAction(const QString& key)
{
    const QMap<QString, Action> actions{
        {QStringLiteral("nameCluster empty name"),
         [this](PeopleService& s) { return s.nameCluster(m_cluster[1], QStringLiteral("  ")); }},
        {QStringLiteral("nameCluster nothing unnamed"),
         [this](PeopleService& s) { return s.nameCluster(m_cluster[3], QStringLiteral("Grandma")); }},
        {QStringLiteral("nameCluster unknown cluster, new name"),
         [](PeopleService& s) { return s.nameCluster(4242, QStringLiteral("Newcomer")); }},
        {QStringLiteral("nameFaces unknown face"),
         [this](PeopleService& s) {
             return s.nameFaces({m_face[1], 4242}, QStringLiteral("Newcomer"));
         }},
        {QStringLiteral("nameFaces no faces"),
         [](PeopleService& s) { return s.nameFaces({}, QStringLiteral("Sam")); }},
        {QStringLiteral("nameFaces empty name"),
         [this](PeopleService& s) { return s.nameFaces({m_face[1]}, QString()); }},
        {QStringLiteral("confirmSuggestions nothing suggested"),
         [this](PeopleService& s) {
             return s.confirmSuggestions({m_face[1], m_face[5]});
         }},
        {QStringLiteral("rejectFaces unknown person"),
         [this](PeopleService& s) { return s.rejectFaces({m_face[1]}, 4242); }},
        {QStringLiteral("rejectFaces unknown face"),
         [this](PeopleService& s) {
             return s.rejectFaces({m_face[5], 4242}, m_grandma);
         }},
        {QStringLiteral("rejectSuggestions nothing suggested"),
         [this](PeopleService& s) {
             return s.rejectSuggestions({m_face[1], m_face[8]});
         }},
        {QStringLiteral("unassignFaces unknown face"),
         [this](PeopleService& s) {
             return s.unassignFaces({m_face[8], 4242});
         }},
        {QStringLiteral("rename unknown"),
         [](PeopleService& s) { return s.rename(QStringLiteral("Nobody"), QStringLiteral("Somebody")); }},
        {QStringLiteral("rename clash"),
         [](PeopleService& s) { return s.rename(QStringLiteral("Grandma"), QStringLiteral("sam")); }},
        {QStringLiteral("rename empty"),
         [](PeopleService& s) { return s.rename(QStringLiteral("Grandma"), QStringLiteral(" ")); }},
        {QStringLiteral("merge into themselves"),
         [](PeopleService& s) { return s.merge(QStringLiteral("Sam"), QStringLiteral("sam")); }},
        {QStringLiteral("merge unknown"),
         [](PeopleService& s) { return s.merge(QStringLiteral("Nobody"), QStringLiteral("Sam")); }},
        {QStringLiteral("merge into unknown"),
         [](PeopleService& s) { return s.merge(QStringLiteral("Sam"), QStringLiteral("Nobody")); }},
        {QStringLiteral("hide unknown"),
         [](PeopleService& s) { return s.setHidden(QStringLiteral("Nobody"), true); }},
        {QStringLiteral("cover from someone else"),
         [this](PeopleService& s) { return s.setCoverFace(QStringLiteral("Grandma"), m_face[8]); }},
        {QStringLiteral("cover only suggested"),
         [this](PeopleService& s) { return s.setCoverFace(QStringLiteral("Grandma"), m_face[7]); }},
        {QStringLiteral("ignoreCluster unknown"), [](PeopleService& s) { return s.ignoreCluster(4242); }},
        {QStringLiteral("ignoreFaces all confirmed"),
         [this](PeopleService& s) {
             return s.ignoreFaces({m_face[5], m_face[8]});
         }},
        {QStringLiteral("deletePerson unknown"),
         [](PeopleService& s) { return s.deletePerson(QStringLiteral("Nobody")); }},
    };
    return actions.value(key);
}

void TestServices::errorsLeaveCatalogUnchanged_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("message"); // part of errorString()
    const QList<QPair<const char*, const char*>> rows{
        {"nameCluster empty name", "empty"},
        {"nameCluster nothing unnamed", "no unnamed faces"},
        {"nameCluster unknown cluster, new name", "no unnamed faces"},
        {"nameFaces unknown face", "unknown face"},
        {"nameFaces no faces", "no faces"},
        {"nameFaces empty name", "empty"},
        {"confirmSuggestions nothing suggested", "suggestion"},
        {"rejectFaces unknown person", "unknown person"},
        {"rejectFaces unknown face", "unknown face"},
        {"rejectSuggestions nothing suggested", "suggestion"},
        {"unassignFaces unknown face", "unknown face"},
        {"rename unknown", "Nobody"},
        {"rename clash", "already exists"},
        {"rename empty", "empty"},
        {"merge into themselves", "themselves"},
        {"merge unknown", "Nobody"},
        {"merge into unknown", "Nobody"},
        {"hide unknown", "Nobody"},
        {"cover from someone else", "not a confirmed face"},
        {"cover only suggested", "not a confirmed face"},
        {"ignoreCluster unknown", "no unnamed faces"},
        {"ignoreFaces all confirmed", "no unnamed faces"},
        {"deletePerson unknown", "Nobody"},
    };
    for (const auto& [action, message] : rows)
        QTest::newRow(action) << QString::fromUtf8(action) << QString::fromUtf8(message);
}

void TestServices::errorsLeaveCatalogUnchanged()
{
    QFETCH(QString, action);
    QFETCH(QString, message);
    buildFamily();
    PeopleService service(m_path);
    // An earlier action that can be redone: a failed action must not clear the redo stack either.
    QVERIFY(service.setHidden(QStringLiteral("Grandma"), true));
    QVERIFY(service.undo());
    const QStringList before = dump();
    const Action run = familyFailingAction(action);
    QVERIFY(run);
    QVERIFY(!run(service));
    QVERIFY2(service.errorString().contains(message, Qt::CaseInsensitive), qPrintable(service.errorString()));
    QCOMPARE(dump(), before);
    QCOMPARE(undoLogRows(QStringLiteral("undo")), 0);
    QCOMPARE(undoLogRows(QStringLiteral("redo")), 1);
    // The connection is usable afterwards (no transaction left open).
    QVERIFY(service.redo());
    QVERIFY(service.persons().at(0).hidden);
}

void TestServices::undoRedo_data()
{
    QTest::addColumn<QString>("action");
    const QStringList keys{"nameCluster C1 Grandma",
                           "nameCluster C1 new Alice",
                           "nameCluster C1 Sam",
                           "nameFaces new Bob",
                           "nameFaces takes Sam's cover",
                           "confirmSuggestions",
                           "rejectFaces Grandma's cover",
                           "rejectSuggestions of two persons",
                           "unassignFaces",
                           "rename",
                           "rename case only",
                           "merge Sam into Grandma",
                           "merge Grandma into Sam",
                           "hide Sam",
                           "cover Grandma 6",
                           "ignoreCluster C1",
                           "ignoreFaces",
                           "deletePerson Sam"};
    for (const QString& key : keys)
        QTest::newRow(qPrintable(key)) << key;
}

void TestServices::undoRedo()
{
    QFETCH(QString, action);
    buildFamily();
    PeopleService service(m_path);
    QVERIFY(service.undoLabel().isEmpty());
    const QStringList before = dump();
    QVERIFY2(familyAction(action)(service), qPrintable(service.errorString()));
    const QStringList after = dump();
    QVERIFY(after != before);
    const QString label = service.undoLabel();
    QVERIFY(!label.isEmpty());
    QVERIFY(service.redoLabel().isEmpty());

    QVERIFY2(service.undo(), qPrintable(service.errorString()));
    QCOMPARE(dump(), before);
    QVERIFY(service.undoLabel().isEmpty());
    QCOMPARE(service.redoLabel(), label);

    QVERIFY2(service.redo(), qPrintable(service.errorString()));
    QCOMPARE(dump(), after);
    QCOMPARE(service.undoLabel(), label);
    QVERIFY(service.redoLabel().isEmpty());

    QVERIFY2(service.undo(), qPrintable(service.errorString()));
    QCOMPARE(dump(), before);
    QVERIFY2(service.redo(), qPrintable(service.errorString()));
    QCOMPARE(dump(), after);
}

void TestServices::severalUndosInARow()
{
    buildFamily();
    PeopleService service(m_path);
    QList<QStringList> states{dump()};
    const QList<Action> steps{
        [this](PeopleService& s) { return s.nameCluster(m_cluster[1], QStringLiteral("Alice")); },
        [](PeopleService& s) { return s.rename(QStringLiteral("Alice"), QStringLiteral("Alicia")); },
        [this](PeopleService& s) { return s.rejectFaces({m_face[11]}, m_sam); },
        [](PeopleService& s) { return s.merge(QStringLiteral("Sam"), QStringLiteral("Alicia")); },
        [this](PeopleService& s) {
            return s.unassignFaces({m_face[3], m_face[4]});
        },
        [](PeopleService& s) { return s.deletePerson(QStringLiteral("Grandma")); },
        [](PeopleService& s) { return s.setHidden(QStringLiteral("Alicia"), true); },
    };
    for (const Action& step : steps) {
        QVERIFY2(step(service), qPrintable(service.errorString()));
        states.append(dump());
        QVERIFY(states.last() != states.at(states.size() - 2));
    }
    for (int i = int(steps.size()) - 1; i >= 0; --i) {
        QVERIFY2(service.undo(), qPrintable(service.errorString()));
        QCOMPARE(dump(), states.at(i));
    }
    QVERIFY(!service.undo());
    QVERIFY(!service.errorString().isEmpty());
    QCOMPARE(dump(), states.first());
    for (int i = 1; i <= int(steps.size()); ++i) {
        QVERIFY2(service.redo(), qPrintable(service.errorString()));
        QCOMPARE(dump(), states.at(i));
    }
    QVERIFY(!service.redo());
    // Half-way back, then forward again.
    QVERIFY(service.undo());
    QVERIFY(service.undo());
    QCOMPARE(dump(), states.at(states.size() - 3));
    QVERIFY(service.redo());
    QCOMPARE(dump(), states.at(states.size() - 2));
}

void TestServices::newActionClearsRedo()
{
    buildFamily();
    PeopleService service(m_path);
    QVERIFY(service.nameCluster(m_cluster[1], QStringLiteral("Alice")));
    QVERIFY(service.rename(QStringLiteral("Alice"), QStringLiteral("Alicia")));
    QVERIFY(service.undo());
    QVERIFY(!service.redoLabel().isEmpty());
    const QStringList beforeNewAction = dump();
    QVERIFY(service.setHidden(QStringLiteral("Sam"), true));
    QVERIFY(service.redoLabel().isEmpty());
    QCOMPARE(undoLogRows(QStringLiteral("redo")), 0);
    QVERIFY(!service.redo());
    QVERIFY(service.undo());
    QCOMPARE(dump(), beforeNewAction);
    QCOMPARE(personLabels(), (QStringList{"Alice cover=1", "Grandma cover=5", "Sam cover=8"}));
}

void TestServices::undoSurvivesReopen()
{
    buildFamily();
    const QStringList before = dump();
    QString label;
    QStringList after;
    {
        PeopleService service(m_path);
        QVERIFY(service.merge(QStringLiteral("Sam"), QStringLiteral("Grandma")));
        label = service.undoLabel();
        after = dump();
    }
    m_catalog.reset();
    Catalog::closeThreadConnection(m_path);
    QVERIFY(!QSqlDatabase::contains(Catalog::connectionName(m_path)));

    m_catalog = std::make_unique<Catalog>();
    QVERIFY2(m_catalog->open(m_path), qPrintable(m_catalog->errorString()));
    {
        PeopleService service(m_path);
        QCOMPARE(service.undoLabel(), label);
        QVERIFY(label.contains(QStringLiteral("Sam")));
        QVERIFY2(service.undo(), qPrintable(service.errorString()));
        QCOMPARE(dump(), before);
    }
    m_catalog.reset();
    Catalog::closeThreadConnection(m_path);
    m_catalog = std::make_unique<Catalog>();
    QVERIFY2(m_catalog->open(m_path), qPrintable(m_catalog->errorString()));
    PeopleService service(m_path);
    QCOMPARE(service.redoLabel(), label);
    QVERIFY2(service.redo(), qPrintable(service.errorString()));
    QCOMPARE(dump(), after);
}

void TestServices::undoWithEmptyStacks()
{
    buildFamily();
    PeopleService service(m_path);
    const QStringList before = dump();
    QVERIFY(!service.undo());
    QVERIFY(service.errorString().contains(QStringLiteral("undo")));
    QVERIFY(!service.redo());
    QVERIFY(service.errorString().contains(QStringLiteral("redo")));
    QCOMPARE(dump(), before);
}

// The rows an undo entry recorded may have gone since (a rescan removed a photo and its faces): undo restores
// what is left, and a cover face that is gone leaves the person without a cover instead of failing.
void TestServices::undoAfterPhotoRemoved()
{
    buildFamily();
    PeopleService service(m_path);
    QVERIFY(service.merge(QStringLiteral("Sam"), QStringLiteral("Grandma")));
    QSqlQuery q(db());
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    q.prepare(QStringLiteral("DELETE FROM photos WHERE id = (SELECT photo_id FROM faces WHERE id = ?)"));
    q.addBindValue(m_face[8]); // p4: faces 4 and 8 (Sam's cover)
    QVERIFY(q.exec());
    QVERIFY2(service.undo(), qPrintable(service.errorString()));
    const QStringList faces = faceLabels();
    QCOMPARE(faces.at(2), QStringLiteral("suggested/Sam/C1"));
    QCOMPARE(faces.at(3), QStringLiteral("gone"));
    QCOMPARE(faces.at(7), QStringLiteral("gone"));
    QCOMPARE(faces.at(8), QStringLiteral("suggested/Sam/C3"));
    QCOMPARE(faces.at(10), QStringLiteral("confirmed/Sam/-"));
    QCOMPARE(faces.at(11), QStringLiteral("confirmed/Sam/C1"));
    QCOMPARE(personLabels(), (QStringList{"Grandma cover=5", "Sam cover=-"}));
    QCOMPARE(rejectionLabels(), (QStringList{"12:Grandma", "2:Sam", "9:Grandma"}));
    QVERIFY2(service.redo(), qPrintable(service.errorString()));
    QCOMPARE(personLabels(), (QStringList{"Grandma cover=5"}));
}

void TestServices::undoDepthIsBounded()
{
    buildFamily();
    PeopleService service(m_path);
    const int actions = 205;
    for (int i = 0; i < actions; ++i)
        QVERIFY(service.setHidden(QStringLiteral("Sam"), i % 2 == 0));
    QCOMPARE(undoLogRows(QStringLiteral("undo")), 200);
    int undone = 0;
    while (service.undo())
        ++undone;
    QCOMPARE(undone, 200);
    // 205 toggles, 200 undone: back to the state after the 5th action (hidden).
    QCOMPARE(personLabels(), (QStringList{"Grandma cover=5", "Sam hidden cover=8"}));
}

void TestServices::clusterSuggestionsFollowPeople()
{
    buildFamily();
    PeopleService service(m_path);
    const auto suggested = [this](int cluster) {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT suggested_person_id FROM clusters WHERE id = ?"));
        q.addBindValue(m_cluster[cluster]);
        return q.exec() && q.next() ? personName(q.value(0)) : QStringLiteral("?");
    };
    QCOMPARE(suggested(3), QStringLiteral("Sam"));
    QVERIFY(service.merge(QStringLiteral("Sam"), QStringLiteral("Grandma")));
    QCOMPARE(suggested(3), QStringLiteral("Grandma"));
    QVERIFY(service.undo());
    QCOMPARE(suggested(3), QStringLiteral("Sam"));
    QVERIFY(service.deletePerson(QStringLiteral("Grandma")));
    QCOMPARE(suggested(2), QStringLiteral("-"));
    QVERIFY(service.undo());
    QCOMPARE(suggested(2), QStringLiteral("Grandma"));
}

// Names match case-insensitively beyond ASCII (SQLite's NOCASE does not fold "É").
void TestServices::unicodeNames()
{
    buildFamily();
    PeopleService service(m_path);
    QVERIFY(service.nameFaces({m_face[1]}, QString::fromUtf8("\xc3\x89mile")));    // Émile
    QVERIFY(service.nameCluster(m_cluster[1], QString::fromUtf8("\xc3\xa9mile"))); // émile
    QCOMPARE(service.persons().size(), 3);
    QCOMPARE(faceLabels().at(1), QString::fromUtf8("confirmed/\xc3\x89mile/C1"));
    QVERIFY(service.personByName(QString::fromUtf8("\xc3\xa9MILE")).has_value());
    QVERIFY(!service.rename(QStringLiteral("Sam"), QString::fromUtf8("\xc3\xa9mile")));
    QVERIFY(service.errorString().contains(QStringLiteral("already exists")));

    SearchService search(m_path);
    PersonQuery query;
    query.allOf = {QString::fromUtf8("\xc3\xa9MILE")};
    QList<PhotoHit> hits;
    QVERIFY2(search.search(query, &hits), qPrintable(search.errorString()));
    QCOMPARE(hits.size(), 4); // faces 1 to 4 on p1 to p4
}

// The search fixture. Faces are confirmed unless marked; p5 is missing.
//   p1 /lib/a/b/1.jpg       2020-01-01T09:00:00  Ann, Ben
//   p2 /lib/a/b/2.jpg       2020-06-15T12:00:00  Ann, Ben (suggested only)
//   p3 /lib/a/bc/3.jpg      2020-06-15T08:00:00  Ann, Ben, Cat
//   p4 /lib/a/b/sub/4.jpg   undated              Ann
//   p5 /lib/a/b/5.jpg       2021-03-01T00:00:00  Ann, Ben           (missing)
//   p6 /lib/x/6.jpg         2019-12-31T23:59:59  Ben, Cat
//   p7 /lib/x/7.jpg         2021-01-01T00:00:00  Dan
//   p8 /lib/a/b-c/8.jpg     2020-02-02T00:00:00  Ann, Ann (two faces), Ben (rejected)
//   p9 /lib/x/9.jpg         2018-05-05T05:05:05  an unknown face
//   p10 /lib/a/b/10.jpg     undated              Ben, Dan (ignored)
void TestServices::buildSearchLibrary()
{
    QSqlDatabase d = db();
    QVERIFY(d.transaction());
    const qint64 ann = addPerson(QStringLiteral("Ann"));
    const qint64 ben = addPerson(QStringLiteral("Ben"));
    const qint64 cat = addPerson(QStringLiteral("Cat"));
    const qint64 dan = addPerson(QStringLiteral("Dan"));
    const QString confirmed = QStringLiteral("confirmed");
    const auto photo = [this](const char* path, const char* date, bool missing = false) {
        return addPhoto(QString::fromUtf8(path), QString::fromUtf8(date), missing);
    };
    const qint64 p1 = photo("/lib/a/b/1.jpg", "2020-01-01T09:00:00");
    const qint64 p2 = photo("/lib/a/b/2.jpg", "2020-06-15T12:00:00");
    const qint64 p3 = photo("/lib/a/bc/3.jpg", "2020-06-15T08:00:00");
    const qint64 p4 = photo("/lib/a/b/sub/4.jpg", "");
    const qint64 p5 = photo("/lib/a/b/5.jpg", "2021-03-01T00:00:00", true);
    const qint64 p6 = photo("/lib/x/6.jpg", "2019-12-31T23:59:59");
    const qint64 p7 = photo("/lib/x/7.jpg", "2021-01-01T00:00:00");
    const qint64 p8 = photo("/lib/a/b-c/8.jpg", "2020-02-02T00:00:00");
    const qint64 p9 = photo("/lib/x/9.jpg", "2018-05-05T05:05:05");
    const qint64 p10 = photo("/lib/a/b/10.jpg", "");
    addFace(p1, 0, ann, confirmed);
    addFace(p1, 0, ben, confirmed);
    addFace(p2, 0, ann, confirmed);
    addFace(p2, 0, ben, QStringLiteral("suggested"), 0.9);
    addFace(p3, 0, ann, confirmed);
    addFace(p3, 0, ben, confirmed);
    addFace(p3, 0, cat, confirmed);
    addFace(p4, 0, ann, confirmed);
    addFace(p5, 0, ann, confirmed);
    addFace(p5, 0, ben, confirmed);
    addFace(p6, 0, ben, confirmed);
    addFace(p6, 0, cat, confirmed);
    addFace(p7, 0, dan, confirmed);
    addFace(p8, 0, ann, confirmed);
    addFace(p8, 0, ann, confirmed);
    addFace(p8, 0, ben, QStringLiteral("rejected"));
    addFace(p9, 0, 0, QStringLiteral("unknown"));
    addFace(p10, 0, ben, confirmed);
    addFace(p10, 0, dan, QStringLiteral("ignored"));
    QVERIFY(d.commit());
    QVERIFY2(m_fixtureError.isEmpty(), qPrintable(m_fixtureError));
}

void TestServices::search_data()
{
    QTest::addColumn<QStringList>("allOf");
    QTest::addColumn<QStringList>("anyOf");
    QTest::addColumn<QStringList>("noneOf");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QStringList>("expected"); // file names, in result order

    const QStringList none;
    const QDate open;
    QTest::newRow("no criteria: every present photo, undated last by path")
        << none << none << none << open << open << QString()
        << QStringList{"9", "6", "1", "8", "3", "2", "7", "10", "4"};
    QTest::newRow("one person (missing photo left out)") << QStringList{"Ann"} << none << none << open << open
                                                         << QString() << QStringList{"1", "8", "3", "2", "4"};
    QTest::newRow("one person, names case-insensitive and repeated")
        << QStringList{"ann", " ANN "} << none << none << open << open << QString()
        << QStringList{"1", "8", "3", "2", "4"};
    QTest::newRow(
        "AND (suggested and rejected faces do not count, two faces of one person are not two people)")
        << QStringList{"Ann", "Ben"} << none << none << open << open << QString() << QStringList{"1", "3"};
    QTest::newRow("AND of three") << QStringList{"Ann", "Ben", "Cat"} << none << none << open << open
                                  << QString() << QStringList{"3"};
    QTest::newRow("AND + NOT") << QStringList{"Ann", "Ben"} << none << QStringList{"Cat"} << open << open
                               << QString() << QStringList{"1"};
    QTest::newRow("OR") << none << QStringList{"Cat", "Dan"} << none << open << open << QString()
                        << QStringList{"6", "3", "7"};
    QTest::newRow("OR + NOT (ignored face does not count)")
        << none << QStringList{"Ben", "Dan"} << QStringList{"Ann"} << open << open << QString()
        << QStringList{"6", "7", "10"};
    QTest::newRow("AND + OR") << QStringList{"Ann"} << QStringList{"Ben", "Cat"} << none << open << open
                              << QString() << QStringList{"1", "3"};
    QTest::newRow("NOT only") << none << none << QStringList{"Ann"} << open << open << QString()
                              << QStringList{"9", "6", "7", "10"};
    QTest::newRow("date range inclusive at both ends")
        << QStringList{"Ann"} << none << none << QDate(2020, 1, 1) << QDate(2020, 6, 15) << QString()
        << QStringList{"1", "8", "3", "2"};
    QTest::newRow("date range of one day") << QStringList{"Ann"} << none << none << QDate(2020, 6, 15)
                                           << QDate(2020, 6, 15) << QString() << QStringList{"3", "2"};
    QTest::newRow("from only (undated left out)")
        << QStringList{"Ann"} << none << none << QDate(2020, 6, 16) << open << QString() << QStringList{};
    QTest::newRow("to only, last second of the day")
        << none << QStringList{"Ben"} << none << open << QDate(2019, 12, 31) << QString() << QStringList{"6"};
    QTest::newRow("folder (not the siblings /lib/a/bc and /lib/a/b-c)")
        << QStringList{"Ann"} << none << none << open << open << QStringLiteral("/lib/a/b")
        << QStringList{"1", "2", "4"};
    QTest::newRow("folder with trailing slash") << QStringList{"Ann"} << none << none << open << open
                                                << QStringLiteral("/lib/a/b/") << QStringList{"1", "2", "4"};
    QTest::newRow("sibling folder") << QStringList{"Ann"} << none << none << open << open
                                    << QStringLiteral("/lib/a/bc") << QStringList{"3"};
    QTest::newRow("folder without people")
        << none << none << none << open << open << QStringLiteral("/lib/x") << QStringList{"9", "6", "7"};
    QTest::newRow("folder that is a file name prefix")
        << none << none << none << open << open << QStringLiteral("/lib/x/6") << QStringList{};
    QTest::newRow("AND + date + folder")
        << QStringList{"Ann", "Ben"} << none << none << QDate(2020, 1, 1) << QDate(2020, 12, 31)
        << QStringLiteral("/lib/a") << QStringList{"1", "3"};
    QTest::newRow("nobody matches") << QStringList{"Cat", "Dan"} << none << none << open << open << QString()
                                    << QStringList{};
}

void TestServices::search()
{
    QFETCH(QStringList, allOf);
    QFETCH(QStringList, anyOf);
    QFETCH(QStringList, noneOf);
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, folder);
    QFETCH(QStringList, expected);
    buildSearchLibrary();

    SearchService search(m_path);
    PersonQuery query;
    query.allOf = allOf;
    query.anyOf = anyOf;
    query.noneOf = noneOf;
    query.from = from;
    query.to = to;
    query.folder = folder;
    QList<PhotoHit> hits{PhotoHit{}}; // cleared by search()
    QVERIFY2(search.search(query, &hits), qPrintable(search.errorString()));
    QStringList names;
    for (const PhotoHit& hit : hits) {
        names.append(QFileInfo(hit.path).completeBaseName());
        QCOMPARE(hit.id, m_photo.value(hit.path));
        QCOMPARE(hit.capturedAt.isEmpty(),
                 hit.path.endsWith(QStringLiteral("/4.jpg")) || hit.path.endsWith(QStringLiteral("/10.jpg")));
    }
    QCOMPARE(names, expected);
}

void TestServices::searchUnknownPerson_data()
{
    QTest::addColumn<QStringList>("allOf");
    QTest::addColumn<QStringList>("anyOf");
    QTest::addColumn<QStringList>("noneOf");
    QTest::newRow("allOf") << QStringList{"Ann", "Zed"} << QStringList{} << QStringList{};
    QTest::newRow("anyOf") << QStringList{} << QStringList{"Zed", "Ben"} << QStringList{};
    QTest::newRow("noneOf") << QStringList{"Ann"} << QStringList{} << QStringList{"Zed"};
    QTest::newRow("empty name") << QStringList{"Ann", " "} << QStringList{} << QStringList{};
}

void TestServices::searchUnknownPerson()
{
    QFETCH(QStringList, allOf);
    QFETCH(QStringList, anyOf);
    QFETCH(QStringList, noneOf);
    buildSearchLibrary();
    SearchService search(m_path);
    PersonQuery query;
    query.allOf = allOf;
    query.anyOf = anyOf;
    query.noneOf = noneOf;
    QList<PhotoHit> hits{PhotoHit{}};
    QVERIFY(!search.search(query, &hits));
    QVERIFY(hits.isEmpty());
    QVERIFY2(search.errorString().contains(QStringLiteral("no person named")),
             qPrintable(search.errorString()));
}

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
