#include "faceindexjob.h"

#include "backgroundpriority.h"
#include "catalog.h"
#include "faceservice.h"
#include "modellocator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace kindred {

FaceIndexJob::FaceIndexJob(const QString& catalogPath, const LibraryPaths& paths,
                           const FaceIndexOptions& options, QObject* parent)
    : QObject(parent), m_catalogPath(catalogPath), m_paths(paths), m_options(options),
      m_control(std::make_shared<JobControl>())
{
    qRegisterMetaType<kindred::FaceJobOutcome>();
}

FaceIndexJob::~FaceIndexJob()
{
    m_control->requestCancel();
}

bool FaceIndexJob::optionsFromSettings(FaceIndexOptions* options, QString* error)
{
    const QSettings s;
    const ModelLocator locator(s.value(QStringLiteral("models/folder")).toString());
    const QString pack = locator.findDefaultPack();
    if (pack.isEmpty()) {
        if (error)
            *error = locator.missingMessage();
        return false;
    }
    options->modelsDir = pack;
    options->device = s.value(QStringLiteral("inference/device"), QStringLiteral("auto")).toString();
    options->threads = s.value(QStringLiteral("inference/threads"), 0).toInt();
    options->minFaceSize = s.value(QStringLiteral("faces/minFaceSize"), 20).toInt();
    const QString embedder = chosenEmbedder(s);
    if (!embedder.isEmpty())
        options->embedderModel = embedder;
    options->embedderFile = s.value(QStringLiteral("models/embedderFile")).toString();
    return true;
}

void FaceIndexJob::start(QThreadPool* pool)
{
    Q_ASSERT(!m_running);
    m_running = true;
    const QString catalogPath = m_catalogPath;
    const LibraryPaths paths = m_paths;
    const FaceIndexOptions options = m_options;
    std::shared_ptr<JobControl> control = m_control;
    // Queued calls to a deleted job are discarded by Qt; LibraryService deletes a job only after
    // finished() or after waiting for the pool.
    FaceIndexJob* job = this;
    auto post = [job](auto&& fn) {
        QMetaObject::invokeMethod(
            job, [job, fn = std::forward<decltype(fn)>(fn)]() { fn(job); }, Qt::QueuedConnection);
    };

    (void)QtConcurrent::run(pool, [catalogPath, paths, options, control, post]() {
        BackgroundPriority::lowerCurrentThread();
        post([](FaceIndexJob* j) { Q_EMIT j->started(); });
        FaceJobOutcome out;
        QElapsedTimer clock;
        clock.start();
        {
            FaceIndexer indexer(catalogPath, paths, options);
            QString error;
            if (!indexer.prepare(&error)) {
                out.error = error;
            } else {
                QElapsedTimer sinceEmit;
                sinceEmit.start();
                const FaceIndexSummary summary = indexer.run(
                    [&](const FaceIndexProgress& p) {
                        const bool last =
                            p.reembedding ? p.facesDone == p.facesTotal : p.photosDone == p.photosTotal;
                        if (sinceEmit.elapsed() < kProgressIntervalMs && !last)
                            return;
                        sinceEmit.restart();
                        if (p.reembedding)
                            post([p](FaceIndexJob* j) {
                                Q_EMIT j->reembedProgress(p.facesDone, p.facesTotal);
                            });
                        else
                            post([p](FaceIndexJob* j) {
                                Q_EMIT j->progress(p.photosDone, p.photosTotal, p.facesFound, p.currentPath);
                            });
                    },
                    control->cancelFlag(), control->pauseFlag(),
                    [&] {
                        // Group what is there so far (new faces join the existing clusters).
                        FaceService faces(catalogPath, paths);
                        FaceRefreshSummary interim;
                        if (faces.refresh(faces.libraryOptions(), &interim, control->cancelFlag()) &&
                            !interim.cancelled)
                            post([interim](FaceIndexJob* j) {
                                Q_EMIT j->interimRefreshed(interim.clusters, interim.suggestions);
                            });
                    });
                out.photosTotal = summary.photosTotal;
                out.photosDone = summary.photosDone;
                out.facesFound = summary.facesFound;
                out.notFaces = summary.notFaces;
                out.shownAgain = summary.shownAgain;
                out.namedFromFiles = summary.namedFromFiles;
                out.failed = summary.failed;
                out.cancelled = summary.cancelled || control->cancelRequested();
                out.error = summary.error;
                for (const FaceIndexFailure& f : summary.failures)
                    out.failures.append(JobError{f.path, f.reason});
            }
        }
        // Clusters and suggestions from the new faces; not after a fatal error or a cancel (closing the
        // app cancels every job; the next run refreshes).
        if (out.error.isEmpty() && !out.cancelled) {
            post([](FaceIndexJob* j) { Q_EMIT j->refreshing(); });
            FaceService faces(catalogPath, paths);
            FaceRefreshSummary refreshed;
            const bool ok = faces.refresh(faces.libraryOptions(), &refreshed, control->cancelFlag());
            if (control->cancelRequested() || refreshed.cancelled) {
                out.cancelled = true;
            } else if (ok) {
                out.refreshed = true;
                out.clusters = refreshed.clusters;
                out.unknownFaces = refreshed.unknownFaces;
                out.suggestions = refreshed.suggestions;
            } else {
                out.failures.append(
                    JobError{QString(), tr("Grouping the faces failed: %1").arg(faces.errorString())});
            }
        }
        Catalog::closeThreadConnection(catalogPath);
        out.seconds = double(clock.elapsed()) / 1000.0;
        post([out](FaceIndexJob* j) {
            j->m_running = false;
            Q_EMIT j->finished(out);
        });
    });
}

