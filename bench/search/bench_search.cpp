// bench_search: generates a catalog like a large family library (100,000 photos over ten years in several
// folders, 200,000 faces with 512-d embeddings, ~50 people with skewed frequencies, 60% of the faces
// confirmed), then times SearchService::search for typical person queries and PeopleService::persons().
//   bench_search [--photos N] [--faces N] [--persons N] [--dim N] [--queries N] [--catalog PATH] [--analyze]
// --catalog keeps the generated catalog at PATH (and reuses it when PATH already exists).
#include "catalog.h"
#include "peopleservice.h"
#include "searchservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <time.h>

using namespace kindred;

namespace {

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (const QByteArray& line : lines) {
            if (line.startsWith("model name"))
                return QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QStringLiteral("unknown CPU");
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

struct Options {
    int photos = 100000;
    int faces = 200000;
    int persons = 50;
    int dim = 512;
    int queries = 50;
    bool analyze = false;
};

bool execOrReport(QSqlQuery& q)
{
    if (q.exec())
        return true;
    std::fprintf(stderr, "SQL error: %s\n", qPrintable(q.lastError().text()));
    return false;
}

// Person names in order of frequency (rank 0 = the most photographed).
QString personName(int rank)
{
    return QStringLiteral("Person %1").arg(rank + 1, 2, 10, QLatin1Char('0'));
}

bool generate(const QString& path, const Options& o)
{
    QSqlDatabase db = Catalog::connectionForThread(path);
    std::mt19937_64 rng(20240601);
    QElapsedTimer timer;
    timer.start();
    if (!db.transaction())
        return false;

    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO persons (id, name) VALUES (?, ?)"));
    for (int i = 0; i < o.persons; ++i) {
        q.bindValue(0, i + 1);
        q.bindValue(1, personName(i));
        if (!execOrReport(q))
            return false;
    }

    // Photos: ten years, 4% without a date, 1% missing; folders by year/month, a phone folder, scans.
    q.prepare(QStringLiteral(
        "INSERT INTO photos (id, path, hash, size, mtime_ns, format, mime, width, height, "
        "captured_at, date_source, missing) VALUES (?, ?, ?, ?, ?, 'jpeg', 'image/jpeg', 4000, "
        "3000, ?, ?, ?)"));
    const QDateTime start(QDate(2014, 1, 1), QTime(0, 0));
    const qint64 span = start.secsTo(QDateTime(QDate(2024, 1, 1), QTime(0, 0)));
    std::uniform_int_distribution<qint64> when(0, span - 1);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < o.photos; ++i) {
        const QDateTime t = start.addSecs(when(rng));
        const double r = unit(rng);
        QString folder;
        if (r < 0.85)
            folder = QStringLiteral("/home/family/Pictures/%1/%2")
                         .arg(t.date().year())
                         .arg(t.date().month(), 2, 10, QLatin1Char('0'));
        else if (r < 0.95)
            folder = QStringLiteral("/home/family/Pictures/Phone/%1").arg(t.date().year());
        else
            folder = QStringLiteral("/home/family/Scans/Box %1").arg(i % 7 + 1);
        const bool dated = unit(rng) >= 0.04;
        q.bindValue(0, i + 1);
        q.bindValue(1, QStringLiteral("%1/IMG_%2.jpg").arg(folder).arg(i + 1, 6, 10, QLatin1Char('0')));
        q.bindValue(
            2, QStringLiteral("%1").arg(quint64(i + 1) * 2654435761ULL, 16, 16, QLatin1Char('0')).right(16));
        q.bindValue(3, 2000000 + i);
        q.bindValue(4, t.toMSecsSinceEpoch() * 1000000);
        q.bindValue(5, dated ? QVariant(t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")))
                             : QVariant(QMetaType::fromType<QString>()));
        q.bindValue(6, dated ? QStringLiteral("exif-original") : QStringLiteral("file-mtime"));
        q.bindValue(7, unit(rng) < 0.01 ? 1 : 0);
        if (!execOrReport(q))
            return false;
    }

    // Faces: photo chosen uniformly (so ~Poisson(2) faces per photo), inserted photo by photo as a scan
    // would; 60% confirmed, 15% suggested, 20% unknown, 5% ignored; people Zipf-distributed.
    std::vector<int> facePhoto(size_t(o.faces));
    std::uniform_int_distribution<int> anyPhoto(1, o.photos);
    for (int& p : facePhoto)
        p = anyPhoto(rng);
    std::sort(facePhoto.begin(), facePhoto.end());
    std::vector<double> weights;
    for (int i = 0; i < o.persons; ++i)
        weights.push_back(1.0 / std::pow(double(i + 1), 1.1));
    std::discrete_distribution<int> person(weights.begin(), weights.end());
    q.prepare(
        QStringLiteral("INSERT INTO faces (photo_id, x1, y1, x2, y2, score, embedding, model_id, dim, norm, "
                       "person_id, state, suggestion_score) VALUES (?, ?, ?, ?, ?, 0.99, ?, "
                       "'facenet-vggface2', ?, 1.0, ?, ?, ?)"));
    QByteArray embedding(4 * o.dim, Qt::Uninitialized);
    quint32 x = 2463534242u;
    for (int i = 0; i < o.faces; ++i) {
        auto* e = reinterpret_cast<float*>(embedding.data());
        for (int k = 0; k < o.dim; ++k) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            e[k] = float(x) / 4294967296.0f - 0.5f;
        }
        const double r = unit(rng);
        const QString state = r < 0.60   ? QStringLiteral("confirmed")
                              : r < 0.75 ? QStringLiteral("suggested")
                              : r < 0.95 ? QStringLiteral("unknown")
                                         : QStringLiteral("ignored");
        const bool named = r < 0.75;
        const double left = 100 + 50 * (i % 40);
        q.bindValue(0, facePhoto[size_t(i)]);
        q.bindValue(1, left);
        q.bindValue(2, 300.0);
        q.bindValue(3, left + 180);
        q.bindValue(4, 520.0);
        q.bindValue(5, embedding);
        q.bindValue(6, o.dim);
        q.bindValue(7, named ? QVariant(person(rng) + 1) : QVariant(QMetaType::fromType<qint64>()));
        q.bindValue(8, state);
        q.bindValue(9, state == QStringLiteral("suggested") ? QVariant(0.5 + 0.5 * unit(rng))
                                                            : QVariant(QMetaType::fromType<double>()));
        if (!execOrReport(q))
            return false;
    }
    q.finish();
    if (!db.commit()) {
        std::fprintf(stderr, "commit failed: %s\n", qPrintable(db.lastError().text()));
        return false;
    }
    std::printf("generated %d photos, %d faces (%d-d embeddings), %d persons in %.1f s, catalog %.0f MB\n",
                o.photos, o.faces, o.dim, o.persons, double(timer.elapsed()) / 1000.0,
                double(QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size()) / 1e6);
    return true;
}

// CPU time of this thread: what a query costs when it does not have to share the CPU (the wall time of a
// benchmark on a busy machine also counts the time other processes run).
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Timings {
    std::vector<double> wall;
    std::vector<double> cpu;
    double hits = 0;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    if (p == 50)
        return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    return v[std::min(v.size() - 1, size_t(std::ceil(p / 100 * double(v.size()))) - 1)];
}

void printRow(const char* name, const Timings& t)
{
    std::printf("| %-34s | %8.2f | %8.2f | %8.2f | %8.2f | %8.0f |\n", name, percentile(t.wall, 50),
                percentile(t.wall, 95), percentile(t.cpu, 50), percentile(t.cpu, 95),
                t.hits / double(std::max<size_t>(1, t.wall.size())));
    std::fflush(stdout);
}

// Runs `fn` once as a warm-up, then `n` times, timing each run; fn returns the number of hits or -1.
bool measure(int n, const std::function<qint64(int)>& fn, Timings* t)
{
    if (fn(0) < 0)
        return false;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer wall;
        const double cpu0 = threadCpuMs();
        wall.start();
        const qint64 hits = fn(i);
        t->wall.push_back(double(wall.nsecsElapsed()) / 1e6);
        t->cpu.push_back(threadCpuMs() - cpu0);
        if (hits < 0)
            return false;
        t->hits += double(hits);
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Person search latency on a generated catalog."));
    parser.addHelpOption();
    const QCommandLineOption photosOpt(QStringLiteral("photos"), QStringLiteral("Photos."),
                                       QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption facesOpt(QStringLiteral("faces"), QStringLiteral("Faces."), QStringLiteral("N"),
                                      QStringLiteral("200000"));
    const QCommandLineOption personsOpt(QStringLiteral("persons"), QStringLiteral("People."),
                                        QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption dimOpt(QStringLiteral("dim"), QStringLiteral("Embedding dimension."),
                                    QStringLiteral("N"), QStringLiteral("512"));
    const QCommandLineOption queriesOpt(QStringLiteral("queries"), QStringLiteral("Queries per kind."),
                                        QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption catalogOpt(QStringLiteral("catalog"),
                                        QStringLiteral("Keep (or reuse) the catalog at PATH."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption analyzeOpt(QStringLiteral("analyze"),
                                        QStringLiteral("Run ANALYZE before timing."));
    parser.addOptions({photosOpt, facesOpt, personsOpt, dimOpt, queriesOpt, catalogOpt, analyzeOpt});
    parser.process(app);
    Options o;
    o.photos = std::max(1, parser.value(photosOpt).toInt());
    o.faces = std::max(0, parser.value(facesOpt).toInt());
    o.persons = std::max(3, parser.value(personsOpt).toInt());
    o.dim = std::max(1, parser.value(dimOpt).toInt());
    o.queries = std::max(1, parser.value(queriesOpt).toInt());
    o.analyze = parser.isSet(analyzeOpt);

    QTemporaryDir tmp;
    const QString path = parser.isSet(catalogOpt) ? parser.value(catalogOpt)
                                                  : tmp.filePath(QStringLiteral("bench-search.sqlite"));
    const bool reuse = QFileInfo::exists(path);
    std::printf("bench_search on %s, %d cores\n", qPrintable(cpuModel()), QThread::idealThreadCount());
    Catalog catalog;
    if (!catalog.open(path)) {
        std::fprintf(stderr, "cannot open catalog: %s\n", qPrintable(catalog.errorString()));
        return 1;
    }
    {
        QSqlDatabase db = catalog.database();
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT sqlite_version()")) && q.next())
            std::printf("SQLite %s, schema version %d\n", qPrintable(q.value(0).toString()),
                        catalog.schemaVersion());
    }
    if (reuse) {
        std::printf("reusing %s\n", qPrintable(path));
    } else if (!generate(path, o)) {
        return 1;
    }
    {
        QSqlDatabase db = catalog.database();
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (o.analyze) {
            QElapsedTimer t;
            t.start();
            q.exec(QStringLiteral("ANALYZE"));
            std::printf("ANALYZE took %lld ms\n", t.elapsed());
        }
        if (q.exec(QStringLiteral(
                "SELECT (SELECT count(*) FROM photos), (SELECT count(*) FROM faces), "
                "(SELECT count(*) FROM faces WHERE state = 'confirmed'), (SELECT count(*) FROM persons)")) &&
            q.next())
            std::printf("catalog: %lld photos, %lld faces (%lld confirmed), %lld persons\n",
                        q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                        q.value(3).toLongLong());
        o.persons = int(q.value(3).toLongLong());
    }

    // Queries: pairs mostly among the frequently photographed people (that is what families search for).
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> top(0, std::min(o.persons, 10) - 1);
    std::uniform_int_distribution<int> top20(0, std::min(o.persons, 20) - 1);
    std::uniform_int_distribution<int> anyone(0, o.persons - 1);
    std::uniform_int_distribution<int> year(2014, 2022);
    const auto pair = [&](QStringList* names) {
        const int a = top(rng);
        int b = top20(rng);
        while (b == a)
            b = top20(rng);
        *names = {personName(a), personName(b)};
    };
    const auto third = [&](const QStringList& names) {
        QString c = personName(top20(rng));
        while (names.contains(c))
            c = personName(top20(rng));
        return c;
    };

    struct Kind {
        const char* name;
        std::function<PersonQuery()> make;
    };
    const std::vector<Kind> kinds{
        {"one person", [&] { return PersonQuery{{personName(anyone(rng))}, {}, {}, {}, {}, {}}; }},
        {"two-person AND",
         [&] {
             PersonQuery q;
             pair(&q.allOf);
             return q;
         }},
        {"AND + NOT",
         [&] {
             PersonQuery q;
             pair(&q.allOf);
             q.noneOf = {third(q.allOf)};
             return q;
         }},
        {"OR (two people)",
         [&] {
             PersonQuery q;
             pair(&q.anyOf);
             return q;
         }},
        {"AND + date range (one year)",
         [&] {
             PersonQuery q;
             pair(&q.allOf);
             const int y = year(rng);
             q.from = QDate(y, 7, 1);
             q.to = QDate(y + 1, 6, 30);
             return q;
         }},
        {"AND + folder (one year's folder)",
         [&] {
             PersonQuery q;
             pair(&q.allOf);
             q.folder = QStringLiteral("/home/family/Pictures/%1").arg(year(rng));
             return q;
         }},
    };

    std::printf("\n%d queries per kind, warm cache; times include fetching every hit; load average %s\n\n",
                o.queries, qPrintable(loadAverage()));
    std::printf("| %-34s | %8s | %8s | %8s | %8s | %8s |\n", "query", "wall p50", "wall p95", "cpu p50",
                "cpu p95", "hits");
    std::printf("|%s|----------|----------|----------|----------|----------|\n",
                "------------------------------------");
    SearchService search(path);
    QList<PhotoHit> hits;
    for (const Kind& kind : kinds) {
        std::vector<PersonQuery> queries;
        for (int i = 0; i < o.queries; ++i)
            queries.push_back(kind.make());
        Timings t;
        const bool ok = measure(
            o.queries,
            [&](int i) {
                return search.search(queries[size_t(i)], &hits) ? qint64(hits.size()) : qint64(-1);
            },
            &t);
        if (!ok) {
            std::fprintf(stderr, "search failed: %s\n", qPrintable(search.errorString()));
            return 1;
        }
        printRow(kind.name, t);
    }

    PeopleService people(path);
    Timings t;
    if (!measure(
            o.queries,
            [&](int) {
                const QList<PersonSummary> list = people.persons();
                return list.isEmpty() ? qint64(-1) : qint64(list.size());
            },
            &t)) {
        std::fprintf(stderr, "persons() failed: %s\n", qPrintable(people.errorString()));
        return 1;
    }
    printRow("PeopleService::persons() (rows)", t);
    Timings one;
    if (!measure(
            o.queries,
            [&](int i) { return people.personByName(personName(i % o.persons)) ? qint64(1) : qint64(-1); },
            &one)) {
        std::fprintf(stderr, "personByName() failed: %s\n", qPrintable(people.errorString()));
        return 1;
    }
    printRow("PeopleService::personByName()", one);
    std::printf("\nload average after the run: %s\n", qPrintable(loadAverage()));
    return 0;
}
