// The face check after detection in a real library: what MTCNN took for a face (an ear, a neck with an
// earring, a fist) is kept in the catalog as "not a face", never grouped or suggested, listed in one place,
// and the family can correct it both ways (undoably); a re-detection and a library from before the check keep
// to the same verdicts; faces drawn by hand are never filtered. Real dev-set photos (labelled in
// bench/facecheck/labels.tsv), real models, a real SQLite catalog, and kindred-cli's not-faces command.
#include "catalog.h"
#include "clirun.h"
#include "detection/facecheck.h"
#include "faceindexer.h"
#include "faceindexjob.h"
#include "faceservice.h"
#include "filenameimporter.h"
#include "librarypaths.h"
#include "peopleservice.h"
#include "scanner.h"
#include "sqlutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRectF>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace kindred;

namespace {

const QString kShared = QStringLiteral(KINDRED_SHARED_DIR);
const QString kModels = QStringLiteral(KINDRED_MODELS_DIR);

struct Labelled {
    QString source; // under shared/photos/devset
    QRectF notFace; // the detection that is not a face, in photo pixels
};

const QList<Labelled>& labelled()
{
    static const QList<Labelled> list = {
        {QStringLiteral("cfp_loose/images/378_Paul_Ryan/frontal_04.jpg"),
         QRectF(QPointF(-25.5, 42.9), QPointF(26.7, 106.0))},
        {QStringLiteral("cfp_loose/images/426_Saif_Ali_Khan/profile_04.jpg"),
         QRectF(QPointF(201.4, -36.4), QPointF(316.1, 114.7))},
        {QStringLiteral("cfp_loose/images/302_Madhuri_Dixit/profile_02.jpg"),
         QRectF(QPointF(-20.6, 141.2), QPointF(65.7, 258.8))},
        {QStringLiteral("wider_groups/images/13--Interview/13_Interview_Interview_Sequences_13_268.jpg"),
         QRectF(QPointF(95.0, 349.0), QPointF(169.3, 438.0))},
    };
    return list;
}

double iou(const QRectF& a, const QRectF& b)
{
    const QRectF i = a.intersected(b);
    const double inter = i.isEmpty() ? 0 : i.width() * i.height();
    return inter / (a.width() * a.height() + b.width() * b.height() - inter);
}

} // namespace

