#include "metadatawriter.h"

#include "imagedecoder.h"
#include "imageformat.h"
#include "metadatareader.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

// Exiv2 0.27 exposes std::auto_ptr in its API; the deprecation is theirs, not ours.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>
#include <memory>
#include <vector>

namespace kindred {

namespace {

constexpr const char* kMwgRoot = "Xmp.mwg-rs.Regions";
constexpr const char* kMpRoot = "Xmp.MP.RegionInfo";

bool startsWith(const std::string& s, const std::string& prefix)
{
    return s.compare(0, prefix.size(), prefix) == 0;
}

void declare(Exiv2::XmpData& xmp, const std::string& key, Exiv2::XmpValue::XmpStruct structType,
             Exiv2::XmpValue::XmpArrayType arrayType = Exiv2::XmpValue::xaNone)
{
    Exiv2::XmpTextValue value;
    if (arrayType != Exiv2::XmpValue::xaNone)
        value.setXmpArrayType(arrayType);
    else
        value.setXmpStruct(structType);
    xmp.add(Exiv2::XmpKey(key), &value);
}

std::string number(double v)
{
    return QString::number(v, 'f', 6).toStdString();
}

struct KeptDatum {
    std::string suffix; // the key after "RegionList[i]"
    std::shared_ptr<const Exiv2::Value> value;
};

// Every MWG region that is not a face (pets, focus areas, ...), with all of its fields, in file order.
std::vector<std::vector<KeptDatum>> otherMwgRegions(const Exiv2::XmpData& xmp)
{
    std::vector<std::vector<KeptDatum>> kept;
    const std::string list = std::string(kMwgRoot) + "/mwg-rs:RegionList[";
    for (int i = 1; i < 10000; ++i) {
        const std::string base = list + std::to_string(i) + "]";
        std::vector<KeptDatum> fields;
        bool face = false;
        for (const Exiv2::Xmpdatum& d : xmp) {
            const std::string key = d.key();
            if (key != base && !startsWith(key, base + "/"))
                continue;
            if (key == base + "/mwg-rs:Type" &&
                QString::fromStdString(d.toString())
                        .trimmed()
                        .compare(QLatin1String("Face"), Qt::CaseInsensitive) == 0)
                face = true;
            fields.push_back(
                {key.substr(base.size()), std::shared_ptr<const Exiv2::Value>(d.getValue().release())});
        }
        if (fields.empty())
            break;
        if (!face)
            kept.push_back(std::move(fields));
    }
    return kept;
}

void eraseUnder(Exiv2::XmpData& xmp, const std::string& root)
{
    for (auto it = xmp.begin(); it != xmp.end();) {
        const std::string key = it->key();
        if (key == root || startsWith(key, root + "/"))
            it = xmp.erase(it);
        else
            ++it;
    }
}

void replaceFaceRegions(Exiv2::XmpData& xmp, const QList<NamedFaceRegion>& regions, const QSize& size)
{
    std::vector<std::vector<KeptDatum>> kept = otherMwgRegions(xmp);
    eraseUnder(xmp, kMwgRoot);
    eraseUnder(xmp, kMpRoot);

    if (!regions.isEmpty() || !kept.empty()) {
        const std::string root = kMwgRoot;
        declare(xmp, root, Exiv2::XmpValue::xsStruct);
        declare(xmp, root + "/mwg-rs:AppliedToDimensions", Exiv2::XmpValue::xsStruct);
        xmp[root + "/mwg-rs:AppliedToDimensions/stDim:w"] = std::to_string(size.width());
        xmp[root + "/mwg-rs:AppliedToDimensions/stDim:h"] = std::to_string(size.height());
        xmp[root + "/mwg-rs:AppliedToDimensions/stDim:unit"] = "pixel";
        declare(xmp, root + "/mwg-rs:RegionList", Exiv2::XmpValue::xsNone, Exiv2::XmpValue::xaBag);
        int index = 1;
        for (const std::vector<KeptDatum>& fields : kept) {
            const std::string base = root + "/mwg-rs:RegionList[" + std::to_string(index++) + "]";
            for (const KeptDatum& f : fields)
                xmp.add(Exiv2::XmpKey(base + f.suffix), f.value.get());
        }
        for (const NamedFaceRegion& r : regions) {
            const std::string base = root + "/mwg-rs:RegionList[" + std::to_string(index++) + "]";
            declare(xmp, base, Exiv2::XmpValue::xsStruct);
            if (!r.name.isEmpty())
                xmp[base + "/mwg-rs:Name"] = r.name.toStdString();
            xmp[base + "/mwg-rs:Type"] = "Face";
            declare(xmp, base + "/mwg-rs:Area", Exiv2::XmpValue::xsStruct);
            xmp[base + "/mwg-rs:Area/stArea:x"] = number(r.x + r.w / 2);
            xmp[base + "/mwg-rs:Area/stArea:y"] = number(r.y + r.h / 2);
            xmp[base + "/mwg-rs:Area/stArea:w"] = number(r.w);
            xmp[base + "/mwg-rs:Area/stArea:h"] = number(r.h);
            xmp[base + "/mwg-rs:Area/stArea:unit"] = "normalized";
        }
    }
    if (!regions.isEmpty()) {
        const std::string root = kMpRoot;
        declare(xmp, root, Exiv2::XmpValue::xsStruct);
        declare(xmp, root + "/MPRI:Regions", Exiv2::XmpValue::xsNone, Exiv2::XmpValue::xaBag);
        int index = 1;
        for (const NamedFaceRegion& r : regions) {
            const std::string base = root + "/MPRI:Regions[" + std::to_string(index++) + "]";
            declare(xmp, base, Exiv2::XmpValue::xsStruct);
            xmp[base + "/MPReg:Rectangle"] =
                number(r.x) + ", " + number(r.y) + ", " + number(r.w) + ", " + number(r.h);
            if (!r.name.isEmpty())
                xmp[base + "/MPReg:PersonDisplayName"] = r.name.toStdString();
        }
    }
}

QByteArray ioBytes(Exiv2::BasicIo& io)
{
    io.seek(0, Exiv2::BasicIo::beg);
    const long size = static_cast<long>(io.size());
    QByteArray out(size, Qt::Uninitialized);
    if (size > 0 && io.read(reinterpret_cast<Exiv2::byte*>(out.data()), size) != size)
        return {};
    return out;
}

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

bool saveWhole(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size())
        return fail(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (!file.commit())
        return fail(error, QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

bool readWhole(const QString& path, QByteArray* bytes, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    *bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return fail(error, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace

QString MetadataWriter::sidecarPath(const QString& photoPath)
{
    const QString existing = MetadataReader::existingSidecar(photoPath);
    return existing.isEmpty() ? photoPath + QStringLiteral(".xmp") : existing;
}

bool MetadataWriter::canWriteInto(const QString& photoPath)
{
    if (ImageFormats::hasRawExtension(photoPath))
        return false;
    QFile file(photoPath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    switch (ImageFormats::sniff(file.peek(ImageFormats::kSniffBytes))) {
    case ImageFormat::Jpeg:
    case ImageFormat::Png:
    case ImageFormat::Tiff:
    case ImageFormat::WebP:
        return true;
    default:
        return false;
    }
}

QByteArray MetadataWriter::withFaceRegions(const QByteArray& data, const QList<NamedFaceRegion>& regions,
                                           const QSize& displayedSize, QString* error)
{
    MetadataReader::initialize();
    try {
        Exiv2::Image::AutoPtr image =
            data.isEmpty() ? Exiv2::ImageFactory::create(Exiv2::ImageType::xmp)
                           : Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(data.constData()),
                                                       static_cast<long>(data.size()));
        if (!image.get()) {
            fail(error, QStringLiteral("unsupported container"));
            return {};
        }
        if (!data.isEmpty())
            image->readMetadata();
        Exiv2::XmpData xmp = image->xmpData();
        replaceFaceRegions(xmp, regions, displayedSize);
        // The metadata changed now (XMP's own rule); it also keeps the packet from being empty, which Exiv2
        // would take as "keep the old packet".
        xmp["Xmp.xmp.MetadataDate"] = QDateTime::currentDateTime()
                                          .toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc())
                                          .toString(Qt::ISODate)
                                          .toStdString();
        image->clearXmpPacket();
        image->setXmpData(xmp);
        image->writeMetadata();
        QByteArray out = ioBytes(image->io());
        if (out.isEmpty())
            fail(error, QStringLiteral("Exiv2 wrote nothing"));
        return out;
    } catch (const std::exception& e) {
        fail(error, QStringLiteral("cannot write XMP: %1").arg(QString::fromLocal8Bit(e.what())));
        return {};
    }
}

bool MetadataWriter::writeFaceRegions(const QString& photoPath, const QList<NamedFaceRegion>& regions,
                                      const QSize& displayedSize, Target target, QString* error)
{
    if (target == Target::Sidecar) {
        const QString sidecar = sidecarPath(photoPath);
        QByteArray old;
        if (QFileInfo::exists(sidecar)) {
            if (!readWhole(sidecar, &old, error))
                return false;
        } else if (regions.isEmpty()) {
            return true; // nothing to say, and no sidecar to correct
        }
        const QByteArray bytes = withFaceRegions(old, regions, displayedSize, error);
        if (bytes.isEmpty())
            return false;
        if (MetadataReader::readData(bytes).regions.size() != regions.size())
            return fail(error, QStringLiteral("the new sidecar does not read back"));
        return saveWhole(sidecar, bytes, error);
    }

    if (!canWriteInto(photoPath))
        return fail(error, QStringLiteral("names cannot be written into this kind of file (use a sidecar)"));
    QByteArray old;
    if (!readWhole(photoPath, &old, error))
        return false;
    const QByteArray bytes = withFaceRegions(old, regions, displayedSize, error);
    if (bytes.isEmpty())
        return false;
    // Prove the new file is the same picture with the new names before it replaces the old one.
    const ImageDecoder::Result before = ImageDecoder::decodeData(old);
    const ImageDecoder::Result after = ImageDecoder::decodeData(bytes);
    if (!after.ok() || (before.ok() && before.image != after.image))
        return fail(
            error, QStringLiteral("the rewritten file would not decode to the same picture; left unchanged"));
    if (MetadataReader::readData(bytes).regions.size() != regions.size())
        return fail(error, QStringLiteral("the rewritten file does not read back its names; left unchanged"));
    return saveWhole(photoPath, bytes, error);
}

} // namespace kindred
