#include "unknownfacesview.h"

#include "clusterlistmodel.h"
#include "emptystateview.h"
#include "facecropcache.h"
#include "facelistmodel.h"
#include "faceservice.h"
#include "icons.h"
#include "peoplecontroller.h"
#include "peopleservice.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedLayout>
#include <QStringListModel>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kindred {

UnknownFacesView::UnknownFacesView(PeopleController* people, FaceCropCache* crops, QWidget* parent)
    : QWidget(parent), m_people(people), m_crops(crops)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);

    auto* title = new QLabel(tr("Unknown faces"), this);
    QFont tf = title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.4);
    tf.setBold(true);
    title->setFont(tf);

    // Left: the clusters.
    m_clusterModel = new ClusterListModel(m_crops, this);
    m_clusters = new QListView(this);
    m_clusters->setObjectName(QStringLiteral("clusterList"));
    m_clusters->setModel(m_clusterModel);
    m_clusters->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_clusters->setIconSize(QSize(ClusterListModel::kStripFaces * (ClusterListModel::kStripFaceSize + 4),
                                  ClusterListModel::kStripFaceSize));
    m_clusters->setSpacing(4);
    m_clusters->setUniformItemSizes(true);
    // The whole row fits: the strip of crops and the "12 faces / Looks like Alice" text beside it.
    m_clusters->setMinimumWidth(
        m_clusters->iconSize().width() + 12 * m_clusters->fontMetrics().averageCharWidth() +
        m_clusters->fontMetrics().horizontalAdvance(tr("Looks like %1").arg(QString())) + 32);
    m_clusters->setFrameShape(QFrame::NoFrame);
    m_ignoreClustersButton = new QPushButton(tr("Ignore selected groups"), this);
    m_ignoreClustersButton->setToolTip(
        tr("Strangers in the background: hide these faces for good (Delete). Undo brings them back."));
    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    auto* clustersHint = new QLabel(tr("Groups of faces that look alike, largest first."), left);
    clustersHint->setForegroundRole(QPalette::PlaceholderText);
    ll->addWidget(clustersHint);
    ll->addWidget(m_clusters, 1);
    ll->addWidget(m_ignoreClustersButton);

    // Right: the faces of the current cluster, and naming.
    m_title = new QLabel(this);
    QFont bf = m_title->font();
    bf.setBold(true);
    m_title->setFont(bf);
    m_faceModel = new FaceListModel(m_crops, this);
    m_faceModel->setShowNames(false);
    m_faces = new QListView(this);
    m_faces->setObjectName(QStringLiteral("clusterFaces"));
    m_faces->setModel(m_faceModel);
    m_faces->setViewMode(QListView::IconMode);
    m_faces->setIconSize(QSize(96, 96));
    m_faces->setGridSize(QSize(108, 108));
    m_faces->setMovement(QListView::Static);
    m_faces->setResizeMode(QListView::Adjust);
    m_faces->setUniformItemSizes(true);
    m_faces->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_faces->setFrameShape(QFrame::NoFrame);
    m_hint =
        new QLabel(tr("Select faces that are someone else and take them out before naming the group."), this);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_removeButton = new QPushButton(tr("Not this person"), this);
    m_removeButton->setToolTip(tr("Take the selected faces out of this group (Delete)"));
    m_ignoreFacesButton = new QPushButton(tr("Ignore faces"), this);
    m_ignoreFacesButton->setToolTip(tr("Hide the selected faces: strangers"));
    m_notFaceButton = new QPushButton(tr("Not a face"), this);
    m_notFaceButton->setObjectName(QStringLiteral("notFaceButton"));
    m_notFaceButton->setToolTip(
        tr("A hand, an ear, a pattern: move the selected faces (or, with none selected, "
           "the selected groups) to \"Not faces\" (N)"));
    m_restoreButton = new QPushButton(tr("It is a face"), this);
    m_restoreButton->setObjectName(QStringLiteral("restoreFaceButton"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("clusterName"));
    m_name->setPlaceholderText(tr("Who is this? Type a name…"));
    m_name->setClearButtonEnabled(true);
    m_names = new QStringListModel(this);
    auto* completer = new QCompleter(m_names, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_name->setCompleter(completer);
    m_nameButton = new QPushButton(tr("Name"), this);
    m_nameButton->setDefault(true);

    auto* faceButtons = new QHBoxLayout;
    faceButtons->addWidget(m_removeButton);
    faceButtons->addWidget(m_ignoreFacesButton);
    faceButtons->addWidget(m_notFaceButton);
    faceButtons->addWidget(m_restoreButton);
    faceButtons->addStretch(1);
    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_nameButton);
    auto* right = new QWidget(this);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(m_title);
    rl->addLayout(nameRow);
    rl->addWidget(m_faces, 1);
    rl->addWidget(m_hint);
    rl->addLayout(faceButtons);

    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({720, 360});

    m_empty = new EmptyStateView(Icons::Name::UnknownFace, tr("No unknown faces"),
                                 tr("Faces nobody has named yet appear here, grouped by likeness, once "
                                    "Kindred has looked for faces in your photos (File ▸ Find faces)."),
                                 this);
    auto* host = new QWidget(this);
    m_stack = new QStackedLayout(host);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(split);
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(12, 8, 12, 8);
    l->addWidget(title);
    l->addWidget(host, 1);

    connect(m_clusters->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    loadCluster(current.data(ClusterListModel::ClusterIdRole).toLongLong());
            });
    connect(m_clusters->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &UnknownFacesView::updateButtons);
    connect(m_faces->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &UnknownFacesView::updateButtons);
    connect(m_name, &QLineEdit::returnPressed, this, &UnknownFacesView::nameCurrent);
    connect(m_nameButton, &QPushButton::clicked, this, &UnknownFacesView::nameCurrent);
    connect(m_removeButton, &QPushButton::clicked, this, &UnknownFacesView::removeSelectedFaces);
    connect(m_ignoreFacesButton, &QPushButton::clicked, this, &UnknownFacesView::ignoreSelectedFaces);
    connect(m_ignoreClustersButton, &QPushButton::clicked, this, &UnknownFacesView::ignoreSelectedClusters);
    connect(m_notFaceButton, &QPushButton::clicked, this, &UnknownFacesView::markSelectedNotFaces);
    connect(m_restoreButton, &QPushButton::clicked, this, &UnknownFacesView::restoreSelectedFaces);
    // N: "Not a face" (or, in the "Not faces" row, "It is a face").
    m_clusters->installEventFilter(this);
    m_faces->installEventFilter(this);
    auto* delClusters = new QShortcut(QKeySequence::Delete, m_clusters, nullptr, nullptr, Qt::WidgetShortcut);
    connect(delClusters, &QShortcut::activated, this, &UnknownFacesView::ignoreSelectedClusters);
    auto* delFaces = new QShortcut(QKeySequence::Delete, m_faces, nullptr, nullptr, Qt::WidgetShortcut);
    connect(delFaces, &QShortcut::activated, this, &UnknownFacesView::removeSelectedFaces);
    updateButtons();
}

