// Fine-tuning in the app layer: FinetuneService on a real catalog (adoption, history, rollback, debounce,
// data requirement, labels untouched), FinetuneJob on a worker thread, and kindred-cli finetune.
#include "catalog.h"
#include "clirun.h"
#include "eventloopprobe.h"
#include "finetunejob.h"
#include "finetuneservice.h"
#include "jobmanager.h"
#include "librarypaths.h"
#include "libraryservice.h"
#include "training/projectionhead.h"
#include "training/syntheticidentities.h"
#include "weights/npzwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <random>

using namespace kindred;

namespace {

using test::CliResult;
using test::runCli;

// Identities blurred by variation shared by everybody: fine-tuning helps (see tst_mltraining).
SyntheticSet helpfulSet(int64_t people, int64_t faces, uint64_t seed = 21)
{
    SyntheticOptions s;
    s.faces = faces;
    s.identities = people;
    s.dim = 32;
    s.noiseShare = 0.0;
    s.lowQualityShare = 0.0;
    s.sizeExponent = 0.0;
    s.minSpread = 0.3;
    s.maxSpread = 0.4;
    s.nuisanceDims = 4;
    s.nuisanceScale = 0.9;
    s.seed = seed;
    return SyntheticIdentities::generate(s);
}

// A library whose catalog holds `set` as confirmed faces (label i -> person "P<i>"; -1 -> unknown face).
class Library {
public:
    explicit Library(const QString& root) : paths(root)
    {
        paths.ensureExists();
        ok = catalog.open(paths.catalogFile());
    }

    void add(const SyntheticSet& set, const QString& state = QStringLiteral("confirmed"),
             bool shuffleLabels = false)
    {
        QSqlDatabase db = catalog.database();
        std::vector<int> labels = set.labels;
        if (shuffleLabels) {
            std::mt19937 rng(3);
            std::shuffle(labels.begin(), labels.end(), rng);
        }
        db.transaction();
        const torch::Tensor x = set.embeddings.contiguous();
        const int64_t dim = x.size(1);
        for (size_t i = 0; i < labels.size(); ++i) {
            const qint64 photo =
                exec(QStringLiteral("INSERT INTO photos (path, hash, size, mtime_ns, format, mime, "
                                    "width, height, date_source) VALUES (?, ?, ?, 1, 'jpeg', "
                                    "'image/jpeg', 640, 480, 'file-mtime')"),
                     {QStringLiteral("/photos/%1.jpg").arg(++photos),
                      QStringLiteral("%1").arg(photos, 16, 16, QLatin1Char('0')), 1000 + photos});
            QVariant person(QMetaType::fromType<qint64>());
            if (labels[i] >= 0 && state == QLatin1String("confirmed"))
                person = personId(QStringLiteral("P%1").arg(labels[i]));
            const QByteArray blob(reinterpret_cast<const char*>(x[static_cast<int64_t>(i)].data_ptr<float>()),
                                  static_cast<int>(4 * dim));
            exec(QStringLiteral(
                     "INSERT INTO faces (photo_id, x1, y1, x2, y2, score, embedding, model_id, dim, "
                     "person_id, state, quality) VALUES (?, 10, 10, 110, 130, 0.99, ?, 'test-model', ?, ?, "
                     "?, 0.9)"),
                 {photo, blob, static_cast<qint64>(dim), person,
                  person.isNull() ? QStringLiteral("unknown") : state});
        }
        db.commit();
    }

    qint64 personId(const QString& name)
    {
        if (!persons.contains(name))
            persons.insert(name, exec(QStringLiteral("INSERT INTO persons (name) VALUES (?)"), {name}));
        return persons.value(name);
    }

    qint64 exec(const QString& sql, const QVariantList& binds)
    {
        QSqlQuery q(catalog.database());
        q.prepare(sql);
        for (const QVariant& v : binds)
            q.addBindValue(v);
        if (!q.exec())
            error += q.lastError().text() + QLatin1Char('\n');
        return q.lastInsertId().toLongLong();
    }

    QString labelsSnapshot()
    {
        QSqlQuery q(catalog.database());
        q.exec(QStringLiteral(
            "SELECT group_concat(id || ':' || ifnull(person_id, '-') || ':' || state || ':' || "
            "hex(embedding), ',') FROM (SELECT * FROM faces ORDER BY id)"));
        return q.next() ? q.value(0).toString() : QString();
    }

