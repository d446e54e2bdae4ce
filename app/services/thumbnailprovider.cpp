#include "thumbnailprovider.h"

#include "imagedecoder.h"
#include "thumbnailcache.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace kindred {

ThumbnailProvider::ThumbnailProvider(const QString& thumbnailDir, int threads, QObject* parent)
    : QObject(parent), m_cache(std::make_shared<ThumbnailCache>(thumbnailDir))
{
    m_pool.setMaxThreadCount(threads > 0 ? threads : qMax(2, QThread::idealThreadCount()));
    m_imagePool.setMaxThreadCount(1);
}

ThumbnailProvider::~ThumbnailProvider()
{
    {
        QMutexLocker lock(&m_mutex);
        m_pending.clear();
        ++m_imageSerial;
    }
    m_pool.waitForDone();
    m_imagePool.waitForDone();
}

void ThumbnailProvider::setThumbnailDir(const QString& dir)
{
    clearPending();
    QMutexLocker lock(&m_mutex);
    m_cache = std::make_shared<ThumbnailCache>(dir);
}

QString ThumbnailProvider::thumbnailDir() const
{
    QMutexLocker lock(&m_mutex);
    return m_cache->directory();
}

void ThumbnailProvider::requestThumbnail(qint64 id, const QString& path, const QString& hash, int longSide)
{
    QList<qint64> dropped;
    {
        QMutexLocker lock(&m_mutex);
        m_pending.push_back(Request{id, path, hash, longSide});
        while (int(m_pending.size()) > maxPending()) {
            dropped.append(m_pending.front().id);
            m_pending.pop_front();
        }
    }
    for (qint64 d : std::as_const(dropped))
        Q_EMIT thumbnailDropped(d);
    m_pool.start([this] { runOne(); });
}

void ThumbnailProvider::runOne()
{
    Request request;
    std::shared_ptr<ThumbnailCache> cache;
    {
        QMutexLocker lock(&m_mutex);
        if (m_pending.empty())
            return;
        request = m_pending.back();
        m_pending.pop_back();
        cache = m_cache;
    }
    const ThumbnailCache::Result result = cache->thumbnail(request.path, request.hash, request.longSide);
    const qint64 id = request.id;
    const int longSide = request.longSide;
    if (result.ok()) {
        const QImage image = result.image;
        QMetaObject::invokeMethod(
            this, [this, id, longSide, image] { Q_EMIT thumbnailReady(id, longSide, image); },
            Qt::QueuedConnection);
    } else {
        const QString error = result.error.isEmpty() ? tr("No thumbnail could be made.") : result.error;
        QMetaObject::invokeMethod(
            this, [this, id, error] { Q_EMIT thumbnailFailed(id, error); }, Qt::QueuedConnection);
    }
}

void ThumbnailProvider::requestImage(qint64 id, const QString& path, const QSize& bounding)
{
    quint64 serial = 0;
    {
        QMutexLocker lock(&m_mutex);
        serial = ++m_imageSerial;
    }
    m_imagePool.start([this, id, path, bounding, serial] {
        {
            QMutexLocker lock(&m_mutex);
            if (serial != m_imageSerial)
                return; // superseded by a newer request before it started
        }
        ImageDecoder::Options options;
        options.boundingSize = bounding;
        const ImageDecoder::Result result = ImageDecoder::decodeFile(path, options);
        const QImage image = result.image;
        const QString error = result.ok() ? QString() : result.error;
        QMetaObject::invokeMethod(
            this, [this, id, image, error] { Q_EMIT imageReady(id, image, error); }, Qt::QueuedConnection);
    });
}

void ThumbnailProvider::clearPending()
{
    std::deque<Request> dropped;
    {
        QMutexLocker lock(&m_mutex);
        dropped.swap(m_pending);
    }
    for (const Request& r : dropped)
        Q_EMIT thumbnailDropped(r.id);
}

int ThumbnailProvider::pendingCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_pending.size());
}

} // namespace kindred
