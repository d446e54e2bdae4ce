#pragma once

#include "librarypaths.h"

#include <QList>
#include <QRectF>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>
#include <atomic>
#include <optional>

namespace kindred {

// One face as the views and the CLI show it.
struct FaceRecord {
    qint64 id = 0;
    qint64 photoId = 0;
    QString photoPath;         // absolute path of the photo
    QRectF box;                // in the EXIF-rotated full-resolution photo
    float score = 0;           // detector probability (1 for a face drawn by hand)
    float quality = 0;         // 0..1, see FaceIndexer
    QString state;             // unknown | suggested | confirmed | ignored
    QString source;            // detector | manual | xmp
    qint64 personId = 0;       // confirmed: the person; suggested: the suggested person; 0 otherwise
    QString personName;        // name of personId
    qint64 clusterId = 0;      // unknown/suggested faces: their cluster (0 = unclustered)
    float suggestionScore = 0; // suggested: calibrated confidence in [0, 1]
    QString cropPath;          // display crop (may not exist yet for old faces)
    // Hidden as "not a face": 1 = by the face check after detection, 2 = by the family; -1 = the family
    // said it is a face (never hidden again by the check); 0 = none. faceCheck: the check's confidence
    // (NaN: not checked, e.g. a face drawn by hand).
    int notFace = 0;
    float faceCheck = 0;
    // Hidden by the check as a second box on a face shown beside it (it passed the check itself).
    bool secondBox = false;
};

struct ClusterRecord {
    qint64 id = 0;
    int size = 0;                 // faces in the cluster (all, even when `faces` is truncated)
    QList<FaceRecord> faces;      // best quality first
    qint64 suggestedPersonId = 0; // when most of the cluster's faces are suggested as one person
    QString suggestedPersonName;
};

// "Is this group Grandma?": an unnamed group that looks like a named person as a whole (FaceService::refresh
// finds them; PeopleService::answerGroupQuestion answers them).
//
// Or, with otherClusterId set, "Are these two groups one person?": two unnamed groups that look like one
// person (PeopleService::answerGroupPairQuestion answers them: Yes joins them, No keeps them apart for good).
struct GroupQuestion {
    qint64 clusterId = 0;      // the group asked about (of a pair, the larger one: it keeps its id)
    qint64 otherClusterId = 0; // a pair question: the other group; 0 for "Is this group X?"
    qint64 personId = 0;       // "Is this group X?": X; 0 for a pair question
    QString personName;
    // What one "Yes" decides: the unnamed faces it names, or (a pair) the faces of the other group it joins.
    int faces = 0;
    int groupSize = 0; // unnamed faces in the group asked about (of a pair, the larger one)
    // "Is this group X?": the group's faces to their most alike confirmed faces of the person, averaged; a
    // pair: the mean similarity of the faces of one group to those of the other.
    float similarity = 0;
    float confidence = 0;          // shown: the precision measured for questions of this similarity
    QList<FaceRecord> groupFaces;  // best quality first (at most the number asked for)
    QList<FaceRecord> personFaces; // the other side: the person's confirmed faces, or the other group's faces
    bool isPair() const { return otherClusterId != 0; }
    // The faces one Yes decides, the queue's order: the group's faces, or (a pair, answered "Yes, this is X")
    // the faces of both groups.
    int decidedFaces() const { return isPair() ? groupSize + faces : faces; }
};

struct FaceRefreshOptions {
    QString algorithm = QStringLiteral("compact"); // or "chinese-whispers", "dbscan" (docs/quality.md)
    int minClusterSize = 3;       // measured: 3 keeps clusters pure where 2 lets pairs of look-alikes in
    float minQuality = 0.25f;     // faces below stay unclustered
    float clusterSimilarity = -1; // < 0: the measured default of the embedding model
    // Suggestions (open set: most unknown faces belong to people nobody named): a face is suggested as the
    // named person whose confirmed faces' mean it is most similar to, when that similarity reaches
    // suggestionSimilarity and beats the second person by suggestionMargin. < 0: the model's measured
    // defaults (docs/quality.md).
    float suggestionSimilarity = -1;
    float suggestionMargin = -1;
    // Pose gate: faces turned further than this (FaceAligner::turnedAway, nose off the eyes' midline in
    // inter-ocular distances) are not grouped, and are suggested only turnedExtra above the similarity bar.
    // < 0 (here and for turnedGroupExtra): the embedding model's measured default (docs/quality.md).
    float maxTurnedAway = -1;
    float turnedExtra = -1;
    // Groups of half-turned faces: faces turned less than maxTurnedAway but more than kHalfTurned look alike
    // across people (MTCNN's landmarks of a profile in a grayscale photo often land there). A group that got
    // new faces and in which at least half the faces are half-turned must hold together turnedGroupExtra
    // above the grouping similarity (mean similarity of its faces to each other), or it is split again at
    // that higher bar (docs/quality.md, section 3).
    static constexpr float kHalfTurned = 0.25f;
    float turnedGroupExtra = -1;
    // Group questions: asked when a group's mean nearest-confirmed-face similarity to a person reaches
    // questionSimilarity and beats the second person by questionMargin. < 0: the model's measured defaults.
    float questionSimilarity = -1;
    float questionMargin = -1;
    // Pair questions: asked about two unnamed groups whose faces' mean similarity to each other reaches
    // pairSimilarity (each group in at most one pair question at a time, the most alike pairs first). < 0:
    // the model's measured default (none asked where no bar was measured precise enough).
    float pairSimilarity = -1;
    // Suggestions where the person's neighbourhood is crowded (issue 19, 1b): a suggestion as X needs the
    // third most alike face that cannot be X (named as someone else, rejected for X, or another face of a
    // photo where X is named) plus crowdMargin, when that is above the suggestion bar. < 0: the model's
    // measured default.
    float crowdMargin = -1;
    // Groups (issue 19, 1b): a face stays in its group only when its most alike faces of the group are on
    // average at least groupCrowdMargin more like it than the most alike face beside them in their photos
    // (faces that cannot be the group's person). < 0: the model's measured default; above 1: off.
    float groupCrowdMargin = -1;
    // The confidence shown with a suggestion as X follows the library's evidence (issue 19, 1b): the band
    // measured on the dev set, lowered when faces that cannot be X are as alike to X as the face is
    // (FaceService.cpp, evidenceConfidence). false: the measured band alone (to compare).
    bool evidenceConfidence = true;
    bool recluster = false; // true: cluster all unknown faces from scratch (still never touches
                            // confirmed/ignored faces); false: new faces join existing clusters
};

struct FaceRefreshSummary {
    int unknownFaces = 0;
    int clusters = 0;
    int clusteredFaces = 0;
    int newClusters = 0;
    int suggestions = 0;
    int questions = 0;             // group questions found
    int pairQuestions = 0;         // pair questions found
    int crowdedPeople = 0;         // named people whose suggestion bar the library's evidence raised
    int crowdedOutFaces = 0;       // faces taken out of groups no more alike than the faces beside them
    int crowdedOutSuggestions = 0; // suggestions not made: the face is as alike to a face beside it
    int loweredConfidences = 0;    // suggestions (before one per photo) shown below their band (evidence)
    int loweredQuestionConfidences = 0; // group questions shown below their band (evidence)
    double suggestionThreshold = 0;     // calibrated confidence threshold in use
    QString calibrationNote;
    QString modelId; // embedding model the faces were compared in
    double seconds = 0;
    bool cancelled = false;
};

// Reading faces, clusters and suggestions, and recomputing clusters and suggestions from the stored
// embeddings (FaceRefresh). Naming, merging, undo etc. are PeopleService's.
//
// Embeddings are compared in the space of the current embedding model, through the adopted
// personalisation stage when there is one (settings key "finetune.active_stage": absolute path of a
// ProjectionHead checkpoint; empty/missing = none). Refresh never changes a confirmed or ignored face.
// Uses the calling thread's catalog connection; refresh() is heavy: call it from a worker thread.
class FaceService {
public:
    FaceService(const QString& catalogPath, const LibraryPaths& paths);

