// kindred-cli identify --gallery DIR [--model ID|--model-file F] [--threshold T] [--json] QUERY...
// Names the faces of query images by their nearest neighbour in a gallery folder (person/*.jpg), or "unknown"
// when even the nearest is farther than the threshold.
#include "clicommand.h"
#include "clifacepipeline.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <limits>

namespace kindred {
namespace {

int runIdentify(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Identify the faces of query images against a gallery folder of people (person/*.jpg): "
        "nearest neighbour, rejected as unknown above the threshold."));
    parser.addHelpOption();
    CliFacePipeline::addOptions(parser);
    parser.addOption({QStringLiteral("gallery"),
                      QStringLiteral("Folder with one sub-folder of photos per person."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("threshold"), QStringLiteral("Reject threshold (default: the model's)."),
                      QStringLiteral("T")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    parser.addPositionalArgument(QStringLiteral("QUERY"), QStringLiteral("Images to identify."),
                                 QStringLiteral("QUERY..."));
    parser.process(args);
    const QString galleryDir = parser.value(QStringLiteral("gallery"));
    if (galleryDir.isEmpty() || parser.positionalArguments().isEmpty()) {
        ctx.err << "kindred-cli identify: give --gallery DIR and at least one query image\n";
        return ExitUsage;
    }
    if (!QFileInfo(galleryDir).isDir()) {
        ctx.err << "kindred-cli identify: " << galleryDir << ": no such folder\n";
        return ExitUsage;
    }
    int exitCode = ExitOk;
    auto pipeline = CliFacePipeline::create(parser, ctx, QStringLiteral("identify"), &exitCode);
    if (!pipeline)
        return exitCode;
    Embedder& embedder = pipeline->embedder();
    double threshold = embedder.defaultThreshold();
    if (parser.isSet(QStringLiteral("threshold"))) {
        bool ok = false;
        threshold = parser.value(QStringLiteral("threshold")).toDouble(&ok);
        if (!ok || threshold < 0) {
            ctx.err << "kindred-cli identify: --threshold needs a non-negative number\n";
            return ExitUsage;
        }
    }

    // Gallery: the largest face of each image, labelled by its folder (crop fallbacks allowed).
    std::vector<cv::Mat> crops;
    QStringList galleryLabels;
    QStringList galleryPaths;
    const QDir dir(galleryDir);
    for (const QString& person : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        for (const QString& file : CliFacePipeline::imagesIn(dir.filePath(person), true)) {
            const CliFacePipeline::ImageFaces faces = pipeline->facesOf(file, true, true);
            if (faces.faces.empty()) {
                ctx.err << "kindred-cli identify: gallery image skipped: " << file << ": " << faces.error
                        << '\n';
                continue;
            }
            crops.push_back(faces.faces.front().crop);
            galleryLabels << person;
            galleryPaths << file;
        }
    }
    if (crops.empty()) {
        ctx.err << "kindred-cli identify: the gallery holds no usable face (expected DIR/person/*.jpg)\n";
        return ExitFailure;
    }

    try {
        const EmbeddingBatch gallery = pipeline->embed(crops);
        QJsonArray results;
        bool failed = false;
        for (const QString& query : parser.positionalArguments()) {
            const CliFacePipeline::ImageFaces faces = pipeline->facesOf(query, false, false);
            if (faces.treatment == CliFacePipeline::Treatment::Unreadable) {
                ctx.err << "kindred-cli identify: " << query << ": " << faces.error << '\n';
                failed = true;
                continue;
            }
            if (faces.faces.empty()) {
                if (!parser.isSet(QStringLiteral("json")))
                    ctx.out << query << ": no face\n";
                results.append(
                    QJsonObject{{QStringLiteral("query"), query}, {QStringLiteral("faces"), QJsonArray()}});
                continue;
            }
            std::vector<cv::Mat> queryCrops;
            for (const auto& face : faces.faces)
                queryCrops.push_back(face.crop);
            const EmbeddingBatch q = pipeline->embed(queryCrops);
            QJsonArray faceResults;
            for (int64_t i = 0; i < q.size(); ++i) {
                const std::vector<float> v = q.vector(i);
                double best = std::numeric_limits<double>::infinity();
                int64_t bestIndex = -1;
                for (int64_t g = 0; g < gallery.size(); ++g) {
                    const double d = embedder.distance(v, gallery.vector(g));
                    if (d < best) {
                        best = d;
                        bestIndex = g;
                    }
                }
                const bool known = best <= threshold;
                const QString name = known ? galleryLabels.at(bestIndex) : QStringLiteral("unknown");
                const auto& box = faces.faces[static_cast<size_t>(i)].box;
                faceResults.append(
                    QJsonObject{{QStringLiteral("box"), QJsonArray{box[0], box[1], box[2], box[3]}},
                                {QStringLiteral("person"), name},
                                {QStringLiteral("nearest"), galleryLabels.at(bestIndex)},
                                {QStringLiteral("nearest_image"), galleryPaths.at(bestIndex)},
                                {QStringLiteral("distance"), best}});
                if (!parser.isSet(QStringLiteral("json")))
                    ctx.out << query << " [" << qRound(box[0]) << ',' << qRound(box[1]) << ' '
                            << qRound(box[2]) << ',' << qRound(box[3]) << "]: " << name << " (nearest "
                            << galleryLabels.at(bestIndex) << ", distance " << QString::number(best, 'f', 4)
                            << ")\n";
            }
            results.append(
                QJsonObject{{QStringLiteral("query"), query}, {QStringLiteral("faces"), faceResults}});
        }
        if (parser.isSet(QStringLiteral("json"))) {
            const QJsonObject o{
                {QStringLiteral("model"), QString::fromStdString(embedder.modelId())},
                {QStringLiteral("metric"), QString::fromStdString(toString(embedder.metric()))},
                {QStringLiteral("threshold"), threshold},
                {QStringLiteral("gallery_faces"), static_cast<int>(gallery.size())},
                {QStringLiteral("results"), results}};
            ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        }
        return failed ? ExitFailure : ExitOk;
    } catch (const std::exception& e) {
        ctx.err << "kindred-cli identify: " << e.what() << '\n';
        return ExitFailure;
    }
}

const bool registered = registerCliCommand(
    {QStringLiteral("identify"), QStringLiteral("Name faces by their nearest match in a gallery folder"),
     &runIdentify});

} // namespace
} // namespace kindred
