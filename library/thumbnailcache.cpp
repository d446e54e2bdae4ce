#include "thumbnailcache.h"

#include "imagedecoder.h"
#include "metadatareader.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QMutex>
#include <QMutexLocker>
#include <QSaveFile>

// Exiv2 0.27 exposes std::auto_ptr in its API; the deprecation is theirs, not ours.
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <algorithm>
#include <array>
#include <cmath>
#include <exiv2/exiv2.hpp>
#include <vector>

namespace kindred {

namespace {

QMutex& keyMutex(const QString& key)
{
    static std::array<QMutex, 64> stripes;
    return stripes[qHash(key) % stripes.size()];
}

bool validHash(const QString& hash)
{
    if (hash.size() < 4)
        return false;
    for (const QChar c : hash) {
        if (!c.isLetterOrNumber())
            return false;
    }
    return true;
}

} // namespace

ThumbnailCache::ThumbnailCache(const QString& directory) : m_directory(QDir(directory).absolutePath()) {}

QList<int> ThumbnailCache::buckets()
{
    return {128, 256, 512, 1024};
}

int ThumbnailCache::bucketFor(int requestedLongSide)
{
    const QList<int> all = buckets();
    for (int b : all) {
        if (requestedLongSide <= b)
            return b;
    }
    return all.last();
}

QString ThumbnailCache::cachePath(const QString& hash, int bucket) const
{
    return QStringLiteral("%1/%2/%3/%4-%5.jpg")
        .arg(m_directory, hash.left(2), hash.mid(2, 2), hash)
        .arg(bucket);
}

QImage ThumbnailCache::fromPreview(const QString& sourcePath, int bucket) const
{
    MetadataReader::initialize();
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(QFile::encodeName(sourcePath).toStdString());
        if (!image.get())
            return {};
        image->readMetadata();
        const int width = image->pixelWidth();
        const int height = image->pixelHeight();
        if (width <= 0 || height <= 0)
            return {};
        Exiv2::PreviewManager manager(*image);
        Exiv2::PreviewPropertiesList list = manager.getPreviewProperties();
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
            return qint64(a.width_) * a.height_ < qint64(b.width_) * b.height_;
        });
        const double aspect = double(width) / height;
        for (const Exiv2::PreviewProperties& p : list) {
            if (int(std::max(p.width_, p.height_)) < bucket || p.height_ == 0)
                continue;
            // Letterboxed or cropped previews would distort the grid; skip those.
            if (std::abs(double(p.width_) / p.height_ - aspect) > 0.02 * aspect)
                continue;
            const Exiv2::PreviewImage preview = manager.getPreviewImage(p);
            QImage decoded;
            if (!decoded.loadFromData(reinterpret_cast<const uchar*>(preview.pData()), int(preview.size())))
                continue;
            int orientation = 1;
            const auto it = image->exifData().findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
            if (it != image->exifData().end() && it->count() > 0)
                orientation = int(it->toLong());
            if (orientation < 1 || orientation > 8)
                orientation = 1;
            decoded = ImageDecoder::applyOrientation(decoded, orientation);
            const QSize target = ImageDecoder::fitInside(decoded.size(), QSize(bucket, bucket));
            if (target != decoded.size())
                decoded = decoded.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            return decoded;
        }
    } catch (const std::exception&) {
        return {};
    }
    return {};
}

ThumbnailCache::Result ThumbnailCache::thumbnail(const QString& sourcePath, const QString& hash, int longSide)
{
    Result result;
    if (!validHash(hash)) {
        result.error = QStringLiteral("invalid content hash '%1'").arg(hash);
        return result;
    }
    const int bucket = bucketFor(longSide);
    const QString path = cachePath(hash, bucket);
    QMutexLocker lock(&keyMutex(path));

    const QFileInfo cached(path);
    if (cached.exists()) {
        QImageReader reader(path, "jpeg");
        QImage image;
        if (reader.read(&image)) {
            if (cached.lastModified().secsTo(QDateTime::currentDateTime()) > 60) {
                QFile touch(path);
                if (touch.open(QIODevice::ReadWrite))
                    touch.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
            }
            ++m_hits;
            result.image = image.convertToFormat(QImage::Format_RGB888);
            result.source = Source::Cache;
            return result;
        }
        QFile::remove(path); // unreadable cache entry: regenerate
    }

    QImage image = fromPreview(sourcePath, bucket);
    if (!image.isNull()) {
        result.source = Source::ExifPreview;
        ++m_fromPreview;
    } else {
        ImageDecoder::Options options;
        options.boundingSize = QSize(bucket, bucket);
        const ImageDecoder::Result decoded = ImageDecoder::decodeFile(sourcePath, options);
        if (!decoded.ok()) {
            result.error = decoded.error;
            return result;
        }
        image = decoded.image;
        result.source = Source::Decoded;
    }
    if (image.hasAlphaChannel()) { // JPEG has no alpha: flatten onto white
        QImage flat(image.size(), QImage::Format_RGB888);
        flat.fill(Qt::white);
        QImage argb = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        for (int y = 0; y < flat.height(); ++y) {
            const QRgb* src = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
            uchar* dst = flat.scanLine(y);
            for (int x = 0; x < flat.width(); ++x) {
                const int a = qAlpha(src[x]);
                dst[3 * x] = uchar(qRed(src[x]) + (255 - a));
                dst[3 * x + 1] = uchar(qGreen(src[x]) + (255 - a));
                dst[3 * x + 2] = uchar(qBlue(src[x]) + (255 - a));
            }
        }
        image = flat;
    } else if (image.format() != QImage::Format_RGB888) {
        image = image.convertToFormat(QImage::Format_RGB888);
    }
    ++m_generated;
    result.image = image;

    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        result.error =
            QStringLiteral("cannot create %1 (thumbnail not cached)").arg(QFileInfo(path).absolutePath());
        return result;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "JPEG", 85) || !file.commit())
        result.error = QStringLiteral("cannot write thumbnail %1: %2 (thumbnail not cached)")
                           .arg(path, file.errorString());
    return result;
}

qint64 ThumbnailCache::cacheSize() const
{
    qint64 total = 0;
    QDirIterator it(m_directory, {QStringLiteral("*.jpg")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

qint64 ThumbnailCache::prune(qint64 maxBytes)
{
    struct Entry {
        QString path;
        qint64 size;
        QDateTime used;
    };
    std::vector<Entry> entries;
    qint64 total = 0;
    QDirIterator it(m_directory, {QStringLiteral("*.jpg")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        entries.push_back({info.filePath(), info.size(), info.lastModified()});
        total += info.size();
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.used < b.used; });
    qint64 freed = 0;
    for (const Entry& e : entries) {
        if (total - freed <= maxBytes)
            break;
        QMutexLocker lock(&keyMutex(e.path));
        if (QFile::remove(e.path))
            freed += e.size;
    }
    return freed;
}

} // namespace kindred
