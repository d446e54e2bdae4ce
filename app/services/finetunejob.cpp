#include "finetunejob.h"

#include "backgroundpriority.h"
#include "catalog.h"
#include "common/device.h"

#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace kindred {

FinetuneJob::FinetuneJob(const QString& catalogPath, const LibraryPaths& paths,
                         const FinetuneOptions& options, QObject* parent)
    : QObject(parent), m_catalogPath(catalogPath), m_paths(paths), m_options(options),
      m_control(std::make_shared<JobControl>())
{
    qRegisterMetaType<kindred::FinetuneOutcome>();
}

FinetuneJob::~FinetuneJob()
{
    m_control->requestCancel();
}

void FinetuneJob::start(QThreadPool* pool)
{
    Q_ASSERT(!m_running);
    m_running = true;
    const QString catalogPath = m_catalogPath;
    const LibraryPaths paths = m_paths;
    const FinetuneOptions options = m_options;
    std::shared_ptr<JobControl> control = m_control;
    // Queued calls to a deleted job are discarded by Qt; the worker touches only copies and `control`.
    FinetuneJob* job = this;
    auto post = [job](auto&& fn) {
        QMetaObject::invokeMethod(
            job, [job, fn = std::forward<decltype(fn)>(fn)]() { fn(job); }, Qt::QueuedConnection);
    };
    (void)QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(),
                            [catalogPath, paths, options, control, post]() {
                                BackgroundPriority::lowerCurrentThread();
                                post([](FinetuneJob* j) { Q_EMIT j->started(); });
                                FinetuneOutcome out;
                                // The thread count is per thread for LibTorch's OpenMP pool: set it here, on
                                // the worker.
                                Device::configure({"cpu", options.threads});
                                {
                                    FinetuneService service(catalogPath, paths);
                                    out.status = service.run(
                                        options, &out.run,
                                        [&](int epoch, int epochs, double loss, double error) {
                                            control->waitWhilePaused();
                                            post([epoch, epochs, loss, error](FinetuneJob* j) {
                                                j->m_lossCurve.append(loss);
                                                Q_EMIT j->progress(epoch, epochs, loss, error);
                                            });
                                        },
                                        control->cancelFlag());
                                    out.error = service.errorString();
                                    out.refreshNote = service.refreshNote();
                                }
                                Catalog::closeThreadConnection(catalogPath);
                                post([out](FinetuneJob* j) {
                                    j->m_running = false;
                                    Q_EMIT j->finished(out);
                                });
                            });
}

QString FinetuneJob::summaryText(const FinetuneOutcome& o)
{
    switch (o.status) {
    case FinetuneStatus::Ok:
        if (o.run.adopted)
            return tr("Face recognition personalised: identification error %1% -> %2%")
                .arg(100.0 * o.run.before.top1Error, 0, 'f', 1)
                .arg(100.0 * o.run.after.top1Error, 0, 'f', 1);
        return tr("Personalisation not adopted: %1").arg(o.run.reason);
    case FinetuneStatus::NotEnoughData:
        return tr("Not enough confirmed faces to personalise: %1").arg(o.error);
    case FinetuneStatus::Cancelled:
        return tr("Personalisation cancelled");
    case FinetuneStatus::Failed:
        break;
    }
    return tr("Personalisation failed: %1").arg(o.error);
}

} // namespace kindred