    QString setting(const QString& key)
    {
        QSqlQuery q(catalog.database());
        q.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
        q.addBindValue(key);
        q.exec();
        return q.next() ? q.value(0).toString() : QString();
    }

    LibraryPaths paths;
    Catalog catalog;
    bool ok = false;
    QString error;
    QMap<QString, qint64> persons;
    int photos = 0;
};

FinetuneOptions fastOptions()
{
    FinetuneOptions o;
    o.epochs = 15;
    o.refresh = false;
    return o;
}

} // namespace

class TestFinetuneApp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        torch::set_num_threads(2);
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("KindredTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_ml_training_app"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void dataRequirement_data()
    {
        QTest::addColumn<QList<int>>("sizes");
        QTest::addColumn<QString>("message"); // empty: enough
        QTest::newRow("empty library") << QList<int>{} << QStringLiteral("no faces with embeddings yet");
        QTest::newRow("one person")
            << QList<int>{8}
            << QStringLiteral("found 1 such person among 1 named. Confirm the faces of 1 more person.");
        QTest::newRow("second short")
            << QList<int>{8, 2} << QStringLiteral("Closest: P1 needs 2 more faces.");
        QTest::newRow("enough") << QList<int>{4, 4} << QString();
    }

    void dataRequirement()
    {
        QFETCH(QList<int>, sizes);
        QFETCH(QString, message);
        QTemporaryDir dir;
        Library lib(dir.path());
        QVERIFY(lib.ok);
        SyntheticSet set;
        int total = 0;
        for (const int s : sizes)
            total += s;
        if (total > 0) {
            set.embeddings = torch::nn::functional::normalize(
                torch::randn({total, 8}), torch::nn::functional::NormalizeFuncOptions().dim(1));
            for (int person = 0; person < sizes.size(); ++person)
                set.labels.insert(set.labels.end(), static_cast<size_t>(sizes[person]), person);
            lib.add(set);
        }
        QVERIFY2(lib.error.isEmpty(), qPrintable(lib.error));
        FinetuneService service(lib.paths.catalogFile(), lib.paths);
        const QString got = service.checkData();
        if (message.isEmpty()) {
            QVERIFY2(got.isEmpty(), qPrintable(got));
            return;
        }
        QVERIFY2(got.contains(message), qPrintable(got));
        FinetuneRun run;
        QCOMPARE(service.run(fastOptions(), &run), FinetuneStatus::NotEnoughData);
        QVERIFY(service.errorString().contains(message));
        QVERIFY(service.history().isEmpty());
        QVERIFY(!service.shouldRun());
    }

    void adoptRecordRollback()
    {
        QTemporaryDir dir;
        Library lib(dir.path());
        QVERIFY(lib.ok);
        lib.add(helpfulSet(12, 240));
        QVERIFY2(lib.error.isEmpty(), qPrintable(lib.error));
        const QString labels = lib.labelsSnapshot();
        FinetuneService service(lib.paths.catalogFile(), lib.paths);
        QVERIFY(service.shouldRun());

        // Dry run: measured, nothing written.
        FinetuneOptions dry = fastOptions();
        dry.dryRun = true;
        FinetuneRun run;
        QCOMPARE(service.run(dry, &run), FinetuneStatus::Ok);
        QVERIFY2(run.adopted, qPrintable(run.reason));
        QCOMPARE(run.id, 0);
        QVERIFY(run.file.isEmpty());
        QVERIFY(service.history().isEmpty());
        QVERIFY(service.activeStage().isEmpty());
        QVERIFY(!QDir(FinetuneService::stagesDir(lib.paths)).exists());

        // Real run: adopted, checkpoint written atomically, history and active stage set.
        int epochs = 0;
        QCOMPARE(service.run(fastOptions(), &run, [&](int epoch, int, double, double) { epochs = epoch; }),
                 FinetuneStatus::Ok);
        QVERIFY2(run.adopted, qPrintable(run.reason));
        QCOMPARE(run.id, 1);
        QCOMPARE(run.faces, 240);
        QCOMPARE(run.people, 12);
        QCOMPARE(run.baseModel, QStringLiteral("test-model"));
        QVERIFY(epochs >= 1);
        QCOMPARE(run.lossCurve.size(), run.epochs);
        QVERIFY(run.after.top1Error <= run.before.top1Error);
        QCOMPARE(run.file,
                 QDir(FinetuneService::stagesDir(lib.paths)).absoluteFilePath(QStringLiteral("stage-1.pt")));
        QVERIFY(QFileInfo::exists(run.file));
        QVERIFY(!QFileInfo::exists(run.file + QStringLiteral(".tmp")));
        std::map<std::string, std::string> meta;
        ProjectionHead head = loadProjectionHead(run.file.toStdString(), &meta);
        QCOMPARE(head->options.dim, int64_t{32});
        QCOMPARE(meta["base_model"], std::string("test-model"));
        QCOMPARE(meta["faces"], std::string("240"));
        QCOMPARE(meta["people"], std::string("12"));
        QVERIFY(!meta["date"].empty());
        QVERIFY(!meta["metrics_before"].empty() && !meta["metrics_after"].empty());
        QCOMPARE(service.activeStage(), run.file);
        QCOMPARE(lib.setting(QStringLiteral("finetune.active_stage")), run.file);
        QCOMPARE(service.activeStageId(), 1);
        const QJsonArray stored =
            QJsonDocument::fromJson(lib.setting(QStringLiteral("finetune.history")).toUtf8()).array();
        QCOMPARE(stored.size(), 1);
        const QJsonObject entry = stored.first().toObject();
        for (const char* key :
             {"id", "file", "date", "base_model", "faces", "people", "before", "after", "adopted", "reason"})
            QVERIFY2(entry.contains(QLatin1String(key)), key);
        QVERIFY(entry.value(QStringLiteral("before")).toObject().contains(QStringLiteral("top1_error")));
        QVERIFY(entry.value(QStringLiteral("after")).toObject().contains(QStringLiteral("tar_at_far")));
        QCOMPARE(lib.labelsSnapshot(), labels); // embeddings and labels untouched

        // Debounce: nothing new since the run.
        QVERIFY(!service.shouldRun());
        QCOMPARE(lib.setting(QStringLiteral("finetune.last_confirmed")), QStringLiteral("240"));
        lib.add(helpfulSet(12, 24, 5)); // 24 more confirmed faces
        QVERIFY(service.shouldRun());

        // Rollback to the base model and back.
        QVERIFY(service.rollback(0, false));
        QVERIFY(service.activeStage().isEmpty());
        QCOMPARE(service.activeStageId(), 0);
        QVERIFY(service.rollback(1, false));
        QCOMPARE(service.activeStage(), run.file);
        QVERIFY(!service.rollback(7, false));
        QVERIFY(service.errorString().contains(QStringLiteral("no fine-tuning run with id 7")));
        QCOMPARE(service.activeStage(), run.file);
    }

    void notAdoptedIsRecorded()
    {
        QTemporaryDir dir;
        Library lib(dir.path());
        QVERIFY(lib.ok);
        lib.add(helpfulSet(12, 240), QStringLiteral("confirmed"), true); // labels unrelated to the faces
        FinetuneService service(lib.paths.catalogFile(), lib.paths);
        FinetuneRun run;
        QCOMPARE(service.run(fastOptions(), &run), FinetuneStatus::Ok);
        QVERIFY2(!run.adopted, qPrintable(run.reason));
        QVERIFY(run.reason.startsWith(QStringLiteral("not adopted")));
        QCOMPARE(run.id, 1);
        QVERIFY(run.file.isEmpty());
        QCOMPARE(service.history().size(), 1);
        QVERIFY(!service.history().first().adopted);
        QVERIFY(service.activeStage().isEmpty());
        QVERIFY(!service.rollback(1, false));
        QVERIFY(service.errorString().contains(QStringLiteral("not adopted")));
    }

    void unnamedFaces_data()
    {
        QTest::addColumn<double>("freeWeight");
        QTest::addColumn<double>("togetherWeight");
        QTest::addColumn<int>("kept"); // unnamed faces the run keeps in their places
        QTest::newRow("default: the unnamed faces are used") << -1.0 << -1.0 << 100;
        QTest::newRow("weights 0: not used") << 0.0 << 0.0 << 0;
        QTest::newRow("only kept together") << 0.0 << -1.0 << 100;
        QTest::newRow("only kept from coming closer") << -1.0 << 0.0 << 100;
    }

    // The faces nobody named (TrainingOptions::freeWeight, togetherWeight): every face that is not confirmed
    // and not hidden as not a face, of the library's model, goes into the run; the named faces stay what the
    // run counts.
    void unnamedFaces()
    {
        QFETCH(double, freeWeight);
        QFETCH(double, togetherWeight);
        QFETCH(int, kept);
        QTemporaryDir dir;
        Library lib(dir.path());
        QVERIFY(lib.ok);
        lib.add(helpfulSet(12, 240));
        lib.add(helpfulSet(10, 120, 9), QStringLiteral("unknown")); // 120 faces of people nobody named
        lib.exec(
            QStringLiteral("UPDATE faces SET not_face = 1 WHERE id IN (SELECT id FROM faces WHERE state = "
                           "'unknown' ORDER BY id LIMIT 20)"),
            {});
        QVERIFY2(lib.error.isEmpty(), qPrintable(lib.error));
        FinetuneService service(lib.paths.catalogFile(), lib.paths);
        FinetuneOptions options = fastOptions();
        options.dryRun = true;
        options.freeWeight = freeWeight;
        options.togetherWeight = togetherWeight;
        FinetuneRun run;
        QCOMPARE(service.run(options, &run), FinetuneStatus::Ok);
        QCOMPARE(run.faces, 240);
        QCOMPARE(run.people, 12);
        const QString note = QStringLiteral(", %1 unnamed faces kept in their places").arg(kept);
        QVERIFY2(kept > 0 ? run.validation.endsWith(note)
                          : !run.validation.contains(QStringLiteral("unnamed")),
                 qPrintable(run.validation));
    }

    void job_data()
    {
        QTest::addColumn<bool>("cancelFirst");
        QTest::newRow("runs") << false;
        QTest::newRow("cancelled") << true;
    }

    void job()
    {
        QFETCH(bool, cancelFirst);
        QTemporaryDir dir;
        Library lib(dir.path());
        QVERIFY(lib.ok);
        lib.add(helpfulSet(12, 240));
        QThreadPool pool;
        FinetuneJob job(lib.paths.catalogFile(), lib.paths, fastOptions());
        QSignalSpy progress(&job, &FinetuneJob::progress);
        QSignalSpy finished(&job, &FinetuneJob::finished);
        if (cancelFirst)
            job.control()->requestCancel();
        job.start(&pool);
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(120000));
        QVERIFY(!job.isRunning());
        const auto outcome = finished.first().first().value<FinetuneOutcome>();
        FinetuneService service(lib.paths.catalogFile(), lib.paths);
        if (cancelFirst) {
            QCOMPARE(outcome.status, FinetuneStatus::Cancelled);
            QVERIFY(service.history().isEmpty());
            QVERIFY(service.activeStage().isEmpty());
            return;
        }
        QCOMPARE(outcome.status, FinetuneStatus::Ok);
        QVERIFY2(outcome.run.adopted, qPrintable(outcome.run.reason));
        QCOMPARE(progress.size(), outcome.run.epochs);
        QCOMPARE(job.lossCurve().size(), outcome.run.epochs);
        QCOMPARE(progress.first().at(0).toInt(), 1);
        QVERIFY(FinetuneJob::summaryText(outcome).contains(QStringLiteral("personalised")));
        QCOMPARE(service.activeStage(), outcome.run.file);
    }

    // The background trigger in LibraryService: after label changes and a quiet period, a fine-tuning job
    // starts by itself when one is due, and not otherwise.
    void autoPersonalise_data()
    {
        QTest::addColumn<int>("people");
        QTest::addColumn<bool>("setting");   // jobs/personaliseAutomatically
        QTest::addColumn<bool>("ranBefore"); // a run already recorded for these labels
        QTest::addColumn<int>("changes");    // labelsChanged() calls in a burst (after open()'s own)
        QTest::addColumn<bool>("starts");
        QTest::newRow("due") << 12 << true << false << 3 << true;
        QTest::newRow("setting off") << 12 << false << false << 1 << false;
        QTest::newRow("nothing new since the last run") << 12 << true << true << 1 << false;
        QTest::newRow("one person") << 1 << true << false << 1 << false;
    }

    void autoPersonalise()
    {
        QFETCH(int, people);
        QFETCH(bool, setting);
        QFETCH(bool, ranBefore);
        QFETCH(int, changes);
        QFETCH(bool, starts);
        QTemporaryDir dir;
        {
            Library lib(dir.path());
            QVERIFY(lib.ok);
            lib.add(helpfulSet(people, 20 * people));
            QVERIFY2(lib.error.isEmpty(), qPrintable(lib.error));
        }
        const LibraryPaths paths(dir.path());
        if (ranBefore) {
            FinetuneService service(paths.catalogFile(), paths);
            FinetuneRun run;
            QCOMPARE(service.run(fastOptions(), &run), FinetuneStatus::Ok);
            Catalog::closeThreadConnection(paths.catalogFile());
        }
        QSettings().setValue(QStringLiteral("jobs/personaliseAutomatically"), setting);

        JobManager jobs;
        LibraryService library(&jobs);
        library.setPersonaliseDelay(50);
        QSignalSpy checked(&library, &LibraryService::personaliseChecked);
        QString error;
        QVERIFY2(library.open(dir.path(), &error), qPrintable(error));
        for (int i = 0; i < changes; ++i)
            library.labelsChanged(); // a burst restarts the quiet period: one check
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.size(), 1);
        QCOMPARE(checked.first().first().toBool(), starts);
        QCOMPARE(library.isFinetuning(), starts);
        const auto finetuneJobs = [&] {
            int n = 0;
            for (const JobInfo& j : jobs.jobs())
                n += j.kind == QLatin1String("finetune") ? 1 : 0;
            return n;
        };
        QCOMPARE(finetuneJobs(), starts ? 1 : 0);
        if (!starts) {
            QTest::qWait(200); // and nothing comes later either
            QCOMPARE(checked.size(), 1);
            QCOMPARE(finetuneJobs(), 0);
            return;
        }

        // While the job trains on its worker, the event loop of this (GUI) thread keeps running: a 10 ms
        // timer's largest gap is how long the thread was held up at once.
        test::EventLoopProbe probe;
        probe.start();
        QVERIFY(library.waitForIdle(300000));
        probe.stop();
        const qint64 maxGap = probe.maxGapMs();
        qInfo("event loop during a background fine-tuning run of %.1f s: %d ticks, largest gap %lld ms",
              double(probe.elapsedMs()) / 1000.0, probe.ticks(), maxGap);
        QVERIFY2(maxGap < 500, qPrintable(QStringLiteral("event loop blocked for %1 ms").arg(maxGap)));
        const QList<JobInfo> all = jobs.jobs();
        QCOMPARE(all.last().kind, QStringLiteral("finetune"));
        QCOMPARE(all.last().state, JobState::Done);
        FinetuneService service(paths.catalogFile(), paths);
        QCOMPARE(service.history().size(), 1);
        QVERIFY(!service.shouldRun()); // debounced: the next run needs new confirmations
        Catalog::closeThreadConnection(paths.catalogFile());
    }

    void cliLibrary()
    {
        QTemporaryDir dir;
        {
            Library lib(dir.path());
            QVERIFY(lib.ok);
            lib.add(helpfulSet(12, 240));
        }
        const QStringList lib{QStringLiteral("--library"), dir.path()};
        CliResult r = runCli(lib + QStringList{QStringLiteral("finetune"), QStringLiteral("--history"),
                                               QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().object().value(QStringLiteral("runs")).toArray().size(), 0);
        r = runCli(lib + QStringList{QStringLiteral("finetune"), QStringLiteral("--epochs"),
                                     QStringLiteral("15"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.json().object().value(QStringLiteral("adopted")).toBool(), r.out.constData());
        QCOMPARE(r.json().object().value(QStringLiteral("id")).toInt(), 1);
        QVERIFY(r.json()
                    .object()
                    .value(QStringLiteral("before"))
                    .toObject()
                    .contains(QStringLiteral("top1_error")));
        r = runCli(lib + QStringList{QStringLiteral("finetune"), QStringLiteral("--history")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("* 1 ") && r.out.contains("adopted"), r.out.constData());
        r = runCli(
            lib + QStringList{QStringLiteral("finetune"), QStringLiteral("--rollback"), QStringLiteral("0")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = runCli(lib + QStringList{QStringLiteral("finetune"), QStringLiteral("--history"),
                                     QStringLiteral("--json")});
        QCOMPARE(r.json().object().value(QStringLiteral("active")).toInt(), 0);
        r = runCli(
            lib + QStringList{QStringLiteral("finetune"), QStringLiteral("--rollback"), QStringLiteral("3")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("no fine-tuning run with id 3"));
    }

    void cliUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad loss") << QStringList{QStringLiteral("--loss"), QStringLiteral("hinge")} << 2
                                  << QStringLiteral("unknown loss");
        QTest::newRow("bad mining") << QStringList{QStringLiteral("--mining"), QStringLiteral("easy")} << 2
                                    << QStringLiteral("unknown mining");
        QTest::newRow("bad margin") << QStringList{QStringLiteral("--margin"), QStringLiteral("x")} << 2
                                    << QStringLiteral("--margin");
        QTest::newRow("two modes") << QStringList{QStringLiteral("--history"), QStringLiteral("--rollback"),
                                                  QStringLiteral("1")}
                                   << 2 << QStringLiteral("exclude");
        QTest::newRow("experiment without npz")
            << QStringList{QStringLiteral("--experiment")} << 2 << QStringLiteral("--npz");
        QTest::newRow("empty library") << QStringList{} << 1 << QStringLiteral("no faces with embeddings");
        QTest::newRow("missing npz") << QStringList{QStringLiteral("--experiment"), QStringLiteral("--npz"),
                                                    QStringLiteral("/nonexistent.npz"),
                                                    QStringLiteral("--per-person"), QStringLiteral("3")}
                                     << 1 << QStringLiteral("cannot open");
    }

    void cliUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const CliResult r =
            runCli(QStringList{QStringLiteral("--library"), dir.path(), QStringLiteral("finetune")} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void cliExperiment_data()
    {
        QTest::addColumn<int>("perPerson");
        QTest::addColumn<bool>("trains");
        QTest::newRow("K=2 (below the data requirement)") << 2 << false;
        QTest::newRow("K=10") << 10 << true;
    }

    void cliExperiment()
    {
        QFETCH(int, perPerson);
        QFETCH(bool, trains);
        QTemporaryDir dir;
        const SyntheticSet set = helpfulSet(12, 360);
        NpzWriter npz;
        npz.add("embeddings", set.embeddings);
        std::vector<std::string> labels;
        for (const int l : set.labels)
            labels.push_back(l < 0 ? std::string() : "person" + std::to_string(l));
        npz.addStrings("labels", labels);
        npz.addStrings("model_id", {"test-model"});
        const QString file = dir.filePath(QStringLiteral("faces.npz"));
        npz.save(file.toStdString());
        const CliResult r =
            runCli({QStringLiteral("finetune"), QStringLiteral("--experiment"), QStringLiteral("--npz"), file,
                    QStringLiteral("--per-person"), QString::number(perPerson), QStringLiteral("--epochs"),
                    QStringLiteral("15"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject o = r.json().object();
        QCOMPARE(o.value(QStringLiteral("per_person")).toInt(), perPerson);
        QCOMPARE(o.value(QStringLiteral("people")).toInt(), 12);
        QCOMPARE(o.value(QStringLiteral("family_faces")).toInt(), 12 * perPerson);
        QCOMPARE(o.value(QStringLiteral("probes")).toInt(), 360 - 12 * perPerson);
        const QJsonObject before = o.value(QStringLiteral("before")).toObject();
        const QJsonObject after = o.value(QStringLiteral("after")).toObject();
        QVERIFY(before.contains(QStringLiteral("top1_error")) &&
                before.contains(QStringLiteral("tar_at_far_1e-3")));
        QVERIFY(after.contains(QStringLiteral("top1_error")) &&
                after.contains(QStringLiteral("tar_at_far_1e-3")));
        QVERIFY(o.contains(QStringLiteral("adopted")));
        if (!trains) {
            QVERIFY(!o.value(QStringLiteral("adopted")).toBool());
            QVERIFY(o.value(QStringLiteral("reason"))
                        .toString()
                        .startsWith(QStringLiteral("not run: fine-tuning needs")));
            QCOMPARE(after, before);
        } else {
            QVERIFY2(o.value(QStringLiteral("adopted")).toBool(), r.out.constData());
            QVERIFY(after.value(QStringLiteral("top1_error")).toDouble() <
                    before.value(QStringLiteral("top1_error")).toDouble());
        }
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_GUILESS_MAIN(TestFinetuneApp)
#include "tst_finetuneapp.moc"
