#include "faceindexer.h"

#include "alignment/facealigner.h"
#include "catalog.h"
#include "catalogbackup.h"
#include "common/device.h"
#include "common/modelerror.h"
#include "detection/facecheck.h"
#include "detection/mtcnn.h"
#include "detection/nms.h"
#include "embedding/embedder.h"
#include "embedding/embedderfactory.h"
#include "filenameimporter.h"
#include "imagedecoder.h"
#include "loadgovernor.h"
#include "resourcepool.h"
#include "sqlutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFuture>
#include <QImage>
#include <QSaveFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <deque>
#include <limits>
#include <opencv2/imgproc.hpp>

namespace kindred {

namespace {

struct PhotoJob {
    qint64 id = 0;
    QString path;
    QString hash;
};

// What the decode stage hands to the inference thread.
struct DecodedPhoto {
    PhotoJob job;
    QByteArray data;  // the file, kept for a full-resolution decode when faces are small
    QImage image;     // the decode (RGB888), whose pixels `reduced` shows without a copy: never written to (a
                      // write would detach it and leave `reduced` on the old pixels)
    cv::Mat reduced;  // RGB, long side <= detectMaxSide
    double scale = 1; // full-resolution pixels per reduced pixel
    QSize fullSize;
    QString error;
    double seconds = 0; // reading and decoding, on the thread pool
};

cv::Mat toRgbMat(const QImage& image)
{
    const QImage rgb =
        image.format() == QImage::Format_RGB888 ? image : image.convertToFormat(QImage::Format_RGB888);
    return cv::Mat(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()),
                   size_t(rgb.bytesPerLine()))
        .clone();
}

DecodedPhoto decodePhoto(const PhotoJob& job, int maxSide)
{
    QElapsedTimer timer;
    timer.start();
    DecodedPhoto out;
    out.job = job;
    QFile file(job.path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = QStringLiteral("cannot read the file: %1").arg(file.errorString());
        return out;
    }
    out.data = file.readAll();
    ImageDecoder::Options options;
    options.boundingSize = QSize(maxSide, maxSide);
    options.raw = ImageFormats::hasRawExtension(job.path); // camera RAW: its embedded preview
    const ImageDecoder::Result result = ImageDecoder::decodeData(out.data, options);
    if (!result.ok()) {
        out.error = result.error.isEmpty() ? QStringLiteral("the image could not be decoded") : result.error;
        return out;
    }
    out.fullSize = result.header.displaySize;
    out.image = result.image.format() == QImage::Format_RGB888
                    ? result.image
                    : result.image.convertToFormat(QImage::Format_RGB888);
    out.reduced = cv::Mat(out.image.height(), out.image.width(), CV_8UC3,
                          const_cast<uchar*>(out.image.constBits()), size_t(out.image.bytesPerLine()));
    out.scale = result.image.width() > 0 ? double(out.fullSize.width()) / result.image.width() : 1.0;
    out.seconds = timer.elapsed() / 1000.0;
    return out;
}

// A face quality in [0, 1]: detector confidence, size (faces under ~64 px carry little identity) and
// sharpness (variance of the Laplacian of the aligned crop). Used to keep poor faces out of clusters.
double faceQuality(const FaceDetection& face, double scale, const cv::Mat& crop)
{
    const double side = std::min(face.width(), face.height()) * scale;
    const double sizeFactor = std::clamp(side / 64.0, 0.0, 1.0);
    cv::Mat gray, lap;
    cv::cvtColor(crop, gray, cv::COLOR_RGB2GRAY);
    cv::Laplacian(gray, lap, CV_32F);
    cv::Scalar mean, stddev;
    cv::meanStdDev(lap, mean, stddev);
    const double sharpness = std::clamp(stddev[0] * stddev[0] / 150.0, 0.0, 1.0);
    return double(face.probability) * sizeFactor * (0.5 + 0.5 * sharpness);
}

// Detector faces found before the face check existed (FaceCheck): unnamed, not hidden, never checked.
const QString kUncheckedFaces = QStringLiteral("f.face_check IS NULL AND f.source = 'detector' AND "
                                               "f.not_face = 0 AND f.state IN ('unknown', 'suggested')");

// Settings key: "1" once every photo of the library has been looked at for second boxes on one face
// (libraries whose faces were checked before FaceCheck::secondBoxes existed, without the key, are looked at
// once); "0" when detections shown again under a lower bar owe that look (the app starts a face job for it
// when it opens the library).
const QString kSecondBoxesKey = QStringLiteral("faces.second_boxes_checked");

// Settings key: the bar (FaceCheck::kMinConfidence) under which the library's stored detections were hidden
// as "not a face"; none = 1.5, the bar until 2026-12-07. When the bar is lowered, the detections hidden
// between the two bars are shown again (the Maybe not faces row) and every photo is looked at for second
// boxes.
const QString kCheckBarKey = QStringLiteral("faces.check_bar");
constexpr double kFormerCheckBar = 1.5;

// The bar under which the library's stored detections were hidden (kCheckBarKey).
double storedCheckBar(QSqlDatabase& db)
{
    const QVariant v = SqlUtil::setting(db, kCheckBarKey);
    return v.isValid() ? v.toDouble() : kFormerCheckBar;
}

// The detections the check hid under a former, higher bar that pass the current one.
const QString kHiddenUnderFormerBar = QStringLiteral(
    "not_face = 1 AND state = 'ignored' AND source = 'detector' AND face_check >= ? AND face_check < ?");

// A face that is the family's word: named, ignored as a stranger, drawn or read from XMP.
const QString kFamilyFace = QStringLiteral("(f.state IN ('confirmed', 'ignored') OR f.source <> 'detector')");

// Hides the second boxes on a face (FaceCheck::secondBoxes) among the stored faces of `photos`: the faces
// the family named, drew, had read from XMP or ignored as strangers are faces whatever their confidence
// (never hidden, they hide what overlaps them); the detector's faces the family has not touched take part
// with their check's confidence; unnamed faces the family restored from "not a face" and unchecked ones
// take no part. A hidden face is kept as "not a face" like the check's own. Appends the photo of each face
// hidden to `hiddenIn`.
bool hideSecondBoxes(QSqlDatabase& db, const QList<qint64>& photos, QList<qint64>* hiddenIn, QString* error)
{
    if (photos.isEmpty())
        return true;
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    const auto fail = [&](const QString& message) {
        db.rollback();
        *error = message;
        return false;
    };
    for (const qint64 photo : photos) {
        std::vector<qint64> ids;
        std::vector<FaceDetection> faces;
        std::vector<double> confidence;
        std::vector<bool> family;
        {
            QSqlQuery q(db);
            if (!SqlUtil::exec(
                    q,
                    QStringLiteral("SELECT f.id, f.x1, f.y1, f.x2, f.y2, f.face_check, ") + kFamilyFace +
                        QStringLiteral(" FROM faces f WHERE f.photo_id = ? AND ((f.not_face <= 0 AND ") +
                        kFamilyFace +
                        QStringLiteral(
                            ") OR (f.not_face = 0 AND f.source = 'detector' AND f.state IN "
                            "('unknown', 'suggested') AND f.face_check IS NOT NULL)) ORDER BY f.id"),
                    {photo}, error))
                return fail(*error);
            while (q.next()) {
                FaceDetection f;
                for (int i = 0; i < 4; ++i)
                    f.box[size_t(i)] = q.value(1 + i).toFloat();
                ids.push_back(q.value(0).toLongLong());
                faces.push_back(f);
                confidence.push_back(q.value(5).isNull() ? std::numeric_limits<double>::quiet_NaN()
                                                         : q.value(5).toDouble());
                family.push_back(q.value(6).toBool());
            }
        }
        if (faces.size() < 2)
            continue;
        const std::vector<bool> second = FaceCheck::secondBoxes(faces, confidence, family);
        for (size_t i = 0; i < ids.size(); ++i) {
            if (!second[i])
                continue;
            QSqlQuery q(db);
            if (!SqlUtil::exec(q,
                               QStringLiteral("UPDATE faces SET not_face = 1, state = 'ignored', person_id = "
                                              "NULL, cluster_id = NULL, suggestion_score = NULL WHERE id = ? "
                                              "AND not_face = 0 AND source = 'detector' AND state IN "
                                              "('unknown', 'suggested')"),
                               {ids[i]}, error))
                return fail(*error);
            if (q.numRowsAffected() > 0)
                hiddenIn->append(photo);
        }
    }
    if (!db.commit())
        return fail(db.lastError().text());
    return true;
}

// A detection's box and landmarks in an image `factor` times the size.
void scaleFace(FaceDetection& face, double factor)
{
    for (float& v : face.box)
        v = float(v * factor);
    for (auto& point : face.landmarks) {
        point[0] = float(point[0] * factor);
        point[1] = float(point[1] * factor);
    }
}

// A detection's box and landmarks moved by `by`.
void shiftFace(FaceDetection& face, cv::Point2f by)
{
    face.box[0] += by.x;
    face.box[1] += by.y;
    face.box[2] += by.x;
    face.box[3] += by.y;
    for (auto& point : face.landmarks) {
        point[0] += by.x;
        point[1] += by.y;
    }
}

QByteArray blobOf(const std::vector<float>& v)
{
    return QByteArray(reinterpret_cast<const char*>(v.data()), qsizetype(v.size() * sizeof(float)));
}

} // namespace

