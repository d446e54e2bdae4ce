// End-to-end tests of kindred-cli: real processes, real SQLite files, real photos from ../shared.
#include "clirun.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace kindred::test;

namespace {

QString devPhotos()
{
    return QStringLiteral(KINDRED_SHARED_DIR "/photos/dev");
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpAndVersion_data();
    void helpAndVersion();
    void usageErrors_data();
    void usageErrors();
    void scanDevPhotos();
    void rescanMovedAndBroken_data();
    void rescanMovedAndBroken();
    void killDuringScanResumes();
    void openMpWaitSetByTheProgram_data();
    void openMpWaitSetByTheProgram();
    void evalLibrary_data();
    void evalLibrary();
    void evalLibraryUnknownModel();
    void evalLibraryFaceLabels_data();
    void evalLibraryFaceLabels();

private:
    QTemporaryDir m_groupPhotos; // group photos made from the bbt crops, with their library (made once)
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo::exists(QStringLiteral(KINDRED_CLI_PATH)), KINDRED_CLI_PATH);
    QVERIFY2(QDir(devPhotos()).exists(), "../shared/photos/dev is missing");
}

void TestCli::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::newRow("help") << QStringList{QStringLiteral("--help")} << QStringLiteral("Commands:");
    QTest::newRow("version") << QStringList{QStringLiteral("--version")}
                             << QStringLiteral("kindred-cli " KINDRED_VERSION);
    QTest::newRow("scan help") << QStringList{QStringLiteral("scan"), QStringLiteral("--help")}
                               << QStringLiteral("--no-faces");
    QTest::newRow("status help") << QStringList{QStringLiteral("status"), QStringLiteral("--help")}
                                 << QStringLiteral("--json");
    QTest::newRow("photos help") << QStringList{QStringLiteral("photos"), QStringLiteral("--help")}
                                 << QStringLiteral("--json");
}

void TestCli::helpAndVersion()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const CliResult r = runCli(args);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(QString::fromUtf8(r.out).contains(expected), r.out.constData());
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no command") << QStringList{} << 2;
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2;
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frob")} << 2;
    QTest::newRow("scan without folder") << QStringList{QStringLiteral("scan")} << 2;
    QTest::newRow("scan a file") << QStringList{QStringLiteral("scan"),
                                                QStringLiteral(KINDRED_SHARED_DIR "/photos/dev/faces.jpg")}
                                 << 2;
    QTest::newRow("bad device") << QStringList{QStringLiteral("--device"), QStringLiteral("tpu"),
                                               QStringLiteral("status")}
                                << 2;
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QTemporaryDir lib;
    const CliResult r = runCli(QStringList{QStringLiteral("--library"), lib.path()} + args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(!r.err.isEmpty());
}

void TestCli::scanDevPhotos()
{
    QTemporaryDir lib;
    const QString library = lib.filePath(QStringLiteral("library"));
    const CliResult scan = runCli({QStringLiteral("--library"), library, QStringLiteral("scan"),
                                   QStringLiteral("--no-faces"), QStringLiteral("--json"), devPhotos()});
    QVERIFY2(scan.exitCode == 0, scan.err.constData());
    const QJsonObject summary = scan.json().object();
    QCOMPARE(summary.value(QStringLiteral("new")).toInt(), 6);
    QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 0);

    const CliResult status =
        runCli({QStringLiteral("--library"), library, QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    const QJsonObject s = status.json().object();
    QCOMPARE(s.value(QStringLiteral("photos")).toInt(), 6);
    QCOMPARE(s.value(QStringLiteral("failed")).toInt(), 0);
    QVERIFY(s.value(QStringLiteral("failures")).toArray().isEmpty());
    QCOMPARE(s.value(QStringLiteral("library")).toString(), QDir(library).absolutePath());
    QVERIFY(s.value(QStringLiteral("schema_version")).toInt() >= 1);

    const CliResult photos =
        runCli({QStringLiteral("--library"), library, QStringLiteral("photos"), QStringLiteral("--json")});
    QCOMPARE(photos.exitCode, 0);
    const QJsonArray list = photos.json().array();
    QCOMPARE(list.size(), 6);
    for (const QJsonValue& v : list) {
        const QJsonObject p = v.toObject();
        const QImage image(p.value(QStringLiteral("path")).toString());
        QVERIFY2(!image.isNull(), qPrintable(p.value(QStringLiteral("path")).toString()));
        // The dev photos carry no rotating orientation; stored size equals the decoded size.
        QCOMPARE(p.value(QStringLiteral("width")).toInt(), image.width());
        QCOMPARE(p.value(QStringLiteral("height")).toInt(), image.height());
        QCOMPARE(p.value(QStringLiteral("hash")).toString().size(), 16);
    }

    // A second scan reads nothing: every file is unchanged.
    const CliResult again = runCli({QStringLiteral("--library"), library, QStringLiteral("scan"),
                                    QStringLiteral("--no-faces"), QStringLiteral("--json"), devPhotos()});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.json().object().value(QStringLiteral("unchanged")).toInt(), 6);
    QCOMPARE(again.json().object().value(QStringLiteral("new")).toInt(), 0);
}