bool UnknownFacesView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress && (watched == m_clusters || watched == m_faces)) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_N && (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
            if (m_currentCluster == ClusterListModel::kNotFacesRow)
                restoreSelectedFaces();
            else
                markSelectedNotFaces();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

UnknownFacesView::~UnknownFacesView()
{
    m_pool.waitForDone();
}

void UnknownFacesView::setLibrary(const QString& catalogPath, const LibraryPaths& paths)
{
    m_catalogPath = catalogPath;
    m_paths = paths;
    m_currentCluster = -1;
    refresh();
}

void UnknownFacesView::refresh()
{
    if (m_catalogPath.isEmpty())
        return;
    const QString path = m_catalogPath;
    const LibraryPaths paths = m_paths;
    const quint64 serial = ++m_serial;
    // The pool is waited for in the destructor, so `this` outlives the worker.
    (void)QtConcurrent::run(&m_pool, [this, path, paths, serial] {
        FaceService faces(path, paths);
        const QList<ClusterRecord> clusters = faces.clusters(ClusterListModel::kStripFaces);
        QString error = faces.errorString();
        const QList<FaceRecord> unclustered = faces.unclusteredFaces();
        const QList<FaceRecord> notFaces = faces.notFaces();
        const QList<FaceRecord> unsure = faces.unsureFaces();
        QStringList names;
        for (const PersonSummary& p : PeopleService(path).persons(true))
            names.append(p.name);
        QMetaObject::invokeMethod(
            this,
            [this, clusters, unclustered, notFaces, unsure, names, error, serial] {
                showClusters(clusters, unclustered, notFaces, unsure, names, error, serial);
            },
            Qt::QueuedConnection);
    });
}

void UnknownFacesView::showClusters(const QList<ClusterRecord>& clusters,
                                    const QList<FaceRecord>& unclustered, const QList<FaceRecord>& notFaces,
                                    const QList<FaceRecord>& unsure, const QStringList& names,
                                    const QString& error, quint64 serial)
{
    if (serial != m_serial)
        return;
    m_names->setStringList(names);
    const qint64 keep = m_currentCluster;
    const int keepRow = m_clusters->currentIndex().row();
    m_clusterModel->setClusters(clusters, unclustered, notFaces, unsure);
    const int rows = m_clusterModel->rowCount();
    if (!error.isEmpty() && rows == 0)
        m_empty->setText(tr("The unknown faces could not be read: %1").arg(error));
    m_stack->setCurrentIndex(rows == 0 ? 0 : 1);
    if (rows > 0) {
        int row = m_clusterModel->rowOf(keep);
        if (row < 0)
            row = qBound(0, keepRow, rows - 1);
        m_currentCluster = -1; // force a reload of the faces
        m_clusters->setCurrentIndex(m_clusterModel->index(row));
    } else {
        m_currentCluster = -1;
        m_faceModel->setFaces({});
    }
    updateButtons();
    Q_EMIT refreshed(int(clusters.size()));
}

void UnknownFacesView::loadCluster(qint64 clusterId)
{
    if (clusterId == m_currentCluster)
        return;
    m_currentCluster = clusterId;
    const int row = m_clusterModel->rowOf(clusterId);
    const ClusterRecord c = m_clusterModel->clusterAt(row);
    m_title->setText(clusterId == 0 ? tr("%n face(s) that look like nobody else", nullptr, c.size)
                     : clusterId == ClusterListModel::kNotFacesRow
                         ? tr("%n detection(s) hidden as not a face", nullptr, c.size)
                     : clusterId == ClusterListModel::kUnsureRow
                         ? tr("%n detection(s) that may not be faces", nullptr, c.size)
                         : tr("A group of %n face(s)", nullptr, c.size));
    m_hint->setText(
        clusterId == ClusterListModel::kNotFacesRow
            ? tr("Kindred hides what the face detector found but does not look like a face, a second box "
                 "on a face already shown, and what you marked. Point at a face to see why. Select real "
                 "faces and choose \"It is a face\".")
        : clusterId == ClusterListModel::kUnsureRow
            ? tr("Kindred is not sure these are faces (small, blurred or half hidden ones, hands, patterns) "
                 "and keeps them out of the groups. Least sure first: select what is not a face and choose "
                 "\"Not a face\"; choose \"It is a face\" for faces, and they join the groups.")
            : tr("Select faces that are someone else and take them out before naming the group."));
    if (!c.suggestedPersonName.isEmpty() && m_name->text().isEmpty())
        m_name->setPlaceholderText(tr("Looks like %1. Type a name…").arg(c.suggestedPersonName));
    else
        m_name->setPlaceholderText(tr("Who is this? Type a name…"));
    const QString path = m_catalogPath;
    const LibraryPaths paths = m_paths;
    const quint64 serial = ++m_clusterSerial;
    (void)QtConcurrent::run(&m_pool, [this, path, paths, clusterId, serial] {
        FaceService service(path, paths);
        const QList<FaceRecord> faces = clusterId == 0 ? service.unclusteredFaces()
                                        : clusterId == ClusterListModel::kNotFacesRow ? service.notFaces()
                                        : clusterId == ClusterListModel::kUnsureRow
                                            ? service.unsureFaces()
                                            : service.facesOfCluster(clusterId);
        QMetaObject::invokeMethod(
            this, [this, clusterId, faces, serial] { showCluster(clusterId, faces, serial); },
            Qt::QueuedConnection);
    });
}

void UnknownFacesView::showCluster(qint64 clusterId, const QList<FaceRecord>& faces, quint64 serial)
{
    if (serial != m_clusterSerial)
        return;
    m_faceModel->setFaces(faces);
    updateButtons();
    Q_EMIT clusterShown(clusterId, int(faces.size()));
}

QList<qint64> UnknownFacesView::selectedFaceIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_faces->selectionModel()->selectedIndexes();
    for (const QModelIndex& i : rows)
        ids.append(i.data(FaceListModel::FaceIdRole).toLongLong());
    return ids;
}

