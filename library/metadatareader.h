#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace kindred {

// A face region declared in a file's XMP, normalised to 0..1, top-left based (as stored in the file,
// relative to the image the region scheme refers to; no orientation transform is applied).
struct XmpRegion {
    double x = 0, y = 0, w = 0, h = 0;
    QString name;
    QString type;   // MWG Type ("Face"); Microsoft regions are faces by definition -> "Face"
    QString scheme; // "mwg" (Xmp.mwg-rs.Regions) or "mp" (Xmp.MP.RegionInfo)
};

struct PhotoMetadata {
    int orientation = 1; // EXIF orientation 1..8 (1 when absent or invalid)
    QString capturedAt;  // "yyyy-MM-ddTHH:mm:ss" (camera local time); empty when no date in metadata
    QString dateSource;  // exif-original | exif-digitized | exif-datetime | xmp ; empty when none
    QString cameraMake;
    QString cameraModel;
    std::optional<double> gpsLat; // signed decimal degrees (S negative)
    std::optional<double> gpsLon; // signed decimal degrees (W negative)
    QList<XmpRegion> regions;     // face regions only: MWG Type "Face", else all Microsoft regions
    QString error;                // set when the metadata could not be parsed (the image may still be fine)
};

// Reads photo metadata with Exiv2 (0.27 API). Thread-safe: the XMP toolkit is initialised once with a
// lock, Exiv2 log output is muted. Date order: Exif.Photo.DateTimeOriginal -> Exif.Photo.DateTimeDigitized
// -> Exif.Image.DateTime -> Xmp.exif.DateTimeOriginal / Xmp.photoshop.DateCreated / Xmp.xmp.CreateDate;
// the file-mtime fallback is the caller's (the scanner records it as "file-mtime").
class MetadataReader {
public:
    static PhotoMetadata readData(const QByteArray& data);
    static PhotoMetadata readFile(const QString& path);
    // Only the EXIF orientation (1..8), 1 when absent or unreadable.
    static int readOrientation(const QByteArray& data);

    // Parses "YYYY:MM:DD HH:MM:SS" (EXIF) or ISO-8601 ("YYYY-MM-DD[THH:MM[:SS[.fff]]][zone]", XMP) into
    // "yyyy-MM-ddTHH:mm:ss"; empty for invalid/zero dates.
    static QString normaliseDate(const QString& text);

    // The XMP sidecar that belongs to photoPath, if there is one: "photo.jpg.xmp" (digiKam, darktable) or
    // "photo.xmp" (Lightroom, Capture One), either case; empty when none exists.
    static QString existingSidecar(const QString& photoPath);
    // Where photoPath's sidecar may be, in the order existingSidecar() tries them: "photo.jpg.xmp",
    // "photo.jpg.XMP", "photo.xmp", "photo.XMP".
    static QStringList sidecarCandidates(const QString& photoPath);
    // Face regions of photoPath's sidecar (empty when there is none or it cannot be read).
    static QList<XmpRegion> readSidecarRegions(const QString& photoPath);

    // Once per process; called by every reader entry point, exposed for writers (tests, XMP writer).
    static void initialize();
};

} // namespace kindred
