#pragma once

#include <QCache>
#include <QObject>
#include <QPixmap>
#include <QRectF>
#include <QSet>
#include <QThreadPool>

namespace kindred {

// Face thumbnails for the people views: the display crop FaceIndexer wrote (FaceIndexer::faceCropPath),
// or, when there is none (an old or hand-made face), a crop cut from the photo. Loaded on a thread pool;
// pixmap() returns a null pixmap meanwhile (draw a placeholder) and cropReady() says when it is there.
class FaceCropCache : public QObject {
    Q_OBJECT
public:
    explicit FaceCropCache(QObject* parent = nullptr);
    ~FaceCropCache() override;

    // The crop of face `faceId`; null until loaded (a load is queued). `photoPath` + `box` (in the
    // oriented full-size photo) are the fallback when `cropPath` does not exist.
    QPixmap pixmap(qint64 faceId, const QString& cropPath, const QString& photoPath = {},
                   const QRectF& box = {});
    void clear();
    bool waitForIdle(int timeoutMs); // tests

    static constexpr int kCropSize = 128;
    // A neutral rounded square with a face outline, for faces whose crop is still loading.
    static QPixmap placeholder(int size, const QPalette& palette);

Q_SIGNALS:
    void cropReady(qint64 faceId);

private:
    void onLoaded(qint64 faceId, const QImage& image, quint64 generation);

    QCache<qint64, QPixmap> m_cache;
    QSet<qint64> m_pending;
    QThreadPool m_pool;
    quint64 m_generation = 0;
};

} // namespace kindred