void TestCli::rescanMovedAndBroken_data()
{
    QTest::addColumn<QString>("brokenName");
    QTest::addColumn<QByteArray>("brokenBytes");
    QTest::newRow("truncated jpeg") << QStringLiteral("broken.jpg")
                                    << QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10);
    QTest::newRow("zero bytes") << QStringLiteral("empty.png") << QByteArray();
    QTest::newRow("text named jpg") << QStringLiteral("notes.jpg") << QByteArray("this is not a photo\n");
}

void TestCli::rescanMovedAndBroken()
{
    QFETCH(QString, brokenName);
    QFETCH(QByteArray, brokenBytes);
    QTemporaryDir tmp;
    const QString photos = tmp.filePath(QStringLiteral("photos"));
    const QString library = tmp.filePath(QStringLiteral("library"));
    QCOMPARE(copyTree(devPhotos(), photos), 6);
    CliResult r = runCli(
        {QStringLiteral("--library"), library, QStringLiteral("scan"), QStringLiteral("--no-faces"), photos});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray before =
        runCli({QStringLiteral("--library"), library, QStringLiteral("photos"), QStringLiteral("--json")})
            .json()
            .array();
    QCOMPARE(before.size(), 6);
    qint64 movedId = 0;
    for (const QJsonValue& v : before) {
        if (v.toObject().value(QStringLiteral("path")).toString().endsWith(QLatin1String("paul_rudd/1.jpg")))
            movedId = v.toObject().value(QStringLiteral("id")).toInteger();
    }
    QVERIFY(movedId > 0);

    // Move one photo to a new folder and a new name, add a broken file.
    QVERIFY(QDir().mkpath(photos + QStringLiteral("/2024/summer")));
    QVERIFY(QFile::rename(photos + QStringLiteral("/paul_rudd/1.jpg"),
                          photos + QStringLiteral("/2024/summer/beach.jpg")));
    QFile broken(QDir(photos).filePath(brokenName));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write(brokenBytes);
    broken.close();

    r = runCli({QStringLiteral("--library"), library, QStringLiteral("scan"), QStringLiteral("--no-faces"),
                QStringLiteral("--json"), photos});
    QCOMPARE(r.exitCode, 1); // some files failed
    const QJsonObject summary = r.json().object();
    QCOMPARE(summary.value(QStringLiteral("moved")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("unchanged")).toInt(), 5);
    QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("missing")).toInt(), 0);

    const QJsonArray after =
        runCli({QStringLiteral("--library"), library, QStringLiteral("photos"), QStringLiteral("--json")})
            .json()
            .array();
    QCOMPARE(after.size(), 6);
    bool found = false;
    for (const QJsonValue& v : after) {
        const QJsonObject p = v.toObject();
        if (p.value(QStringLiteral("path")).toString().endsWith(QLatin1String("2024/summer/beach.jpg"))) {
            QCOMPARE(p.value(QStringLiteral("id")).toInteger(), movedId); // identity kept across the move
            found = true;
        }
    }
    QVERIFY(found);

    const QJsonObject status =
        runCli({QStringLiteral("--library"), library, QStringLiteral("status"), QStringLiteral("--json")})
            .json()
            .object();
    QCOMPARE(status.value(QStringLiteral("photos")).toInt(), 6);
    QCOMPARE(status.value(QStringLiteral("failed")).toInt(), 1);
    const QJsonArray failures = status.value(QStringLiteral("failures")).toArray();
    QCOMPARE(failures.size(), 1);
    QVERIFY(failures.at(0).toObject().value(QStringLiteral("path")).toString().endsWith(brokenName));
    QVERIFY(!failures.at(0).toObject().value(QStringLiteral("reason")).toString().isEmpty());

    // Deleting a photo marks it missing; it is not forgotten.
    QVERIFY(QFile::remove(photos + QStringLiteral("/2024/summer/beach.jpg")));
    r = runCli({QStringLiteral("--library"), library, QStringLiteral("scan"), QStringLiteral("--no-faces"),
                QStringLiteral("--json"), photos});
    QCOMPARE(r.json().object().value(QStringLiteral("missing")).toInt(), 1);
    const QJsonObject status2 =
        runCli({QStringLiteral("--library"), library, QStringLiteral("status"), QStringLiteral("--json")})
            .json()
            .object();
    QCOMPARE(status2.value(QStringLiteral("photos")).toInt(), 5);
    QCOMPARE(status2.value(QStringLiteral("missing")).toInt(), 1);
}

