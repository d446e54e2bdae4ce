#include "facecropcache.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageReader>
#include <QPainter>
#include <QPalette>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace kindred {

namespace {
QImage loadCrop(const QString& cropPath, const QString& photoPath, const QRectF& box)
{
    if (!cropPath.isEmpty() && QFileInfo::exists(cropPath)) {
        QImage img(cropPath);
        if (!img.isNull())
            return img;
    }
    if (photoPath.isEmpty() || box.isEmpty())
        return {};
    QImageReader reader(photoPath);
    reader.setAutoTransform(true); // the box is in the EXIF-rotated photo
    const QImage photo = reader.read();
    if (photo.isNull())
        return {};
    const qreal margin = qMax(box.width(), box.height()) * 0.2;
    const QRect r = box.adjusted(-margin, -margin, margin, margin).toAlignedRect().intersected(photo.rect());
    if (r.isEmpty())
        return {};
    return photo.copy(r).scaled(FaceCropCache::kCropSize, FaceCropCache::kCropSize, Qt::KeepAspectRatio,
                                Qt::SmoothTransformation);
}
} // namespace

FaceCropCache::FaceCropCache(QObject* parent) : QObject(parent)
{
    m_cache.setMaxCost(64 * 1024); // KiB: about 1000 crops of 128 px
    m_pool.setMaxThreadCount(2);
}

FaceCropCache::~FaceCropCache()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QPixmap FaceCropCache::pixmap(qint64 faceId, const QString& cropPath, const QString& photoPath,
                              const QRectF& box)
{
    if (const QPixmap* pm = m_cache.object(faceId))
        return *pm;
    if (m_pending.contains(faceId))
        return {};
    m_pending.insert(faceId);
    QPointer<FaceCropCache> self(this);
    const quint64 generation = m_generation;
    (void)QtConcurrent::run(&m_pool, [self, faceId, cropPath, photoPath, box, generation] {
        const QImage img = loadCrop(cropPath, photoPath, box);
        QMetaObject::invokeMethod(
            self.data(),
            [self, faceId, img, generation] {
                if (self)
                    self->onLoaded(faceId, img, generation);
            },
            Qt::QueuedConnection);
    });
    return {};
}

void FaceCropCache::onLoaded(qint64 faceId, const QImage& image, quint64 generation)
{
    if (generation != m_generation)
        return;
    m_pending.remove(faceId);
    QPixmap pm =
        image.isNull() ? placeholder(kCropSize, QGuiApplication::palette()) : QPixmap::fromImage(image);
    const int cost = qMax(1, int(qint64(pm.width()) * pm.height() * 4 / 1024));
    m_cache.insert(faceId, new QPixmap(std::move(pm)), cost);
    Q_EMIT cropReady(faceId);
}

void FaceCropCache::clear()
{
    ++m_generation;
    m_pool.clear();
    m_cache.clear();
    m_pending.clear();
}

bool FaceCropCache::waitForIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_pending.isEmpty()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    return true;
}

QPixmap FaceCropCache::placeholder(int size, const QPalette& palette)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(palette.color(QPalette::AlternateBase).darker(105));
    p.drawRoundedRect(QRectF(0, 0, size, size), size / 10.0, size / 10.0);
    p.setBrush(palette.color(QPalette::PlaceholderText));
    p.setOpacity(0.35);
    p.drawEllipse(QRectF(size * 0.34, size * 0.2, size * 0.32, size * 0.36));
    p.drawChord(QRectF(size * 0.18, size * 0.6, size * 0.64, size * 0.6), 0, 180 * 16);
    return pm;
}

} // namespace kindred
