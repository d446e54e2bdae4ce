#include "jobmanager.h"

#include <QCoreApplication>

namespace kindred {

void JobControl::requestCancel()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancel = true;
    }
    m_wake.notify_all();
}

void JobControl::setPaused(bool paused)
{
    {
        std::lock_guard lock(m_mutex);
        m_pause = paused;
    }
    m_wake.notify_all();
}

bool JobControl::waitWhilePaused()
{
    std::unique_lock lock(m_mutex);
    m_wake.wait(lock, [this] { return !m_pause.load() || m_cancel.load(); });
    return !m_cancel.load();
}

JobManager::JobManager(QObject* parent) : QObject(parent) {}

int JobManager::addJob(const QString& kind, const QString& title, std::shared_ptr<JobControl> control,
                       bool canPause)
{
    const int id = m_nextId++;
    Entry entry;
    entry.info.id = id;
    entry.info.kind = kind;
    entry.info.title = title;
    entry.info.canPause = canPause && control != nullptr;
    entry.control = std::move(control);
    m_jobs.insert(id, entry);
    Q_EMIT jobAdded(id);
    return id;
}

void JobManager::setRunning(int id)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || it->info.isFinished())
        return;
    it->info.state = it->control && it->control->isPaused() ? JobState::Paused : JobState::Running;
    Q_EMIT jobChanged(id);
}

void JobManager::update(int id, int done, int total, const QString& detail)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || it->info.isFinished())
        return;
    it->info.done = done;
    it->info.total = total;
    it->info.detail = detail;
    if (it->info.state == JobState::Queued)
        it->info.state = JobState::Running;
    Q_EMIT jobChanged(id);
}

void JobManager::addErrors(int id, const QList<JobError>& errors)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || errors.isEmpty())
        return;
    it->info.errors.append(errors);
    Q_EMIT jobChanged(id);
}

void JobManager::finish(int id, JobState state, const QString& message)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || it->info.isFinished())
        return;
    Q_ASSERT(state == JobState::Done || state == JobState::Failed || state == JobState::Cancelled);
    it->info.state = state;
    it->info.message = message;
    it->info.detail.clear();
    Q_EMIT jobChanged(id);
    Q_EMIT jobFinished(id);
}

bool JobManager::cancel(int id)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || it->info.isFinished() || !it->control)
        return false;
    it->control->requestCancel();
    it->info.detail = tr("Cancelling…");
    Q_EMIT jobChanged(id);
    return true;
}

bool JobManager::pause(int id)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || it->info.isFinished() || !it->info.canPause)
        return false;
    it->control->setPaused(true);
    it->info.state = JobState::Paused;
    Q_EMIT jobChanged(id);
    return true;
}

bool JobManager::resume(int id)
{
    auto it = m_jobs.find(id);
    if (it == m_jobs.end() || it->info.state != JobState::Paused)
        return false;
    it->control->setPaused(false);
    it->info.state = JobState::Running;
    Q_EMIT jobChanged(id);
    return true;
}

void JobManager::cancelAll()
{
    const QList<int> ids = m_jobs.keys();
    for (int id : ids)
        cancel(id);
}

void JobManager::clearFinished()
{
    const QList<int> ids = m_jobs.keys();
    for (int id : ids) {
        if (m_jobs.value(id).info.isFinished())
            remove(id);
    }
}

void JobManager::remove(int id)
{
    if (m_jobs.remove(id) > 0)
        Q_EMIT jobRemoved(id);
}

JobInfo JobManager::job(int id) const
{
    return m_jobs.value(id).info;
}

QList<JobInfo> JobManager::jobs() const
{
    QList<JobInfo> out;
    out.reserve(m_jobs.size());
    for (const Entry& e : m_jobs)
        out.append(e.info);
    return out;
}

int JobManager::activeCount() const
{
    int n = 0;
    for (const Entry& e : m_jobs)
        n += e.info.isFinished() ? 0 : 1;
    return n;
}

QString JobManager::stateName(JobState state)
{
    switch (state) {
    case JobState::Queued:
        return tr("Waiting");
    case JobState::Running:
        return tr("Running");
    case JobState::Paused:
        return tr("Paused");
    case JobState::Cancelled:
        return tr("Cancelled");
    case JobState::Failed:
        return tr("Failed");
    case JobState::Done:
        return tr("Done");
    }
    return {};
}

} // namespace kindred
