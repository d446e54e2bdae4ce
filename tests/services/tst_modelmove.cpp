// A library moving to another embedding network (a new default, or the family's choice): the faces keep
// their old vectors, in use for grouping and suggestions, until every face has its new one; a move that is
// stopped half way resumes; names, confirmations and rejections are kept; the staged vectors are swapped in
// together. Real photos (shared/photos/bbt crops), real models, a real SQLite catalog.
#include "catalog.h"
#include "faceindexer.h"
#include "faceservice.h"
#include "librarypaths.h"
#include "peopleservice.h"
#include "scanner.h"
#include "sqlutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <cmath>

using namespace kindred;

namespace {

const QString kShared = QStringLiteral(KINDRED_SHARED_DIR);
const QString kModels = QStringLiteral(KINDRED_MODELS_DIR);

} // namespace

class TestModelMove : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    LibraryPaths m_paths;
    QString m_catalog;

    QVariant scalar(const QString& sql, const QVariantList& binds = {})
    {
        QSqlDatabase db = Catalog::connectionForThread(m_catalog);
        return SqlUtil::scalar(db, sql, binds);
    }

    FaceIndexSummary index(const QString& model, const FaceIndexer::Progress& progress = {},
                           const std::atomic_bool* cancel = nullptr, QString* modelId = nullptr)
    {
        return indexLibrary(m_catalog, m_paths, model, progress, cancel, modelId);
    }

    static FaceIndexSummary indexLibrary(const QString& catalog, const LibraryPaths& paths,
                                         const QString& model, const FaceIndexer::Progress& progress = {},
                                         const std::atomic_bool* cancel = nullptr, QString* modelId = nullptr)
    {
        FaceIndexOptions options;
        options.modelsDir = kModels;
        options.embedderModel = model;
        options.threads = 2;
        FaceIndexer indexer(catalog, paths, options);
        QString error;
        if (!indexer.prepare(&error))
            qFatal("models: %s", qPrintable(error));
        if (modelId)
            *modelId = indexer.embedderModelId();
        return indexer.run(progress, cancel);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString photos = m_dir.filePath(QStringLiteral("photos"));
        for (const QString& person :
             {QStringLiteral("penny"), QStringLiteral("sheldon"), QStringLiteral("raj")})
            for (int i = 1; i <= 4; ++i) {
                QVERIFY(QDir().mkpath(photos + QLatin1Char('/') + person));
                QVERIFY(QFile::copy(QStringLiteral("%1/photos/bbt/%2/%2%3.png").arg(kShared, person).arg(i),
                                    QStringLiteral("%1/%2/%2%3.png").arg(photos, person).arg(i)));
            }
        m_paths = LibraryPaths(m_dir.filePath(QStringLiteral("library")));
        QString why;
        QVERIFY2(m_paths.ensureExists(&why), qPrintable(why));
        m_catalog = m_paths.catalogFile();
        Catalog catalog;
        QVERIFY(catalog.open(m_catalog));
        QVERIFY(Scanner(m_catalog).scan({photos}).error.isEmpty());
        const FaceIndexSummary first = index(QStringLiteral("frnet"));
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QCOMPARE(first.facesFound, 12);
        // The family's work: Penny named, one of Sheldon's faces said not to be Penny.
        const QList<qint64> penny = {
            scalar(QStringLiteral("SELECT f.id FROM faces f JOIN photos p ON p.id = f.photo_id WHERE p.path "
                                  "LIKE '%penny1.png'"))
                .toLongLong(),
            scalar(QStringLiteral("SELECT f.id FROM faces f JOIN photos p ON p.id = f.photo_id WHERE p.path "
                                  "LIKE '%penny2.png'"))
                .toLongLong()};
        PeopleService people(m_catalog);
        QVERIFY2(people.nameFaces(penny, QStringLiteral("Penny")), qPrintable(people.errorString()));
        const qint64 sheldon =
            scalar(QStringLiteral("SELECT f.id FROM faces f JOIN photos p ON p.id = f.photo_id WHERE p.path "
                                  "LIKE '%sheldon1.png'"))
                .toLongLong();
        QVERIFY(people.rejectFaces({sheldon}, people.personByName(QStringLiteral("Penny"))->id));
    }

    // Stopped after the first photo of the move: every face still has its old vector and the library still
    // groups and suggests with it; the new vectors wait in face_embeddings_next.
    void stoppedMoveKeepsOldVectors()
    {
        std::atomic_bool cancel = false;
        int reported = 0;
        QString newId;
        const FaceIndexSummary s = index(
            QStringLiteral("edgeface-xs"),
            [&](const FaceIndexProgress& p) {
                if (!p.reembedding)
                    return;
                QCOMPARE(p.facesTotal, 12);
                ++reported;
                if (p.facesDone >= 1)
                    cancel = true;
            },
            &cancel, &newId);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(s.cancelled);
        QVERIFY(reported >= 2);
        QVERIFY(newId.startsWith(QStringLiteral("edgeface-xs@")));
        const int staged =
            scalar(QStringLiteral("SELECT count(*) FROM face_embeddings_next WHERE model_id = ?"), {newId})
                .toInt();
        QVERIFY(staged >= 1 && staged < 12);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM faces WHERE model_id LIKE 'frnet%' AND dim = 128"))
                .toInt(),
            12);
        FaceService faces(m_catalog, m_paths);
        FaceRefreshSummary refreshed;
        QVERIFY(faces.refresh(faces.libraryOptions(), &refreshed));
        QVERIFY(refreshed.modelId.startsWith(QStringLiteral("frnet")));
    }

    // Run again, the move resumes with the faces not done yet and ends with every face on the new network,
    // the staging table empty, the names, confirmations and rejections as they were.
    void resumedMoveCompletes()
    {
        QString newId;
        int firstDone = -1;
        const FaceIndexSummary s = index(
            QStringLiteral("edgeface-xs"),
            [&](const FaceIndexProgress& p) {
                if (p.reembedding && firstDone < 0)
                    firstDone = p.facesDone;
            },
            nullptr, &newId);
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QVERIFY(firstDone >= 1); // the faces staged before were not done again
        QCOMPARE(s.reembedded, 12 - firstDone);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM face_embeddings_next")).toInt(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM faces WHERE model_id = ? AND dim = 512 AND "
                                       "length(embedding) = 2048"),
                        {newId})
                     .toInt(),
                 12);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM faces f JOIN persons p ON p.id = f.person_id WHERE "
                                  "p.name = 'Penny' AND f.state = 'confirmed'"))
                .toInt(),
            2);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM face_rejections")).toInt(), 1);
        FaceService faces(m_catalog, m_paths);
        FaceRefreshSummary refreshed;
        QVERIFY(faces.refresh(faces.libraryOptions(), &refreshed));
        QCOMPARE(refreshed.modelId, newId);
        // Penny's other photos are suggested as her with the new network, nobody else's face is.
        QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM faces f JOIN photos p ON p.id = f.photo_id WHERE "
                                      "f.state = 'suggested' AND p.path LIKE '%penny%'"))
                    .toInt() >= 1);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM faces f JOIN photos p ON p.id = f.photo_id WHERE "
                                  "f.state = 'suggested' AND p.path NOT LIKE '%penny%'"))
                .toInt(),
            0);
        // Nothing left to move: a second run does no work.
        QCOMPARE(index(QStringLiteral("edgeface-xs")).reembedded, 0);
    }

    // Group photos, whose faces fill a part of the photo: the move decodes only that part, and each face
    // gets the very vector that indexing the photos with the new network from the start gives it.
    void movedVectorsAreTheNewNetworksOwn()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString photos = dir.filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(photos));
        for (const QString& name : {QStringLiteral("bbt1.jpg"), QStringLiteral("bbt5.jpg")})
            QVERIFY(QFile::copy(kShared + QStringLiteral("/photos/bbt/") + name,
                                photos + QLatin1Char('/') + name));
        // A camera-size copy (4098 x 2304): its faces are small in the detection image, so indexing too
        // crops them from a full-resolution decode of a part of the photo.
        const QImage group(kShared + QStringLiteral("/photos/bbt/bbt1.jpg"));
        QVERIFY(group.scaled(group.size() * 3, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                    .save(photos + QStringLiteral("/camera.jpg"), "JPEG", 92));
        const auto vectors = [&](const QString& name, const QStringList& models) {
            const LibraryPaths paths(dir.filePath(name));
            QString why;
            if (!paths.ensureExists(&why))
                qFatal("library: %s", qPrintable(why));
            Catalog catalog;
            if (!catalog.open(paths.catalogFile()) ||
                !Scanner(paths.catalogFile()).scan({photos}).error.isEmpty())
                qFatal("cannot make the library %s", qPrintable(name));
            for (const QString& model : models) {
                const FaceIndexSummary s = indexLibrary(paths.catalogFile(), paths, model);
                if (!s.error.isEmpty())
                    qFatal("index: %s", qPrintable(s.error));
            }
            QSqlDatabase db = Catalog::connectionForThread(paths.catalogFile());
            QSqlQuery q(db);
            q.exec(QStringLiteral(
                "SELECT p.path, f.x1, f.y1, f.model_id, f.embedding FROM faces f JOIN photos p "
                "ON p.id = f.photo_id ORDER BY p.path, f.x1, f.y1"));
            QList<QPair<QString, QByteArray>> out;
            while (q.next())
                out.append({QStringLiteral("%1 %2 %3 %4")
                                .arg(QFileInfo(q.value(0).toString()).fileName())
                                .arg(q.value(1).toDouble(), 0, 'f', 1)
                                .arg(q.value(2).toDouble(), 0, 'f', 1)
                                .arg(q.value(3).toString()),
                            q.value(4).toByteArray()});
            return out;
        };
        const auto moved =
            vectors(QStringLiteral("moved"), {QStringLiteral("frnet"), QStringLiteral("edgeface-xs")});
        const auto fresh = vectors(QStringLiteral("fresh"), {QStringLiteral("edgeface-xs")});
        QVERIFY(moved.size() >= 12);
        QCOMPARE(moved.size(), fresh.size());
        for (qsizetype i = 0; i < moved.size(); ++i) {
            QCOMPARE(moved[i].first, fresh[i].first); // the same face, on the new network
            const QByteArray& a = moved[i].second;
            const QByteArray& b = fresh[i].second;
            QCOMPARE(a.size(), 2048);
            QCOMPARE(b.size(), 2048);
            const auto* x = reinterpret_cast<const float*>(a.constData());
            const auto* y = reinterpret_cast<const float*>(b.constData());
            double worst = 0;
            for (int k = 0; k < 512; ++k)
                worst = std::max(worst, double(std::abs(x[k] - y[k])));
            QVERIFY2(worst < 1e-5,
                     qPrintable(QStringLiteral("%1: differs by %2").arg(moved[i].first).arg(worst)));
        }
    }

    // What the app checks on opening a library (without loading a model): the id the current choice gives.
    void expectedModelIds_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("frnet") << "frnet"
                               << ""
                               << "frnet-dlib-r29@face-api-0.22.5+chip2m";
        QTest::newRow("xs") << "edgeface-xs"
                            << ""
                            << "edgeface-xs@a31314377876ab9f+chip2m";
        QTest::newRow("xxs") << "edgeface-xxs"
                             << ""
                             << "edgeface-xxs@46be7cc7e8d6e235+chip2m";
        QTest::newRow("a file: only loading tells") << "irv1"
                                                    << "/some/checkpoint.pt"
                                                    << "";
    }

    void expectedModelIds()
    {
        QFETCH(QString, model);
        QFETCH(QString, file);
        QFETCH(QString, expected);
        FaceIndexOptions options;
        options.modelsDir = kModels;
        options.embedderModel = model;
        options.embedderFile = file;
        QCOMPARE(FaceIndexer::expectedModelId(options), expected);
        if (expected.isEmpty())
            return;
        FaceIndexer indexer(m_catalog, m_paths, options);
        QString error;
        QVERIFY2(indexer.prepare(&error), qPrintable(error));
        QCOMPARE(indexer.embedderModelId(), expected);
    }
};

QTEST_GUILESS_MAIN(TestModelMove)
#include "tst_modelmove.moc"
