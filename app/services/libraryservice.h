#pragma once

#include "backupservice.h"
#include "faceindexjob.h"
#include "finetunejob.h"
#include "jobmanager.h"
#include "librarypaths.h"
#include "scanjob.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>
#include <memory>
#include <optional>

namespace kindred {

class Catalog;

// A catalogued photo as the GUI needs it (the library's PhotoRecord, without library/ types).
struct LibraryPhoto {
    qint64 id = 0;
    QString path;
    QString hash;       // content hash: the thumbnail cache key
    QString capturedAt; // "yyyy-MM-ddTHH:mm:ss" camera local time; empty when unknown
    QString dateSource; // exif-original, ..., file-mtime
    int width = 0;      // displayed size (orientation applied)
    int height = 0;
    qint64 size = 0; // bytes
    QString format;  // "jpeg", ...
    QString cameraMake;
    QString cameraModel;
    std::optional<double> gpsLat;
    std::optional<double> gpsLon;
};

// The photo library for the GUI: opens the catalog, turns folders into watched roots and scans them on a
// worker thread (one scan at a time, queued), registers each scan with the JobManager and loads the photo
// list off the GUI thread. Lives on the GUI thread.
//
// Settings (QSettings): "library/location" (empty = LibraryPaths::standard()).
class LibraryService : public QObject {
    Q_OBJECT
public:
    explicit LibraryService(JobManager* jobs, QObject* parent = nullptr);
    ~LibraryService() override;

    // Opens the library in `directory` (empty = the settings' choice, else the standard location).
    // Returns false with a readable message.
    bool open(const QString& directory, QString* error);
    bool isOpen() const { return m_catalog != nullptr; }
    // The last open() failed because the catalog is damaged: the app offers a backup (restoreBackup()).
    bool lastOpenFoundDamage() const { return m_damaged; }
    QString lastOpenCatalogPath() const { return m_lastCatalogPath; }
    QStringList lastOpenProblems() const { return m_lastProblems; } // what SQLite's check found

    // The library in `directory` (empty = the settings' choice, else the standard place), and its catalog.
    static LibraryPaths pathsFor(const QString& directory);
    static QString catalogPathFor(const QString& directory);
    // The check of the catalog opened last (true = healthy): after a clean end it runs on a worker right
    // after open(), and every write of the service waits for it (writable()); the GUI's naming actions do
    // the same (PeopleController). Ready at once when open() checked already (after an unclean end).
    QFuture<bool> catalogCheck() const { return m_check; }
    // Automatic and manual backups of the open catalog (docs/reliability.md).
    BackupService* backups() { return &m_backups; }
    // Replaces a catalog that is not open in any process with a backup: a healthy current catalog is
    // backed up first ("before-restore"), then CatalogBackup::restore (the replaced file is kept beside it).
    // Used at start-up (a damaged catalog, or a restore the family asked for in Settings, which restarts
    // Kindred to do it). False with a readable *error.
    static bool restoreBackup(const QString& catalogPath, const QString& backupPath, QString* keptAs,
                              QString* error);
    // Settings key: a backup to restore before the library is opened at the next start.
    static QString pendingRestoreKey() { return QStringLiteral("library/pendingRestore"); }
    QString libraryRoot() const { return m_root; }
    QString catalogPath() const { return m_catalogPath; }
    QString thumbnailDir() const { return m_thumbnailDir; }
    QString faceCropDir() const { return m_faceCropDir; }
    static QString settingsLibraryDir(); // QSettings "library/location"
    // True when the file name has an extension the scanner catalogues (jpg, png, heic, camera RAW, ...).
    static bool isImageFileName(const QString& fileName);