void TestCli::killDuringScanResumes()
{
    QTemporaryDir tmp;
    const QString photos = tmp.filePath(QStringLiteral("photos"));
    const QString library = tmp.filePath(QStringLiteral("library"));
    const int total = 1200;
    QRandomGenerator rng(42);
    for (int i = 0; i < total; ++i) {
        const QString dir = QStringLiteral("%1/%2").arg(photos).arg(i / 100, 2, 10, QLatin1Char('0'));
        QDir().mkpath(dir);
        QImage image(480, 360, QImage::Format_RGB888);
        image.fill(QColor::fromHsv(int(rng.bounded(360)), 128, 200));
        for (int k = 0; k < 400; ++k)
            image.setPixel(int(rng.bounded(480)), int(rng.bounded(360)), rng.generate());
        QVERIFY(
            image.save(QStringLiteral("%1/img_%2.jpg").arg(dir).arg(i, 5, 10, QLatin1Char('0')), "JPEG", 92));
    }

    QProcess process;
    process.start(
        QStringLiteral(KINDRED_CLI_PATH),
        {QStringLiteral("--library"), library, QStringLiteral("scan"), QStringLiteral("--no-faces"), photos});
    QVERIFY(process.waitForStarted());
    const QString catalog = QDir(library).filePath(QStringLiteral("catalog.sqlite"));
    int seen = 0;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 120000 && process.state() == QProcess::Running) {
        if (QFileInfo::exists(catalog))
            seen = countDbRows(catalog, QStringLiteral("SELECT count(*) FROM photos"));
        if (seen > 0)
            break;
        QTest::qWait(5);
    }
    QVERIFY2(process.state() == QProcess::Running,
             "the scan finished before it could be killed; the fixture is too small for this machine");
    process.kill(); // SIGKILL: no chance to clean up
    QVERIFY(process.waitForFinished());
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);

    // The catalog is consistent: integrity check passes and every row is a whole photo.
    QCOMPARE(countDbRows(
                 catalog,
                 QStringLiteral("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")),
             0);
    const int committed = countDbRows(catalog, QStringLiteral("SELECT count(*) FROM photos"));
    QVERIFY(committed > 0);
    QVERIFY2(committed < total, "everything was committed before the kill");
    QCOMPARE(
        countDbRows(catalog,
                    QStringLiteral(
                        "SELECT count(*) FROM photos WHERE width <= 0 OR height <= 0 OR length(hash) <> 16")),
        0);

    // The next scan resumes: what was committed is unchanged, the rest is new, nothing is duplicated.
    const CliResult r = runCli({QStringLiteral("--library"), library, QStringLiteral("scan"),
                                QStringLiteral("--no-faces"), QStringLiteral("--json"), photos});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject summary = r.json().object();
    QCOMPARE(summary.value(QStringLiteral("unchanged")).toInt(), committed);
    QCOMPARE(summary.value(QStringLiteral("new")).toInt(), total - committed);
    QCOMPARE(countDbRows(catalog, QStringLiteral("SELECT count(*) FROM photos")), total);
    QCOMPARE(countDbRows(catalog, QStringLiteral("SELECT count(DISTINCT path) FROM photos")), total);
}

