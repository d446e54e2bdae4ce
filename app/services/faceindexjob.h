#pragma once

#include "faceindexer.h"
#include "jobmanager.h"
#include "librarypaths.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QSettings>
#include <QString>
#include <memory>

class QThreadPool;

namespace kindred {

// What one face-indexing run did: FaceIndexer::run() followed by FaceService::refresh().
struct FaceJobOutcome {
    int photosTotal = 0;
    int photosDone = 0;
    int facesFound = 0;     // faces shown to the family
    int notFaces = 0;       // detections the face check kept out as "not a face" (Unknown faces > Not faces)
    int namedFromFiles = 0; // faces named from the names other programs wrote into the photos
    int shownAgain = 0;     // hidden under a former bar of the face check, shown again (Maybe not faces)
    int failed = 0;
    bool cancelled = false;
    QString error; // fatal (models missing, catalog unusable); empty otherwise
    QList<JobError> failures;
    double seconds = 0;
    bool refreshed = false; // clusters and suggestions were recomputed
    int clusters = 0;
    int unknownFaces = 0;
    int suggestions = 0;
};

// One face-indexing run for the GUI, on a worker thread (the indexer and FaceService::refresh are
// synchronous and heavy). The worker lowers its own scheduling priority (nice 10 on Linux; threads it
// starts, e.g. LibTorch's, inherit it), so use a pool whose threads serve only this job.
// Progress and the outcome arrive as queued signals on the thread that owns the job. Pause and cancel go
// through control(): the indexer checks them between photos.
class FaceIndexJob : public QObject {
    Q_OBJECT
public:
    FaceIndexJob(const QString& catalogPath, const LibraryPaths& paths, const FaceIndexOptions& options,
                 QObject* parent = nullptr);
    ~FaceIndexJob() override;

    // Options from QSettings ("models/folder", "inference/device", "inference/threads",
    // "faces/minFaceSize") with the model pack found by ModelLocator. Returns false with a readable
    // message when no model pack is found.
    static bool optionsFromSettings(FaceIndexOptions* options, QString* error);

    std::shared_ptr<JobControl> control() const { return m_control; }
    void start(QThreadPool* pool); // call once
    bool isRunning() const { return m_running; }

    static constexpr int kProgressIntervalMs = 100;

    // "12 of 48 photos · 30 faces · 2.5 photos/s · about 1 min left" (translated).
    static QString progressText(int done, int total, int faces, double elapsedSeconds);
    // The embedding network named in the settings ("" = automatic, the default network). A "frnet" that
    // was stored before the family could choose (every save wrote it) counts as automatic.
    static QString chosenEmbedder(const QSettings& settings);
    // While the faces are re-described by a new embedding network (a library moving to a new default).
    static QString reembedText(int done, int total);
    static QString summaryText(const FaceJobOutcome& outcome);

Q_SIGNALS:
    void started();
    void progress(int done, int total, int faces, const QString& currentPath);
    void reembedProgress(int facesDone, int facesTotal);
    void refreshing(); // indexing is over; clusters and suggestions are being recomputed
    // During a long run (FaceIndexOptions::checkpointMs): the faces found so far were grouped and
    // suggested; people views can reload. Confirmed and ignored faces are never touched by it.
    void interimRefreshed(int clusters, int suggestions);
    void finished(const kindred::FaceJobOutcome& outcome);

private:
    QString m_catalogPath;
    LibraryPaths m_paths;
    FaceIndexOptions m_options;
    std::shared_ptr<JobControl> m_control;
    bool m_running = false;
};

} // namespace kindred

Q_DECLARE_METATYPE(kindred::FaceJobOutcome)