void UnknownFacesView::updateButtons()
{
    const bool facesSelected = m_faces->selectionModel()->hasSelection();
    const bool notFacesRow = m_currentCluster == ClusterListModel::kNotFacesRow;
    m_removeButton->setEnabled(facesSelected && m_currentCluster > 0);
    m_ignoreFacesButton->setEnabled(facesSelected && !notFacesRow);
    m_ignoreFacesButton->setVisible(!notFacesRow);
    m_removeButton->setVisible(!notFacesRow);
    m_notFaceButton->setVisible(!notFacesRow);
    m_notFaceButton->setEnabled(facesSelected || m_clusters->selectionModel()->hasSelection());
    const bool unsureRow = m_currentCluster == ClusterListModel::kUnsureRow;
    m_restoreButton->setVisible(notFacesRow || unsureRow);
    m_restoreButton->setToolTip(unsureRow
                                    ? tr("The selected detections are faces: Kindred groups them like "
                                         "any face")
                                    : tr("Bring the selected faces back among the unknown faces; Kindred "
                                         "will not hide them again"));
    m_restoreButton->setEnabled(facesSelected);
    m_ignoreClustersButton->setEnabled(m_clusters->selectionModel()->hasSelection() && !notFacesRow);
    m_name->setEnabled(!notFacesRow);
    m_nameButton->setEnabled((m_currentCluster >= 0 && m_faceModel->rowCount() > 0) ||
                             (unsureRow && facesSelected));
}