void TestCli::openMpWaitSetByTheProgram_data()
{
    // What libgomp was loaded with (OMP_DISPLAY_ENV=verbose prints it at load): kindred-cli sets a short spin
    // itself (docs/benchmarks-load.md); a user's own setting is kept; KINDRED_OMP_WAIT=default measures the
    // old.
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("the program's own")
        << QString() << QString() << QStringLiteral("GOMP_SPINCOUNT = '10000'");
    QTest::newRow("the user's spin count") << QStringLiteral("GOMP_SPINCOUNT") << QStringLiteral("2500")
                                           << QStringLiteral("GOMP_SPINCOUNT = '2500'");
    QTest::newRow("the user's passive policy")
        << QStringLiteral("OMP_WAIT_POLICY") << QStringLiteral("PASSIVE")
        << QStringLiteral("GOMP_SPINCOUNT = '0'");
    QTest::newRow("libgomp's default, for measuring")
        << QStringLiteral("KINDRED_OMP_WAIT") << QStringLiteral("default")
        << QStringLiteral("GOMP_SPINCOUNT = '300000'");
}

void TestCli::openMpWaitSetByTheProgram()
{
    QFETCH(QString, variable);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"GOMP_SPINCOUNT", "OMP_WAIT_POLICY", "KINDRED_OMP_WAIT"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("OMP_DISPLAY_ENV"), QStringLiteral("verbose"));
    if (!variable.isEmpty())
        env.insert(variable, value);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(KINDRED_CLI_PATH), {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    const QString err = QString::fromUtf8(process.readAllStandardError());
    // The last block printed is the one of the process that runs the command.
    const qsizetype last = err.lastIndexOf(QStringLiteral("OPENMP DISPLAY ENVIRONMENT BEGIN"));
    QVERIFY2(last >= 0, qPrintable(err));
    QVERIFY2(err.mid(last).contains(expected), qPrintable(err.mid(last)));
    QVERIFY(QString::fromUtf8(process.readAllStandardOutput()).contains(QStringLiteral("kindred-cli")));
}

void TestCli::evalLibrary_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("boxes");
    QTest::newRow("defaults") << QStringList{} << false;
    QTest::newRow("frnet named") << QStringList{QStringLiteral("--model"), QStringLiteral("frnet")} << false;
    QTest::newRow("with the background fine-tuning")
        << QStringList{QStringLiteral("--finetune-every"), QStringLiteral("12")} << false;
    QTest::newRow("edgeface-xxs named")
        << QStringList{QStringLiteral("--model"), QStringLiteral("edgeface-xxs")} << false;
    QTest::newRow("pairs, boxes, other grouping")
        << QStringList{QStringLiteral("--generate-pairs"),   QStringLiteral("60"),
                       QStringLiteral("--algorithm"),        QStringLiteral("chinese-whispers"),
                       QStringLiteral("--rounds"),           QStringLiteral("2"),
                       QStringLiteral("--groups-per-round"), QStringLiteral("3"),
                       QStringLiteral("--no-effort")}
        << true;
}

