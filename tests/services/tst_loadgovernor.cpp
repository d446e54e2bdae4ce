// The face job on a computer that is never idle (issue 21): its thread count follows the load (the rule on
// recorded samples, and the system's own sampler next to real busy processes), photos are detected side by
// side with a pool of detectors whose limit follows it, and side by side finds the same faces as one at a
// time (real photos, real models, a real catalog).
#include "catalog.h"
#include "faceindexer.h"
#include "librarypaths.h"
#include "loadgovernor.h"
#include "resourcepool.h"
#include "scanner.h"
#include "sqlutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#if !defined(Q_OS_WIN)
#include <unistd.h>
#endif

using namespace kindred;

namespace {

// Busy programs: `count` shells spinning on a core each, stopped when the list goes.
struct Shell {
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    ~Shell()
    {
        process->kill();
        process->waitForFinished();
    }
    QProcess* operator->() const { return process.get(); }
};

std::vector<Shell> spinningShells(int count)
{
    std::vector<Shell> shells(static_cast<size_t>(count));
    for (Shell& shell : shells) {
        shell->start(QStringLiteral("/bin/sh"),
                     {QStringLiteral("-c"), QStringLiteral("while :; do :; done")});
        if (!shell->waitForStarted())
            return {};
    }
    return shells;
}

} // namespace

class TestLoadGovernor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void followsTheLoad_data()
    {
        QTest::addColumn<int>("cores");
        QTest::addColumn<int>("idle");
        QTest::addColumn<QList<double>>("samples"); // other programs' threads ready to run, one per photo
        QTest::addColumn<int>("fewest");            // the fewest threads used along the way
        QTest::addColumn<int>("last");              // the count after the last sample

        QTest::newRow("idle 2-core machine") << 2 << 2 << QList<double>{0, 0, 0, 0, 0, 0} << 2 << 2;
        QTest::newRow("one busy program") << 2 << 2 << QList<double>{1, 1, 1, 1, 1, 1} << 1 << 1;
        QTest::newRow("two busy programs: never below one")
            << 2 << 2 << QList<double>{2, 2, 3, 4, 2, 2} << 1 << 1;
        QTest::newRow("one short burst does not flip it")
            << 2 << 2 << QList<double>{0, 0, 0, 1, 0, 0, 1, 0} << 2 << 2;
        QTest::newRow("the programs stop: back to the cores")
            << 2 << 2 << QList<double>{2, 2, 2, 2, 0, 0, 0, 0, 0, 0} << 1 << 2;
        QTest::newRow("16 cores, three busy threads") << 16 << 16 << QList<double>(12, 3.0) << 13 << 13;
        QTest::newRow("never above the count asked for") << 16 << 4 << QList<double>(12, 2.0) << 4 << 4;
        QTest::newRow("load unknown: the idle count") << 2 << 2 << QList<double>{-1, -1, -1} << 2 << 2;
        QTest::newRow("unknown samples are skipped") << 2 << 2 << QList<double>{1, -1, 1, -1, 1, 1} << 1 << 1;
    }

    void followsTheLoad()
    {
        QFETCH(int, cores);
        QFETCH(int, idle);
        QFETCH(QList<double>, samples);
        QFETCH(int, fewest);
        QFETCH(int, last);
        auto at = std::make_shared<qsizetype>(0);
        LoadGovernor governor(idle, cores, [samples, at]() { return samples.at((*at)++); });
        QCOMPARE(governor.threads(), idle);
        int seenFewest = idle;
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const int n = governor.update();
            QVERIFY(n >= 1 && n <= idle);
            seenFewest = std::min(seenFewest, n);
        }
        QCOMPARE(seenFewest, fewest);
        QCOMPARE(governor.threads(), last);
    }

    // The system's sampler sees other programs that want the CPU and not this process's own threads.
    void systemSamplerSeesBusyPrograms()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("the load is read from /proc on Linux only");
