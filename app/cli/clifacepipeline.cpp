#include "clifacepipeline.h"

#include "alignment/facealigner.h"
#include "common/device.h"
#include "common/modelerror.h"
#include "embedding/embedderfactory.h"
#include "imagedecoder.h"
#include "imageformat.h"
#include "modellocator.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace kindred {

namespace {

cv::Mat toRgbMat(const QImage& image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const cv::Mat view(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()),
                       static_cast<size_t>(rgb.bytesPerLine()));
    return view.clone();
}

float area(const FaceDetection& face)
{
    return std::max(0.0F, face.width()) * std::max(0.0F, face.height());
}

// The same quality the face indexer stores (app/services/faceindexer.cpp): detector confidence x size
// (faces under ~64 px carry little identity) x sharpness (variance of the Laplacian of the aligned crop).
float faceQuality(const FaceDetection& face, const cv::Mat& crop)
{
    const double side = std::min(face.width(), face.height());
    const double sizeFactor = std::clamp(side / 64.0, 0.0, 1.0);
    cv::Mat gray;
    cv::Mat laplacian;
    cv::cvtColor(crop, gray, cv::COLOR_RGB2GRAY);
    cv::Laplacian(gray, laplacian, CV_32F);
    cv::Scalar mean;
    cv::Scalar stddev;
    cv::meanStdDev(laplacian, mean, stddev);
    const double sharpness = std::clamp(stddev[0] * stddev[0] / 150.0, 0.0, 1.0);
    return static_cast<float>(double(face.probability) * sizeFactor * (0.5 + 0.5 * sharpness));
}

} // namespace

void CliFacePipeline::addOptions(QCommandLineParser& parser)
{
    parser.addOption({QStringLiteral("model"),
                      QStringLiteral("Embedding model: frnet (default, from the model pack) or irv1 (needs "
                                     "--model-file); a full model id is checked against the file."),
                      QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("model-file"),
         QStringLiteral("Weights: a FaceRecognitionNet TF.js manifest (*.json) or a facenet-pytorch "
                        "InceptionResnetV1 checkpoint (*.pt)."),
         QStringLiteral("FILE")});
    parser.addOption(
        {QStringLiteral("align"),
         QStringLiteral(
             "Face alignment: landmarks, the five landmarks mapped onto the model's own chip template as "
             "the library's face job does (the only method; 'auto' is accepted as the same)."),
         QStringLiteral("METHOD"), QStringLiteral("landmarks")});
    parser.addOption({QStringLiteral("batch-size"), QStringLiteral("Faces per inference batch (default 32)."),
                      QStringLiteral("N"), QStringLiteral("32")});
}

std::unique_ptr<CliFacePipeline> CliFacePipeline::create(const QCommandLineParser& parser, CliContext& ctx,
                                                         const QString& command, int* exitCode)
{
    const QString prefix = QStringLiteral("kindred-cli %1: ").arg(command);
    bool ok = false;
    const int batchSize = parser.value(QStringLiteral("batch-size")).toInt(&ok);
    if (!ok || batchSize < 1) {
        ctx.err << prefix << "--batch-size needs a positive number\n";
        *exitCode = ExitUsage;
        return nullptr;
    }
    const QString align = parser.value(QStringLiteral("align"));
    if (align != QLatin1String("auto") && align != QLatin1String("landmarks")) {
        // The box crop was removed: on the dev set's tight crops it separated people far worse (pair AUC 0.80
        // against 0.99 for the landmark chip, docs/quality.md).
        ctx.err << prefix << "--align must be landmarks (the only alignment; 'auto' is the same)\n";
        *exitCode = ExitUsage;
        return nullptr;
    }
    const ModelLocator locator(ctx.globals.modelsDir);
    const QString pack = locator.findDefaultPack();
    if (pack.isEmpty()) {
        ctx.err << prefix << locator.missingMessage() << '\n';
        *exitCode = ExitNoModels;
        return nullptr;
    }

    std::unique_ptr<CliFacePipeline> pipeline(new CliFacePipeline);
    try {
        const torch::Device device =
            Device::configure({ctx.globals.device.toStdString(), ctx.globals.threads});
        EmbedderSpec spec;
        spec.model = parser.value(QStringLiteral("model")).toStdString();
        spec.modelFile = parser.value(QStringLiteral("model-file")).toStdString();
        spec.modelDir = pack.toStdString();
        pipeline->m_embedder = EmbedderFactory::create(spec);
        pipeline->m_embedder->setDevice(device);
        pipeline->m_embedder->setBatchSize(batchSize);
        pipeline->m_embedder->setMirrorAverage(true); // as the library's face job
        pipeline->m_detector =
            std::make_unique<MtcnnDetector>(MtcnnDetector::fromDirectory(pack.toStdString(), device));
    } catch (const std::invalid_argument& e) {
        ctx.err << prefix << e.what() << '\n';
        *exitCode = ExitUsage;
        return nullptr;
    } catch (const std::exception& e) {
        ctx.err << prefix << e.what() << '\n';
        *exitCode = ExitNoModels;
        return nullptr;
    }
    *exitCode = ExitOk;
    return pipeline;
}