// Photos detected side by side at most (memory: each holds its pyramid's activations, ~150 MB at 1600 px).
constexpr int kMaxWorkers = 4;

struct FaceIndexer::Impl {
    QString catalogPath;
    LibraryPaths paths;
    FaceIndexOptions options;
    std::unique_ptr<MtcnnDetector> detector; // for work on the job's own thread
    // One detector per worker: photos are decoded, detected and cropped side by side on the job's thread
    // pool, each worker with `workerThreads` LibTorch threads (one on a machine of up to four cores).
    // Two photos at one thread each used the two cores of the development machine far better than one photo
    // at two threads, whose threads wait for each other at the end of every layer (docs/benchmarks-load.md).
    std::unique_ptr<ResourcePool<MtcnnDetector>> detectors;
    int workerThreads = 1;
    // With a single worker its thread count follows the load instead (one photo at a time, as before).
    std::atomic_int workerThreadsNow{1};
    int threads = 1; // the configured count: workers x workerThreads, or the fixed count
    std::unique_ptr<Embedder> embedder;
    torch::Device device = torch::kCPU;
    // CPU threads that follow the computer's load (options.threads == 0 on the CPU); null when fixed.
    std::unique_ptr<LoadGovernor> governor;

    // Before each photo: how many photos are detected side by side for the load of the moment.
    void followLoad(FaceIndexSummary& summary)
    {
        const int free = freeCores(summary);
        if (free <= 0)
            return;
        if (detectors->size() == 1) {
            workerThreadsNow = free;
            Device::setThreads(free); // the embedding on the job's thread
        } else
            detectors->setLimit(std::max(1, free / workerThreads));
    }

    // Before each piece of work on the job's own thread alone: the free cores as its LibTorch threads.
    void followLoadOnThisThread(FaceIndexSummary& summary)
    {
        if (const int free = freeCores(summary); free > 0)
            Device::setThreads(free);
    }

    // The governor's count for the load of the moment, added to the summary's mean; 0 when the count is
    // fixed.
    int freeCores(FaceIndexSummary& summary)
    {
        if (!governor)
            return 0;
        const int free = governor->update();
        summary.threadsMean += (free - summary.threadsMean) / double(++summary.threadSamples);
        return free;
    }

    // One face waiting for its embedding.
    struct PendingFace {
        qint64 photoId = 0;
        FaceDetection detection; // full-resolution coordinates
        cv::Mat alignedCrop;     // embedder input
        cv::Mat displayCrop;     // thumbnail for the UI
        double quality = 0;
        double check = 0;       // FaceCheck confidence
        bool secondBox = false; // FaceCheck::secondBoxes: another box on a face found with more confidence
        bool shown() const { return FaceCheck::isShown(check, secondBox); }
    };
    struct PendingPhoto {
        PhotoJob job;
        std::vector<PendingFace> faces;
    };
    // What a worker hands to the job's thread: a photo decoded, its faces detected, checked and cropped.
    struct DetectedPhoto {
        PhotoJob job;
        QString error;
        std::vector<PendingFace> faces;
        MtcnnTimings stages;
        double decodeSeconds = 0, detectSeconds = 0, checkSeconds = 0, cropSeconds = 0, cropDecodeSeconds = 0;
    };

    // On a worker of the job's thread pool.
    DetectedPhoto detectPhoto(const PhotoJob& job, int maxSide) const
    {
        DetectedPhoto out;
        out.job = job;
        try {
            const DecodedPhoto photo = decodePhoto(job, maxSide);
            out.decodeSeconds = photo.seconds;
            if (!photo.error.isEmpty()) {
                out.error = photo.error;
                return out;
            }
            // Held until the crops are made: the pool's limit is the number of photos worked on at once.
            ResourcePool<MtcnnDetector>::Lease detector = detectors->acquire();
            Device::setThreads(workerThreadsNow); // this thread's own count (OpenMP keeps one per thread)
            QElapsedTimer t;
            t.start();
            std::vector<FaceDetection> faces;
            std::vector<double> checks;
            std::vector<bool> secondBoxes;
            try {
                MtcnnOptions mtcnn = detector->options();
                // The minimum face size is asked for in full-resolution pixels.
                mtcnn.minFaceSize = std::max(12, int(std::lround(options.minFaceSize / photo.scale)));
                detector->setOptions(mtcnn);
                faces = detector->detectWithContext(photo.reduced, nullptr, &out.stages);
                QElapsedTimer check;
                check.start();
                checks = FaceCheck::confidence(*detector, photo.reduced, faces);
                secondBoxes = FaceCheck::secondBoxes(faces, checks);
                out.checkSeconds = check.elapsed() / 1000.0;
            } catch (const std::exception& e) {
                out.error = QStringLiteral("face detection failed: %1").arg(QString::fromStdString(e.what()));
                return out;
            }
            out.detectSeconds = t.elapsed() / 1000.0;
            t.restart();

            // Crops come from an image sharp enough for the embedder's input: the reduced decode when the
            // faces are large in it, else the full resolution - only the part of the photo the crops read.
            const int cropSide = embedder->inputSize();
            cv::Mat source = photo.reduced;
            double toSource = 1.0;
            cv::Point2f sourceOffset(0, 0); // where `source` lies in the image the faces are scaled to
            bool small = false;
            for (const FaceDetection& f : faces)
                small = small || std::min(f.width(), f.height()) < cropSide;
            if (small && photo.scale > 1.01) {
                QElapsedTimer fullDecode;
                fullDecode.start();
                const double toFull = double(photo.fullSize.width()) / photo.reduced.cols;
                const cv::Size fullSize(photo.fullSize.width(), photo.fullSize.height());
                cv::Rect needed;
                for (const FaceDetection& detected : faces) {
                    FaceDetection f = detected;
                    scaleFace(f, toFull);
                    needed |= FaceAligner::alignSource(f.landmarks, embedder->chipTemplate(), fullSize) |
                              FaceAligner::cropBoxSource(f.box, options.cropSize, options.cropSize * 0.3f,
                                                         fullSize);
                }
                ImageDecoder::Options full;
                full.raw = ImageFormats::hasRawExtension(job.path);
                full.region = QRect(needed.x, needed.y, needed.width, needed.height);
                const ImageDecoder::Result result = ImageDecoder::decodeData(photo.data, full);
                if (result.ok()) {
                    source = toRgbMat(result.image);
                    toSource = toFull;
                    sourceOffset = cv::Point2f(float(result.offset.x()), float(result.offset.y()));
                }
                out.cropDecodeSeconds = fullDecode.elapsed() / 1000.0;
            }
            for (size_t k = 0; k < faces.size(); ++k) {
                FaceDetection f = faces[k];
                scaleFace(f, toSource);
                shiftFace(f, -sourceOffset);
                PendingFace face;
                face.photoId = job.id;
                face.alignedCrop = align(source, f);
                face.displayCrop =
                    FaceAligner::cropBox(source, f.box, options.cropSize, options.cropSize * 0.3f);
                face.quality = faceQuality(f, 1.0, face.alignedCrop);
                face.check = checks[k];
                face.secondBox = secondBoxes[k];
                // Stored coordinates are full-resolution pixels of the oriented photo.
                f = faces[k];
                scaleFace(f, photo.scale);
                face.detection = f;
                out.faces.push_back(std::move(face));
            }
            out.cropSeconds = t.elapsed() / 1000.0;
        } catch (const std::exception& e) {
            out.faces.clear();
            out.error = QStringLiteral("face detection failed: %1").arg(QString::fromStdString(e.what()));
        }
        return out;
    }

