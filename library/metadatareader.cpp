#include "metadatareader.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>
#include <QTime>

// Exiv2 0.27 exposes std::auto_ptr in its API; the deprecation is theirs, not ours.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <cmath>
#include <exiv2/exiv2.hpp>
#include <mutex>

namespace kindred {

namespace {

std::mutex g_xmpMutex;

void xmpLock(void* /*data*/, bool lock)
{
    if (lock)
        g_xmpMutex.lock();
    else
        g_xmpMutex.unlock();
}

QString text(const Exiv2::ExifData& exif, const char* key)
{
    const auto it = exif.findKey(Exiv2::ExifKey(key));
    if (it == exif.end() || it->count() == 0)
        return {};
    return QString::fromStdString(it->toString()).trimmed();
}

QString text(const Exiv2::XmpData& xmp, const std::string& key)
{
    const auto it = xmp.findKey(Exiv2::XmpKey(key));
    if (it == xmp.end())
        return {};
    return QString::fromStdString(it->toString()).trimmed();
}

std::optional<double> gpsCoordinate(const Exiv2::ExifData& exif, const char* key, const char* refKey,
                                    char negativeRef, double limit)
{
    const auto it = exif.findKey(Exiv2::ExifKey(key));
    if (it == exif.end() || it->count() < 1)
        return std::nullopt;
    double value = 0;
    double scale = 1;
    for (long i = 0; i < std::min<long>(3, static_cast<long>(it->count())); ++i) {
        const Exiv2::Rational r = it->toRational(i);
        if (r.second == 0)
            return std::nullopt;
        value += static_cast<double>(r.first) / r.second / scale;
        scale *= 60;
    }
    const QString ref = text(exif, refKey).toUpper();
    if (!ref.isEmpty() && ref.at(0) == QLatin1Char(negativeRef))
        value = -value;
    if (!std::isfinite(value) || std::abs(value) > limit)
        return std::nullopt;
    return value;
}

double clamp01(double v)
{
    return std::clamp(v, 0.0, 1.0);
}

// Intersection over union of two regions.
double overlap(const XmpRegion& a, const XmpRegion& b)
{
    const double w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
    const double h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
    if (w <= 0 || h <= 0)
        return 0;
    const double inter = w * h;
    return inter / (a.w * a.h + b.w * b.h - inter);
}

void readMwgRegions(const Exiv2::XmpData& xmp, QList<XmpRegion>& out)
{
    for (int i = 1; i < 10000; ++i) {
        const std::string base = "Xmp.mwg-rs.Regions/mwg-rs:RegionList[" + std::to_string(i) + "]";
        const QString w = text(xmp, base + "/mwg-rs:Area/stArea:w");
        if (w.isEmpty()) {
            if (text(xmp, base + "/mwg-rs:Name").isEmpty() && text(xmp, base + "/mwg-rs:Type").isEmpty())
                break;
            continue;
        }
        XmpRegion r;
        r.scheme = QStringLiteral("mwg");
        r.type = text(xmp, base + "/mwg-rs:Type");
        r.name = text(xmp, base + "/mwg-rs:Name");
        bool okX = false, okY = false, okW = false, okH = false;
        const double cx = text(xmp, base + "/mwg-rs:Area/stArea:x").toDouble(&okX);
        const double cy = text(xmp, base + "/mwg-rs:Area/stArea:y").toDouble(&okY);
        const double rw = w.toDouble(&okW);
        const double rh = text(xmp, base + "/mwg-rs:Area/stArea:h").toDouble(&okH);
        if (!(okX && okY && okW && okH) || rw <= 0 || rh <= 0)
            continue;
        if (r.type.compare(QLatin1String("Face"), Qt::CaseInsensitive) != 0)
            continue;
        r.type = QStringLiteral("Face");
        r.x = clamp01(cx - rw / 2);
        r.y = clamp01(cy - rh / 2);
        r.w = std::min(rw, 1.0 - r.x);
        r.h = std::min(rh, 1.0 - r.y);
        out.append(r);
    }
}

void readMpRegions(const Exiv2::XmpData& xmp, QList<XmpRegion>& out)
{
    for (int i = 1; i < 10000; ++i) {
        const std::string base = "Xmp.MP.RegionInfo/MPRI:Regions[" + std::to_string(i) + "]";
        const QString rect = text(xmp, base + "/MPReg:Rectangle");
        const QString name = text(xmp, base + "/MPReg:PersonDisplayName");
        if (rect.isEmpty()) {
            if (name.isEmpty())
                break;
            continue;
        }
        const QStringList parts = rect.split(QLatin1Char(','));
        if (parts.size() != 4)
            continue;
        double v[4];
        bool ok = true;
        for (int k = 0; k < 4 && ok; ++k)
            v[k] = parts[k].trimmed().toDouble(&ok);
        if (!ok || v[2] <= 0 || v[3] <= 0)
            continue;
        XmpRegion r;
        r.scheme = QStringLiteral("mp");
        r.type = QStringLiteral("Face");
        r.name = name;
        r.x = clamp01(v[0]);
        r.y = clamp01(v[1]);
        r.w = std::min(v[2], 1.0 - r.x);
        r.h = std::min(v[3], 1.0 - r.y);
        out.append(r);
    }
}

PhotoMetadata readImage(Exiv2::Image& image)
{
    PhotoMetadata meta;
    image.readMetadata();
    const Exiv2::ExifData& exif = image.exifData();
    const Exiv2::XmpData& xmp = image.xmpData();

    bool okOrientation = false;
    int orientation = text(exif, "Exif.Image.Orientation").toInt(&okOrientation);
    if (!okOrientation)
        orientation = text(xmp, "Xmp.tiff.Orientation").toInt(&okOrientation);
    meta.orientation = okOrientation && orientation >= 1 && orientation <= 8 ? orientation : 1;

    struct DateKey {
        const char* key;
        const char* source;
        bool isXmp;
    };
    static const DateKey dateKeys[] = {
        {"Exif.Photo.DateTimeOriginal", "exif-original", false},
        {"Exif.Photo.DateTimeDigitized", "exif-digitized", false},
        {"Exif.Image.DateTime", "exif-datetime", false},
        {"Xmp.exif.DateTimeOriginal", "xmp", true},
        {"Xmp.photoshop.DateCreated", "xmp", true},
        {"Xmp.xmp.CreateDate", "xmp", true},
        {"Xmp.exif.DateTimeDigitized", "xmp", true},
    };
    for (const DateKey& k : dateKeys) {
        const QString value = MetadataReader::normaliseDate(k.isXmp ? text(xmp, k.key) : text(exif, k.key));
        if (!value.isEmpty()) {
            meta.capturedAt = value;
            meta.dateSource = QString::fromLatin1(k.source);
            break;
        }
    }
    meta.cameraMake = text(exif, "Exif.Image.Make");
    meta.cameraModel = text(exif, "Exif.Image.Model");
    meta.gpsLat = gpsCoordinate(exif, "Exif.GPSInfo.GPSLatitude", "Exif.GPSInfo.GPSLatitudeRef", 'S', 90);
    meta.gpsLon = gpsCoordinate(exif, "Exif.GPSInfo.GPSLongitude", "Exif.GPSInfo.GPSLongitudeRef", 'W', 180);
    if (!meta.gpsLat || !meta.gpsLon) {
        meta.gpsLat.reset();
        meta.gpsLon.reset();
    }
    if (!xmp.empty()) {
        // Writers that know both schemes (digiKam, Kindred) write each face in both: a Microsoft region that
        // repeats an MWG one (same name, or overlapping it by more than half) is the same face.
        readMwgRegions(xmp, meta.regions);
        QList<XmpRegion> mp;
        readMpRegions(xmp, mp);
        const qsizetype mwgCount = meta.regions.size();
        for (const XmpRegion& r : std::as_const(mp)) {
            bool repeated = false;
            for (qsizetype i = 0; i < mwgCount && !repeated; ++i)
                repeated = (!r.name.isEmpty() && r.name == meta.regions[i].name) ||
                           overlap(r, meta.regions[i]) > 0.5;
            if (!repeated)
                meta.regions.append(r);
        }
    }
    return meta;
}

} // namespace

void MetadataReader::initialize()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        Exiv2::XmpParser::initialize(xmpLock, nullptr);
#ifdef EXV_ENABLE_BMFF
        Exiv2::enableBMFF(true);
#endif
    });
}

