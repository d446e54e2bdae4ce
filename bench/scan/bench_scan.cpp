// bench_scan: generates a tree of small real JPEGs (distinct content, EXIF date and camera), then times
// the first scan and a no-change rescan of it, with a breakdown of where the first scan's time goes.
//   bench_scan [--files N] [--dir PATH] [--keep] [--no-validate]
#include "catalog.h"
#include "metadatareader.h"
#include "photorepository.h"
#include "scanner.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QThread>

#pragma GCC diagnostic ignored "-Wdeprecated-declarations" // Exiv2 0.27 uses std::auto_ptr
#include <cstdio>
#include <exiv2/exiv2.hpp>

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

QByteArray makeJpeg(int seed)
{
    QImage image(320, 240, QImage::Format_RGB888);
    for (int y = 0; y < image.height(); ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < image.width(); ++x) {
            line[3 * x] = uchar((x + seed * 7) & 0xFF);
            line[3 * x + 1] = uchar((y * 3 + seed) & 0xFF);
            line[3 * x + 2] = uchar(((x * y) >> 4) + seed * 13);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    // EXIF like a camera would write (in memory, then one write to disk).
    Exiv2::Image::AutoPtr exif = Exiv2::ImageFactory::open(
        reinterpret_cast<const Exiv2::byte*>(bytes.constData()), long(bytes.size()));
    exif->readMetadata();
    exif->exifData()["Exif.Image.Make"] = "BenchCam";
    exif->exifData()["Exif.Image.Model"] = "Model " + std::to_string(seed % 5);
    exif->exifData()["Exif.Photo.DateTimeOriginal"] = QStringLiteral("2020:%1:%2 12:00:%3")
                                                          .arg(1 + seed % 12, 2, 10, QLatin1Char('0'))
                                                          .arg(1 + seed % 28, 2, 10, QLatin1Char('0'))
                                                          .arg(seed % 60, 2, 10, QLatin1Char('0'))
                                                          .toStdString();
    exif->writeMetadata();
    Exiv2::BasicIo& io = exif->io();
    io.seek(0, Exiv2::BasicIo::beg);
    const Exiv2::DataBuf buf = io.read(long(io.size()));
    return QByteArray(reinterpret_cast<const char*>(buf.pData_), int(buf.size_));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kindred scanner benchmark"));
    parser.addHelpOption();
    QCommandLineOption filesOpt(QStringLiteral("files"), QStringLiteral("number of JPEGs (default 10000)"),
                                QStringLiteral("N"), QStringLiteral("10000"));
    QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("use/keep the tree in this folder"),
                              QStringLiteral("PATH"));
    QCommandLineOption keepOpt(QStringLiteral("keep"), QStringLiteral("keep the generated tree and catalog"));
    QCommandLineOption noValidateOpt(QStringLiteral("no-validate"),
                                     QStringLiteral("skip the validation decode"));
    parser.addOptions({filesOpt, dirOpt, keepOpt, noValidateOpt});
    parser.process(app);
    const int files = parser.value(filesOpt).toInt();
    if (files <= 0) {
        std::fprintf(stderr, "--files must be positive\n");
        return 2;
    }

    QTemporaryDir tmp;
    tmp.setAutoRemove(!parser.isSet(keepOpt) && !parser.isSet(dirOpt));
    const QString base = parser.isSet(dirOpt) ? parser.value(dirOpt) : tmp.path();
    const QString root = base + QStringLiteral("/photos");
    const QString catalogPath = base + QStringLiteral("/catalog.sqlite");
    QFile::remove(catalogPath);
    QFile::remove(catalogPath + QStringLiteral("-wal"));
    QFile::remove(catalogPath + QStringLiteral("-shm"));

    std::printf("machine: %s, %d logical cores\n", qPrintable(cpuModel()), QThread::idealThreadCount());
    QElapsedTimer timer;
    timer.start();
    MetadataReader::initialize();
    qint64 bytes = 0;
    int generated = 0;
    for (int i = 0; i < files; ++i) {
        const QString path = QStringLiteral("%1/%2/%3/img_%4.jpg")
                                 .arg(root)
                                 .arg(i / 1000)
                                 .arg((i / 100) % 10)
                                 .arg(i, 6, 10, QLatin1Char('0'));
        if (QFile::exists(path))
            continue;
        QDir().mkpath(QFileInfo(path).absolutePath());
        const QByteArray jpeg = makeJpeg(i);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(jpeg) != jpeg.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
        bytes += jpeg.size();
        ++generated;
    }
    std::printf("tree: %d files under %s (%d generated, %.1f MB, %.0f ms)\n", files, qPrintable(root),
                generated, double(bytes) / 1e6, double(timer.elapsed()));

    Catalog catalog;
    if (!catalog.open(catalogPath)) {
        std::fprintf(stderr, "%s\n", qPrintable(catalog.errorString()));
        return 1;
    }
    Scanner::Options options;
    options.validateDecode = !parser.isSet(noValidateOpt);
    Scanner scanner(catalogPath, options);

    const auto report = [](const char* label, const ScanSummary& s) {
        std::printf(
            "%-16s %7.0f ms  %8.0f files/s  new %d changed %d unchanged %d moved %d missing %d failed %d "
            "hashed %d (%.1f MB)\n",
            label, s.totalMs, s.filesTotal / (s.totalMs / 1000.0), s.newPhotos, s.changed, s.unchanged,
            s.moved, s.missing, s.failed, s.filesHashed, double(s.bytesHashed) / 1e6);
        const double other = s.totalMs - s.walkMs - s.readHashMs - s.metadataMs - s.decodeMs - s.dbMs;
        std::printf("  breakdown: walk+stat %.0f ms | read+xxh3 %.0f ms | exiv2 metadata %.0f ms | "
                    "header+validation decode %.0f ms | sqlite %.0f ms | other %.0f ms\n",
                    s.walkMs, s.readHashMs, s.metadataMs, s.decodeMs, s.dbMs, other);
    };
    const ScanSummary first = scanner.scan({root});
    if (!first.error.isEmpty()) {
        std::fprintf(stderr, "scan failed: %s\n", qPrintable(first.error));
        return 1;
    }
    report("first scan", first);
    const ScanSummary again = scanner.scan({root});
    report("no-change rescan", again);
    std::printf("target: no-change rescan of 10k files < 2000 ms -> %s (%.0f ms for %d files)\n",
                again.totalMs * 10000.0 / std::max(1, again.filesTotal) < 2000 ? "MET" : "MISSED",
                again.totalMs, again.filesTotal);
    const int catalogued = PhotoRepository(catalogPath).status().readable;
    if (catalogued != files) {
        std::fprintf(stderr, "expected %d readable photos, catalog has %d\n", files, catalogued);
        return 1;
    }
    return 0;
}
