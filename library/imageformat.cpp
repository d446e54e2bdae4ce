#include "imageformat.h"

#include <QStringView>
#include <cstring>

namespace kindred {

namespace {

bool startsWith(const char* data, qsizetype size, const char* magic, qsizetype n, qsizetype offset = 0)
{
    return size >= offset + n && std::memcmp(data + offset, magic, static_cast<size_t>(n)) == 0;
}

quint32 le32(const char* p)
{
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return quint32(u[0]) | quint32(u[1]) << 8 | quint32(u[2]) << 16 | quint32(u[3]) << 24;
}

bool isHeifBrand(const char* brand)
{
    static const char* const brands[] = {"heic", "heix", "hevc", "hevx", "heim", "heis",
                                         "hevm", "hevs", "mif1", "msf1", "avif", "avis"};
    for (const char* b : brands) {
        if (std::memcmp(brand, b, 4) == 0)
            return true;
    }
    return false;
}

QStringView extensionOf(const QString& fileName)
{
    const qsizetype slash = fileName.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    if (dot < 0 || dot < slash || dot == slash + 1)
        return {};
    return QStringView(fileName).mid(dot + 1);
}

bool extensionIn(const QString& fileName, std::initializer_list<const char*> list)
{
    const QStringView ext = extensionOf(fileName);
    if (ext.isEmpty())
        return false;
    for (const char* e : list) {
        if (ext.compare(QLatin1String(e), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

ImageFormat ImageFormats::sniff(const char* data, qsizetype size)
{
    if (startsWith(data, size, "\xFF\xD8\xFF", 3))
        return ImageFormat::Jpeg;
    if (startsWith(data, size, "\x89PNG\r\n\x1A\n", 8))
        return ImageFormat::Png;
    if (startsWith(data, size, "GIF87a", 6) || startsWith(data, size, "GIF89a", 6))
        return ImageFormat::Gif;
    if (startsWith(data, size, "RIFF", 4) && startsWith(data, size, "WEBP", 4, 8))
        return ImageFormat::WebP;
    if (startsWith(data, size, "II*\0", 4) || startsWith(data, size, "MM\0*", 4))
        return ImageFormat::Tiff;
    if (startsWith(data, size, "BM", 2) && size >= 18) {
        // The DIB header size tells real bitmaps from text files starting with "BM".
        const quint32 dib = le32(data + 14);
        if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124)
            return ImageFormat::Bmp;
    }
    if (startsWith(data, size, "ftyp", 4, 4) && size >= 12) {
        if (isHeifBrand(data + 8))
            return ImageFormat::Heif;
        // Compatible brands follow the major brand and minor version.
        const quint32 boxSize = (quint32(quint8(data[0])) << 24) | (quint32(quint8(data[1])) << 16) |
                                (quint32(quint8(data[2])) << 8) | quint32(quint8(data[3]));
        for (qsizetype off = 16; off + 4 <= size && off + 4 <= qsizetype(boxSize); off += 4) {
            if (isHeifBrand(data + off))
                return ImageFormat::Heif;
        }
    }
    return ImageFormat::Unknown;
}

QString ImageFormats::name(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg:
        return QStringLiteral("jpeg");
    case ImageFormat::Png:
        return QStringLiteral("png");
    case ImageFormat::WebP:
        return QStringLiteral("webp");
    case ImageFormat::Tiff:
        return QStringLiteral("tiff");
    case ImageFormat::Bmp:
        return QStringLiteral("bmp");
    case ImageFormat::Gif:
        return QStringLiteral("gif");
    case ImageFormat::Heif:
        return QStringLiteral("heif");
    case ImageFormat::Raw:
        return QStringLiteral("raw");
    case ImageFormat::Unknown:
        break;
    }
    return {};
}

QString ImageFormats::mimeType(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg:
        return QStringLiteral("image/jpeg");
    case ImageFormat::Png:
        return QStringLiteral("image/png");
    case ImageFormat::WebP:
        return QStringLiteral("image/webp");
    case ImageFormat::Tiff:
        return QStringLiteral("image/tiff");
    case ImageFormat::Bmp:
        return QStringLiteral("image/bmp");
    case ImageFormat::Gif:
        return QStringLiteral("image/gif");
    case ImageFormat::Heif:
        return QStringLiteral("image/heif");
    case ImageFormat::Raw:
        return QStringLiteral("image/x-raw"); // the camera's own type is not known without the extension
    case ImageFormat::Unknown:
        break;
    }
    return QStringLiteral("application/octet-stream");
}

QByteArray ImageFormats::qtFormat(ImageFormat format)
{
    switch (format) {
    case ImageFormat::Jpeg:
        return "jpeg";
    case ImageFormat::Png:
        return "png";
    case ImageFormat::WebP:
        return "webp";
    case ImageFormat::Tiff:
        return "tiff";
    case ImageFormat::Bmp:
        return "bmp";
    case ImageFormat::Gif:
        return "gif";
    case ImageFormat::Heif:
    case ImageFormat::Raw:
    case ImageFormat::Unknown:
        break;
    }
    return {};
}

bool ImageFormats::hasImageExtension(const QString& fileName)
{
    return extensionIn(fileName, {"jpg", "jpeg", "jpe", "jfif", "png", "webp", "tif", "tiff", "bmp", "dib",
                                  "gif", "heic", "heif", "hif", "avif"});
}

bool ImageFormats::hasRawExtension(const QString& fileName)
{
    return extensionIn(fileName, {"cr2", "cr3", "crw", "nef", "nrw", "arw", "srf", "sr2", "dng", "orf",
                                  "rw2", "raf", "pef", "srw", "3fr", "erf", "kdc", "mrw", "x3f", "iiq"});
}

} // namespace kindred
