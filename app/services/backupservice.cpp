#include "backupservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace kindred {

BackupService::BackupService(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_quiet.setSingleShot(true);
    m_quiet.setInterval(kNamingQuietMs);
    connect(&m_quiet, &QTimer::timeout, this, &BackupService::flush);
    m_daily.setInterval(kDailyCheckMs);
    connect(&m_daily, &QTimer::timeout, this, &BackupService::checkDaily);
}

BackupService::~BackupService()
{
    flush();
    m_pool.waitForDone();
}

QString BackupService::directory() const
{
    return m_catalogPath.isEmpty() ? QString() : CatalogBackup::defaultDirectory(m_catalogPath);
}

QList<CatalogBackup::Info> BackupService::backups() const
{
    return m_catalogPath.isEmpty() ? QList<CatalogBackup::Info>{} : CatalogBackup::list(directory());
}

void BackupService::setCatalog(const QString& catalogPath)
{
    flush();
    m_catalogPath = catalogPath;
    m_namesDirty = false;
    m_quiet.stop();
    if (m_catalogPath.isEmpty()) {
        m_daily.stop();
        return;
    }
    m_daily.start();
    checkDaily();
}

void BackupService::labelsChanged()
{
    if (m_catalogPath.isEmpty())
        return;
    m_namesDirty = true;
    m_quiet.start();
}

void BackupService::checkDaily()
{
    start(CatalogBackup::Reason::Daily, kDailyAgeSecs);
}

void BackupService::backupNow()
{
    start(CatalogBackup::Reason::Manual, -1);
}

void BackupService::flush()
{
    m_quiet.stop();
    if (!m_namesDirty || m_catalogPath.isEmpty())
        return;
    m_namesDirty = false;
    start(CatalogBackup::Reason::Names, -1);
}

bool BackupService::waitForIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_running > 0 && !deadline.hasExpired()) {
        m_pool.waitForDone(50);
        QCoreApplication::processEvents();
    }
    return m_running == 0;
}

void BackupService::start(CatalogBackup::Reason reason, qint64 minAgeSecs)
{
    if (m_catalogPath.isEmpty())
        return;
    ++m_running;
    const QString catalog = m_catalogPath;
    QPointer<BackupService> self(this);
    QThreadPool* pool = &m_pool;
    (void)QtConcurrent::run(pool, [self, catalog, reason, minAgeSecs] {
        QString error;
        const QString path = backupIfDue(catalog, reason, minAgeSecs, &error);
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, path, error] {
                BackupService* service = self.data();
                if (service == nullptr)
                    return;
                --service->m_running;
                if (!path.isEmpty() || !error.isEmpty())
                    Q_EMIT service->backupFinished(path, error);
            },
            Qt::QueuedConnection);
    });
}

QList<BackupEntry> BackupService::entriesFor(const QString& catalogPath)
{
    QList<BackupEntry> entries;
    for (const CatalogBackup::Info& info :
         CatalogBackup::list(CatalogBackup::defaultDirectory(catalogPath))) {
        BackupEntry e;
        e.path = info.path;
        e.created = info.created;
        e.bytes = info.bytes;
        e.manual = info.reason == CatalogBackup::Reason::Manual;
        switch (info.reason) {
        case CatalogBackup::Reason::Manual:
            e.reason = tr("Made by you");
            break;
        case CatalogBackup::Reason::Daily:
            e.reason = tr("Daily");
            break;
        case CatalogBackup::Reason::Names:
            e.reason = tr("After naming");
            break;
        case CatalogBackup::Reason::Upgrade:
            e.reason = tr("Before an update of Kindred");
            break;
        case CatalogBackup::Reason::Model:
            e.reason = tr("Before a new face model");
            break;
        case CatalogBackup::Reason::Finetune:
            e.reason = tr("Before personalisation");
            break;
        case CatalogBackup::Reason::Restore:
            e.reason = tr("Before a restore");
            break;
        }
        const CatalogBackup::Contents contents = CatalogBackup::contents(info.path);
        e.readable = contents.ok;
        e.photos = contents.photos;
        e.people = contents.people;
        e.namedFaces = contents.namedFaces;
        entries << e;
    }
    return entries;
}

QString BackupService::backupIfDue(const QString& catalogPath, CatalogBackup::Reason reason,
                                   qint64 minAgeSecs, QString* error)
{
    const QString dir = CatalogBackup::defaultDirectory(catalogPath);
    if (minAgeSecs >= 0) {
        const QList<CatalogBackup::Info> existing = CatalogBackup::list(dir);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!existing.isEmpty() && existing.first().created.secsTo(now) < minAgeSecs)
            return {};
    }
    // Counting reads the catalog (half a second at 100,000 photos): only once a backup is due.
    if (reason == CatalogBackup::Reason::Daily && CatalogBackup::contents(catalogPath).photos == 0)
        return {}; // nothing to keep yet
    return CatalogBackup::create(catalogPath, dir, reason, error);
}

} // namespace kindred
