// kindred-cli scan DIR... : catalog photos (incremental), then index faces unless --no-faces.
#include "clicommand.h"
#include "clifaceindex.h"
#include "clilibrary.h"
#include "interrupt.h"
#include "progressreporter.h"
#include "scanjob.h"
#include "scanner.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>

namespace kindred {
namespace {

QJsonObject summaryJson(const ScanSummary& s)
{
    QJsonArray failures;
    for (const ScanFailure& f : s.failures)
        failures.append(QJsonObject{{QStringLiteral("path"), f.path}, {QStringLiteral("reason"), f.reason}});
    return QJsonObject{
        {QStringLiteral("files"), s.filesTotal}, {QStringLiteral("new"), s.newPhotos},
        {QStringLiteral("changed"), s.changed},  {QStringLiteral("unchanged"), s.unchanged},
        {QStringLiteral("moved"), s.moved},      {QStringLiteral("missing"), s.missing},
        {QStringLiteral("failed"), s.failed},    {QStringLiteral("cancelled"), s.cancelled},
        {QStringLiteral("failures"), failures},  {QStringLiteral("seconds"), s.totalMs / 1000.0}};
}

int runScan(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Catalog the photos under each DIR (recursively, incrementally). Unchanged files cost a stat; "
        "moved files keep their identity; unreadable files are recorded with a reason."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the summary as JSON on stdout.")});
    parser.addOption({QStringLiteral("no-faces"), QStringLiteral("Only catalog; do not look for faces.")});
    parser.addOption({QStringLiteral("quiet"), QStringLiteral("No progress on stderr.")});
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("Folders to scan."),
                                 QStringLiteral("DIR..."));
    parser.process(args);
    const QStringList dirs = parser.positionalArguments();
    if (dirs.isEmpty()) {
        ctx.err << "kindred-cli scan: name at least one folder (see --help)\n";
        return ExitUsage;
    }
    QStringList roots;
    for (const QString& dir : dirs) {
        const QFileInfo info(dir);
        if (!info.isDir()) {
            ctx.err << "kindred-cli scan: " << dir << " is not a folder\n";
            return ExitUsage;
        }
        roots << info.absoluteFilePath();
    }

    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();

    Interrupt::install();
    ProgressReporter progress(ctx.err, QStringLiteral("scan"));
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    QThreadPool readers;
    readers.setMaxThreadCount(ScanJob::readThreads());
    Scanner::Options scanOptions;
    scanOptions.readPool = &readers;
    Scanner scanner(library.catalogPath(), scanOptions);
    const ScanSummary summary = scanner.scan(
        roots,
        [&](int done, int total, const QString& path) {
            if (!quiet)
                progress.update(done, total, path);
        },
        Interrupt::flag());
    progress.finish();

    if (!summary.error.isEmpty()) {
        ctx.err << "kindred-cli scan: " << summary.error << '\n';
        return ExitLibraryError;
    }
    // Then the faces of what was found (and of anything an earlier run left), unless asked not to.
    QJsonObject faces;
    int facesCode = ExitOk;
    if (!summary.cancelled && !parser.isSet(QStringLiteral("no-faces"))) {
        CliFaceIndexOptions options;
        options.quiet = quiet;
        facesCode = CliFaceIndex::run(library, ctx, options, &faces);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json = summaryJson(summary);
        if (!faces.isEmpty())
            json.insert(QStringLiteral("faces"), faces);
        ctx.out << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        ctx.out << "Scanned " << summary.filesTotal << " files in "
                << QString::number(summary.totalMs / 1000.0, 'f', 2) << " s: " << summary.newPhotos
                << " new, " << summary.changed << " changed, " << summary.unchanged << " unchanged, "
                << summary.moved << " moved, " << summary.missing << " missing, " << summary.failed
                << " failed\n";
        for (const ScanFailure& f : summary.failures)
            ctx.out << "  failed: " << f.path << ": " << f.reason << '\n';
        if (!faces.isEmpty()) {
            const QJsonObject g = faces.value(QStringLiteral("grouping")).toObject();
            ctx.out << "Faces: " << faces.value(QStringLiteral("faces")).toInt() << " found in "
                    << faces.value(QStringLiteral("photos_done")).toInt() << " photos; "
                    << g.value(QStringLiteral("clusters")).toInt() << " clusters, "
                    << g.value(QStringLiteral("suggestions")).toInt() << " suggestions\n";
        }
    }
    if (facesCode == ExitCancelled || facesCode == ExitNoModels)
        return facesCode;
    if (summary.cancelled) {
        ctx.err << "kindred-cli scan: cancelled; what was done is saved, run the same command to resume\n";
        return ExitCancelled;
    }
    return summary.failed > 0 || facesCode != ExitOk ? ExitFailure : ExitOk;
}

const bool registered = registerCliCommand(
    {QStringLiteral("scan"), QStringLiteral("catalog the photos in folders (then find faces)"), &runScan});

} // namespace
} // namespace kindred