    // The embedder's input crop: the face's five landmarks mapped onto the embedder's own chip template
    // (FaceAligner::align). Must match `kindred-cli embed` so that stored and CLI embeddings are comparable.
    cv::Mat align(const cv::Mat& image, const FaceDetection& face) const
    {
        return FaceAligner::align(image, face.landmarks, embedder->chipTemplate());
    }

    // A face for a box that did not come from the detector (drawn by hand, or stored without landmarks):
    // the detector is asked for the face inside the box so that alignment gets landmarks; when it finds
    // none, the box itself is used (landmarks guessed from its proportions are not used for alignment).
    FaceDetection faceInBox(const cv::Mat& image, const std::array<float, 4>& box, bool* found) const
    {
        FaceDetection result;
        result.box = box;
        result.probability = 1.0f;
        *found = false;
        const float w = box[2] - box[0], h = box[3] - box[1];
        const int x0 = std::max(0, int(box[0] - 0.5f * w)), y0 = std::max(0, int(box[1] - 0.5f * h));
        const int x1 = std::min(image.cols, int(box[2] + 0.5f * w)),
                  y1 = std::min(image.rows, int(box[3] + 0.5f * h));
        if (x1 - x0 < 12 || y1 - y0 < 12)
            return result;
        try {
            MtcnnOptions o = detector->options();
            const MtcnnOptions saved = o;
            o.minFaceSize = std::max(12, int(0.5f * std::min(w, h)));
            detector->setOptions(o);
            const cv::Mat region = image(cv::Rect(x0, y0, x1 - x0, y1 - y0)).clone();
            std::vector<FaceDetection> faces = detector->detect(region);
            detector->setOptions(saved);
            double bestIou = 0.3;
            for (FaceDetection f : faces) {
                f.box = {f.box[0] + x0, f.box[1] + y0, f.box[2] + x0, f.box[3] + y0};
                for (auto& p : f.landmarks)
                    p = {p[0] + x0, p[1] + y0};
                const double iou = Nms::boxIou(f.box, box);
                if (iou > bestIou) {
                    bestIou = iou;
                    result.landmarks = f.landmarks;
                    *found = true;
                }
            }
        } catch (const std::exception&) {
            // no landmarks: the box crop is used
        }
        return result;
    }

    // A stored face (re-embedding, hand-drawn faces): the same crop as align() when it has landmarks,
    // else the box + margin.
    cv::Mat alignBox(const cv::Mat& image, const FaceDetection& face, bool haveLandmarks) const
    {
        if (haveLandmarks)
            return align(image, face);
        const int size = embedder->inputSize();
        return FaceAligner::cropBox(image, face.box, size, float(size) * 0.2f);
    }
    // The pixels alignBox() reads.
    cv::Rect alignBoxSource(const FaceDetection& face, bool haveLandmarks, const cv::Size& imageSize) const
    {
        if (haveLandmarks)
            return FaceAligner::alignSource(face.landmarks, embedder->chipTemplate(), imageSize);
        const int size = embedder->inputSize();
        return FaceAligner::cropBoxSource(face.box, size, float(size) * 0.2f, imageSize);
    }
};

FaceIndexer::FaceIndexer(const QString& catalogPath, const LibraryPaths& paths,
                         const FaceIndexOptions& options)
    : d(std::make_unique<Impl>())
{
    d->catalogPath = catalogPath;
    d->paths = paths;
    d->options = options;
}

FaceIndexer::~FaceIndexer() = default;

bool FaceIndexer::cudaAvailable()
{
    return Device::cudaAvailable();
}

QString FaceIndexer::detectorId()
{
    // v2: faces that fill the photo are found on a padded canvas (MtcnnDetector::detectWithContext), so a
    // library indexed by v1 looks again at its photos (unnamed detector faces are replaced, names stay).
    return QStringLiteral("mtcnn-facenet-v2");
}

QString FaceIndexer::faceCropPath(const LibraryPaths& paths, qint64 faceId)
{
    return QDir(paths.faceCropDir())
        .filePath(QStringLiteral("%1/%2.jpg").arg(faceId % 256, 2, 16, QLatin1Char('0')).arg(faceId));
}

