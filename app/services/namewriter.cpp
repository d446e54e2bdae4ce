#include "namewriter.h"

#include "catalog.h"
#include "fileidentity.h"
#include "metadatawriter.h"
#include "sqlutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSize>
#include <QSqlError>
#include <algorithm>

namespace kindred {

namespace {

struct Candidate {
    qint64 id = 0;
    QString path;
    QString hash;
    QSize size;
};

struct NamedFace {
    qint64 faceId = 0;
    NamedFaceRegion region;
};

QString targetName(MetadataWriter::Target target)
{
    return target == MetadataWriter::Target::File ? QStringLiteral("file") : QStringLiteral("sidecar");
}

// What was (or would be) written: the target and every name with its box to 1/10000 of the image.
QString signatureOf(MetadataWriter::Target target, const QList<NamedFace>& faces)
{
    QCryptographicHash h(QCryptographicHash::Sha1);
    h.addData(targetName(target).toUtf8());
    for (const NamedFace& f : faces)
        h.addData(QStringLiteral("|%1|%2|%3|%4|%5")
                      .arg(f.region.name)
                      .arg(f.region.x, 0, 'f', 4)
                      .arg(f.region.y, 0, 'f', 4)
                      .arg(f.region.w, 0, 'f', 4)
                      .arg(f.region.h, 0, 'f', 4)
                      .toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

} // namespace

NameWriter::NameWriter(const QString& catalogPath) : m_catalogPath(catalogPath) {}

NameWriteSummary NameWriter::run(const NameWriteOptions& options, const Progress& progress,
                                 const std::atomic_bool* cancel)
{
    NameWriteSummary summary;
    QSqlDatabase db = Catalog::connectionForThread(m_catalogPath, &summary.error);
    if (!db.isOpen())
        return summary;

    QList<Candidate> candidates;
    {
        QSqlQuery q(db);
        if (!SqlUtil::exec(
                q,
                QStringLiteral(
                    "SELECT p.id, p.path, p.hash, p.width, p.height FROM photos p WHERE p.missing = 0 "
                    "AND (EXISTS (SELECT 1 FROM faces f WHERE f.photo_id = p.id AND f.state = "
                    "'confirmed' AND f.person_id IS NOT NULL) OR EXISTS (SELECT 1 FROM name_writes w "
                    "WHERE w.photo_id = p.id)) ORDER BY p.path"),
                {}, &summary.error))
            return summary;
        while (q.next())
            candidates.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                               QSize(q.value(3).toInt(), q.value(4).toInt())});
    }
    summary.photosTotal = int(candidates.size());

