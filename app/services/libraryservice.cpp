#include "libraryservice.h"

#include "backgroundpriority.h"
#include "catalog.h"
#include "catalogbackup.h"
#include "catalogcheck.h"
#include "catalogsession.h"
#include "faceindexer.h"
#include "faceservice.h"
#include "finetuneservice.h"
#include "imageformat.h"
#include "librarypaths.h"
#include "namewriter.h"
#include "photorepository.h"
#include "sqlutil.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace kindred {

LibraryService::LibraryService(JobManager* jobs, QObject* parent) : QObject(parent), m_jobs(jobs)
{
    m_scanPool.setMaxThreadCount(1);
    m_scanPool.setExpiryTimeout(-1);
    m_readPool.setMaxThreadCount(1);
    m_readPool.setExpiryTimeout(-1); // keep the thread, and with it its catalog connection
    m_facePool.setMaxThreadCount(1);
    m_facePool.setExpiryTimeout(-1);
    m_checkPool.setMaxThreadCount(1);
    m_batchReload.setSingleShot(true);
    m_batchReload.setInterval(kBatchReloadMs);
    connect(&m_batchReload, &QTimer::timeout, this, &LibraryService::reloadPhotos);
    m_personaliseTimer.setSingleShot(true);
    connect(&m_personaliseTimer, &QTimer::timeout, this, &LibraryService::checkPersonalise);
    m_regroupTimer.setSingleShot(true);
    connect(&m_regroupTimer, &QTimer::timeout, this, &LibraryService::regroupAfterLabels);
}

LibraryService::~LibraryService()
{
    for (ScanJob* job : std::as_const(m_scans))
        job->control()->requestCancel();
    if (m_faceJob)
        m_faceJob->control()->requestCancel();
    if (m_finetuneJob)
        m_finetuneJob->control()->requestCancel();
    if (m_namesControl)
        m_namesControl->requestCancel();
    if (m_regroupCancel)
        m_regroupCancel->store(true);
    m_scanPool.waitForDone();
    m_facePool.waitForDone();
    m_readPool.waitForDone();
    m_checkPool.waitForDone();
    m_backups.setCatalog(QString()); // names changed since the last backup are backed up now
    m_backups.waitForIdle(600000);
}

LibraryPaths LibraryService::pathsFor(const QString& directory)
{
    const QString dir = directory.isEmpty() ? settingsLibraryDir() : directory;
    return dir.isEmpty() ? LibraryPaths::standard() : LibraryPaths(dir);
}

QString LibraryService::catalogPathFor(const QString& directory)
{
    return pathsFor(directory).catalogFile();
}

bool LibraryService::restoreBackup(const QString& catalogPath, const QString& backupPath, QString* keptAs,
                                   QString* error)
{
    if (!CatalogSession::liveSessions(catalogPath).isEmpty()) {
        if (error)
            *error = tr("The catalog is in use by another Kindred window or kindred-cli; close it first.");
        return false;
    }
    QString why;
    if (QFileInfo::exists(catalogPath) && CatalogCheck::run(catalogPath, CatalogCheck::Level::Quick).ok &&
        CatalogBackup::create(catalogPath, CatalogBackup::defaultDirectory(catalogPath),
                              CatalogBackup::Reason::Restore, &why)
            .isEmpty()) {
        // Today's catalog stays one restore away as well; without that copy nothing is replaced.
        if (error)
            *error =
                tr("The current catalog could not be backed up first (%1); nothing was changed.").arg(why);
        return false;
    }
    if (!CatalogBackup::restore(backupPath, catalogPath, keptAs, &why)) {
        if (error)
            *error = why;
        return false;
    }
    return true;
}

QString LibraryService::settingsLibraryDir()
{
    return QSettings().value(QStringLiteral("library/location")).toString();
}

bool LibraryService::isImageFileName(const QString& fileName)
{
    return ImageFormats::hasImageExtension(fileName) || ImageFormats::hasRawExtension(fileName);
}