    QList<ClusterRecord> clusters(int maxFacesPerCluster = -1) const; // largest first
    // Unknown faces in no cluster, best first, without the unsure ones (below).
    QList<FaceRecord> unclusteredFaces() const;
    // Detections the face check only just let through (FaceCheck::canGroup is false) that nobody has
    // confirmed as faces: shown apart, least sure first, never grouped; "It is a face"
    // (PeopleService::restoreFaces) makes them faces like any other.
    QList<FaceRecord> unsureFaces() const;
    // The rule of unsureFaces for one stored face (faces.not_face and faces.face_check): a detection the
    // check only just let through that the family has not said is a face. Never grouped.
    static bool isUnsure(int notFace, const QVariant& faceCheck);
    // The same rule as an SQL condition on the faces table called `alias` (none: the bare column names).
    static QString unsureCondition(const QString& alias);
    QList<FaceRecord> suggestions() const; // highest confidence first
    // The group and pair questions of the last refresh that still stand, most faces decided first (the order
    // to ask them).
    QList<GroupQuestion> groupQuestions(int facesPerSide = 6) const;
    QList<FaceRecord> notFaces() const; // hidden as "not a face": the family's first, then by confidence
    QList<FaceRecord> facesOfPhoto(qint64 photoId) const;
    QList<FaceRecord> facesOfPerson(qint64 personId) const; // confirmed faces
    QList<FaceRecord> facesOfCluster(qint64 clusterId) const;
    std::optional<FaceRecord> face(qint64 faceId) const;
    int unknownFaceCount() const;

    bool refresh(const FaceRefreshOptions& options, FaceRefreshSummary* summary,
                 const std::atomic_bool* cancel = nullptr);

    // The grouping thresholds of this library: the catalog's settings "clusters.algorithm",
    // "clusters.similarity", "clusters.min_size", "clusters.min_quality", "suggestions.similarity",
    // "suggestions.margin" over the measured defaults of FaceRefreshOptions. The GUI's face job, the CLI and
    // fine-tuning all group with these.
    FaceRefreshOptions libraryOptions() const;
    // The similarities at which faces of `modelId` are grouped or asked about as one person (two faces: the
    // lower of the grouping and pair-question bars) and suggested (a face and a person's prototype), with
    // this library's overrides (libraryOptions()). The fine-tuning job keeps stages that would bring more
    // faces of different people over them out (TrainingOptions::pairBar).
    void comparisonBars(const QString& modelId, float* grouping, float* suggestion) const;
    // Stores the given options' algorithm and thresholds as this library's (a clusterSimilarity or suggestion
    // value < 0 removes the stored one: the model's measured default applies again). False on invalid values.
    bool setLibraryOptions(const FaceRefreshOptions& options);

    QString errorString() const { return m_error; }

    // The embedding model most stored faces use (the space clusters and suggestions live in); empty when
    // there are no embedded faces.
    static QString currentModel(QSqlDatabase& db);

private:
    QList<FaceRecord> query(const QString& where, const QVariantList& values, const QString& order) const;
    bool fail(const QString& message) const;

    QString m_catalogPath;
    LibraryPaths m_paths;
    mutable QString m_error;
};

} // namespace kindred
