#pragma once

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QList>
#include <QMap>
#include <QSize>
#include <QString>
#include <optional>

namespace kindred::test {

// A region to write into a fixture's XMP; x,y,w,h normalised top-left based.
struct RegionSpec {
    double x = 0, y = 0, w = 0, h = 0;
    QString name;
};

// Metadata to write into a fixture with Exiv2.
struct MetadataSpec {
    int orientation = 0;         // 0 = leave out
    QMap<QString, QString> exif; // "Exif.Photo.DateTimeOriginal" -> "2019:05:04 10:20:30"
    QMap<QString, QString> xmp;  // "Xmp.xmp.CreateDate" -> "2018-03-02T08:09:10"
    std::optional<double> lat, lon;
    QString make, model;
    QList<RegionSpec> mwgRegions; // written as MWG (centre-based Area, Type Face)
    QList<RegionSpec> mpRegions;  // written as Microsoft Photo (top-left "x, y, w, h")
    QImage exifThumbnail;         // embedded as the EXIF (IFD1) JPEG thumbnail
};

// An image with a distinct pattern per seed, so that every fixture has its own hash.
QImage patternImage(const QSize& size, int seed);
// 64x32 image: red 16x16 block at the top-left corner, green at the top-right, blue rest.
QImage cornerMarkerImage();
QByteArray encode(const QImage& image, const char* format, int quality = 90);
bool writeFile(const QString& path, const QByteArray& bytes);
bool writeMetadata(const QString& path, const MetadataSpec& spec, QString* error);
// Sets a file's modification time (seconds since the epoch).
bool setMtime(const QString& path, qint64 secs);
// Creates a file whose name is raw bytes (possibly not UTF-8) inside `dir`.
bool writeRawNameFile(const QString& dir, const QByteArray& name, const QByteArray& bytes);
// True when libheif has an HEVC encoder; writes an HEIC file when it does.
bool heifEncoderAvailable();
bool writeHeic(const QString& path, const QImage& image, QString* error);

} // namespace kindred::test
