#pragma once

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace kindred {

enum class JobState { Queued, Running, Paused, Cancelled, Failed, Done };

// One problem a job ran into (a file it could not read, ...). `path` may be empty.
struct JobError {
    QString path;
    QString reason;
};

// A snapshot of one background job, as the status area shows it.
struct JobInfo {
    int id = 0;
    QString kind;  // "scan", "faces", ... (stable, not translated)
    QString title; // shown to the user (translated by whoever creates the job)
    int done = 0;
    int total = 0;  // 0 = unknown (busy indicator)
    QString detail; // e.g. the file being processed
    JobState state = JobState::Queued;
    bool canPause = false;
    QList<JobError> errors;
    QString message; // final summary or fatal error

    bool isFinished() const
    {
        return state == JobState::Done || state == JobState::Failed || state == JobState::Cancelled;
    }
};

// Shared between a job's worker thread and the JobManager on the GUI thread: the cancel and pause
// requests. The worker polls cancelRequested() / calls waitWhilePaused() between units of work.
class JobControl {
public:
    void requestCancel();
    void setPaused(bool paused);
    bool cancelRequested() const { return m_cancel.load(); }
    bool isPaused() const { return m_pause.load(); }
    // Blocks the calling (worker) thread while paused. Returns false when the job was cancelled.
    bool waitWhilePaused();
    // The flags themselves, for synchronous library/ml calls that take an atomic_bool pointer.
    const std::atomic_bool* cancelFlag() const { return &m_cancel; }
    const std::atomic_bool* pauseFlag() const { return &m_pause; }

private:
    std::atomic_bool m_cancel{false};
    std::atomic_bool m_pause{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

// The registry of background jobs shown by the GUI (scan, face indexing, ...). Lives on the GUI thread;
// every method must be called there (workers report through queued signals to whoever owns the job,
// which calls update()/finish()). Cancel/pause/resume forward to the job's JobControl.
class JobManager : public QObject {
    Q_OBJECT
public:
    explicit JobManager(QObject* parent = nullptr);

    // Registers a job; returns its id (> 0). `control` may be null for jobs that cannot be stopped.
    int addJob(const QString& kind, const QString& title, std::shared_ptr<JobControl> control,
               bool canPause = false);

    void setRunning(int id);
    void update(int id, int done, int total, const QString& detail = {});
    void addErrors(int id, const QList<JobError>& errors);
    // Final state: Done, Failed or Cancelled. `message` is a one-line summary (or the fatal error).
    void finish(int id, JobState state, const QString& message = {});

    bool cancel(int id);
    bool pause(int id);
    bool resume(int id);
    void cancelAll();
    // Forgets finished jobs (they stay listed until then so their errors can be read).
    void clearFinished();
    void remove(int id);

    bool contains(int id) const { return m_jobs.contains(id); }
    JobInfo job(int id) const;
    QList<JobInfo> jobs() const; // by id
    int activeCount() const;     // queued, running or paused

    static QString stateName(JobState state); // translated, for display

Q_SIGNALS:
    void jobAdded(int id);
    void jobChanged(int id);
    void jobFinished(int id);
    void jobRemoved(int id);

private:
    struct Entry {
        JobInfo info;
        std::shared_ptr<JobControl> control;
    };
    QMap<int, Entry> m_jobs;
    int m_nextId = 1;
};

} // namespace kindred
