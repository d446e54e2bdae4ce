#pragma once

#include <QImage>
#include <QMutex>
#include <QObject>
#include <QSize>
#include <QString>
#include <QThreadPool>
#include <deque>
#include <memory>

namespace kindred {

class ThumbnailCache;

// Thumbnails and full images for the GUI, produced on a thread pool and delivered by queued signals, so
// nothing is decoded on the GUI thread. Thumbnails come from the library's on-disk ThumbnailCache.
//
// Requests are served newest first (what the user scrolled to last is what they look at); when more than
// maxPending() thumbnail requests wait, the oldest are dropped and reported with thumbnailDropped() so the
// requester may ask again later.
class ThumbnailProvider : public QObject {
    Q_OBJECT
public:
    // thumbnailDir: LibraryService::thumbnailDir(). threads 0 = ideal thread count (at least 2).
    explicit ThumbnailProvider(const QString& thumbnailDir, int threads = 0, QObject* parent = nullptr);
    ~ThumbnailProvider() override;

    void setThumbnailDir(const QString& dir); // drops pending requests
    QString thumbnailDir() const;

    // Asks for the thumbnail of photo `id` whose long side is at least `longSide` (a cache bucket).
    void requestThumbnail(qint64 id, const QString& path, const QString& hash, int longSide);
    // Asks for the photo itself, oriented, fitting inside `bounding` (invalid = full resolution).
    // Only the latest image request is kept: a new one replaces one that has not started.
    void requestImage(qint64 id, const QString& path, const QSize& bounding);
    // Forgets thumbnail requests that have not started (each is reported dropped).
    void clearPending();
    int pendingCount() const;
    static constexpr int maxPending() { return 400; }

Q_SIGNALS:
    void thumbnailReady(qint64 id, int longSide, const QImage& image);
    void thumbnailFailed(qint64 id, const QString& error);
    void thumbnailDropped(qint64 id);
    void imageReady(qint64 id, const QImage& image, const QString& error);

private:
    struct Request {
        qint64 id = 0;
        QString path;
        QString hash;
        int longSide = 0;
    };
    void runOne();

    mutable QMutex m_mutex;
    std::shared_ptr<ThumbnailCache> m_cache;
    std::deque<Request> m_pending; // back = newest
    QThreadPool m_pool;
    QThreadPool m_imagePool;
    quint64 m_imageSerial = 0;
};

} // namespace kindred