void UnknownFacesView::nameCurrent()
{
    const QString name = m_name->text().simplified();
    const bool unsureRow = m_currentCluster == ClusterListModel::kUnsureRow;
    if (name.isEmpty() || (m_currentCluster < 0 && !unsureRow) || m_faceModel->rowCount() == 0)
        return;
    if (m_currentCluster == 0 || unsureRow) {
        // Faces on their own: the selected ones (all of them when none is selected); of the faces the app is
        // unsure of, only the selected ones.
        QList<qint64> ids = selectedFaceIds();
        if (ids.isEmpty() && unsureRow)
            return;
        if (ids.isEmpty()) {
            for (const FaceRecord& f : m_faceModel->faces())
                ids.append(f.id);
        }
        m_people->nameFaces(ids, name);
        m_faceModel->removeFaces(ids);
    } else {
        m_people->nameCluster(m_currentCluster, name);
        // Shown at once; the refresh that follows the change confirms it.
        const int row = m_clusterModel->rowOf(m_currentCluster);
        m_clusterModel->removeClusters({m_currentCluster});
        m_currentCluster = -1;
        if (m_clusterModel->rowCount() > 0)
            m_clusters->setCurrentIndex(m_clusterModel->index(qMin(row, m_clusterModel->rowCount() - 1)));
        else
            m_faceModel->setFaces({});
    }
    m_name->clear();
    updateButtons();
}

