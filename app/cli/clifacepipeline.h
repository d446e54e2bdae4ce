#pragma once

#include "clicommand.h"
#include "detection/mtcnn.h"
#include "embedding/embedder.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <array>
#include <memory>
#include <opencv2/core.hpp>
#include <optional>
#include <vector>

namespace kindred {

// The detect -> align -> embed chain shared by the embedding commands (embed, verify, identify,
// eval-pairs). CLI-only: it parses the common options and prints errors the CLI way.
//
// Common options (addOptions): --model ID, --model-file FILE, --align landmarks, --batch-size N.
class CliFacePipeline {
public:
    // How the face of an image was found.
    enum class Treatment {
        Detected,   // MTCNN found it in the image
        Padded,     // found only after padding the image (a crop the face fills)
        WholeImage, // nothing found: the whole image was used as the face crop
        NoFace,     // nothing found (and the whole-image fallback was not allowed)
        Unreadable, // the file could not be decoded
    };
    struct Face {
        std::array<float, 4> box{}; // in the image's pixels (orientation applied)
        float probability = 0;
        float quality = 0; // detector probability x size (side / 64 px, at most 1) x sharpness, in [0, 1]
        cv::Mat crop;      // aligned, embedder input size
    };
    struct ImageFaces {
        QString path;
        Treatment treatment = Treatment::NoFace;
        int detected = 0; // faces MTCNN found
        std::vector<Face> faces;
        QString error;
    };

    static void addOptions(QCommandLineParser& parser);

    // Loads the embedder and detector. On failure prints the reason to ctx.err and returns nullptr with
    // *exitCode set (ExitUsage, ExitNoModels or ExitFailure).
    static std::unique_ptr<CliFacePipeline> create(const QCommandLineParser& parser, CliContext& ctx,
                                                   const QString& command, int* exitCode);

    Embedder& embedder() { return *m_embedder; }
    QString alignName() const { return QStringLiteral("landmarks"); }

    // Detects the faces of one image and aligns them for the embedder. `largestOnly` keeps the largest face;
    // The detector retries a face that fills the image on a padded canvas (MtcnnDetector::detectWithContext);
    // `fallbacks` and `wholeImage` together take the whole image as the face crop when even that finds
    // nothing.
    ImageFaces facesOf(const QString& path, bool largestOnly, bool fallbacks, bool wholeImage = true);

    // Embeds crops; rows in the order given.
    EmbeddingBatch embed(const std::vector<cv::Mat>& crops) { return m_embedder->embed(crops); }

    static QString treatmentName(Treatment treatment);
    // Image files (by extension) directly in / below `dir`, sorted.
    static QStringList imagesIn(const QString& dir, bool recursive);

private:
    CliFacePipeline() = default;
    // The embedder's input for a detected face of `rgb` (FaceAligner::align onto its chip template).
    cv::Mat alignFace(const cv::Mat& rgb, const FaceDetection& face) const;

    std::unique_ptr<Embedder> m_embedder;
    std::unique_ptr<MtcnnDetector> m_detector;
};

} // namespace kindred
