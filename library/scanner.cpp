#include "scanner.h"

#include "catalog.h"
#include "fileidentity.h"
#include "imagedecoder.h"
#include "imageformat.h"
#include "metadatareader.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <future>
#include <map>
#include <memory>
#include <set>
#include <utility>
#include <vector>
#include <xxhash.h>

#ifndef Q_OS_WIN
#include <dirent.h>
#endif

namespace kindred {

namespace {

struct Candidate {
    QString path;
    QByteArray native;
    qint64 size = 0;
    qint64 mtimeNs = 0;
    QString walkFailure;       // set when the walk already knows the file cannot be catalogued
    bool mustBeImage = true;   // false for extension-less files: not an image -> ignored
    bool raw = false;          // camera RAW: catalogued by its embedded preview
    qint64 sidecarMtimeNs = 0; // FileIdentity::sidecarMtimeNs (looked up only in folders holding .xmp files)
};

// "IMG_0001" of "/a/IMG_0001.CR2", case-folded: a RAW and a JPEG of one shot share it.
QString shotName(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    return (dot > slash ? path.mid(slash + 1, dot - slash - 1) : path.mid(slash + 1)).toCaseFolded();
}

struct KnownPhoto {
    qint64 id = 0;
    QString path;
    QString hash;
    qint64 size = 0;
    qint64 mtimeNs = 0;
    qint64 sidecarMtimeNs = 0;
    bool missing = false;
    bool seen = false;    // found by this scan's walk (at its path)
    bool claimed = false; // used as the source of a move in this scan
};

struct KnownFailure {
    QString reason;
    qint64 size = -1;
    qint64 mtimeNs = -1;
};

bool isSkippedFolder(const char* name)
{
    static const char* const skipped[] = {"@eaDir",     "$RECYCLE.BIN", "System Volume Information",
                                          "lost+found", "#recycle",     "#snapshot"};
    if (name[0] == '.')
        return true; // hidden, incl. .thumbnails, .Trash-1000, .git
    for (const char* s : skipped) {
        if (std::strcmp(name, s) == 0)
            return true;
    }
    return false;
}

#ifndef Q_OS_WIN
QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}
#endif

// The entries of a folder (native paths, and whether each is a folder, links followed), without hidden
// entries and skipped folders; false with *error when the folder cannot be listed.
bool listFolder(const QByteArray& dir, std::vector<std::pair<QByteArray, bool>>& entries, QString* error)
{
    QByteArray prefix = dir;
    if (!prefix.endsWith('/'))
        prefix += '/';
    const auto add = [&](QByteArray path, bool isDir) {
        const char* name = path.constData() + prefix.size();
        if (!(isDir ? isSkippedFolder(name) : name[0] == '.'))
            entries.emplace_back(std::move(path), isDir);
    };
#ifdef Q_OS_WIN
    // No dirent there; Qt lists with the wide-character API, and names are always valid UTF-16.
    const QDir folder(FileIdentity::fromNativePath(dir));
    if (!folder.isReadable()) {
        *error = QStringLiteral("not readable");
        return false;
    }
    const QFileInfoList infos = folder.entryInfoList(
        QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::NoSort);
    for (const QFileInfo& info : infos)
        add(prefix + FileIdentity::nativePath(info.fileName()), info.isDir());
#else
    DIR* d = ::opendir(dir.constData());
    if (!d) {
        *error = errnoText(errno);
        return false;
    }
    while (dirent* e = ::readdir(d)) {
        const char* name = e->d_name;
        if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0)))
            continue;
        QByteArray path = prefix + name;
        bool isDir = false;
        if (e->d_type == DT_DIR)
            isDir = true;
        else if (e->d_type == DT_LNK || e->d_type == DT_UNKNOWN)
            isDir = FileIdentity::statPath(path).directory;
        add(std::move(path), isDir);
    }
    ::closedir(d);
#endif
    return true;
}

