#pragma once

#include "imageformat.h"

#include <QByteArray>
#include <QImage>
#include <QPoint>
#include <QRect>
#include <QSize>
#include <QString>

namespace kindred {

// Decodes any supported image (JPEG, PNG, WebP, TIFF, BMP, GIF first frame, HEIC/HEIF/AVIF via libheif,
// camera RAW by its embedded preview)
// into a QImage (RGB888, or ARGB32 when the image has alpha) with the EXIF orientation applied.
// The pixel limit is checked on the header dimensions before any pixel is decoded. Thread-safe
// (all methods are static and reentrant); the only global it touches is QImageReader's allocation limit,
// which it raises when needed to fit maxPixels.
class ImageDecoder {
public:
    static constexpr qint64 kDefaultMaxPixels = 100'000'000;

    struct Options {
        // Reduced-size decode: fit the displayed (oriented) image inside this box, keeping aspect ratio;
        // never upscales. Invalid size = full resolution. JPEG uses libjpeg's DCT scaling.
        QSize boundingSize;
        qint64 maxPixels = kDefaultMaxPixels;
        bool applyOrientation = true;
        // EXIF orientation to apply; 0 = read it from the data with Exiv2. Ignored for HEIF, whose
        // container transforms (irot/imir) are applied by libheif instead.
        int orientation = 0;
        // Camera RAW: decode the largest embedded preview (Exiv2's PreviewManager; RAW sensor data is
        // never developed), oriented by the RAW's own EXIF orientation. decodeFile() sets this from the
        // file's extension.
        bool raw = false;
        // Only this rectangle, at full resolution (displayed, oriented pixels; clipped to the image; invalid
        // = the whole image; boundingSize is then ignored). The result holds region ∩ image, Result::offset
        // its top-left. A JPEG is decoded only where needed: the rows above are entropy-decoded but not
        // transformed (libjpeg-turbo's jpeg_skip_scanlines), the columns outside are not transformed
        // (jpeg_crop_scanline) and the data after the last row is not read. Other formats are decoded whole
        // and copied. For the crops of a few faces of a camera photo.
        QRect region;
    };

    struct Header {
        ImageFormat format = ImageFormat::Unknown;
        QSize storedSize;    // pixels as stored
        QSize displaySize;   // after orientation
        int orientation = 1; // the orientation used for displaySize
        QString error;       // empty when the header is usable
        bool ok() const { return error.isEmpty(); }
    };

    struct Result {
        QImage image;
        Header header;
        QString error; // empty on success; a sentence saying why the file cannot be decoded
        QPoint offset; // where the image's top-left pixel lies in the displayed photo (Options::region)
        bool ok() const { return error.isEmpty() && !image.isNull(); }
    };

    static Result decodeFile(const QString& path, const Options& options);
    static Result decodeData(const QByteArray& data, const Options& options);
    static Result decodeFile(const QString& path) { return decodeFile(path, Options()); }
    static Result decodeData(const QByteArray& data) { return decodeData(data, Options()); }

    // Reads only the header: format, dimensions, orientation; fails on unknown formats and on images
    // above maxPixels. orientation 0 = read it from the data.
    static Header probeData(const QByteArray& data, qint64 maxPixels = kDefaultMaxPixels, int orientation = 0,
                            bool raw = false);
    // Proves that decodeData() can decode the image, reading no more than it must: the header (as probeData),
    // and for a single-scan JPEG its structure and libjpeg's start (tables, sampling) — what decoding it
    // would refuse — without decoding its pixels; every other image is decoded at a reduced size. The error,
    // when set, is the one decodeData() would give.
    static Header validateData(const QByteArray& data, qint64 maxPixels = kDefaultMaxPixels,
                               int orientation = 0, bool raw = false);
    // The largest embedded preview of a camera RAW file (JPEG or TIFF bytes), or empty with *error set.
    static QByteArray rawPreview(const QByteArray& data, QString* error);

    // Checks a JPEG's marker structure up to its end-of-image marker: catches truncated files, which
    // libjpeg would otherwise "decode" with a grey bottom. Returns an empty string when complete.
    static QString checkJpegStructure(const QByteArray& data);

    static QImage applyOrientation(const QImage& image, int orientation);
    static QSize orientedSize(const QSize& stored, int orientation);
    // The stored pixels that become the displayed rectangle `display` of an image stored at `stored` size.
    static QRect storedRect(const QRect& display, const QSize& stored, int orientation);
    // Largest size with the aspect ratio of `size` that fits in `box` (never larger than `size`).
    static QSize fitInside(const QSize& size, const QSize& box);
};

} // namespace kindred