bool FaceIndexer::prepare(QString* error)
{
    try {
        DeviceOptions deviceOptions;
        deviceOptions.device = d->options.device.toStdString();
        deviceOptions.threads = d->options.threads;
        d->device = Device::configure(deviceOptions);
        d->threads = d->options.threads > 0 ? d->options.threads : Device::defaultThreads();
        d->governor.reset();
        if (d->options.threads <= 0 && d->device.is_cpu())
            d->governor = std::make_unique<LoadGovernor>(Device::defaultThreads(), Device::defaultThreads());
        MtcnnOptions mtcnn;
        mtcnn.minFaceSize = std::max(12, d->options.minFaceSize);
        d->detector = std::make_unique<MtcnnDetector>(
            MtcnnDetector::fromDirectory(d->options.modelsDir.toStdString(), d->device, mtcnn));
        // Photos side by side, one LibTorch thread each, up to kMaxWorkers; more cores go to each worker.
        // A GPU works on one photo at a time.
        // KINDRED_FACE_WORKERS=1 (for measuring) works on one photo at a time with all the threads, as the
        // face job did before.
        const int asked = qEnvironmentVariableIntValue("KINDRED_FACE_WORKERS");
        const int workers =
            d->device.is_cpu() ? std::clamp(asked > 0 ? asked : d->threads, 1, kMaxWorkers) : 1;
        d->workerThreads = std::max(1, d->threads / workers);
        d->workerThreadsNow = d->workerThreads;
        std::vector<std::unique_ptr<MtcnnDetector>> detectors;
        for (int i = 0; i < workers; ++i)
            detectors.push_back(std::make_unique<MtcnnDetector>(
                MtcnnDetector::fromDirectory(d->options.modelsDir.toStdString(), d->device, mtcnn)));
        d->detectors = std::make_unique<ResourcePool<MtcnnDetector>>(std::move(detectors));
        EmbedderSpec spec;
        spec.model = d->options.embedderModel.toStdString();
        spec.modelFile = d->options.embedderFile.toStdString();
        spec.modelDir = d->options.modelsDir.toStdString();
        d->embedder = EmbedderFactory::create(spec);
        d->embedder->setDevice(d->device);
        d->embedder->setBatchSize(std::max(1, d->options.batchSize));
        // Each face is the mean of its chip and the chip's mirror image: measured on the dev set,
        // verification 96.2 -> 96.6 % on tight crops, 93.6 -> 94.2 % on loose crops (docs/quality.md).
        d->embedder->setMirrorAverage(d->options.mirrorAverage);
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    return true;
}

namespace {

// The stored vectors depend on the chip as much as on the network: "+chip2m" = every face aligned onto the
// embedder's own chip template (FaceAligner::align) and averaged with its mirror image, "+chip2" = the chip
// alone. Vectors made another way are re-embedded (names stay).
QString storedModelId(const std::string& networkId, bool mirrorAverage)
{
    return QString::fromStdString(networkId) +
           (mirrorAverage ? QStringLiteral("+chip2m") : QStringLiteral("+chip2"));
}

} // namespace

QString FaceIndexer::embedderModelId() const
{
    return d->embedder ? storedModelId(d->embedder->modelId(), d->options.mirrorAverage) : QString();
}

QString FaceIndexer::expectedModelId(const FaceIndexOptions& options)
{
    EmbedderSpec spec;
    spec.model = options.embedderModel.toStdString();
    spec.modelFile = options.embedderFile.toStdString();
    const std::string id = EmbedderFactory::expectedModelId(spec);
    return id.empty() ? QString() : storedModelId(id, options.mirrorAverage);
}

QString FaceIndexer::chosenModel(const QString& stored, bool chosen)
{
    return stored == QLatin1String("frnet") && !chosen ? QString() : stored;
}

QString FaceIndexer::deviceDescription() const
{
    return QString::fromStdString(Device::describe(d->device));
}

int FaceIndexer::pendingPhotos() const
{
    QSqlDatabase db = Catalog::connectionForThread(d->catalogPath);
    // Also the photos whose detections were hidden under a former, higher bar: the next run shows them again.
    return SqlUtil::scalar(
               db,
               QStringLiteral("SELECT count(*) FROM photos p WHERE p.missing = 0 AND (NOT EXISTS "
                              "(SELECT 1 FROM face_scans s WHERE s.photo_id = p.id AND s.detector = ? "
                              "AND s.content_hash = p.hash) OR EXISTS (SELECT 1 FROM faces f WHERE "
                              "f.photo_id = p.id AND ") +
                   kUncheckedFaces +
                   QStringLiteral(") OR EXISTS (SELECT 1 FROM faces WHERE photo_id = p.id AND ") +
                   kHiddenUnderFormerBar + QStringLiteral("))"),
               {detectorId(), FaceCheck::kMinConfidence, storedCheckBar(db)}, 0)
        .toInt();
}

bool FaceIndexer::secondBoxLookOwed(const QString& catalogPath)
{
    QSqlDatabase db = Catalog::connectionForThread(catalogPath);
    return SqlUtil::setting(db, kSecondBoxesKey).toString() == QLatin1String("0");
}

bool FaceIndexer::hiddenUnderFormerBar(const QString& catalogPath)
{
    QSqlDatabase db = Catalog::connectionForThread(catalogPath);
    const double formerBar = storedCheckBar(db);
    if (formerBar <= FaceCheck::kMinConfidence)
        return false; // the usual case: no look at the faces at all
    return SqlUtil::scalar(db,
                           QStringLiteral("SELECT EXISTS (SELECT 1 FROM faces WHERE ") +
                               kHiddenUnderFormerBar + QStringLiteral(")"),
                           {FaceCheck::kMinConfidence, formerBar}, false)
        .toBool();
}

FaceIndexSummary FaceIndexer::run(const Progress& progress, const std::atomic_bool* cancel,
                                  const std::atomic_bool* pause, const std::function<void()>& checkpoint)
{
    FaceIndexSummary summary;
    QElapsedTimer total;
    total.start();
    if (!d->detector || !d->embedder) {
        summary.error = QStringLiteral("the face models are not loaded");
        return summary;
    }
    QString error;
    QSqlDatabase db = Catalog::connectionForThread(d->catalogPath, &error);
    if (!db.isOpen()) {
        summary.error = error;
        return summary;
    }
    // First, before this run stores anything: only what earlier runs hid under a former bar is shown again
    // (a second box this run hides may have a confidence between the bars).
    showHiddenUnderFormerBar(db, summary);
    if (!summary.error.isEmpty())
        return summary;
    const QString modelId = embedderModelId();
    const int dim = d->embedder->dimension();

    // Photos to do: present, and not processed by this detector for their current content.
    QList<PhotoJob> jobs;
    {
        QSqlQuery q(db);
        if (!SqlUtil::exec(
                q,
                QStringLiteral("SELECT p.id, p.path, p.hash FROM photos p WHERE p.missing = 0 AND NOT EXISTS "
                               "(SELECT 1 FROM face_scans s WHERE s.photo_id = p.id AND s.detector = ? "
                               "AND s.content_hash = p.hash) ORDER BY p.id"),
                {detectorId()}, &summary.error))
            return summary;
        while (q.next())
            jobs.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    }
    summary.photosTotal = int(jobs.size());

    // Names from the files of photos searched before (a library made before names were read, or a sidecar
    // that appeared): regions not linked to a face yet.
    {
        QList<qint64> named;
        QSqlQuery q(db);
        if (!SqlUtil::exec(
                q,
                QStringLiteral("SELECT DISTINCT r.photo_id FROM xmp_regions r JOIN face_scans s ON "
                               "s.photo_id = r.photo_id AND s.state = 'done' WHERE r.face_id IS NULL "
                               "AND trim(coalesce(r.name, '')) != ''"),
                {}, &summary.error))
            return summary;
        while (q.next())
            named.append(q.value(0).toLongLong());
        q.finish();
        if (!named.isEmpty()) {
            if (!db.transaction()) {
                summary.error = db.lastError().text();
                return summary;
            }
            for (qint64 photoId : std::as_const(named)) {
                const int n = FileNameImporter::apply(db, photoId, &summary.error);
                if (n < 0) {
                    db.rollback();
                    return summary;
                }
                summary.namedFromFiles += n;
            }
            if (!db.commit()) {
                summary.error = db.lastError().text();
                return summary;
            }
        }
    }

    auto stopped = [&]() {
        while (pause && pause->load() && !(cancel && cancel->load()))
            QThread::msleep(50);
        return cancel && cancel->load();
    };
    auto report = [&](const QString& path) {
        if (progress)
            progress({summary.photosDone, summary.photosTotal, summary.facesFound, path});
    };

    std::vector<Impl::PendingPhoto> pending;                       // detected, waiting for embeddings + write
    QList<QPair<qint64, FileNameImporter::Unmatched>> missedFaces; // per flush: named regions without a face
    size_t pendingFaces = 0;

    // Embeds every pending face and writes the pending photos in one transaction.
    QList<qint64> besideStoredFaces; // photos whose new faces were written next to faces they already had
    QList<qint64> checkedPhotos;     // photos whose stored faces checkStoredFaces checked
    auto flush = [&]() -> bool {
        if (pending.empty())
            return true;
        std::vector<cv::Mat> crops;
        crops.reserve(pendingFaces);
        for (const auto& photo : pending)
            for (const auto& face : photo.faces)
                crops.push_back(face.alignedCrop);
        EmbeddingBatch batch;
        if (!crops.empty()) {
            QElapsedTimer t;
            t.start();
            try {
                batch = d->embedder->embed(crops);
            } catch (const std::exception& e) {
                summary.error = QStringLiteral("embedding failed: %1").arg(QString::fromStdString(e.what()));
                return false;
            }
            summary.embedSeconds += t.elapsed() / 1000.0;
        }
        QElapsedTimer t;
        t.start();
        if (!db.transaction()) {
            summary.error = db.lastError().text();
            return false;
        }
        auto rollback = [&](const QString& message) {
            db.rollback();
            summary.error = message;
            return false;
        };
        QList<QPair<qint64, cv::Mat>> crop_files;
        int64_t row = 0;
        for (const auto& photo : pending) {
            // Replace earlier unnamed detector faces of this photo (a re-detection after an edit);
            // confirmed, ignored, hand-drawn faces and faces the family restored from "not a face" stay.
            if (!SqlUtil::exec(
                    db,
                    QStringLiteral("DELETE FROM faces WHERE photo_id = ? AND source = 'detector' AND "
                                   "state IN ('unknown', 'suggested') AND not_face = 0"),
                    {photo.job.id}, &error))
                return rollback(error);
            std::vector<Nms::Box> kept;
            {
                QSqlQuery q(db);
                SqlUtil::exec(q, QStringLiteral("SELECT x1, y1, x2, y2 FROM faces WHERE photo_id = ?"),
                              {photo.job.id});
                while (q.next())
                    kept.push_back({q.value(0).toFloat(), q.value(1).toFloat(), q.value(2).toFloat(),
                                    q.value(3).toFloat()});
            }
            if (!kept.empty())
                besideStoredFaces.append(photo.job.id); // second boxes: hideStoredSecondBoxes
            int written = 0;
            int hidden = 0; // of them, kept out as "not a face" by the face check
            for (const auto& face : photo.faces) {
                const int64_t i = row++;
                const auto& b = face.detection.box;
                bool duplicate = false;
                for (const Nms::Box& k : kept)
                    duplicate = duplicate || Nms::boxIou(k, b) > 0.5f;
                if (duplicate)
                    continue; // the family already has this face (named or drawn)
                const auto& lm = face.detection.landmarks;
                QSqlQuery q(db);
                if (!SqlUtil::exec(
                        q,
                        QStringLiteral(
                            "INSERT INTO faces (photo_id, x1, y1, x2, y2, lm_left_eye_x, lm_left_eye_y, "
                            "lm_right_eye_x, lm_right_eye_y, lm_nose_x, lm_nose_y, lm_mouth_left_x, "
                            "lm_mouth_left_y, lm_mouth_right_x, lm_mouth_right_y, score, source, embedding, "
                            "model_id, dim, quality, norm, face_check, not_face, state) VALUES (?, ?, ?, ?, "
                            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'detector', ?, ?, ?, ?, ?, ?, ?, ?)"),
                        {photo.job.id,
                         b[0],
                         b[1],
                         b[2],
                         b[3],
                         lm[0][0],
                         lm[0][1],
                         lm[1][0],
                         lm[1][1],
                         lm[2][0],
                         lm[2][1],
                         lm[3][0],
                         lm[3][1],
                         lm[4][0],
                         lm[4][1],
                         face.detection.probability,
                         blobOf(batch.vector(i)),
                         modelId,
                         dim,
                         face.quality,
                         batch.norms[i].item<float>(),
                         face.check,
                         face.shown() ? 0 : 1,
                         face.shown() ? QStringLiteral("unknown") : QStringLiteral("ignored")},
                        &error))
                    return rollback(error);
                if (!face.shown()) {
                    ++summary.notFaces;
                    ++hidden;
                }
                crop_files.append({q.lastInsertId().toLongLong(), face.displayCrop});
                ++written;
            }
            if (!SqlUtil::exec(
                    db,
                    QStringLiteral(
                        "INSERT OR REPLACE INTO face_scans (photo_id, detector, content_hash, state, "
                        "faces) VALUES (?, ?, ?, 'done', ?)"),
                    {photo.job.id, detectorId(), photo.job.hash, written}, &error))
                return rollback(error);
            QList<FileNameImporter::Unmatched> unmatched;
            const int named = FileNameImporter::apply(db, photo.job.id, &error, &unmatched);
            for (const FileNameImporter::Unmatched& u : std::as_const(unmatched))
                missedFaces.append({photo.job.id, u});
            if (named < 0)
                return rollback(error);
            summary.namedFromFiles += named;
            summary.facesFound += written - hidden;
        }
        if (!db.commit())
            return rollback(db.lastError().text());
        // Faces the family marked in another program where the detector found none: added like a face
        // drawn by hand, then named.
        for (const auto& [photoId, region] : std::as_const(missedFaces)) {
            QSqlQuery photoSize(db);
            SqlUtil::exec(photoSize, QStringLiteral("SELECT width, height FROM photos WHERE id = ?"),
                          {photoId});
            const QSize size =
                photoSize.next() ? QSize(photoSize.value(0).toInt(), photoSize.value(1).toInt()) : QSize();
            const QRectF box(region.box.x() * size.width(), region.box.y() * size.height(),
                             region.box.width() * size.width(), region.box.height() * size.height());
            QString faceError;
            const qint64 faceId = addManualFace(photoId, box, &faceError);
            if (faceId == 0)
                continue; // e.g. a region too small to embed: the region stays as the file has it
            if (!db.transaction() || !FileNameImporter::nameAddedFace(db, faceId, region, &faceError)) {
                db.rollback();
                summary.error = faceError;
                return false;
            }
            if (!db.commit()) {
                summary.error = db.lastError().text();
                return false;
            }
            ++summary.namedFromFiles;
            ++summary.facesFound;
        }
        missedFaces.clear();
        // Display crops are a cache: written after the commit, regenerated if lost.
        for (const auto& [faceId, crop] : crop_files) {
            const QString path = faceCropPath(d->paths, faceId);
            QDir().mkpath(QFileInfo(path).absolutePath());
            const QImage image(crop.data, crop.cols, crop.rows, int(crop.step), QImage::Format_RGB888);
            QSaveFile file(path);
            if (file.open(QIODevice::WriteOnly) && image.save(&file, "JPEG", 90))
                file.commit();
        }
        summary.photosDone += int(pending.size());
        summary.writeSeconds += t.elapsed() / 1000.0;
        pending.clear();
        pendingFaces = 0;
        return true;
    };

    auto recordFailure = [&](const PhotoJob& job, const QString& reason) {
        summary.failures.append({job.path, reason});
        ++summary.failed;
        ++summary.photosDone;
        SqlUtil::exec(
            db,
            QStringLiteral(
                "INSERT OR REPLACE INTO face_scans (photo_id, detector, content_hash, state, faces, "
                "error) VALUES (?, ?, ?, 'failed', 0, ?)"),
            {job.id, detectorId(), job.hash, reason});
    };

    // Photos are decoded, detected and cropped on a thread pool of the job's own (a worker per detector,
    // and one more so that a decode runs ahead), in order; the job's thread embeds and writes them.
    QThreadPool workers;
    workers.setMaxThreadCount(d->detectors->size() + 1);
    // A background job's workers run at its lowered priority (Linux threads inherit the nice value of the
    // thread that starts them; elsewhere Qt's priority is given to them).
    if (const QThread::Priority priority = QThread::currentThread()->priority();
        priority != QThread::InheritPriority)
        workers.setThreadPriority(priority);
    d->detectors->setLimit(d->detectors->size());
    d->workerThreadsNow = d->workerThreads;
    // The job's thread embeds while the workers detect: as many LibTorch threads as one worker.
    Device::setThreads(d->workerThreads);
    std::deque<QFuture<Impl::DetectedPhoto>> inflight;
    qsizetype next = 0;
    const int maxSide = std::max(320, d->options.detectMaxSide);
    const int lookahead = std::max({1, d->options.lookahead, d->detectors->size() + 1});
    auto refill = [&]() {
        while (inflight.size() < size_t(lookahead) && next < jobs.size()) {
            const PhotoJob job = jobs.at(next++);
            const Impl* impl = d.get();
            inflight.push_back(QtConcurrent::run(
                &workers, [impl, job, maxSide]() { return impl->detectPhoto(job, maxSide); }));
        }
    };
    refill();
    QElapsedTimer sinceCheckpoint;
    sinceCheckpoint.start();
    while (!inflight.empty()) {
        if (stopped()) {
            summary.cancelled = true;
            break;
        }
        d->followLoad(summary);
        QElapsedTimer wait;
        wait.start();
        Impl::DetectedPhoto photo = inflight.front().result();
        inflight.pop_front();
        refill();
        summary.decodeSeconds += wait.elapsed() / 1000.0;
        summary.decodeWorkSeconds += photo.decodeSeconds;
        summary.pnetSeconds += photo.stages.pnetSeconds;
        summary.rnetSeconds += photo.stages.rnetSeconds;
        summary.onetSeconds += photo.stages.onetSeconds;
        summary.checkSeconds += photo.checkSeconds;
        summary.detectSeconds += photo.detectSeconds;
        summary.cropSeconds += photo.cropSeconds;
        summary.cropDecodeSeconds += photo.cropDecodeSeconds;
        if (!photo.error.isEmpty()) {
            recordFailure(photo.job, photo.error);
            report(photo.job.path);
            continue;
        }
        Impl::PendingPhoto pendingPhoto;
        pendingPhoto.job = photo.job;
        pendingPhoto.faces = std::move(photo.faces);
        pendingFaces += pendingPhoto.faces.size();
        pending.push_back(std::move(pendingPhoto));
        if (pendingFaces >= size_t(d->options.batchSize) || pending.size() >= 32) {
            if (!flush())
                break;
        }
        report(photo.job.path);
        if (checkpoint && d->options.checkpointMs > 0 && !inflight.empty() &&
            sinceCheckpoint.elapsed() >= d->options.checkpointMs) {
            if (!flush())
                break;
            checkpoint();
            sinceCheckpoint.restart();
        }
    }
    for (auto& future : inflight) {
        if (summary.cancelled || !summary.error.isEmpty())
            future.cancel(); // not started yet: never starts
        future.waitForFinished();
    }
    if (summary.error.isEmpty())
        flush();
    // What follows runs on this thread alone: all the cores again.
    Device::setThreads(d->threads);
    if (summary.error.isEmpty() && !summary.cancelled)
        checkStoredFaces(db, summary, stopped, maxSide, &checkedPhotos);
    if (summary.error.isEmpty() && !summary.cancelled)
        hideStoredSecondBoxes(db, summary, besideStoredFaces + checkedPhotos, besideStoredFaces);
    if (summary.error.isEmpty() && !summary.cancelled)
        reembed(db, summary, stopped, progress);
    report(QString());
    summary.seconds = total.elapsed() / 1000.0;
    return summary;
}

void FaceIndexer::showHiddenUnderFormerBar(QSqlDatabase& db, FaceIndexSummary& summary)
{
    // Only the check's own verdicts (not_face 1 with a confidence under the former bar: never a second box,
    // which passed it) are undone, never the family's. In one transaction with the new bar, and with the
    // whole-library look for second boxes (hideStoredSecondBoxes) owed until it is done, so that a kill at
    // any point resumes.
    const double formerBar = storedCheckBar(db);
    if (formerBar == FaceCheck::kMinConfidence)
        return;
    if (!db.transaction()) {
        summary.error = db.lastError().text();
        return;
    }
    int shownAgain = 0;
    if (formerBar > FaceCheck::kMinConfidence) {
        QSqlQuery q(db);
        if (!SqlUtil::exec(
                q,
                QStringLiteral("UPDATE faces SET not_face = 0, state = 'unknown', cluster_id = NULL, "
                               "person_id = NULL, suggestion_score = NULL WHERE ") +
                    kHiddenUnderFormerBar,
                {FaceCheck::kMinConfidence, formerBar}, &summary.error)) {
            db.rollback();
            return;
        }
        shownAgain = q.numRowsAffected();
    }
    if ((shownAgain > 0 &&
         !SqlUtil::exec(db, QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '0')"),
                        {kSecondBoxesKey}, &summary.error)) ||
        !SqlUtil::exec(db, QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)"),
                       {kCheckBarKey, QString::number(FaceCheck::kMinConfidence)}, &summary.error)) {
        db.rollback();
        return;
    }
    if (!db.commit()) {
        summary.error = db.lastError().text();
        db.rollback();
        return;
    }
    summary.shownAgain = shownAgain;
}

