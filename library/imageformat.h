#pragma once

#include <QByteArray>
#include <QString>

namespace kindred {

// Raw: a camera RAW file, shown and analysed through its largest embedded preview (never by sniffing: RAW
// containers look like TIFF or ISO-BMFF; the scanner and ImageDecoder::decodeFile go by the extension).
enum class ImageFormat { Unknown, Jpeg, Png, WebP, Tiff, Bmp, Gif, Heif, Raw };

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
    // Camera RAW extensions (cr2, cr3, nef, arw, dng, orf, rw2, raf, ...). Such files are catalogued by
    // their largest embedded preview (ImageDecoder::Options::raw), unless a JPEG/HEIF/... with the same
    // base name sits next to them (a RAW+JPEG pair is one photo: the scanner takes the JPEG).
    static bool hasRawExtension(const QString& fileName);
};

} // namespace kindred