void UnknownFacesView::removeSelectedFaces()
{
    const QList<qint64> ids = selectedFaceIds();
    if (ids.isEmpty() || m_currentCluster <= 0)
        return;
    m_people->unassignFaces(ids);
    m_faceModel->removeFaces(ids);
    updateButtons();
}

void UnknownFacesView::ignoreSelectedFaces()
{
    const QList<qint64> ids = selectedFaceIds();
    if (ids.isEmpty())
        return;
    m_people->ignoreFaces(ids);
    m_faceModel->removeFaces(ids);
    updateButtons();
}

void UnknownFacesView::ignoreSelectedClusters()
{
    QList<qint64> clusterIds;
    const QModelIndexList rows = m_clusters->selectionModel()->selectedIndexes();
    for (const QModelIndex& i : rows) {
        const qint64 id = i.data(ClusterListModel::ClusterIdRole).toLongLong();
        if (id > 0)
            clusterIds.append(id);
    }
    if (clusterIds.isEmpty())
        return;
    m_people->ignoreClusters(clusterIds);
    removeClusterRows(clusterIds);
}

void UnknownFacesView::removeClusterRows(const QList<qint64>& clusterIds)
{
    const int row = m_clusters->currentIndex().row();
    m_clusterModel->removeClusters(clusterIds);
    m_currentCluster = -1;
    if (m_clusterModel->rowCount() > 0)
        m_clusters->setCurrentIndex(m_clusterModel->index(qBound(0, row, m_clusterModel->rowCount() - 1)));
    else
        m_faceModel->setFaces({});
    updateButtons();
}

void UnknownFacesView::markSelectedNotFaces()
{
    if (m_currentCluster == ClusterListModel::kNotFacesRow)
        return;
    const QList<qint64> ids = selectedFaceIds();
    if (!ids.isEmpty()) {
        m_people->markNotFaces(ids);
        m_faceModel->removeFaces(ids);
        updateButtons();
        return;
    }
    // No face selected: every unnamed face of the selected groups (a group of hands, say).
    QList<qint64> clusterIds;
    for (const QModelIndex& i : m_clusters->selectionModel()->selectedIndexes()) {
        const qint64 id = i.data(ClusterListModel::ClusterIdRole).toLongLong();
        if (id > 0)
            clusterIds.append(id);
    }
    if (clusterIds.isEmpty())
        return;
    const QString path = m_catalogPath;
    const LibraryPaths paths = m_paths;
    (void)QtConcurrent::run(&m_pool, [this, path, paths, clusterIds] {
        FaceService service(path, paths);
        QList<qint64> faces;
        for (qint64 id : clusterIds)
            for (const FaceRecord& f : service.facesOfCluster(id))
                faces.append(f.id);
        QMetaObject::invokeMethod(
            this, [this, faces] { m_people->markNotFaces(faces); }, Qt::QueuedConnection);
    });
    removeClusterRows(clusterIds);
}

void UnknownFacesView::restoreSelectedFaces()
{
    const QList<qint64> ids = selectedFaceIds();
    if (ids.isEmpty() || (m_currentCluster != ClusterListModel::kNotFacesRow &&
                          m_currentCluster != ClusterListModel::kUnsureRow))
        return;
    m_people->restoreFaces(ids);
    m_faceModel->removeFaces(ids);
    updateButtons();
}

} // namespace kindred
