#pragma once

#include "jobmanager.h"

#include <QObject>
#include <QStringList>
#include <memory>

class QThreadPool;

namespace kindred {

// What a finished scan did (a copy of the library's ScanSummary, in app/ terms).
struct ScanOutcome {
    int filesTotal = 0;
    int newPhotos = 0;
    int changed = 0;
    int unchanged = 0;
    int moved = 0;
    int missing = 0;
    int failed = 0;
    bool cancelled = false;
    QString error; // fatal (catalog unusable); empty otherwise
    QList<JobError> failures;
    double totalMs = 0;
};

// One scan of some root folders, run on a worker thread (the library's Scanner is synchronous).
// Progress, "a batch was committed" and the outcome arrive as queued signals on the thread that owns the
// ScanJob. Pausing blocks the scanner between two files; cancelling makes it commit what it has and stop.
class ScanJob : public QObject {
    Q_OBJECT
public:
    ScanJob(const QString& catalogPath, const QStringList& roots, QObject* parent = nullptr);
    ~ScanJob() override;

    QStringList roots() const { return m_roots; }
    std::shared_ptr<JobControl> control() const { return m_control; }
    // Starts the scan on `pool` (a dedicated pool keeps scans serialised). Call once.
    void start(QThreadPool* pool);
    bool isRunning() const { return m_running; }

    // Minimum time between two progress signals (the last file always reports).
    static constexpr int kProgressIntervalMs = 50;
    // Photos land in the catalog in transactions of this many files; batchLanded() follows each.
    static constexpr int kBatchSize = 100;

    // Threads that read new and changed files ahead of the catalogue writes (Scanner::Options::readPool), in
    // the app's scans and kindred-cli's: the processor's thread count, at most 4.
    static int readThreads();

    // Turns an outcome into one line for the status area (translated).
    static QString summaryText(const ScanOutcome& outcome);

Q_SIGNALS:
    void started();
    void progress(int done, int total, const QString& currentPath);
    void batchLanded();
    void finished(const kindred::ScanOutcome& outcome);

private:
    QString m_catalogPath;
    QStringList m_roots;
    std::shared_ptr<JobControl> m_control;
    bool m_running = false;
};

} // namespace kindred

Q_DECLARE_METATYPE(kindred::ScanOutcome)
