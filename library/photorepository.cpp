#include "photorepository.h"

#include "catalog.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kindred {

namespace {

const char* const kPhotoSelect = "SELECT id, path, hash, size, mtime_ns, format, mime, width, height, "
                                 "orientation, captured_at, date_source, "
                                 "camera_make, camera_model, gps_lat, gps_lon, missing FROM photos ";

PhotoRecord photoFrom(const QSqlQuery& q)
{
    PhotoRecord p;
    p.id = q.value(0).toLongLong();
    p.path = q.value(1).toString();
    p.hash = q.value(2).toString();
    p.size = q.value(3).toLongLong();
    p.mtimeNs = q.value(4).toLongLong();
    p.format = q.value(5).toString();
    p.mime = q.value(6).toString();
    p.width = q.value(7).toInt();
    p.height = q.value(8).toInt();
    p.orientation = q.value(9).toInt();
    p.capturedAt = q.value(10).toString();
    p.dateSource = q.value(11).toString();
    p.cameraMake = q.value(12).toString();
    p.cameraModel = q.value(13).toString();
    if (!q.value(14).isNull())
        p.gpsLat = q.value(14).toDouble();
    if (!q.value(15).isNull())
        p.gpsLon = q.value(15).toDouble();
    p.missing = q.value(16).toInt() != 0;
    return p;
}

} // namespace

PhotoRepository::PhotoRepository(const QString& catalogPath) : m_catalogPath(catalogPath) {}

QList<PhotoRecord> PhotoRepository::query(const QString& where, const QVariantList& binds) const
{
    QList<PhotoRecord> out;
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QString::fromLatin1(kPhotoSelect) + where);
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append(photoFrom(q));
    m_error.clear();
    return out;
}

QList<PhotoRecord> PhotoRepository::photos(bool includeMissing) const
{
    return query(includeMissing ? QStringLiteral("ORDER BY path")
                                : QStringLiteral("WHERE missing = 0 ORDER BY path"),
                 {});
}

std::optional<PhotoRecord> PhotoRepository::photo(qint64 id) const
{
    const QList<PhotoRecord> list = query(QStringLiteral("WHERE id = ?"), {id});
    return list.isEmpty() ? std::nullopt : std::optional<PhotoRecord>(list.first());
}

std::optional<PhotoRecord> PhotoRepository::photoByPath(const QString& path) const
{
    const QList<PhotoRecord> list = query(QStringLiteral("WHERE path = ?"), {path});
    return list.isEmpty() ? std::nullopt : std::optional<PhotoRecord>(list.first());
}

QList<PhotoRecord> PhotoRepository::photosWithHash(const QString& hash) const
{
    return query(QStringLiteral("WHERE hash = ? ORDER BY path"), {hash});
}

QList<XmpRegionRecord> PhotoRepository::xmpRegions(qint64 photoId) const
{
    QList<XmpRegionRecord> out;
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, photo_id, x, y, w, h, name, type, scheme FROM xmp_regions "
                             "WHERE photo_id = ? ORDER BY id"));
    q.addBindValue(photoId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return out;
    }
    while (q.next()) {
        XmpRegionRecord r;
        r.id = q.value(0).toLongLong();
        r.photoId = q.value(1).toLongLong();
        r.x = q.value(2).toDouble();
        r.y = q.value(3).toDouble();
        r.w = q.value(4).toDouble();
        r.h = q.value(5).toDouble();
        r.name = q.value(6).toString();
        r.type = q.value(7).toString();
        r.scheme = q.value(8).toString();
        out.append(r);
    }
    return out;
}

CatalogStatus PhotoRepository::status() const
{
    CatalogStatus s;
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &m_error);
    if (!db.isOpen())
        return s;
    QSqlQuery q(db);
    const auto scalar = [&](const QString& sql) {
        if (!q.exec(sql) || !q.next()) {
            m_error = q.lastError().text();
            return 0;
        }
        return q.value(0).toInt();
    };
    s.schemaVersion = scalar(QStringLiteral("PRAGMA user_version"));
    s.photos = scalar(QStringLiteral("SELECT count(*) FROM photos"));
    s.missing = scalar(QStringLiteral("SELECT count(*) FROM photos WHERE missing = 1"));
    // Readable: present, and not currently failing (a catalogued file can become corrupt later).
    s.readable = scalar(QStringLiteral("SELECT count(*) FROM photos p WHERE p.missing = 0 AND NOT EXISTS "
                                       "(SELECT 1 FROM failures f WHERE f.path = p.path)"));
    s.failed = scalar(QStringLiteral("SELECT count(*) FROM failures"));
    if (q.exec(QStringLiteral("SELECT path, reason, failed_at FROM failures ORDER BY path"))) {
        while (q.next())
            s.failures.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    }
    if (q.exec(QStringLiteral("SELECT path FROM roots ORDER BY path"))) {
        while (q.next())
            s.roots.append(q.value(0).toString());
    }
    return s;
}

} // namespace kindred