void FaceIndexer::hideStoredSecondBoxes(QSqlDatabase& db, FaceIndexSummary& summary,
                                        const QList<qint64>& touched, const QList<qint64>& besideStoredFaces)
{
    // New detections were compared with each other when they were written; here they meet the faces their
    // photo already had (a re-detection next to a face the family named or drew), and the faces
    // checkStoredFaces checked meet each other. Once, a library whose faces were checked before second boxes
    // were looked for is looked at whole.
    const bool whole = SqlUtil::setting(db, kSecondBoxesKey).toString() != QLatin1String("1");
    QList<qint64> photos = touched;
    if (whole) {
        QSqlQuery q(db);
        if (!SqlUtil::exec(q,
                           QStringLiteral("SELECT photo_id FROM faces WHERE not_face <= 0 GROUP BY photo_id "
                                          "HAVING count(*) > 1"),
                           {}, &summary.error))
            return;
        photos.clear();
        while (q.next())
            photos.append(q.value(0).toLongLong());
    }
    const QSet<qint64> redetected(besideStoredFaces.cbegin(), besideStoredFaces.cend());
    QList<qint64> hiddenIn;
    if (!hideSecondBoxes(db, photos, &hiddenIn, &summary.error))
        return;
    for (const qint64 photo : std::as_const(hiddenIn)) {
        ++summary.notFaces;
        // A face of a photo detected again in this run was counted as found when it was written.
        if (redetected.contains(photo) && summary.facesFound > 0)
            --summary.facesFound;
    }
    if (whole)
        SqlUtil::exec(db, QStringLiteral("INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')"),
                      {kSecondBoxesKey}, &summary.error);
}

