// bench_index: times the library's face job end to end on real photos — the same code the CLI's `index`
// and the GUI's face job run (decode on the thread pool, MTCNN, crops, batched embedding, one transaction
// per batch) — and compares it with its own pure network time (detection + embedding), so the ratio says
// how close the pipeline is to its compute bound. Then times the grouping (clusters + suggestions).
//   bench_index [--photos DIR]... [--threads 1,2] [--models DIR]
#include "catalog.h"
#include "faceindexer.h"
#include "faceservice.h"
#include "librarypaths.h"
#include "scanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>

using namespace kindred;

namespace {

QString cpuModel()
{
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray& line : f.readAll().split('\n'))
            if (line.startsWith("model name"))
                return QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
    return QStringLiteral("unknown CPU");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Face job throughput on real photos."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("photos"), QStringLiteral("Folder of photos (repeatable)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Comma-separated thread counts."),
                      QStringLiteral("LIST"), QStringLiteral("1,2")});
    parser.addOption({QStringLiteral("models"), QStringLiteral("Model pack."), QStringLiteral("DIR"),
                      QStringLiteral(KINDRED_MODELS_DIR)});
    parser.process(app);
    QStringList roots = parser.values(QStringLiteral("photos"));
    if (roots.isEmpty())
        roots = {QStringLiteral(KINDRED_SHARED_DIR "/photos/dev"),
                 QStringLiteral(KINDRED_SHARED_DIR "/photos/bbt")};

    std::printf("bench_index  machine: %s, %d logical CPUs, %s\n", qPrintable(cpuModel()),
                QThread::idealThreadCount(), qPrintable(QSysInfo::prettyProductName()));
    std::printf("photos: %s\n\n", qPrintable(roots.join(QStringLiteral(", "))));
    std::printf("%7s %7s %6s %8s %9s %8s %8s %8s %8s %8s %9s %10s\n", "threads", "photos", "faces", "load s",
                "job s", "photo/s", "face/s", "decode", "detect", "embed", "write", "job/net");
    QStringList stages; // where the time goes, one line per thread count
    for (const QString& t : parser.value(QStringLiteral("threads")).split(QLatin1Char(','))) {
        const int threads = t.toInt();
        if (threads <= 0)
            continue;
        QTemporaryDir dir;
        const LibraryPaths paths(dir.path());
        paths.ensureExists();
        Catalog catalog;
        if (!catalog.open(paths.catalogFile())) {
            std::fprintf(stderr, "catalog: %s\n", qPrintable(catalog.errorString()));
            return 1;
        }
        const ScanSummary scan = Scanner(paths.catalogFile()).scan(roots);
        FaceIndexOptions options;
        options.modelsDir = parser.value(QStringLiteral("models"));
        options.threads = threads;
        options.device = QStringLiteral("cpu");
        FaceIndexer indexer(paths.catalogFile(), paths, options);
        QElapsedTimer load;
        load.start();
        QString error;
        if (!indexer.prepare(&error)) {
            std::fprintf(stderr, "models: %s\n", qPrintable(error));
            return 3;
        }
        const double loadSeconds = load.elapsed() / 1000.0;
        const FaceIndexSummary s = indexer.run();
        const double net = s.detectSeconds + s.embedSeconds;
        std::printf("%7d %7d %6d %8.2f %9.2f %8.2f %8.2f %8.2f %8.2f %8.2f %9.2f %10.2f\n", threads,
                    s.photosDone, s.facesFound, loadSeconds, s.seconds, s.photosDone / s.seconds,
                    s.facesFound / s.seconds, s.decodeSeconds, s.detectSeconds, s.embedSeconds,
                    s.writeSeconds, net > 0 ? s.seconds / net : 0.0);
        const double perPhoto = s.photosDone > 0 ? 1000.0 / s.photosDone : 0.0;
        stages.append(QString::asprintf("%7d %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f",
                                        threads, s.decodeWorkSeconds * perPhoto, s.decodeSeconds * perPhoto,
                                        s.pnetSeconds * perPhoto, s.rnetSeconds * perPhoto,
                                        s.onetSeconds * perPhoto, s.checkSeconds * perPhoto,
                                        s.cropDecodeSeconds * perPhoto, s.cropSeconds * perPhoto,
                                        s.embedSeconds * perPhoto, s.writeSeconds * perPhoto));
        if (threads == parser.value(QStringLiteral("threads")).split(QLatin1Char(',')).last().toInt()) {
            FaceService faces(paths.catalogFile(), paths);
            FaceRefreshSummary g;
            QElapsedTimer timer;
            timer.start();
            faces.refresh({}, &g);
            std::printf(
                "\ngrouping (%d threads): %d unknown faces -> %d clusters, %d suggestions in %.3f s\n",
                threads, g.unknownFaces, g.clusters, g.suggestions, timer.elapsed() / 1000.0);
        }
        (void)scan;
    }
    std::printf("\nms per photo: %7s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s\n", "threads", "decode",
                "waited", "P-Net", "R-Net", "O-Net", "check", "fulldec", "crops", "embed", "write");
    for (const QString& line : stages)
        std::printf("              %s\n", qPrintable(line));
    std::printf(
        "\ncolumns: decode = time the inference thread waited for decoded photos; detect/embed = network "
        "time incl. crops; job/net = whole job / (detect + embed), 1.00 = no overhead.\n"
        "ms per photo: decode = reading + decoding for detection on the thread pool (overlapped; waited = "
        "the "
        "part the inference thread waited for); P-Net includes the pyramid and NMS; check = the face check; "
        "crops = alignment, thumbnails and quality, including fulldec (full-resolution decodes of photos "
        "whose "
        "faces are small in the reduced decode).\n");
    return 0;
}
