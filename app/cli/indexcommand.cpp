// kindred-cli index : find and embed faces (resumable), then group unknown faces and suggest names.
#include "clicommand.h"
#include "clifaceindex.h"
#include "clilibrary.h"
#include "faceservice.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>

namespace kindred {
namespace {

int runIndex(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Find the faces in every catalogued photo that has not been processed yet (resumes after an "
        "interruption), re-embed faces after a model change, then group unknown faces into clusters and "
        "suggest names from the people already named."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the summary as JSON on stdout.")});
    parser.addOption({QStringLiteral("quiet"), QStringLiteral("No progress on stderr.")});
    parser.addOption(
        {QStringLiteral("model"),
         QStringLiteral("Embedding model: edgeface-xs, edgeface-xxs, frnet (all in the model pack) or irv1 "
                        "(needs --model-file); default: the library's choice, else the default network. The "
                        "choice is remembered; changing it re-embeds every face, names are kept."),
         QStringLiteral("ID")});
    parser.addOption({QStringLiteral("model-file"), QStringLiteral("InceptionResnetV1 checkpoint (.pt)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("no-mirror"),
                      QStringLiteral("Embed each face once, not also its mirror image (to measure it; "
                                     "changing it re-embeds).")});
    parser.addOption({QStringLiteral("min-face"),
                      QStringLiteral("Smallest face to look for, in pixels of the full photo (default 20)."),
                      QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("recluster"),
         QStringLiteral("Group all unknown faces afresh (named and ignored faces are never touched).")});
    // Grouping thresholds: remembered for this library (the GUI's face job uses them too).
    parser.addOption(
        {QStringLiteral("algorithm"),
         QStringLiteral("Grouping algorithm: compact (default), chinese-whispers or dbscan. Remembered."),
         QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("cluster-similarity"),
         QStringLiteral("Cosine similarity two faces need to be grouped (default: the model's "
                        "measured value, 0.92 for the default model; 0 = back to it). Remembered."),
         QStringLiteral("S")});
    parser.addOption({QStringLiteral("min-cluster-size"),
                      QStringLiteral("Smallest group shown (default 3). Remembered."), QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("min-quality"),
         QStringLiteral("Faces below this quality (0..1, default 0.25) stay ungrouped. Remembered."),
         QStringLiteral("Q")});
    parser.process(args);
    if (!parser.positionalArguments().isEmpty()) {
        ctx.err << "kindred-cli index: takes no arguments (run `scan DIR` to add folders)\n";
        return ExitUsage;
    }
    CliFaceIndexOptions options;
    options.quiet = parser.isSet(QStringLiteral("quiet"));
    options.model = parser.value(QStringLiteral("model"));
    options.modelFile = parser.value(QStringLiteral("model-file"));
    options.recluster = parser.isSet(QStringLiteral("recluster"));
    options.mirrorAverage = !parser.isSet(QStringLiteral("no-mirror"));
    if (parser.isSet(QStringLiteral("min-face"))) {
        bool ok = false;
        options.minFaceSize = parser.value(QStringLiteral("min-face")).toInt(&ok);
        if (!ok || options.minFaceSize < 12) {
            ctx.err << "kindred-cli index: --min-face needs a number of pixels >= 12\n";
            return ExitUsage;
        }
    }
    const bool regroup =
        parser.isSet(QStringLiteral("algorithm")) || parser.isSet(QStringLiteral("cluster-similarity")) ||
        parser.isSet(QStringLiteral("min-cluster-size")) || parser.isSet(QStringLiteral("min-quality"));
    CliLibrary library(ctx);
    if (!library.isOpen())
        return library.exitCode();
    if (regroup) {
        FaceService faces(library.catalogPath(), library.paths());
        FaceRefreshOptions grouping = faces.libraryOptions();
        bool ok = true;
        if (parser.isSet(QStringLiteral("algorithm")))
            grouping.algorithm = parser.value(QStringLiteral("algorithm"));
        if (parser.isSet(QStringLiteral("cluster-similarity"))) {
            bool good = false;
            const double value = parser.value(QStringLiteral("cluster-similarity")).toDouble(&good);
            ok = ok && good && value >= 0;
            grouping.clusterSimilarity = value > 0 ? float(value) : -1.0f;
        }
        if (parser.isSet(QStringLiteral("min-cluster-size"))) {
            bool good = false;
            grouping.minClusterSize = parser.value(QStringLiteral("min-cluster-size")).toInt(&good);
            ok = ok && good;
        }
        if (parser.isSet(QStringLiteral("min-quality"))) {
            bool good = false;
            grouping.minQuality = float(parser.value(QStringLiteral("min-quality")).toDouble(&good));
            ok = ok && good;
        }
        if (!ok || !faces.setLibraryOptions(grouping)) {
            ctx.err << "kindred-cli index: "
                    << (ok ? faces.errorString() : QStringLiteral("grouping options need numbers")) << '\n';
            return ExitUsage;
        }
        // New thresholds mean new groups: regroup the unknown faces from scratch.
        options.recluster = true;
    }
    QJsonObject summary;
    const int code = CliFaceIndex::run(library, ctx, options, &summary);
    if (summary.isEmpty())
        return code;
    if (parser.isSet(QStringLiteral("json"))) {
        ctx.out << QJsonDocument(summary).toJson(QJsonDocument::Indented);
    } else {
        const QJsonObject g = summary.value(QStringLiteral("grouping")).toObject();
        ctx.out << "Faces: " << summary.value(QStringLiteral("faces")).toInt() << " found in "
                << summary.value(QStringLiteral("photos_done")).toInt() << " photos ("
                << summary.value(QStringLiteral("failed")).toInt() << " failed, "
                << summary.value(QStringLiteral("reembedded")).toInt() << " re-embedded, "
                << summary.value(QStringLiteral("named_from_files")).toInt()
                << " named from the files' tags, " << summary.value(QStringLiteral("not_faces")).toInt()
                << " hidden as not a face) in "
                << QString::number(summary.value(QStringLiteral("seconds")).toDouble(), 'f', 1) << " s with "
                << summary.value(QStringLiteral("model")).toString() << " on "
                << summary.value(QStringLiteral("device")).toString() << '\n';
        if (const int again = summary.value(QStringLiteral("shown_again")).toInt(); again > 0)
            ctx.out << again
                    << " hidden as not a face by the former, stricter face check shown again (see "
                       "`not-faces --unsure`)\n";
        for (const auto& f : summary.value(QStringLiteral("failures")).toArray())
            ctx.out << "  failed: " << f.toObject().value(QStringLiteral("path")).toString() << ": "
                    << f.toObject().value(QStringLiteral("reason")).toString() << '\n';
        if (!g.isEmpty())
            ctx.out << "Unknown faces: " << g.value(QStringLiteral("unknown_faces")).toInt() << " in "
                    << g.value(QStringLiteral("clusters")).toInt() << " clusters; "
                    << g.value(QStringLiteral("suggestions")).toInt() << " suggestions\n";
    }
    return code;
}

const bool registered = registerCliCommand(
    {QStringLiteral("index"),
     QStringLiteral("find faces in catalogued photos, group and suggest (resumable)"), &runIndex});

} // namespace
} // namespace kindred
