#include "fixtures.h"

#include "metadatareader.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <fcntl.h>
#include <libheif/heif.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#pragma GCC diagnostic ignored "-Wdeprecated-declarations" // Exiv2 0.27 uses std::auto_ptr
#include <cmath>
#include <cstring>
#include <exiv2/exiv2.hpp>

namespace kindred::test {

QImage patternImage(const QSize& size, int seed)
{
    QImage image(size, QImage::Format_RGB888);
    for (int y = 0; y < size.height(); ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < size.width(); ++x) {
            line[3 * x] = uchar((x * 7 + seed * 31) & 0xFF);
            line[3 * x + 1] = uchar((y * 5 + seed * 17) & 0xFF);
            line[3 * x + 2] = uchar(((x ^ y) + seed * 13) & 0xFF);
        }
    }
    return image;
}

QImage cornerMarkerImage()
{
    QImage image(64, 32, QImage::Format_RGB888);
    image.fill(QColor(0, 0, 255));
    QPainter p(&image);
    p.fillRect(0, 0, 16, 16, QColor(255, 0, 0));
    p.fillRect(48, 0, 16, 16, QColor(0, 255, 0));
    return image;
}

QByteArray encode(const QImage& image, const char* format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, quality);
    return bytes;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

namespace {

std::string rational(double value)
{
    const double a = std::abs(value);
    const int deg = int(a);
    const int min = int((a - deg) * 60);
    const long sec100 = std::lround(((a - deg) * 60 - min) * 60 * 100);
    return std::to_string(deg) + "/1 " + std::to_string(min) + "/1 " + std::to_string(sec100) + "/100";
}

void declareArray(Exiv2::XmpData& xmp, const std::string& key)
{
    Exiv2::XmpTextValue tv("");
    tv.setXmpArrayType(Exiv2::XmpValue::xaBag);
    xmp.add(Exiv2::XmpKey(key), &tv);
}

void declareStruct(Exiv2::XmpData& xmp, const std::string& key)
{
    Exiv2::XmpTextValue tv("");
    tv.setXmpStruct();
    xmp.add(Exiv2::XmpKey(key), &tv);
}

} // namespace

bool writeMetadata(const QString& path, const MetadataSpec& spec, QString* error)
{
    MetadataReader::initialize();
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
        image->readMetadata();
        Exiv2::ExifData& exif = image->exifData();
        Exiv2::XmpData& xmp = image->xmpData();
        if (spec.orientation > 0)
            exif["Exif.Image.Orientation"] = uint16_t(spec.orientation);
        for (auto it = spec.exif.begin(); it != spec.exif.end(); ++it)
            exif[it.key().toStdString()] = it.value().toStdString();
        for (auto it = spec.xmp.begin(); it != spec.xmp.end(); ++it)
            xmp[it.key().toStdString()] = it.value().toStdString();
        if (!spec.make.isEmpty())
            exif["Exif.Image.Make"] = spec.make.toStdString();
        if (!spec.model.isEmpty())
            exif["Exif.Image.Model"] = spec.model.toStdString();
        if (spec.lat && spec.lon) {
            exif["Exif.GPSInfo.GPSVersionID"] = "2 2 0 0";
            exif["Exif.GPSInfo.GPSLatitudeRef"] = *spec.lat < 0 ? "S" : "N";
            exif["Exif.GPSInfo.GPSLongitudeRef"] = *spec.lon < 0 ? "W" : "E";
            Exiv2::Value::AutoPtr lat = Exiv2::Value::create(Exiv2::unsignedRational);
            lat->read(rational(*spec.lat));
            exif.add(Exiv2::ExifKey("Exif.GPSInfo.GPSLatitude"), lat.get());
            Exiv2::Value::AutoPtr lon = Exiv2::Value::create(Exiv2::unsignedRational);
            lon->read(rational(*spec.lon));
            exif.add(Exiv2::ExifKey("Exif.GPSInfo.GPSLongitude"), lon.get());
        }
        if (!spec.mwgRegions.isEmpty()) {
            declareStruct(xmp, "Xmp.mwg-rs.Regions");
            declareArray(xmp, "Xmp.mwg-rs.Regions/mwg-rs:RegionList");
            int i = 1;
            for (const RegionSpec& r : spec.mwgRegions) {
                const std::string base = "Xmp.mwg-rs.Regions/mwg-rs:RegionList[" + std::to_string(i++) + "]";
                declareStruct(xmp, base);
                xmp[base + "/mwg-rs:Name"] = r.name.toStdString();
                xmp[base + "/mwg-rs:Type"] = "Face";
                declareStruct(xmp, base + "/mwg-rs:Area");
                xmp[base + "/mwg-rs:Area/stArea:x"] = std::to_string(r.x + r.w / 2);
                xmp[base + "/mwg-rs:Area/stArea:y"] = std::to_string(r.y + r.h / 2);
                xmp[base + "/mwg-rs:Area/stArea:w"] = std::to_string(r.w);
                xmp[base + "/mwg-rs:Area/stArea:h"] = std::to_string(r.h);
                xmp[base + "/mwg-rs:Area/stArea:unit"] = "normalized";
            }
        }
        if (!spec.mpRegions.isEmpty()) {
            declareStruct(xmp, "Xmp.MP.RegionInfo");
            declareArray(xmp, "Xmp.MP.RegionInfo/MPRI:Regions");
            int i = 1;
            for (const RegionSpec& r : spec.mpRegions) {
                const std::string base = "Xmp.MP.RegionInfo/MPRI:Regions[" + std::to_string(i++) + "]";
                declareStruct(xmp, base);
                xmp[base + "/MPReg:Rectangle"] =
                    QStringLiteral("%1, %2, %3, %4").arg(r.x).arg(r.y).arg(r.w).arg(r.h).toStdString();
                xmp[base + "/MPReg:PersonDisplayName"] = r.name.toStdString();
            }
        }
        if (!spec.exifThumbnail.isNull()) {
            const QByteArray jpeg = encode(spec.exifThumbnail, "JPEG", 90);
            Exiv2::ExifThumb thumb(exif);
            thumb.setJpegThumbnail(reinterpret_cast<const Exiv2::byte*>(jpeg.constData()), long(jpeg.size()));
        }
        image->writeMetadata();
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromLocal8Bit(e.what());
        return false;
    }
}

