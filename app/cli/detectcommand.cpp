// kindred-cli detect [--json] [--min-face N] [--full-res] [--draw OUTDIR] IMAGE...
// Runs MTCNN on images as the library does (a face that fills the image is found on a padded canvas) and
// prints the faces (box, probability, five landmarks) in the coordinates of the
// EXIF-rotated full-resolution image. Unreadable images are reported and make the exit code 1.
#include "clicommand.h"
#include "common/device.h"
#include "common/imageerror.h"
#include "detection/detectionimage.h"
#include "detection/mtcnn.h"
#include "modellocator.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <opencv2/imgproc.hpp>

namespace kindred {
namespace {

QJsonArray point(float x, float y)
{
    return QJsonArray{double(x), double(y)};
}

bool drawFaces(const QString& image, const std::vector<FaceDetection>& faces, const QString& outDir,
               QString* error)
{
    QImageReader reader(image);
    reader.setAutoTransform(true);
    QImage picture = reader.read();
    if (picture.isNull()) {
        *error = reader.errorString();
        return false;
    }
    // Drawn with OpenCV on the QImage's pixels: kindred-cli has no QGuiApplication, which QPainter's text
    // needs.
    picture = picture.convertToFormat(QImage::Format_RGB888);
    cv::Mat canvas(picture.height(), picture.width(), CV_8UC3, picture.bits(),
                   size_t(picture.bytesPerLine()));
    const int thickness = std::max(2, std::max(picture.width(), picture.height()) / 400);
    for (const FaceDetection& f : faces) {
        cv::rectangle(canvas, cv::Point(int(f.box[0]), int(f.box[1])),
                      cv::Point(int(f.box[2]), int(f.box[3])), cv::Scalar(0, 220, 0), thickness);
        for (const auto& p : f.landmarks)
            cv::circle(canvas, cv::Point(int(p[0]), int(p[1])), thickness * 2, cv::Scalar(255, 40, 40),
                       cv::FILLED);
        cv::putText(canvas, QString::number(f.probability, 'f', 3).toStdString(),
                    cv::Point(int(f.box[0]), std::max(0, int(f.box[1]) - 2 * thickness)),
                    cv::FONT_HERSHEY_SIMPLEX, thickness * 0.4, cv::Scalar(255, 255, 0),
                    std::max(1, thickness / 2));
    }
    const QString out =
        QDir(outDir).filePath(QFileInfo(image).completeBaseName() + QStringLiteral(".detect.jpg"));
    if (!picture.save(out, "JPEG", 90)) {
        *error = QStringLiteral("cannot write ") + out;
        return false;
    }
    return true;
}

int runDetect(const QStringList& args, CliContext& ctx)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Detect faces (MTCNN) in images. Coordinates are in the EXIF-rotated full-resolution image."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Print JSON: [{image, width, height, faces: [{box, "
                                                "probability, landmarks}]}].")});
    parser.addOption({QStringLiteral("min-face"),
                      QStringLiteral("Smallest face to find, in pixels of the detection image (default 20)."),
                      QStringLiteral("N"), QStringLiteral("20")});
    parser.addOption(
        {QStringLiteral("full-res"),
         QStringLiteral("Detect on the full-resolution image (default: large JPEGs are decoded at "
                        "1/2, 1/4 or 1/8 so that the long side stays >= 1024 px).")});
    parser.addOption(
        {QStringLiteral("draw"), QStringLiteral("Write annotated copies into DIR."), QStringLiteral("DIR")});
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Images."),
                                 QStringLiteral("IMAGE..."));
    if (!parser.parse(args)) {
        ctx.err << "kindred-cli detect: " << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        ctx.out << parser.helpText();
        return ExitOk;
    }
    const QStringList images = parser.positionalArguments();
    if (images.isEmpty()) {
        ctx.err << "kindred-cli detect: no image given (see kindred-cli detect --help)\n";
        return ExitUsage;
    }
    bool ok = false;
    const int minFace = parser.value(QStringLiteral("min-face")).toInt(&ok);
    if (!ok || minFace < 1) {
        ctx.err << "kindred-cli detect: --min-face needs a positive number\n";
        return ExitUsage;
    }
    const QString drawDir = parser.value(QStringLiteral("draw"));
    if (!drawDir.isEmpty() && !QDir().mkpath(drawDir)) {
        ctx.err << "kindred-cli detect: cannot create " << drawDir << '\n';
        return ExitFailure;
    }
    const ModelLocator locator(ctx.globals.modelsDir);
    const QString models = locator.findDefaultPack();
    if (models.isEmpty()) {
        ctx.err << locator.missingMessage() << '\n';
        return ExitNoModels;
    }

    std::unique_ptr<MtcnnDetector> detector;
    try {
        const torch::Device device =
            Device::configure({ctx.globals.device.toStdString(), ctx.globals.threads});
        MtcnnOptions options;
        options.minFaceSize = minFace;
        detector = std::make_unique<MtcnnDetector>(
            MtcnnDetector::fromDirectory(models.toStdString(), device, options));
    } catch (const std::exception& e) {
        ctx.err << "kindred-cli detect: cannot load the face detector: " << e.what() << '\n';
        return ExitNoModels;
    }

    DetectionImageOptions decodeOptions;
    if (parser.isSet(QStringLiteral("full-res")))
        decodeOptions.minLongSide = 0;
    const bool json = parser.isSet(QStringLiteral("json"));
    QJsonArray results;
    int failures = 0;
    for (const QString& image : images) {
        QJsonObject entry{{QStringLiteral("image"), image}};
        try {
            const DecodedImage decoded = DetectionImage::decode(image.toStdString(), decodeOptions);
            const std::vector<FaceDetection> faces =
                DetectionImage::toFullResolution(detector->detectWithContext(decoded.rgb), decoded);
            entry[QStringLiteral("width")] = decoded.fullWidth;
            entry[QStringLiteral("height")] = decoded.fullHeight;
            QJsonArray faceArray;
            for (const FaceDetection& f : faces) {
                QJsonArray marks;
                for (const auto& p : f.landmarks)
                    marks.append(point(p[0], p[1]));
                faceArray.append(
                    QJsonObject{{QStringLiteral("box"), QJsonArray{double(f.box[0]), double(f.box[1]),
                                                                   double(f.box[2]), double(f.box[3])}},
                                {QStringLiteral("probability"), double(f.probability)},
                                {QStringLiteral("landmarks"), marks}});
            }
            entry[QStringLiteral("faces")] = faceArray;
            if (!json) {
                ctx.out << image << ": " << decoded.fullWidth << 'x' << decoded.fullHeight << ", "
                        << faces.size() << (faces.size() == 1 ? " face\n" : " faces\n");
                for (const FaceDetection& f : faces)
                    ctx.out << QStringLiteral("  box %1,%2 - %3,%4  p=%5\n")
                                   .arg(f.box[0], 0, 'f', 1)
                                   .arg(f.box[1], 0, 'f', 1)
                                   .arg(f.box[2], 0, 'f', 1)
                                   .arg(f.box[3], 0, 'f', 1)
                                   .arg(f.probability, 0, 'f', 4);
            }
            QString drawError;
            if (!drawDir.isEmpty() && !drawFaces(image, faces, drawDir, &drawError)) {
                ctx.err << "kindred-cli detect: " << image << ": cannot draw: " << drawError << '\n';
                ++failures;
            }
        } catch (const std::exception& e) {
            ++failures;
            entry[QStringLiteral("error")] = QString::fromUtf8(e.what());
            ctx.err << "kindred-cli detect: " << image << ": " << e.what() << '\n';
        }
        results.append(entry);
    }
    if (json)
        ctx.out << QJsonDocument(results).toJson(QJsonDocument::Indented);
    return failures == 0 ? ExitOk : ExitFailure;
}

const bool registered = registerCliCommand(
    {QStringLiteral("detect"), QStringLiteral("find faces in images (MTCNN); --json for machine output"),
     &runDetect});

} // namespace
} // namespace kindred