#else
        const auto busy = spinningShells(2);
        QCOMPARE(busy.size(), size_t(2));
        QTest::qWait(300);
        QList<double> samples;
        for (int i = 0; i < 7; ++i) {
            samples.append(LoadGovernor::sampleOthersRunnable());
            QTest::qWait(20);
        }
        LoadGovernor governor(2, 2);
        for (int i = 0; i < 6; ++i)
            governor.update();
        std::sort(samples.begin(), samples.end());
        // Both spinning shells are ready to run at every instant (running or waiting for a core).
        QVERIFY2(samples.at(samples.size() / 2) >= 2,
                 qPrintable(QString::number(samples.at(samples.size() / 2))));
        QCOMPARE(governor.threads(), 1);
        QVERIFY(governor.othersRunnable() >= 1.5);
#endif
    }

    // Where no runnable count can be read (macOS, Windows), the other programs' CPU use between two samples
    // stands for it.
    void othersFromCpuTimes_data()
    {
        QTest::addColumn<QList<double>>("before"); // system busy, own, wall (seconds)
        QTest::addColumn<QList<double>>("after");
        QTest::addColumn<double>("expected");
        QTest::newRow("idle but for the job")
            << QList<double>{100, 10, 5} << QList<double>{102, 12, 6} << 0.0;
        QTest::newRow("one busy program next to a job on two cores")
            << QList<double>{100, 10, 5} << QList<double>{102, 11, 6} << 1.0;
        QTest::newRow("two busy programs, half a second")
            << QList<double>{100, 10, 5} << QList<double>{101, 10.02, 5.5} << 1.96;
        QTest::newRow("coarse system ticks: never below zero")
            << QList<double>{100, 10, 5} << QList<double>{100.99, 11, 6} << 0.0;
        QTest::newRow("unknown reading") << QList<double>{-1, 0, 5} << QList<double>{102, 11, 6} << -1.0;
        QTest::newRow("no time passed") << QList<double>{100, 10, 5} << QList<double>{101, 10, 5} << -1.0;
    }
    void othersFromCpuTimes()
    {
        QFETCH(QList<double>, before);
        QFETCH(QList<double>, after);
        QFETCH(double, expected);
        const LoadGovernor::CpuTimes a{before[0], before[1], before[2]}, b{after[0], after[1], after[2]};
        QVERIFY2(std::abs(LoadGovernor::othersFromCpuTimes(a, b) - expected) < 1e-9,
                 qPrintable(QString::number(LoadGovernor::othersFromCpuTimes(a, b))));
    }

    // The CPU-time sampler (macOS and Windows read the same counters from their own interfaces) sees two busy
    // programs and not this process's own work, and the governor then gives up the cores they take.
    void cpuTimesSamplerSeesBusyPrograms()
    {
#if defined(Q_OS_WIN)
        QSKIP("the busy programs are POSIX shells");
#else
        if (LoadGovernor::readCpuTimes().systemBusy < 0)
            QSKIP("the CPU times cannot be read on this system");
        const LoadGovernor::Sampler sampler = LoadGovernor::cpuTimesSampler();
        QCOMPARE(sampler(), -1.0); // no interval yet
        const auto busy = spinningShells(2);
        QCOMPARE(busy.size(), size_t(2));
        QTest::qWait(200);
        // What the shells really got (a CPU quota may give them less than the cores): Linux's per-process
        // times.
        const auto shellSeconds = [&busy] {
            double total = 0;
            for (const auto& p : busy) {
                QFile f(QStringLiteral("/proc/%1/stat").arg(p->processId()));
                if (!f.open(QIODevice::ReadOnly))
                    return -1.0;
                const QByteArray stat = f.readAll();
                // After the command's closing parenthesis: state (field 3) ... utime (14), stime (15).
                const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
                if (fields.size() < 13)
                    return -1.0;
                total += fields.at(11).toDouble() + fields.at(12).toDouble();
            }
            return total / double(sysconf(_SC_CLK_TCK));
        };
        QElapsedTimer interval;
        const double shellsBefore = shellSeconds();
        interval.start();
        sampler(); // from here on the shells are busy
        QTest::qWait(600);
        const double others = sampler();
        const double shellCores = (shellSeconds() - shellsBefore) / (double(interval.nsecsElapsed()) / 1e9);
        LoadGovernor governor(2, 2, LoadGovernor::cpuTimesSampler());
        for (int i = 0; i < 6; ++i) {
            governor.update();
            QTest::qWait(150);
        }
        // The other programs' cores include at least what the two spinning shells got (less the coarse ticks
        // of the counters); where that is most of two cores, the governor keeps one thread.
        const double expected =
            shellsBefore >= 0 ? shellCores - 0.25 : std::min(2.0, double(QThread::idealThreadCount())) * 0.75;
        QVERIFY2(others >= expected,
                 qPrintable(QStringLiteral("%1 cores read, the shells used %2").arg(others).arg(shellCores)));
        if (QThread::idealThreadCount() <= 2 && shellCores >= 1.5)
            QCOMPARE(governor.threads(), 1);
#endif
    }

    // The pool never lends more than its limit, and reaches it when enough threads want one.
    void poolKeepsToItsLimit_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("limit");
        QTest::addColumn<int>("threads");
        QTest::newRow("limit 1 of 2") << 2 << 1 << 4;
        QTest::newRow("limit 2 of 2") << 2 << 2 << 4;
        QTest::newRow("limit above the size") << 3 << 8 << 6;
        QTest::newRow("limit 0 means 1") << 2 << 0 << 3;
        QTest::newRow("fewer threads than the limit") << 4 << 4 << 2;
    }
    void poolKeepsToItsLimit()
    {
        QFETCH(int, size);
        QFETCH(int, limit);
        QFETCH(int, threads);
        std::vector<std::unique_ptr<int>> items;
        for (int i = 0; i < size; ++i)
            items.push_back(std::make_unique<int>(i));
        ResourcePool<int> pool(std::move(items));
        pool.setLimit(limit);
        const int expected = std::min({std::max(1, limit), size, threads});
        QCOMPARE(pool.limit(), std::clamp(limit, 1, size));
        std::atomic_int out{0}, most{0}, lent{0};
        std::atomic_bool sameTwice{false};
        std::vector<std::atomic_int> held(static_cast<size_t>(size));
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t)
            workers.emplace_back([&] {
                for (int round = 0; round < 5; ++round) {
                    ResourcePool<int>::Lease item = pool.acquire();
                    if (held[size_t(*item)]++ != 0)
                        sameTwice = true;
                    const int now = ++out;
                    int seen = most;
                    while (now > seen && !most.compare_exchange_weak(seen, now)) {
                    }
                    ++lent;
                    std::this_thread::sleep_for(std::chrono::milliseconds(15));
                    --out;
                    --held[size_t(*item)];
                }
            });
        for (auto& w : workers)
            w.join();
        QCOMPARE(lent.load(), threads * 5);
        QVERIFY(!sameTwice);
        QCOMPARE(most.load(), expected);
        QCOMPARE(pool.inUse(), 0);
    }

    // Lowering the limit takes nothing back, and new borrowers wait until fewer than the limit are out.
    void poolLimitLoweredWhileLent()
    {
        std::vector<std::unique_ptr<int>> items;
        for (int i = 0; i < 2; ++i)
            items.push_back(std::make_unique<int>(i));
        ResourcePool<int> pool(std::move(items));
        auto a = pool.acquire();
        auto b = pool.acquire();
        QVERIFY(!pool.tryAcquireFor(std::chrono::milliseconds(20))); // all lent
        pool.setLimit(1);
        QCOMPARE(pool.inUse(), 2);
        a.release();
        QVERIFY(!pool.tryAcquireFor(std::chrono::milliseconds(20))); // one out = the limit
        b.release();
        auto c = pool.tryAcquireFor(std::chrono::milliseconds(20));
        QVERIFY(c);
        QVERIFY(!pool.tryAcquireFor(std::chrono::milliseconds(20)));
        // A borrower waiting when the limit is raised gets one.
        std::atomic_bool got{false};
        std::thread waiter([&] { got = bool(pool.tryAcquireFor(std::chrono::seconds(5))); });
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        pool.setLimit(2);
        waiter.join();
        QVERIFY(got);
    }

    // Photos detected side by side (two and three workers on this machine's cores) give the faces that one
    // photo at a time gives: the same boxes, landmarks and face-check verdicts, on group photos and
    // portraits.
    void sideBySideFindsTheSameFaces_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("two workers") << 2;
        QTest::newRow("three workers") << 3;
    }
    void sideBySideFindsTheSameFaces()
    {
        QFETCH(int, threads);
        const QString models = QStringLiteral(KINDRED_MODELS_DIR);
        if (!QFileInfo::exists(models + QStringLiteral("/mtcnn_model-weights_manifest.json")))
            QSKIP("no model pack in KINDRED_MODELS_DIR");
        const QString shared = QStringLiteral(KINDRED_SHARED_DIR "/photos");
        QStringList photos;
        for (int i = 1; i <= 5; ++i)
            photos << shared + QStringLiteral("/bbt/bbt%1.jpg").arg(i);
        photos << shared + QStringLiteral("/dev/multiface.jpg") << shared + QStringLiteral("/dev/faces.jpg");
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("photos"));
        QVERIFY(QDir().mkpath(folder));
        for (const QString& photo : std::as_const(photos)) {
            if (!QFileInfo::exists(photo))
                QSKIP("shared/photos is not there");
            QVERIFY(QFile::copy(photo, folder + QLatin1Char('/') + QFileInfo(photo).fileName()));
        }
        // Both libraries catalogue the photos first; then one photo is damaged (as a disk or a sync tool
        // can do after the scan): its failure, recorded with a reason, comes through the workers too.
        auto scanInto = [&](const QString& name) {
            LibraryPaths paths(dir.filePath(name));
            QString why;
            if (!paths.ensureExists(&why))
                qFatal("%s", qPrintable(why));
            Catalog catalog;
            if (!catalog.open(paths.catalogFile()) ||
                !Scanner(paths.catalogFile()).scan({folder}).error.isEmpty())
                qFatal("catalog");
            return paths;
        };
        const LibraryPaths onePaths = scanInto(QStringLiteral("one"));
        const LibraryPaths sidePaths = scanInto(QStringLiteral("side"));
        QFile damaged(folder + QStringLiteral("/bbt3.jpg"));
        QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        damaged.write(QByteArray(4096, 'x'));
        damaged.close();

        auto facesWith = [&](int n, const LibraryPaths& paths, QStringList* failures) {
            const QString catalogPath = paths.catalogFile();
            QStringList out;
            {
                Catalog catalog;
                if (!catalog.open(catalogPath))
                    qFatal("catalog");
                FaceIndexOptions options;
                options.modelsDir = models;
                options.threads = n;
                FaceIndexer indexer(catalogPath, paths, options);
                QString why;
                if (!indexer.prepare(&why))
                    qFatal("models: %s", qPrintable(why));
                const FaceIndexSummary summary = indexer.run({});
                for (const FaceIndexFailure& f : summary.failures)
                    failures->append(QFileInfo(f.path).fileName());
                QSqlQuery q(Catalog::connectionForThread(catalogPath));
                SqlUtil::exec(
                    q, QStringLiteral("SELECT p.path, f.x1, f.y1, f.x2, f.y2, f.lm_left_eye_x, f.lm_nose_y, "
                                      "f.face_check, f.not_face FROM faces f "
                                      "JOIN photos p ON p.id = f.photo_id ORDER BY p.path, f.x1, f.y1"));
                while (q.next())
                    out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                               .arg(QFileInfo(q.value(0).toString()).fileName())
                               .arg(q.value(1).toDouble(), 0, 'f', 2)
                               .arg(q.value(2).toDouble(), 0, 'f', 2)
                               .arg(q.value(3).toDouble(), 0, 'f', 2)
                               .arg(q.value(4).toDouble(), 0, 'f', 2)
                               .arg(q.value(5).toDouble(), 0, 'f', 2)
                               .arg(q.value(6).toDouble(), 0, 'f', 2)
                               .arg(q.value(7).toDouble(), 0, 'f', 3)
                               .arg(q.value(8).toInt());
            }
            Catalog::closeThreadConnection(catalogPath);
            return out;
        };
        QStringList failedOne, failedSide;
        const QStringList one = facesWith(1, onePaths, &failedOne);
        const QStringList side = facesWith(threads, sidePaths, &failedSide);
        QVERIFY2(one.size() >= 20, qPrintable(QString::number(one.size())));
        QCOMPARE(failedOne, QStringList{QStringLiteral("bbt3.jpg")});
        QCOMPARE(failedSide, failedOne);
        QCOMPARE(side, one);
    }
};

QTEST_GUILESS_MAIN(TestLoadGovernor)
#include "tst_loadgovernor.moc"
