#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>

class QThreadPool;

namespace kindred {

struct ScanFailure {
    QString path;
    QString reason;
};

// What one scan did. Every file found under the roots lands in exactly one of new / changed /
// unchanged / moved / failed; `missing` counts catalogued files that are gone.
struct ScanSummary {
    int filesTotal = 0; // image candidates found by the directory walk
    int newPhotos = 0;  // catalogued for the first time
    int changed = 0;    // same path, size or mtime changed: rehashed and re-read
    int unchanged = 0;  // same size+mtime: one stat, no read
    int moved = 0;      // new path whose content matches a photo whose old path is gone
    int reappeared = 0; // previously missing at the same path, now back (also counted in unchanged/changed)
    int missing = 0;    // catalogued photos under the roots that were not found (marked missing)
    int failed = 0;     // files that are failed after this scan (newly failed + still failed)
    int failedSkipped = 0; // of `failed`: recorded earlier, unchanged since, not retried
    int ignored = 0;       // extension-less files whose content is not an image
    int filesHashed = 0;   // whole-file reads (hash) done by this scan
    qint64 bytesHashed = 0;
    bool cancelled = false;
    QList<ScanFailure> failures; // every failed file, plus roots/folders that could not be walked
    QString error;               // fatal error (catalog unusable); empty on success

    // Time breakdown in milliseconds (wall time, single thread).
    double walkMs = 0;     // directory walk + stats
    double readHashMs = 0; // reading files + xxh3
    double metadataMs = 0; // Exiv2
    double decodeMs = 0;   // header probe + validation decode
    double dbMs = 0;       // catalog reads and writes (incl. commits)
    double totalMs = 0;
};

// Walks folders and brings the catalog up to date. Synchronous: run it on a worker thread; it uses that
// thread's own catalog connection (Catalog::connectionForThread), so the catalog must have been opened
// (migrated) once by a Catalog beforehand.
//
// Rules: recursive; symlinked directories are followed once (canonical paths, so no loops); hidden
// folders ('.'-prefixed) and system folders (@eaDir, $RECYCLE.BIN, System Volume Information,
// .thumbnails, lost+found) and hidden files are skipped; candidates are files with an image extension
// (see ImageFormats::hasImageExtension) or no extension at all, recognised by magic bytes (JPEG, PNG,
// WebP, TIFF, BMP, GIF, HEIC/HEIF), so a JPEG named .png is catalogued as JPEG; a candidate with an image
// extension but no supported content is a failure, an extension-less one is ignored; camera RAW files
// (ImageFormats::hasRawExtension) are catalogued as format "raw" by their largest embedded preview, unless
// a file with an image extension and the same base name is next to them (RAW+JPEG pair: the JPEG is the
// photo); a RAW without a usable preview is a failure with that reason. Names that are not valid UTF-8 cannot
// be stored faithfully and are failures. Identical copies at two paths are two photo rows sharing the hash.
// Roots are added to the `roots` table. A root that does not exist is reported as a failure and its photos
// are NOT marked missing (an unplugged drive is not a deletion). Work is committed every `batchSize` files,
// so an interrupted scan (cancel, crash, kill -9) leaves a consistent catalog and the next scan only
// processes what is left.
class Scanner {
public:
    struct Options {
        int batchSize = 200;            // files per transaction
        qint64 maxPixels = 100'000'000; // larger images are failures ("too large")
        bool validateDecode = true;     // prove each new/changed image decodes (ImageDecoder::validateData)
        // New and changed files are read (whole-file hash, metadata, the check that proves them readable:
        // ~1 ms for a camera photo's JPEG, a reduced-size decode for other formats) on this pool, a few files
        // ahead of the catalogue writes, which keep the walk's order. Owned by the caller (app/, where worker
        // threads live) and given to this scan alone. Null: one file at a time on the scanning thread.
        QThreadPool* readPool = nullptr;
    };
    // filesDone, filesTotal, current path. Called from the scanning thread.
    using Progress = std::function<void(int filesDone, int filesTotal, const QString& currentPath)>;

    explicit Scanner(const QString& catalogPath);
    Scanner(const QString& catalogPath, const Options& options);
    const Options& options() const { return m_options; }

    // Scans the given root folders. `cancel` may be null; when it becomes true the scan commits what it
    // has and returns with summary.cancelled = true (missing files are not marked on a cancelled scan).
    ScanSummary scan(const QStringList& roots, const Progress& progress = {},
                     const std::atomic_bool* cancel = nullptr);

private:
    QString m_catalogPath;
    Options m_options;
};

} // namespace kindred
