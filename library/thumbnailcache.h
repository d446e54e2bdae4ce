#pragma once

#include <QImage>
#include <QList>
#include <QString>
#include <atomic>

namespace kindred {

// On-disk thumbnail cache keyed by content hash and size bucket:
//   <directory>/<hash[0..1]>/<hash[2..3]>/<hash>-<bucket>.jpg
// A bucket is the long side in pixels (128, 256, 512, 1024); a request is served from the smallest
// bucket >= the requested size (the image fits inside bucket x bucket, never upscaled), orientation
// applied. Generation is lazy and cheap: the embedded EXIF preview (Exiv2 PreviewManager) when it is at
// least as large as the bucket and has the photo's aspect ratio, otherwise a reduced-size decode
// (libjpeg DCT scaling via QImageReader::setScaledSize). Files are written atomically (QSaveFile).
// Thread-safe: any number of threads may share one instance or use their own; concurrent requests for
// the same key are serialised (striped per-key locks) so one generates and the others read the result.
// Least-recently-used entries go first when prune() bounds the size (a hit refreshes the file's mtime,
// at most once a minute).
class ThumbnailCache {
public:
    enum class Source { None, Cache, ExifPreview, Decoded };
    struct Result {
        QImage image;
        Source source = Source::None;
        QString error;
        bool ok() const { return !image.isNull(); }
    };

    // directory: usually LibraryPaths::thumbnailDir(); tests pass a temporary directory.
    explicit ThumbnailCache(const QString& directory);

    QString directory() const { return m_directory; }
    static QList<int> buckets();
    static int bucketFor(int requestedLongSide);
    QString cachePath(const QString& hash, int bucket) const;

    // The thumbnail of the photo at `sourcePath` whose content hash is `hash`, at bucketFor(longSide).
    Result thumbnail(const QString& sourcePath, const QString& hash, int longSide);

    qint64 cacheSize() const;
    // Deletes least-recently-used thumbnails until the cache is at most maxBytes. Returns bytes freed.
    qint64 prune(qint64 maxBytes);

    // Counters since construction (for tests and diagnostics).
    int hits() const { return m_hits.load(); }
    int generated() const { return m_generated.load(); }
    int fromExifPreview() const { return m_fromPreview.load(); }

private:
    QImage fromPreview(const QString& sourcePath, int bucket) const;

    QString m_directory;
    std::atomic_int m_hits{0};
    std::atomic_int m_generated{0};
    std::atomic_int m_fromPreview{0};
};

} // namespace kindred