bool LibraryService::open(const QString& directory, QString* error)
{
    const LibraryPaths paths = pathsFor(directory);
    QString why;
    if (!paths.ensureExists(&why)) {
        if (error)
            *error = tr("Cannot use the library folder %1: %2").arg(paths.root(), why);
        return false;
    }
    auto catalog = std::make_unique<Catalog>();
    catalog->setDeferCheck(true); // a clean start: checked on a worker below, writes wait for it
    m_lastCatalogPath = paths.catalogFile();
    m_damaged = false;
    if (!catalog->open(paths.catalogFile())) {
        m_damaged = catalog->isDamaged();
        m_lastProblems = catalog->lastCheck().problems;
        if (error && m_damaged)
            *error = tr("The catalog %1 is damaged (%2). Kindred has not changed it. Restore a backup to "
                        "go on where you were.")
                         .arg(QDir::toNativeSeparators(paths.catalogFile()),
                              catalog->lastCheck().problems.mid(0, 2).join(QStringLiteral("; ")));
        else if (error)
            *error = tr("Cannot open the catalog %1: %2").arg(paths.catalogFile(), catalog->errorString());
        return false;
    }
    for (ScanJob* job : std::as_const(m_scans))
        job->control()->requestCancel();
    m_catalog = std::move(catalog);
    m_root = paths.root();
    m_catalogPath = paths.catalogFile();
    m_thumbnailDir = paths.thumbnailDir();
    m_faceCropDir = paths.faceCropDir();
    m_paths = paths;
    if (m_faceJob)
        m_faceJob->control()->requestCancel();
    m_faceJobAgain = false;
    if (m_regroupCancel)
        m_regroupCancel->store(true);
    m_regroupTimer.stop();
    m_regroupAgain = false;
    m_photos.clear();
    m_rootsList.clear();
    ++m_generation;
    Q_EMIT opened(m_root);
    Q_EMIT photosLoaded();
    reloadPhotos();
    if (m_catalog->checkDeferred()) {
        const QString path = m_catalogPath;
        m_check = QtConcurrent::run(&m_checkPool, [path] {
            const CatalogCheck::Result r = Catalog::verify(path);
            return r.ok || r.couldNotCheck; // an I/O hiccup is not damage: the writes will say so if it stays
        });
    } else {
        m_check = QtFuture::makeReadyFuture(true);
    }
    const quint64 generation = m_generation;
    m_check.then(this, [this, generation](bool healthy) {
        if (generation != m_generation)
            return;
        if (healthy)
            startWritingWork();
        else
            stopAfterDamage();
    });
    return true;
}

void LibraryService::startWritingWork()
{
    m_backups.setCatalog(m_catalogPath);
    m_personaliseTimer.start(m_personaliseDelay); // names given elsewhere (kindred-cli) count too
    startOwedFaceWork();
}

void LibraryService::stopAfterDamage()
{
    // Found on a worker after a clean start: nothing more is written (writable() says no) and the family
    // is told; the next start runs the full check first (Catalog::verify left the marker) and offers the
    // backups.
    for (ScanJob* job : std::as_const(m_scans))
        job->control()->requestCancel();
    if (m_faceJob)
        m_faceJob->control()->requestCancel();
    m_damaged = true;
    Q_EMIT damagedWhileOpen(
        tr("Kindred found damage in its catalog %1 and stopped changing it. Start Kindred again to restore "
           "a backup.")
            .arg(QDir::toNativeSeparators(m_catalogPath)));
}

bool LibraryService::writable(QString* error) const
{
    if (!isOpen()) {
        if (error)
            *error = tr("No library is open.");
        return false;
    }
    if (m_check.isValid()) {
        QFuture<bool> check = m_check;
        check.waitForFinished(); // only right after start, while the check of a large catalog runs
        if (!check.result()) {
            if (error)
                *error = tr("The catalog is damaged; nothing was changed. Start Kindred again to restore a "
                            "backup.");
            return false;
        }
    }
    return true;
}

void LibraryService::startOwedFaceWork()
{
    // Two kinds of work the library owes without a new photo, both done by the face job in the background:
    // - detections the face check hid under a former, higher bar are shown again (FaceIndexer::
    //   showHiddenUnderFormerBar), and the library is then looked at whole for second boxes among them (also
    //   when a face job that showed them again stopped before that look);
    // - faces described by another network than the current choice (a new default, or the family's choice in
    //   Settings) are described again; until that is complete the old vectors keep serving
    //   (FaceIndexer::reembed).
    if (FaceIndexer::hiddenUnderFormerBar(m_catalogPath) || FaceIndexer::secondBoxLookOwed(m_catalogPath)) {
        indexFaces();
        return;
    }
    FaceIndexOptions options = m_faceOptions;
    if (options.modelsDir.isEmpty() && !FaceIndexJob::optionsFromSettings(&options, nullptr))
        return;
    const QString expected = FaceIndexer::expectedModelId(options);
    if (expected.isEmpty())
        return;
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath);
    if (SqlUtil::scalar(db,
                        QStringLiteral("SELECT EXISTS (SELECT 1 FROM faces WHERE model_id IS NOT "
                                       "NULL AND model_id <> ?)"),
                        {expected}, false)
            .toBool())
        indexFaces();
}

