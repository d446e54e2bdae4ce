#pragma once

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace kindred {

// One catalogued photo (a row of `photos`).
struct PhotoRecord {
    qint64 id = 0;
    QString path;
    QString hash; // xxh3-64 of the whole file, 16 hex digits
    qint64 size = 0;
    qint64 mtimeNs = 0;
    QString format; // "jpeg", "png", "webp", "tiff", "bmp", "gif", "heif"
    QString mime;   // "image/jpeg", ...
    int width = 0;  // as displayed (EXIF orientation applied)
    int height = 0;
    int orientation = 1; // EXIF orientation 1..8
    QString capturedAt;  // "yyyy-MM-ddTHH:mm:ss" local camera time (as EXIF stores it); empty if unknown
    QString dateSource;  // see MetadataReader: exif-original, exif-digitized, exif-datetime, xmp, file-mtime
    QString cameraMake;
    QString cameraModel;
    std::optional<double> gpsLat; // decimal degrees, south negative
    std::optional<double> gpsLon; // decimal degrees, west negative
    bool missing = false;
};

// A face region read from the file's XMP (MWG or Microsoft Photo), normalised top-left x,y,w,h in 0..1.
struct XmpRegionRecord {
    qint64 id = 0;
    qint64 photoId = 0;
    double x = 0, y = 0, w = 0, h = 0;
    QString name;
    QString type;   // MWG Type ("Face", ...); "Face" for Microsoft regions
    QString scheme; // "mwg" or "mp"
};

struct FailureRecord {
    QString path;
    QString reason;
    QString failedAt; // ISO-8601 UTC
};

struct CatalogStatus {
    int schemaVersion = 0;
    int photos = 0;   // catalogued rows, missing included
    int readable = 0; // catalogued and present (missing = 0)
    int missing = 0;
    int failed = 0;
    QList<FailureRecord> failures; // ordered by path
    QStringList roots;
};

// Read-only queries over the catalog, for the CLI and the app. Uses the calling thread's connection
// (Catalog::connectionForThread(catalogPath)); construct it on the thread that uses it.
class PhotoRepository {
public:
    explicit PhotoRepository(const QString& catalogPath);

    // All photos ordered by path. includeMissing = false drops rows flagged missing.
    QList<PhotoRecord> photos(bool includeMissing = true) const;
    std::optional<PhotoRecord> photo(qint64 id) const;
    std::optional<PhotoRecord> photoByPath(const QString& path) const;
    QList<PhotoRecord> photosWithHash(const QString& hash) const;
    QList<XmpRegionRecord> xmpRegions(qint64 photoId) const;
    CatalogStatus status() const;

    QString lastError() const { return m_error; }

private:
    QList<PhotoRecord> query(const QString& where, const QVariantList& binds) const;

    QString m_catalogPath;
    mutable QString m_error;
};

} // namespace kindred
