#pragma once

#include "faceservice.h"

#include <QAbstractListModel>
#include <QHash>

namespace kindred {

class FaceCropCache;

// A flat list of faces (a cluster's, the suggestions, a person's) for icon-mode views. Decoration: the
// face crop (a placeholder until FaceCropCache has loaded it). Display: the name shown under the face:
// "Alice?" for a suggestion (with its confidence in the tooltip), the person's name when confirmed.
class FaceListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { FaceIdRole = Qt::UserRole + 1, FaceRole, PersonNameRole, ScoreRole };

    FaceListModel(FaceCropCache* crops, QObject* parent = nullptr);

    void setFaces(const QList<FaceRecord>& faces);
    const QList<FaceRecord>& faces() const { return m_faces; }
    FaceRecord faceAt(int row) const { return m_faces.value(row); }
    int rowOf(qint64 faceId) const { return m_rows.value(faceId, -1); }
    // Removes these faces (after an action on them), keeping the others' order.
    void removeFaces(const QList<qint64>& faceIds);
    void setIconSize(int size) { m_iconSize = size; }
    // Show the suggested name ("Alice?") under suggested faces (the Suggestions view) or nothing.
    void setShowNames(bool show) { m_showNames = show; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    void reindex();

    FaceCropCache* m_crops;
    QList<FaceRecord> m_faces;
    QHash<qint64, int> m_rows;
    int m_iconSize = 96;
    bool m_showNames = true;
};

} // namespace kindred

Q_DECLARE_METATYPE(kindred::FaceRecord)