    int done = 0;
    for (const Candidate& c : std::as_const(candidates)) {
        if (cancel && cancel->load()) {
            summary.cancelled = true;
            break;
        }
        if (progress)
            progress(done, summary.photosTotal, c.path);
        ++done;
        if (c.size.width() <= 0 || c.size.height() <= 0)
            continue;

        QList<NamedFace> faces;
        {
            QSqlQuery q(db);
            if (!SqlUtil::exec(
                    q,
                    QStringLiteral("SELECT f.id, f.x1, f.y1, f.x2, f.y2, pe.name FROM faces f JOIN persons "
                                   "pe ON pe.id = f.person_id WHERE f.photo_id = ? AND f.state = "
                                   "'confirmed' ORDER BY f.x1, f.y1, f.id"),
                    {c.id}, &summary.error))
                return summary;
            const double w = c.size.width(), h = c.size.height();
            while (q.next()) {
                NamedFace f;
                f.faceId = q.value(0).toLongLong();
                const double x1 = std::clamp(q.value(1).toDouble() / w, 0.0, 1.0);
                const double y1 = std::clamp(q.value(2).toDouble() / h, 0.0, 1.0);
                const double x2 = std::clamp(q.value(3).toDouble() / w, 0.0, 1.0);
                const double y2 = std::clamp(q.value(4).toDouble() / h, 0.0, 1.0);
                if (x2 <= x1 || y2 <= y1)
                    continue;
                f.region = {x1, y1, x2 - x1, y2 - y1, q.value(5).toString()};
                faces.append(f);
            }
        }
        const MetadataWriter::Target target = options.intoFiles && MetadataWriter::canWriteInto(c.path)
                                                  ? MetadataWriter::Target::File
                                                  : MetadataWriter::Target::Sidecar;
        const QString signature = signatureOf(target, faces);
        const QVariant previous = SqlUtil::scalar(
            db, QStringLiteral("SELECT signature FROM name_writes WHERE photo_id = ?"), {c.id});
        if (!options.all && previous.toString() == signature) {
            ++summary.unchanged;
            continue;
        }

        QList<NamedFaceRegion> regions;
        for (const NamedFace& f : std::as_const(faces))
            regions.append(f.region);
        QString error;
        // The face boxes belong to the content the catalog knows: a photo edited since (cropped, rotated by
        // another program) waits for the next scan, which finds its faces again.
        const std::optional<FileIdentity> current = FileIdentity::of(c.path, &error);
        if (!current || current->hash != c.hash) {
            ++summary.failed;
            summary.failures.append(
                {c.path, current
                             ? QStringLiteral("the photo changed since it was catalogued; rescan it first")
                             : QStringLiteral("cannot read the photo: %1").arg(error)});
            continue;
        }
        if (!MetadataWriter::writeFaceRegions(c.path, regions, c.size, target, &error)) {
            ++summary.failed;
            summary.failures.append({c.path, error});
            continue;
        }
        // Record it: after a write into the file, the new bytes are the same photo (faces, names and the
        // face scan follow the new hash); the regions now in the file are ours, already linked to faces.
        std::optional<FileIdentity> identity;
        if (target == MetadataWriter::Target::File) {
            identity = FileIdentity::of(c.path, &error);
            if (!identity) {
                ++summary.failed;
                summary.failures.append(
                    {c.path, QStringLiteral("written, but cannot be read back: %1").arg(error)});
                continue;
            }
        }
        if (!db.transaction()) {
            summary.error = db.lastError().text();
            return summary;
        }
        bool ok = true;
        if (identity) {
            ok = SqlUtil::exec(
                     db, QStringLiteral("UPDATE photos SET size = ?, mtime_ns = ?, hash = ? WHERE id = ?"),
                     {identity->size, identity->mtimeNs, identity->hash, c.id}, &error) &&
                 SqlUtil::exec(db,
                               QStringLiteral("UPDATE face_scans SET content_hash = ? WHERE photo_id = ? AND "
                                              "content_hash = ?"),
                               {identity->hash, c.id, c.hash}, &error);
        }
        // Our own sidecar is no news for the next scan.
        ok = ok && SqlUtil::exec(db, QStringLiteral("UPDATE photos SET sidecar_mtime_ns = ? WHERE id = ?"),
                                 {FileIdentity::sidecarMtimeNs(c.path), c.id}, &error);
        ok = ok &&
             SqlUtil::exec(db, QStringLiteral("DELETE FROM xmp_regions WHERE photo_id = ?"), {c.id}, &error);
        for (const NamedFace& f : std::as_const(faces)) {
            ok = ok &&
                 SqlUtil::exec(
                     db,
                     QStringLiteral("INSERT INTO xmp_regions (photo_id, x, y, w, h, name, type, "
                                    "scheme, face_id) VALUES (?, ?, ?, ?, ?, ?, 'Face', 'mwg', ?)"),
                     {c.id, f.region.x, f.region.y, f.region.w, f.region.h, f.region.name, f.faceId}, &error);
        }
        ok = ok &&
             SqlUtil::exec(db,
                           QStringLiteral("INSERT OR REPLACE INTO name_writes (photo_id, target, signature) "
                                          "VALUES (?, ?, ?)"),
                           {c.id, targetName(target), signature}, &error);
        if (!ok || !db.commit()) {
            // Keep the first error (a full disk at commit), not the rollback's.
            summary.error = error.isEmpty() ? db.lastError().text() : error;
            db.rollback();
            if (identity)
                summary.error += QStringLiteral(" (%1 already holds the names; the next scan records it)")
                                     .arg(QDir::toNativeSeparators(c.path));
            return summary;
        }
        ++summary.written;
        if (target == MetadataWriter::Target::Sidecar)
            ++summary.sidecars;
        summary.facesWritten += int(faces.size());
    }
    if (progress && !summary.cancelled)
        progress(summary.photosTotal, summary.photosTotal, {});
    return summary;
}

} // namespace kindred
