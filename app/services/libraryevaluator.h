#pragma once

#include "faceservice.h"
#include "librarypaths.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>

namespace kindred {

struct LibraryEvalOptions {
    QString photosRoot;      // one sub-folder per person: the folder names the main person of each photo
    int rounds = 5;          // simulated naming rounds
    int groupsPerRound = 20; // largest unnamed groups named per round
    QString pairsFile;       // LFW pairs.txt (names/indices under photosRoot); empty = none
    int generatedPairs = 0;  // without a pairs file: this many same + this many different pairs (10 folds)
    QString boxesFile;       // WIDER-format face boxes for detection recall; empty = none
    // Every face's person by its box (WIDER's layout with the person after each box: path, count, then
    // "x y w h PERSON" per face; paths relative to photosRoot): for group photos with identities. Given, it
    // is the only labelling (folder names are not used); a labelled box takes the detection it overlaps most
    // (IoU >= kLabelMinIou), each detection at most one box. Empty = folder labels.
    QString faceLabelsFile;
    FaceRefreshOptions grouping; // the library's grouping settings (FaceService::libraryOptions())
    bool baseline = true;        // DBSCAN (cosine 0.5, min 3) on the same embeddings, for comparison
    // Faces whose file name contains one of these words (case-insensitive, e.g. "frontal", "profile") are
    // also scored on their own: BCubed over them, recall of the suggestions for them.
    QStringList subsets;
    // The effort simulation (EffortSimulator): a family naming the whole library through the app's actions,
    // once the app's way (suggestions in batches per person) and once one by one (the reference).
    bool effort = true;
    int effortRegroupEvery = 10;
    // > 0: the app's flow is simulated once more with the background fine-tuning on the family's answers
    // (EffortOptions::finetuneEvery), reported as "effort_finetuned".
    int effortFinetuneEvery = 0;
    double effortFinetuneFreeWeight = -1;     // FinetuneOptions::freeWeight
    double effortFinetuneTogetherWeight = -1; // FinetuneOptions::togetherWeight

    std::function<void(const QString&)> log; // progress lines (may be empty)
};

// The library-scale quality harness behind `kindred-cli eval-library`: scores a scanned library (a catalog
// whose faces were found and embedded by the app's own FaceIndexer) against folder labels, with the app's
// own FaceService (grouping, suggestions) and PeopleService (naming, confirming, rejecting), as a family
// would use them. Labels: the largest face of each photo is the person its folder names; other faces of a
// photo are unlabelled and left out of every score (they still take part in grouping and suggestions).
//
// Reports (JSON):
//  * grouping: BCubed precision / recall / F over labelled faces (an unclustered face is a singleton), the
//    share of labelled faces grouped, the 20 largest groups with size and purity, groups that mix people;
//    the same for DBSCAN (cosine 0.5, min 3) on the same embeddings;
//  * naming rounds: each round names the largest unnamed groups after their majority person (only the faces
//    of that person: the others are taken out first), regroups, and answers every suggestion of a labelled
//    face (confirm right, reject wrong); per round the people named, suggestions, precision, recall over
//    the still-unnamed faces of named people, suggestions made for faces of people never named, and the
//    precision per shown-confidence band;
//  * verification on pairs (LFW pairs.txt, or generated pairs of labelled faces): 10-fold accuracy, AUC,
//    TAR at FAR 1e-2 and 1e-3 on the stored embeddings; with subsets, the same per pair of subsets
//    ("frontal-profile": one face of each);
//  * detection recall against WIDER boxes (IoU >= 0.5, invalid boxes left out).
// The catalog is changed (names, confirmations): run it on a copy.
class LibraryEvaluator {
public:
    static constexpr double kLabelMinIou = 0.3;
    LibraryEvaluator(const QString& catalogPath, const LibraryPaths& paths);

    bool run(const LibraryEvalOptions& options, QJsonObject* report,
             const std::atomic_bool* cancel = nullptr);
    QString errorString() const { return m_error; }

    // The person folder of a photo under root ("" when the photo lies directly in root or outside it).
    static QString labelOf(const QString& root, const QString& photoPath);

private:
    struct Face {
        qint64 id = 0;
        qint64 photoId = 0;
        QString path;
        double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
        QString label;   // "" = unlabelled
        int notFace = 0; // faces.not_face: 1 = hidden by the face check
        // Hidden as a second box on a face shown beside it (it passed the check: FaceCheck::secondBoxes).
        bool secondBox = false;
        // Shown apart as "Maybe not faces": the check only just let it through (FaceService::unsureFaces).
        bool unsure = false;
    };
    bool loadFaces(const QString& root);
    bool applyFaceLabels(const LibraryEvalOptions& options, QJsonObject* out);
    bool groupingReport(QJsonObject* out);
    struct Vectors; // the stored embeddings, one row per face of m_faces (defined in the .cpp)
    bool loadVectors(Vectors* v);
    bool baselineReport(const Vectors& v, QJsonObject* out);
    bool verificationReport(const LibraryEvalOptions& options, const Vectors& v, QJsonObject* out);
    bool detectionReport(const LibraryEvalOptions& options, QJsonObject* out);
    QJsonObject faceCheckReport() const;
    bool effortReports(const LibraryEvalOptions& options, QJsonObject* report,
                       const std::atomic_bool* cancel);
    bool namingRounds(const LibraryEvalOptions& options, QJsonArray* out, const std::atomic_bool* cancel);
    bool fail(const QString& message);

    QString m_catalogPath;
    LibraryPaths m_paths;
    QString m_error;
    std::vector<Face> m_faces;
    QHash<qint64, size_t> m_faceIndex; // face id -> m_faces row
    std::vector<std::pair<QString, std::vector<bool>>> m_subsets;
};

} // namespace kindred