void FaceIndexer::checkStoredFaces(QSqlDatabase& db, FaceIndexSummary& summary,
                                   const std::function<bool()>& stopped, int maxSide, QList<qint64>* checked)
{
    // Faces a library found before the face check: each photo is decoded as for detection and the check
    // runs on the stored boxes; what fails is hidden as "not a face" (restorable), names are never touched.
    QList<PhotoJob> photos;
    {
        QSqlQuery q(db);
        if (!SqlUtil::exec(
                q,
                QStringLiteral("SELECT DISTINCT p.id, p.path, p.hash FROM faces f JOIN photos p ON "
                               "p.id = f.photo_id WHERE p.missing = 0 AND ") +
                    kUncheckedFaces + QStringLiteral(" ORDER BY p.id"),
                {}, &summary.error))
            return;
        while (q.next())
            photos.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    }
    for (const PhotoJob& job : std::as_const(photos)) {
        if (stopped()) {
            summary.cancelled = true;
            return;
        }
        const DecodedPhoto photo = decodePhoto(job, maxSide);
        if (!photo.error.isEmpty())
            continue; // checked when the photo can be read again
        d->followLoadOnThisThread(summary);
        std::vector<qint64> ids;
        std::vector<FaceDetection> faces;
        QSqlQuery q(db);
        SqlUtil::exec(q,
                      QStringLiteral("SELECT f.id, f.x1, f.y1, f.x2, f.y2, f.score FROM faces f WHERE "
                                     "f.photo_id = ? AND ") +
                          kUncheckedFaces,
                      {job.id});
        while (q.next()) {
            FaceDetection f;
            for (int i = 0; i < 4; ++i)
                f.box[size_t(i)] = float(q.value(1 + i).toDouble() / photo.scale);
            f.probability = q.value(5).toFloat();
            ids.push_back(q.value(0).toLongLong());
            faces.push_back(f);
        }
        q.finish();
        std::vector<double> checks;
        try {
            checks = FaceCheck::confidence(*d->detector, photo.reduced, faces);
        } catch (const std::exception&) {
            continue;
        }
        if (!db.transaction()) {
            summary.error = db.lastError().text();
            return;
        }
        QString error;
        for (size_t i = 0; i < ids.size(); ++i) {
            const bool face = FaceCheck::isFace(checks[i]);
            // (Second boxes among them are hidden after the check: hideSecondBoxes.)
            // A face that passes but may not be grouped (FaceCheck::canGroup) leaves its old group.
            const QString sql =
                face ? (FaceCheck::canGroup(checks[i])
                            ? QStringLiteral("UPDATE faces SET face_check = ? WHERE id = ?")
                            : QStringLiteral(
                                  "UPDATE faces SET face_check = ?, cluster_id = NULL WHERE id = ?"))
                     : QStringLiteral(
                           "UPDATE faces SET face_check = ?, not_face = 1, state = 'ignored', "
                           "person_id = NULL, cluster_id = NULL, suggestion_score = NULL WHERE id = ?");
            if (!SqlUtil::exec(db, sql, {checks[i], ids[i]}, &error)) {
                db.rollback();
                summary.error = error;
                return;
            }
            summary.notFaces += face ? 0 : 1;
        }
        if (!db.commit()) {
            db.rollback();
            summary.error = db.lastError().text();
            return;
        }
        if (ids.size() > 1)
            checked->append(job.id); // their second boxes: hideStoredSecondBoxes
    }
}