class TestNotFaces : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    LibraryPaths m_paths;
    QString m_catalog;
    QString m_photos;

    QVariant scalar(const QString& sql, const QVariantList& binds = {})
    {
        QSqlDatabase db = Catalog::connectionForThread(m_catalog);
        return SqlUtil::scalar(db, sql, binds);
    }

    // The bar of the face check recorded for the library (settings faces.check_bar), invalid when none.
    QVariant checkBar()
    {
        return scalar(QStringLiteral("SELECT value FROM settings WHERE key = 'faces.check_bar'"));
    }

    FaceIndexSummary index(const FaceIndexer::Progress& progress = {},
                           const std::atomic_bool* cancel = nullptr)
    {
        FaceIndexOptions options;
        options.modelsDir = kModels;
        options.threads = 2;
        FaceIndexer indexer(m_catalog, m_paths, options);
        QString error;
        if (!indexer.prepare(&error))
            qFatal("models: %s", qPrintable(error));
        return indexer.run(progress, cancel);
    }

    // The face of the copied photo whose box matches `box` best (IoU > 0.7), or 0.
    qint64 faceAt(const QString& fileName, const QRectF& box)
    {
        QSqlDatabase db = Catalog::connectionForThread(m_catalog);
        QSqlQuery q(db);
        SqlUtil::exec(
            q,
            QStringLiteral("SELECT f.id, f.x1, f.y1, f.x2, f.y2 FROM faces f JOIN photos p ON p.id = "
                           "f.photo_id WHERE p.path LIKE ?"),
            {QStringLiteral("%/") + fileName});
        qint64 best = 0;
        double bestIou = 0.7;
        while (q.next()) {
            const QRectF r(QPointF(q.value(1).toDouble(), q.value(2).toDouble()),
                           QPointF(q.value(3).toDouble(), q.value(4).toDouble()));
            if (iou(r, box) > bestIou) {
                bestIou = iou(r, box);
                best = q.value(0).toLongLong();
            }
        }
        return best;
    }

    QList<qint64> labelledIds()
    {
        QList<qint64> ids;
        for (const Labelled& l : labelled())
            ids.append(faceAt(QFileInfo(l.source).fileName(), l.notFace));
        return ids;
    }

    QList<qint64> ids(const QList<FaceRecord>& faces)
    {
        QList<qint64> out;
        for (const FaceRecord& f : faces)
            out.append(f.id);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_photos = m_dir.filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(m_photos));
        for (const Labelled& l : labelled()) {
            const QString from = kShared + QStringLiteral("/photos/devset/") + l.source;
            if (!QFile::exists(from))
                QSKIP("the dev set is not in ../shared/photos/devset");
            QVERIFY(QFile::copy(from, m_photos + QLatin1Char('/') + QFileInfo(l.source).fileName()));
        }
        m_paths = LibraryPaths(m_dir.filePath(QStringLiteral("library")));
        QString why;
        QVERIFY2(m_paths.ensureExists(&why), qPrintable(why));
        m_catalog = m_paths.catalogFile();
        Catalog catalog;
        QVERIFY(catalog.open(m_catalog));
        QVERIFY(Scanner(m_catalog).scan({m_photos}).error.isEmpty());
    }

    // Each photo: its face shown, the labelled non-face hidden by the check (with its confidence kept), and
    // the hidden ones listed in one place, never among the unknown faces, groups or suggestions.
    void checkHidesNonFaces()
    {
        // The bar is recorded before the first photo is done (see below).
        bool reported = false;
        QVariant barAtFirstPhoto;
        const FaceIndexSummary s = index([&](const FaceIndexProgress& p) {
            if (reported || p.currentPath.isEmpty())
                return;
            reported = true;
            barAtFirstPhoto = checkBar();
        });
        QVERIFY(reported);
        QVERIFY(barAtFirstPhoto.isValid());
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.facesFound, 4); // the faces shown; the hidden detections are counted apart
        QCOMPARE(s.notFaces, 4);
        // A new library: nothing was hidden under a former bar, and the bar it is checked under is recorded
        // before anything is stored (a second box this run hides is never "shown again").
        QCOMPARE(s.shownAgain, 0);
        QCOMPARE(checkBar().toDouble(), FaceCheck::kMinConfidence);
        FaceJobOutcome outcome;
        outcome.photosDone = s.photosDone;
        outcome.facesFound = s.facesFound;
        outcome.notFaces = s.notFaces;
        QVERIFY2(
            FaceIndexJob::summaryText(outcome).contains(QStringLiteral("(4 more kept out as not faces)")),
            qPrintable(FaceIndexJob::summaryText(outcome)));
        const QList<qint64> hidden = labelledIds();
        for (qint64 id : hidden) {
            QVERIFY(id > 0);
            QCOMPARE(scalar(QStringLiteral("SELECT not_face FROM faces WHERE id = ?"), {id}).toInt(), 1);
            QCOMPARE(scalar(QStringLiteral("SELECT state FROM faces WHERE id = ?"), {id}).toString(),
                     QStringLiteral("ignored"));
            QVERIFY(scalar(QStringLiteral("SELECT face_check FROM faces WHERE id = ?"), {id}).toDouble() <
                    FaceCheck::kMinConfidence);
        }
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM faces WHERE not_face = 0 AND state = 'unknown' "
                                       "AND face_check >= ?"),
                        {FaceCheck::kMinConfidence})
                     .toInt(),
                 4);
        FaceService faces(m_catalog, m_paths);
        QList<qint64> listed = ids(faces.notFaces());
        std::sort(listed.begin(), listed.end());
        QList<qint64> expected = hidden;
        std::sort(expected.begin(), expected.end());
        QCOMPARE(listed, expected);
        FaceRefreshSummary refresh;
        QVERIFY(faces.refresh(faces.libraryOptions(), &refresh));
        QCOMPARE(refresh.unknownFaces, 4);
        for (const FaceRecord& f : faces.unclusteredFaces())
            QVERIFY(!hidden.contains(f.id));
        for (const ClusterRecord& c : faces.clusters())
            for (const FaceRecord& f : c.faces)
                QVERIFY(!hidden.contains(f.id));
    }

    // "It is a face" brings a hidden detection back for good; "Not a face" hides one the check let through;
    // both undo; the family's own verdicts are listed first.
    void familyCorrectsBothWays()
    {
        const QList<qint64> hidden = labelledIds();
        PeopleService people(m_catalog);
        QVERIFY2(people.restoreFaces({hidden[0]}), qPrintable(people.errorString()));
        QCOMPARE(scalar(QStringLiteral("SELECT not_face || state FROM faces WHERE id = ?"), {hidden[0]})
                     .toString(),
                 QStringLiteral("-1unknown"));
        QVERIFY(!people.restoreFaces({hidden[0]})); // no longer hidden
        const qint64 real =
            scalar(QStringLiteral("SELECT id FROM faces WHERE not_face = 0 ORDER BY id LIMIT 1"))
                .toLongLong();
        QVERIFY2(people.markNotFaces({real}), qPrintable(people.errorString()));
        QCOMPARE(
            scalar(QStringLiteral("SELECT not_face || state FROM faces WHERE id = ?"), {real}).toString(),
            QStringLiteral("2ignored"));
        const QList<FaceRecord> listed = FaceService(m_catalog, m_paths).notFaces();
        QCOMPARE(listed.size(), 4);
        QCOMPARE(listed.first().id, real); // the family's first
        QCOMPARE(listed.first().notFace, 2);
        QVERIFY(people.undo());
        QCOMPARE(
            scalar(QStringLiteral("SELECT not_face || state FROM faces WHERE id = ?"), {real}).toString(),
            QStringLiteral("0unknown"));
        QVERIFY(people.redo());
        QCOMPARE(scalar(QStringLiteral("SELECT not_face FROM faces WHERE id = ?"), {real}).toInt(), 2);
        // A named face is a face: marking it is refused until it is taken out of its person.
        const qint64 other =
            scalar(QStringLiteral("SELECT id FROM faces WHERE not_face = 0 AND state = 'unknown' ORDER BY id "
                                  "LIMIT 1"))
                .toLongLong();
        QVERIFY(people.nameFaces({other}, QStringLiteral("Someone")));
        QVERIFY(!people.markNotFaces({other}));
        // Naming a hidden detection (from the photo viewer) makes it a face for good.
        const qint64 hiddenOne = hidden[1];
        QVERIFY(people.nameFaces({hiddenOne}, QStringLiteral("Someone")));
        QCOMPARE(scalar(QStringLiteral("SELECT not_face || state FROM faces WHERE id = ?"), {hiddenOne})
                     .toString(),
                 QStringLiteral("-1confirmed"));
        QCOMPARE(FaceService(m_catalog, m_paths).notFaces().size(), 3); // hidden[2], hidden[3], real
        QVERIFY(people.undo());
        QCOMPARE(scalar(QStringLiteral("SELECT not_face || state FROM faces WHERE id = ?"), {hiddenOne})
                     .toString(),
                 QStringLiteral("1ignored"));
    }

    // The photos are looked at again (a new detector, an edit): the hidden detections are not found a second
    // time, the one the family restored stays a face, the one they marked stays hidden, the name stays.
    void redetectionKeepsVerdicts()
    {
        const int faces = scalar(QStringLiteral("SELECT count(*) FROM faces")).toInt();
        const QString before =
            scalar(
                QStringLiteral("SELECT group_concat(id || ':' || not_face || state, ',') FROM (SELECT * FROM "
                               "faces WHERE not_face <> 0 OR state = 'confirmed' ORDER BY id)"))
                .toString();
        QSqlDatabase db = Catalog::connectionForThread(m_catalog);
        QVERIFY(SqlUtil::exec(db, QStringLiteral("DELETE FROM face_scans")));
        const FaceIndexSummary s = index();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.photosTotal, 4);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM faces")).toInt(), faces);
        const QString after =
            scalar(
                QStringLiteral("SELECT group_concat(id || ':' || not_face || state, ',') FROM (SELECT * FROM "
                               "faces WHERE not_face <> 0 OR state = 'confirmed' ORDER BY id)"))
                .toString();
        QCOMPARE(after, before);
    }

    // A library catalogued before the check: its faces are checked by the next face job (the photos are
    // decoded again, nothing else redone) and the same ones are hidden; names are never touched.
    void libraryFromBeforeTheCheck()
    {
        QSqlDatabase db = Catalog::connectionForThread(m_catalog);
        QVERIFY(SqlUtil::exec(db, QStringLiteral("UPDATE faces SET not_face = 0, face_check = NULL, state = "
                                                 "'unknown' WHERE state <> 'confirmed'")));
        FaceIndexOptions options;
        options.modelsDir = kModels;
        FaceIndexer indexer(m_catalog, m_paths, options);
        QCOMPARE(indexer.pendingPhotos(), 4);
        const FaceIndexSummary s = index();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.facesFound, 0);
        QCOMPARE(s.notFaces, 4);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM faces WHERE face_check IS NULL")).toInt(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM faces WHERE state = 'confirmed'")).toInt(), 1);
        for (qint64 id : labelledIds())
            QCOMPARE(scalar(QStringLiteral("SELECT not_face FROM faces WHERE id = ?"), {id}).toInt(), 1);
        QCOMPARE(indexer.pendingPhotos(), 0);
    }

    // What the face job says at its end (no translator: "face(s)"): a run that only showed hidden detections
    // again leads with them, not with "0 photos looked at, 0 faces found", and still says what it hid.
    void summaryText_data()
    {
        QTest::addColumn<bool>("cancelled");
        QTest::addColumn<int>("photosDone");
        QTest::addColumn<int>("facesFound");
        QTest::addColumn<int>("notFaces");
        QTest::addColumn<int>("shownAgain");
        QTest::addColumn<QString>("said");
        QTest::newRow("photos") << false << 2 << 3 << 1 << 0
                                << "2 photo(s) looked at, 3 face(s) found (1 more kept out as not faces)";
        QTest::newRow("nothing") << false << 0 << 0 << 0 << 0 << "0 photo(s) looked at, 0 face(s) found";
        QTest::newRow("shown again") << false << 0 << 0 << 0 << 2
                                     << "2 face(s) the face check had hidden are back under Maybe not faces";
        QTest::newRow("shown again, second boxes hidden")
            << false << 0 << 0 << 1 << 2
            << "2 face(s) the face check had hidden are back under Maybe not faces, 1 kept out as not faces";
        QTest::newRow("photos and shown again") << false << 2 << 0 << 1 << 1
                                                << "2 photo(s) looked at, 0 face(s) found (1 more kept out "
                                                   "as not faces), 1 face(s) the face check "
                                                   "had hidden are back under Maybe not faces";
        QTest::newRow("second boxes only") << false << 0 << 0 << 1 << 0 << "1 kept out as not faces";
        QTest::newRow("stopped") << true << 0 << 0 << 0 << 1
                                 << "Stopped after 0 photo(s), 0 face(s) found, 1 face(s) the face check had "
                                    "hidden are back under Maybe not faces";
    }

    void summaryText()
    {
        QFETCH(bool, cancelled);
        QFETCH(int, photosDone);
        QFETCH(int, facesFound);
        QFETCH(int, notFaces);
        QFETCH(int, shownAgain);
        QFETCH(QString, said);
        FaceJobOutcome outcome;
        outcome.cancelled = cancelled;
        outcome.photosDone = photosDone;
        outcome.facesFound = facesFound;
        outcome.notFaces = notFaces;
        outcome.shownAgain = shownAgain;
        QCOMPARE(FaceIndexJob::summaryText(outcome), said);
    }

    // A library whose detections were hidden under the former bar (1.5, before "Maybe not faces"): the next
    // face job shows those between the bars again, once; the family's own verdicts and the surer non-faces
    // stay.
    void formerBarShownAgain()
    {
        const QList<qint64> hidden = labelledIds();
        QVERIFY(hidden.size() >= 3);
        QSqlDatabase db = Catalog::connectionForThread(m_catalog);
        QHash<qint64, QVariant> check;
        for (qint64 id : hidden)
            check.insert(id, scalar(QStringLiteral("SELECT face_check FROM faces WHERE id = ?"), {id}));
        const double between = (FaceCheck::kMinConfidence + 1.5) / 2;
        QVERIFY(SqlUtil::exec(db, QStringLiteral("UPDATE faces SET face_check = ? WHERE id = ?"),
                              {between, hidden[0]}));
        QVERIFY(SqlUtil::exec(db,
                              QStringLiteral("UPDATE faces SET face_check = ?, not_face = 2 WHERE id = ?"),
                              {between, hidden[1]}));
        QVERIFY(check.value(hidden[2]).toDouble() < FaceCheck::kMinConfidence);
        QVERIFY(SqlUtil::exec(db, QStringLiteral("DELETE FROM settings WHERE key = 'faces.check_bar'")));
        FaceIndexOptions options;
        options.modelsDir = kModels;
        FaceIndexer indexer(m_catalog, m_paths, options);
        QCOMPARE(indexer.pendingPhotos(), 1);
        const FaceIndexSummary s = index();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.shownAgain, 1); // said in the job's summary
        FaceJobOutcome outcome;
        outcome.photosDone = s.photosDone;
        outcome.shownAgain = s.shownAgain;
        // No translator: "face(s)".
        QVERIFY2(FaceIndexJob::summaryText(outcome).startsWith(
                     QStringLiteral("1 face(s) the face check had hidden are back under Maybe not faces")),
                 qPrintable(FaceIndexJob::summaryText(outcome)));
        QCOMPARE(index().shownAgain, 0); // once
        QCOMPARE(scalar(QStringLiteral("SELECT not_face || state FROM faces WHERE id = ?"), {hidden[0]})
                     .toString(),
                 QStringLiteral("0unknown"));
        QCOMPARE(scalar(QStringLiteral("SELECT not_face FROM faces WHERE id = ?"), {hidden[1]}).toInt(), 2);
        QCOMPARE(scalar(QStringLiteral("SELECT not_face FROM faces WHERE id = ?"), {hidden[2]}).toInt(), 1);
        QCOMPARE(checkBar().toDouble(), FaceCheck::kMinConfidence);
        QCOMPARE(indexer.pendingPhotos(), 0);
        // Shown apart, not among the faces on their own.
        FaceService faces(m_catalog, m_paths);
        QVERIFY(ids(faces.unsureFaces()).contains(hidden[0]));
        QVERIFY(!ids(faces.unclusteredFaces()).contains(hidden[0]));
        // As the check left them, for the tests after this one.
        for (int i = 0; i < 2; ++i)
            QVERIFY(SqlUtil::exec(
                db,
                QStringLiteral("UPDATE faces SET face_check = ?, not_face = 1, state = 'ignored' "
                               "WHERE id = ?"),
                {check.value(hidden[i]), hidden[i]}));
    }

    // A face job stopped right after it showed detections again under the lower bar: the look at the whole
    // library for second boxes among them is owed (the app starts a face job for it when it opens the
    // library) until a run does it.
    void secondBoxLookOwedAfterStop()
    {
        const QList<qint64> hidden = labelledIds();
        QVERIFY(!hidden.isEmpty());
        QSqlDatabase db = Catalog::connectionForThread(m_catalog);
        QSqlQuery before(db);
        QVERIFY(SqlUtil::exec(before,
                              QStringLiteral("SELECT face_check, not_face, state FROM faces WHERE id = ?"),
                              {hidden[0]}));
        QVERIFY(before.next());
        const QVariantList was = {before.value(0), before.value(1), before.value(2), hidden[0]};
        before.finish();
        QVERIFY(!FaceIndexer::secondBoxLookOwed(m_catalog));
        // Hidden by the check under the former bar (1.5), the library still at that bar.
        QVERIFY(
            SqlUtil::exec(db,
                          QStringLiteral("UPDATE faces SET face_check = ?, not_face = 1, state = 'ignored' "
                                         "WHERE id = ?"),
                          {(FaceCheck::kMinConfidence + 1.5) / 2, hidden[0]}));
        QVERIFY(SqlUtil::exec(db, QStringLiteral("DELETE FROM settings WHERE key = 'faces.check_bar'")));
        // A photo left to detect (as if edited), so that the stop lands among the photos; its record is put
        // back after the stop (detected again, the photo's unnamed faces would be replaced).
        QVERIFY(SqlUtil::exec(db,
                              QStringLiteral("CREATE TEMP TABLE saved_scan AS SELECT * FROM face_scans WHERE "
                                             "photo_id = (SELECT photo_id FROM faces WHERE id = ?)"),
                              {hidden[0]}));
        QVERIFY(SqlUtil::exec(db,
                              QStringLiteral("DELETE FROM face_scans WHERE photo_id = (SELECT photo_id FROM "
                                             "faces WHERE id = ?)"),
                              {hidden[0]}));
        const std::atomic_bool stop{true};
        FaceIndexSummary s = index({}, &stop);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(s.cancelled);
        QCOMPARE(s.photosDone, 0);
        QCOMPARE(s.shownAgain, 1);
        QVERIFY(!FaceIndexer::hiddenUnderFormerBar(m_catalog));
        QVERIFY(FaceIndexer::secondBoxLookOwed(m_catalog));
        QVERIFY(SqlUtil::exec(db, QStringLiteral("INSERT INTO face_scans SELECT * FROM saved_scan")));
        QVERIFY(SqlUtil::exec(db, QStringLiteral("DROP TABLE saved_scan")));
        // The next run has no photo to do: it does the look it owes, and nothing else.
        s = index();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.photosTotal, 0);
        QCOMPARE(s.shownAgain, 0);
        QVERIFY(!FaceIndexer::secondBoxLookOwed(m_catalog));
        // As it was, for the tests after this one.
        QSqlQuery restore(db);
        QVERIFY(SqlUtil::exec(
            restore, QStringLiteral("UPDATE faces SET face_check = ?, not_face = ?, state = ? WHERE id = ?"),
            was));
        QCOMPARE(restore.numRowsAffected(), 1);
    }

    // A face drawn by hand is the family's word: never checked, never hidden, even on an ear.
    void drawnFacesAreNeverFiltered()
    {
        const Labelled& ear = labelled().first();
        const qint64 photo = scalar(QStringLiteral("SELECT id FROM photos WHERE path LIKE ?"),
                                    {QStringLiteral("%/") + QFileInfo(ear.source).fileName()})
                                 .toLongLong();
        FaceIndexOptions options;
        options.modelsDir = kModels;
        FaceIndexer indexer(m_catalog, m_paths, options);
        QString error;
        QVERIFY(indexer.prepare(&error));
        const qint64 id = indexer.addManualFace(photo, QRectF(0, 45, 26, 60), &error);
        QVERIFY2(id > 0, qPrintable(error));
        QCOMPARE(scalar(QStringLiteral("SELECT not_face FROM faces WHERE id = ?"), {id}).toInt(), 0);
        QVERIFY(scalar(QStringLiteral("SELECT face_check FROM faces WHERE id = ?"), {id}).isNull());
        QCOMPARE(indexer.pendingPhotos(), 0);
    }

    // Two boxes on one face (MTCNN's second box on the ear side of a profile): the one the check is less sure
    // of is kept as "not a face", listed with its reason and restorable; the face itself is shown. A library
    // from before the check gets the same verdict.
    void secondBoxOnAFace()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString photos = dir.filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(photos));
        const QStringList sources = {QStringLiteral("cfp_loose/images/319_Mark_Teixeira/profile_02.jpg"),
                                     QStringLiteral("cfp_loose/images/384_Petra_Kvitova/profile_02.jpg")};
        for (const QString& source : sources)
            QVERIFY(QFile::copy(kShared + QStringLiteral("/photos/devset/") + source,
                                photos + QLatin1Char('/') + source.section(QLatin1Char('/'), 2, 2) +
                                    QStringLiteral(".jpg")));
        const LibraryPaths paths(dir.filePath(QStringLiteral("library")));
        QString why;
        QVERIFY2(paths.ensureExists(&why), qPrintable(why));
        {
            Catalog catalog;
            QVERIFY(catalog.open(paths.catalogFile()));
        }
        QVERIFY(Scanner(paths.catalogFile()).scan({photos}).error.isEmpty());
        const auto run = [&] {
            FaceIndexOptions options;
            options.modelsDir = kModels;
            options.threads = 2;
            FaceIndexer indexer(paths.catalogFile(), paths, options);
            QString error;
            if (!indexer.prepare(&error))
                qFatal("models: %s", qPrintable(error));
            return indexer.run({});
        };
        FaceIndexSummary s = run();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.facesFound, 2);
        QCOMPARE(s.notFaces, 2);
        QSqlDatabase db = Catalog::connectionForThread(paths.catalogFile());
        const auto hiddenSecondBoxes = [&] {
            return SqlUtil::scalar(db,
                                   QStringLiteral("SELECT count(*) FROM faces WHERE not_face = 1 AND "
                                                  "face_check >= ?"),
                                   {FaceCheck::kMinConfidence})
                .toInt();
        };
        QCOMPARE(hiddenSecondBoxes(), 2);
        // The shown face of each photo is the one the check is surer of.
        QCOMPARE(
            SqlUtil::scalar(db, QStringLiteral("SELECT count(*) FROM faces h JOIN faces s ON s.photo_id = "
                                               "h.photo_id AND s.id <> h.id WHERE h.not_face = 1 AND "
                                               "s.not_face = 0 AND s.face_check > h.face_check"))
                .toInt(),
            2);
        const QList<FaceRecord> listed = FaceService(paths.catalogFile(), paths).notFaces();
        QCOMPARE(listed.size(), 2);
        for (const FaceRecord& f : listed)
            QVERIFY(f.secondBox);
        test::CliResult r = test::runCli({QStringLiteral("--library"), paths.root(),
                                          QStringLiteral("not-faces"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        for (const QJsonValue& v : r.json().object().value(QStringLiteral("not_faces")).toArray())
            QCOMPARE(v.toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("second box"));
        // The family says it is a face: shown for good.
        PeopleService people(paths.catalogFile());
        QVERIFY(people.restoreFaces({listed.first().id}));
        QCOMPARE(FaceService(paths.catalogFile(), paths).notFaces().size(), 1);
        // A library from before the check: the same box is hidden again, the restored one untouched.
        QVERIFY(SqlUtil::exec(db, QStringLiteral("UPDATE faces SET not_face = 0, face_check = NULL, state = "
                                                 "'unknown' WHERE not_face >= 0")));
        s = run();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.notFaces, 1);
        QCOMPARE(hiddenSecondBoxes(), 1);
        QCOMPARE(SqlUtil::scalar(db, QStringLiteral("SELECT not_face FROM faces WHERE id = ?"),
                                 {listed.first().id})
                     .toInt(),
                 -1);
        // A library whose faces were checked before second boxes were looked for: looked at once, whole.
        QVERIFY(SqlUtil::exec(db, QStringLiteral("UPDATE faces SET not_face = 0, state = 'unknown' WHERE "
                                                 "not_face = 1")));
        QVERIFY(SqlUtil::exec(db, QStringLiteral("DELETE FROM settings WHERE key = "
                                                 "'faces.second_boxes_checked'")));
        s = run();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.notFaces, 1);
        QCOMPARE(s.facesFound, 0);
        QCOMPARE(hiddenSecondBoxes(), 1);
        // The family named the restored second box; the photo is detected again (an edit): its other box is
        // now the second box on the named face, whatever its confidence, and the name stays.
        QVERIFY(people.nameFaces({listed.first().id}, QStringLiteral("Petra Kvitova")));
        const qint64 photo = SqlUtil::scalar(db, QStringLiteral("SELECT photo_id FROM faces WHERE id = ?"),
                                             {listed.first().id})
                                 .toLongLong();
        QVERIFY(SqlUtil::exec(db, QStringLiteral("DELETE FROM face_scans WHERE photo_id = ?"), {photo}));
        s = run();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.facesFound, 0);
        QCOMPARE(s.notFaces, 1);
        QCOMPARE(SqlUtil::scalar(db,
                                 QStringLiteral("SELECT count(*) FROM faces WHERE photo_id = ? AND not_face "
                                                "<= 0 AND state <> 'ignored'"),
                                 {photo})
                     .toInt(),
                 1);
        QCOMPARE(
            SqlUtil::scalar(db, QStringLiteral("SELECT state FROM faces WHERE id = ?"), {listed.first().id})
                .toString(),
            QStringLiteral("confirmed"));
        // The surer box of the photo, hidden beside the named one.
        const auto surerBoxHidden = [&] {
            return SqlUtil::scalar(
                       db,
                       QStringLiteral("SELECT count(*) FROM faces WHERE photo_id = ? AND not_face = "
                                      "1 AND face_check > 10"),
                       {photo})
                       .toInt() == 1;
        };
        QVERIFY(surerBoxHidden());
        // The same photo in a library checked before second boxes were looked for: the named box was restored
        // from "not a face" (not_face -1) and is the only one of its photo shown as 0; the whole-library pass
        // still looks at it.
        QVERIFY(SqlUtil::exec(
            db,
            QStringLiteral("UPDATE faces SET not_face = 0, state = 'unknown' WHERE photo_id = ? "
                           "AND not_face = 1"),
            {photo}));
        QVERIFY(SqlUtil::exec(db, QStringLiteral("DELETE FROM settings WHERE key = "
                                                 "'faces.second_boxes_checked'")));
        s = run();
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.notFaces, 1);
        QVERIFY(surerBoxHidden());
        // A name from another program (an XMP region around the whole head) goes to the face shown, not to
        // the second box that covers more of the head.
        const qint64 mark = SqlUtil::scalar(db, QStringLiteral("SELECT id FROM photos WHERE path LIKE "
                                                               "'%319_Mark_Teixeira.jpg'"))
                                .toLongLong();
        QVERIFY(mark > 0);
        QCOMPARE(
            SqlUtil::scalar(db,
                            QStringLiteral("SELECT count(*) FROM faces WHERE photo_id = ? AND not_face = 1 "
                                           "AND face_check >= ?"),
                            {mark, FaceCheck::kMinConfidence})
                .toInt(),
            1);
        QVERIFY(
            SqlUtil::exec(db,
                          QStringLiteral("INSERT INTO xmp_regions (photo_id, x, y, w, h, name, type, scheme) "
                                         "VALUES (?, 0, 0, 1, 1, 'Mark Teixeira', 'Face', 'mwg')"),
                          {mark}));
        QString error;
        QCOMPARE(FileNameImporter::apply(db, mark, &error), 1);
        QCOMPARE(SqlUtil::scalar(db,
                                 QStringLiteral("SELECT group_concat(not_face || state, ',') FROM (SELECT * "
                                                "FROM faces WHERE photo_id = ? ORDER BY not_face)"),
                                 {mark})
                     .toString(),
                 QStringLiteral("0confirmed,1ignored"));
    }

    // kindred-cli not-faces: --mark, the list (with who hid each), --restore, a usage error.
    void cli()
    {
        const QString library = m_paths.root();
        const qint64 real =
            scalar(QStringLiteral("SELECT id FROM faces WHERE not_face = 0 AND state = 'unknown' ORDER BY id "
                                  "LIMIT 1"))
                .toLongLong();
        test::CliResult r = test::runCli({QStringLiteral("--library"), library, QStringLiteral("not-faces"),
                                          QStringLiteral("--mark"), QString::number(real)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(scalar(QStringLiteral("SELECT not_face FROM faces WHERE id = ?"), {real}).toInt(), 2);
        r = test::runCli(
            {QStringLiteral("--library"), library, QStringLiteral("not-faces"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = r.json().object().value(QStringLiteral("not_faces")).toArray();
        QCOMPARE(list.size(), 5);
        QCOMPARE(list.first().toObject().value(QStringLiteral("id")).toInteger(), real);
        QCOMPARE(list.first().toObject().value(QStringLiteral("hidden_by")).toString(),
                 QStringLiteral("you"));
        QCOMPARE(list.last().toObject().value(QStringLiteral("hidden_by")).toString(),
                 QStringLiteral("face check"));
        QVERIFY(list.last().toObject().value(QStringLiteral("face_check")).toDouble() <
                FaceCheck::kMinConfidence);
        r = test::runCli({QStringLiteral("--library"), library, QStringLiteral("not-faces"),
                          QStringLiteral("--restore"), QString::number(real)});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(
            scalar(QStringLiteral("SELECT not_face || state FROM faces WHERE id = ?"), {real}).toString(),
            QStringLiteral("-1unknown"));
        r = test::runCli({QStringLiteral("--library"), library, QStringLiteral("not-faces"),
                          QStringLiteral("--mark"), QStringLiteral("x")});
        QVERIFY(r.exitCode != 0);
        r = test::runCli({QStringLiteral("--library"), library, QStringLiteral("not-faces")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("4 hidden as not a face"), r.out.constData());

        // --unsure: the faces the check only just let through, least sure first; --restore says one is a
        // face.
        const qint64 doubtful =
            scalar(QStringLiteral(
                       "SELECT id FROM faces WHERE not_face = 0 AND state = 'unknown' AND cluster_id IS "
                       "NULL ORDER BY id LIMIT 1"))
                .toLongLong();
        QVERIFY(doubtful > 0);
        {
            QSqlDatabase db = Catalog::connectionForThread(m_catalog);
            QVERIFY(SqlUtil::exec(db, QStringLiteral("UPDATE faces SET face_check = 1.7 WHERE id = ?"),
                                  {doubtful}));
        }
        const int unsure =
            scalar(QStringLiteral("SELECT count(*) FROM faces WHERE not_face = 0 AND state IN "
                                  "('unknown', 'suggested') AND cluster_id IS NULL AND face_check < ?"),
                   {FaceCheck::kMinGroupConfidence})
                .toInt();
        r = test::runCli({QStringLiteral("--library"), library, QStringLiteral("not-faces"),
                          QStringLiteral("--unsure"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray doubts = r.json().object().value(QStringLiteral("unsure")).toArray();
        QCOMPARE(doubts.size(), unsure);
        QCOMPARE(doubts.first().toObject().value(QStringLiteral("id")).toInteger(), doubtful);
        for (int i = 1; i < doubts.size(); ++i)
            QVERIFY(doubts.at(i).toObject().value(QStringLiteral("face_check")).toDouble() >=
                    doubts.at(i - 1).toObject().value(QStringLiteral("face_check")).toDouble());
        r = test::runCli({QStringLiteral("--library"), library, QStringLiteral("not-faces"),
                          QStringLiteral("--restore"), QString::number(doubtful)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(
            scalar(QStringLiteral("SELECT not_face || state FROM faces WHERE id = ?"), {doubtful}).toString(),
            QStringLiteral("-1unknown"));
        r = test::runCli(
            {QStringLiteral("--library"), library, QStringLiteral("not-faces"), QStringLiteral("--unsure")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QByteArray::number(unsure - 1) + " the face check is unsure of"),
                 r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestNotFaces)
#include "tst_notfaces.moc"
