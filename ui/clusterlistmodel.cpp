#include "clusterlistmodel.h"

#include "facecropcache.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QSet>

namespace kindred {

ClusterListModel::ClusterListModel(FaceCropCache* crops, QObject* parent)
    : QAbstractListModel(parent), m_crops(crops)
{
    connect(m_crops, &FaceCropCache::cropReady, this, [this](qint64 faceId) {
        const int row = m_rowOfFace.value(faceId, -1);
        if (row < 0 || row >= m_clusters.size())
            return;
        m_strips.remove(m_clusters.at(row).id);
        Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole});
    });
}

void ClusterListModel::setClusters(const QList<ClusterRecord>& clusters, const QList<FaceRecord>& unclustered,
                                   const QList<FaceRecord>& notFaces, const QList<FaceRecord>& unsure)
{
    beginResetModel();
    m_clusters = clusters;
    // The rows that are no cluster, in this order, each only when it has faces.
    const auto appendRow = [this](qint64 id, const QList<FaceRecord>& faces) {
        if (faces.isEmpty())
            return;
        ClusterRecord row;
        row.id = id;
        row.size = int(faces.size());
        row.faces = faces.mid(0, kStripFaces);
        m_clusters.append(row);
    };
    appendRow(0, unclustered);
    appendRow(kUnsureRow, unsure);
    appendRow(kNotFacesRow, notFaces);
    m_rowOfFace.clear();
    m_strips.clear();
    for (int row = 0; row < m_clusters.size(); ++row) {
        for (const FaceRecord& f : m_clusters.at(row).faces.mid(0, kStripFaces))
            m_rowOfFace.insert(f.id, row);
    }
    endResetModel();
}

int ClusterListModel::rowOf(qint64 clusterId) const
{
    for (int i = 0; i < m_clusters.size(); ++i) {
        if (m_clusters.at(i).id == clusterId)
            return i;
    }
    return -1;
}

void ClusterListModel::removeClusters(const QList<qint64>& clusterIds)
{
    const QSet<qint64> gone(clusterIds.cbegin(), clusterIds.cend());
    for (int row = int(m_clusters.size()) - 1; row >= 0; --row) {
        if (!gone.contains(m_clusters.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_strips.remove(m_clusters.at(row).id);
        m_clusters.removeAt(row);
        endRemoveRows();
    }
    m_rowOfFace.clear();
    for (int row = 0; row < m_clusters.size(); ++row) {
        for (const FaceRecord& f : m_clusters.at(row).faces.mid(0, kStripFaces))
            m_rowOfFace.insert(f.id, row);
    }
}

int ClusterListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_clusters.size());
}

Qt::ItemFlags ClusterListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QPixmap ClusterListModel::strip(int row) const
{
    const ClusterRecord& c = m_clusters.at(row);
    const auto it = m_strips.constFind(c.id);
    if (it != m_strips.cend())
        return *it;
    const int n = int(qMin<qsizetype>(c.faces.size(), kStripFaces));
    const int gap = 4;
    QPixmap pm(kStripFaces * (kStripFaceSize + gap), kStripFaceSize);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    bool complete = true;
    for (int i = 0; i < n; ++i) {
        const FaceRecord& f = c.faces.at(i);
        QPixmap crop = m_crops->pixmap(f.id, f.cropPath, f.photoPath, f.box);
        if (crop.isNull()) {
            complete = false;
            crop = FaceCropCache::placeholder(kStripFaceSize, QGuiApplication::palette());
        }
        p.drawPixmap(QRect(i * (kStripFaceSize + gap), 0, kStripFaceSize, kStripFaceSize), crop);
    }
    p.end();
    if (complete)
        m_strips.insert(c.id, pm);
    return pm;
}

QVariant ClusterListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_clusters.size())
        return {};
    const ClusterRecord& c = m_clusters.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        if (c.id == 0)
            return tr("%n face(s) on their own", nullptr, c.size);
        if (c.id == kUnsureRow)
            return tr("Maybe not faces: %n", nullptr, c.size) + QLatin1Char('\n') + tr("the app is unsure");
        if (c.id == kNotFacesRow)
            return tr("Not faces: %n", nullptr, c.size) + QLatin1Char('\n') + tr("hands, ears, patterns…");
        QString text = tr("%n face(s)", nullptr, c.size);
        if (!c.suggestedPersonName.isEmpty())
            text += QLatin1Char('\n') + tr("Looks like %1").arg(c.suggestedPersonName);
        return text;
    }
    case Qt::DecorationRole:
        return strip(index.row());
    case ClusterIdRole:
        return c.id;
    case SizeRole:
        return c.size;
    case SuggestedNameRole:
        return c.suggestedPersonName;
    default:
        return {};
    }
}

} // namespace kindred