// The quality harness on shared/photos/bbt: 8 people x 5 tight grayscale crops in person folders (labelled)
// and 5 group photos in the root (their faces are unlabelled and take no part in the scores).
void TestCli::evalLibrary()
{
    QFETCH(QStringList, options);
    QFETCH(bool, boxes);
    const QString bbt = QStringLiteral(KINDRED_SHARED_DIR "/photos/bbt");
    QTemporaryDir tmp;
    QStringList args{QStringLiteral("--library"), tmp.filePath(QStringLiteral("lib")),
                     QStringLiteral("eval-library"), QStringLiteral("--json"), QStringLiteral("--quiet")};
    args += options;
    if (boxes) {
        // WIDER format: the detected faces of one group photo (from `detect`) and one box where there is no
        // face: recall must come out as n / (n + 1).
        const CliResult detect =
            runCli({QStringLiteral("detect"), QStringLiteral("--json"), bbt + "/bbt1.jpg"});
        QVERIFY2(detect.exitCode == 0, detect.err.constData());
        const QJsonArray found =
            detect.json().array().at(0).toObject().value(QStringLiteral("faces")).toArray();
        QVERIFY(!found.isEmpty());
        QFile file(tmp.filePath(QStringLiteral("boxes.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
        QTextStream out(&file);
        out << "bbt1.jpg\n" << found.size() + 1 << '\n';
        for (const QJsonValue& v : found) {
            const QJsonArray b = v.toObject().value(QStringLiteral("box")).toArray();
            out << b[0].toDouble() << ' ' << b[1].toDouble() << ' ' << b[2].toDouble() - b[0].toDouble()
                << ' ' << b[3].toDouble() - b[1].toDouble() << " 0 0 0 0 0 0\n";
        }
        out << "1 1 30 30 0 0 0 0 0 0\n";
        file.close();
        args << QStringLiteral("--boxes") << file.fileName();
        options << QString::number(found.size());
    }
    args << bbt;
    const CliResult r = runCli(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject report = r.json().object();
    // Every crop has its face (the tight crops are found on a padded canvas).
    QCOMPARE(report.value(QStringLiteral("labelled_faces")).toInt(), 40);
    QVERIFY(report.value(QStringLiteral("faces")).toInt() > 40); // + the group photos' faces
    const QJsonObject g = report.value(QStringLiteral("grouping")).toObject();
    QCOMPARE(g.value(QStringLiteral("people")).toInt(), 8);
    QCOMPARE(g.value(QStringLiteral("labelled_faces")).toInt(), 40);
    for (const char* key : {"bcubed_precision", "bcubed_recall", "bcubed_f", "grouped_share"}) {
        const double v = g.value(QLatin1String(key)).toDouble(-1);
        QVERIFY2(v >= 0 && v <= 1, key);
    }
    // Groups of one person each on these eight people.
    QVERIFY2(g.value(QStringLiteral("bcubed_precision")).toDouble() >= 0.95, r.out.constData());
    QVERIFY(g.value(QStringLiteral("largest_groups")).toArray().size() <= 20);
    const QJsonArray rounds = report.value(QStringLiteral("naming_rounds")).toArray();
    QVERIFY(!rounds.isEmpty());
    const QJsonObject first = rounds.at(0).toObject();
    QVERIFY(first.value(QStringLiteral("named_people")).toInt() >= 1);
    for (const QJsonValue& v : rounds) {
        const QJsonObject o = v.toObject();
        QCOMPARE(o.value(QStringLiteral("suggestions_right")).toInt() +
                     o.value(QStringLiteral("suggestions_wrong")).toInt(),
                 o.value(QStringLiteral("suggestions")).toInt());
        QVERIFY(o.value(QStringLiteral("precision")).toDouble() >= 0.98);
    }
    int roundAnswers = 0;
    for (const QJsonValue& v : rounds)
        roundAnswers += v.toObject().value(QStringLiteral("suggestions")).toInt();
    QCOMPARE(report.value(QStringLiteral("naming_rounds_calibration"))
                 .toObject()
                 .value(QStringLiteral("answered"))
                 .toInt(),
             roundAnswers);
    // The effort simulation: the app's flow and the one-by-one reference, each from the same groups.
    QCOMPARE(report.contains(QStringLiteral("effort")), !options.contains(QStringLiteral("--no-effort")));
    QCOMPARE(report.contains(QStringLiteral("effort_baseline")), report.contains(QStringLiteral("effort")));
    // The background fine-tuning runs in a third simulation only, on the family's answers as they come: every
    // run after at least 12 more named faces, each adopted or refused with its reason.
    const bool finetuned = options.contains(QStringLiteral("--finetune-every"));
    QCOMPARE(report.contains(QStringLiteral("effort_finetuned")), finetuned);
    QVERIFY(!report.value(QStringLiteral("effort")).toObject().value(QStringLiteral("finetune")).isObject());
    if (finetuned) {
        const QJsonObject f = report.value(QStringLiteral("effort_finetuned"))
                                  .toObject()
                                  .value(QStringLiteral("finetune"))
                                  .toObject();
        QCOMPARE(f.value(QStringLiteral("every")).toInt(), 12);
        const QJsonArray history = f.value(QStringLiteral("history")).toArray();
        QVERIFY2(!history.isEmpty(), r.out.constData()); // 40 labelled faces of 8 people: enough for a run
        QCOMPARE(f.value(QStringLiteral("runs")).toInt(), int(history.size()));
        int adopted = 0, previousFaces = 0;
        for (const QJsonValue& v : history) {
            const QJsonObject run = v.toObject();
            adopted += run.value(QStringLiteral("adopted")).toBool() ? 1 : 0;
            QVERIFY(run.value(QStringLiteral("reason"))
                        .toString()
                        .startsWith(run.value(QStringLiteral("adopted")).toBool()
                                        ? QStringLiteral("adopted")
                                        : QStringLiteral("not adopted")));
            QVERIFY(run.value(QStringLiteral("faces")).toInt() >= previousFaces + 12);
            previousFaces = run.value(QStringLiteral("faces")).toInt();
        }
        QCOMPARE(f.value(QStringLiteral("adopted")).toInt(), adopted);
    }
    for (const QString& key :
         {QStringLiteral("effort"), QStringLiteral("effort_baseline"), QStringLiteral("effort_finetuned")}) {
        if (!report.contains(key))
            continue;
        const QJsonObject e = report.value(key).toObject();
        const auto n = [&](const char* field) { return e.value(QLatin1String(field)).toInt(); };
        QCOMPARE(n("labelled_faces"), 40);
        QCOMPARE(n("labelled_people"), 8);
        QCOMPARE(n("wrong_names"), 0); // the simulated family answers truthfully
        // Every person needs at least one decision; the family names what it can see.
        QVERIFY2(n("decisions") >= 8, qPrintable(key));
        QVERIFY2(e.value(QStringLiteral("named_share_final")).toDouble() >= 0.95, r.out.constData());
        // Every decision is one of the actions counted.
        const int answers = key == QLatin1String("effort_baseline")
                                ? n("suggestions_right") + n("suggestions_wrong")
                                : n("suggestions_wrong") + n("suggestion_batches");
        // Every answered suggestion is in the calibration, with the confidence it was shown with.
        const QJsonObject c = e.value(QStringLiteral("suggestion_calibration")).toObject();
        QCOMPARE(c.value(QStringLiteral("answered")).toInt(),
                 n("suggestions_right") + n("suggestions_wrong"));
        QCOMPARE(c.value(QStringLiteral("right")).toInt(), n("suggestions_right"));
        QVERIFY(c.value(QStringLiteral("expected_right")).toDouble() <=
                c.value(QStringLiteral("answered")).toInt());
        int inBands = 0;
        for (const QJsonValue& band : c.value(QStringLiteral("bands")).toArray())
            inBands += band.toObject().value(QStringLiteral("answered")).toInt();
        QCOMPARE(inBands, c.value(QStringLiteral("answered")).toInt());
        QVERIFY2(n("decisions") == n("groups_named") + n("faces_taken_out_of_groups") + n("groups_ignored") +
                                       answers + n("faces_named_one_by_one") + n("group_questions_yes") +
                                       n("group_questions_no") + n("pair_questions_yes") +
                                       n("pair_questions_no"),
                 qPrintable(key));
        const QJsonObject to = e.value(QStringLiteral("decisions_to")).toObject();
        int previous = 0;
        for (const char* share : {"50", "80", "90", "95"}) {
            const QJsonValue v = to.value(QLatin1String(share));
            if (v.isNull())
                continue;
            QVERIFY(v.toInt() >= previous && v.toInt() <= n("decisions"));
            previous = v.toInt();
        }
        QVERIFY(!to.value(QStringLiteral("50")).isNull());
        const QJsonArray curve = e.value(QStringLiteral("curve")).toArray();
        QVERIFY(!curve.isEmpty());
        QCOMPARE(curve.last().toArray().at(0).toInt(), n("decisions"));
        QCOMPARE(curve.last().toArray().at(1).toDouble(),
                 e.value(QStringLiteral("named_share_final")).toDouble());
    }
    QVERIFY(report.value(QStringLiteral("timing"))
                .toObject()
                .value(QStringLiteral("peak_memory_mib"))
                .toDouble() > 0);
    QVERIFY(report.value(QStringLiteral("timing"))
                .toObject()
                .value(QStringLiteral("model"))
                .toString()
                .startsWith(options.contains(QStringLiteral("--model"))
                                ? options.value(options.indexOf(QStringLiteral("--model")) + 1)
                                : QStringLiteral("edgeface-xs@")));
    if (options.contains(QStringLiteral("--generate-pairs"))) {
        QCOMPARE(g.value(QStringLiteral("algorithm")).toString(), QStringLiteral("chinese-whispers"));
        QVERIFY(rounds.size() <= 2);
        const QJsonObject v = report.value(QStringLiteral("verification")).toObject();
        QCOMPARE(v.value(QStringLiteral("pairs")).toInt(), 120);
        QVERIFY2(v.value(QStringLiteral("accuracy")).toDouble() >= 0.9, r.out.constData());
    } else {
        QCOMPARE(g.value(QStringLiteral("algorithm")).toString(), QStringLiteral("compact"));
        QVERIFY(report.value(QStringLiteral("grouping_baseline"))
                    .toObject()
                    .contains(QStringLiteral("bcubed_f")));
        QVERIFY(!report.contains(QStringLiteral("verification")));
    }
    if (boxes) {
        const int n = options.last().toInt();
        const QJsonArray recall = report.value(QStringLiteral("detection"))
                                      .toObject()
                                      .value(QStringLiteral("recall_by_size"))
                                      .toArray();
        QCOMPARE(recall.at(0).toObject().value(QStringLiteral("boxes")).toInt(), n + 1);
        QCOMPARE(recall.at(0).toObject().value(QStringLiteral("found")).toInt(), n);
    }
}

// A model the app does not know is refused with its name and the known ones, before anything is scored.
void TestCli::evalLibraryFaceLabels_data()
{
    QTest::addColumn<QString>("change"); // what is done to the labels file
    QTest::addColumn<bool>("valid");
    QTest::newRow("every face labelled") << QString() << true;
    QTest::newRow("and a box where there is no face") << QStringLiteral("extra box") << true;
    QTest::newRow("names moved to the next face of each photo") << QStringLiteral("moved") << true;
    QTest::newRow("a count that is not a number") << QStringLiteral("bad count") << false;
    QTest::newRow("a box line without a person") << QStringLiteral("no person") << false;
}

// Group photos with a person for every face (`eval-library --face-labels`): ten photos made from the bbt
// crops (three people each, every crop used once), in one flat folder, so that only the file can label them.
void TestCli::evalLibraryFaceLabels()
{
    QFETCH(QString, change);
    QFETCH(bool, valid);
    QVERIFY(m_groupPhotos.isValid());
    const QString root = m_groupPhotos.filePath(QStringLiteral("photos"));
    struct Box {
        QRect rect;
        QString person;
    };
    QList<QList<Box>> photos;
    const QStringList people{QStringLiteral("amy"),     QStringLiteral("bernadette"),
                             QStringLiteral("howard"),  QStringLiteral("leonard"),
                             QStringLiteral("penny"),   QStringLiteral("raj"),
                             QStringLiteral("sheldon"), QStringLiteral("stuart")};
    QHash<QString, int> used;
    for (int k = 0; k < 10; ++k) {
        QList<Box> boxes;
        const int chosen[3] = {k % 8, (k + 1) % 8, (k + 3) % 8};
        for (int j = 0; j < 3; ++j) {
            const QString& person = people[chosen[j]];
            const int side = 120 + 30 * ((k + j) % 3);
            boxes.append({QRect(60 + j * 340, 80 + 90 * ((k + 2 * j) % 3), side, side),
                          person + QLatin1Char('/') + person + QString::number(++used[person]) + ".png"});
        }
        photos.append(boxes);
    }
    const QString bbt = QStringLiteral(KINDRED_SHARED_DIR "/photos/bbt/");
    const QString library = m_groupPhotos.filePath(QStringLiteral("lib"));
    if (!QFileInfo::exists(root)) {
        QVERIFY(QDir().mkpath(root));
        for (int k = 0; k < photos.size(); ++k) {
            QImage canvas(1100, 600, QImage::Format_RGB888);
            canvas.fill(QColor(110 + 10 * k, 120, 140 - 5 * k));
            QPainter painter(&canvas);
            for (const Box& b : photos[k]) {
                const QImage crop(bbt + b.person);
                QVERIFY2(!crop.isNull(), qPrintable(b.person));
                painter.drawImage(b.rect, crop);
            }
            painter.end();
            QVERIFY(canvas.save(QDir(root).filePath(QStringLiteral("group %1.jpg").arg(k)), "JPEG", 92));
        }
    }
    QString labels;
    for (int k = 0; k < photos.size(); ++k) {
        const QList<Box>& boxes = photos[k];
        const bool extra = change == QLatin1String("extra box") && k == 0;
        labels +=
            QStringLiteral("group %1.jpg\n%2\n")
                .arg(k)
                .arg(change == QLatin1String("bad count") && k == 4 ? QStringLiteral("three")
                                                                    : QString::number(boxes.size() + extra));
        for (int j = 0; j < boxes.size(); ++j) {
            const QRect r = boxes[j].rect;
            QString person = boxes[(change == QLatin1String("moved") ? j + 1 : j) % boxes.size()].person;
            person = person.left(person.indexOf(QLatin1Char('/')));
            if (change == QLatin1String("no person") && k == 2 && j == 1)
                person.clear();
            labels += QStringLiteral("%1 %2 %3 %4 %5\n")
                          .arg(r.x())
                          .arg(r.y())
                          .arg(r.width())
                          .arg(r.height())
                          .arg(person);
        }
        if (extra)
            labels += QStringLiteral("900 450 100 100 nobody\n"); // plain background
    }
    QFile file(m_groupPhotos.filePath(QStringLiteral("labels.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text | QIODevice::Truncate));
    file.write(labels.toUtf8());
    file.close();
    const CliResult r = runCli(
        {QStringLiteral("--library"), library, QStringLiteral("eval-library"), QStringLiteral("--json"),
         QStringLiteral("--quiet"), QStringLiteral("--rounds"), QStringLiteral("0"),
         QStringLiteral("--no-baseline"), QStringLiteral("--face-labels"), file.fileName(), root});
    if (!valid) {
        QVERIFY(r.exitCode != 0);
        // Where the file is wrong, by line.
        QVERIFY2(r.err.contains(change == QLatin1String("bad count") ? "labels.txt:22:" : "labels.txt:14:"),
                 r.err.constData());
        return;
    }
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject report = r.json().object();
    const QJsonObject l = report.value(QStringLiteral("face_labels")).toObject();
    QCOMPARE(l.value(QStringLiteral("photos")).toInt(), 10);
    QCOMPARE(l.value(QStringLiteral("labelled_boxes")).toInt(),
             change == QLatin1String("extra box") ? 31 : 30);
    QCOMPARE(l.value(QStringLiteral("people")).toInt(), change == QLatin1String("extra box") ? 9 : 8);
    // Every crop's face is found and takes its box's person; the box on the background takes nothing. Only
    // the file labels: the folder is flat.
    QCOMPARE(l.value(QStringLiteral("boxes_with_a_detection")).toInt(), 30);
    QCOMPARE(report.value(QStringLiteral("labelled_faces")).toInt(), 30);
    const QJsonObject g = report.value(QStringLiteral("grouping")).toObject();
    QCOMPARE(g.value(QStringLiteral("people")).toInt(), 8);
    const QJsonObject e = report.value(QStringLiteral("effort")).toObject();
    QCOMPARE(e.value(QStringLiteral("labelled_faces")).toInt(), 30);
    QCOMPARE(e.value(QStringLiteral("labelled_people")).toInt(), 8);
    QCOMPARE(e.value(QStringLiteral("wrong_names")).toInt(), 0);
    if (change == QLatin1String("moved")) {
        // The names follow the boxes: moved to another face, a group of one person carries three names.
        QVERIFY2(g.value(QStringLiteral("bcubed_precision")).toDouble() < 0.7, r.out.constData());
        return;
    }
    // The eight people's faces, each its own group, named in about one decision each.
    QVERIFY2(g.value(QStringLiteral("bcubed_precision")).toDouble() >= 0.95, r.out.constData());
    QVERIFY2(e.value(QStringLiteral("named_share_final")).toDouble() >= 0.95, r.out.constData());
    QVERIFY2(e.value(QStringLiteral("decisions")).toInt() <= 16, r.out.constData());
}

void TestCli::evalLibraryUnknownModel()
{
    QTemporaryDir tmp;
    const CliResult r =
        runCli({QStringLiteral("--library"), tmp.filePath(QStringLiteral("lib")),
                QStringLiteral("eval-library"), QStringLiteral("--quiet"), QStringLiteral("--model"),
                QStringLiteral("no-such-net"), QStringLiteral(KINDRED_SHARED_DIR "/photos/bbt")});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains("no-such-net") && r.err.contains("frnet"), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