QString FaceIndexJob::chosenEmbedder(const QSettings& settings)
{
    return FaceIndexer::chosenModel(settings.value(QStringLiteral("models/embedder")).toString(),
                                    settings.value(QStringLiteral("models/embedderChosen")).toBool());
}

QString FaceIndexJob::reembedText(int done, int total)
{
    return tr("Updating face recognition (better with turned faces): %1 of %2 faces, names kept")
        .arg(done)
        .arg(total);
}

QString FaceIndexJob::progressText(int done, int total, int faces, double elapsedSeconds)
{
    QString text = tr("%n face(s) found", nullptr, faces);
    if (done > 0 && elapsedSeconds > 0.5) {
        const double rate = done / elapsedSeconds;
        text += QStringLiteral(" · ") + tr("%1 photos/s").arg(rate, 0, 'f', rate < 10 ? 1 : 0);
        if (total > done) {
            const int left = int(std::ceil((total - done) / rate));
            text += QStringLiteral(" · ") + (left < 90 ? tr("about %n s left", nullptr, left)
                                                       : tr("about %n min left", nullptr, (left + 30) / 60));
        }
    }
    return text;
}

QString FaceIndexJob::summaryText(const FaceJobOutcome& o)
{
    if (!o.error.isEmpty())
        return tr("Finding faces failed: %1").arg(o.error);
    QStringList parts;
    // A run that only showed hidden detections again (a library opened after the check's bar was lowered), or
    // only hid what it already had (second boxes among them, the look a stopped run owed; faces of a library
    // from before the check), says that, not "0 photos looked at, 0 faces found".
    const bool foundPart =
        o.cancelled || o.photosDone > 0 || o.facesFound > 0 || (o.shownAgain == 0 && o.notFaces == 0);
    if (foundPart) {
        QString found = o.cancelled ? tr("Stopped after %n photo(s)", nullptr, o.photosDone)
                                    : tr("%n photo(s) looked at", nullptr, o.photosDone);
        found += QStringLiteral(", ") + tr("%n face(s) found", nullptr, o.facesFound);
        if (o.notFaces > 0)
            found += QStringLiteral(" ") + tr("(%n more kept out as not faces)", nullptr, o.notFaces);
        parts.append(found);
    }
    if (o.shownAgain > 0)
        parts.append(
            tr("%n face(s) the face check had hidden are back under Maybe not faces", nullptr, o.shownAgain));
    if (!foundPart && o.notFaces > 0) // e.g. second boxes among the faces shown again
        parts.append(tr("%n kept out as not faces", nullptr, o.notFaces));
    QString text = parts.join(QStringLiteral(", "));
    if (o.namedFromFiles > 0)
        text += QStringLiteral(", ") + tr("%n named from the photos' own tags", nullptr, o.namedFromFiles);
    if (o.refreshed) {
        text += QStringLiteral(", ") + tr("%n group(s) of unknown faces", nullptr, o.clusters);
        if (o.suggestions > 0)
            text += QStringLiteral(", ") + tr("%n suggestion(s)", nullptr, o.suggestions);
    }
    if (o.failed > 0)
        text += QStringLiteral(", ") + tr("%n could not be read", nullptr, o.failed);
    return text;
}

} // namespace kindred