int LibraryService::addFolder(const QString& folder, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return -1;
    };
    QString why;
    if (!writable(&why))
        return fail(why);
    const QFileInfo info(folder);
    if (!info.exists())
        return fail(tr("%1 does not exist.").arg(QDir::toNativeSeparators(folder)));
    if (!info.isDir())
        return fail(tr("%1 is not a folder.").arg(QDir::toNativeSeparators(folder)));
    if (!info.isReadable() || !info.isExecutable())
        return fail(tr("%1 cannot be read (permission denied).").arg(QDir::toNativeSeparators(folder)));
    const QString path = info.canonicalFilePath();
    return startScan({path}, tr("Scanning %1").arg(info.fileName().isEmpty() ? path : info.fileName()));
}

int LibraryService::rescan(QString* error)
{
    if (!writable(error))
        return -1;
    if (m_rootsList.isEmpty()) {
        if (error)
            *error = tr("There are no folders to scan yet. Add a folder first.");
        return -1;
    }
    return startScan(m_rootsList, tr("Rescanning %n folder(s)", nullptr, int(m_rootsList.size())));
}

int LibraryService::startScan(const QStringList& roots, const QString& title)
{
    auto* job = new ScanJob(m_catalogPath, roots, this);
    const int id = m_jobs->addJob(QStringLiteral("scan"), title, job->control(), true);
    m_scans.insert(id, job);
    const quint64 generation = m_generation;
    connect(job, &ScanJob::started, this, [this, id] { m_jobs->setRunning(id); });
    connect(job, &ScanJob::progress, this, [this, id](int done, int total, const QString& path) {
        m_jobs->update(id, done, total, QDir::toNativeSeparators(path));
    });
    connect(job, &ScanJob::batchLanded, this, [this, generation] {
        if (generation != m_generation)
            return;
        Q_EMIT photosChanged();
        if (!m_batchReload.isActive()) {
            // The views diff and re-sort the whole list on each reload (~2.5 ms per 1000 photos): a large
            // library is refreshed less often while photos land (100k photos: every 4 s).
            m_batchReload.start(std::max(kBatchReloadMs, int(m_photos.size() / 25)));
        }
    });
    connect(job, &ScanJob::finished, this, [this, id, job, generation](const ScanOutcome& outcome) {
        m_scans.remove(id);
        job->deleteLater();
        m_jobs->addErrors(id, outcome.failures);
        const JobState state = !outcome.error.isEmpty() ? JobState::Failed
                               : outcome.cancelled      ? JobState::Cancelled
                                                        : JobState::Done;
        m_jobs->finish(id, state, ScanJob::summaryText(outcome));
        if (generation == m_generation) {
            Q_EMIT photosChanged();
            reloadPhotos();
        }
        Q_EMIT scanFinished(id, outcome);
        if (generation == m_generation && outcome.error.isEmpty() && !outcome.cancelled &&
            QSettings().value(QStringLiteral("jobs/indexFacesAfterScan"), true).toBool()) {
            QString why;
            if (indexFaces(&why) < 0) {
                // No models: say so once in the status area, as a failed job the user can read.
                const int failed = m_jobs->addJob(QStringLiteral("faces"), tr("Finding faces"), nullptr);
                m_jobs->finish(failed, JobState::Failed, why);
            }
        }
    });
    job->start(&m_scanPool);
    Q_EMIT scanStarted(id, roots);
    return id;
}

