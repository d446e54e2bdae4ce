// kindred-cli eval-library DIR : the library-scale quality harness (LibraryEvaluator). Scans DIR (one
// sub-folder per person) into a library with the app's own scanner, face job and settings, then scores
// grouping, a simulated naming session, verification pairs and detection recall (docs/quality.md).
#include "catalog.h"
#include "clicommand.h"
#include "clifaceindex.h"
#include "clilibrary.h"
#include "faceservice.h"
#include "interrupt.h"
#include "libraryevaluator.h"
#include "progressreporter.h"
#include "scanjob.h"
#include "scanner.h"
#include "sqlutil.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QThreadPool>

#if defined(Q_OS_UNIX)
#include <sys/resource.h>
#endif

namespace kindred {
namespace {

// Peak resident memory of this process in MiB (-1 where the system does not tell).
double peakMemoryMiB()
{
#if defined(Q_OS_UNIX)
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) {
#if defined(Q_OS_MACOS)
        return double(usage.ru_maxrss) / (1024.0 * 1024.0); // bytes
#else
        return double(usage.ru_maxrss) / 1024.0; // KiB
#endif
    }
#endif
    return -1;
}

void printText(QTextStream& out, const QJsonObject& r)
{
    const auto groupLine = [&](const QString& title, const QJsonObject& g) {
        out << title << ": BCubed P " << g[QStringLiteral("bcubed_precision")].toDouble() << "  R "
            << g[QStringLiteral("bcubed_recall")].toDouble() << "  F "
            << g[QStringLiteral("bcubed_f")].toDouble() << "; " << g[QStringLiteral("groups")].toInt()
            << " groups, " << g[QStringLiteral("grouped_share")].toDouble() * 100
            << " % of labelled faces grouped, " << g[QStringLiteral("mixed_groups")].toInt()
            << " groups mix people; 20 largest: ";
        QStringList largest;
        for (const QJsonValue& v : g[QStringLiteral("largest_groups")].toArray())
            largest << QStringLiteral("%1 (%2)")
                           .arg(v.toObject()[QStringLiteral("size")].toInt())
                           .arg(v.toObject()[QStringLiteral("purity")].toDouble(), 0, 'f', 2);
        out << largest.join(QStringLiteral(", ")) << '\n';
    };
    out << "Faces: " << r[QStringLiteral("faces")].toInt() << " ("
        << r[QStringLiteral("labelled_faces")].toInt() << " labelled)\n";
    if (r.contains(QStringLiteral("face_labels"))) {
        const QJsonObject l = r[QStringLiteral("face_labels")].toObject();
        out << "Face labels: " << l[QStringLiteral("boxes_with_a_detection")].toInt() << " of "
            << l[QStringLiteral("labelled_boxes")].toInt() << " labelled boxes found, "
            << l[QStringLiteral("people")].toInt() << " people, " << l[QStringLiteral("photos")].toInt()
            << " photos\n";
    }
    groupLine(QStringLiteral("Grouping"), r[QStringLiteral("grouping")].toObject());
    if (r.contains(QStringLiteral("grouping_baseline")))
        groupLine(QStringLiteral("DBSCAN 0.5/3"), r[QStringLiteral("grouping_baseline")].toObject());
    for (const QJsonValue& v : r[QStringLiteral("naming_rounds")].toArray()) {
        const QJsonObject o = v.toObject();
        out << "Round " << o[QStringLiteral("round")].toInt() << ": "
            << o[QStringLiteral("named_people")].toInt() << " people named; "
            << o[QStringLiteral("suggestions")].toInt() << " suggestions, precision "
            << o[QStringLiteral("precision")].toDouble() << ", recall "
            << o[QStringLiteral("recall")].toDouble() << ", "
            << o[QStringLiteral("suggestions_for_never_named_people")].toInt() << " for never-named people\n";
    }
    for (const QString& key : {QStringLiteral("effort"), QStringLiteral("effort_baseline")}) {
        if (!r.contains(key))
            continue;
        const QJsonObject e = r[key].toObject();
        const QJsonObject to = e[QStringLiteral("decisions_to")].toObject();
        out << "Effort (" << e[QStringLiteral("policy")].toString()
            << "): decisions to name 50/80/90/95 % of "
            << "the labelled faces:";
        for (const char* k : {"50", "80", "90", "95"}) {
            const QJsonValue v = to[QLatin1String(k)];
            out << ' ' << (v.isNull() ? QStringLiteral("-") : QString::number(v.toInt()));
        }
        out << "; " << e[QStringLiteral("decisions")].toInt() << " decisions in all, "
            << e[QStringLiteral("named_share_final")].toDouble() * 100 << " % named, "
            << e[QStringLiteral("wrong_names")].toInt() << " wrong names, "
            << e[QStringLiteral("stranger_questions")].toInt() << " stranger faces asked about\n";
    }
    if (r.contains(QStringLiteral("verification"))) {
        const QJsonObject v = r[QStringLiteral("verification")].toObject();
        out << "Verification: " << v[QStringLiteral("pairs")].toInt() << " pairs ("
            << v[QStringLiteral("pairs_without_face")].toInt() << " without a face), accuracy "
            << v[QStringLiteral("accuracy")].toDouble() << " ± "
            << v[QStringLiteral("accuracy_std")].toDouble() << " ("
            << v[QStringLiteral("accuracy_counting_missing_as_wrong")].toDouble()
            << " counting those as wrong), AUC " << v[QStringLiteral("auc")].toDouble() << '\n';
    }
    if (r.contains(QStringLiteral("detection"))) {
        const QJsonObject d = r[QStringLiteral("detection")].toObject();
        out << "Detection recall:";
        for (const QJsonValue& v : d[QStringLiteral("recall_by_size")].toArray())
            out << "  >= " << v.toObject()[QStringLiteral("min_side")].toInt() << " px "
                << v.toObject()[QStringLiteral("recall")].toDouble() << " ("
                << v.toObject()[QStringLiteral("boxes")].toInt() << ")";
        out << '\n';
    }
    const QJsonObject t = r[QStringLiteral("timing")].toObject();
    out << "Time: scan " << t[QStringLiteral("scan_seconds")].toDouble() << " s, faces "
        << t[QStringLiteral("faces_seconds")].toDouble() << " s, evaluation "
        << r[QStringLiteral("evaluation_seconds")].toDouble() << " s; peak memory "
        << t[QStringLiteral("peak_memory_mib")].toDouble() << " MiB\n";
}

int runEvalLibrary(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Quality harness: scan DIR (one sub-folder per person; in a photo with several faces the largest is "
        "that person) into a library with the app's own code and settings, then report grouping, a "
        "simulated naming session, verification and detection recall. Without the global --library the "
        "library is temporary; with it, a second run reuses the faces found (the naming runs on a copy)."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the report as JSON on stdout.")});
    parser.addOption({QStringLiteral("quiet"), QStringLiteral("No progress on stderr.")});
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Naming rounds (default 5)."),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("groups-per-round"),
                      QStringLiteral("Largest unnamed groups named per round (default 20)."),
                      QStringLiteral("N"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("pairs"),
                      QStringLiteral("LFW pairs.txt for verification (default: DIR/pairs.txt when present)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("generate-pairs"),
                      QStringLiteral("Without a pairs file: score N same-person and N different-person pairs "
                                     "of labelled faces (fixed seed)."),
                      QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("boxes"),
         QStringLiteral("Face boxes in WIDER format (paths relative to DIR) for detection recall."),
         QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("face-labels"),
         QStringLiteral("Every face's person by its box, for group photos (WIDER's layout with the "
                        "person after each box: \"x y w h PERSON\"; paths relative to DIR). "
                        "Replaces the folder labels."),
         QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("subsets"),
                      QStringLiteral("Comma-separated words of file names scored on their own too (e.g. "
                                     "frontal,profile)."),
                      QStringLiteral("WORDS")});
    parser.addOption({QStringLiteral("model"),
                      QStringLiteral("Embedding model of the library (as `index --model`; default: the "
                                     "library's choice, else the app's default)."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("no-mirror"),
         QStringLiteral("Embed each face once, not also its mirror image (as `index --no-mirror`).")});
    parser.addOption({QStringLiteral("no-baseline"), QStringLiteral("Skip the DBSCAN comparison.")});
    parser.addOption({QStringLiteral("no-effort"),
                      QStringLiteral("Skip the effort simulation (a family naming the whole library).")});
    parser.addOption(
        {QStringLiteral("finetune-free-weight"),
         QStringLiteral("With --finetune-every: how much the faces nobody named keep their places in the "
                        "fine-tuning (default 30; 0: not used)."),
         QStringLiteral("W")});
    parser.addOption(
        {QStringLiteral("finetune-together-weight"),
         QStringLiteral(
             "With --finetune-every: how much the faces nobody named that are likely one person stay "
             "together in the fine-tuning (default 10; 0: not used)."),
         QStringLiteral("W")});
    parser.addOption(
        {QStringLiteral("finetune-every"),
         QStringLiteral(
             "Simulate the app's flow once more with the background fine-tuning running whenever N "
             "more faces were named (adopted only when its held-out check says so): "
             "\"effort_finetuned\"."),
         QStringLiteral("N")});
    parser.addOption({QStringLiteral("regroup-every"),
                      QStringLiteral("Effort simulation: the app regroups after this many decisions (default "
                                     "10)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("algorithm"), QStringLiteral("Override the grouping algorithm."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("cluster-similarity"),
                      QStringLiteral("Override the grouping similarity."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("min-cluster-size"), QStringLiteral("Override the smallest group."),
                      QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("min-quality"), QStringLiteral("Override the quality gate."), QStringLiteral("Q")});
    parser.addOption({QStringLiteral("suggestion-similarity"),
                      QStringLiteral("Override the suggestions' similarity bar."), QStringLiteral("S")});
    parser.addOption({QStringLiteral("suggestion-margin"),
                      QStringLiteral("Override the suggestions' margin over the second person."),
                      QStringLiteral("M")});
    parser.addOption(
        {QStringLiteral("max-turned-away"), QStringLiteral("Override the pose gate."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("turned-extra"),
                      QStringLiteral("Override the extra similarity asked of turned faces."),
                      QStringLiteral("E")});
    parser.addOption({QStringLiteral("question-similarity"),
                      QStringLiteral("Override the bar of group questions (\"Is this group X?\")."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("question-margin"),
                      QStringLiteral("Override the group questions' margin over the second person."),
                      QStringLiteral("M")});
    parser.addOption(
        {QStringLiteral("pair-similarity"),
         QStringLiteral("Override the bar of pair questions (\"Are these two groups one person?\")."),
         QStringLiteral("S")});
    parser.addOption(
        {QStringLiteral("crowd-margin"),
         QStringLiteral("Override the margin over the faces that cannot be the person (a crowded "
                        "neighbourhood raises the suggestion bar; above 1: off)."),
         QStringLiteral("M")});
    parser.addOption(
        {QStringLiteral("group-crowd-margin"),
         QStringLiteral(
             "Override the margin a face's group must keep over the most alike face beside it in a "
             "photo of the group (above 1: off)."),
         QStringLiteral("M")});
    parser.addOption({QStringLiteral("band-confidence"),
                      QStringLiteral("Show suggestions with the precision measured for their similarity band "
                                     "alone, not lowered by the library's evidence (to compare).")});
    parser.addOption({QStringLiteral("turned-group-extra"),
                      QStringLiteral("Override the extra similarity asked of groups of half-turned faces."),
                      QStringLiteral("E")});
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("Labelled photo folder."));
    parser.process(args);
    if (parser.positionalArguments().size() != 1 ||
        !QFileInfo(parser.positionalArguments().first()).isDir()) {
        ctx.err << "kindred-cli eval-library: name one folder of labelled photos (see --help)\n";
        return ExitUsage;
    }
    // Canonical, as the scanner stores its roots (a folder reached through a link labels its photos too).
    const QString root = QFileInfo(parser.positionalArguments().first()).canonicalFilePath();
    const bool quiet = parser.isSet(QStringLiteral("quiet"));

    // Without --library, a temporary library: never the user's own.
    QTemporaryDir temporary;
    CliContext local{ctx.globals, ctx.out, ctx.err};
    if (local.globals.libraryDir.isEmpty()) {
        if (!temporary.isValid()) {
            ctx.err << "kindred-cli eval-library: cannot create a temporary folder\n";
            return ExitFailure;
        }
        local.globals.libraryDir = temporary.filePath(QStringLiteral("library"));
    }
    QElapsedTimer timer;
    timer.start();
    QJsonObject timing;
    {
        CliLibrary library(local);
        if (!library.isOpen())
            return library.exitCode();
        Interrupt::install();
        ProgressReporter progress(ctx.err, QStringLiteral("scan"));
        QThreadPool readers;
        readers.setMaxThreadCount(ScanJob::readThreads());
        Scanner::Options options;
        options.readPool = &readers;
        const ScanSummary scan = Scanner(library.catalogPath(), options)
                                     .scan(
                                         {root},
                                         [&](int done, int total, const QString& path) {
                                             if (!quiet)
                                                 progress.update(done, total, path);
                                         },
                                         Interrupt::flag());
        progress.finish();
        if (!scan.error.isEmpty()) {
            ctx.err << "kindred-cli eval-library: " << scan.error << '\n';
            return ExitLibraryError;
        }
        if (scan.cancelled)
            return ExitCancelled;
        timing.insert(QStringLiteral("scan_seconds"), scan.totalMs / 1000.0);
        timing.insert(QStringLiteral("photos"), scan.filesTotal);
        timing.insert(QStringLiteral("unreadable"), scan.failed);
        timer.restart();
        CliFaceIndexOptions faceOptions;
        faceOptions.quiet = quiet;
        faceOptions.model = parser.value(QStringLiteral("model"));
        faceOptions.mirrorAverage = !parser.isSet(QStringLiteral("no-mirror"));
        QJsonObject faces;
        const int code = CliFaceIndex::run(library, local, faceOptions, &faces);
        if (code == ExitCancelled || code == ExitNoModels)
            return code;
        timing.insert(QStringLiteral("faces_seconds"), timer.elapsed() / 1000.0);
        timing.insert(QStringLiteral("detect_seconds"), faces[QStringLiteral("detect_seconds")]);
        timing.insert(QStringLiteral("embed_seconds"), faces[QStringLiteral("embed_seconds")]);
        timing.insert(QStringLiteral("model"), faces[QStringLiteral("model")]);
    }

    // The naming changes the catalog: it runs on a copy, so that a kept library can be scored again.
    QTemporaryDir work;
    const LibraryPaths workPaths(work.filePath(QStringLiteral("library")));
    QString error;
    if (!work.isValid() || !workPaths.ensureExists(&error)) {
        ctx.err << "kindred-cli eval-library: cannot create a working copy: " << error << '\n';
        return ExitFailure;
    }
    {
        const LibraryPaths source(local.globals.libraryDir);
        QSqlDatabase db = Catalog::connectionForThread(source.catalogFile(), &error);
        if (!db.isOpen() ||
            !SqlUtil::exec(db, QStringLiteral("VACUUM INTO ?"), {workPaths.catalogFile()}, &error)) {
            ctx.err << "kindred-cli eval-library: cannot copy the catalog: " << error << '\n';
            return ExitLibraryError;
        }
    }

    LibraryEvalOptions options;
    options.photosRoot = root;
    options.rounds = parser.value(QStringLiteral("rounds")).toInt();
    options.groupsPerRound = parser.value(QStringLiteral("groups-per-round")).toInt();
    options.pairsFile = parser.value(QStringLiteral("pairs"));
    if (options.pairsFile.isEmpty() && QFileInfo::exists(QDir(root).filePath(QStringLiteral("pairs.txt"))))
        options.pairsFile = QDir(root).filePath(QStringLiteral("pairs.txt"));
    options.generatedPairs = parser.value(QStringLiteral("generate-pairs")).toInt();
    options.boxesFile = parser.value(QStringLiteral("boxes"));
    options.faceLabelsFile = parser.value(QStringLiteral("face-labels"));
    options.baseline = !parser.isSet(QStringLiteral("no-baseline"));
    options.effort = !parser.isSet(QStringLiteral("no-effort"));
    options.effortRegroupEvery = parser.value(QStringLiteral("regroup-every")).toInt();
    options.effortFinetuneEvery = parser.value(QStringLiteral("finetune-every")).toInt();
    if (parser.isSet(QStringLiteral("finetune-free-weight")))
        options.effortFinetuneFreeWeight = parser.value(QStringLiteral("finetune-free-weight")).toDouble();
    if (parser.isSet(QStringLiteral("finetune-together-weight")))
        options.effortFinetuneTogetherWeight =
            parser.value(QStringLiteral("finetune-together-weight")).toDouble();
    if (parser.isSet(QStringLiteral("subsets")))
        options.subsets = parser.value(QStringLiteral("subsets")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    options.grouping = FaceService(workPaths.catalogFile(), workPaths).libraryOptions();
    if (parser.isSet(QStringLiteral("algorithm")))
        options.grouping.algorithm = parser.value(QStringLiteral("algorithm"));
    if (parser.isSet(QStringLiteral("min-cluster-size")))
        options.grouping.minClusterSize = parser.value(QStringLiteral("min-cluster-size")).toInt();
    const std::pair<QString, float*> floatOverrides[] = {
        {QStringLiteral("cluster-similarity"), &options.grouping.clusterSimilarity},
        {QStringLiteral("min-quality"), &options.grouping.minQuality},
        {QStringLiteral("suggestion-similarity"), &options.grouping.suggestionSimilarity},
        {QStringLiteral("suggestion-margin"), &options.grouping.suggestionMargin},
        {QStringLiteral("max-turned-away"), &options.grouping.maxTurnedAway},
        {QStringLiteral("turned-extra"), &options.grouping.turnedExtra},
        {QStringLiteral("turned-group-extra"), &options.grouping.turnedGroupExtra},
        {QStringLiteral("question-similarity"), &options.grouping.questionSimilarity},
        {QStringLiteral("question-margin"), &options.grouping.questionMargin},
        {QStringLiteral("pair-similarity"), &options.grouping.pairSimilarity},
        {QStringLiteral("crowd-margin"), &options.grouping.crowdMargin},
        {QStringLiteral("group-crowd-margin"), &options.grouping.groupCrowdMargin},
    };
    if (parser.isSet(QStringLiteral("band-confidence")))
        options.grouping.evidenceConfidence = false;
    for (const auto& [name, value] : floatOverrides)
        if (parser.isSet(name))
            *value = parser.value(name).toFloat();
    if (options.rounds < 0 || options.groupsPerRound < 1 || options.generatedPairs < 0 ||
        options.effortRegroupEvery < 1 || options.effortFinetuneEvery < 0) {
        ctx.err
            << "kindred-cli eval-library: --rounds, --groups-per-round, --generate-pairs and --regroup-every "
               "must be positive\n";
        return ExitUsage;
    }
    if (!quiet)
        options.log = [&](const QString& line) {
            ctx.err << "eval-library: " << line << '\n';
            ctx.err.flush();
        };
    LibraryEvaluator evaluator(workPaths.catalogFile(), workPaths);
    QJsonObject report;
    if (!evaluator.run(options, &report, Interrupt::flag())) {
        ctx.err << "kindred-cli eval-library: " << evaluator.errorString() << '\n';
        return ExitFailure;
    }
    timing.insert(QStringLiteral("peak_memory_mib"), peakMemoryMiB());
    report.insert(QStringLiteral("timing"), timing);
    report.insert(QStringLiteral("folder"), root);
    if (parser.isSet(QStringLiteral("json")))
        ctx.out << QJsonDocument(report).toJson(QJsonDocument::Indented);
    else
        printText(ctx.out, report);
    return ExitOk;
}

const bool registered = registerCliCommand({QStringLiteral("eval-library"),
                                            QStringLiteral("quality harness: score grouping, suggestions, "
                                                           "verification and detection on labelled folders"),
                                            &runEvalLibrary});

} // namespace
} // namespace kindred