void FaceIndexer::reembed(QSqlDatabase& db, FaceIndexSummary& summary, const std::function<bool()>& stopped,
                          const Progress& progress)
{
    // Faces stored with another embedding model (or without an embedding): the boxes and the people they
    // belong to stay, only the vector is recomputed from the photo. New vectors of faces that have one are
    // staged in face_embeddings_next: grouping and suggestions keep using the old ones (FaceService uses the
    // model most faces are stored with) until every face is done, then all are swapped in one transaction.
    // A cancelled or killed run resumes with the faces not staged yet.
    const QString modelId = embedderModelId();
    const int dim = d->embedder->dimension();
    if (!SqlUtil::exec(db, QStringLiteral("DELETE FROM face_embeddings_next WHERE model_id IS NOT ?"),
                       {modelId}, &summary.error))
        return;
    struct Stale {
        qint64 id;
        FaceDetection face;
        bool landmarks;
        bool hasVector; // an old vector that stays in use until the swap
    };
    QMap<qint64, QPair<QString, std::vector<Stale>>> byPhoto;
    int total = 0;
    {
        QSqlQuery q(db);
        if (!SqlUtil::exec(
                q,
                QStringLiteral(
                    "SELECT f.id, f.photo_id, p.path, f.x1, f.y1, f.x2, f.y2, f.score, "
                    "f.lm_left_eye_x, f.lm_left_eye_y, f.lm_right_eye_x, f.lm_right_eye_y, "
                    "f.lm_nose_x, f.lm_nose_y, f.lm_mouth_left_x, f.lm_mouth_left_y, "
                    "f.lm_mouth_right_x, f.lm_mouth_right_y, f.embedding IS NOT NULL FROM faces f "
                    "JOIN photos p ON p.id = f.photo_id WHERE p.missing = 0 AND (f.embedding IS NULL "
                    "OR f.model_id IS NOT ?) AND NOT EXISTS (SELECT 1 FROM face_embeddings_next n "
                    "WHERE n.face_id = f.id) ORDER BY f.photo_id, f.id"),
                {modelId}, &summary.error))
            return;
        while (q.next()) {
            Stale s;
            s.id = q.value(0).toLongLong();
            for (int i = 0; i < 4; ++i)
                s.face.box[size_t(i)] = q.value(3 + i).toFloat();
            s.face.probability = q.value(7).toFloat();
            s.landmarks = !q.value(8).isNull();
            for (int i = 0; i < 5; ++i)
                s.face.landmarks[size_t(i)] = {q.value(8 + 2 * i).toFloat(), q.value(9 + 2 * i).toFloat()};
            s.hasVector = q.value(18).toBool();
            auto& entry = byPhoto[q.value(1).toLongLong()];
            entry.first = q.value(2).toString();
            entry.second.push_back(s);
            ++total;
        }
    }
    const int staged =
        SqlUtil::scalar(db, QStringLiteral("SELECT count(*) FROM face_embeddings_next")).toInt();
    if (total == 0 && staged == 0)
        return; // every face is on the current network
    if (staged == 0) {
        // A move to another network begins: the catalog as it was is kept first (docs/reliability.md).
        QString why;
        if (CatalogBackup::create(d->catalogPath, CatalogBackup::defaultDirectory(d->catalogPath),
                                  CatalogBackup::Reason::Model, &why)
                .isEmpty()) {
            summary.error = QStringLiteral("cannot back up the catalog before describing the faces with "
                                           "another network: %1")
                                .arg(why);
            return;
        }
    }
    FaceIndexProgress state;
    state.reembedding = true;
    state.facesTotal = total + staged;
    state.facesDone = staged;
    // Reported before every photo, as the photo progress is; the job and the CLI reporter throttle it.
    for (auto it = byPhoto.cbegin(); it != byPhoto.cend(); ++it) {
        if (stopped()) {
            summary.cancelled = true;
            return;
        }
        if (progress) {
            state.currentPath = it.value().first;
            progress(state);
        }
        // Only the part of the photo that the crops read is decoded (clipped to the photo by the decoder).
        const cv::Size unbounded(std::numeric_limits<int>::max() / 2, std::numeric_limits<int>::max() / 2);
        cv::Rect needed;
        for (const Stale& s : it.value().second)
            needed |= d->alignBoxSource(s.face, s.landmarks, unbounded);
        ImageDecoder::Options part;
        part.region = QRect(needed.x, needed.y, needed.width, needed.height);
        const ImageDecoder::Result decoded = ImageDecoder::decodeFile(it.value().first, part);
        if (!decoded.ok()) {
            summary.failures.append(
                {it.value().first, QStringLiteral("re-embedding: %1").arg(decoded.error)});
            continue;
        }
        const cv::Mat image = toRgbMat(decoded.image);
        std::vector<cv::Mat> crops;
        for (const Stale& s : it.value().second) {
            FaceDetection face = s.face;
            shiftFace(face, cv::Point2f(-float(decoded.offset.x()), -float(decoded.offset.y())));
            crops.push_back(d->alignBox(image, face, s.landmarks));
        }
        EmbeddingBatch batch;
        try {
            batch = d->embedder->embed(crops);
        } catch (const std::exception& e) {
            summary.error = QStringLiteral("embedding failed: %1").arg(QString::fromStdString(e.what()));
            return;
        }
        QString error;
        if (!db.transaction()) {
            summary.error = db.lastError().text();
            return;
        }
        for (size_t i = 0; i < it.value().second.size(); ++i) {
            const Stale& s = it.value().second[i];
            const QVariantList values = {blobOf(batch.vector(int64_t(i))), modelId, dim,
                                         batch.norms[int64_t(i)].item<float>(), s.id};
            const QString sql =
                s.hasVector
                    ? QStringLiteral("INSERT OR REPLACE INTO face_embeddings_next (embedding, model_id, "
                                     "dim, norm, face_id) VALUES (?, ?, ?, ?, ?)")
                    : QStringLiteral("UPDATE faces SET embedding = ?, model_id = ?, dim = ?, norm = ? "
                                     "WHERE id = ?");
            if (!SqlUtil::exec(db, sql, values, &error)) {
                db.rollback();
                summary.error = error;
                return;
            }
        }
        if (!db.commit()) {
            db.rollback();
            summary.error = db.lastError().text();
            return;
        }
        summary.reembedded += int(it.value().second.size());
        state.facesDone += int(it.value().second.size());
    }
    if (progress && total > 0) {
        state.currentPath.clear();
        progress(state);
    }
    // Every face that could be re-embedded has its new vector: they replace the old ones together.
    if (!db.transaction()) {
        summary.error = db.lastError().text();
        return;
    }
    QString error;
    const bool swapped =
        SqlUtil::exec(db,
                      QStringLiteral(
                          "UPDATE faces SET (embedding, model_id, dim, norm) = (SELECT n.embedding, "
                          "n.model_id, n.dim, n.norm FROM face_embeddings_next n WHERE n.face_id = faces.id) "
                          "WHERE id IN (SELECT face_id FROM face_embeddings_next)"),
                      {}, &error) &&
        SqlUtil::exec(db, QStringLiteral("DELETE FROM face_embeddings_next"), {}, &error);
    if (!swapped || !db.commit()) {
        db.rollback();
        summary.error = swapped ? db.lastError().text() : error;
    }
}