// Recursive directory walk on raw byte paths (names that are not UTF-8 must not be mangled on the way).
class Walker {
public:
    Walker(std::vector<Candidate>& out, QList<ScanFailure>& failures, const std::atomic_bool* cancel)
        : m_out(out), m_failures(failures), m_cancel(cancel)
    {
    }

    void walk(const QByteArray& dir)
    {
        if (m_cancel && m_cancel->load())
            return;
        const FileStat st = FileIdentity::statPath(dir);
        if (!st.exists)
            return;
        // Track directories by (device, inode): a symlink loop or a second link to the same folder is
        // walked once.
        if (!m_visited.insert(st.folderKey).second)
            return;
        std::vector<std::pair<QByteArray, bool>> entries; // path, isDirectory
        QString error;
        if (!listFolder(dir, entries, &error)) {
            m_failures.append(
                {FileIdentity::fromNativePath(dir), QStringLiteral("cannot open folder: %1").arg(error)});
            return;
        }
        std::sort(entries.begin(), entries.end());
        // A RAW+JPEG pair (the camera saves both) is one photo: the JPEG (or HEIF, ...) stands for it.
        QSet<QString> shotsWithImage;
        bool sidecars = false; // XMP sidecars here: their times join each photo's "unchanged" test
        for (const auto& [path, isDir] : entries) {
            const QString name = FileIdentity::fromNativePath(path);
            if (!isDir && ImageFormats::hasImageExtension(name))
                shotsWithImage.insert(shotName(name));
            sidecars = sidecars || (!isDir && name.endsWith(QLatin1String(".xmp"), Qt::CaseInsensitive));
        }
        for (const auto& [path, isDir] : entries) {
            const QString decoded = FileIdentity::fromNativePath(path);
            const bool faithful = FileIdentity::nativePath(decoded) == path;
            if (isDir) {
                if (!faithful) {
                    m_failures.append({decoded, QStringLiteral("folder name is not valid UTF-8; its contents "
                                                               "were skipped (rename the folder)")});
                    continue;
                }
                walk(path);
                continue;
            }
            const bool raw = ImageFormats::hasRawExtension(decoded);
            if (raw && shotsWithImage.contains(shotName(decoded)))
                continue;
            const bool imageExt = raw || ImageFormats::hasImageExtension(decoded);
            const qsizetype slash = decoded.lastIndexOf(QLatin1Char('/'));
            const bool noExt = decoded.indexOf(QLatin1Char('.'), slash + 1) < 0;
            if (!imageExt && !noExt)
                continue;
            Candidate c;
            c.path = decoded;
            c.native = path;
            c.mustBeImage = imageExt;
            c.raw = raw;
            const FileStat fst = FileIdentity::statPath(path);
            if (!fst.exists) {
                c.walkFailure = QStringLiteral("cannot stat file: %1").arg(fst.error);
            } else {
                c.size = fst.size;
                c.mtimeNs = fst.mtimeNs;
                if (!fst.regular)
                    c.walkFailure = QStringLiteral("not a regular file");
            }
            if (sidecars && c.walkFailure.isEmpty())
                c.sidecarMtimeNs = FileIdentity::sidecarMtimeNs(decoded);
            if (!faithful && c.walkFailure.isEmpty())
                c.walkFailure =
                    QStringLiteral("file name is not valid UTF-8 and cannot be stored (rename the file)");
            if (!c.mustBeImage && !c.walkFailure.isEmpty())
                continue;
            m_out.push_back(std::move(c));
        }
    }

private:
    std::vector<Candidate>& m_out;
    QList<ScanFailure>& m_failures;
    const std::atomic_bool* m_cancel;
    std::set<QByteArray> m_visited; // FileStat::folderKey
};

class Timer {
public:
    explicit Timer(double& sinkMs) : m_sink(sinkMs) { m_t.start(); }
    ~Timer() { m_sink += double(m_t.nsecsElapsed()) / 1e6; }
    Timer(const Timer&) = delete;
    Timer& operator=(const Timer&) = delete;

private:
    double& m_sink;
    QElapsedTimer m_t;
};

