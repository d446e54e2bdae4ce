#pragma once

#include "catalogbackup.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>

namespace kindred {

// A backup as the GUI lists it (plain values: ui/ does not see library/ types).
struct BackupEntry {
    QString path;
    QDateTime created; // UTC
    QString reason;    // what made it, in words for a family (translated)
    bool manual = false;
    qint64 bytes = 0;
    qint64 photos = 0;
    qint64 people = 0;
    qint64 namedFaces = 0;
    bool readable = false; // its contents could be read (a damaged backup is still listed)
};

// Automatic backups of the open catalog (docs/reliability.md), made with CatalogBackup on a worker thread
// of their own (a large catalog takes seconds):
// - daily while the library is used: at open and every hour, when the newest backup is older than
//   kDailyAgeSecs;
// - after a naming session: kNamingQuietMs after the last change of names (more changes restart the wait),
//   and when the library is closed with changes not backed up yet;
// - on request ("Back up now" in Settings, kindred-cli backup).
// Backups before a schema upgrade, a move to another network and a fine-tuning adoption are made where
// those happen (Catalog, FaceIndexer, FinetuneService). Lives on the GUI thread.
class BackupService : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kDailyAgeSecs = 20 * 3600;
    static constexpr int kNamingQuietMs = 120000;
    static constexpr int kDailyCheckMs = 3600 * 1000;
    // kindred-cli: a naming command backs up when the newest backup is older than this.
    static constexpr qint64 kCliNamingAgeSecs = 600;

    explicit BackupService(QObject* parent = nullptr);
    ~BackupService() override;

    // The catalog whose backups are kept (empty: none). Finishes the previous catalog's naming backup
    // first, then checks the daily one of the new catalog.
    void setCatalog(const QString& catalogPath);
    QString catalogPath() const { return m_catalogPath; }
    QString directory() const;
    QList<CatalogBackup::Info> backups() const;

    void labelsChanged();
    void checkDaily();
    // A manual backup now; backupFinished() reports it.
    void backupNow();
    // Makes the naming backup now when names changed since the last backup (closing, tests).
    void flush();
    bool isBusy() const { return m_running > 0; }
    bool waitForIdle(int timeoutMs);
    void setNamingQuietPeriod(int ms) { m_quiet.setInterval(ms); }

    // The backups of the catalog at `catalogPath`, newest first, with what each holds (reads every backup:
    // call it off the GUI thread for large libraries, or when the family asks to see them).
    static QList<BackupEntry> entriesFor(const QString& catalogPath);
    // Makes a backup of `catalogPath` for `reason` unless one no older than minAgeSecs exists in its
    // folder. Returns the new backup's path, empty when none was due or it failed (then *error is set).
    static QString backupIfDue(const QString& catalogPath, CatalogBackup::Reason reason, qint64 minAgeSecs,
                               QString* error);

Q_SIGNALS:
    // path is empty when the backup failed (error says why, in a family's words from CatalogBackup).
    void backupFinished(const QString& path, const QString& error);

private:
    void start(CatalogBackup::Reason reason, qint64 minAgeSecs);

    QString m_catalogPath;
    QThreadPool m_pool; // one thread: backups one after the other
    QTimer m_quiet;
    QTimer m_daily;
    bool m_namesDirty = false;
    int m_running = 0;
};

} // namespace kindred