    // Adds `folder` as a watched root and starts scanning it. Returns the job id, or -1 with *error set
    // (not a folder, not readable, library not open).
    int addFolder(const QString& folder, QString* error = nullptr);
    // Scans every watched root again. Returns the job id or -1 (*error: no folders yet, not open).
    int rescan(QString* error = nullptr);
    // While a scan runs, the photo list is reloaded at most this often (the grid fills progressively); a
    // library of more than 25 000 photos waits 1 ms per 25 photos instead.
    static constexpr int kBatchReloadMs = 1000;
    // Folders being scanned or waiting.
    bool isScanning() const { return !m_scans.isEmpty(); }

    // Loads the photo list (present photos, ordered by path) and the roots on a worker; photosLoaded()
    // delivers them. Calls made while a load runs are coalesced into one more load.
    void reloadPhotos();
    const QList<LibraryPhoto>& photos() const { return m_photos; }
    QStringList roots() const { return m_rootsList; }
    // Waits (tests, shutdown) until scans, face jobs and loads are over. Returns false on timeout.
    bool waitForIdle(int timeoutMs);

    LibraryPaths paths() const { return m_paths; }

    // Finds faces in the photos that need it (FaceIndexer), then recomputes clusters and suggestions
    // (FaceService::refresh), as one background job "faces" on a low-priority worker. One face job at a
    // time: a request while one runs makes it run once more afterwards. Returns the job id (the running
    // one when queued), or -1 with *error set (no library, no models).
    // After every scan that was not cancelled this runs by itself when the setting
    // "jobs/indexFacesAfterScan" (default true) is on.
    int indexFaces(QString* error = nullptr);
    bool isIndexingFaces() const { return m_faceJob != nullptr; }
    int faceJobId() const { return m_faceJobId; }
    // While a face job runs, the faces found so far are grouped this often and facesChanged() is emitted,
    // so that Unknown faces and Suggestions fill during a long first indexing (0 = only at the end).
    static constexpr int kInterimFaceRefreshMs = 120000;
    void setInterimFaceRefresh(int ms) { m_interimFaceRefreshMs = ms; }
    // Fine-tunes the face embedding on the family's confirmed faces (FinetuneJob, job kind "finetune"),
    // queued behind a running face job on the same low-priority thread. Returns the job id or -1.
    int personaliseFaces(QString* error = nullptr);
    bool isFinetuning() const { return m_finetuneJob != nullptr; }
    // Writes the family's names into the photos' XMP (NameWriter, job kind "names"): sidecars next to the
    // photos, or into the photos themselves when intoFiles (only at the family's explicit request). Runs on
    // the scan thread, so never at the same time as a scan of those files; cancellable. Returns the job id
    // or -1 with *error set (no library, a write already running).
    int writeNamesToFiles(bool intoFiles, QString* error = nullptr);
    bool isWritingNames() const { return m_writingNames; }