QString MetadataReader::normaliseDate(const QString& value)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(\d{4})[:\-](\d{2})(?:[:\-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?)?)"));
    const QRegularExpressionMatch m = re.match(value);
    if (!m.hasMatch())
        return {};
    const int year = m.captured(1).toInt();
    const int month = m.captured(2).toInt();
    const int day = m.captured(3).isEmpty() ? 1 : m.captured(3).toInt();
    const QDate date(year, month, day);
    if (year < 1800 || !date.isValid())
        return {};
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!time.isValid())
        return {};
    return date.toString(QStringLiteral("yyyy-MM-dd")) + QLatin1Char('T') +
           time.toString(QStringLiteral("HH:mm:ss"));
}

PhotoMetadata MetadataReader::readData(const QByteArray& data)
{
    initialize();
    try {
        Exiv2::Image::AutoPtr image =
            Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(data.constData()), data.size());
        if (!image.get()) {
            PhotoMetadata meta;
            meta.error = QStringLiteral("metadata: unsupported container");
            return meta;
        }
        return readImage(*image);
    } catch (const std::exception& e) {
        PhotoMetadata meta;
        meta.error = QStringLiteral("metadata: %1").arg(QString::fromLocal8Bit(e.what()));
        return meta;
    }
}

PhotoMetadata MetadataReader::readFile(const QString& path)
{
    initialize();
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
        if (!image.get()) {
            PhotoMetadata meta;
            meta.error = QStringLiteral("metadata: unsupported container");
            return meta;
        }
        return readImage(*image);
    } catch (const std::exception& e) {
        PhotoMetadata meta;
        meta.error = QStringLiteral("metadata: %1").arg(QString::fromLocal8Bit(e.what()));
        return meta;
    }
}

QStringList MetadataReader::sidecarCandidates(const QString& photoPath)
{
    QStringList candidates{photoPath + QStringLiteral(".xmp"), photoPath + QStringLiteral(".XMP")};
    const qsizetype slash = photoPath.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot = photoPath.lastIndexOf(QLatin1Char('.'));
    if (dot > slash + 1)
        candidates << photoPath.left(dot) + QStringLiteral(".xmp")
                   << photoPath.left(dot) + QStringLiteral(".XMP");
    return candidates;
}

QString MetadataReader::existingSidecar(const QString& photoPath)
{
    for (const QString& c : sidecarCandidates(photoPath))
        if (QFileInfo(c).isFile())
            return c;
    return {};
}

QList<XmpRegion> MetadataReader::readSidecarRegions(const QString& photoPath)
{
    const QString sidecar = existingSidecar(photoPath);
    if (sidecar.isEmpty())
        return {};
    return readFile(sidecar).regions;
}

int MetadataReader::readOrientation(const QByteArray& data)
{
    return readData(data).orientation;
}

} // namespace kindred
