#include "catalogsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <atomic>

namespace kindred {

namespace {

std::atomic<int> g_serial{0};

QStringList sessionFiles(const QString& catalogPath)
{
    const QFileInfo info(catalogPath);
    const QDir dir = info.absoluteDir();
    QStringList files;
    const QStringList names =
        dir.entryList({info.fileName() + QStringLiteral(".session-*.lock")}, QDir::Files | QDir::Hidden);
    for (const QString& name : names)
        files << dir.absoluteFilePath(name);
    return files;
}

// True when the process that wrote `lockPath` is still running (QLockFile's own stale test: process id,
// host name and application name). Leaves a live lock untouched; removes nothing.
bool isHeldByLiveProcess(const QString& lockPath)
{
    qint64 pid = 0;
    QString host;
    QString app;
    QLockFile probe(lockPath);
    if (!probe.getLockInfo(&pid, &host, &app))
        return false; // empty or unreadable: a session that died while writing its lock file
    if (pid == QCoreApplication::applicationPid())
        return true; // another Catalog of this very process
    probe.setStaleLockTime(0);
    if (probe.tryLock(0)) {
        // The owner is gone: QLockFile took the stale lock over. Give it back; the caller removes it.
        probe.unlock();
        return false;
    }
    return probe.error() == QLockFile::LockFailedError;
}

} // namespace

CatalogSession::CatalogSession() = default;

CatalogSession::~CatalogSession()
{
    end();
}

void CatalogSession::begin(const QString& catalogPath)
{
    end();
    m_stale.clear();
    for (const QString& file : sessionFiles(catalogPath)) {
        if (isHeldByLiveProcess(file))
            continue;
        m_stale << file;
        QFile::remove(file);
    }
    const QString path = QStringLiteral("%1.session-%2-%3.lock")
                             .arg(QFileInfo(catalogPath).absoluteFilePath())
                             .arg(QCoreApplication::applicationPid())
                             .arg(g_serial.fetch_add(1));
    auto lock = std::make_unique<QLockFile>(path);
    lock->setStaleLockTime(0);
    if (lock->tryLock(0))
        m_lock = std::move(lock);
}

void CatalogSession::end()
{
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
}

QStringList CatalogSession::liveSessions(const QString& catalogPath)
{
    QStringList live;
    for (const QString& file : sessionFiles(catalogPath))
        if (isHeldByLiveProcess(file))
            live << file;
    return live;
}

} // namespace kindred