void LibraryService::reloadPhotos()
{
    if (!isOpen())
        return;
    if (m_loading) {
        m_reloadPending = true;
        return;
    }
    m_loading = true;
    m_reloadPending = false;
    const QString catalogPath = m_catalogPath;
    const quint64 generation = m_generation;
    QPointer<LibraryService> self(this);
    (void)QtConcurrent::run(&m_readPool, [self, catalogPath, generation]() {
        PhotoRepository repo(catalogPath);
        const QList<PhotoRecord> records = repo.photos(false);
        QList<LibraryPhoto> photos;
        photos.reserve(records.size());
        for (const PhotoRecord& r : records) {
            LibraryPhoto p;
            p.id = r.id;
            p.path = r.path;
            p.hash = r.hash;
            p.capturedAt = r.capturedAt;
            p.dateSource = r.dateSource;
            p.width = r.width;
            p.height = r.height;
            p.size = r.size;
            p.format = r.format;
            p.cameraMake = r.cameraMake;
            p.cameraModel = r.cameraModel;
            p.gpsLat = r.gpsLat;
            p.gpsLon = r.gpsLon;
            photos.append(std::move(p));
        }
        QStringList roots;
        {
            QSqlDatabase db = Catalog::connectionForThread(catalogPath);
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT path FROM roots ORDER BY path"))) {
                while (q.next())
                    roots.append(q.value(0).toString());
            }
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, photos = std::move(photos), roots, generation]() {
                if (self)
                    self->onLoaded(photos, roots, generation);
            },
            Qt::QueuedConnection);
    });
}

void LibraryService::onLoaded(const QList<LibraryPhoto>& photos, const QStringList& roots, quint64 generation)
{
    m_loading = false;
    if (generation == m_generation) {
        m_photos = photos;
        m_rootsList = roots;
        Q_EMIT photosLoaded();
    }
    if (m_reloadPending || generation != m_generation)
        reloadPhotos();
}

int LibraryService::indexFaces(QString* error)
{
    if (!writable(error))
        return -1;
    if (m_faceJob) {
        m_faceJobAgain = true;
        return m_faceJobId;
    }
    FaceIndexOptions options = m_faceOptions;
    if (options.modelsDir.isEmpty() && !FaceIndexJob::optionsFromSettings(&options, error))
        return -1;
    options.checkpointMs = m_interimFaceRefreshMs;
    auto* job = new FaceIndexJob(m_catalogPath, m_paths, options, this);
    const int id = m_jobs->addJob(QStringLiteral("faces"), tr("Finding faces"), job->control(), true);
    m_faceJob = job;
    m_faceJobId = id;
    m_faceJobAgain = false;
    const quint64 generation = m_generation;
    auto clock = std::make_shared<QElapsedTimer>();
    connect(job, &FaceIndexJob::started, this, [this, id, clock] {
        clock->start();
        m_jobs->setRunning(id);
    });
    connect(job, &FaceIndexJob::progress, this,
            [this, id, clock](int done, int total, int faces, const QString&) {
                m_jobs->update(
                    id, done, total,
                    FaceIndexJob::progressText(done, total, faces, double(clock->elapsed()) / 1000.0));
            });
    connect(job, &FaceIndexJob::reembedProgress, this, [this, id](int done, int total) {
        m_jobs->update(id, done, total, FaceIndexJob::reembedText(done, total));
    });
    connect(job, &FaceIndexJob::interimRefreshed, this, [this, generation](int, int) {
        if (generation == m_generation)
            Q_EMIT facesChanged();
    });
    connect(job, &FaceIndexJob::refreshing, this, [this, id] {
        const JobInfo info = m_jobs->job(id);
        m_jobs->update(id, info.done, info.total, tr("Grouping similar faces…"));
    });
    connect(job, &FaceIndexJob::finished, this, [this, id, job, generation](const FaceJobOutcome& outcome) {
        m_faceJob = nullptr;
        job->deleteLater();
        m_jobs->addErrors(id, outcome.failures);
        const JobState state = !outcome.error.isEmpty() ? JobState::Failed
                               : outcome.cancelled      ? JobState::Cancelled
                                                        : JobState::Done;
        m_jobs->finish(id, state, FaceIndexJob::summaryText(outcome));
        if (generation == m_generation)
            Q_EMIT facesChanged();
        Q_EMIT faceJobFinished(id, outcome);
        // Asked for again while it ran: for this library unless it stopped or failed; for a library opened
        // meanwhile (which stopped this job) in any case, or the work that library owes would wait for
        // another open.
        if (m_faceJobAgain && (generation != m_generation || (!outcome.cancelled && outcome.error.isEmpty())))
            indexFaces();
    });
    job->start(&m_facePool);
    Q_EMIT faceJobStarted(id);
    return id;
}