// The result of reading one new or changed file.
struct Analysis {
    QString failure;
    bool notAnImage = false;
    QString hash;
    ImageFormat format = ImageFormat::Unknown;
    QSize displaySize;
    PhotoMetadata meta;
    // What reading it cost, added to the summary by the scanning thread (analyses run side by side).
    double readHashMs = 0, metadataMs = 0, decodeMs = 0;
    qint64 bytesHashed = 0;
    bool hashed = false;
};

} // namespace

Scanner::Scanner(const QString& catalogPath) : Scanner(catalogPath, Options{}) {}

Scanner::Scanner(const QString& catalogPath, const Options& options)
    : m_catalogPath(catalogPath), m_options(options)
{
}

ScanSummary Scanner::scan(const QStringList& roots, const Progress& progress, const std::atomic_bool* cancel)
{
    ScanSummary summary;
    QElapsedTimer total;
    total.start();
    const auto finish = [&]() -> ScanSummary {
        summary.totalMs = double(total.nsecsElapsed()) / 1e6;
        return summary;
    };
    const auto cancelled = [cancel] { return cancel && cancel->load(); };

    QString error;
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &error);
    if (!db.isOpen()) {
        summary.error = error;
        return finish();
    }
    {
        QSqlQuery v(db);
        if (!v.exec(QStringLiteral("PRAGMA user_version")) || !v.next() ||
            v.value(0).toInt() != Catalog::latestSchemaVersion()) {
            summary.error =
                QStringLiteral("catalog %1 is not at schema version %2; open it with Catalog first")
                    .arg(m_catalogPath)
                    .arg(Catalog::latestSchemaVersion());
            return finish();
        }
    }
    const auto sqlFail = [&](const QSqlQuery& q, const QString& what) {
        summary.error = QStringLiteral("catalog error while %1: %2").arg(what, q.lastError().text());
        if (db.isOpen())
            db.rollback();
        return finish();
    };

    // 1. Roots: canonical paths; a root that is not there is reported, and its photos keep their state.
    QStringList scanRoots;
    QHash<QString, qint64> rootIds;
    {
        Timer t(summary.dbMs);
        QSqlQuery insertRoot(db);
        insertRoot.prepare(QStringLiteral("INSERT OR IGNORE INTO roots(path) VALUES(?)"));
        QSqlQuery rootId(db);
        rootId.prepare(QStringLiteral("SELECT id FROM roots WHERE path = ?"));
        for (const QString& root : roots) {
            const QFileInfo info(root);
            if (!info.exists() || !info.isDir()) {
                summary.failures.append(
                    {QDir::cleanPath(info.absoluteFilePath()),
                     QStringLiteral("folder not found (not scanned; its photos keep their state)")});
                continue;
            }
            const QString canonical = info.canonicalFilePath();
            if (scanRoots.contains(canonical))
                continue;
            scanRoots.append(canonical);
            insertRoot.addBindValue(canonical);
            if (!insertRoot.exec())
                return sqlFail(insertRoot, QStringLiteral("adding a root"));
            rootId.addBindValue(canonical);
            if (!rootId.exec() || !rootId.next())
                return sqlFail(rootId, QStringLiteral("reading roots"));
            rootIds.insert(canonical, rootId.value(0).toLongLong());
            rootId.finish();
        }
    }
    const auto rootOf = [&](const QString& path) -> QString {
        for (const QString& r : scanRoots) {
            if (path.size() > r.size() && path.startsWith(r) &&
                (r.endsWith(QLatin1Char('/')) || path.at(r.size()) == QLatin1Char('/')))
                return r;
        }
        return {};
    };

    // 2. Fast walk: names and stats only.
    std::vector<Candidate> candidates;
    {
        Timer t(summary.walkMs);
        Walker walker(candidates, summary.failures, cancel);
        for (const QString& root : scanRoots)
            walker.walk(FileIdentity::nativePath(root));
    }
    summary.filesTotal = int(candidates.size());
    // A walk cut short by a cancel has not seen every file: nothing may be marked missing from it.
    if (cancelled())
        summary.cancelled = true;

    // 3. What the catalog knows.
    std::vector<KnownPhoto> known;
    QHash<QString, int> knownByPath;
    QHash<QString, QList<int>> knownByContent; // hash + ":" + size
    QHash<QString, KnownFailure> knownFailures;
    {
        Timer t(summary.dbMs);
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral(
                "SELECT id, path, hash, size, mtime_ns, missing, sidecar_mtime_ns FROM photos")))
            return sqlFail(q, QStringLiteral("reading photos"));
        while (q.next()) {
            KnownPhoto k;
            k.id = q.value(0).toLongLong();
            k.path = q.value(1).toString();
            k.hash = q.value(2).toString();
            k.size = q.value(3).toLongLong();
            k.mtimeNs = q.value(4).toLongLong();
            k.missing = q.value(5).toInt() != 0;
            k.sidecarMtimeNs = q.value(6).toLongLong();
            const int index = int(known.size());
            knownByPath.insert(k.path, index);
            knownByContent[k.hash + QLatin1Char(':') + QString::number(k.size)].append(index);
            known.push_back(std::move(k));
        }
        QSqlQuery f(db);
        f.setForwardOnly(true);
        if (!f.exec(QStringLiteral("SELECT path, reason, size, mtime_ns FROM failures")))
            return sqlFail(f, QStringLiteral("reading failures"));
        while (f.next()) {
            knownFailures.insert(f.value(0).toString(),
                                 {f.value(1).toString(), f.value(2).isNull() ? -1 : f.value(2).toLongLong(),
                                  f.value(3).isNull() ? -1 : f.value(3).toLongLong()});
        }
    }
    for (const Candidate& c : candidates) {
        const auto it = knownByPath.constFind(c.path);
        if (it != knownByPath.constEnd())
            known[size_t(*it)].seen = true;
    }

    // 4. Prepared writes.
    QSqlQuery insertPhoto(db), updatePhoto(db), setMissing(db), deleteRegions(db), insertRegion(db),
        upsertFailure(db), deleteFailure(db);
    const QString photoColumns = QStringLiteral(
        "path = :path, root_id = :root, hash = :hash, size = :size, mtime_ns = :mtime, format = :format, "
        "mime = :mime, width = :w, height = :h, orientation = :orientation, captured_at = :captured, "
        "date_source = :dsource, camera_make = :make, camera_model = :model, gps_lat = :lat, gps_lon = :lon, "
        "sidecar_mtime_ns = :sidecar, missing = 0, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')");
    if (!insertPhoto.prepare(QStringLiteral("INSERT INTO photos(path, root_id, hash, size, mtime_ns, format, "
                                            "mime, width, height, orientation, "
                                            "captured_at, date_source, camera_make, camera_model, gps_lat, "
                                            "gps_lon, sidecar_mtime_ns) VALUES(:path, :root, :hash, "
                                            ":size, :mtime, :format, :mime, :w, :h, :orientation, :captured, "
                                            ":dsource, :make, :model, :lat, :lon, :sidecar)")) ||
        !updatePhoto.prepare(QStringLiteral("UPDATE photos SET %1 WHERE id = :id").arg(photoColumns)) ||
        !setMissing.prepare(QStringLiteral("UPDATE photos SET missing = ?, updated_at = "
                                           "strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?")) ||
        !deleteRegions.prepare(QStringLiteral("DELETE FROM xmp_regions WHERE photo_id = ?")) ||
        !insertRegion.prepare(
            QStringLiteral("INSERT INTO xmp_regions(photo_id, x, y, w, h, name, type, scheme) "
                           "VALUES(?, ?, ?, ?, ?, ?, ?, ?)")) ||
        !upsertFailure.prepare(
            QStringLiteral("INSERT INTO failures(path, reason, size, mtime_ns) VALUES(?, ?, ?, ?) ON "
                           "CONFLICT(path) DO UPDATE SET "
                           "reason = excluded.reason, size = excluded.size, mtime_ns = excluded.mtime_ns, "
                           "failed_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')")) ||
        !deleteFailure.prepare(QStringLiteral("DELETE FROM failures WHERE path = ?"))) {
        summary.error = QStringLiteral("catalog error preparing statements: %1").arg(db.lastError().text());
        return finish();
    }

    int pendingWrites = 0;
    bool inTransaction = false;
    const auto begin = [&]() {
        if (!inTransaction)
            inTransaction = db.transaction(); // timed by the caller's db timer
        return inTransaction;
    };
    const auto commit = [&]() {
        if (!inTransaction)
            return true; // timed by the caller's db timer
        inTransaction = false;
        pendingWrites = 0;
        return db.commit();
    };

    const auto bindPhoto = [&](QSqlQuery& q, const Candidate& c, const Analysis& a) {
        q.bindValue(QStringLiteral(":path"), c.path);
        const QString root = rootOf(c.path);
        q.bindValue(QStringLiteral(":root"),
                    rootIds.contains(root) ? QVariant(rootIds.value(root)) : QVariant());
        q.bindValue(QStringLiteral(":hash"), a.hash);
        q.bindValue(QStringLiteral(":size"), c.size);
        q.bindValue(QStringLiteral(":mtime"), c.mtimeNs);
        q.bindValue(QStringLiteral(":sidecar"), c.sidecarMtimeNs);
        q.bindValue(QStringLiteral(":format"), ImageFormats::name(a.format));
        q.bindValue(QStringLiteral(":mime"), ImageFormats::mimeType(a.format));
        q.bindValue(QStringLiteral(":w"), a.displaySize.width());
        q.bindValue(QStringLiteral(":h"), a.displaySize.height());
        q.bindValue(QStringLiteral(":orientation"), a.meta.orientation);
        q.bindValue(QStringLiteral(":captured"), a.meta.capturedAt);
        q.bindValue(QStringLiteral(":dsource"), a.meta.dateSource);
        q.bindValue(QStringLiteral(":make"),
                    a.meta.cameraMake.isEmpty() ? QVariant() : QVariant(a.meta.cameraMake));
        q.bindValue(QStringLiteral(":model"),
                    a.meta.cameraModel.isEmpty() ? QVariant() : QVariant(a.meta.cameraModel));
        q.bindValue(QStringLiteral(":lat"), a.meta.gpsLat ? QVariant(*a.meta.gpsLat) : QVariant());
        q.bindValue(QStringLiteral(":lon"), a.meta.gpsLon ? QVariant(*a.meta.gpsLon) : QVariant());
    };
    const auto writeRegions = [&](qint64 photoId, const Analysis& a) {
        deleteRegions.addBindValue(photoId);
        if (!deleteRegions.exec())
            return false;
        for (const XmpRegion& r : a.meta.regions) {
            insertRegion.addBindValue(photoId);
            insertRegion.addBindValue(r.x);
            insertRegion.addBindValue(r.y);
            insertRegion.addBindValue(r.w);
            insertRegion.addBindValue(r.h);
            insertRegion.addBindValue(r.name.isEmpty() ? QVariant() : QVariant(r.name));
            insertRegion.addBindValue(r.type);
            insertRegion.addBindValue(r.scheme);
            if (!insertRegion.exec())
                return false;
        }
        return true;
    };
    const auto recordFailure = [&](const Candidate& c, const QString& reason) {
        summary.failures.append({c.path, reason});
        ++summary.failed;
        upsertFailure.addBindValue(c.path);
        upsertFailure.addBindValue(reason);
        upsertFailure.addBindValue(c.size);
        upsertFailure.addBindValue(c.mtimeNs);
        return upsertFailure.exec();
    };

    // Runs on the read-ahead pool (below): touches nothing but its candidate and the options.
    const Options options = m_options;
    const auto analyse = [options](const Candidate& c) {
        Analysis a;
        QByteArray data;
        {
            Timer t(a.readHashMs);
            QFile file(c.path);
            if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
                a.failure = QStringLiteral("cannot open file: %1").arg(file.errorString());
                return a;
            }
            if (!c.mustBeImage) {
                const QByteArray head = file.peek(ImageFormats::kSniffBytes);
                if (ImageFormats::sniff(head) == ImageFormat::Unknown) {
                    a.notAnImage = true;
                    return a;
                }
            }
            data = file.readAll();
            if (file.error() != QFileDevice::NoError) {
                a.failure = QStringLiteral("cannot read file: %1").arg(file.errorString());
                return a;
            }
            if (data.isEmpty()) {
                a.failure = QStringLiteral("empty file (0 bytes)");
                return a;
            }
            a.hash = FileIdentity::hashOf(data);
            a.hashed = true;
            a.bytesHashed = data.size();
        }
        a.format = c.raw ? ImageFormat::Raw : ImageFormats::sniff(data);
        if (a.format == ImageFormat::Unknown) {
            if (!c.mustBeImage)
                a.notAnImage = true;
            else
                a.failure =
                    QStringLiteral("not a supported image: the content is not JPEG, PNG, WebP, TIFF, BMP, "
                                   "GIF or HEIF (wrong extension or corrupt file)");
            return a;
        }
        {
            Timer t(a.metadataMs);
            a.meta = MetadataReader::readData(data);
            // Names kept in a sidecar ("photo.jpg.xmp" / "photo.xmp") win over the file's own: that is where
            // photo managers write when they must not touch the photo.
            QList<XmpRegion> sidecar = MetadataReader::readSidecarRegions(c.path);
            if (!sidecar.isEmpty())
                a.meta.regions = std::move(sidecar);
        }
        Timer t(a.decodeMs);
        if (options.validateDecode) {
            const ImageDecoder::Header h =
                ImageDecoder::validateData(data, options.maxPixels, a.meta.orientation, c.raw);
            if (!h.ok()) {
                a.failure = h.error;
                return a;
            }
            a.displaySize = h.displaySize;
        } else {
            const ImageDecoder::Header h =
                ImageDecoder::probeData(data, options.maxPixels, a.meta.orientation, c.raw);
            if (!h.ok()) {
                a.failure = h.error;
                return a;
            }
            a.displaySize = h.displaySize;
        }
        if (a.meta.capturedAt.isEmpty()) {
            a.meta.capturedAt = QDateTime::fromMSecsSinceEpoch(c.mtimeNs / 1'000'000)
                                    .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
            a.meta.dateSource = QStringLiteral("file-mtime");
        }
        return a;
    };

    // 5. Process the candidates, in the walk's order; new and changed files are read ahead on the caller's
    // pool when there is one (Options::readPool).
    // What the catalogue already knows of a file, decided in one place for the read-ahead and for the loop.
    enum class Known { Unchanged, FailedUnchanged, ToRead };
    const auto knownAs = [&](const Candidate& c) {
        const auto knownIt = knownByPath.constFind(c.path);
        const KnownPhoto* photo = knownIt != knownByPath.constEnd() ? &known[size_t(*knownIt)] : nullptr;
        const auto failIt = knownFailures.constFind(c.path);
        const bool failedUnchanged =
            failIt != knownFailures.constEnd() && failIt->size == c.size && failIt->mtimeNs == c.mtimeNs;
        if (photo && photo->size == c.size && photo->mtimeNs == c.mtimeNs &&
            photo->sidecarMtimeNs == c.sidecarMtimeNs && c.walkFailure.isEmpty() && !failedUnchanged)
            return Known::Unchanged;
        return failedUnchanged ? Known::FailedUnchanged : Known::ToRead;
    };
    QThreadPool* const readPool = m_options.readPool;
    const int readers = readPool ? std::max(1, readPool->maxThreadCount()) : 0;
    std::atomic_bool stopReading{false};
    std::map<size_t, std::future<Analysis>> ahead;
    // Before the scan returns (at the end, on a cancel or a catalogue error): reads not yet begun are skipped
    // and the others waited for, since they use this function's locals.
    const auto waitForReads = qScopeGuard([&] {
        stopReading = true;
        for (auto& read : ahead)
            read.second.wait();
    });
    size_t nextRead = 0;
    const auto readAhead = [&](size_t from) {
        nextRead = std::max(nextRead, from);
        while (readPool && ahead.size() < size_t(2 * readers) && nextRead < candidates.size()) {
            const size_t i = nextRead++;
            const Candidate* c = &candidates[i];
            if (!c->walkFailure.isEmpty() || knownAs(*c) != Known::ToRead)
                continue;
            auto promise = std::make_shared<std::promise<Analysis>>();
            ahead.emplace(i, promise->get_future());
            readPool->start([promise, c, &analyse, &stopReading] {
                try {
                    promise->set_value(stopReading ? Analysis() : analyse(*c));
                } catch (...) {
                    promise->set_exception(std::current_exception());
                }
            });
        }
    };
    int done = 0;
    for (size_t at = 0; at < candidates.size(); ++at) {
        const Candidate& c = candidates[at];
        readAhead(at);
        if (progress)
            progress(done, summary.filesTotal, c.path);
        if (cancelled()) {
            summary.cancelled = true;
            break;
        }
        ++done;

        const auto knownIt = knownByPath.constFind(c.path);
        KnownPhoto* photo = knownIt != knownByPath.constEnd() ? &known[size_t(*knownIt)] : nullptr;
        const auto failIt = knownFailures.constFind(c.path);
        const bool failedBefore = failIt != knownFailures.constEnd();
        const Known seen = knownAs(c);

        if (seen == Known::Unchanged) {
            ++summary.unchanged;
            if (photo->missing) {
                ++summary.reappeared;
                Timer t(summary.dbMs);
                if (!begin())
                    return sqlFail(setMissing, QStringLiteral("starting a transaction"));
                setMissing.addBindValue(0);
                setMissing.addBindValue(photo->id);
                if (!setMissing.exec())
                    return sqlFail(setMissing, QStringLiteral("marking a photo present"));
                photo->missing = false;
                ++pendingWrites;
            }
            continue;
        }
        if (seen == Known::FailedUnchanged) {
            ++summary.failed;
            ++summary.failedSkipped;
            summary.failures.append({c.path, failIt->reason});
            continue;
        }

        Analysis a;
        if (!c.walkFailure.isEmpty()) {
            a.failure = c.walkFailure;
        } else if (const auto read = ahead.find(at); read != ahead.end()) {
            a = read->second.get();
            ahead.erase(read);
        } else {
            a = analyse(c);
        }
        summary.readHashMs += a.readHashMs;
        summary.metadataMs += a.metadataMs;
        summary.decodeMs += a.decodeMs;
        summary.filesHashed += a.hashed ? 1 : 0;
        summary.bytesHashed += a.bytesHashed;
        if (a.notAnImage) {
            ++summary.ignored;
            continue;
        }
        if (!a.failure.isEmpty() && c.walkFailure.isEmpty() && !QFileInfo::exists(c.path)) {
            // Gone since the walk (a drive unplugged, a network share lost): reported, not stored, so it is
            // read again when it is back; a catalogued photo keeps its row and its faces.
            summary.failures.append({c.path, QStringLiteral("disappeared during the scan")});
            ++summary.failed;
            continue;
        }
        Timer t(summary.dbMs);
        if (!begin())
            return sqlFail(insertPhoto, QStringLiteral("starting a transaction"));
        if (!a.failure.isEmpty()) {
            // A catalogued photo whose file became unreadable keeps its row (and its faces); the failure
            // row says why it cannot be read now.
            if (!recordFailure(c, a.failure))
                return sqlFail(upsertFailure, QStringLiteral("recording a failure"));
            ++pendingWrites;
        } else {
            qint64 photoId = 0;
            if (photo) {
                if (photo->missing)
                    ++summary.reappeared;
                updatePhoto.bindValue(QStringLiteral(":id"), photo->id);
                bindPhoto(updatePhoto, c, a);
                if (!updatePhoto.exec())
                    return sqlFail(updatePhoto, QStringLiteral("updating a photo"));
                photoId = photo->id;
                photo->missing = false;
                ++summary.changed;
            } else {
                // A move: same content as a photo whose path is gone (missing, not found by this walk,
                // or outside the scanned roots and no longer on disk).
                KnownPhoto* source = nullptr;
                for (int index : knownByContent.value(a.hash + QLatin1Char(':') + QString::number(c.size))) {
                    KnownPhoto& k = known[size_t(index)];
                    if (k.claimed || k.seen)
                        continue;
                    const bool gone = k.missing || !rootOf(k.path).isEmpty() || !QFileInfo::exists(k.path);
                    if (gone) {
                        source = &k;
                        break;
                    }
                }
                if (source) {
                    updatePhoto.bindValue(QStringLiteral(":id"), source->id);
                    bindPhoto(updatePhoto, c, a);
                    if (!updatePhoto.exec())
                        return sqlFail(updatePhoto, QStringLiteral("recording a move"));
                    source->claimed = true;
                    source->missing = false;
                    photoId = source->id;
                    ++summary.moved;
                } else {
                    bindPhoto(insertPhoto, c, a);
                    if (!insertPhoto.exec())
                        return sqlFail(insertPhoto, QStringLiteral("adding a photo"));
                    photoId = insertPhoto.lastInsertId().toLongLong();
                    ++summary.newPhotos;
                }
            }
            if (!writeRegions(photoId, a))
                return sqlFail(insertRegion, QStringLiteral("writing XMP regions"));
            if (failedBefore) {
                deleteFailure.addBindValue(c.path);
                if (!deleteFailure.exec())
                    return sqlFail(deleteFailure, QStringLiteral("clearing a failure"));
            }
            ++pendingWrites;
        }
        if (pendingWrites >= m_options.batchSize && !commit()) {
            summary.error = QStringLiteral("cannot commit: %1").arg(db.lastError().text());
            return finish();
        }
    }
    if (progress && !summary.cancelled)
        progress(done, summary.filesTotal, QString());

    // 6. Bookkeeping for a complete walk: photos not found are missing, failures of vanished files go.
    if (!summary.cancelled) {
        Timer t(summary.dbMs);
        if (!begin())
            return sqlFail(setMissing, QStringLiteral("starting a transaction"));
        for (KnownPhoto& k : known) {
            if (k.seen || k.claimed || rootOf(k.path).isEmpty())
                continue;
            ++summary.missing;
            if (k.missing)
                continue;
            setMissing.addBindValue(1);
            setMissing.addBindValue(k.id);
            if (!setMissing.exec())
                return sqlFail(setMissing, QStringLiteral("marking a photo missing"));
            k.missing = true;
        }
        QSet<QString> seenPaths;
        for (const Candidate& c : candidates)
            seenPaths.insert(c.path);
        for (auto it = knownFailures.constBegin(); it != knownFailures.constEnd(); ++it) {
            if (seenPaths.contains(it.key()) || rootOf(it.key()).isEmpty())
                continue;
            deleteFailure.addBindValue(it.key());
            if (!deleteFailure.exec())
                return sqlFail(deleteFailure, QStringLiteral("clearing an obsolete failure"));
        }
        QSqlQuery touch(db);
        touch.prepare(QStringLiteral(
            "UPDATE roots SET last_scan_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE path = ?"));
        for (const QString& root : scanRoots) {
            touch.addBindValue(root);
            if (!touch.exec())
                return sqlFail(touch, QStringLiteral("updating roots"));
        }
    }
    bool committed = false;
    {
        Timer t(summary.dbMs);
        committed = commit();
    }
    if (!committed) {
        summary.error = QStringLiteral("cannot commit: %1").arg(db.lastError().text());
        return finish();
    }
    // Walk-level failures (unreadable folders, non-UTF-8 folder names) are reported, not stored: they
    // have no file to attach a size/mtime to.
    return finish();
}

} // namespace kindred
