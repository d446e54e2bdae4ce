#pragma once

#include "librarypaths.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <atomic>
#include <functional>

namespace kindred {

struct TrainingOptions; // ml/triplettrainer.h

// What the user (CLI flags, GUI settings) chooses for one fine-tuning run. Defaults were chosen by
// measurement (docs/finetuning.md).
struct FinetuneOptions {
    QString loss = QStringLiteral("triplet-euclidean"); // or "triplet-cosine"
    QString mining = QStringLiteral("semi-hard");       // or "batch-hard"
    double margin = -1;                                 // < 0: the default for the loss
    int epochs = 0;            // 0: default (an upper bound: early stopping on held-out faces)
    double learningRate = 0;   // 0: default
    int minFacesPerPerson = 0; // 0: default (N of "at least 2 people with >= N faces")
    quint64 seed = 1;
    bool dryRun = false; // train and measure, write nothing (no checkpoint, no history)
    bool refresh = true; // after an adoption or rollback, recompute clusters and suggestions
    int threads = 0;     // FinetuneJob: CPU threads for training, 0 = all cores
    // The faces nobody named keep their places (TrainingOptions::freeWeight); < 0: the default.
    double freeWeight = -1;
    // Their pairs that are likely one person stay together (TrainingOptions::togetherWeight); < 0: the
    // default.
    double togetherWeight = -1;
};

// Held-out quality of one embedding space.
struct FinetuneMetrics {
    int probes = 0;
    double top1Error = 0; // nearest person prototype, misidentified + rejected
    double tarAtFar = 0;  // verification TAR at the FAR below
    double far = 1e-3;    // 1e-3, or 1e-2 / 1e-1 when there are too few different-person pairs
    double auc = 0.5;
};

// One fine-tuning run (adopted or not), as the history keeps it.
struct FinetuneRun {
    int id = 0;        // 1, 2, ... (every recorded run gets one; 0 for dry runs)
    QString file;      // absolute checkpoint path when adopted, empty otherwise
    QString date;      // ISO 8601 UTC
    QString baseModel; // embedding model id the stage was trained on
    int faces = 0;     // confirmed faces used
    int people = 0;    // people with at least one of them
    FinetuneMetrics before;
    FinetuneMetrics after;
    bool adopted = false;
    QString reason;
    QString loss;
    QString mining;
    double margin = 0;
    int epochs = 0; // epochs run in validation
    int bestEpoch = 0;
    QString validation; // "hold-out 25% (N probes)" / "4-fold (N probes)"
    double seconds = 0;
    QList<double> lossCurve; // mean triplet loss per epoch (not kept in the history)

    QJsonObject toJson(bool withCurve = false) const;
    static FinetuneRun fromJson(const QJsonObject& o);
};

enum class FinetuneStatus {
    Ok,            // trained and measured (adopted or not: see FinetuneRun::adopted / reason)
    NotEnoughData, // errorString() explains what is missing
    Cancelled,
    Failed, // catalog, model or file error (errorString())
};

// Per-epoch report: epoch (1-based), the epoch limit, mean triplet loss, held-out top-1 error.
using FinetuneProgress = std::function<void(int epoch, int epochs, double loss, double heldOutError)>;

// Triplet fine-tuning of the personalisation stage on a library's confirmed faces (issue 6).
//
// Reads the confirmed faces' stored embeddings of the current embedding model (the model_id most
// faces have), trains a ProjectionHead with TripletTrainer (hold-out / k-fold validation, adoption
// only when it helps), and on adoption writes <library>/stages/stage-<id>.pt atomically and points the
// settings key "finetune.active_stage" at it. Every non-dry run is appended to the settings key
// "finetune.history" (JSON array). Stored embeddings and confirmed labels are never changed; FaceService
// projects through the active stage. Synchronous and heavy: call run() from a worker thread. Uses the
// calling thread's catalog connection.
class FinetuneService {
public:
    FinetuneService(const QString& catalogPath, const LibraryPaths& paths);

    // Debounce for the background trigger: at least this many confirmed faces since the last run.
    static constexpr int kNewConfirmedFacesToRun = 20;

    FinetuneStatus run(const FinetuneOptions& options, FinetuneRun* result,
                       const FinetuneProgress& progress = {}, const std::atomic_bool* cancel = nullptr);

    // Empty when the confirmed faces can support a run; otherwise what is missing (with names).
    QString checkData(const FinetuneOptions& options = {});
    // True when a background run is due: enough data and >= kNewConfirmedFacesToRun confirmed faces
    // more than at the last recorded run (settings "finetune.last_confirmed").
    bool shouldRun(const FinetuneOptions& options = {});

    QList<FinetuneRun> history(); // oldest first
    QString activeStage();        // absolute checkpoint path, empty = base model
    int activeStageId();          // id of the active stage in the history, 0 = base model
    // Makes an earlier adopted stage active again (0 = no stage), then refreshes clusters/suggestions
    // (unless refresh is false).
    bool rollback(int id, bool refresh = true);

    QString errorString() const { return m_error; }
    QString refreshNote() const { return m_refreshNote; } // what the refresh after adoption/rollback did

    // Maps user options onto the trainer's (defaults filled in); false + *error for unknown names.
    static bool trainingOptions(const FinetuneOptions& options, TrainingOptions* out, QString* error);
    static QString stagesDir(const LibraryPaths& paths);

    // The reproducible experiment (kindred-cli finetune --experiment): an .npz from `kindred-cli embed`
    // of identity-labelled folders; the first K (shuffled by seed) faces of each person act as the
    // family's labels, training and adoption run exactly as in run(), and identification/verification
    // are measured on the person's remaining faces before and after. Returns false + *error when the
    // file cannot be used.
    static bool experiment(const QString& npzFile, int perPerson, const FinetuneOptions& options,
                           QJsonObject* result, QString* error, const FinetuneProgress& progress = {},
                           const std::atomic_bool* cancel = nullptr);

private:
    bool fail(const QString& message);
    bool saveHistory(const QList<FinetuneRun>& runs);
    bool setSetting(const QString& key, const QString& value);
    QString setting(const QString& key);
    bool refreshFaces();
    int confirmedCount(const QString& model);
    QString currentModel();

    QString m_catalogPath;
    LibraryPaths m_paths;
    QString m_error;
    QString m_refreshNote;
};

} // namespace kindred