    // Labels changed (named, confirmed, rejected, merged, ...; the GUI's people actions call this; it also
    // starts the naming backup's quiet period, BackupService). open() starts the same check once for
    // changes made elsewhere, e.g. with kindred-cli. After a quiet period of
    // personaliseDelay() the service asks FinetuneService::shouldRun() off the GUI thread (enough people,
    // at least FinetuneService::kNewConfirmedFacesToRun confirmed faces since the last run) and, when a
    // run is due and the setting "jobs/personaliseAutomatically" (default true) is on, starts
    // personaliseFaces(). Scans, a face job or a running fine-tuning postpone the check; more changes
    // restart the quiet period.
    void labelsChanged();
    // After label changes and a short quiet period, the unknown faces are grouped and suggested again
    // (FaceService::refresh, incremental, on the face job's low-priority thread; facesChanged() follows), so
    // that the faces of a person just named are offered as suggestions without a new face job. A face job or
    // fine-tuning that is running postpones it (both regroup when they end); more changes restart the period.
    static constexpr int kRegroupDelayMs = 1500;
    void setRegroupDelay(int ms) { m_regroupDelay = ms; }
    bool isRegrouping() const { return m_regrouping; }
    static constexpr int kPersonaliseDelayMs = 60000;
    void setPersonaliseDelay(int ms) { m_personaliseDelay = ms; }
    int personaliseDelay() const { return m_personaliseDelay; }
    // For tests and the CLI-less GUI: the options the next face job uses (empty modelsDir = from settings).
    void setFaceIndexOptions(const FaceIndexOptions& options) { m_faceOptions = options; }

Q_SIGNALS:
    void opened(const QString& root);
    // The check that runs after a clean start found damage: nothing more is written (message for a family).
    void damagedWhileOpen(const QString& message);
    void photosChanged(); // the catalog changed (a scan batch landed); a reload follows automatically
    void photosLoaded();  // photos() and roots() are new
    void scanStarted(int jobId, const QStringList& roots);
    void scanFinished(int jobId, const kindred::ScanOutcome& outcome);
    void faceJobStarted(int jobId);
    // A face job ended; faces, clusters and suggestions may have changed (people views refresh).
    void faceJobFinished(int jobId, const kindred::FaceJobOutcome& outcome);
    void facesChanged();
    // The automatic fine-tuning check ran: `started` = a run was due and began (personaliseFaces()).
    void personaliseChecked(bool started);
    void regrouped(bool ok, int suggestions); // after labelsChanged()'s regrouping
    // A names-to-files job ended (the summary line is the job's message).
    void namesWritten(int jobId, int written, int failed);

private:
    // Starts the face job when the library owes work that needs no new photo: vectors from another network
    // than the current choice, or detections hidden under a former bar of the face check.
    void startOwedFaceWork();
    void checkPersonalise();
    void regroupAfterLabels();
    // After the catalog check: backups, the personalisation check and the face work the library owes.
    void startWritingWork();
    void stopAfterDamage();
    // Open and not found damaged (waits for the check of a clean start while it still runs).
    bool writable(QString* error) const;

    int startScan(const QStringList& roots, const QString& title);
    void onLoaded(const QList<LibraryPhoto>& photos, const QStringList& roots, quint64 generation);

    JobManager* m_jobs;
    BackupService m_backups;
    std::unique_ptr<Catalog> m_catalog;
    bool m_damaged = false;
    QString m_lastCatalogPath;
    QStringList m_lastProblems;
    QString m_root;
    QString m_catalogPath;
    QString m_thumbnailDir;
    QString m_faceCropDir;
    LibraryPaths m_paths;
    QThreadPool m_facePool;  // one low-priority thread: face jobs
    QThreadPool m_checkPool; // the catalog check after a clean start
    QFuture<bool> m_check;
    FaceIndexJob* m_faceJob = nullptr;
    int m_faceJobId = 0;
    bool m_faceJobAgain = false;
    int m_interimFaceRefreshMs = kInterimFaceRefreshMs;
    FinetuneJob* m_finetuneJob = nullptr;
    QTimer m_personaliseTimer; // the quiet period after label changes
    int m_personaliseDelay = kPersonaliseDelayMs;
    bool m_checkingPersonalise = false;
    QTimer m_regroupTimer; // the quiet period before regrouping after label changes
    int m_regroupDelay = kRegroupDelayMs;
    bool m_regrouping = false;
    bool m_regroupAgain = false;
    std::shared_ptr<std::atomic_bool> m_regroupCancel;
    bool m_writingNames = false;
    std::shared_ptr<JobControl> m_namesControl;
    FaceIndexOptions m_faceOptions;
    QThreadPool m_scanPool; // one thread: scans run one after the other
    QThreadPool m_readPool; // one thread: catalog reads for the GUI
    QMap<int, ScanJob*> m_scans;
    QList<LibraryPhoto> m_photos;
    QStringList m_rootsList;
    QTimer m_batchReload; // coalesces reloads while a scan lands batches (at most one a second)
    bool m_loading = false;
    bool m_reloadPending = false;
    quint64 m_generation = 0; // bumped by open(): results of an older library are dropped
};

} // namespace kindred