cv::Mat CliFacePipeline::alignFace(const cv::Mat& rgb, const FaceDetection& face) const
{
    return FaceAligner::align(rgb, face.landmarks, m_embedder->chipTemplate());
}

CliFacePipeline::ImageFaces CliFacePipeline::facesOf(const QString& path, bool largestOnly, bool fallbacks,
                                                     bool wholeImage)
{
    ImageFaces result;
    result.path = path;
    const ImageDecoder::Result decoded = ImageDecoder::decodeFile(path);
    if (!decoded.ok()) {
        result.treatment = Treatment::Unreadable;
        result.error = decoded.error.isEmpty() ? QStringLiteral("cannot decode the image") : decoded.error;
        return result;
    }
    const cv::Mat rgb = toRgbMat(decoded.image);
    try {
        // A face that fills the image gives MTCNN no context: the detector retries on a padded canvas, as
        // the library's face job does.
        bool padded = false;
        std::vector<FaceDetection> found = m_detector->detectWithContext(rgb, &padded);
        result.treatment = padded ? Treatment::Padded : Treatment::Detected;
        result.detected = static_cast<int>(found.size());
        if (found.empty()) {
            if (!fallbacks || !wholeImage) {
                result.treatment = Treatment::NoFace;
                return result;
            }
            result.treatment = Treatment::WholeImage;
            Face face;
            face.box = {0.0F, 0.0F, static_cast<float>(rgb.cols), static_cast<float>(rgb.rows)};
            face.crop = Embedder::fitToSquare(rgb, m_embedder->inputSize());
            result.faces.push_back(face);
            return result;
        }
        if (largestOnly && found.size() > 1) {
            const auto largest = std::max_element(
                found.begin(), found.end(), [](const auto& a, const auto& b) { return area(a) < area(b); });
            found = {*largest};
        }
        for (const FaceDetection& detection : found) {
            Face face;
            face.probability = detection.probability;
            face.crop = alignFace(rgb, detection);
            face.quality = faceQuality(detection, face.crop);
            face.box = detection.box;
            result.faces.push_back(face);
        }
    } catch (const std::exception& e) {
        result.treatment = Treatment::Unreadable;
        result.error = QString::fromStdString(e.what());
        result.faces.clear();
    }
    return result;
}

QString CliFacePipeline::treatmentName(Treatment treatment)
{
    switch (treatment) {
    case Treatment::Detected:
        return QStringLiteral("detected");
    case Treatment::Padded:
        return QStringLiteral("padded");
    case Treatment::WholeImage:
        return QStringLiteral("whole_image");
    case Treatment::NoFace:
        return QStringLiteral("no_face");
    case Treatment::Unreadable:
        return QStringLiteral("unreadable");
    }
    return {};
}

QStringList CliFacePipeline::imagesIn(const QString& dir, bool recursive)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext()) {
        const QString file = it.next();
        if (ImageFormats::hasImageExtension(file) || ImageFormats::hasRawExtension(file))
            files << file;
    }
    files.sort();
    return files;
}

} // namespace kindred
