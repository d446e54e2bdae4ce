// kindred-cli embed [--model ID|--model-file F] [--align M] [--largest] [--whole-image] PATH... --out
// FILE.npz Detects, aligns and embeds the faces of images and writes them to a NumPy .npz archive. An image
// in which MTCNN finds no face is retried with a black border (already-cropped faces that fill the image);
// with
// --whole-image an image still without a face is embedded whole. The counts per treatment are reported.
// A folder whose sub-folders hold images is read as an ImageFolder (person/*.jpg -> label "person");
// images given directly, or lying directly in a given folder, get an empty label.
#include "clicommand.h"
#include "clifacepipeline.h"
#include "interrupt.h"
#include "progressreporter.h"
#include "weights/npzwriter.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMap>

namespace kindred {
namespace {

struct Input {
    QString path;
    QString label;
};

std::vector<Input> collectInputs(const QStringList& paths, QTextStream& err, bool* ok)
{
    std::vector<Input> inputs;
    *ok = true;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isFile()) {
            inputs.push_back({info.absoluteFilePath(), QString()});
        } else if (info.isDir()) {
            const QDir dir(info.absoluteFilePath());
            for (const QString& file : CliFacePipeline::imagesIn(dir.absolutePath(), false))
                inputs.push_back({file, QString()});
            const QStringList subdirs = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
            for (const QString& sub : subdirs) {
                for (const QString& file : CliFacePipeline::imagesIn(dir.filePath(sub), true))
                    inputs.push_back({file, sub});
            }
        } else {
            err << "kindred-cli embed: " << path << ": no such file or folder\n";
            *ok = false;
        }
    }
    return inputs;
}

