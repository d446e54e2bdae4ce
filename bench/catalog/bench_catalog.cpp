// bench_catalog: builds a catalog the size of a large family library (default 100,000 photos, 2.5 faces a
// photo with 512-d vectors, 300 people), then measures in one run what the safety net costs:
// opening it without any check, with the quick check (every kindred-cli command), as the desktop app does
// (the quick check deferred to a worker after a clean end), with the full integrity check (after an unclean
// end), and an online backup. Reports medians of --repeat runs and the ratios to the plain open.
//   bench_catalog [--photos N] [--faces-per-photo F] [--dim D] [--repeat R] [--dir PATH] [--keep]
#include "catalog.h"
#include "catalogbackup.h"
#include "catalogcheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace kindred;

namespace {

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : f.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return QStringLiteral("unknown CPU");
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

bool build(const QString& path, int photos, double facesPerPhoto, int dim)
{
    Catalog c;
    if (!c.open(path)) {
        std::fprintf(stderr, "cannot create %s: %s\n", qPrintable(path), qPrintable(c.errorString()));
        return false;
    }
    QSqlDatabase db = c.database();
    QSqlQuery q(db);
    q.exec(QStringLiteral("INSERT INTO roots(path) VALUES('/photos')"));
    db.transaction();
    for (int i = 1; i <= 300; ++i)
        q.exec(QStringLiteral("INSERT INTO persons(name) VALUES('Person %1')").arg(i));
    db.commit();
    QRandomGenerator rng(42);
    QSqlQuery photo(db);
    photo.prepare(QStringLiteral(
        "INSERT INTO photos(path, root_id, hash, size, mtime_ns, format, mime, width, height, captured_at, "
        "date_source, camera_make, camera_model) VALUES(?, 1, ?, ?, ?, 'jpeg', 'image/jpeg', 4000, 3000, ?, "
        "'exif-original', 'Canon', 'EOS')"));
    QSqlQuery face(db);
    face.prepare(QStringLiteral(
        "INSERT INTO faces(photo_id, x1, y1, x2, y2, lm_left_eye_x, lm_left_eye_y, lm_right_eye_x, "
        "lm_right_eye_y, lm_nose_x, lm_nose_y, lm_mouth_left_x, lm_mouth_left_y, lm_mouth_right_x, "
        "lm_mouth_right_y, score, embedding, model_id, dim, quality, norm, person_id, state) VALUES(?, 10, "
        "10, "
        "200, 240, 60, 90, 140, 90, 100, 140, 70, 190, 130, 190, 0.99, ?, 'edgeface-xs+chip2m', ?, 0.8, 1.0, "
        "?, ?)"));
    QByteArray vector(dim * 4, Qt::Uninitialized);
    qint64 faces = 0;
    db.transaction();
    for (int i = 1; i <= photos; ++i) {
        photo.addBindValue(
            QStringLiteral("/photos/%1/IMG_%2.JPG").arg(i / 1000).arg(i, 6, 10, QLatin1Char('0')));
        photo.addBindValue(QStringLiteral("%1").arg(quint64(rng.generate64()), 16, 16, QLatin1Char('0')));
        photo.addBindValue(4000000 + i);
        photo.addBindValue(qint64(1600000000) * 1000000000 + i);
        photo.addBindValue(QStringLiteral("2020-01-01T10:00:00"));
        if (!photo.exec()) {
            std::fprintf(stderr, "%s\n", qPrintable(photo.lastError().text()));
            return false;
        }
        const int n =
            int(facesPerPhoto) + (rng.generateDouble() < facesPerPhoto - int(facesPerPhoto) ? 1 : 0);
        for (int k = 0; k < n; ++k) {
            auto* f = reinterpret_cast<float*>(vector.data());
            for (int d = 0; d < dim; ++d)
                f[d] = float(rng.generateDouble() - 0.5);
            const bool named = rng.generateDouble() < 0.4;
            face.addBindValue(i);
            face.addBindValue(vector);
            face.addBindValue(dim);
            face.addBindValue(named ? QVariant(int(rng.bounded(300)) + 1)
                                    : QVariant(QMetaType(QMetaType::Int)));
            face.addBindValue(named ? QStringLiteral("confirmed") : QStringLiteral("unknown"));
            if (!face.exec()) {
                std::fprintf(stderr, "%s\n", qPrintable(face.lastError().text()));
                return false;
            }
            ++faces;
        }
        if (i % 5000 == 0) {
            db.commit();
            db.transaction();
        }
    }
    db.commit();
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    std::printf("built: %d photos, %lld faces, 300 people\n", photos, static_cast<long long>(faces));
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("photos"), QStringLiteral("Photos (default 100000)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("faces-per-photo"), QStringLiteral("Faces a photo (default 2.5)."),
                      QStringLiteral("F"), QStringLiteral("2.5")});
    parser.addOption({QStringLiteral("dim"), QStringLiteral("Vector size (default 512)."),
                      QStringLiteral("D"), QStringLiteral("512")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("Runs per measurement (default 5)."),
                      QStringLiteral("R"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Where to build (default a temporary folder)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("keep"), QStringLiteral("Keep the catalog.")});
    parser.process(app);

    QTemporaryDir tmp;
    const QString dir =
        parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : tmp.path();
    tmp.setAutoRemove(!parser.isSet(QStringLiteral("keep")));
    QDir().mkpath(dir);
    const QString path = QDir(dir).absoluteFilePath(QStringLiteral("catalog.sqlite"));
    std::printf("bench_catalog on %s, %d cores, %s; SQLite through Qt %s\n", qPrintable(cpuModel()),
                QThread::idealThreadCount(), qPrintable(QSysInfo::prettyProductName()), qVersion());
    if (!QFileInfo::exists(path)) {
        QElapsedTimer t;
        t.start();
        if (!build(path, parser.value(QStringLiteral("photos")).toInt(),
                   parser.value(QStringLiteral("faces-per-photo")).toDouble(),
                   parser.value(QStringLiteral("dim")).toInt()))
            return 1;
        std::printf("built in %.1f s\n", double(t.elapsed()) / 1000.0);
    }
    std::printf("catalog: %.1f MB (warm page cache: every number below reads it from memory)\n",
                double(QFileInfo(path).size()) / (1024.0 * 1024.0));
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());
    auto timeOpen = [&](bool check, bool defer = false) {
        std::vector<double> ms;
        for (int i = 0; i < repeat; ++i) {
            QElapsedTimer t;
            t.start();
            Catalog c;
            c.setCheckOnOpen(check);
            c.setDeferCheck(defer);
            if (!c.open(path))
                std::fprintf(stderr, "open failed: %s\n", qPrintable(c.errorString()));
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        return median(ms);
    };
    timeOpen(true); // warm the page cache
    const double plain = timeOpen(false);
    const double quick = timeOpen(true);
    const double deferred = timeOpen(true, true);
    std::vector<double> full;
    std::vector<double> backup;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        const CatalogCheck::Result r = CatalogCheck::run(path, CatalogCheck::Level::Full);
        full.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!r.ok)
            std::fprintf(stderr, "full check failed\n");
        t.restart();
        QString error;
        const QString copy = QDir(dir).absoluteFilePath(QStringLiteral("backup.sqlite"));
        if (!CatalogBackup::copy(path, copy, &error))
            std::fprintf(stderr, "backup failed: %s\n", qPrintable(error));
        backup.push_back(double(t.nsecsElapsed()) / 1e6);
        QFile::remove(copy);
    }
    std::printf("open, no check:            %9.1f ms\n", plain);
    std::printf("open + quick_check:        %9.1f ms  (+%.1f ms, %.1fx the plain open)\n", quick,
                quick - plain, quick / std::max(plain, 0.001));
    std::printf("open as the app does it:   %9.1f ms  (clean start: the quick check runs on a worker, writes "
                "wait for it)\n",
                deferred);
    std::printf("full integrity_check:      %9.1f ms  (after an unclean end / kindred-cli check)\n",
                median(full));
    std::printf("online backup (checked):   %9.1f ms\n", median(backup));
    return 0;
}
