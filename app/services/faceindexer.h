#pragma once

#include "librarypaths.h"

#include <QList>
#include <QRectF>
#include <QSqlDatabase>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

namespace kindred {

struct FaceIndexOptions {
    QString modelsDir;     // the default model pack (ModelLocator)
    QString embedderModel; // "" (the default network), "edgeface-xs", "edgeface-xxs", "frnet" or "irv1"
    QString embedderFile;  // a user-supplied checkpoint for irv1
    QString device = QStringLiteral("auto");
    int threads = 0;      // CPU threads for inference; 0 = the free cores, following the load (LoadGovernor)
    int minFaceSize = 20; // pixels in the full-resolution photo
    int detectMaxSide = 1600; // photos are decoded (DCT-reduced for JPEG) to this long side for detection
    int batchSize = 16;       // crops per embedding batch
    int lookahead = 4;        // photos decoded ahead on the thread pool
    int cropSize = 128;       // face thumbnails written for display
    // Each face embedded as the mean of its chip and the chip's mirror image (measured per network:
    // docs/quality.md). Off only to measure it; the stored model id says which ("+chip2m" / "+chip2").
    bool mirrorAverage = true;
    // How often run() calls its `checkpoint` during a long run (0 = never): FaceIndexJob regroups the faces
    // found so far, so that the people views fill while a big library is still being indexed.
    int checkpointMs = 0;
};

struct FaceIndexFailure {
    QString path;
    QString reason;
};

struct FaceIndexSummary {
    int photosTotal = 0; // photos that needed work when the run started
    int photosDone = 0;
    int facesFound = 0; // faces the family sees: detections the face check kept out are counted in notFaces
    int failed = 0;
    int reembedded = 0;     // faces whose embedding was redone for a new model
    int namedFromFiles = 0; // faces named from the photos' XMP face regions (FileNameImporter)
    int notFaces = 0;       // detections the face check kept as "not a face" (FaceCheck)
    int shownAgain = 0;     // detections hidden under a former, higher bar of the check, shown again
    bool cancelled = false;
    QString error; // fatal (models, catalog); empty otherwise
    QList<FaceIndexFailure> failures;
    double seconds = 0;
    double decodeSeconds = 0; // waiting for the workers (decode, detection, crops) on the calling thread
    double detectSeconds = 0; // detection and the face check, summed over the workers
    double embedSeconds = 0;
    double writeSeconds = 0;
    // Where the time goes (bench_index, docs/benchmarks-index.md), summed over the workers and overlapped
    // with the rest: decoding for detection, the detector's stages, the face check, and the
    // crops (the full-resolution decode of a photo whose faces are small in the reduced one, alignment,
    // thumbnails).
    double decodeWorkSeconds = 0;
    double pnetSeconds = 0; // pyramid + P-Net + NMS
    double rnetSeconds = 0;
    double onetSeconds = 0;
    double checkSeconds = 0;
    double cropSeconds = 0;
    double cropDecodeSeconds = 0; // of cropSeconds: full-resolution decodes
    // The mean of the free cores the job used when it follows the load (0 when the count is fixed).
    double threadsMean = 0;
    int threadSamples = 0;
};

struct FaceIndexProgress {
    int photosDone = 0;
    int photosTotal = 0;
    int facesFound = 0;
    QString currentPath;
    // While faces of another embedding model are re-embedded (after the photos): faces done / to do.
    bool reembedding = false;
    int facesDone = 0;
    int facesTotal = 0;
};

// Finds and describes the faces of every catalogued photo that has not been processed by the current
// detector (or whose content changed), and re-embeds faces stored with another embedding model.
//
// Pipeline: decode, detection, the face check and alignment on a thread pool of the run's own, photos side
// by side (one detector and one LibTorch thread per worker; as many at once as the computer's free cores:
// LoadGovernor), taken in order -> batched embedding on the calling thread -> one transaction per
// photo batch (faces + the face_scans row together, so a kill never leaves half a photo or duplicates).
// Faces the family confirmed, ignored or drew by hand are never deleted; a re-detection replaces only
// unnamed detector faces. A photo that cannot be decoded is recorded (face_scans state 'failed') and not
// retried until its content changes.
class FaceIndexer {
public:
    using Progress = std::function<void(const FaceIndexProgress&)>;