int runEmbed(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Embed the faces of images (files, plain folders or ImageFolder trees person/*.jpg) "
        "into a .npz archive: embeddings (N x D, L2-normalised, float32), raw (un-normalised), "
        "norms, labels, paths, boxes (x1,y1,x2,y2), probabilities, quality, treatments, model_id, align."));
    parser.addHelpOption();
    CliFacePipeline::addOptions(parser);
    parser.addOption(
        {QStringLiteral("out"), QStringLiteral("The .npz file to write."), QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("largest"), QStringLiteral("Keep only the largest face of each image.")});
    parser.addOption({QStringLiteral("whole-image"),
                      QStringLiteral("Embed the whole image when no face is found even on the padded image "
                                     "(for folders of face crops).")});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Images or folders."),
                                 QStringLiteral("PATH..."));
    parser.process(args);

    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty() || parser.positionalArguments().isEmpty()) {
        ctx.err << "kindred-cli embed: give images or folders and --out FILE.npz\n";
        return ExitUsage;
    }
    bool inputsOk = true;
    const std::vector<Input> inputs = collectInputs(parser.positionalArguments(), ctx.err, &inputsOk);
    if (!inputsOk)
        return ExitUsage;

    int exitCode = ExitOk;
    auto pipeline = CliFacePipeline::create(parser, ctx, QStringLiteral("embed"), &exitCode);
    if (!pipeline)
        return exitCode;
    const bool largest = parser.isSet(QStringLiteral("largest"));
    const bool wholeImage = parser.isSet(QStringLiteral("whole-image"));
    const int dim = pipeline->embedder().dimension();

    Interrupt::install();
    ProgressReporter progress(ctx.err, QStringLiteral("embed"));
    std::vector<torch::Tensor> normalized;
    std::vector<torch::Tensor> norms;
    std::vector<std::string> labels;
    std::vector<std::string> paths;
    std::vector<float> boxes;
    std::vector<float> probabilities;
    std::vector<float> quality;
    std::vector<std::string> treatments;
    QMap<CliFacePipeline::Treatment, int> treatmentCounts;
    QStringList noFace;
    QStringList multiFace;
    QStringList unreadable;
    std::vector<cv::Mat> pending;

    auto flush = [&] {
        if (pending.empty())
            return;
        const EmbeddingBatch batch = pipeline->embed(pending);
        normalized.push_back(batch.normalized);
        norms.push_back(batch.norms);
        pending.clear();
    };

    try {
        for (size_t i = 0; i < inputs.size(); ++i) {
            if (Interrupt::flag()->load()) {
                ctx.err << "kindred-cli embed: cancelled\n";
                return ExitCancelled;
            }
            progress.update(static_cast<qint64>(i), static_cast<qint64>(inputs.size()), inputs[i].path);
            const CliFacePipeline::ImageFaces faces =
                pipeline->facesOf(inputs[i].path, largest, true, wholeImage);
            ++treatmentCounts[faces.treatment];
            if (faces.treatment == CliFacePipeline::Treatment::Unreadable) {
                unreadable << inputs[i].path + QStringLiteral(": ") + faces.error;
                continue;
            }
            if (faces.faces.empty()) {
                noFace << inputs[i].path;
                continue;
            }
            if (faces.detected > 1)
                multiFace << QStringLiteral("%1 (%2 faces%3)")
                                 .arg(inputs[i].path)
                                 .arg(faces.detected)
                                 .arg(largest ? QStringLiteral(", kept the largest") : QString());
            for (const CliFacePipeline::Face& face : faces.faces) {
                pending.push_back(face.crop);
                labels.push_back(inputs[i].label.toStdString());
                paths.push_back(inputs[i].path.toStdString());
                boxes.insert(boxes.end(), face.box.begin(), face.box.end());
                probabilities.push_back(face.probability);
                quality.push_back(face.quality);
                treatments.push_back(CliFacePipeline::treatmentName(faces.treatment).toStdString());
            }
            if (static_cast<int>(pending.size()) >= pipeline->embedder().batchSize())
                flush();
        }
        flush();
    } catch (const std::exception& e) {
        ctx.err << "kindred-cli embed: " << e.what() << '\n';
        return ExitFailure;
    }
    progress.finish();

    const int64_t n = static_cast<int64_t>(labels.size());
    const torch::Tensor embeddings = n ? torch::cat(normalized, 0) : torch::zeros({0, dim});
    const torch::Tensor rawNorms = n ? torch::cat(norms, 0) : torch::zeros({0});
    NpzWriter npz;
    npz.add("embeddings", embeddings);
    npz.add("raw", embeddings * rawNorms.unsqueeze(1));
    npz.add("norms", rawNorms);
    npz.addStrings("labels", labels);
    npz.addStrings("paths", paths);
    npz.add("boxes", torch::from_blob(boxes.data(), {n, 4}, torch::kFloat32).clone());
    npz.add("probabilities", torch::from_blob(probabilities.data(), {n}, torch::kFloat32).clone());
    npz.add("quality", torch::from_blob(quality.data(), {n}, torch::kFloat32).clone());
    npz.addStrings("treatments", treatments);
    npz.addStrings("model_id", {pipeline->embedder().modelId()});
    npz.addStrings("align", {pipeline->alignName().toStdString()});
    try {
        npz.save(out.toStdString());
    } catch (const std::exception& e) {
        ctx.err << "kindred-cli embed: " << e.what() << '\n';
        return ExitFailure;
    }

    ctx.out << "Embedded " << n << " faces from " << inputs.size() << " images with "
            << QString::fromStdString(pipeline->embedder().modelId()) << " (" << dim << "-d, align "
            << pipeline->alignName() << ") -> " << out << '\n';
    for (const QString& path : noFace)
        ctx.out << "no face: " << path << '\n';
    for (const QString& path : multiFace)
        ctx.out << "several faces: " << path << '\n';
    for (const QString& path : unreadable)
        ctx.out << "unreadable: " << path << '\n';
    ctx.out << "Images without a face: " << noFace.size() << ", with several faces: " << multiFace.size()
            << ", unreadable: " << unreadable.size() << '\n';
    ctx.out << "Treatments: detected " << treatmentCounts.value(CliFacePipeline::Treatment::Detected)
            << ", padded " << treatmentCounts.value(CliFacePipeline::Treatment::Padded) << ", whole_image "
            << treatmentCounts.value(CliFacePipeline::Treatment::WholeImage) << ", no_face "
            << treatmentCounts.value(CliFacePipeline::Treatment::NoFace) << ", unreadable "
            << treatmentCounts.value(CliFacePipeline::Treatment::Unreadable) << '\n';
    return unreadable.isEmpty() ? ExitOk : ExitFailure;
}

const bool registered = registerCliCommand(
    {QStringLiteral("embed"), QStringLiteral("Embed the faces of images into a .npz file"), &runEmbed});

} // namespace
} // namespace kindred
