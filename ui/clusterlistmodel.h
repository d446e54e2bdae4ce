#pragma once

#include "faceservice.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPixmap>

namespace kindred {

class FaceCropCache;

// The unknown faces, one row per cluster (largest first, as FaceService::clusters() orders them), a row
// for the faces in no cluster, one for the detections the face check is unsure of (kUnsureRow) and a last
// row for the detections hidden as "not a face" (kNotFacesRow).
// Decoration: a strip of the cluster's best face crops; display: "12 faces" (and "Alice?" when most of them
// are suggested as one person).
class ClusterListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { ClusterIdRole = Qt::UserRole + 1, SizeRole, SuggestedNameRole };
    static constexpr int kStripFaces = 8;
    static constexpr int kStripFaceSize = 64;
    static constexpr qint64 kNotFacesRow = -2; // cluster id of the "not a face" row
    static constexpr qint64 kUnsureRow = -3;   // cluster id of the "maybe not faces" row

    ClusterListModel(FaceCropCache* crops, QObject* parent = nullptr);

    // `unclustered`: faces in no cluster, shown as a row with cluster id 0; `notFaces`: detections hidden as
    // "not a face", a last row with cluster id kNotFacesRow; `unsure`: detections the face check only just
    // let through (FaceService::unsureFaces), a row with cluster id kUnsureRow before it (none: no row).
    void setClusters(const QList<ClusterRecord>& clusters, const QList<FaceRecord>& unclustered,
                     const QList<FaceRecord>& notFaces = {}, const QList<FaceRecord>& unsure = {});
    ClusterRecord clusterAt(int row) const { return m_clusters.value(row); }
    int rowOf(qint64 clusterId) const;
    void removeClusters(const QList<qint64>& clusterIds);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QPixmap strip(int row) const;

    FaceCropCache* m_crops;
    QList<ClusterRecord> m_clusters;
    QHash<qint64, int> m_rowOfFace;          // face shown in a strip -> row
    mutable QHash<qint64, QPixmap> m_strips; // by cluster id; dropped when a crop of it arrives
};

} // namespace kindred
