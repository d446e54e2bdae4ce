#pragma once

#include <QByteArray>
#include <QList>
#include <QSize>
#include <QString>

namespace kindred {

// A named face for a file's XMP: top-left x, y, w, h normalised to 0..1 in the displayed image (EXIF
// orientation applied), which is how digiKam, Lightroom and Windows Photo Gallery show regions.
struct NamedFaceRegion {
    double x = 0, y = 0, w = 0, h = 0;
    QString name;
};

// Writes the names of the people in a photo as XMP face regions, in both schemes other photo managers read:
// MWG (Xmp.mwg-rs.Regions, Type "Face", centre-based stArea, AppliedToDimensions = the displayed size)
// and Microsoft Photo (Xmp.MP.RegionInfo, "x, y, w, h" rectangles).
//
// Writing replaces the face regions already there (the catalog holds the family's current names, so a
// renamed or removed person must not survive in the file) and keeps everything else: other MWG region
// types (pets, focus areas), all other XMP, EXIF and IPTC. Files are written whole through a temporary
// file that replaces the old one only when complete (QSaveFile), so a crash or a full disk leaves the old
// file; a photo written in place is decoded before and after and must give the same pixels.
// Thread-safe (Exiv2's XMP toolkit is initialised once with a lock).
class MetadataWriter {
public:
    enum class Target {
        Sidecar, // "photo.jpg.xmp" next to the photo (an existing "photo.xmp" is updated instead)
        File,    // into the photo itself: only when the family asks; JPEG, PNG, TIFF and WebP
    };

    // The sidecar of photoPath: an existing "photo.jpg.xmp" or "photo.xmp" (in that order; the latter is
    // Lightroom's and darktable's for RAW files), otherwise "photo.jpg.xmp" (digiKam's default).
    static QString sidecarPath(const QString& photoPath);
    // Whether Target::File is possible for this file's format (camera RAW and HEIF are sidecar only).
    static bool canWriteInto(const QString& photoPath);

    // Replaces the face regions of photoPath's XMP (target File) or of its sidecar (target Sidecar;
    // created when missing, not created just to say "no faces") with `regions`. displayedSize is the photo's
    // size with EXIF orientation applied. Returns false and sets *error when nothing was written.
    static bool writeFaceRegions(const QString& photoPath, const QList<NamedFaceRegion>& regions,
                                 const QSize& displayedSize, Target target, QString* error);

    // The same on an XMP packet or image held in memory (tests, and what the file writers use).
    // Returns the new bytes, or empty with *error set.
    static QByteArray withFaceRegions(const QByteArray& data, const QList<NamedFaceRegion>& regions,
                                      const QSize& displayedSize, QString* error);
};

} // namespace kindred