bool setMtime(const QString& path, qint64 secs)
{
    struct utimbuf times {};
    times.actime = time_t(secs);
    times.modtime = time_t(secs);
    return ::utime(QFile::encodeName(path).constData(), &times) == 0;
}

bool writeRawNameFile(const QString& dir, const QByteArray& name, const QByteArray& bytes)
{
    const QByteArray path = QFile::encodeName(dir) + '/' + name;
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size();
    return ::close(fd) == 0 && ok;
}

bool heifEncoderAvailable()
{
    return heif_have_encoder_for_format(heif_compression_HEVC) != 0;
}

bool writeHeic(const QString& path, const QImage& source, QString* error)
{
    const QImage rgb = source.convertToFormat(QImage::Format_RGB888);
    heif_context* ctx = heif_context_alloc();
    heif_encoder* encoder = nullptr;
    heif_image* image = nullptr;
    bool ok = false;
    heif_error err = heif_context_get_encoder_for_format(ctx, heif_compression_HEVC, &encoder);
    if (err.code == heif_error_Ok)
        err = heif_image_create(rgb.width(), rgb.height(), heif_colorspace_RGB, heif_chroma_interleaved_RGB,
                                &image);
    if (err.code == heif_error_Ok)
        err = heif_image_add_plane(image, heif_channel_interleaved, rgb.width(), rgb.height(), 8);
    if (err.code == heif_error_Ok) {
        int stride = 0;
        uint8_t* plane = heif_image_get_plane(image, heif_channel_interleaved, &stride);
        for (int y = 0; y < rgb.height(); ++y)
            std::memcpy(plane + y * stride, rgb.constScanLine(y), size_t(rgb.width()) * 3);
        heif_encoder_set_lossy_quality(encoder, 90);
        err = heif_context_encode_image(ctx, image, encoder, nullptr, nullptr);
    }
    if (err.code == heif_error_Ok)
        err = heif_context_write_to_file(ctx, QFile::encodeName(path).constData());
    ok = err.code == heif_error_Ok;
    if (!ok && error)
        *error = QString::fromUtf8(err.message);
    if (image)
        heif_image_release(image);
    if (encoder)
        heif_encoder_release(encoder);
    heif_context_free(ctx);
    return ok;
}

} // namespace kindred::test