    FaceIndexer(const QString& catalogPath, const LibraryPaths& paths, const FaceIndexOptions& options);
    ~FaceIndexer();
    FaceIndexer(const FaceIndexer&) = delete;
    FaceIndexer& operator=(const FaceIndexer&) = delete;

    // Loads the models. Returns false with a reason (missing/unverified weights, no CUDA, ...).
    bool prepare(QString* error);
    QString embedderModelId() const;
    // The id embedderModelId() will have with these options, without loading the models; empty when only
    // loading can tell (a user-supplied weight file).
    static QString expectedModelId(const FaceIndexOptions& options);
    // The network a stored choice names (a library's or the app's setting): a "frnet" stored without the
    // flag that the family chose it counts as the default network (""), because every run stored it for
    // the default before a network could be chosen; such libraries move to a better default.
    static QString chosenModel(const QString& stored, bool chosen);
    QString deviceDescription() const;
    static QString detectorId();
    // Whether this LibTorch build and machine can run inference on CUDA (for the settings' device list).
    static bool cudaAvailable();

    // Photos that still need face work (for progress displays and `status`).
    int pendingPhotos() const;
    // Whether the library holds detections the face check hid under a former, higher bar that the current one
    // lets through (the next run shows them again): the app starts a face job for them when it opens it.
    static bool hiddenUnderFormerBar(const QString& catalogPath);
    // Whether detections were shown again under a lower bar but the face job stopped (or the app closed)
    // before it looked at the whole library for second boxes among them: the app starts a face job for that
    // look when it opens the library. Not for libraries from before the look existed (the next job does it).
    static bool secondBoxLookOwed(const QString& catalogPath);

    // Runs until everything is done or *cancel becomes true; while *pause is true it waits.
    // Every options.checkpointMs, while photos remain, `checkpoint` is called on this thread with every
    // photo processed so far committed and no transaction open.
    FaceIndexSummary run(const Progress& progress = {}, const std::atomic_bool* cancel = nullptr,
                         const std::atomic_bool* pause = nullptr,
                         const std::function<void()>& checkpoint = {});

    // A face the detector missed, drawn by the user (box in the EXIF-rotated full-resolution photo):
    // embedded with the current model, stored as source 'manual' (never replaced by re-detection), its
    // display crop written. Call after prepare(). Returns the new face id, or 0 with *error set.
    qint64 addManualFace(qint64 photoId, const QRectF& box, QString* error);

    // Path of the display crop of a face (written while indexing).
    static QString faceCropPath(const LibraryPaths& paths, qint64 faceId);

private:
    // Detections the check hid under a former, higher bar that pass the current one are shown again (they
    // wait under Maybe not faces); the new bar is recorded and every photo is owed a look for second boxes.
    void showHiddenUnderFormerBar(QSqlDatabase& db, FaceIndexSummary& summary);
    // Second boxes on one face among the stored faces of the photos `touched` in this run (all photos, once,
    // in a library whose faces were checked before second boxes were looked for); `besideStoredFaces`: the
    // photos whose new faces were counted as found in this run.
    void hideStoredSecondBoxes(QSqlDatabase& db, FaceIndexSummary& summary, const QList<qint64>& touched,
                               const QList<qint64>& besideStoredFaces);
    // Faces found before the face check existed: checked on the stored boxes; `checked` gets their photos.
    void checkStoredFaces(QSqlDatabase& db, FaceIndexSummary& summary, const std::function<bool()>& stopped,
                          int maxSide, QList<qint64>* checked);
    // Faces stored with another embedding model get a vector of the current one: staged in
    // face_embeddings_next (the old vectors stay in use) and swapped in together once all are done.
    void reembed(QSqlDatabase& db, FaceIndexSummary& summary, const std::function<bool()>& stopped,
                 const Progress& progress);

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace kindred
