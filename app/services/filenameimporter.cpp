#include "filenameimporter.h"

#include "detection/facecheck.h"
#include "sqlutil.h"

#include <QList>
#include <QPointF>
#include <QSqlQuery>
#include <algorithm>

namespace kindred {

namespace {

struct Region {
    qint64 id = 0;
    QRectF rect; // normalised, as stored in the file
    QString name;
};

struct Face {
    qint64 id = 0;
    QRectF box; // normalised, displayed image
    QString state;
    int notFace = 0;        // faces.not_face: 1 = hidden by the face check
    bool secondBox = false; // hidden although it passes the check: a second box on a face beside it
};

double iou(const QRectF& a, const QRectF& b)
{
    const QRectF inter = a.intersected(b);
    if (inter.isEmpty())
        return 0;
    const double i = inter.width() * inter.height();
    return i / (a.width() * a.height() + b.width() * b.height() - i);
}

QPointF mapPoint(const QPointF& p, int orientation)
{
    const double u = p.x(), v = p.y();
    switch (orientation) {
    case 2:
        return {1 - u, v};
    case 3:
        return {1 - u, 1 - v};
    case 4:
        return {u, 1 - v};
    case 5:
        return {v, u};
    case 6:
        return {1 - v, u};
    case 7:
        return {1 - v, 1 - u};
    case 8:
        return {v, 1 - u};
    default:
        return p;
    }
}

// Greedy one-to-one matching, best overlap first: region index -> face index. A second box on a face
// (which may cover more of the head than the face's own box) takes a region only when no other face does.
QList<QPair<int, int>> match(const QList<QRectF>& regions, const QList<Face>& faces)
{
    struct Pair {
        double overlap;
        int region, face;
        bool secondBox;
    };
    std::vector<Pair> pairs;
    for (int r = 0; r < regions.size(); ++r)
        for (int f = 0; f < faces.size(); ++f) {
            const double o = iou(regions[r], faces[f].box);
            if (o >= FileNameImporter::kMinOverlap)
                pairs.push_back({o, r, f, faces[f].secondBox});
        }
    std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
        return a.secondBox != b.secondBox ? b.secondBox : a.overlap > b.overlap;
    });
    QList<QPair<int, int>> out;
    std::vector<bool> regionUsed(regions.size()), faceUsed(faces.size());
    for (const Pair& p : pairs) {
        if (regionUsed[p.region] || faceUsed[p.face])
            continue;
        regionUsed[p.region] = faceUsed[p.face] = true;
        out.append({p.region, p.face});
    }
    return out;
}

} // namespace

QRectF FileNameImporter::toDisplayed(const QRectF& stored, int orientation)
{
    const QPointF a = mapPoint(stored.topLeft(), orientation);
    const QPointF b = mapPoint(stored.bottomRight(), orientation);
    return QRectF(QPointF(std::min(a.x(), b.x()), std::min(a.y(), b.y())),
                  QPointF(std::max(a.x(), b.x()), std::max(a.y(), b.y())));
}

namespace {

// The person called `name` (case-insensitively), created when new; 0 on a database error.
qint64 personNamed(QSqlDatabase& db, const QString& name, QString* error)
{
    QSqlQuery q(db);
    if (!SqlUtil::exec(q, QStringLiteral("SELECT id, name FROM persons"), {}, error))
        return 0;
    while (q.next())
        if (q.value(1).toString().compare(name, Qt::CaseInsensitive) == 0)
            return q.value(0).toLongLong();
    QSqlQuery insert(db);
    if (!SqlUtil::exec(insert, QStringLiteral("INSERT INTO persons (name) VALUES (?)"), {name}, error))
        return 0;
    return insert.lastInsertId().toLongLong();
}

// Confirms `faceId` as the person called `name` and links the region to it; `source` set when given.
bool nameFaceFromRegion(QSqlDatabase& db, qint64 faceId, qint64 regionId, const QString& name,
                        const QString& source, QString* error)
{
    const qint64 person = personNamed(db, name, error);
    return person != 0 &&
           SqlUtil::exec(
               db,
               QStringLiteral("UPDATE faces SET source = coalesce(?, source), person_id = ?, state = "
                              "'confirmed', suggestion_score = NULL WHERE id = ?"),
               {source.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(source), person,
                faceId},
               error) &&
           SqlUtil::exec(db, QStringLiteral("UPDATE xmp_regions SET face_id = ? WHERE id = ?"),
                         {faceId, regionId}, error);
}

} // namespace

