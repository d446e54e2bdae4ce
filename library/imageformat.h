#pragma once

#include <QByteArray>
#include <QString>

namespace kindred {

enum class ImageFormat { Unknown, Jpeg, Png, WebP, Tiff, Bmp, Gif, Heif };

// Recognising image files by their first bytes (magic numbers), not by their names.
class ImageFormats {
public:
    // Bytes needed by sniff() to recognise every supported format.
    static constexpr int kSniffBytes = 32;

    static ImageFormat sniff(const char* data, qsizetype size);
    static ImageFormat sniff(const QByteArray& head) { return sniff(head.constData(), head.size()); }

    static QString name(ImageFormat format);        // "jpeg", "png", ... ("" for Unknown)
    static QString mimeType(ImageFormat format);    // "image/jpeg", ...
    static QByteArray qtFormat(ImageFormat format); // QImageReader format name ("" for Heif)

    // True for names whose extension says "image we support" (jpg, jpeg, png, webp, tif, tiff, bmp, gif,
    // heic, heif, hif, avif). The scanner sniffs those and extension-less files; a candidate whose
    // content is no supported image is a failure ("not a supported image").
    static bool hasImageExtension(const QString& fileName);
    // Camera RAW extensions (cr2, nef, arw, dng, ...): RAW is not supported, such files are ignored
    // (many are TIFF containers that would otherwise sniff as TIFF).
    static bool hasRawExtension(const QString& fileName);
};

} // namespace kindred
