#pragma once

#include <QRectF>
#include <QSqlDatabase>
#include <QString>

namespace kindred {

// Names the family already gave in another photo manager: the named face regions read from a photo's
// XMP (xmp_regions, from the file or its sidecar) are matched to the faces Kindred found in that photo,
// and a matching face that nobody has named yet becomes that person's (confirmed; the person is created
// when the name is new, matched case-insensitively otherwise).
//
// Each region is used once: once linked to a face (xmp_regions.face_id) it is never applied again, so a
// name the family later removes or corrects in Kindred does not come back on the next run. Faces the family
// already named or ignored keep what the family said (the region is only linked).
//
// Programs disagree on whether MWG regions follow the EXIF orientation; both readings are tried for a
// rotated photo and the one that matches more faces wins (ties: the displayed image, as digiKam and
// Lightroom write it).
class FileNameImporter {
public:
    // Smallest overlap (intersection over union) between a region and a face box to call them the same
    // face: regions drawn by hand are looser than the detector's boxes.
    static constexpr double kMinOverlap = 0.3;

    // A named region no face matched: a face the detector missed (a profile, a face turned away, a tiny
    // one) that the family marked in another program.
    struct Unmatched {
        qint64 regionId = 0;
        QRectF box; // normalised to the displayed image
        QString name;
    };

    // Runs inside the caller's transaction on `db`. Returns the number of faces named, -1 on a database
    // error (*error set). With `unmatched`, also lists the named regions no face matched, to be added as
    // faces (addFace) — only where their placement is certain: not for a rotated photo none of whose
    // regions matched a face (the orientation convention is unknown then), not over a face already there,
    // not smaller than 0.5 % of the photo.
    static int apply(QSqlDatabase& db, qint64 photoId, QString* error, QList<Unmatched>* unmatched = nullptr);

    // Names a face added for an unmatched region: source 'xmp', confirmed as `region.name`, region linked.
    static bool nameAddedFace(QSqlDatabase& db, qint64 faceId, const Unmatched& region, QString* error);

    // A rectangle normalised to the stored image, as it lies in the displayed image (EXIF orientation 1..8
    // applied).
    static QRectF toDisplayed(const QRectF& stored, int orientation);
};

} // namespace kindred