int LibraryService::personaliseFaces(QString* error)
{
    if (!writable(error))
        return -1;
    if (m_finetuneJob) {
        if (error)
            *error = tr("Face recognition is already being personalised.");
        return -1;
    }
    FinetuneOptions options;
    options.threads = QSettings().value(QStringLiteral("inference/threads"), 0).toInt();
    auto* job = new FinetuneJob(m_catalogPath, m_paths, options, this);
    const int id = m_jobs->addJob(QStringLiteral("finetune"), tr("Personalising face recognition"),
                                  job->control(), false);
    m_finetuneJob = job;
    const quint64 generation = m_generation;
    connect(job, &FinetuneJob::started, this, [this, id] { m_jobs->setRunning(id); });
    connect(job, &FinetuneJob::progress, this, [this, id](int epoch, int epochs, double loss, double) {
        m_jobs->update(id, epoch, epochs,
                       tr("Training round %1 of %2, loss %3").arg(epoch).arg(epochs).arg(loss, 0, 'f', 3));
    });
    connect(job, &FinetuneJob::finished, this, [this, id, job, generation](const FinetuneOutcome& outcome) {
        m_finetuneJob = nullptr;
        job->deleteLater();
        const JobState state = outcome.status == FinetuneStatus::Ok          ? JobState::Done
                               : outcome.status == FinetuneStatus::Cancelled ? JobState::Cancelled
                                                                             : JobState::Failed;
        m_jobs->finish(id, state, FinetuneJob::summaryText(outcome));
        if (generation == m_generation)
            Q_EMIT facesChanged();
    });
    job->start(&m_facePool);
    return id;
}

int LibraryService::writeNamesToFiles(bool intoFiles, QString* error)
{
    if (!writable(error))
        return -1;
    if (m_writingNames) {
        if (error)
            *error = tr("Names are already being written.");
        return -1;
    }
    auto control = std::make_shared<JobControl>();
    const int id = m_jobs->addJob(
        QStringLiteral("names"),
        intoFiles ? tr("Writing names into the photos") : tr("Writing names to sidecars"), control, false);
    m_writingNames = true;
    m_namesControl = control;
    const QString catalogPath = m_catalogPath;
    const quint64 generation = m_generation;
    // The scan pool is waited for in the destructor, and Qt drops queued calls to a deleted receiver.
    LibraryService* self = this;
    (void)QtConcurrent::run(&m_scanPool, [self, id, control, catalogPath, intoFiles, generation] {
        BackgroundPriority::lowerCurrentThread();
        QMetaObject::invokeMethod(self, [self, id] { self->m_jobs->setRunning(id); });
        NameWriteSummary s;
        {
            NameWriter writer(catalogPath);
            NameWriteOptions options;
            options.intoFiles = intoFiles;
            QElapsedTimer sinceUpdate;
            sinceUpdate.start();
            s = writer.run(
                options,
                [&](int done, int total, const QString& path) {
                    if (done > 0 && done < total && sinceUpdate.elapsed() < 100)
                        return;
                    sinceUpdate.restart();
                    QMetaObject::invokeMethod(self, [self, id, done, total, path] {
                        self->m_jobs->update(id, done, total, QFileInfo(path).fileName());
                    });
                },
                control->cancelFlag());
        }
        Catalog::closeThreadConnection(catalogPath);
        QMetaObject::invokeMethod(self, [self, id, s, generation] {
            self->m_writingNames = false;
            self->m_namesControl.reset();
            QList<JobError> errors;
            for (const NameWriteFailure& f : s.failures)
                errors.append(JobError{f.path, f.reason});
            if (!errors.isEmpty())
                self->m_jobs->addErrors(id, errors);
            QString text;
            JobState state = JobState::Done;
            if (!s.error.isEmpty()) {
                state = JobState::Failed;
                text = tr("Writing names failed: %1").arg(s.error);
            } else {
                text = tr("Names written to %n photo(s)", nullptr, s.written);
                if (s.unchanged > 0)
                    text += QStringLiteral(", ") + tr("%n already up to date", nullptr, s.unchanged);
                if (s.failed > 0)
                    text += QStringLiteral(", ") + tr("%n could not be written", nullptr, s.failed);
                if (s.cancelled)
                    state = JobState::Cancelled;
            }
            self->m_jobs->finish(id, state, text);
            if (generation == self->m_generation) {
                self->reloadPhotos(); // sizes and content hashes of photos written into changed
                Q_EMIT self->namesWritten(id, s.written, s.failed);
            }
        });
    });
    return id;
}

