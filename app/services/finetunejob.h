#pragma once

#include "finetuneservice.h"
#include "jobmanager.h"

#include <QList>
#include <QObject>
#include <memory>

class QThreadPool;

namespace kindred {

// What a finished fine-tuning job did.
struct FinetuneOutcome {
    FinetuneStatus status = FinetuneStatus::Failed;
    FinetuneRun run;     // valid when status == Ok (adopted or not: run.adopted, run.reason)
    QString error;       // NotEnoughData: what is missing; Failed: the error; Cancelled: a note
    QString refreshNote; // after an adoption: what the cluster/suggestion refresh did
};

// One background fine-tuning run (FinetuneService::run) on a worker thread at the lowest priority.
// Progress (per epoch, with the mean triplet loss) and the outcome arrive as queued signals on the
// thread that owns the job. Cancelling stops training at the next batch; nothing is written then.
//
//   auto* job = new FinetuneJob(catalogPath, paths, FinetuneOptions{}, this);
//   int id = jobs->addJob("finetune", tr("Personalising face recognition"), job->control());
//   connect(job, &FinetuneJob::progress, ...);  connect(job, &FinetuneJob::finished, ...);
//   job->start(pool);
class FinetuneJob : public QObject {
    Q_OBJECT
public:
    FinetuneJob(const QString& catalogPath, const LibraryPaths& paths, const FinetuneOptions& options,
                QObject* parent = nullptr);
    ~FinetuneJob() override; // requests cancellation of a still-running worker

    std::shared_ptr<JobControl> control() const { return m_control; }
    // Starts on `pool` (null: QThreadPool::globalInstance()). Call once.
    void start(QThreadPool* pool = nullptr);
    bool isRunning() const { return m_running; }
    // Loss per finished epoch so far (the curve for a chart).
    QList<double> lossCurve() const { return m_lossCurve; }

    // One line for the status area (translated).
    static QString summaryText(const FinetuneOutcome& outcome);

Q_SIGNALS:
    void started();
    void progress(int epoch, int epochs, double loss, double heldOutError);
    void finished(const kindred::FinetuneOutcome& outcome);

private:
    QString m_catalogPath;
    LibraryPaths m_paths;
    FinetuneOptions m_options;
    std::shared_ptr<JobControl> m_control;
    QList<double> m_lossCurve;
    bool m_running = false;
};

} // namespace kindred

Q_DECLARE_METATYPE(kindred::FinetuneOutcome)
