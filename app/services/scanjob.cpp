#include "scanjob.h"

#include "catalog.h"
#include "scanner.h"

#include <QElapsedTimer>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace kindred {

ScanJob::ScanJob(const QString& catalogPath, const QStringList& roots, QObject* parent)
    : QObject(parent), m_catalogPath(catalogPath), m_roots(roots), m_control(std::make_shared<JobControl>())
{
    qRegisterMetaType<kindred::ScanOutcome>();
}

ScanJob::~ScanJob()
{
    // The worker only touches shared state (control) and posts to `this` through QPointer; make sure a
    // still-running scan stops soon.
    m_control->requestCancel();
}

int ScanJob::readThreads()
{
    return std::clamp(QThread::idealThreadCount(), 1, 4);
}

void ScanJob::start(QThreadPool* pool)
{
    Q_ASSERT(!m_running);
    m_running = true;
    const QString catalogPath = m_catalogPath;
    const QStringList roots = m_roots;
    std::shared_ptr<JobControl> control = m_control;
    // The job outlives its worker: LibraryService deletes a ScanJob only after finished() or after waiting
    // for the scan pool, and queued calls to a deleted object are discarded by Qt.
    ScanJob* job = this;
    auto post = [job](auto&& fn) {
        QMetaObject::invokeMethod(
            job, [job, fn = std::forward<decltype(fn)>(fn)]() { fn(job); }, Qt::QueuedConnection);
    };

    (void)QtConcurrent::run(pool, [catalogPath, roots, control, post]() {
        post([](ScanJob* j) { Q_EMIT j->started(); });
        QThreadPool readers;
        readers.setMaxThreadCount(readThreads());
        Scanner::Options options;
        options.batchSize = kBatchSize;
        options.readPool = &readers;
        Scanner scanner(catalogPath, options);
        QElapsedTimer sinceEmit;
        sinceEmit.start();
        int lastBatch = 0;
        const ScanSummary summary = scanner.scan(
            roots,
            [&](int done, int total, const QString& path) {
                if (done / kBatchSize > lastBatch) {
                    // The scanner commits every kBatchSize files; the commit of the previous batch is
                    // done by the time the next file is reported.
                    lastBatch = done / kBatchSize;
                    post([](ScanJob* j) { Q_EMIT j->batchLanded(); });
                }
                if (sinceEmit.elapsed() >= kProgressIntervalMs || done == total) {
                    sinceEmit.restart();
                    post([done, total, path](ScanJob* j) { Q_EMIT j->progress(done, total, path); });
                }
                control->waitWhilePaused();
            },
            control->cancelFlag());
        Catalog::closeThreadConnection(catalogPath);

        ScanOutcome out;
        out.filesTotal = summary.filesTotal;
        out.newPhotos = summary.newPhotos;
        out.changed = summary.changed;
        out.unchanged = summary.unchanged;
        out.moved = summary.moved;
        out.missing = summary.missing;
        out.failed = summary.failed;
        // A cancel that lands during the directory walk cuts the walk short without setting
        // summary.cancelled (library/scanner.cpp); the scan is still a cancelled one.
        out.cancelled = summary.cancelled || control->cancelRequested();
        out.error = summary.error;
        out.totalMs = summary.totalMs;
        out.failures.reserve(summary.failures.size());
        for (const ScanFailure& f : summary.failures)
            out.failures.append(JobError{f.path, f.reason});
        post([out](ScanJob* j) {
            j->m_running = false;
            Q_EMIT j->finished(out);
        });
    });
}

QString ScanJob::summaryText(const ScanOutcome& o)
{
    if (!o.error.isEmpty())
        return tr("Scan failed: %1").arg(o.error);
    QString text = o.cancelled
                       ? tr("Scan cancelled after %n file(s)", nullptr, o.newPhotos + o.changed + o.unchanged)
                       : tr("%n photo(s) found", nullptr, o.filesTotal - o.failed);
    if (o.newPhotos > 0)
        text += QStringLiteral(", ") + tr("%n new", nullptr, o.newPhotos);
    if (o.moved > 0)
        text += QStringLiteral(", ") + tr("%n moved", nullptr, o.moved);
    if (o.missing > 0)
        text += QStringLiteral(", ") + tr("%n missing", nullptr, o.missing);
    if (o.failures.size() > 0)
        text += QStringLiteral(", ") + tr("%n could not be read", nullptr, int(o.failures.size()));
    return text;
}

} // namespace kindred
