// bench_finetune_gui: whether the background fine-tuning job makes the GUI thread stutter. Builds a
// library whose catalog holds N synthetic confirmed faces (128-d, N / 40 people), then probes the event
// loop of the main thread with a 10 ms timer, first for a few seconds with nothing running (baseline),
// then while LibraryService runs the fine-tuning job exactly as the GUI starts it. Reports the gaps
// between ticks (p50 / p99 / max) for both phases, measured in one run.
//   bench_finetune_gui [--faces N] [--threads T] [--baseline-seconds S]
#include "catalog.h"
#include "finetuneservice.h"
#include "jobmanager.h"
#include "librarypaths.h"
#include "libraryservice.h"
#include "training/syntheticidentities.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace kindred;

namespace {

struct Gaps {
    std::vector<qint64> ms;
    qint64 at(double q) const
    {
        if (ms.empty())
            return 0;
        std::vector<qint64> s = ms;
        std::sort(s.begin(), s.end());
        return s[std::min(s.size() - 1, static_cast<size_t>(q * double(s.size())))];
    }
};

// Runs the event loop until `done` returns true (checked on every tick), collecting tick gaps.
Gaps probe(const std::function<bool(qint64 elapsedMs)>& done)
{
    Gaps gaps;
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    QTimer timer;
    timer.setInterval(10);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        gaps.ms.push_back(now - last);
        last = now;
        if (done(now))
            QCoreApplication::exit(0);
    });
    timer.start();
    QCoreApplication::exec();
    return gaps;
}

bool fillCatalog(const LibraryPaths& paths, int faces)
{
    SyntheticOptions o;
    o.faces = faces;
    o.identities = std::max(20, faces / 40);
    o.dim = 128;
    o.noiseShare = 0.0;
    o.nuisanceDims = 4;
    o.nuisanceScale = 0.9; // identities blurred by shared variation, so that training has work to do
    o.minSpread = 0.3;
    o.maxSpread = 0.4;
    const SyntheticSet set = SyntheticIdentities::generate(o);
    Catalog catalog;
    if (!catalog.open(paths.catalogFile()))
        return false;
    QSqlDatabase db = catalog.database();
    db.transaction();
    QSqlQuery person(db), photo(db), face(db);
    for (int64_t p = 0; p < o.identities; ++p) {
        person.prepare(QStringLiteral("INSERT INTO persons (id, name) VALUES (?, ?)"));
        person.addBindValue(qint64(p + 1));
        person.addBindValue(QStringLiteral("Person %1").arg(p + 1));
        if (!person.exec()) {
            std::fprintf(stderr, "%s\n", qPrintable(person.lastError().text()));
            return false;
        }
    }
    photo.prepare(
        QStringLiteral("INSERT INTO photos (id, path, hash, size, mtime_ns, format, mime, width, height, "
                       "date_source) VALUES (?, ?, ?, 1, 1, 'jpeg', 'image/jpeg', 640, 480, 'file-mtime')"));
    face.prepare(
        QStringLiteral("INSERT INTO faces (photo_id, x1, y1, x2, y2, score, embedding, model_id, dim, "
                       "person_id, state, quality) VALUES (?, 0, 0, 100, 100, 0.99, ?, 'synthetic', 128, "
                       "?, 'confirmed', 0.9)"));
    const torch::Tensor x = set.embeddings.contiguous();
    for (int i = 0; i < faces; ++i) {
        photo.addBindValue(qint64(i + 1));
        photo.addBindValue(QStringLiteral("/bench/%1.jpg").arg(i));
        photo.addBindValue(QStringLiteral("%1").arg(i, 16, 16, QLatin1Char('0')));
        face.addBindValue(qint64(i + 1));
        face.addBindValue(QByteArray(reinterpret_cast<const char*>(x[i].data_ptr<float>()), 4 * 128));
        face.addBindValue(qint64(set.labels[size_t(i)] + 1));
        if (!photo.exec() || !face.exec()) {
            std::fprintf(stderr, "%s %s\n", qPrintable(photo.lastError().text()),
                         qPrintable(face.lastError().text()));
            return false;
        }
    }
    return db.commit();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never touch the user's settings
    int faces = 1000;
    int threads = 2;
    int baselineSeconds = 5;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--faces"))
            faces = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--threads"))
            threads = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--baseline-seconds"))
            baselineSeconds = args[i + 1].toInt();
        else {
            std::fprintf(stderr, "bench_finetune_gui: unknown option %s\n", qPrintable(args[i]));
            return 2;
        }
    }
    QTemporaryDir dir;
    const LibraryPaths paths(dir.path());
    if (!paths.ensureExists() || !fillCatalog(paths, faces)) {
        std::fprintf(stderr, "bench_finetune_gui: cannot build the library in %s\n", qPrintable(dir.path()));
        return 1;
    }
    Catalog::closeThreadConnection(paths.catalogFile());
    QSettings().setValue(QStringLiteral("inference/threads"), threads);
    QSettings().setValue(QStringLiteral("jobs/personaliseAutomatically"), false);

    QFile loadavg(QStringLiteral("/proc/loadavg"));
    const QByteArray load = loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().trimmed() : QByteArray("?");
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    QByteArray cpu = "unknown CPU";
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : cpuinfo.readAll().split('\n'))
            if (line.startsWith("model name")) {
                cpu = line.mid(line.indexOf(':') + 1).trimmed();
                break;
            }
    }
    std::printf("machine: %s, %d hardware threads, %s, load %s\n", cpu.constData(),
                QThread::idealThreadCount(), qPrintable(QSysInfo::prettyProductName()), load.constData());
    std::printf("library: %d confirmed synthetic faces (128-d, %d people); job threads %d\n\n", faces,
                std::max(20, faces / 40), threads);

    const Gaps idle = probe([&](qint64 ms) { return ms >= 1000LL * baselineSeconds; });

    JobManager jobs;
    LibraryService library(&jobs);
    QString error;
    if (!library.open(dir.path(), &error)) {
        std::fprintf(stderr, "bench_finetune_gui: %s\n", qPrintable(error));
        return 1;
    }
    QElapsedTimer jobClock;
    jobClock.start();
    const int id = library.personaliseFaces(&error);
    if (id < 0) {
        std::fprintf(stderr, "bench_finetune_gui: %s\n", qPrintable(error));
        return 1;
    }
    const Gaps busy = probe([&](qint64) { return !library.isFinetuning(); });
    const double jobSeconds = double(jobClock.elapsed()) / 1000.0;

    std::printf("%-28s %8s %7s %7s %7s %7s\n", "phase", "seconds", "ticks", "p50 ms", "p99 ms", "max ms");
    std::printf("%-28s %8d %7zu %7lld %7lld %7lld\n", "idle (baseline)", baselineSeconds, idle.ms.size(),
                idle.at(0.5), idle.at(0.99), idle.at(1.0));
    std::printf("%-28s %8.1f %7zu %7lld %7lld %7lld\n", "fine-tuning job running", jobSeconds, busy.ms.size(),
                busy.at(0.5), busy.at(0.99), busy.at(1.0));
    std::printf("\njob: %s\n", qPrintable(jobs.job(id).message));
    return 0;
}
