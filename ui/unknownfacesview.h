#pragma once

#include "librarypaths.h"

#include <QThreadPool>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QStackedLayout;
class QStringListModel;

namespace kindred {

class ClusterListModel;
class EmptyStateView;
class FaceCropCache;
class FaceListModel;
class PeopleController;
struct ClusterRecord;
struct FaceRecord;

// Unknown faces: on the left the clusters of faces nobody has named (largest first, a strip of face crops
// each, several can be selected and ignored at once); on the right the faces of the current cluster, where
// wrong faces can be taken out (or ignored) before the cluster is named by typing (existing names are
// offered as you type). Reads run on a worker (FaceService); changes go through PeopleController.
class UnknownFacesView : public QWidget {
    Q_OBJECT
public:
    UnknownFacesView(PeopleController* people, FaceCropCache* crops, QWidget* parent = nullptr);
    ~UnknownFacesView() override;

    void setLibrary(const QString& catalogPath, const LibraryPaths& paths);
    void refresh();

    QListView* clusterList() const { return m_clusters; }
    QListView* faceList() const { return m_faces; }
    QLineEdit* nameEdit() const { return m_name; }
    ClusterListModel* clusterModel() const { return m_clusterModel; }
    FaceListModel* faceModel() const { return m_faceModel; }
    qint64 currentClusterId() const { return m_currentCluster; }

    // The actions behind the buttons (tests call them too).
    void nameCurrent();         // the name field's text -> the current cluster (or selected faces)
    void removeSelectedFaces(); // "Not this person": selected faces leave the cluster
    void ignoreSelectedFaces(); // strangers
    void ignoreSelectedClusters();
    void markSelectedNotFaces(); // "Not a face": selected faces, or the selected groups when no face is
    void restoreSelectedFaces(); // in the "Not faces" row: they are faces after all

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    void refreshed(int clusters);
    void clusterShown(qint64 clusterId, int faces);

private:
    void showClusters(const QList<ClusterRecord>& clusters, const QList<FaceRecord>& unclustered,
                      const QList<FaceRecord>& notFaces, const QList<FaceRecord>& unsure,
                      const QStringList& names, const QString& error, quint64 serial);
    void removeClusterRows(const QList<qint64>& clusterIds);
    void loadCluster(qint64 clusterId);
    void showCluster(qint64 clusterId, const QList<FaceRecord>& faces, quint64 serial);
    QList<qint64> selectedFaceIds() const;
    void updateButtons();

    PeopleController* m_people;
    FaceCropCache* m_crops;
    QString m_catalogPath;
    LibraryPaths m_paths;
    ClusterListModel* m_clusterModel;
    FaceListModel* m_faceModel;
    QListView* m_clusters;
    QListView* m_faces;
    QLabel* m_title;
    QLabel* m_hint;
    QLineEdit* m_name;
    QStringListModel* m_names;
    QPushButton* m_nameButton;
    QPushButton* m_removeButton;
    QPushButton* m_ignoreFacesButton;
    QPushButton* m_ignoreClustersButton;
    QPushButton* m_notFaceButton;
    QPushButton* m_restoreButton;
    EmptyStateView* m_empty;
    QStackedLayout* m_stack;
    QThreadPool m_pool;
    quint64 m_serial = 0;
    quint64 m_clusterSerial = 0;
    qint64 m_currentCluster = -1;
};

} // namespace kindred