qint64 FaceIndexer::addManualFace(qint64 photoId, const QRectF& box, QString* error)
{
    auto failWith = [&](const QString& message) {
        if (error)
            *error = message;
        return qint64(0);
    };
    if (!d->detector || !d->embedder)
        return failWith(QStringLiteral("the face models are not loaded"));
    QString dbError;
    QSqlDatabase db = Catalog::connectionForThread(d->catalogPath, &dbError);
    if (!db.isOpen())
        return failWith(dbError);
    const QString path =
        SqlUtil::scalar(db, QStringLiteral("SELECT path FROM photos WHERE id = ? AND missing = 0"), {photoId})
            .toString();
    if (path.isEmpty())
        return failWith(QStringLiteral("photo %1 is not in the catalog or its file is missing").arg(photoId));
    const ImageDecoder::Result decoded = ImageDecoder::decodeFile(path);
    if (!decoded.ok())
        return failWith(decoded.error);
    const QRectF r = box.normalized().intersected(QRectF(QPointF(0, 0), QSizeF(decoded.image.size())));
    if (r.width() < 8 || r.height() < 8)
        return failWith(
            QStringLiteral("the box must lie inside the photo and be at least 8 pixels wide and high"));
    const cv::Mat image = toRgbMat(decoded.image);
    bool landmarks = false;
    const FaceDetection face = d->faceInBox(
        image, {float(r.left()), float(r.top()), float(r.right()), float(r.bottom())}, &landmarks);
    const cv::Mat crop = d->alignBox(image, face, landmarks);
    EmbeddingBatch batch;
    try {
        batch = d->embedder->embed({crop});
    } catch (const std::exception& e) {
        return failWith(QStringLiteral("embedding failed: %1").arg(QString::fromStdString(e.what())));
    }
    const auto& lm = face.landmarks;
    QVariantList values{photoId, r.left(), r.top(), r.right(), r.bottom()};
    for (int i = 0; i < 5; ++i) {
        values.append(landmarks ? QVariant(lm[size_t(i)][0]) : QVariant(QMetaType(QMetaType::Double)));
        values.append(landmarks ? QVariant(lm[size_t(i)][1]) : QVariant(QMetaType(QMetaType::Double)));
    }
    values << blobOf(batch.vector(0)) << embedderModelId() << d->embedder->dimension()
           << faceQuality(face, 1.0, crop) << batch.norms[0].item<float>();
    QSqlQuery q(db);
    if (!SqlUtil::exec(
            q,
            QStringLiteral("INSERT INTO faces (photo_id, x1, y1, x2, y2, lm_left_eye_x, lm_left_eye_y, "
                           "lm_right_eye_x, lm_right_eye_y, lm_nose_x, lm_nose_y, lm_mouth_left_x, "
                           "lm_mouth_left_y, lm_mouth_right_x, lm_mouth_right_y, score, source, "
                           "embedding, model_id, dim, quality, norm, state) VALUES (?, ?, ?, ?, ?, ?, "
                           "?, ?, ?, ?, ?, ?, ?, ?, ?, 1.0, 'manual', ?, ?, ?, ?, ?, 'unknown')"),
            values, &dbError))
        return failWith(dbError);
    const qint64 id = q.lastInsertId().toLongLong();
    const cv::Mat display =
        FaceAligner::cropBox(image, face.box, d->options.cropSize, d->options.cropSize * 0.3f);
    const QString cropPath = faceCropPath(d->paths, id);
    QDir().mkpath(QFileInfo(cropPath).absolutePath());
    const QImage out(display.data, display.cols, display.rows, int(display.step), QImage::Format_RGB888);
    QSaveFile file(cropPath);
    if (file.open(QIODevice::WriteOnly) && out.save(&file, "JPEG", 90))
        file.commit();
    return id;
}

} // namespace kindred