void LibraryService::labelsChanged()
{
    if (!isOpen())
        return;
    m_personaliseTimer.start(m_personaliseDelay);
    m_regroupTimer.start(m_regroupDelay);
    m_backups.labelsChanged();
}

void LibraryService::regroupAfterLabels()
{
    if (!isOpen())
        return;
    if (!m_check.isFinished() || m_regrouping || !m_scans.isEmpty()) {
        // After the catalog check; one regrouping at a time; a scan's face job regroups anyway.
        if (m_regrouping)
            m_regroupAgain = true;
        else
            m_regroupTimer.start(m_regroupDelay);
        return;
    }
    if (!m_check.result())
        return; // damaged: nothing is written
    if (m_faceJob || m_finetuneJob) {
        m_regroupTimer.start(m_regroupDelay); // both regroup when they end; ask again after them
        return;
    }
    m_regrouping = true;
    m_regroupAgain = false;
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_regroupCancel = cancel;
    const QString catalogPath = m_catalogPath;
    const LibraryPaths paths = m_paths;
    const quint64 generation = m_generation;
    // On the face job's thread (low priority, one at a time with face jobs and fine-tuning); the destructor
    // waits for that pool, so `this` outlives the worker.
    (void)QtConcurrent::run(&m_facePool, [this, catalogPath, paths, generation, cancel] {
        BackgroundPriority::lowerCurrentThread();
        FaceService faces(catalogPath, paths);
        FaceRefreshSummary summary;
        const bool ok = faces.refresh(faces.libraryOptions(), &summary, cancel.get()) && !summary.cancelled;
        if (!ok && !summary.cancelled)
            qWarning("regrouping after a label change failed: %s", qPrintable(faces.errorString()));
        Catalog::closeThreadConnection(catalogPath);
        QMetaObject::invokeMethod(this, [this, ok, generation, suggestions = summary.suggestions] {
            m_regrouping = false;
            if (m_regroupAgain) { // changes made meanwhile (in this library or one opened since)
                m_regroupAgain = false;
                m_regroupTimer.start(m_regroupDelay);
            }
            if (generation != m_generation)
                return;
            Q_EMIT facesChanged();
            Q_EMIT regrouped(ok, suggestions);
        });
    });
}

void LibraryService::checkPersonalise()
{
    if (!isOpen() || !QSettings().value(QStringLiteral("jobs/personaliseAutomatically"), true).toBool()) {
        Q_EMIT personaliseChecked(false);
        return;
    }
    const auto busy = [this] { return !m_scans.isEmpty() || m_faceJob || m_finetuneJob; };
    if (busy() || m_checkingPersonalise) {
        m_personaliseTimer.start(m_personaliseDelay); // ask again when the other work is over
        return;
    }
    m_checkingPersonalise = true;
    const QString catalogPath = m_catalogPath;
    const LibraryPaths paths = m_paths;
    const quint64 generation = m_generation;
    // The read pool is waited for in the destructor, so `this` outlives the worker.
    (void)QtConcurrent::run(&m_readPool, [this, catalogPath, paths, generation, busy] {
        const bool due = FinetuneService(catalogPath, paths).shouldRun();
        QMetaObject::invokeMethod(
            this,
            [this, due, generation, busy] {
                m_checkingPersonalise = false;
                if (generation != m_generation)
                    return;
                if (due && busy()) {
                    m_personaliseTimer.start(m_personaliseDelay);
                    return;
                }
                Q_EMIT personaliseChecked(due && personaliseFaces() >= 0);
            },
            Qt::QueuedConnection);
    });
}

bool LibraryService::waitForIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_scans.isEmpty() || m_faceJob || m_finetuneJob || m_checkingPersonalise || m_writingNames ||
           m_regrouping || m_regroupTimer.isActive() || m_loading || m_reloadPending ||
           m_batchReload.isActive()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

} // namespace kindred