bool FileNameImporter::nameAddedFace(QSqlDatabase& db, qint64 faceId, const Unmatched& region, QString* error)
{
    return nameFaceFromRegion(db, faceId, region.regionId, region.name, QStringLiteral("xmp"), error);
}

int FileNameImporter::apply(QSqlDatabase& db, qint64 photoId, QString* error, QList<Unmatched>* unmatched)
{
    QList<Region> regions;
    {
        QSqlQuery q(db);
        if (!SqlUtil::exec(
                q,
                QStringLiteral("SELECT id, x, y, w, h, name FROM xmp_regions WHERE photo_id = ? AND "
                               "face_id IS NULL AND type = 'Face' AND trim(coalesce(name, '')) != '' "
                               "ORDER BY id"),
                {photoId}, error))
            return -1;
        while (q.next())
            regions.append({q.value(0).toLongLong(),
                            QRectF(q.value(1).toDouble(), q.value(2).toDouble(), q.value(3).toDouble(),
                                   q.value(4).toDouble()),
                            q.value(5).toString().simplified()});
    }
    if (regions.isEmpty())
        return 0;
    QSqlQuery photo(db);
    if (!SqlUtil::exec(photo, QStringLiteral("SELECT width, height, orientation FROM photos WHERE id = ?"),
                       {photoId}, error))
        return -1;
    if (!photo.next() || photo.value(0).toInt() <= 0 || photo.value(1).toInt() <= 0)
        return 0;
    const double width = photo.value(0).toDouble(), height = photo.value(1).toDouble();
    const int orientation = photo.value(2).toInt();

    QList<Face> faces;
    {
        QSqlQuery q(db);
        if (!SqlUtil::exec(
                q,
                QStringLiteral(
                    "SELECT id, x1, y1, x2, y2, state, not_face, face_check FROM faces WHERE photo_id = ?"),
                {photoId}, error))
            return -1;
        while (q.next())
            faces.append({q.value(0).toLongLong(),
                          QRectF(QPointF(q.value(1).toDouble() / width, q.value(2).toDouble() / height),
                                 QPointF(q.value(3).toDouble() / width, q.value(4).toDouble() / height)),
                          q.value(5).toString(), q.value(6).toInt(),
                          FaceCheck::hiddenAsSecondBox(q.value(6).toInt() == 1, q.value(7).toDouble())});
    }
    QList<QRectF> displayed, rotated;
    for (const Region& r : std::as_const(regions)) {
        displayed.append(r.rect);
        rotated.append(toDisplayed(r.rect, orientation));
    }
    QList<QPair<int, int>> pairs = match(displayed, faces);
    const QList<QRectF>* frame = &displayed;
    if (orientation > 1) {
        const QList<QPair<int, int>> other = match(rotated, faces);
        if (other.size() > pairs.size()) {
            pairs = other;
            frame = &rotated;
        }
    }
    if (unmatched && (orientation <= 1 || !pairs.isEmpty())) {
        QList<bool> used(regions.size(), false);
        for (const auto& pair : std::as_const(pairs))
            used[pair.first] = true;
        for (int r = 0; r < regions.size(); ++r) {
            const QRectF box = frame->at(r).intersected(QRectF(0, 0, 1, 1));
            if (used[r] || box.width() < 0.005 || box.height() < 0.005)
                continue;
            bool overFace = false;
            for (const Face& f : std::as_const(faces))
                overFace = overFace || iou(box, f.box) > 0.1;
            if (!overFace)
                unmatched->append({regions[r].id, box, regions[r].name});
        }
    }

    int named = 0;
    for (const auto& [r, f] : std::as_const(pairs)) {
        const Region& region = regions[r];
        const Face& face = faces[f];
        // A face someone named in another program is a face, whatever the face check said: it comes back
        // (never hidden again) and takes the name.
        const bool hiddenByCheck = face.state == QLatin1String("ignored") && face.notFace == 1;
        if (face.state == QLatin1String("unknown") || face.state == QLatin1String("suggested") ||
            hiddenByCheck) {
            if (hiddenByCheck &&
                !SqlUtil::exec(
                    db, QStringLiteral("UPDATE faces SET state = 'unknown', not_face = -1 WHERE id = ?"),
                    {face.id}, error))
                return -1;
            if (!nameFaceFromRegion(db, face.id, region.id, region.name, {}, error))
                return -1;
            ++named;
        } else if (!SqlUtil::exec(db, QStringLiteral("UPDATE xmp_regions SET face_id = ? WHERE id = ?"),
                                  {face.id, region.id}, error)) {
            return -1; // a face the family named or ignored keeps what they said; the region is only linked
        }
    }
    return named;
}

} // namespace kindred
