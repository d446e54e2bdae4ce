// kindred-cli verify [--model ID|--model-file F] [--align M] [--threshold T] [--json] A B
// Compares the largest face of two images: distance, threshold and the verdict (same / different person).
#include "clicommand.h"
#include "clifacepipeline.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace kindred {
namespace {

int runVerify(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Say whether the (largest) faces of two images show the same person."));
    parser.addHelpOption();
    CliFacePipeline::addOptions(parser);
    parser.addOption({QStringLiteral("threshold"),
                      QStringLiteral("Same-person threshold (default: the model's)."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON object.")});
    parser.addPositionalArgument(QStringLiteral("A"), QStringLiteral("First image."));
    parser.addPositionalArgument(QStringLiteral("B"), QStringLiteral("Second image."));
    parser.process(args);
    if (parser.positionalArguments().size() != 2) {
        ctx.err << "kindred-cli verify: give exactly two images\n";
        return ExitUsage;
    }
    int exitCode = ExitOk;
    auto pipeline = CliFacePipeline::create(parser, ctx, QStringLiteral("verify"), &exitCode);
    if (!pipeline)
        return exitCode;
    double threshold = pipeline->embedder().defaultThreshold();
    if (parser.isSet(QStringLiteral("threshold"))) {
        bool ok = false;
        threshold = parser.value(QStringLiteral("threshold")).toDouble(&ok);
        if (!ok || threshold < 0) {
            ctx.err << "kindred-cli verify: --threshold needs a non-negative number\n";
            return ExitUsage;
        }
    }

    std::vector<cv::Mat> crops;
    std::vector<CliFacePipeline::ImageFaces> images;
    for (const QString& path : parser.positionalArguments()) {
        CliFacePipeline::ImageFaces faces = pipeline->facesOf(path, true, true);
        if (faces.treatment == CliFacePipeline::Treatment::Unreadable) {
            ctx.err << "kindred-cli verify: " << path << ": " << faces.error << '\n';
            return ExitFailure;
        }
        crops.push_back(faces.faces.front().crop);
        images.push_back(std::move(faces));
    }
    double distance = 0;
    try {
        const EmbeddingBatch batch = pipeline->embed(crops);
        distance = pipeline->embedder().distance(batch.vector(0), batch.vector(1));
    } catch (const std::exception& e) {
        ctx.err << "kindred-cli verify: " << e.what() << '\n';
        return ExitFailure;
    }
    const bool same = distance <= threshold;
    const QString metric = QString::fromStdString(toString(pipeline->embedder().metric()));
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject o{{QStringLiteral("a"), images[0].path},
                            {QStringLiteral("b"), images[1].path},
                            {QStringLiteral("a_face"), CliFacePipeline::treatmentName(images[0].treatment)},
                            {QStringLiteral("b_face"), CliFacePipeline::treatmentName(images[1].treatment)},
                            {QStringLiteral("model"), QString::fromStdString(pipeline->embedder().modelId())},
                            {QStringLiteral("metric"), metric},
                            {QStringLiteral("distance"), distance},
                            {QStringLiteral("threshold"), threshold},
                            {QStringLiteral("same"), same}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        for (const auto& image : images) {
            if (image.treatment != CliFacePipeline::Treatment::Detected)
                ctx.out << image.path << ": face found by fallback ("
                        << CliFacePipeline::treatmentName(image.treatment) << ")\n";
        }
        ctx.out << "distance " << QString::number(distance, 'f', 4) << " (" << metric << ", threshold "
                << QString::number(threshold, 'f', 4) << "): " << (same ? "same person" : "different people")
                << '\n';
    }
    return ExitOk;
}

const bool registered = registerCliCommand(
    {QStringLiteral("verify"), QStringLiteral("Compare the faces of two images (same person?)"), &runVerify});

} // namespace
} // namespace kindred
